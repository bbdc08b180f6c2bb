//! The banner: the app's name, what it answers, and the language switch.

use yew::prelude::*;

use crate::components::LangSwitch;
use crate::i18n::Lang;

/// [`SiteHeader`]'s properties.
#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    /// The UI language.
    pub lang: Lang,
    /// Called with the language the user picks.
    pub on_lang: Callback<Lang>,
}

/// The page's banner.
#[function_component(SiteHeader)]
pub fn site_header(props: &SiteHeaderProps) -> Html {
    let texts = props.lang.texts();
    html! {
        <header class="site-header">
            <div class="site-title">
                <img class="site-logo" src="favicon.svg" alt="" width="40" height="40" />
                <div>
                    <h1>{ texts.app_title }</h1>
                    <p class="tagline">{ texts.tagline }</p>
                </div>
            </div>
            <LangSwitch lang={props.lang} on_change={props.on_lang.clone()} />
        </header>
    }
}
