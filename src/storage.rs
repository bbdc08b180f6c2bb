//! What the app keeps on the device between visits, in `localStorage`.
//!
//! Only preferences live here for now. Reading never fails loudly: a missing
//! or unreadable value means "use the default".

use gloo::storage::{LocalStorage, Storage};

use crate::i18n::Lang;

/// The `localStorage` key of the chosen UI language.
pub const LANG_KEY: &str = "tsunagu.lang";

/// The language chosen on an earlier visit, if any.
pub fn load_lang() -> Option<Lang> {
    LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|code| Lang::from_code(&code))
}

/// Remembers the chosen language. A full or disabled storage only means the
/// choice is not remembered, so the error is dropped on purpose.
pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang.code());
}
