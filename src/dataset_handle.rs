//! `DatasetHandle`: the working dataset, shared and immutable, with its JSON
//! text and a generation number that says which version it is.

use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use tsunagu_core::export::export_json;
use tsunagu_core::model::Dataset;
use tsunagu_core::validate::load_dataset;

use crate::page_data::PageData;

/// The source of generation numbers. It holds no state of the app: it only
/// hands out numbers that are never handed out twice in a page's life, as
/// a database hands out row ids.
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// A shared, immutable dataset, with its JSON text (what the planner's
/// worker is sent, and what is stored). Each handle made from data gets a
/// new generation; clones share it. Two handles are equal when their
/// generations are, so passing one as a prop never compares datasets, and
/// the worker is sent a dataset only when its generation is new to it.
#[derive(Clone, Debug)]
pub struct DatasetHandle {
    data: Rc<Dataset>,
    text: Rc<str>,
    generation: u64,
}

impl DatasetHandle {
    /// A handle on `data`, writing its JSON text.
    pub fn new(data: Dataset) -> Self {
        let text = export_json(&data).unwrap_or_default();
        Self::with_text(data, Rc::from(text))
    }

    /// A handle on `data` read from `text` (kept as it was, for storage).
    pub fn with_text(data: Dataset, text: Rc<str>) -> Self {
        Self {
            data: Rc::new(data),
            text,
            generation: NEXT_GENERATION.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The dataset's JSON text.
    pub fn source(&self) -> &str {
        &self.text
    }

    /// Which version of the data this is: new for every handle made from
    /// data, shared by clones.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

impl PartialEq for DatasetHandle {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

impl std::ops::Deref for DatasetHandle {
    type Target = Dataset;

    fn deref(&self) -> &Dataset {
        &self.data
    }
}

/// The report's dataset as the page carries it ([`PageData::Report`]), or
/// `None` if the page lacks it or it does not load (the core's tests make
/// sure the bundled file does).
pub fn bundled_dataset() -> Option<DatasetHandle> {
    report_dataset(PageData::Report.text()?)
}

/// The report's dataset read from its text, kept as it is.
pub fn report_dataset(text: Rc<str>) -> Option<DatasetHandle> {
    let loaded = load_dataset(&text).ok()?;
    Some(DatasetHandle::with_text(loaded.dataset, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_a_generation_and_new_handles_get_a_new_one() {
        let one = bundled_dataset().expect("the bundled data loads");
        let clone = one.clone();
        let again = bundled_dataset().expect("the bundled data loads");
        assert_eq!(one, clone);
        assert_eq!(one.generation(), clone.generation());
        assert_ne!(one, again, "the same data read twice is two versions");
        assert!(again.generation() > one.generation());
        assert_eq!(one.source(), tsunagu_core::bundled::SAPPORO_JSON);
    }
}
