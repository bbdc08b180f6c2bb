//! Keeps `<html lang>` and the document title in step with the UI language,
//! so screen readers pronounce the page in the right language.

use yew::prelude::*;

use crate::i18n::Lang;

/// Sets `<html lang>` and `document.title` whenever `lang` changes.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        let document = gloo::utils::document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document.set_title(lang.texts().app_title);
    });
}
