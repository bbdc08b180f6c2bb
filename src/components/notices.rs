//! App-wide notices under the navigation: damaged storage (with the damaged
//! copy to download) and a full storage quota.

use yew::prelude::*;

use crate::components::tags;
use crate::i18n::Lang;
use crate::state::Notice;

/// What [`notices`] draws from.
pub struct NoticesProps {
    /// The UI language.
    pub lang: Lang,
    /// The notices, oldest first.
    pub notices: Vec<Notice>,
    /// Closes the notice at an index.
    pub on_dismiss: Callback<usize>,
}

/// The notices, each with a close button.
pub fn notices(props: &NoticesProps) -> Html {
    let texts = &props.lang.texts().upkeep;
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices">
            { for props.notices.iter().enumerate().map(|(i, notice)| {
                let dismiss = props.on_dismiss.reform(move |_: MouseEvent| i);
                let (message, extra) = match notice {
                    Notice::StorageDamaged { damaged } => {
                        let damaged = damaged.clone();
                        let download = Callback::from(move |_: MouseEvent| {
                            crate::files::download("tsunagu-damaged-data.json", "application/json", damaged.as_bytes());
                        });
                        (texts.damaged, html! { { tags::button(download, texts.download_damaged) } })
                    }
                    Notice::StorageFull => (texts.storage_full, html! {}),
                    Notice::UpdateReady => {
                        let update = Callback::from(|_: MouseEvent| crate::files::apply_update());
                        (texts.update_ready, html! { <button type="button" class="primary" onclick={update}>{ texts.update_now }</button> })
                    }
                };
                html! {
                    <div class="notice" role="alert">
                        { tags::p(message) }
                        { extra }
                        { tags::button(dismiss, texts.dismiss) }
                    </div>
                }
            }) }
        </div>
    }
}
