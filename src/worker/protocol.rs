//! The messages between the page and the planner's worker, typed, with the
//! one pair of functions that turns them into what `postMessage` carries and
//! back. On the wire a message is a JS array whose first item names it;
//! big texts and bytes travel as they are, not escaped inside JSON:
//!
//! | page → worker ([`ToWorker`]) | worker → page ([`FromWorker`]) |
//! |---|---|
//! | `["data", version, datasetJson, linksJson, rules]` | `["ready"]` |
//! | `["plan", id, requestJson]` | `["progress", id, progressJson]`, `["done", id, answerJson]`, `["refused", id, planErrorJson]`, `["failed", id, reason]` |
//! | `["import", id, fileName, bytes]` | `["imported", id, outcomeJson, datasetJson or null]` |

use tsunagu_core::access::Rules;
use tsunagu_core::graph::UnionLink;
use tsunagu_core::planner::{PlanAnswer, PlanError, PlanRequest, Progress};

use super::ImportOutcome;

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq)]
pub enum ToWorker {
    /// Plan on this dataset from now on (a what-if's union links
    /// and the access rules with it). `version` tells datasets apart.
    Data {
        /// The dataset's version.
        version: u64,
        /// The dataset as JSON text.
        json: String,
        /// A saved what-if's union links.
        links: Vec<UnionLink>,
        /// The access rules.
        rules: Rules,
    },
    /// Plan a request.
    Plan {
        /// The request's id, repeated in every reply.
        id: u64,
        /// What to plan.
        request: PlanRequest,
    },
    /// Read an imported file against the current dataset.
    Import {
        /// The request's id.
        id: u64,
        /// The file's name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
}

/// What the worker tells the page.
#[derive(Clone, Debug, PartialEq)]
pub enum FromWorker {
    /// The worker has started and takes messages.
    Ready,
    /// A plan's progress.
    Progress {
        /// The request's id.
        id: u64,
        /// How far it has got.
        progress: Progress,
    },
    /// A plan's answer.
    Done {
        /// The request's id.
        id: u64,
        /// The answer.
        answer: PlanAnswer,
    },
    /// The planner refused a request, with its typed reason.
    Refused {
        /// The request's id.
        id: u64,
        /// Why.
        error: PlanError,
    },
    /// A request failed (or was stopped).
    Failed {
        /// The request's id.
        id: u64,
        /// Why.
        reason: String,
    },
    /// An imported file was read.
    Imported {
        /// The request's id.
        id: u64,
        /// What it gave.
        outcome: ImportOutcome,
        /// The new dataset's JSON text, when the file is good.
        dataset: Option<String>,
    },
}

impl FromWorker {
    /// The id of the request this replies to (`None` for [`FromWorker::Ready`]).
    pub fn id(&self) -> Option<u64> {
        match self {
            FromWorker::Ready => None,
            FromWorker::Progress { id, .. }
            | FromWorker::Done { id, .. }
            | FromWorker::Refused { id, .. }
            | FromWorker::Failed { id, .. }
            | FromWorker::Imported { id, .. } => Some(*id),
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod wire {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{FromWorker, ToWorker};
    use tsunagu_core::access::Rules;

    fn text(value: &JsValue) -> String {
        value.as_string().unwrap_or_default()
    }

    #[allow(clippy::cast_precision_loss)] // ids and versions stay far below 2^52
    fn number(n: u64) -> JsValue {
        JsValue::from_f64(n as f64)
    }

    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // numbers we sent
    fn id(value: &JsValue) -> Option<u64> {
        value.as_f64().filter(|n| *n >= 0.0).map(|n| n as u64)
    }

    fn json<T: serde::Serialize>(value: &T) -> JsValue {
        serde_json::to_string(value).unwrap_or_default().into()
    }

    impl ToWorker {
        /// The message as `postMessage` carries it.
        pub fn encode(&self) -> Array {
            match self {
                ToWorker::Data {
                    version,
                    json: data,
                    links,
                    rules,
                } => [
                    "data".into(),
                    number(*version),
                    data.as_str().into(),
                    json(links),
                    rules.as_str().into(),
                ]
                .iter()
                .collect(),
                ToWorker::Plan { id, request } => {
                    ["plan".into(), number(*id), json(request)].iter().collect()
                }
                ToWorker::Import { id, name, bytes } => [
                    "import".into(),
                    number(*id),
                    name.as_str().into(),
                    Uint8Array::from(bytes.as_slice()).into(),
                ]
                .iter()
                .collect(),
            }
        }

        /// Reads a message; `None` for one that is not a [`ToWorker`].
        pub fn decode(message: &Array) -> Option<Self> {
            match text(&message.get(0)).as_str() {
                "data" => Some(ToWorker::Data {
                    version: id(&message.get(1))?,
                    json: text(&message.get(2)),
                    links: serde_json::from_str(&text(&message.get(3))).unwrap_or_default(),
                    // By name; anything else is the confirmed rule.
                    rules: if text(&message.get(4)) == Rules::AssumeAgreements.as_str() {
                        Rules::AssumeAgreements
                    } else {
                        Rules::Confirmed
                    },
                }),
                "plan" => Some(ToWorker::Plan {
                    id: id(&message.get(1))?,
                    request: serde_json::from_str(&text(&message.get(2))).ok()?,
                }),
                "import" => Some(ToWorker::Import {
                    id: id(&message.get(1))?,
                    name: text(&message.get(2)),
                    bytes: message
                        .get(3)
                        .dyn_into::<Uint8Array>()
                        .map(|b| b.to_vec())
                        .unwrap_or_default(),
                }),
                _ => None,
            }
        }
    }

    impl FromWorker {
        /// The message as `postMessage` carries it.
        pub fn encode(&self) -> Array {
            match self {
                FromWorker::Ready => Array::of1(&"ready".into()),
                FromWorker::Progress { id, progress } => {
                    ["progress".into(), number(*id), json(progress)]
                        .iter()
                        .collect()
                }
                FromWorker::Done { id, answer } => {
                    ["done".into(), number(*id), json(answer)].iter().collect()
                }
                FromWorker::Refused { id, error } => ["refused".into(), number(*id), json(error)]
                    .iter()
                    .collect(),
                FromWorker::Failed { id, reason } => {
                    ["failed".into(), number(*id), reason.as_str().into()]
                        .iter()
                        .collect()
                }
                FromWorker::Imported {
                    id,
                    outcome,
                    dataset,
                } => [
                    "imported".into(),
                    number(*id),
                    json(outcome),
                    dataset.as_deref().map_or(JsValue::NULL, JsValue::from),
                ]
                .iter()
                .collect(),
            }
        }

        /// Reads a message; a reply whose payload does not parse becomes
        /// [`FromWorker::Failed`] with the reason, so that no request waits
        /// for ever. `None` for one that is not a [`FromWorker`].
        pub fn decode(message: &Array) -> Option<Self> {
            let kind = text(&message.get(0));
            if kind == "ready" {
                return Some(FromWorker::Ready);
            }
            let id = id(&message.get(1))?;
            let payload = text(&message.get(2));
            let failed = |error: serde_json::Error| FromWorker::Failed {
                id,
                reason: error.to_string(),
            };
            Some(match kind.as_str() {
                "progress" => match serde_json::from_str(&payload) {
                    Ok(progress) => FromWorker::Progress { id, progress },
                    Err(error) => failed(error),
                },
                "done" => match serde_json::from_str(&payload) {
                    Ok(answer) => FromWorker::Done { id, answer },
                    Err(error) => failed(error),
                },
                "refused" => match serde_json::from_str(&payload) {
                    Ok(error) => FromWorker::Refused { id, error },
                    Err(error) => failed(error),
                },
                "failed" => FromWorker::Failed {
                    id,
                    reason: payload,
                },
                "imported" => match serde_json::from_str(&payload) {
                    Ok(outcome) => FromWorker::Imported {
                        id,
                        outcome,
                        dataset: message.get(3).as_string(),
                    },
                    Err(error) => failed(error),
                },
                _ => return None,
            })
        }
    }
}
