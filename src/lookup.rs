//! Names of records for display, in the UI's language where the data has one.

use tsunagu_core::model::{Dataset, HospitalId, SectionId, UnionId};

use crate::i18n::Lang;

/// A hospital's name as the report writes it (the id if unknown).
pub fn hospital_name(data: &Dataset, id: &HospitalId) -> String {
    data.hospital_name(id)
}

/// A hospital's name in both languages, for the core's shared texts (the
/// id in both if unknown).
pub fn hospital_text(data: &Dataset, id: &HospitalId) -> tsunagu_core::model::Text {
    data.hospital_names(id)
}

/// A union's name as the report writes it (the id if unknown).
pub fn union_name(data: &Dataset, id: &UnionId) -> String {
    data.union_name(id)
}

/// A report section's short title in the UI's language.
pub fn section_title(data: &Dataset, id: &SectionId, lang: Lang) -> String {
    data.section(id).map_or_else(
        || id.0.clone(),
        |s| {
            if lang == Lang::En {
                s.title.en.clone()
            } else {
                s.title.ja.clone()
            }
        },
    )
}

/// Unicode NFKC, through the browser's own `String.prototype.normalize`, so
/// the wasm carries no normalisation tables. Native builds (render tests)
/// have no browser and compare names as they are.
pub fn nfkc(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).normalize("NFKC"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_owned()
    }
}
