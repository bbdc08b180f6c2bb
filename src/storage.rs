//! What the app keeps on the device between visits, in `localStorage`.
//!
//! The UI language, the working dataset in a versioned envelope, and the
//! saved what-ifs; and, in `sessionStorage` (this tab only), the もしも draft
//! being edited, so a reload or a visit to another view does not lose it.
//! This is the only module that touches the browser's storage. A
//! missing or unreadable language means "use the default"; an unreadable
//! dataset is kept aside for the user and never overwritten.

use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use tsunagu_core::validate::load_dataset;

use crate::dataset_handle::DatasetHandle;
use crate::i18n::Lang;
use crate::saved_what_ifs::{self, SavedWhatIf, SAVED_WHAT_IFS_KEY};

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

/// The `localStorage` key of the working dataset.
pub const DATA_KEY: &str = "tsunagu.dataset";
/// Where a damaged working dataset is kept for the user to download.
pub const DAMAGED_KEY: &str = "tsunagu.dataset.damaged";
/// The version of the stored envelope `{"storage_version": 1, "dataset": …}`.
pub const STORAGE_VERSION: u64 = 1;

/// What the device holds of the working dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// Nothing: start on the report's data.
    Nothing,
    /// A dataset saved on an earlier visit.
    Restored(DatasetHandle),
    /// Something that is not a readable dataset, as text.
    Damaged(Rc<str>),
}

/// Wraps a dataset's JSON text in the storage envelope.
pub fn encode_stored(dataset_json: &str) -> String {
    format!("{{\"storage_version\":{STORAGE_VERSION},\"dataset\":{dataset_json}}}")
}

/// Reads a stored text: the current envelope, or (migrating) a bare dataset
/// as the first versions stored it.
pub fn decode_stored(text: &str) -> Option<DatasetHandle> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let dataset = match value
        .get("storage_version")
        .and_then(serde_json::Value::as_u64)
    {
        Some(STORAGE_VERSION) => value.get("dataset")?.to_string(),
        // Version 0 stored the dataset itself.
        None if value.get("schema_version").is_some() => text.to_owned(),
        _ => return None,
    };
    let loaded = load_dataset(&dataset).ok()?;
    Some(DatasetHandle::with_text(loaded.dataset, Rc::from(dataset)))
}

/// What the device holds.
pub fn load_data() -> Stored {
    let Ok(Some(text)) = LocalStorage::raw().get_item(DATA_KEY) else {
        return Stored::Nothing;
    };
    match decode_stored(&text) {
        Some(data) => Stored::Restored(data),
        None => Stored::Damaged(Rc::from(text)),
    }
}

/// Moves a damaged copy aside, so that saving cannot overwrite it.
pub fn keep_damaged(text: &str) {
    let storage = LocalStorage::raw();
    if storage.set_item(DAMAGED_KEY, text).is_ok() {
        let _ = storage.remove_item(DATA_KEY);
    }
}

/// Saving failed: the storage is full or refused. What was saved before is
/// still there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveFailed;

/// Saves the working dataset; the report's own data is not stored at all.
///
/// # Errors
/// [`SaveFailed`] when the browser refuses (a full quota).
pub fn save_data(data: &DatasetHandle, edited: bool) -> Result<(), SaveFailed> {
    let storage = LocalStorage::raw();
    if !edited {
        let _ = storage.remove_item(DATA_KEY);
        return Ok(());
    }
    storage
        .set_item(DATA_KEY, &encode_stored(data.source()))
        .map_err(|_| SaveFailed)
}

/// The `sessionStorage` key of the もしも draft being edited.
pub const DRAFT_KEY: &str = "tsunagu.whatif.draft";

/// The もしも draft as this tab keeps it: the saved what-if it edits, if
/// any, and its what-if.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StoredDraft {
    /// The saved what-if's id, when the draft edits one.
    pub id: Option<String>,
    /// The what-if as it stands.
    pub what_if: tsunagu_core::whatif::WhatIf,
}

/// The draft this tab was editing, if any (an unreadable one gives none).
pub fn load_draft() -> Option<StoredDraft> {
    gloo::storage::SessionStorage::get(DRAFT_KEY).ok()
}

/// Keeps the draft for this tab. A full or disabled storage only means a
/// reload starts afresh, so the error is dropped on purpose.
pub fn save_draft(draft: &StoredDraft) {
    let _ = gloo::storage::SessionStorage::set(DRAFT_KEY, draft);
}

/// The what-ifs saved on an earlier visit; unreadable ones give none.
pub fn load_what_ifs() -> Vec<SavedWhatIf> {
    LocalStorage::raw()
        .get_item(SAVED_WHAT_IFS_KEY)
        .ok()
        .flatten()
        .map(|text| saved_what_ifs::decode(&text))
        .unwrap_or_default()
}

/// Saves the what-ifs.
///
/// # Errors
/// [`SaveFailed`] when the browser refuses (a full quota); what was saved stays.
pub fn save_what_ifs(saved: &[SavedWhatIf]) -> Result<(), SaveFailed> {
    LocalStorage::raw()
        .set_item(SAVED_WHAT_IFS_KEY, &saved_what_ifs::encode(saved))
        .map_err(|_| SaveFailed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_round_trips_and_a_bare_dataset_migrates() {
        let bundled = tsunagu_core::bundled::SAPPORO_JSON;
        let restored = decode_stored(&encode_stored(bundled)).expect("envelope");
        assert_eq!(restored.unions.len(), 7);
        assert!(
            decode_stored(bundled).is_some(),
            "version 0 stored the dataset itself"
        );
    }

    #[test]
    fn damaged_or_future_texts_are_not_read() {
        assert!(
            decode_stored("{\"storage_version\":1,\"dataset\":{\"schema_version\":1}").is_none()
        );
        assert!(decode_stored("not json").is_none());
        assert!(decode_stored("{\"storage_version\":2,\"dataset\":{}}").is_none());
    }
}
