//! The council's saved what-if proposals: kept on the device in
//! `localStorage`, exported and imported as JSON files in the format
//! `tsunagu reach --scenario` reads (`{"name", "changes": [...]}`).

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use tsunagu_core::model::Dataset;
use tsunagu_core::proposal::unknown_records;
use tsunagu_core::whatif::Scenario;

use crate::storage::SaveFailed;

/// A saved proposal: a short id (for links) and the scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// `p1`, `p2`, …: unique on this device.
    pub id: String,
    /// The proposal itself.
    pub scenario: Scenario,
}

/// The `localStorage` key of the saved proposals.
pub const PROPOSALS_KEY: &str = "tsunagu.proposals";
/// The version of the stored envelope.
pub const PROPOSALS_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope {
    storage_version: u64,
    proposals: Vec<Proposal>,
}

/// An id not used by any of `existing`.
pub fn next_id(existing: &[Proposal]) -> String {
    let n = existing
        .iter()
        .filter_map(|p| p.id.strip_prefix('p')?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("p{}", n + 1)
}

/// Reads the stored envelope; anything unreadable gives no proposals.
pub fn decode(text: &str) -> Vec<Proposal> {
    serde_json::from_str::<Envelope>(text)
        .ok()
        .filter(|e| e.storage_version == PROPOSALS_VERSION)
        .map(|e| e.proposals)
        .unwrap_or_default()
}

/// Writes the envelope.
pub fn encode(proposals: &[Proposal]) -> String {
    serde_json::to_string(&Envelope {
        storage_version: PROPOSALS_VERSION,
        proposals: proposals.to_vec(),
    })
    .unwrap_or_default()
}

/// The proposals saved on an earlier visit.
pub fn load() -> Vec<Proposal> {
    LocalStorage::raw()
        .get_item(PROPOSALS_KEY)
        .ok()
        .flatten()
        .map(|text| decode(&text))
        .unwrap_or_default()
}

/// Saves the proposals.
///
/// # Errors
/// [`SaveFailed`] when the browser refuses (a full quota); what was saved stays.
pub fn save(proposals: &[Proposal]) -> Result<(), SaveFailed> {
    LocalStorage::raw()
        .set_item(PROPOSALS_KEY, &encode(proposals))
        .map_err(|_| SaveFailed)
}

/// A proposal as a file to export.
pub fn export(scenario: &Scenario) -> String {
    serde_json::to_string_pretty(scenario).unwrap_or_default()
}

/// Reads an exported proposal file, checking that every record it names is
/// in `data`.
///
/// # Errors
/// Every problem, in Japanese and English, naming the file, the change and
/// the field.
pub fn import(file: &str, text: &str, data: &Dataset) -> Result<Scenario, Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let scenario: Scenario = serde_json::from_str(text).map_err(|e| {
        vec![format!(
            "{file}: {}行 {}列: 仮定の JSON として読めません / line {}, column {}: not a proposal file: {e}",
            e.line(),
            e.column(),
            e.line(),
            e.column()
        )]
    })?;
    let unknown = unknown_records(data, &scenario);
    if unknown.is_empty() {
        Ok(scenario)
    } else {
        Err(unknown
            .iter()
            .map(|u| {
                format!(
                    "{file}: /changes/{}/{}: 「{}」はデータにありません / “{}” is not in the data",
                    u.change, u.field, u.id, u.id
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

    fn sample() -> Scenario {
        Scenario {
            name: "TMNIT と ICT を接続".into(),
            changes: vec![Change::ConnectUnions {
                a: UnionId::from("tmnit"),
                b: UnionId::from("hokudai-ict"),
            }],
        }
    }

    #[test]
    fn stored_proposals_round_trip_and_damage_reads_as_none() {
        let saved = vec![Proposal {
            id: "p1".into(),
            scenario: sample(),
        }];
        assert_eq!(decode(&encode(&saved)), saved);
        assert!(decode("{").is_empty());
        assert!(decode(r#"{"storage_version":9,"proposals":[]}"#).is_empty());
        assert_eq!(next_id(&saved), "p2");
        assert_eq!(next_id(&[]), "p1");
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
        let broken = import("c.json", "{\"name\": 3}", &data).expect_err("not a scenario");
        assert!(broken[0].starts_with("c.json: 1行"), "{}", broken[0]);
    }
}
