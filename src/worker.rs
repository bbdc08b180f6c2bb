//! The planner off the UI thread: a dedicated Web Worker that runs the same
//! wasm module as the page, so nothing extra is downloaded.
//!
//! The page starts the worker from a small module script (a `blob:` URL)
//! that imports the app's own JS glue and wasm, found from the `<link>` tags
//! trunk writes, then calls [`planner_worker_main`]. Messages are JSON text:
//! the page sends the dataset once per version, then plan requests; the
//! worker answers with progress and the result. Cancelling terminates the
//! worker; the next request starts a fresh one.

use serde::{Deserialize, Serialize};
use tsunagu_core::planner::{PlanAnswer, PlanRequest, Progress};

/// A message to the worker.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ToWorker {
    /// Use this dataset (JSON in tsunagu's format) from now on.
    Data {
        /// Identifies the dataset, so it is sent only once.
        version: u64,
        /// The dataset.
        json: String,
    },
    /// Plan this request on the current dataset.
    Plan {
        /// Echoed in the answer, so stale answers can be told apart.
        id: u64,
        /// The request.
        request: PlanRequest,
    },
}

/// A message from the worker.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FromWorker {
    /// The worker is listening.
    Ready,
    /// How far request `id` has got.
    Progress {
        /// The request.
        id: u64,
        /// Its progress.
        progress: Progress,
    },
    /// Request `id`'s answer.
    Done {
        /// The request.
        id: u64,
        /// The answer.
        answer: PlanAnswer,
    },
    /// Request `id` could not be planned.
    Failed {
        /// The request.
        id: u64,
        /// Why.
        message: String,
    },
}

#[cfg(target_arch = "wasm32")]
mod entry {
    use std::cell::RefCell;
    use std::rc::Rc;

    use tsunagu_core::graph::NetworkGraph;
    use tsunagu_core::planner::{plan_joins_with_progress, PlanLimits};
    use tsunagu_core::validate::load_dataset;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    use super::{FromWorker, ToWorker};

    fn post(scope: &DedicatedWorkerGlobalScope, message: &FromWorker) {
        if let Ok(text) = serde_json::to_string(message) {
            let _ = scope.post_message(&JsValue::from_str(&text));
        }
    }

    /// The worker's entry point: listens for [`ToWorker`] messages.
    #[wasm_bindgen]
    pub fn planner_worker_main() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let graph: Rc<RefCell<Option<NetworkGraph>>> = Rc::new(RefCell::new(None));
        let reply = scope.clone();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            match serde_json::from_str::<ToWorker>(&text) {
                Ok(ToWorker::Data { json, .. }) => {
                    // The same loader as the page's, so the wasm holds one JSON reader.
                    *graph.borrow_mut() = load_dataset(&json)
                        .ok()
                        .map(|loaded| NetworkGraph::build(&loaded.dataset, &[]));
                }
                Ok(ToWorker::Plan { id, request }) => {
                    let graph = graph.borrow();
                    let Some(graph) = graph.as_ref() else {
                        post(
                            &reply,
                            &FromWorker::Failed {
                                id,
                                message: "no dataset".into(),
                            },
                        );
                        return;
                    };
                    let mut report =
                        |progress| post(&reply, &FromWorker::Progress { id, progress });
                    let message = match plan_joins_with_progress(
                        graph,
                        &request,
                        PlanLimits::default(),
                        &mut report,
                    ) {
                        Ok(answer) => FromWorker::Done { id, answer },
                        Err(error) => FromWorker::Failed {
                            id,
                            message: error.to_string(),
                        },
                    };
                    post(&reply, &message);
                }
                Err(_) => {}
            }
        });
        scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        onmessage.forget();
        post(&scope, &FromWorker::Ready);
    }
}
