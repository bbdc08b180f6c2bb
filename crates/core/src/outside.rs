//! The outside layer: facts that are not in the council's report (how
//! joining ID-Link usually goes, consent, fees), each with its citation. It
//! lives in its own file, `assets/data/outside.json`, and every view shows it
//! apart from the report's facts.

use serde::{Deserialize, Serialize};

use crate::model::Text;

/// `assets/data/outside.json`, as text.
pub const OUTSIDE_JSON: &str = include_str!("../../../assets/data/outside.json");

/// Where an outside fact comes from, as citation text (never fetched).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The document's title.
    pub title: String,
    /// Who publishes it.
    pub publisher: String,
    /// Its address, as text only.
    pub address: String,
}

/// One fact from outside the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutsideFact {
    /// The fact's id.
    pub id: String,
    /// What it is about: `joining`, `consent`, `fees` or `agreements`.
    pub topic: String,
    /// The fact, in Japanese and English.
    pub text: Text,
    /// Its source.
    pub citation: Citation,
}

/// The outside layer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutsideFacts {
    /// Must be 1.
    pub schema_version: u32,
    /// The layer's heading.
    pub title: Text,
    /// When the facts were collected (`YYYY-MM-DD`).
    pub collected: String,
    /// The facts.
    pub facts: Vec<OutsideFact>,
}

/// The bundled outside layer; `None` only if the bundled file is broken,
/// which a test rules out.
pub fn bundled() -> Option<OutsideFacts> {
    parse(OUTSIDE_JSON)
}

/// An outside layer read from its JSON text; `None` if it does not parse.
pub fn parse(text: &str) -> Option<OutsideFacts> {
    serde_json::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_layer_reads_and_every_fact_is_cited() {
        let layer = bundled().unwrap();
        assert_eq!(layer.schema_version, 1);
        assert!(layer.facts.len() >= 5);
        for fact in &layer.facts {
            assert!(!fact.text.ja.is_empty() && !fact.text.en.is_empty());
            assert!(!fact.citation.title.is_empty() && !fact.citation.address.is_empty());
            assert!(
                !fact.citation.address.contains("http"),
                "citation text, not a link"
            );
        }
        // The three starting facts are there.
        for id in ["joining-steps", "consent-names-viewer", "ntt-fees"] {
            assert!(layer.facts.iter().any(|f| f.id == id), "{id}");
        }
    }
}
