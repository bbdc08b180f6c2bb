//! Reading what the commands work on: a dataset (the bundled one unless a
//! file is named) and a what-if.

use std::path::PathBuf;

use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::model::Dataset;
use tsunagu_core::validate::load_dataset;
use tsunagu_core::whatif::WhatIf;

use crate::error::CliError;

/// The name to show for a dataset, and its text.
fn read(file: Option<&PathBuf>) -> Result<(String, String), CliError> {
    match file {
        None => Ok(("(bundled) sapporo.json".to_owned(), SAPPORO_JSON.to_owned())),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Ok((path.display().to_string(), text)),
            Err(source) => Err(CliError::Unreadable {
                path: path.clone(),
                source,
            }),
        },
    }
}

/// Loads a dataset and its name, printing its warnings; on failure the
/// error carries every problem.
pub fn load(file: Option<&PathBuf>) -> Result<(String, Dataset), CliError> {
    let (name, text) = read(file)?;
    match load_dataset(&text) {
        Ok(loaded) => {
            // Warnings go out as soon as they are known: the command goes on.
            for problem in &loaded.warnings {
                eprintln!("{name} {problem}");
            }
            Ok((name, loaded.dataset))
        }
        Err(problems) => Err(CliError::InvalidDataset { name, problems }),
    }
}

/// Reads a what-if; none is the empty what-if.
pub fn load_what_if(path: Option<&PathBuf>) -> Result<WhatIf, CliError> {
    let Some(path) = path else {
        return Ok(WhatIf::default());
    };
    let (name, text) = read(Some(path))?;
    serde_json::from_str(&text).map_err(|source| CliError::InvalidWhatIf { name, source })
}
