//! The planner's worker as an app-wide service: one worker for the whole
//! app, made once by `Shell` and handed to views by context, so that
//! visiting 経路プラン again and again reuses it instead of starting another
//! copy of the wasm. It routes each reply to the request that asked for it.
//! Stopping a plan stops the worker (a plan cannot be interrupted inside
//! it), and the next request starts a fresh one; so does leaving the view
//! while a plan still runs. The worker is stopped when the app is dropped.
//!
//! Natively (render tests) there is no worker: the service is an empty
//! handle and every caller plans on the page.

use std::cell::RefCell;
use std::rc::Rc;

/// A handle on the app's worker (cheap to clone; equal when it is the same
/// service).
#[derive(Clone, Default)]
pub struct WorkerService(Rc<RefCell<Inner>>);

impl PartialEq for WorkerService {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for WorkerService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WorkerService")
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Inner;

#[cfg(target_arch = "wasm32")]
#[derive(Default)]
struct Inner {
    /// The running worker, started on the first request.
    client: Option<Rc<RefCell<crate::worker_client::WorkerClient>>>,
    /// `true` once a start failed (for example from `file://`): callers
    /// then work on the page.
    unavailable: bool,
    /// The last request id given out.
    last_id: u64,
    /// What to do with each open request's replies.
    handlers: std::collections::HashMap<u64, browser::Handler>,
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::rc::{Rc, Weak};

    use tsunagu_core::access::Rules;
    use tsunagu_core::graph::UnionLink;

    use super::{Inner, WorkerService};
    use crate::dataset_handle::DatasetHandle;
    use crate::worker::protocol::{FromWorker, ToWorker};
    use crate::worker_client::WorkerClient;

    /// What a request does with its replies; it answers `true` when the
    /// request is finished.
    pub type Handler = Box<dyn FnMut(FromWorker) -> bool>;

    fn route(inner: &Weak<RefCell<Inner>>, message: FromWorker) {
        let (Some(inner), Some(id)) = (inner.upgrade(), message.id()) else {
            return;
        };
        // Taken out while it runs, so that it may send another request.
        let handler = inner.borrow_mut().handlers.remove(&id);
        if let Some(mut handler) = handler {
            if !handler(message) {
                inner.borrow_mut().handlers.insert(id, handler);
            }
        }
    }

    impl WorkerService {
        /// Sends a request: the dataset (with a saved what-if's union links and
        /// the rules) goes first unless the worker has it, then the message
        /// `build` makes from the request's id. Replies go to `on_reply`
        /// until it answers `true`. `None` when no worker can start; the
        /// caller then works on the page.
        pub fn request(
            &self,
            data: &DatasetHandle,
            links: &Rc<Vec<UnionLink>>,
            rules: Rules,
            build: impl FnOnce(u64) -> ToWorker,
            on_reply: impl FnMut(FromWorker) -> bool + 'static,
        ) -> Option<u64> {
            let client = self.client()?;
            let id = {
                let mut inner = self.0.borrow_mut();
                inner.last_id += 1;
                inner.last_id
            };
            self.0.borrow_mut().handlers.insert(id, Box::new(on_reply));
            let mut client = client.borrow_mut();
            client.ensure_data(data, links, rules);
            client.send(&build(id));
            Some(id)
        }

        /// Stops a request. A plan cannot be interrupted inside the worker,
        /// so the worker is stopped; any other open request is told it
        /// failed, and the next request starts a fresh worker.
        pub fn cancel(&self, id: u64) {
            let (client, others) = {
                let mut inner = self.0.borrow_mut();
                inner.handlers.remove(&id);
                let others: Vec<_> = inner.handlers.drain().collect();
                (inner.client.take(), others)
            };
            if let Some(client) = client {
                client.borrow().terminate();
            }
            for (other, mut handler) in others {
                handler(FromWorker::Failed {
                    id: other,
                    reason: "cancelled".to_owned(),
                });
            }
        }

        /// Forgets a request: its replies are ignored from now on (the
        /// worker finishes it, then takes the next).
        pub fn forget(&self, id: u64) {
            self.0.borrow_mut().handlers.remove(&id);
        }

        /// Whether a worker is running now (for tests and diagnostics).
        pub fn is_running(&self) -> bool {
            self.0.borrow().client.is_some()
        }

        fn client(&self) -> Option<Rc<RefCell<WorkerClient>>> {
            let mut inner = self.0.borrow_mut();
            if inner.unavailable {
                return None;
            }
            if inner.client.is_none() {
                let weak = Rc::downgrade(&self.0);
                inner.client = WorkerClient::spawn(move |message| route(&weak, message));
                inner.unavailable = inner.client.is_none();
            }
            inner.client.clone()
        }
    }

    impl Drop for Inner {
        fn drop(&mut self) {
            if let Some(client) = self.client.take() {
                client.borrow().terminate();
            }
        }
    }
}
