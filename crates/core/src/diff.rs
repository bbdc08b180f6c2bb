//! What an import or an edit would change: records added, changed and
//! removed, by kind and id, for the preview the user confirms.

use std::collections::{HashMap, HashSet};

use crate::model::Dataset;

/// The kind of record a change is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RecordKind {
    /// A ward.
    Ward,
    /// A hospital.
    Hospital,
    /// A union.
    Union,
    /// A hospital link.
    Link,
    /// A facility.
    Facility,
}

/// One changed record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ChangedRecord {
    /// Its kind.
    pub kind: RecordKind,
    /// Its id.
    pub id: String,
    /// Its name, for people.
    pub name: String,
}

/// The difference between two datasets.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DatasetDiff {
    /// Records only in the new dataset.
    pub added: Vec<ChangedRecord>,
    /// Records in both, but different.
    pub changed: Vec<ChangedRecord>,
    /// Records only in the old dataset.
    pub removed: Vec<ChangedRecord>,
}

impl DatasetDiff {
    /// Whether nothing changes.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

fn compare<T: PartialEq>(
    out: &mut DatasetDiff,
    kind: RecordKind,
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> (&str, String),
) {
    let before: HashMap<&str, &T> = old.iter().map(|r| (key(r).0, r)).collect();
    let after: HashSet<&str> = new.iter().map(|r| key(r).0).collect();
    for record in new {
        let (id, name) = key(record);
        match before.get(id) {
            None => out.added.push(ChangedRecord {
                kind,
                id: id.to_owned(),
                name,
            }),
            Some(&earlier) if earlier != record => out.changed.push(ChangedRecord {
                kind,
                id: id.to_owned(),
                name,
            }),
            Some(_) => {}
        }
    }
    for record in old {
        let (id, name) = key(record);
        if !after.contains(id) {
            out.removed.push(ChangedRecord {
                kind,
                id: id.to_owned(),
                name,
            });
        }
    }
}

/// What changes from `old` to `new`, record by record.
///
/// # Complexity
/// Linear in the records, through one hash map per kind.
pub fn diff(old: &Dataset, new: &Dataset) -> DatasetDiff {
    let mut out = DatasetDiff::default();
    compare(&mut out, RecordKind::Ward, &old.wards, &new.wards, |w| {
        (w.id.as_str(), w.name.clone())
    });
    compare(
        &mut out,
        RecordKind::Hospital,
        &old.hospitals,
        &new.hospitals,
        |h| (h.id.as_str(), h.name.clone()),
    );
    compare(&mut out, RecordKind::Union, &old.unions, &new.unions, |u| {
        (u.id.as_str(), u.name.clone())
    });
    compare(&mut out, RecordKind::Link, &old.links, &new.links, |l| {
        (l.id.as_str(), format!("{} ⇄ {}", l.from, l.to))
    });
    compare(
        &mut out,
        RecordKind::Facility,
        &old.facilities,
        &new.facilities,
        |f| (f.id.as_str(), f.name.clone()),
    );
    out
}
