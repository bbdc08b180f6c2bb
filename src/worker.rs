//! Heavy work off the UI thread: a dedicated Web Worker that runs the same
//! wasm module as the page, so nothing extra is downloaded. It plans, and it
//! reads imported files, so neither freezes the page.
//!
//! The page starts the worker from a small module script (a `blob:` URL)
//! that imports the app's own JS glue and wasm, found from the `<link>` tags
//! trunk writes, then calls [`planner_worker_main`]. Messages are JS arrays
//! whose first item names them; big texts and bytes travel as they are, not
//! escaped inside JSON:
//!
//! | page → worker | worker → page |
//! |---|---|
//! | `["data", version, datasetJson]` | `["ready"]` |
//! | `["plan", id, requestJson]` | `["progress", id, progressJson]`, `["done", id, answerJson]`, `["failed", id, reason]` |
//! | `["import", id, fileName, bytes]` | `["imported", id, outcomeJson, datasetJson]` |

use serde::{Deserialize, Serialize};
use tsunagu_core::diff::DatasetDiff;

/// A problem as the page shows it: where, and why in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownProblem {
    /// JSON pointer or CSV line and column.
    pub pointer: String,
    /// In Japanese.
    pub ja: String,
    /// In English.
    pub en: String,
    /// A warning rather than an error.
    pub warning: bool,
}

impl From<&tsunagu_core::validate::Problem> for ShownProblem {
    fn from(problem: &tsunagu_core::validate::Problem) -> Self {
        Self {
            pointer: problem.pointer.clone(),
            ja: problem.message_ja(),
            en: problem.message_en(),
            warning: problem.severity == tsunagu_core::validate::Severity::Warning,
        }
    }
}

/// What reading an imported file gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportOutcome {
    /// The file is good: what it would change, and its warnings. The new
    /// dataset's JSON text travels beside this.
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
    use tsunagu_core::import::{
        check_size, decode_text_with, import_facilities_csv_text, with_facilities,
    };
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
    let result = if is_json {
        decoded.and_then(|text| {
            load_dataset(&text).map(|loaded| (loaded.dataset, text, loaded.warnings))
        })
    } else {
        decoded
            .and_then(|text| import_facilities_csv_text(&text, name, current, &crate::lookup::nfkc))
            .map(|import| {
                let next = with_facilities(current, &import);
                let text = tsunagu_core::export::export_json(&next).unwrap_or_default();
                (next, text, Vec::new())
            })
    };
    match result {
        Ok((next, text, warnings)) => (
            ImportOutcome::Ready {
                diff: tsunagu_core::diff::diff(current, &next),
                warnings: warnings.iter().map(ShownProblem::from).collect(),
            },
            Some(text),
        ),
        Err(problems) => refused(problems),
    }
}

#[cfg(target_arch = "wasm32")]
mod entry {
    use std::cell::RefCell;
    use std::rc::Rc;

    use js_sys::{Array, Uint8Array};
    use tsunagu_core::access::Rules;
    use tsunagu_core::graph::UnionLink;
    use tsunagu_core::index::NetworkIndex;
    use tsunagu_core::model::Dataset;
    use tsunagu_core::planner::{plan_joins_indexed_with_progress, PlanLimits, PlanRequest};
    use tsunagu_core::validate::load_dataset;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn post(scope: &DedicatedWorkerGlobalScope, items: &[JsValue]) {
        let array = items.iter().collect::<Array>();
        let _ = scope.post_message(&array);
    }

    fn text(value: &JsValue) -> String {
        value.as_string().unwrap_or_default()
    }

    /// The worker's entry point: listens for the page's messages.
    #[wasm_bindgen]
    pub fn planner_worker_main() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let state: Rc<RefCell<Option<(Dataset, NetworkIndex)>>> = Rc::new(RefCell::new(None));
        let reply = scope.clone();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Ok(message) = event.data().dyn_into::<Array>() else {
                return;
            };
            let id = message.get(1);
            match text(&message.get(0)).as_str() {
                "data" => {
                    // The same loader as the page's, so the wasm holds one JSON reader.
                    // A what-if proposal's union links, if any, come as JSON.
                    let links: Vec<UnionLink> =
                        serde_json::from_str(&text(&message.get(3))).unwrap_or_default();
                    // The access rules by name; anything else is the confirmed rule.
                    let rules = if text(&message.get(4)) == Rules::AssumeAgreements.as_str() {
                        Rules::AssumeAgreements
                    } else {
                        Rules::Confirmed
                    };
                    *state.borrow_mut() = load_dataset(&text(&message.get(2))).ok().map(|loaded| {
                        // Built once per dataset, then every plan reuses it.
                        let graph = NetworkIndex::build(&loaded.dataset, &links, rules);
                        (loaded.dataset, graph)
                    });
                }
                "plan" => {
                    let state = state.borrow();
                    let request = serde_json::from_str::<PlanRequest>(&text(&message.get(2)));
                    let (Some((_, graph)), Ok(request)) = (state.as_ref(), request) else {
                        post(
                            &reply,
                            &["failed".into(), id, "no dataset or request".into()],
                        );
                        return;
                    };
                    let mut report = |progress| {
                        let json = serde_json::to_string(&progress).unwrap_or_default();
                        post(&reply, &["progress".into(), id.clone(), json.into()]);
                    };
                    match plan_joins_indexed_with_progress(
                        graph,
                        &request,
                        PlanLimits::default(),
                        &mut report,
                    ) {
                        Ok(answer) => {
                            let json = serde_json::to_string(&answer).unwrap_or_default();
                            post(&reply, &["done".into(), id, json.into()]);
                        }
                        Err(error) => {
                            post(&reply, &["failed".into(), id, error.to_string().into()]);
                        }
                    }
                }
                "import" => {
                    let state = state.borrow();
                    let Some((current, _)) = state.as_ref() else {
                        post(&reply, &["failed".into(), id, "no dataset".into()]);
                        return;
                    };
                    let bytes = message
                        .get(3)
                        .dyn_into::<Uint8Array>()
                        .map(|b| b.to_vec())
                        .unwrap_or_default();
                    let (outcome, dataset) =
                        super::read_import(&text(&message.get(2)), &bytes, current);
                    let outcome = serde_json::to_string(&outcome).unwrap_or_default();
                    post(
                        &reply,
                        &[
                            "imported".into(),
                            id,
                            outcome.into(),
                            dataset.map_or(JsValue::NULL, JsValue::from),
                        ],
                    );
                }
                _ => {}
            }
        });
        scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        onmessage.forget();
        post(&scope, &["ready".into()]);
    }
}
