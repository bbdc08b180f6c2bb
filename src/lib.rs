//! つなぐ (tsunagu): the Yew single-page app that explores referral paths
//! through Sapporo's ID-Link unions. The domain lives in `tsunagu-core`;
//! this crate is the web UI over it.

pub mod app;
pub mod components;
pub mod dataset_handle;
pub mod dom;
pub mod files;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod lookup;
pub mod map;
pub mod page_data;
pub mod plan_query;
pub mod route;
pub mod saved_what_ifs;
pub mod scene;
pub mod state;
pub mod storage;
pub mod views;
pub mod worker;
#[cfg(target_arch = "wasm32")]
pub mod worker_client;
pub mod worker_service;

pub use app::{App, Shell};
pub use route::{HashRouter, Location, Route};

/// Mounts the app on `<body>`, in place of the loading frame that
/// `index.html` draws before the wasm arrives. Called once, from `main`.
/// Marks `tsunagu:start` on the page's performance timeline, so that the
/// first-visit benchmark can tell download and compile from the app's own
/// work.
pub fn run() {
    #[cfg(target_arch = "wasm32")]
    leave_the_loading_frame();
    yew::Renderer::<App>::new().render();
}

/// Marks the start, and takes away `index.html`'s loading frame.
#[cfg(target_arch = "wasm32")]
fn leave_the_loading_frame() {
    use wasm_bindgen::JsCast;

    let global = js_sys::global();
    if let Ok(performance) = js_sys::Reflect::get(&global, &"performance".into()) {
        if let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into()) {
            if let Ok(mark) = mark.dyn_into::<js_sys::Function>() {
                let _ = mark.call1(&performance, &"tsunagu:start".into());
            }
        }
    }
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
}
