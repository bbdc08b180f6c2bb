//! `tsunagu validate`: loads a dataset and says what it holds; the load
//! itself reports every problem.

use std::path::PathBuf;

use crate::error::CliError;
use crate::load::load;
use crate::output::out;
use crate::texts;

pub fn validate(file: Option<&PathBuf>) -> Result<(), CliError> {
    let (name, data) = load(file)?;
    out!("{}", texts::valid(&name, &data));
    Ok(())
}
