//! `tsunagu export`: a dataset's facilities as CSV (UTF-8 with a BOM, for
//! Excel), or the whole dataset as JSON, on standard output.

use std::path::PathBuf;

use tsunagu_core::export::{export_facilities_csv, export_json};

use crate::error::CliError;
use crate::load::load;
use crate::output::write_out;

pub fn export(data: Option<&PathBuf>, csv: bool) -> Result<(), CliError> {
    let (_, data) = load(data)?;
    let bytes = if csv {
        export_facilities_csv(&data).map_err(|e| CliError::Encode(e.into()))?
    } else {
        export_json(&data)
            .map(String::into_bytes)
            .map_err(|e| CliError::Encode(e.into()))?
    };
    write_out(None, &bytes)
}
