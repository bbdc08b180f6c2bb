//! Keeps `<html lang>` and the document title in step with the UI language
//! and the view, so screen readers pronounce the page in the right language
//! and a tab, a bookmark or a history entry names the view it holds.

use yew::prelude::*;

use crate::i18n::Lang;

/// Sets `<html lang>` whenever `lang` changes, and `document.title` to
/// `title` whenever it changes.
#[hook]
pub fn use_document_lang(lang: Lang, title: String) {
    use_effect_with(lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    use_effect_with(title, |title| gloo::utils::document().set_title(title));
}
