//! `tsunagu export`: a dataset's facilities as CSV (UTF-8 with a BOM, for
//! Excel), all of them or one union's members, or the whole dataset as
//! JSON, on standard output.

use std::path::PathBuf;

use tsunagu_core::export::{export_facilities_csv_for, export_json};
use tsunagu_core::model::UnionId;
use tsunagu_core::names::Kind;

use crate::error::{CliError, Usage};
use crate::load::load;
use crate::names::resolve;
use crate::output::write_out;

/// Writes the export; `union` (as typed, by name, alias or id) keeps only
/// its members, and goes with `csv` only.
pub fn export(data: Option<&PathBuf>, csv: bool, union: Option<&str>) -> Result<(), CliError> {
    if union.is_some() && !csv {
        return Err(CliError::Usage(Usage::UnionNeedsCsv));
    }
    let (_, data) = load(data)?;
    let bytes = if csv {
        let union = match union {
            Some(name) => Some(UnionId(
                resolve(&data, Kind::Union, "--union", &[name])?.remove(0),
            )),
            None => None,
        };
        export_facilities_csv_for(&data, union.as_ref())
    } else {
        export_json(&data)
            .map(String::into_bytes)
            .map_err(|e| CliError::Encode(e.into()))?
    };
    write_out(None, &bytes)
}
