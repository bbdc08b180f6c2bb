//! Plans a request. A small network (the report's has a few dozen records)
//! plans on the page at once, in microseconds, so a shared link shows its
//! plan without starting a worker. A large one plans on the app's Web
//! Worker, with progress and cancel, so the page never freezes. Natively
//! (render tests) every plan is synchronous.

use std::rc::Rc;

use tsunagu_core::access::Rules;
use tsunagu_core::graph::UnionLink;
use tsunagu_core::planner::{PlanAnswer, PlanRequest, Progress};
use yew::prelude::*;

use crate::dataset_handle::DatasetHandle;

/// The most records (hospitals, unions and facilities together) a network
/// may have for its plans to run on the page. Hokkaido's scale (about 7,650)
/// already goes to the worker: its index takes a few milliseconds to build.
pub const PAGE_PLAN_RECORDS: usize = 2_000;

/// Whether `data` is small enough to plan on the page (see
/// [`PAGE_PLAN_RECORDS`]).
pub fn plans_on_page(data: &tsunagu_core::model::Dataset) -> bool {
    data.hospitals.len() + data.unions.len() + data.facilities.len() <= PAGE_PLAN_RECORDS
}

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
    Failed(PlanFailure),
}

/// Why a plan failed: the planner refused the request, or the worker could
/// not do it (stopped, or without a dataset).
#[derive(Clone, Debug, PartialEq)]
pub enum PlanFailure {
    /// The planner's own, typed reason.
    Plan(tsunagu_core::planner::PlanError),
    /// The worker's reason, as it gave it.
    Worker(String),
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

impl PlanHandle {
    /// The answer to the latest request, once it is done.
    pub fn answer(&self) -> Option<&Rc<PlanAnswer>> {
        match &self.status {
            PlanStatus::Done(answer) if self.current => Some(answer),
            _ => None,
        }
    }
}

/// Plans `request` on `data` here and now.
fn plan_here(
    data: &tsunagu_core::model::Dataset,
    links: &[UnionLink],
    rules: Rules,
    request: &PlanRequest,
) -> PlanStatus {
    use tsunagu_core::index::NetworkIndex;
    use tsunagu_core::planner::{plan_joins_indexed, PlanLimits};

    match plan_joins_indexed(
        &NetworkIndex::build(data, links, rules),
        request,
        PlanLimits::default(),
    ) {
        Ok(answer) => PlanStatus::Done(Rc::new(answer)),
        Err(error) => PlanStatus::Failed(PlanFailure::Plan(error)),
    }
}

/// The plan, made while rendering, when it is to be made on the page:
/// natively always, in the browser for a small network. `None` leaves it
/// to the worker. Memoised on its inputs, so a re-render plans nothing.
#[hook]
fn use_plan_on_page(
    data: Option<DatasetHandle>,
    links: Rc<Vec<UnionLink>>,
    rules: Rules,
    request: Option<PlanRequest>,
) -> Rc<Option<PlanStatus>> {
    use_memo(
        (data, links, rules, request),
        |(data, links, rules, request)| match (data, request) {
            (Some(data), Some(request))
                if cfg!(not(target_arch = "wasm32")) || plans_on_page(data) =>
            {
                Some(plan_here(data, links, *rules, request))
            }
            _ => None,
        },
    )
}

#[cfg(not(target_arch = "wasm32"))]
#[hook]
pub fn use_plan(
    data: Option<DatasetHandle>,
    links: Rc<Vec<UnionLink>>,
    rules: Rules,
    request: Option<PlanRequest>,
) -> PlanHandle {
    let status = use_plan_on_page(data, links, rules, request);
    PlanHandle {
        status: (*status).clone().unwrap_or(PlanStatus::Idle),
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
    use tsunagu_core::planner::{PlanRequest, Progress};
    use yew::prelude::*;

    use super::{plan_here, plans_on_page, use_plan_on_page, PlanFailure, PlanHandle, PlanStatus};
    use crate::dataset_handle::DatasetHandle;
    use crate::worker::protocol::{FromWorker, ToWorker};
    use crate::worker_service::WorkerService;

    /// Plans `request` here, while rendering, when the network is small
    /// ([`super::plans_on_page`]), else on the app's worker (from
    /// [`WorkerService`] in context); here too when there is none or it
    /// cannot start (for example from `file://`). `links` are a what-if's
    /// union links (empty for the real network); `rules` the access rules to
    /// plan under.
    #[hook]
    pub fn use_plan(
        data: Option<DatasetHandle>,
        links: Rc<Vec<UnionLink>>,
        rules: Rules,
        request: Option<PlanRequest>,
    ) -> PlanHandle {
        let on_page = use_plan_on_page(data.clone(), Rc::clone(&links), rules, request.clone());
        let service = use_context::<WorkerService>();
        let status = use_state(|| PlanStatus::Idle);
        // The request whose replies are wanted; any other is stale.
        let open: Rc<Cell<Option<u64>>> = (*use_memo((), |()| Rc::new(Cell::new(None)))).clone();
        let requested: Rc<RefCell<Option<PlanRequest>>> = use_mut_ref(|| None);
        let current = *requested.borrow() == request;

        {
            let (status, open, requested, service) = (
                status.clone(),
                Rc::clone(&open),
                Rc::clone(&requested),
                service.clone(),
            );
            use_effect_with(
                (data, links, rules, request),
                move |(data, links, rules, request)| {
                    requested.borrow_mut().clone_from(request);
                    if let (Some(service), Some(id)) = (&service, open.take()) {
                        service.forget(id);
                    }
                    let (Some(data), Some(request)) = (data.clone(), request.clone()) else {
                        status.set(PlanStatus::Idle);
                        return;
                    };
                    if plans_on_page(&data) {
                        // Planned while rendering (use_plan_on_page).
                        return;
                    }
                    let on_reply = {
                        let (status, open) = (status.clone(), Rc::clone(&open));
                        move |reply: FromWorker| match reply {
                            FromWorker::Progress { progress, .. } => {
                                status.set(PlanStatus::Running(progress));
                                false
                            }
                            FromWorker::Done { answer, .. } => {
                                open.set(None);
                                status.set(PlanStatus::Done(Rc::new(answer)));
                                true
                            }
                            FromWorker::Failed { reason, .. } => {
                                open.set(None);
                                status.set(PlanStatus::Failed(PlanFailure::Worker(reason)));
                                true
                            }
                            FromWorker::Refused { error, .. } => {
                                open.set(None);
                                status.set(PlanStatus::Failed(PlanFailure::Plan(error)));
                                true
                            }
                            FromWorker::Ready | FromWorker::Imported { .. } => false,
                        }
                    };
                    let sent = service.as_ref().and_then(|service| {
                        service.request(
                            &data,
                            links,
                            *rules,
                            |id| ToWorker::Plan {
                                id,
                                request: request.clone(),
                            },
                            on_reply,
                        )
                    });
                    if let Some(id) = sent {
                        open.set(Some(id));
                        status.set(PlanStatus::Running(Progress::default()));
                    } else {
                        // No worker: plan here, on the page.
                        status.set(plan_here(&data, links, *rules, &request));
                    }
                },
            );
        }
        {
            // Leaving the view while a long plan runs stops it, so that the
            // worker is free for the next one.
            let (open, service) = (Rc::clone(&open), service.clone());
            use_effect_with((), move |()| {
                move || {
                    if let (Some(service), Some(id)) = (service, open.take()) {
                        service.cancel(id);
                    }
                }
            });
        }

        let cancel = {
            let (status, open, service) = (status.clone(), Rc::clone(&open), service);
            Callback::from(move |()| {
                if let (Some(service), Some(id)) = (&service, open.take()) {
                    service.cancel(id);
                }
                status.set(PlanStatus::Cancelled);
            })
        };
        match &*on_page {
            Some(planned) => PlanHandle {
                status: planned.clone(),
                current: true,
                cancel,
            },
            None => PlanHandle {
                status: (*status).clone(),
                current,
                cancel,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::plans_on_page;
    use tsunagu_core::synth::{synthesize, Scale};

    #[test]
    fn the_report_plans_on_the_page_and_hokkaido_on_the_worker() {
        let report = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        assert!(plans_on_page(&report));
        assert!(!plans_on_page(&synthesize(Scale::HOKKAIDO, 1)));
    }
}
