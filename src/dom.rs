//! Small reads of the page's document that several components share.

/// The HTML element with `id`, if the page has one (focus, scrolling).
pub fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Scrolls the element with `id` to the top of the window and gives it
/// keyboard focus, so that Tab goes on from there (the planner's stacked
/// opening, the skip link).
pub fn bring_to(id: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(element) = html_element(id) {
        element.scroll_into_view();
        let _ = element.focus();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Gives focus to the element with `id`, HTML or SVG (a map's point), once
/// the change just made has been drawn: the control that was pressed may be
/// gone by then.
pub fn focus_after_render(id: String) {
    #[cfg(target_arch = "wasm32")]
    gloo::timers::callback::Timeout::new(0, move || {
        use wasm_bindgen::JsCast;
        let Some(element) = gloo::utils::document().get_element_by_id(&id) else {
            return;
        };
        // `focus` is HTMLElement's and SVGElement's alike; web-sys splits
        // them, so it is called by name.
        if let Ok(focus) = js_sys::Reflect::get(&element, &"focus".into()) {
            if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
                let _ = focus.call0(&element);
            }
        }
    })
    .forget();
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// After the change just made is drawn, moves focus to `then` if the element
/// with `pressed` is gone or turned off (a preview closed, the last undo
/// done), where focus would otherwise fall back to the page.
pub fn focus_after_render_if_lost(pressed: &'static str, then: &'static str) {
    #[cfg(target_arch = "wasm32")]
    gloo::timers::callback::Timeout::new(0, move || {
        let lost = gloo::utils::document()
            .get_element_by_id(pressed)
            .is_none_or(|e| e.has_attribute("disabled"));
        if lost {
            if let Some(element) = html_element(then) {
                let _ = element.focus();
            }
        }
    })
    .forget();
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (pressed, then);
}
