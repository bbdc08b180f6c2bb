//! The Japanese ⇄ English switch: one toggle button per language, each named
//! in its own language so that a reader of either can find it.

use yew::prelude::*;

use crate::i18n::Lang;

/// What [`lang_switch`] draws from.
pub struct LangSwitchProps {
    /// The language shown now.
    pub lang: Lang,
    /// Called with the language the user picks.
    pub on_change: Callback<Lang>,
}

/// A group of toggle buttons, the current language pressed.
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let buttons = Lang::ALL.into_iter().map(|lang| {
        let onclick = props.on_change.reform(move |_: MouseEvent| lang);
        let pressed = lang == props.lang;
        html! {
            <button type="button" lang={lang.code()} aria-pressed={pressed.to_string()} {onclick}>
                { lang.endonym() }
            </button>
        }
    });
    html! {
        <div class="lang-switch" role="group" aria-label={props.lang.texts().lang_switch_label}>
            { for buttons }
        </div>
    }
}
