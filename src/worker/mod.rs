//! Heavy work off the UI thread: a dedicated Web Worker that runs the same
//! wasm module as the page, so nothing extra is downloaded. It plans, and it
//! reads imported files, so neither freezes the page.
//!
//! The page starts the worker from a small module script (a `blob:` URL)
//! that imports the app's own JS glue, found from the `<link>` tag trunk
//! writes, and instantiates the `WebAssembly.Module` the page posts as its
//! first message (compiled once, on the page, and never fetched again),
//! then calls `planner_worker_main`. The messages both ways
//! are typed in [`protocol`].

pub mod protocol;

use serde::{Deserialize, Serialize};
use tsunagu_core::diff::DatasetDiff;

/// A problem as the page shows it: where, and why in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownProblem {
    /// Where, in English: a JSON pointer, or a CSV line and column
    /// (empty for the whole file).
    pub place_en: String,
    /// Where, in Japanese: the same pointer, or 「4 行目 3 列」 for CSV.
    pub place_ja: String,
    /// In Japanese.
    pub ja: String,
    /// In English.
    pub en: String,
    /// A warning rather than an error.
    pub warning: bool,
}

impl ShownProblem {
    /// The problem, its place named with the record it falls in (`record`,
    /// when known): a JSON pointer in words counting from 1, as the council
    /// counts records, with the pointer after them.
    pub fn with_record(problem: &tsunagu_core::validate::Problem, record: Option<&str>) -> Self {
        use tsunagu_core::text::problem::json_place;
        let (place_ja, place_en) = match &problem.place {
            tsunagu_core::validate::Place::Json(pointer) => (
                json_place(pointer, record, false),
                json_place(pointer, record, true),
            ),
            _ => (problem.place_ja(), problem.place_en()),
        };
        Self {
            place_en,
            place_ja,
            ja: problem.message_ja(),
            en: problem.message_en(),
            warning: problem.severity == tsunagu_core::validate::Severity::Warning,
        }
    }
}

impl From<&tsunagu_core::validate::Problem> for ShownProblem {
    fn from(problem: &tsunagu_core::validate::Problem) -> Self {
        Self::with_record(problem, None)
    }
}

/// What reading an imported file gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ImportOutcome {
    /// A facilities file (CSV) that reads: its rows, to meet the data in
    /// the mode the preview picks ([`tsunagu_core::merge`]).
    Facilities(tsunagu_core::import::CsvImport),
    /// A whole dataset (JSON) that is good: what it would change, and its
    /// warnings. The new dataset's JSON text travels beside this.
    Ready {
        /// Added, changed and removed records.
        diff: DatasetDiff,
        /// Warnings.
        warnings: Vec<ShownProblem>,
    },
    /// The file is refused: every problem.
    Refused(Vec<ShownProblem>),
}

/// Reads an imported file against the current dataset: the outcome, and on
/// success the new dataset's JSON text. Runs in the worker (or, without
/// one, on the page).
pub fn read_import(
    name: &str,
    bytes: &[u8],
    current: &tsunagu_core::model::Dataset,
) -> (ImportOutcome, Option<String>) {
    use tsunagu_core::import::{check_size, decode_text_with, import_facilities_csv_text};
    use tsunagu_core::validate::load_dataset;

    let refused = |problems: Vec<tsunagu_core::validate::Problem>| {
        (
            ImportOutcome::Refused(problems.iter().map(ShownProblem::from).collect()),
            None,
        )
    };
    if let Err(problems) = check_size(bytes.len()) {
        return refused(problems);
    }
    let is_json = name.to_ascii_lowercase().ends_with(".json")
        || bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{');
    let decoded = decode_text_with(bytes, &crate::files::shift_jis);
    if !is_json {
        return match decoded
            .and_then(|text| import_facilities_csv_text(&text, name, current, &crate::lookup::nfkc))
        {
            Ok(import) => (ImportOutcome::Facilities(import), None),
            Err(problems) => refused(problems),
        };
    }
    let text = match decoded {
        Ok(text) => text,
        Err(problems) => return refused(problems),
    };
    match load_dataset(&text) {
        Ok(loaded) => (
            ImportOutcome::Ready {
                diff: tsunagu_core::diff::diff(current, &loaded.dataset),
                warnings: loaded.warnings.iter().map(ShownProblem::from).collect(),
            },
            Some(text),
        ),
        // もしも's proposal, opened in the wrong place: say where it goes.
        Err(_) if text.contains("\"changes\"") && !text.contains("\"schema_version\"") => {
            let problem = tsunagu_core::validate::Problem {
                severity: tsunagu_core::validate::Severity::Error,
                place: tsunagu_core::validate::Place::File,
                kind: tsunagu_core::validate::ProblemKind::WhatIfFile,
            };
            (
                ImportOutcome::Refused(vec![ShownProblem::from(&problem)]),
                None,
            )
        }
        // Each problem names the record it is in, beside its pointer.
        Err(problems) => {
            let names = tsunagu_core::validate::record_names(&text, &problems);
            let shown = problems
                .iter()
                .zip(names)
                .map(|(problem, name)| ShownProblem::with_record(problem, name.as_deref()))
                .collect();
            (ImportOutcome::Refused(shown), None)
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod entry {
    use std::cell::RefCell;
    use std::rc::Rc;

    use js_sys::Array;
    use tsunagu_core::index::NetworkIndex;
    use tsunagu_core::model::Dataset;
    use tsunagu_core::planner::{plan_joins_indexed_with_progress, PlanLimits};
    use tsunagu_core::validate::load_dataset;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    use super::protocol::{FromWorker, ToWorker};

    fn post(scope: &DedicatedWorkerGlobalScope, message: &FromWorker) {
        let _ = scope.post_message(&message.encode());
    }

    /// The reply to a request that came before any dataset.
    fn no_dataset(id: u64) -> FromWorker {
        FromWorker::Failed {
            id,
            reason: "no dataset".to_owned(),
        }
    }

    /// The worker's entry point: listens for the page's messages.
    #[wasm_bindgen]
    pub fn planner_worker_main() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let state: Rc<RefCell<Option<(Dataset, NetworkIndex)>>> = Rc::new(RefCell::new(None));
        let reply = scope.clone();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(message) = event
                .data()
                .dyn_into::<Array>()
                .ok()
                .and_then(|m| ToWorker::decode(&m))
            else {
                return;
            };
            match message {
                ToWorker::Data {
                    json, links, rules, ..
                } => {
                    // The same loader as the page's, so the wasm holds one JSON reader.
                    *state.borrow_mut() = load_dataset(&json).ok().map(|loaded| {
                        // Built once per dataset, then every plan reuses it.
                        let graph = NetworkIndex::build(&loaded.dataset, &links, rules);
                        (loaded.dataset, graph)
                    });
                }
                ToWorker::Plan { id, request } => {
                    let state = state.borrow();
                    let Some((_, graph)) = state.as_ref() else {
                        post(&reply, &no_dataset(id));
                        return;
                    };
                    let mut report =
                        |progress| post(&reply, &FromWorker::Progress { id, progress });
                    let message = match plan_joins_indexed_with_progress(
                        graph,
                        &request,
                        PlanLimits::default(),
                        &mut report,
                    ) {
                        Ok(answer) => FromWorker::Done { id, answer },
                        Err(error) => FromWorker::Refused { id, error },
                    };
                    post(&reply, &message);
                }
                ToWorker::Import { id, name, bytes } => {
                    let state = state.borrow();
                    let Some((current, _)) = state.as_ref() else {
                        post(&reply, &no_dataset(id));
                        return;
                    };
                    let (outcome, dataset) = super::read_import(&name, &bytes, current);
                    post(
                        &reply,
                        &FromWorker::Imported {
                            id,
                            outcome,
                            dataset,
                        },
                    );
                }
            }
        });
        scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        onmessage.forget();
        post(&scope, &FromWorker::Ready);
    }
}

#[cfg(test)]
mod import_tests {
    use super::{read_import, ImportOutcome};

    #[test]
    fn a_refused_file_s_problems_name_their_records_in_both_languages() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let second = data.hospitals[1].name.clone();
        // The second hospital's bed count in words.
        let mut value: serde_json::Value =
            serde_json::from_str(tsunagu_core::bundled::SAPPORO_JSON).unwrap();
        value["hospitals"][1]["beds"] = serde_json::Value::from("三百");
        let (outcome, text) = read_import("beds.json", value.to_string().as_bytes(), &data);
        assert!(text.is_none());
        let ImportOutcome::Refused(problems) = outcome else {
            panic!("refused");
        };
        let beds = problems
            .iter()
            .find(|p| p.place_en.ends_with("(/hospitals/1/beds)"))
            .expect("the bed count's problem");
        // Counted from 1, as a reader counts: the second hospital is 2.
        assert_eq!(
            beds.place_ja,
            format!("病院 2 件目（{second}）の「beds」（/hospitals/1/beds）")
        );
        assert_eq!(
            beds.place_en,
            format!("hospital 2 ({second}), \"beds\" (/hospitals/1/beds)")
        );
        assert_eq!(beds.ja, "文字列 \"三百\"が書かれていますが、整数が必要です");
    }

    #[test]
    fn a_what_if_file_given_as_data_is_sent_to_the_what_if_view() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let what_if = r#"{"name": "みきが ICT に加入", "changes": [{"kind": "join", "facility": "miki-family-clinic", "union": "hokudai-ict"}]}"#;
        let (outcome, text) = read_import("proposal.json", what_if.as_bytes(), &data);
        assert!(text.is_none());
        let ImportOutcome::Refused(problems) = outcome else {
            panic!("refused");
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].ja.contains("「もしも」の提案のファイル"),
            "{}",
            problems[0].ja
        );
        assert!(
            problems[0].en.contains("open it in What-if"),
            "{}",
            problems[0].en
        );
    }
}
