//! Plans a request: in the browser on the planner's Web Worker, with
//! progress and cancel, so the page never freezes; natively (render tests)
//! synchronously.

use std::rc::Rc;

#[cfg(not(target_arch = "wasm32"))]
use tsunagu_core::access::Rules;
#[cfg(not(target_arch = "wasm32"))]
use tsunagu_core::graph::UnionLink;
#[cfg(not(target_arch = "wasm32"))]
use tsunagu_core::planner::PlanRequest;
use tsunagu_core::planner::{PlanAnswer, Progress};
use yew::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use crate::state::DatasetHandle;

/// Where a plan is.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanStatus {
    /// Nothing to plan.
    Idle,
    /// Planning, this far.
    Running(Progress),
    /// The answer.
    Done(Rc<PlanAnswer>),
    /// The user stopped it.
    Cancelled,
    /// It failed, with a reason.
    Failed(String),
}

/// What [`use_plan`] gives back.
#[derive(Clone, PartialEq)]
pub struct PlanHandle {
    /// The latest request's status.
    pub status: PlanStatus,
    /// `false` while `status` still describes an earlier request.
    pub current: bool,
    /// Stops the running plan.
    pub cancel: Callback<()>,
}

#[cfg(not(target_arch = "wasm32"))]
#[hook]
pub fn use_plan(
    data: Option<DatasetHandle>,
    links: Rc<Vec<UnionLink>>,
    rules: Rules,
    request: Option<PlanRequest>,
) -> PlanHandle {
    use tsunagu_core::index::NetworkIndex;
    use tsunagu_core::planner::{plan_joins_indexed, PlanLimits};

    let status = use_memo(
        (data, links, rules, request),
        |(data, links, rules, request)| match (data, request) {
            (Some(data), Some(request)) => match plan_joins_indexed(
                &NetworkIndex::build(data, links, *rules),
                request,
                PlanLimits::default(),
            ) {
                Ok(answer) => PlanStatus::Done(Rc::new(answer)),
                Err(error) => PlanStatus::Failed(error.to_string()),
            },
            _ => PlanStatus::Idle,
        },
    );
    PlanHandle {
        status: (*status).clone(),
        current: true,
        cancel: Callback::noop(),
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::use_plan;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use tsunagu_core::access::Rules;
    use tsunagu_core::graph::UnionLink;
    use tsunagu_core::index::NetworkIndex;
    use tsunagu_core::planner::{
        plan_joins_indexed, PlanAnswer, PlanLimits, PlanRequest, Progress,
    };
    use wasm_bindgen::JsValue;
    use yew::prelude::*;

    use super::{PlanHandle, PlanStatus};
    use crate::state::DatasetHandle;
    use crate::worker_client::WorkerClient;

    type Client = Rc<RefCell<WorkerClient>>;

    /// Plans `request` on a Web Worker; falls back to planning here when no
    /// worker can be started (for example, from `file://`). `links` are a
    /// what-if proposal's union links (empty for the real network); `rules`
    /// the access rules to plan under.
    #[hook]
    pub fn use_plan(
        data: Option<DatasetHandle>,
        links: Rc<Vec<UnionLink>>,
        rules: Rules,
        request: Option<PlanRequest>,
    ) -> PlanHandle {
        let status = use_state(|| PlanStatus::Idle);
        let live: Rc<RefCell<Option<Client>>> = use_mut_ref(|| None);
        let latest: Rc<Cell<u64>> = (*use_memo((), |()| Rc::new(Cell::new(0_u64)))).clone();
        let requested: Rc<RefCell<Option<PlanRequest>>> = use_mut_ref(|| None);
        let current = *requested.borrow() == request;

        {
            let (status, live, latest, requested) = (
                status.clone(),
                Rc::clone(&live),
                Rc::clone(&latest),
                Rc::clone(&requested),
            );
            use_effect_with(
                (data, links, rules, request),
                move |(data, links, rules, request)| {
                    requested.borrow_mut().clone_from(request);
                    let (Some(data), Some(request)) = (data.clone(), request.clone()) else {
                        status.set(PlanStatus::Idle);
                        return;
                    };
                    let id = latest.get() + 1;
                    latest.set(id);
                    let mut slot = live.borrow_mut();
                    if slot.is_none() {
                        *slot = start(&status, &latest);
                    }
                    let Some(client) = slot.as_ref() else {
                        // No worker: plan here, on the page.
                        let index = NetworkIndex::build(&data, links, *rules);
                        status.set(
                            match plan_joins_indexed(&index, &request, PlanLimits::default()) {
                                Ok(answer) => PlanStatus::Done(Rc::new(answer)),
                                Err(error) => PlanStatus::Failed(error.to_string()),
                            },
                        );
                        return;
                    };
                    let mut client = client.borrow_mut();
                    client.ensure_data(&data, links, *rules);
                    let json = serde_json::to_string(&request).unwrap_or_default();
                    #[allow(clippy::cast_precision_loss)] // request ids stay far below 2^52
                    client.send(&["plan".into(), JsValue::from_f64(id as f64), json.into()]);
                    status.set(PlanStatus::Running(Progress::default()));
                },
            );
        }

        let cancel = {
            let (status, live, latest) = (status.clone(), Rc::clone(&live), Rc::clone(&latest));
            Callback::from(move |()| {
                if let Some(client) = live.borrow_mut().take() {
                    client.borrow().terminate();
                }
                latest.set(latest.get() + 1);
                status.set(PlanStatus::Cancelled);
            })
        };
        PlanHandle {
            status: (*status).clone(),
            current,
            cancel,
        }
    }

    fn start(status: &UseStateHandle<PlanStatus>, latest: &Rc<Cell<u64>>) -> Option<Client> {
        let (status, latest) = (status.clone(), Rc::clone(latest));
        WorkerClient::spawn(move |message| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // ids we sent
            let id = message.get(1).as_f64().unwrap_or(-1.0) as u64;
            if id != latest.get() {
                return;
            }
            let payload = message.get(2).as_string().unwrap_or_default();
            match message.get(0).as_string().as_deref() {
                Some("progress") => {
                    if let Ok(progress) = serde_json::from_str::<Progress>(&payload) {
                        status.set(PlanStatus::Running(progress));
                    }
                }
                Some("done") => match serde_json::from_str::<PlanAnswer>(&payload) {
                    Ok(answer) => status.set(PlanStatus::Done(Rc::new(answer))),
                    Err(error) => status.set(PlanStatus::Failed(error.to_string())),
                },
                Some("failed") => status.set(PlanStatus::Failed(payload)),
                _ => {}
            }
        })
    }
}
