//! Turning names as people type them into the data's ids: NFKC, lists split
//! on ASCII or Japanese commas, and suggestions for names not found.

use tsunagu_core::model::Dataset;
use tsunagu_core::names::{lookup, Kind, Lookup};
use unicode_normalization::UnicodeNormalization;

use crate::error::{CliError, UnknownName};

/// NFKC, as the core's name matching and CSV import expect from their caller
/// (the app uses the browser's instead).
pub fn nfkc(text: &str) -> String {
    text.nfkc().collect()
}

/// Splits a comma-separated list (ASCII or full-width commas), dropping blanks.
pub fn split_list(list: &str) -> Vec<&str> {
    list.split([',', '，', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Resolves names typed after `flag` to ids. Every name not found is
/// reported at once, each with its flag and suggestions, so that one run
/// shows all the typos.
pub fn resolve(
    data: &Dataset,
    kind: Kind,
    flag: &'static str,
    names: &[&str],
) -> Result<Vec<String>, CliError> {
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for name in names {
        match lookup(data, kind, name, &nfkc) {
            Lookup::Found(id) => ids.push(id),
            Lookup::NotFound { suggestions } => unknown.push(UnknownName {
                flag,
                kind,
                name: (*name).to_owned(),
                suggestions,
            }),
        }
    }
    if unknown.is_empty() {
        Ok(ids)
    } else {
        Err(CliError::UnknownNames(unknown))
    }
}
