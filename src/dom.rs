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
