//! Reading a dataset from JSON and checking it: every problem at once, each
//! with a JSON pointer to the record and field, in Japanese and English.
//!
//! Loading runs in two passes. The first parses the JSON and then each record
//! on its own, so one malformed record does not hide the next. The second
//! checks what parsed: ids, references, months, counts, and the report's
//! printed totals against the records (a disagreement there is a warning, not
//! an error: the report itself may be wrong).

mod checks;
mod parse;
mod problem;
mod sources;
mod totals;

pub use checks::validate;
pub use problem::{CountRule, CsvPlace, Place, Problem, ProblemKind, Severity, Target};

use crate::model::{Dataset, SCHEMA_VERSION};
use parse::parse_slowly;
pub use parse::record_names;

/// A dataset that loaded, and the warnings about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The dataset.
    pub dataset: Dataset,
    /// Problems that do not stop it being used.
    pub warnings: Vec<Problem>,
}

/// Reads and checks a dataset.
///
/// # Errors
/// Every problem found, errors and warnings together, when there is at least
/// one error. Nothing is returned half-loaded.
///
/// # Complexity
/// Linear in the size of the text.
///
/// ```
/// let text = tsunagu_core::bundled::SAPPORO_JSON;
/// let loaded = tsunagu_core::validate::load_dataset(text).expect("the bundled data is valid");
/// assert_eq!(loaded.dataset.unions.len(), 7);
///
/// let problems = tsunagu_core::validate::load_dataset(r#"{"schema_version": 9}"#).unwrap_err();
/// assert_eq!(problems[0].place.pointer(), Some("/schema_version"));
/// ```
pub fn load_dataset(text: &str) -> Result<Loaded, Vec<Problem>> {
    // A well-formed file is read straight into the types, which is several
    // times faster; only a file that fails is read again, record by record,
    // to point at every fault.
    let dataset = match serde_json::from_str::<Dataset>(text) {
        Ok(dataset) if dataset.schema_version == SCHEMA_VERSION => dataset,
        _ => parse_slowly(text)?,
    };
    let problems = validate(&dataset);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        Err(problems)
    } else {
        Ok(Loaded {
            dataset,
            warnings: problems,
        })
    }
}
