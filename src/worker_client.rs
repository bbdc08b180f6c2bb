//! The page's side of the worker (see `worker`): starting it, queueing
//! messages until it says it is ready, and sending the dataset once per
//! version. Messages are [`ToWorker`] and [`FromWorker`]. Browser only.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, BlobPropertyBag, HtmlLinkElement, MessageEvent, Url, Worker, WorkerOptions, WorkerType,
};

use tsunagu_core::access::Rules;
use tsunagu_core::graph::UnionLink;

use crate::dataset_handle::DatasetHandle;
use crate::worker::protocol::{FromWorker, ToWorker};

/// A running worker and what it has been told.
pub struct WorkerClient {
    worker: Worker,
    ready: bool,
    queue: Vec<Array>,
    /// What the worker was last sent, held (so that no other dataset can
    /// take its address) and compared by identity; and how many were sent.
    sent: Option<(DatasetHandle, Rc<Vec<UnionLink>>, Rules)>,
    sent_count: u64,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
}

fn href(selector: &str) -> Option<String> {
    let element = gloo::utils::document().query_selector(selector).ok()??;
    Some(element.dyn_into::<HtmlLinkElement>().ok()?.href())
}

/// Starts a module worker that loads this app's own glue, then waits for
/// its first message: the page's compiled `WebAssembly.Module`, which it
/// instantiates instead of fetching and compiling the wasm again.
fn spawn_worker() -> Option<Worker> {
    let glue = href("link[rel=modulepreload]")?;
    let source = format!(
        "import init, {{ planner_worker_main }} from {glue:?};\nself.onmessage = async (event) => {{\n  self.onmessage = null;\n  await init({{ module_or_path: event.data }});\n  planner_worker_main();\n}};\n"
    );
    let parts = Array::of1(&JsValue::from_str(&source));
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let worker_options = WorkerOptions::new();
    worker_options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&url, &worker_options).ok();
    let _ = Url::revoke_object_url(&url);
    let worker = worker?;
    // Compiled once, on the page: a module posted to a worker shares its
    // compiled code.
    worker.post_message(&wasm_bindgen::module()).ok()?;
    Some(worker)
}

impl WorkerClient {
    /// Starts a worker; `on_message` hears every message but `Ready`.
    /// `None` when no worker can start (for example, from `file://`).
    pub fn spawn(mut on_message: impl FnMut(FromWorker) + 'static) -> Option<Rc<RefCell<Self>>> {
        let worker = spawn_worker()?;
        Some(Rc::new_cyclic(|weak: &Weak<RefCell<Self>>| {
            let weak = weak.clone();
            let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(message) = event
                    .data()
                    .dyn_into::<Array>()
                    .ok()
                    .and_then(|m| FromWorker::decode(&m))
                else {
                    return;
                };
                if message == FromWorker::Ready {
                    if let Some(client) = weak.upgrade() {
                        let mut client = client.borrow_mut();
                        client.ready = true;
                        for queued in std::mem::take(&mut client.queue) {
                            let _ = client.worker.post_message(&queued);
                        }
                    }
                } else {
                    on_message(message);
                }
            });
            worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            RefCell::new(Self {
                worker,
                ready: false,
                queue: Vec::new(),
                sent: None,
                sent_count: 0,
                _onmessage: onmessage,
            })
        }))
    }

    /// Sends a message, or queues it until the worker is ready.
    pub fn send(&mut self, message: &ToWorker) {
        let message = message.encode();
        if self.ready {
            let _ = self.worker.post_message(&message);
        } else {
            self.queue.push(message);
        }
    }

    /// Sends the dataset (with a saved what-if's union links and the access
    /// rules) unless the worker already has these very ones.
    pub fn ensure_data(&mut self, data: &DatasetHandle, links: &Rc<Vec<UnionLink>>, rules: Rules) {
        let same = self
            .sent
            .as_ref()
            .is_some_and(|(d, l, r)| d == data && Rc::ptr_eq(l, links) && *r == rules);
        if !same {
            self.sent_count += 1;
            self.send(&ToWorker::Data {
                version: self.sent_count,
                json: data.source().to_owned(),
                links: links.as_ref().clone(),
                rules,
            });
            self.sent = Some((data.clone(), Rc::clone(links), rules));
        }
    }

    /// Stops the worker.
    pub fn terminate(&self) {
        self.worker.terminate();
    }
}
