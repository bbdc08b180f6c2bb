//! `use_import`: reading a file chosen for import on the app's worker (or on
//! the page, when there is none), then either a preview to confirm or every
//! problem, in both languages.

use std::rc::Rc;

use yew::prelude::*;

use crate::dataset_handle::DatasetHandle;
use crate::state::{Pending, PendingImport};
use crate::worker::{ImportOutcome, ShownProblem};

/// How reading an import is going, and the callback that starts it.
#[derive(Clone, PartialEq)]
pub struct ImportHandle {
    /// A file is being read.
    pub reading: bool,
    /// The last file that was refused: its name and every problem.
    pub failed: Option<(String, Rc<Vec<ShownProblem>>)>,
    /// Reads a chosen file.
    pub read: Callback<web_sys::File>,
}

/// A reason to refuse a file, said the same in both languages (the
/// browser's own words, or the worker's).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn refusal(reason: String) -> ShownProblem {
    ShownProblem {
        place_en: String::new(),
        place_ja: String::new(),
        ja: reason.clone(),
        en: reason,
        warning: false,
    }
}

/// Reads files for import against `data` (when there is one); a good file becomes a preview
/// (`on_preview`), a bad one [`ImportHandle::failed`]. Nothing changes the
/// data until the preview is confirmed.
#[hook]
pub fn use_import(
    data: Option<DatasetHandle>,
    on_preview: Callback<PendingImport>,
) -> ImportHandle {
    let reading = use_state(|| false);
    // A refusal, with the data it left unchanged: once the data changes
    // (an undo, an edit, another import), 「データは変更していません」 is no
    // longer news, and the refusal is not shown.
    let failed = use_state(|| None::<(String, Rc<Vec<ShownProblem>>, DatasetHandle)>);
    let current = data.clone();
    let service = use_context::<crate::worker_service::WorkerService>();
    let read = {
        let (reading, failed) = (reading.clone(), failed.clone());
        use_callback(
            (data, on_preview, service),
            move |file: web_sys::File, (data, on_preview, service)| {
                // Without data there is nothing to compare a file with; the
                // tools are not shown then.
                let Some(data) = data.clone() else {
                    return;
                };
                let name = file.name();
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                // a file's size in bytes
                let size = file.size() as usize;
                if let Err(problems) = tsunagu_core::import::check_size(size) {
                    let shown = problems.iter().map(ShownProblem::from).collect();
                    failed.set(Some((name, Rc::new(shown), data)));
                    return;
                }
                reading.set(true);
                failed.set(None);
                let done = {
                    let (reading, failed, on_preview, file, at) = (
                        reading.clone(),
                        failed.clone(),
                        on_preview.clone(),
                        name.clone(),
                        data.clone(),
                    );
                    Callback::from(move |(outcome, text): (ImportOutcome, Option<Rc<str>>)| {
                        reading.set(false);
                        match (outcome, text) {
                            (ImportOutcome::Ready { diff, warnings }, Some(text)) => {
                                on_preview.emit(PendingImport {
                                    file: file.clone(),
                                    what: Pending::Dataset {
                                        text,
                                        diff: Rc::new(diff),
                                        warnings: Rc::new(warnings),
                                    },
                                });
                            }
                            (ImportOutcome::Facilities(import), _) => {
                                on_preview.emit(PendingImport {
                                    file: file.clone(),
                                    what: Pending::Facilities(Rc::new(import)),
                                });
                            }
                            (ImportOutcome::Refused(problems), _) => {
                                failed.set(Some((file.clone(), Rc::new(problems), at.clone())));
                            }
                            (ImportOutcome::Ready { .. }, None) => {}
                        }
                    })
                };
                read_file(file, name, data, service.clone(), done);
            },
        )
    };
    ImportHandle {
        reading: *reading,
        failed: (*failed)
            .clone()
            .filter(|(_, _, at)| current.as_ref() == Some(at))
            .map(|(file, problems, _)| (file, problems)),
        read,
    }
}

/// Reads the file's bytes, then hands them to the worker.
#[cfg(target_arch = "wasm32")]
fn read_file(
    file: web_sys::File,
    name: String,
    data: DatasetHandle,
    service: Option<crate::worker_service::WorkerService>,
    done: Callback<(ImportOutcome, Option<Rc<str>>)>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        match crate::files::read_bytes(&file).await {
            Ok(bytes) => read_on_worker(service.as_ref(), name, bytes, &data, done),
            Err(reason) => done.emit((ImportOutcome::Refused(vec![refusal(reason)]), None)),
        }
    });
}

/// Native builds (render tests) have no files to read.
#[cfg(not(target_arch = "wasm32"))]
fn read_file(
    _: web_sys::File,
    _: String,
    _: DatasetHandle,
    _: Option<crate::worker_service::WorkerService>,
    _: Callback<(ImportOutcome, Option<Rc<str>>)>,
) {
}

/// Reads a chosen file on the app's worker (or here, when there is none
/// or it cannot start) and reports the outcome: a preview to confirm, or
/// every problem.
#[cfg(target_arch = "wasm32")]
fn read_on_worker(
    service: Option<&crate::worker_service::WorkerService>,
    name: String,
    bytes: Vec<u8>,
    data: &DatasetHandle,
    done: Callback<(ImportOutcome, Option<Rc<str>>)>,
) {
    use crate::worker::protocol::{FromWorker, ToWorker};

    let on_reply = {
        let done = done.clone();
        move |reply: FromWorker| {
            match reply {
                FromWorker::Imported {
                    outcome, dataset, ..
                } => done.emit((outcome, dataset.map(Rc::from))),
                // The worker failed or was stopped: say so rather than wait.
                FromWorker::Failed { reason, .. } => {
                    done.emit((ImportOutcome::Refused(vec![refusal(reason)]), None));
                }
                FromWorker::Ready
                | FromWorker::Progress { .. }
                | FromWorker::Done { .. }
                | FromWorker::Refused { .. } => {
                    return false;
                }
            }
            true
        }
    };
    let (file, sent_bytes) = (name.clone(), bytes.clone());
    let sent = service.and_then(|service| {
        service.request(
            data,
            &Rc::new(Vec::new()),
            tsunagu_core::access::Rules::Confirmed,
            move |id| ToWorker::Import {
                id,
                name: file,
                bytes: sent_bytes,
            },
            on_reply,
        )
    });
    if sent.is_none() {
        let (outcome, text) = crate::worker::read_import(&name, &bytes, data);
        done.emit((outcome, text.map(Rc::from)));
    }
}
