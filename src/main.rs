//! The wasm entry point that trunk builds: it mounts the app on a page, and
//! does nothing in the planner's worker, which calls its own entry.

fn main() {
    // The planner's worker loads this same module; there is no page to mount there.
    if web_sys::window().is_some() {
        tsunagu::run();
    }
}
