//! `tsunagu import`: replaces a dataset's facilities with a CSV's, or the
//! whole dataset with a JSON file's, and reports what changed.

use std::path::PathBuf;

use tsunagu_core::diff::diff;
use tsunagu_core::export::export_json;
use tsunagu_core::import::{import_facilities_csv, import_json, with_facilities};

use crate::error::CliError;
use crate::load::load;
use crate::names::nfkc;
use crate::output::write_out;
use crate::texts;

pub fn import(
    file: &PathBuf,
    into: Option<&PathBuf>,
    out: Option<&PathBuf>,
) -> Result<(), CliError> {
    let (_, data) = load(into)?;
    let bytes = std::fs::read(file).map_err(|source| CliError::Unreadable {
        path: file.clone(),
        source,
    })?;
    // Problems name the file as the user sees it, without its folders.
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let is_json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let result = if is_json {
        import_json(&bytes).map(|loaded| loaded.dataset)
    } else {
        import_facilities_csv(&bytes, &name, &data, &nfkc)
            .map(|import| with_facilities(&data, &import))
    };
    let next = match result {
        Ok(next) => next,
        Err(problems) => return Err(CliError::RejectedImport { name, problems }),
    };
    let change = diff(&data, &next);
    eprintln!(
        "{}",
        texts::imported(
            &name,
            change.added.len(),
            change.changed.len(),
            change.removed.len()
        )
    );
    let json = export_json(&next).map_err(CliError::Json)?;
    write_out(out, json.as_bytes())
}
