//! The データ view's tools for keeping the data: import (with a preview to
//! confirm, or every problem listed), export, undo, redo and reset. Reading
//! an imported file is [`crate::hooks::use_import`]'s; the tools only hand
//! it the chosen file.

use tsunagu_core::diff::ChangedRecord;
use yew::prelude::*;

use crate::dataset_handle::DatasetHandle;
use crate::hooks::ImportHandle;
use crate::i18n::{Lang, UpkeepTexts};
use std::rc::Rc;

use super::ImportPreview;
use crate::components::tags;
use crate::state::{Pending, PendingImport};
use crate::worker::ShownProblem;

/// What the tools ask the store to do.
#[derive(Clone, Debug, PartialEq)]
pub enum DataCommand {
    /// Show this import's preview.
    Preview(PendingImport),
    /// Use the previewed import.
    Confirm,
    /// Drop it.
    Cancel,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Use the previewed facilities file, as planned in the chosen mode.
    Apply(std::rc::Rc<tsunagu_core::model::Dataset>),
    /// Go back to the report's data.
    Reset,
    /// Forget why the last edit was refused (the form it was about closed).
    ClearEditErrors,
}

/// [`DataTools`]'s properties.
#[derive(Properties, PartialEq)]
pub struct DataToolsProps {
    /// The UI language.
    pub lang: Lang,
    /// The working dataset.
    pub data: DatasetHandle,
    /// Whether it differs from the report's.
    pub edited: bool,
    /// Whether there is a change to undo.
    pub can_undo: bool,
    /// Whether there is a change to redo.
    pub can_redo: bool,
    /// The import awaiting confirmation.
    pub pending: Option<PendingImport>,
    /// Reading a chosen file ([`crate::hooks::use_import`]): the tools only
    /// hand it the file and show how it went.
    pub import: ImportHandle,
    /// Asks the store.
    pub on_command: Callback<DataCommand>,
}

/// A problem in the UI's language, with the other language after it.
pub fn problem_item(lang: Lang, problem: &ShownProblem) -> Html {
    let (first, second, other, place) = match lang {
        Lang::Ja => (&problem.ja, &problem.en, "en", &problem.place_ja),
        Lang::En => (&problem.en, &problem.ja, "ja", &problem.place_en),
    };
    html! {
        <li>
            if !place.is_empty() {
                <code class="where">{ place.clone() }</code>{ " " }
            }
            { first.clone() }
            <span class="other-lang" lang={other}>{ second.clone() }</span>
        </li>
    }
}

fn change_list(label: String, changes: &[ChangedRecord], open: bool) -> Html {
    if changes.is_empty() {
        return html! {};
    }
    let shown = 30;
    html! {
        <details class="change-list" {open}>
            { tags::summary(label) }
            <ul>
                { for changes.iter().take(shown).map(|c| html! { { tags::li(c.name.clone()) } }) }
                if changes.len() > shown {
                    { tags::li(format!("… +{}", changes.len() - shown)) }
                }
            </ul>
        </details>
    }
}

/// The tools.
#[function_component(DataTools)]
pub fn data_tools(props: &DataToolsProps) -> Html {
    let lang = props.lang;
    let texts: &UpkeepTexts = &lang.texts().upkeep;
    let reading = props.import.reading;
    let failed = &props.import.failed;
    let onchange = {
        let on_file = props.import.read.clone();
        let (on_command, previewing) = (props.on_command.clone(), props.pending.is_some());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                // Cleared, so that choosing the same file again reads it again.
                input.set_value("");
                // A new file replaces the last one's preview, whether it
                // reads or not: a failed file must not leave the previous
                // file's 「この内容で取り込む」 under its errors.
                if previewing {
                    on_command.emit(DataCommand::Cancel);
                }
                on_file.emit(file);
            }
        })
    };

    // A command whose button goes away or turns off sends focus on: the
    // preview's buttons back to the file input, 元に戻す / やり直す to the
    // other when it is the last of its kind.
    let command_then = |c: DataCommand, pressed: &'static str, then: &'static str| {
        props.on_command.reform(move |_: MouseEvent| {
            crate::dom::focus_after_render_if_lost(pressed, then);
            c.clone()
        })
    };
    // A preview that appears takes focus at its heading: reading the file
    // turned the input off, which took focus from it.
    {
        let previewing = props.pending.is_some();
        use_effect_with(previewing, move |&previewing| {
            if previewing {
                crate::dom::focus_after_render("preview-heading".to_owned());
            }
        });
    }
    let export_json = {
        let data = props.data.clone();
        Callback::from(move |_: MouseEvent| {
            crate::files::download(
                "tsunagu-data.json",
                "application/json",
                data.source().as_bytes(),
            );
        })
    };
    let export_csv = {
        let data = props.data.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(bytes) = tsunagu_core::export::export_facilities_csv(&data) {
                crate::files::download("tsunagu-facilities.csv", "text/csv", &bytes);
            }
        })
    };
    let reset = {
        let (on_command, question) = (props.on_command.clone(), texts.reset_confirm);
        Callback::from(move |_: MouseEvent| {
            if crate::files::confirm(question) {
                on_command.emit(DataCommand::Reset);
            }
        })
    };
    let limit = (tsunagu_core::import::MAX_IMPORT_BYTES / (1024 * 1024)).to_string();

    html! {
        <section class="data-tools" aria-labelledby="data-tools-heading">
            <h3 id="data-tools-heading">{ texts.heading }</h3>
            <p class="status" role="status">{ if props.edited { texts.status_edited } else { texts.status_report } }</p>
            <div class="tool-row">
                <label class="file-button">
                    { tags::span(texts.import_label) }
                    <input id="data-import" type="file" accept=".json,.csv,application/json,text/csv" {onchange} disabled={reading} />
                </label>
                { tags::button(export_json, texts.export_json) }
                { tags::button(export_csv, texts.export_csv) }
            </div>
            { tags::p_note(texts.import_hint.replace("{limit}", &limit)) }
            <div class="tool-row">
                <button type="button" id="data-undo" onclick={command_then(DataCommand::Undo, "data-undo", "data-redo")} disabled={!props.can_undo} aria-keyshortcuts="Control+Z">{ texts.undo }</button>
                <button type="button" id="data-redo" onclick={command_then(DataCommand::Redo, "data-redo", "data-undo")} disabled={!props.can_redo} aria-keyshortcuts="Control+Y">{ texts.redo }</button>
                <button type="button" onclick={reset} disabled={!props.edited}>{ texts.reset }</button>
                <span class="note">{ texts.shortcuts }</span>
            </div>
            if reading {
                <p role="status">{ texts.reading }</p>
            }
            if let Some((file, problems)) = failed {
                <div class="import-errors" role="alert">
                    <p>{ tags::strong(texts.import_failed.replace("{file}", file).replace("{problems}", &lang.count(problems.len(), crate::i18n::Noun::Problem))) }</p>
                    <ul>{ for problems.iter().take(200).map(|p| problem_item(lang, p)) }</ul>
                    { tags::p(texts.nothing_changed) }
                </div>
            }
            if let Some(pending) = &props.pending {
                <div class="import-preview" role="region" aria-labelledby="preview-heading">
                    <h4 id="preview-heading" tabindex="-1">{ texts.preview_heading.replace("{file}", &pending.file) }</h4>
                    { match &pending.what {
                        Pending::Dataset { diff, warnings, .. } => html! {
                            <>
                                if diff.is_empty() {
                                    { tags::p(texts.no_change) }
                                }
                                // A whole file replaces the data: what it overwrites
                                // or drops is shown open, before the button.
                                <p class="warn" role="note">{ texts.replaces_all }</p>
                                { change_list(texts.added.replace("{n}", &diff.added.len().to_string()), &diff.added, false) }
                                { change_list(texts.changed.replace("{n}", &diff.changed.len().to_string()), &diff.changed, true) }
                                { change_list(texts.removed.replace("{n}", &diff.removed.len().to_string()), &diff.removed, true) }
                                if !warnings.is_empty() {
                                    <ul class="warnings">{ for warnings.iter().map(|p| problem_item(lang, p)) }</ul>
                                }
                                <div class="tool-row">
                                    <button type="button" class="primary" onclick={command_then(DataCommand::Confirm, "preview-heading", "data-import")}>{ texts.confirm_import }</button>
                                    { tags::button(command_then(DataCommand::Cancel, "preview-heading", "data-import"), texts.cancel_import) }
                                </div>
                            </>
                        },
                        Pending::Facilities(import) => html! {
                            <ImportPreview {lang} data={props.data.clone()} import={Rc::clone(import)}
                                on_command={props.on_command.clone()} />
                        },
                    } }
                </div>
            }
            { tags::p_note(lang.texts().import.history_note) }
        </section>
    }
}
