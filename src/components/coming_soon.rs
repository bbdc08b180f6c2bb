//! The body of a view that is not built yet: its heading, what it is for, and
//! what will come there.

use yew::prelude::*;

use crate::app::VIEW_TITLE_ID;
use crate::i18n::{Lang, ViewTexts};

/// [`ComingSoon`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ComingSoonProps {
    /// The UI language.
    pub lang: Lang,
    /// The view's texts.
    pub view: &'static ViewTexts,
}

/// A view's heading and lead, and a note on what it will offer.
#[function_component(ComingSoon)]
pub fn coming_soon(props: &ComingSoonProps) -> Html {
    let texts = props.lang.texts();
    html! {
        <section class="view" aria-labelledby={VIEW_TITLE_ID}>
            <h2 id={VIEW_TITLE_ID} tabindex="-1">{ props.view.title }</h2>
            <p class="lead">{ props.view.lead }</p>
            <div class="coming-soon">
                <h3>{ texts.coming_heading }</h3>
                <p>{ props.view.coming }</p>
            </div>
        </section>
    }
}
