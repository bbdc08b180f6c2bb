//! The footer: where the data comes from, and the privacy promise.

use yew::prelude::*;

use crate::components::tags;
use crate::i18n::Lang;

/// What [`site_footer`] draws from.
pub struct SiteFooterProps {
    /// The UI language.
    pub lang: Lang,
}

/// The page's footer.
pub fn site_footer(props: &SiteFooterProps) -> Html {
    let texts = props.lang.texts();
    html! {
        <footer class="site-footer">
            { tags::p(texts.footer_source) }
            { tags::p(texts.footer_privacy) }
        </footer>
    }
}
