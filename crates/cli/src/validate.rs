//! `tsunagu validate`: loads a dataset and says what it holds; the load
//! itself reports every problem.

use std::path::PathBuf;

use crate::error::CliError;
use crate::load::load;
use crate::output::out;

pub fn validate(file: Option<&PathBuf>) -> Result<(), CliError> {
    let (name, data) = load(file)?;
    out!(
        "{name}: 有効 / valid — {} hospitals, {} unions, {} links, {} facilities, {} wards",
        data.hospitals.len(),
        data.unions.len(),
        data.links.len(),
        data.facilities.len(),
        data.wards.len()
    );
    Ok(())
}
