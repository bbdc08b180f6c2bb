//! つなぐ (tsunagu): the Yew single-page app that explores referral paths
//! through Sapporo's ID-Link unions. The domain lives in `tsunagu-core`;
//! this crate is the web UI over it.

pub mod app;
pub mod components;
pub mod dataset_handle;
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
pub use route::Route;

/// Mounts the app on `<body>`. Called once, from `main`.
pub fn run() {
    yew::Renderer::<App>::new().render();
}
