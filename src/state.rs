//! The app's one store: its state and the actions that change it.
//!
//! State flows one way: the root `Shell` owns it through `use_reducer`,
//! children get values and callbacks, and `reduce` stays thin.

use std::rc::Rc;

use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::model::Dataset;
use tsunagu_core::validate::load_dataset;
use yew::Reducible;

use crate::i18n::Lang;

/// A shared, immutable dataset, with the JSON text it was read from (which
/// is what the planner's worker is sent). Two handles are equal when they
/// hold the same allocation, so passing one as a prop never compares whole
/// datasets.
#[derive(Clone, Debug)]
pub struct DatasetHandle(pub Rc<Dataset>, pub Rc<str>);

impl DatasetHandle {
    /// The JSON text the dataset was read from.
    pub fn source(&self) -> &str {
        &self.1
    }
}

impl PartialEq for DatasetHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for DatasetHandle {
    type Target = Dataset;

    fn deref(&self) -> &Dataset {
        &self.0
    }
}

/// The dataset compiled into the app, or `None` if it does not load (the
/// core's tests make sure it does).
pub fn bundled_dataset() -> Option<DatasetHandle> {
    load_dataset(SAPPORO_JSON)
        .ok()
        .map(|loaded| DatasetHandle(Rc::new(loaded.dataset), Rc::from(SAPPORO_JSON)))
}

/// Everything the UI remembers.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The language the UI is shown in.
    pub lang: Lang,
    /// The dataset the views show.
    pub data: Option<DatasetHandle>,
}

impl AppState {
    /// The state a visit starts with: the bundled dataset.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            data: bundled_dataset(),
        }
    }
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show the UI in this language.
    SetLang(Lang),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLang(lang) if lang == self.lang => self,
            Action::SetLang(lang) => {
                let mut next = (*self).clone();
                next.lang = lang;
                Rc::new(next)
            }
        }
    }
}

#[cfg(test)]
mod tests {
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
}
