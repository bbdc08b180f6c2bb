//! The page for an address that matches no view.

use yew::prelude::*;

use crate::components::tags;
use crate::i18n::Lang;
use crate::route::{Route, VIEW_TITLE_ID};

/// Says the address is unknown and links back to the planner.
pub fn not_found_view(lang: Lang) -> Html {
    let texts = lang.texts();
    html! {
        <section class="view" aria-labelledby={VIEW_TITLE_ID}>
            <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.not_found_title }</h2>
            { tags::p(texts.not_found_lead) }
            <p><a href={Route::Planner.href()}>{ texts.not_found_back }</a></p>
        </section>
    }
}
