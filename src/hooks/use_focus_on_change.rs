//! Moves keyboard focus to an element when a value changes, but not on the
//! first render: after a route change the new view's heading takes focus, so
//! keyboard and screen-reader users land on what they asked for.

use yew::prelude::*;

/// Focuses the element with id `target_id` each time `value` changes after
/// the first render.
#[hook]
pub fn use_focus_on_change<T: PartialEq + 'static>(value: T, target_id: &'static str) {
    let first = use_mut_ref(|| true);
    use_effect_with(value, move |_| {
        if first.replace(false) {
            return;
        }
        if let Some(element) = crate::dom::html_element(target_id) {
            let _ = element.focus();
        }
    });
}
