//! The app's one store: its state and the actions that change it.
//!
//! State flows one way: the root `Shell` owns it through `use_reducer`,
//! children get values and callbacks, and `reduce` stays thin: it calls core
//! functions (`apply_edit`) and keeps the undo and redo stacks.

use std::rc::Rc;

use tsunagu_core::diff::DatasetDiff;
use tsunagu_core::edit::{apply_edit, Edit};
use tsunagu_core::model::Dataset;
use tsunagu_core::validate::Problem;
use yew::Reducible;

use crate::dataset_handle::{report_dataset, DatasetHandle};
use crate::i18n::Lang;
use crate::page_data::PageData;
use crate::saved_what_ifs::SavedWhatIf;
use crate::worker::ShownProblem;

/// An import waiting for the user to confirm it, after the preview. The
/// worker has read and checked it; nothing changes until confirmation.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    /// The file's name.
    pub file: String,
    /// What the file holds.
    pub what: Pending,
}

/// What an import awaiting confirmation holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// A whole dataset (JSON), which replaces the data.
    Dataset {
        /// The dataset, as JSON text.
        text: Rc<str>,
        /// What would change.
        diff: Rc<DatasetDiff>,
        /// Warnings about the new data (printed totals that no longer add up).
        warnings: Rc<Vec<ShownProblem>>,
    },
    /// A facilities file (CSV), which meets the data in the mode the
    /// preview picks.
    Facilities(Rc<tsunagu_core::import::CsvImport>),
}

/// Something the app tells the user about, app-wide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The saved dataset could not be read; the app started on the
    /// report's data and kept the damaged copy, which can be downloaded.
    StorageDamaged {
        /// The damaged text.
        damaged: Rc<str>,
    },
    /// The browser's storage is full: the latest change is not saved; what
    /// was saved before is kept.
    StorageFull,
    /// A new version of the app has been downloaded and can take over.
    UpdateReady,
}

/// Everything the UI remembers.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The language the UI is shown in.
    pub lang: Lang,
    /// The dataset the views show.
    pub data: Option<DatasetHandle>,
    /// Earlier datasets, newest last.
    pub undo: Vec<DatasetHandle>,
    /// Undone datasets, newest last.
    pub redo: Vec<DatasetHandle>,
    /// An import shown for confirmation.
    pub pending: Option<PendingImport>,
    /// Why the last edit was refused.
    pub edit_errors: Option<Rc<Vec<Problem>>>,
    /// App-wide notices.
    pub notices: Vec<Notice>,
    /// The council's saved what-ifs.
    pub saved_what_ifs: Rc<Vec<SavedWhatIf>>,
    /// The report's own dataset as text, as the page carries it: what the
    /// data is compared with, and what a reset goes back to.
    pub report: Option<Rc<str>>,
}

impl AppState {
    /// The state a visit starts with: the report's dataset, as the page
    /// carries it.
    pub fn new(lang: Lang) -> Self {
        let report = PageData::Report.text();
        let data = report.clone().and_then(report_dataset);
        Self::with_data(lang, report, data, Vec::new())
    }

    /// The state a visit starts with, on `data`, beside the report's text.
    pub fn with_data(
        lang: Lang,
        report: Option<Rc<str>>,
        data: Option<DatasetHandle>,
        notices: Vec<Notice>,
    ) -> Self {
        Self {
            report,
            lang,
            data,
            undo: Vec::new(),
            redo: Vec::new(),
            pending: None,
            edit_errors: None,
            notices,
            saved_what_ifs: Rc::new(Vec::new()),
        }
    }

    /// Whether the data differs from the report's.
    pub fn is_edited(&self) -> bool {
        self.data
            .as_ref()
            .is_some_and(|d| self.report.as_deref() != Some(d.source()))
    }

    /// The whole dataset awaiting confirmation, read (the worker has checked
    /// it already, so straight into the types).
    fn pending_dataset(&self) -> Option<DatasetHandle> {
        match &self.pending.as_ref()?.what {
            Pending::Dataset { text, .. } => serde_json::from_str::<Dataset>(text)
                .ok()
                .map(|d| DatasetHandle::with_text(d, Rc::clone(text))),
            Pending::Facilities(_) => None,
        }
    }

    fn replace_data(&self, next: DatasetHandle) -> Self {
        let mut state = self.clone();
        if let Some(previous) = state.data.replace(next) {
            state.undo.push(previous);
        }
        state.redo.clear();
        state.pending = None;
        state.edit_errors = None;
        state
    }
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show the UI in this language.
    SetLang(Lang),
    /// Show an import's preview.
    PreviewImport(PendingImport),
    /// Use the previewed import (a whole dataset).
    ConfirmImport,
    /// Use the previewed facilities file, as the preview planned it in the
    /// mode the user chose.
    ApplyImport(Rc<Dataset>),
    /// Drop the previewed import.
    CancelImport,
    /// Change the data by hand (boxed: an edit carries a whole record).
    Edit(Box<Edit>),
    /// Forget why the last edit was refused.
    ClearEditErrors,
    /// Go back one change.
    Undo,
    /// Go forward one undone change.
    Redo,
    /// Go back to the report's data (undoable).
    ResetToReport,
    /// Tell the user something.
    Notify(Notice),
    /// Close a notice.
    Dismiss(usize),
    /// Save a saved what-if, replacing the one with the same id.
    SaveWhatIf(SavedWhatIf),
    /// Delete the saved what-if with this id.
    DeleteWhatIf(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::SetLang(lang) if lang == self.lang => return self,
            Action::SetLang(lang) => Self {
                lang,
                ..(*self).clone()
            },
            Action::PreviewImport(pending) => Self {
                pending: Some(pending),
                ..(*self).clone()
            },
            Action::CancelImport => Self {
                pending: None,
                ..(*self).clone()
            },
            Action::ApplyImport(next) if self.pending.is_some() => {
                self.replace_data(DatasetHandle::new((*next).clone()))
            }
            Action::ApplyImport(_) => return self,
            Action::ConfirmImport => {
                let parsed = self.pending_dataset();
                match parsed {
                    Some(next) => self.replace_data(next),
                    None => return self,
                }
            }
            Action::Edit(edit) => {
                let Some(data) = &self.data else { return self };
                match apply_edit(data, edit.as_ref()) {
                    Ok(next) => self.replace_data(DatasetHandle::new(next)),
                    Err(problems) => Self {
                        edit_errors: Some(Rc::new(problems)),
                        ..(*self).clone()
                    },
                }
            }
            Action::ClearEditErrors => Self {
                edit_errors: None,
                ..(*self).clone()
            },
            Action::Undo => {
                let mut state = (*self).clone();
                let Some(previous) = state.undo.pop() else {
                    return self;
                };
                if let Some(current) = state.data.replace(previous) {
                    state.redo.push(current);
                }
                state
            }
            Action::Redo => {
                let mut state = (*self).clone();
                let Some(next) = state.redo.pop() else {
                    return self;
                };
                if let Some(current) = state.data.replace(next) {
                    state.undo.push(current);
                }
                state
            }
            Action::ResetToReport => match self.report.clone().and_then(report_dataset) {
                Some(report) if self.is_edited() => self.replace_data(report),
                _ => return self,
            },
            Action::Notify(notice) if self.notices.contains(&notice) => return self,
            Action::Notify(notice) => {
                let mut state = (*self).clone();
                state.notices.push(notice);
                state
            }
            Action::SaveWhatIf(saved_what_if) => {
                let mut saved_what_ifs = (*self.saved_what_ifs).clone();
                match saved_what_ifs.iter_mut().find(|p| p.id == saved_what_if.id) {
                    Some(slot) => *slot = saved_what_if,
                    None => saved_what_ifs.push(saved_what_if),
                }
                Self {
                    saved_what_ifs: Rc::new(saved_what_ifs),
                    ..(*self).clone()
                }
            }
            Action::DeleteWhatIf(id) => {
                let mut saved_what_ifs = (*self.saved_what_ifs).clone();
                saved_what_ifs.retain(|p| p.id != id);
                Self {
                    saved_what_ifs: Rc::new(saved_what_ifs),
                    ..(*self).clone()
                }
            }
            Action::Dismiss(index) => {
                let mut state = (*self).clone();
                if index < state.notices.len() {
                    state.notices.remove(index);
                }
                state
            }
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use tsunagu_core::model::FacilityId;

    use super::*;

    #[test]
    fn set_lang_changes_the_language_and_keeps_the_same_state_when_unchanged() {
        let start = Rc::new(AppState::new(Lang::Ja));
        let same = Rc::clone(&start).reduce(Action::SetLang(Lang::Ja));
        assert!(
            Rc::ptr_eq(&start, &same),
            "an unchanged language must not re-render"
        );
        let english = start.reduce(Action::SetLang(Lang::En));
        assert_eq!(english.lang, Lang::En);
    }

    #[test]
    fn a_visit_starts_with_the_bundled_dataset() {
        let state = AppState::new(Lang::Ja);
        let data = state.data.expect("the bundled dataset loads");
        assert!(data.hospitals.len() > 7);
    }

    #[test]
    fn an_edit_can_be_undone_and_redone_and_a_bad_edit_changes_nothing() {
        let start = Rc::new(AppState::new(Lang::Ja));
        let id = FacilityId::from("miki-family-clinic");
        let removed =
            Rc::clone(&start).reduce(Action::Edit(Box::new(Edit::RemoveFacility(id.clone()))));
        let count = |s: &AppState| s.data.as_ref().map_or(0, |d| d.facilities.len());
        assert_eq!(count(&removed), count(&start) - 1);
        assert!(removed.is_edited());

        let undone = Rc::clone(&removed).reduce(Action::Undo);
        assert_eq!(count(&undone), count(&start));
        let redone = Rc::clone(&undone).reduce(Action::Redo);
        assert_eq!(count(&redone), count(&removed));

        let mut bad = start.data.as_ref().expect("data").facilities[0].clone();
        bad.ward = Some(tsunagu_core::model::WardId::from("mars"));
        let refused = Rc::clone(&redone).reduce(Action::Edit(Box::new(Edit::PutFacility(bad))));
        assert_eq!(refused.data, redone.data);
        assert!(refused.edit_errors.is_some());
    }

    #[test]
    fn what_ifs_are_saved_by_id_and_deleted() {
        use tsunagu_core::whatif::WhatIf;
        let start = Rc::new(AppState::new(Lang::Ja));
        let p = |id: &str, name: &str| SavedWhatIf {
            id: id.into(),
            what_if: WhatIf {
                name: name.into(),
                changes: Vec::new(),
            },
        };
        let one = start.reduce(Action::SaveWhatIf(p("p1", "a")));
        let two = one.reduce(Action::SaveWhatIf(p("p2", "b")));
        let renamed = two.reduce(Action::SaveWhatIf(p("p1", "a2")));
        assert_eq!(renamed.saved_what_ifs.len(), 2);
        assert_eq!(renamed.saved_what_ifs[0].what_if.name, "a2");
        let deleted = renamed.reduce(Action::DeleteWhatIf("p1".into()));
        assert_eq!(deleted.saved_what_ifs.len(), 1);
        assert_eq!(deleted.saved_what_ifs[0].id, "p2");
    }

    #[test]
    fn reset_goes_back_to_the_report_and_can_be_undone() {
        let start = Rc::new(AppState::new(Lang::Ja));
        let edited = start.reduce(Action::Edit(Box::new(Edit::RemoveFacility(
            FacilityId::from("miki-family-clinic"),
        ))));
        let reset = Rc::clone(&edited).reduce(Action::ResetToReport);
        assert!(!reset.is_edited());
        assert!(reset.reduce(Action::Undo).is_edited());
    }
}
