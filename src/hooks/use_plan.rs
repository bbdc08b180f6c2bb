//! Plans a request: in the browser on the planner's Web Worker, with
//! progress and cancel, so the page never freezes; natively (render tests)
//! synchronously.

use std::rc::Rc;

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
pub fn use_plan(data: Option<DatasetHandle>, request: Option<PlanRequest>) -> PlanHandle {
    use tsunagu_core::graph::NetworkGraph;
    use tsunagu_core::planner::{plan_joins, PlanLimits};

    let status = use_memo((data, request), |(data, request)| match (data, request) {
        (Some(data), Some(request)) => match plan_joins(
            &NetworkGraph::build(data, &[]),
            request,
            PlanLimits::default(),
        ) {
            Ok(answer) => PlanStatus::Done(Rc::new(answer)),
            Err(error) => PlanStatus::Failed(error.to_string()),
        },
        _ => PlanStatus::Idle,
    });
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

    use tsunagu_core::graph::NetworkGraph;
    use tsunagu_core::planner::{plan_joins, PlanLimits, PlanRequest, Progress};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{
        Blob, BlobPropertyBag, HtmlLinkElement, MessageEvent, Url, Worker, WorkerOptions,
        WorkerType,
    };
    use yew::prelude::*;

    use super::{PlanHandle, PlanStatus};
    use crate::state::DatasetHandle;
    use crate::worker::{FromWorker, ToWorker};

    /// A running worker and what it has been told.
    struct Live {
        worker: Worker,
        ready: bool,
        /// Messages waiting for the worker to say it is ready.
        queue: Vec<String>,
        /// The dataset version it holds.
        data_version: Option<u64>,
        _onmessage: Closure<dyn FnMut(MessageEvent)>,
    }

    impl Live {
        fn send(&mut self, message: &ToWorker) {
            let Ok(text) = serde_json::to_string(message) else {
                return;
            };
            if self.ready {
                let _ = self.worker.post_message(&JsValue::from_str(&text));
            } else {
                self.queue.push(text);
            }
        }
    }

    fn href(selector: &str) -> Option<String> {
        let element = gloo::utils::document().query_selector(selector).ok()??;
        Some(element.dyn_into::<HtmlLinkElement>().ok()?.href())
    }

    /// Starts a module worker that loads this app's own glue and wasm.
    fn spawn_worker() -> Option<Worker> {
        let glue = href("link[rel=modulepreload]")?;
        let wasm = href("link[rel=preload][as=fetch]")?;
        let source = format!(
            "import init, {{ planner_worker_main }} from {glue:?};\nawait init({{ module_or_path: {wasm:?} }});\nplanner_worker_main();\n"
        );
        let parts = js_sys::Array::of1(&JsValue::from_str(&source));
        let options = BlobPropertyBag::new();
        options.set_type("text/javascript");
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let worker_options = WorkerOptions::new();
        worker_options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &worker_options).ok();
        let _ = Url::revoke_object_url(&url);
        worker
    }

    fn version(data: &DatasetHandle) -> u64 {
        Rc::as_ptr(&data.0) as usize as u64
    }

    /// Plans `request` on a Web Worker; falls back to planning here when no
    /// worker can be started (for example, from `file://`).
    #[hook]
    pub fn use_plan(data: Option<DatasetHandle>, request: Option<PlanRequest>) -> PlanHandle {
        let status = use_state(|| PlanStatus::Idle);
        let live: Rc<RefCell<Option<Live>>> = use_mut_ref(|| None);
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
            use_effect_with((data, request), move |(data, request)| {
                requested.borrow_mut().clone_from(request);
                let (Some(data), Some(request)) = (data.clone(), request.clone()) else {
                    status.set(PlanStatus::Idle);
                    return;
                };
                let id = latest.get() + 1;
                latest.set(id);
                let mut slot = live.borrow_mut();
                if slot.is_none() {
                    *slot = start(&status, &latest, &live);
                }
                let Some(worker) = slot.as_mut() else {
                    // No worker: plan here, on the page.
                    let graph = NetworkGraph::build(&data, &[]);
                    status.set(match plan_joins(&graph, &request, PlanLimits::default()) {
                        Ok(answer) => PlanStatus::Done(Rc::new(answer)),
                        Err(error) => PlanStatus::Failed(error.to_string()),
                    });
                    return;
                };
                if worker.data_version != Some(version(&data)) {
                    let json = data.source().to_owned();
                    worker.send(&ToWorker::Data {
                        version: version(&data),
                        json,
                    });
                    worker.data_version = Some(version(&data));
                }

                worker.send(&ToWorker::Plan { id, request });
                status.set(PlanStatus::Running(Progress::default()));
            });
        }

        let cancel = {
            let (status, live, latest) = (status.clone(), Rc::clone(&live), Rc::clone(&latest));
            Callback::from(move |()| {
                if let Some(worker) = live.borrow_mut().take() {
                    worker.worker.terminate();
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

    fn start(
        status: &UseStateHandle<PlanStatus>,
        latest: &Rc<Cell<u64>>,
        live: &Rc<RefCell<Option<Live>>>,
    ) -> Option<Live> {
        let worker = spawn_worker()?;
        let (status, latest, weak) = (status.clone(), Rc::clone(latest), Rc::downgrade(live));
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            let Ok(message) = serde_json::from_str::<FromWorker>(&text) else {
                return;
            };
            match message {
                FromWorker::Ready => {
                    let Some(live) = weak.upgrade() else { return };
                    let mut slot = live.borrow_mut();
                    if let Some(live) = slot.as_mut() {
                        live.ready = true;
                        for text in live.queue.drain(..) {
                            let _ = live.worker.post_message(&JsValue::from_str(&text));
                        }
                    }
                }
                FromWorker::Progress { id, progress } if id == latest.get() => {
                    status.set(PlanStatus::Running(progress));
                }
                FromWorker::Done { id, answer } if id == latest.get() => {
                    status.set(PlanStatus::Done(Rc::new(answer)));
                }
                FromWorker::Failed { id, message } if id == latest.get() => {
                    status.set(PlanStatus::Failed(message));
                }
                _ => {}
            }
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        Some(Live {
            worker,
            ready: false,
            queue: Vec::new(),
            data_version: None,
            _onmessage: onmessage,
        })
    }
}
