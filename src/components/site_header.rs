//! The banner: the app's name, what it answers, and the language switch.

use yew::prelude::*;

use crate::components::{lang_switch, LangSwitchProps};
use crate::i18n::Lang;

/// What [`site_header`] draws from.
pub struct SiteHeaderProps {
    /// The UI language.
    pub lang: Lang,
    /// Called with the language the user picks.
    pub on_lang: Callback<Lang>,
}

/// The page's banner.
pub fn site_header(props: &SiteHeaderProps) -> Html {
    let texts = props.lang.texts();
    html! {
        <header class="site-header">
            <div class="site-title">
                // Drawn inline, so the one-file edition needs no image file.
                <svg class="site-logo" viewBox="0 0 64 64" width="40" height="40" aria-hidden="true" focusable="false">
                    <rect width="64" height="64" rx="14" fill="#0b5cad" />
                    <path d="M14 40 C 24 16, 40 48, 50 24" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" />
                    <circle cx="14" cy="40" r="7" fill="#ffd166" />
                    <circle cx="50" cy="24" r="7" fill="#ffd166" />
                </svg>
                <div>
                    <h1>{ unbroken_names(texts.app_title) }</h1>
                    <p class="tagline">{ texts.tagline }</p>
                </div>
            </div>
            { lang_switch(&LangSwitchProps { lang: props.lang, on_change: props.on_lang.clone() }) }
        </header>
    }
}

/// `text` with each 「ID-Link」 kept on one line: a narrow screen would
/// otherwise break the name at its hyphen (「ID- / Link」).
fn unbroken_names(text: &str) -> Html {
    const NAME: &str = "ID-Link";
    let mut parts = text.split(NAME);
    let first = parts.next().unwrap_or_default().to_owned();
    html! {
        <>
            { first }
            { for parts.map(|rest| html! {
                <><span class="nowrap">{ NAME }</span>{ rest.to_owned() }</>
            }) }
        </>
    }
}
