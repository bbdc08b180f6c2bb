//! The wasm entry point that trunk builds: it only mounts the app.

fn main() {
    tsunagu::run();
}
