//! 経路プラン's link to share: the URL that reproduces the plans, and a
//! button that copies it.

use yew::prelude::*;

use crate::components::tags;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub(super) struct ShareLinkProps {
    pub(super) lang: Lang,
    pub(super) url: AttrValue,
}

/// The link that reproduces the plan, and a button that copies it and says
/// so (or says it could not).
#[function_component(ShareLink)]
pub(super) fn share_link(props: &ShareLinkProps) -> Html {
    let texts = &props.lang.texts().planner_view;
    // None: not tried since the link last changed.
    let copied = use_state(|| None::<bool>);
    {
        let copied = copied.clone();
        use_effect_with(props.url.clone(), move |_| copied.set(None));
    }
    let onclick = {
        let (copied, url) = (copied.clone(), props.url.clone());
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                let (copied, url) = (copied.clone(), url.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    copied.set(Some(crate::files::copy_text(&url).await));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&copied, &url);
        })
    };
    html! {
        <div class="share">
            <label class="field">
                { tags::span(texts.share_label) }
                <input type="text" readonly=true value={props.url.clone()} />
            </label>
            <button type="button" {onclick}>{ texts.copy_button }</button>
            <p role="status" class="hint">
                { match *copied {
                    Some(true) => texts.copied,
                    Some(false) => texts.copy_failed,
                    None => "",
                } }
            </p>
        </div>
    }
}
