//! The council's saved what-ifs: their storage envelope (kept on the device
//! by [`crate::storage`]), and the JSON files they are exported and imported
//! as, in the format `tsunagu reach --what-if` reads (`{"name", "changes": [...]}`).

use serde::{Deserialize, Serialize};
use tsunagu_core::model::Dataset;
use tsunagu_core::text::{what_if_names_unknown, what_if_unreadable};
use tsunagu_core::whatif::assess::unknown_records;
use tsunagu_core::whatif::WhatIf;

/// A saved what-if: a short id (for links) and the what-if.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedWhatIf {
    /// `p1`, `p2`, …: unique on this device.
    pub id: String,
    /// The what-if itself (stored as `scenario` before it had one name).
    #[serde(alias = "scenario")]
    pub what_if: WhatIf,
}

impl SavedWhatIf {
    /// A short fingerprint of the what-if's contents (its name and
    /// changes as JSON), 16 hex digits of FNV-1a: a link carries it beside
    /// the id, since `p1` on another device is another what-if.
    pub fn fingerprint(&self) -> String {
        let text = serde_json::to_string(&self.what_if).unwrap_or_default();
        let hash = tsunagu_core::edit::fnv1a(text.as_bytes());
        format!("{hash:016x}")
    }

    /// Whether a link naming `id` (and, if it has one, `print`) means this
    /// what-if. A link without a fingerprint predates them and was made
    /// on this device.
    pub fn is_named_by(&self, id: &str, print: Option<&str>) -> bool {
        self.id == id && print.is_none_or(|p| p == self.fingerprint())
    }
}

/// The `localStorage` key of the saved what-ifs.
pub const SAVED_WHAT_IFS_KEY: &str = "tsunagu.proposals";
/// The version of the stored envelope.
pub const SAVED_WHAT_IFS_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope {
    storage_version: u64,
    /// Stored as `proposals` before what-ifs had one name.
    #[serde(alias = "proposals")]
    saved_what_ifs: Vec<SavedWhatIf>,
}

/// An id not used by any of `existing`.
pub fn next_id(existing: &[SavedWhatIf]) -> String {
    let n = existing
        .iter()
        .filter_map(|p| p.id.strip_prefix('p')?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("p{}", n + 1)
}

/// Reads the stored envelope; anything unreadable gives no saved what-ifs.
pub fn decode(text: &str) -> Vec<SavedWhatIf> {
    serde_json::from_str::<Envelope>(text)
        .ok()
        .filter(|e| e.storage_version == SAVED_WHAT_IFS_VERSION)
        .map(|e| e.saved_what_ifs)
        .unwrap_or_default()
}

/// Writes the envelope.
pub fn encode(saved_what_ifs: &[SavedWhatIf]) -> String {
    serde_json::to_string(&Envelope {
        storage_version: SAVED_WHAT_IFS_VERSION,
        saved_what_ifs: saved_what_ifs.to_vec(),
    })
    .unwrap_or_default()
}

/// A saved what-if as a file to export.
pub fn export(what_if: &WhatIf) -> String {
    serde_json::to_string_pretty(what_if).unwrap_or_default()
}

/// Reads an exported saved what-if file, checking that every record it names is
/// in `data`.
///
/// # Errors
/// Every problem, in Japanese and English, naming the file, the change and
/// the field.
pub fn import(file: &str, text: &str, data: &Dataset) -> Result<WhatIf, Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let what_if: WhatIf = serde_json::from_str(text).map_err(|e| {
        // tsunagu's own data file, opened in the wrong place: say where it goes.
        let why = if text.contains("\"schema_version\"") {
            tsunagu_core::text::data_file_in_what_if()
        } else {
            what_if_unreadable(e.line(), e.column(), &e.to_string())
        };
        vec![format!("{file}: {} / {}", why.ja, why.en)]
    })?;
    let unknown = unknown_records(data, &what_if);
    if unknown.is_empty() {
        Ok(what_if)
    } else {
        Err(unknown
            .iter()
            .map(|u| {
                let why = what_if_names_unknown(&u.id);
                format!(
                    "{file}: /changes/{}/{}: {} / {}",
                    u.change, u.field, why.ja, why.en
                )
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use tsunagu_core::bundled::SAPPORO_JSON;
    use tsunagu_core::model::UnionId;
    use tsunagu_core::validate::load_dataset;
    use tsunagu_core::whatif::Change;

    use super::*;

    #[test]
    fn a_link_names_a_what_if_by_its_id_and_its_contents() {
        let mine = SavedWhatIf {
            id: "p1".into(),
            what_if: sample(),
        };
        let mut theirs = mine.clone();
        theirs.what_if.name = "別の提案".into();
        // The same id on another device is another what-if.
        assert_ne!(mine.fingerprint(), theirs.fingerprint());
        assert_eq!(mine.fingerprint().len(), 16);
        assert!(mine.is_named_by("p1", Some(&mine.fingerprint())));
        assert!(!theirs.is_named_by("p1", Some(&mine.fingerprint())));
        assert!(!mine.is_named_by("p2", Some(&mine.fingerprint())));
        // A link from before fingerprints names it by id alone.
        assert!(mine.is_named_by("p1", None));
        // The fingerprint is of the contents, not of the id.
        let renumbered = SavedWhatIf {
            id: "p7".into(),
            what_if: sample(),
        };
        assert_eq!(renumbered.fingerprint(), mine.fingerprint());
    }

    fn sample() -> WhatIf {
        WhatIf {
            name: "TMNIT と ICT を接続".into(),
            changes: vec![Change::ConnectUnions {
                a: UnionId::from("tmnit"),
                b: UnionId::from("hokudai-ict"),
            }],
        }
    }

    #[test]
    fn a_data_file_opened_as_a_what_if_is_sent_to_the_data_view() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let problems = super::import(
            "tsunagu-data.json",
            tsunagu_core::bundled::SAPPORO_JSON,
            &data,
        )
        .expect_err("not a what-if");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("tsunagu-data.json: これはつなぐのデータのファイル"),
            "{}",
            problems[0]
        );
        assert!(problems[0].contains("import it in Data"), "{}", problems[0]);
    }

    #[test]
    fn stored_what_ifs_round_trip_and_damage_reads_as_none() {
        let saved = vec![SavedWhatIf {
            id: "p1".into(),
            what_if: sample(),
        }];
        assert_eq!(decode(&encode(&saved)), saved);
        assert!(decode("{").is_empty());
        assert!(decode(r#"{"storage_version":9,"saved_what_ifs":[]}"#).is_empty());
        assert_eq!(next_id(&saved), "p2");
        assert_eq!(next_id(&[]), "p1");
    }

    #[test]
    fn what_ifs_stored_under_their_old_names_still_load() {
        let old = r#"{"storage_version":1,"proposals":[{"id":"p3","scenario":{"name":"TMNIT と ICT を接続","changes":[{"kind":"connect_unions","a":"tmnit","b":"hokudai-ict"}]}}]}"#;
        assert_eq!(
            decode(old),
            vec![SavedWhatIf {
                id: "p3".into(),
                what_if: sample(),
            }]
        );
    }

    #[test]
    fn an_exported_file_imports_and_a_bad_one_says_where() {
        let data = load_dataset(SAPPORO_JSON).expect("bundled").dataset;
        let text = export(&sample());
        assert_eq!(import("a.json", &text, &data), Ok(sample()));
        let bad = text.replace("hokudai-ict", "no-such-union");
        let problems = import("b.json", &bad, &data).expect_err("unknown union");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("b.json: /changes/0/b:"),
            "{}",
            problems[0]
        );
        assert!(problems[0].contains("no-such-union"));
        let broken = import("c.json", "{\"name\": 3}", &data).expect_err("not a what-if");
        assert!(broken[0].starts_with("c.json: 1行"), "{}", broken[0]);
    }
}
