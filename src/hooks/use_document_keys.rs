//! Keyboard shortcuts heard at the document, so that they work wherever
//! focus is, `<body>` included. The listener is added once per mount and
//! always calls the latest handler.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

/// The lower-case tag name of the element a key event came from (`""` when
/// none), for handlers that leave keys to form controls.
pub fn key_target_tag(event: &KeyboardEvent) -> String {
    event
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .map(|el| el.tag_name().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Calls `on_key` for every `keydown` on the document while the component is
/// mounted; when it answers `true` the key's default action is prevented.
#[hook]
pub fn use_document_keys<F>(on_key: F)
where
    F: Fn(&KeyboardEvent) -> bool + 'static,
{
    type Handler = Box<dyn Fn(&KeyboardEvent) -> bool>;
    let latest: Rc<RefCell<Handler>> = use_mut_ref(|| -> Handler { Box::new(|_| false) });
    *latest.borrow_mut() = Box::new(on_key);
    use_effect_with((), move |()| {
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |event| {
                let Some(event) = wasm_bindgen::JsCast::dyn_ref::<KeyboardEvent>(event) else {
                    return;
                };
                if (latest.borrow())(event) {
                    event.prevent_default();
                }
            },
        );
        move || drop(listener)
    });
}
