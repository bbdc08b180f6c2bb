//! `CliError`: every way a command can fail, the message it prints (worded
//! in `texts.rs`), and the exit status it ends with.
//!
//! Exit status 1 means the data given is wrong (a dataset, a what-if or an
//! import that does not hold together); 2 means the request cannot be carried
//! out as asked (a file that cannot be read or written, a name that is not in
//! the data, flags that do not go together, a flag's value that is not a
//! date). clap ends a malformed command line with 2 before any command
//! runs, so usage errors and these share a status.

use std::fmt;
use std::path::PathBuf;

use tsunagu_core::names::Kind;
use tsunagu_core::planner::PlanError;
use tsunagu_core::validate::{Problem, Severity};

use crate::texts;

/// A failed command. `main` prints it once, on standard error, and exits
/// with [`CliError::exit_code`].
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A file (a dataset, a what-if, a file to import) could not be read.
    #[error("{}", texts::cannot_read(.path, .source))]
    Unreadable {
        /// The file as the user named it.
        path: PathBuf,
        /// Why it could not be read.
        source: std::io::Error,
    },
    /// A dataset did not load; every problem is listed, errors and warnings.
    #[error(fmt = invalid_dataset)]
    InvalidDataset {
        /// The dataset's name as shown to the user.
        name: String,
        /// What is wrong with it.
        problems: Vec<Problem>,
    },
    /// A what-if file is not a what-if.
    #[error("{}", texts::cannot_read_what_if(.name, .source))]
    InvalidWhatIf {
        /// The file's name as shown to the user.
        name: String,
        /// Where its JSON goes wrong.
        source: serde_json::Error,
    },
    /// Typed names that match no record, each with the closest names.
    #[error(fmt = unknown_names)]
    UnknownNames(Vec<UnknownName>),
    /// `--to` named no hospital at all (only commas or blanks).
    #[error("{}", texts::NO_TARGETS)]
    NoTargets,
    /// Flags that do not go together, or a flag without the one it needs:
    /// said here, in both languages, as clap could not.
    #[error("{0}")]
    Usage(Usage),
    /// A flag's value that should be a date (`YYYY-MM-DD`) and is not.
    #[error("{}", texts::bad_date(.flag, .value))]
    BadDate {
        /// The flag, as typed: `--confirmed`.
        flag: &'static str,
        /// Its value, as typed.
        value: String,
    },
    /// The planner refused the request.
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// An import was rejected; nothing was written.
    #[error(fmt = rejected_import)]
    RejectedImport {
        /// The imported file's name.
        name: String,
        /// Every problem found in it.
        problems: Vec<Problem>,
    },
    /// A result could not be turned into JSON.
    #[error("{}", texts::cannot_write_json(.0))]
    Json(#[source] serde_json::Error),
    /// A dataset could not be encoded for export (as CSV or JSON).
    #[error("{}", texts::cannot_write(None, .0))]
    Encode(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The output could not be written to its file or to standard output.
    #[error("{}", texts::cannot_write(.path.as_deref(), .source))]
    Unwritable {
        /// The file written to; `None` for standard output.
        path: Option<PathBuf>,
        /// Why it could not be written.
        source: std::io::Error,
    },
}

impl CliError {
    /// The process's exit status for this failure: 1 for data that is
    /// wrong, 2 for a request that cannot be carried out (see the module
    /// docs).
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::InvalidDataset { .. }
            | Self::InvalidWhatIf { .. }
            | Self::RejectedImport { .. }
            | Self::Json(_)
            | Self::Encode(_) => 1,
            Self::Unreadable { .. }
            | Self::UnknownNames(_)
            | Self::NoTargets
            | Self::Usage(_)
            | Self::BadDate { .. }
            | Self::Plan(_)
            | Self::Unwritable { .. } => 2,
        }
    }
}

/// A command line clap accepts but the command cannot carry out as given.
#[derive(Debug, PartialEq, Eq)]
pub enum Usage {
    /// `import --mode roster` without `--union`.
    RosterNeedsUnion,
    /// `import --union` in another mode than the roster.
    UnionNeedsRoster,
    /// `export --union` without `--csv`.
    UnionNeedsCsv,
    /// Flags that apply to a CSV, given with a JSON file.
    CsvOnly(Vec<&'static str>),
}

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::RosterNeedsUnion => f.write_str(texts::ROSTER_NEEDS_UNION),
            Self::UnionNeedsRoster => f.write_str(texts::UNION_NEEDS_ROSTER),
            Self::UnionNeedsCsv => f.write_str(texts::UNION_NEEDS_CSV),
            Self::CsvOnly(flags) => f.write_str(&texts::csv_only(flags)),
        }
    }
}

/// A typed name that matches no record of its kind.
#[derive(Debug)]
pub struct UnknownName {
    /// The flag the name was typed after: `--to`, `--union`.
    pub flag: &'static str,
    /// What kind of record was looked for.
    pub kind: Kind,
    /// The name as typed.
    pub name: String,
    /// The closest names in the data, best first.
    pub suggestions: Vec<String>,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&texts::unknown_name(
            self.flag,
            self.kind,
            &self.name,
            &self.suggestions,
        ))
    }
}

/// Each problem on its own line after the file's name, then how many of
/// them are errors (the rest are warnings).
fn invalid_dataset(name: &str, problems: &[Problem], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for problem in problems {
        writeln!(f, "{name} {problem}")?;
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    f.write_str(&texts::dataset_errors(name, errors))
}

fn unknown_names(names: &[UnknownName], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        write!(f, "{name}")?;
    }
    Ok(())
}

/// Each problem on its own line, then the count, and that nothing changed:
/// an import either succeeds whole or writes nothing.
fn rejected_import(name: &str, problems: &[Problem], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for problem in problems {
        writeln!(f, "{name} {problem}")?;
    }
    f.write_str(&texts::import_rejected(name, problems.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io_error() -> std::io::Error {
        std::io::Error::from(std::io::ErrorKind::NotFound)
    }

    fn json_error() -> serde_json::Error {
        serde_json::from_str::<serde_json::Value>("{").unwrap_err()
    }

    fn problems() -> Vec<Problem> {
        tsunagu_core::validate::load_dataset("{").unwrap_err()
    }

    fn unknown(kind: Kind) -> CliError {
        CliError::UnknownNames(vec![UnknownName {
            flag: "--to",
            kind,
            name: "北海道大学病".to_owned(),
            suggestions: vec!["北海道大学病院".to_owned()],
        }])
    }

    /// The statuses that DATA.md, ARCHITECTURE.md, the `plan` help and
    /// tests/cli.rs promise.
    #[test]
    fn documented_failures_end_with_their_documented_status() {
        // DATA.md and ARCHITECTURE.md: `validate` exits 1 when invalid, 2
        // when the file cannot be read.
        let invalid = CliError::InvalidDataset {
            name: "x.json".to_owned(),
            problems: problems(),
        };
        assert_eq!(invalid.exit_code(), 1);
        let unreadable = CliError::Unreadable {
            path: PathBuf::from("/nonexistent/data.json"),
            source: io_error(),
        };
        assert_eq!(unreadable.exit_code(), 2);
        // `plan --help`: "exit 2: unknown name", for each kind of name.
        for kind in [Kind::Hospital, Kind::Union, Kind::Facility] {
            assert_eq!(unknown(kind).exit_code(), 2);
        }
        // tests/cli.rs: `--to ,` exits 2, a broken what-if 1, a broken CSV 1.
        assert_eq!(CliError::NoTargets.exit_code(), 2);
        let what_if = CliError::InvalidWhatIf {
            name: "w.json".to_owned(),
            source: json_error(),
        };
        assert_eq!(what_if.exit_code(), 1);
        let import = CliError::RejectedImport {
            name: "broken.csv".to_owned(),
            problems: problems(),
        };
        assert_eq!(import.exit_code(), 1);
        // DATA.md and `import --help`: a flag that cannot be used exits 2.
        for usage in [
            Usage::RosterNeedsUnion,
            Usage::UnionNeedsRoster,
            Usage::UnionNeedsCsv,
            Usage::CsvOnly(vec!["--mode"]),
        ] {
            assert_eq!(CliError::Usage(usage).exit_code(), 2);
        }
        let date = CliError::BadDate {
            flag: "--confirmed",
            value: "2026-02-30".to_owned(),
        };
        assert_eq!(date.exit_code(), 2);
    }

    /// Statuses no document names, kept as the tool has always ended.
    #[test]
    fn undocumented_failures_keep_their_status() {
        assert_eq!(CliError::Plan(PlanError::NoTargets).exit_code(), 2);
        assert_eq!(CliError::Json(json_error()).exit_code(), 1);
        assert_eq!(CliError::Encode(json_error().into()).exit_code(), 1);
        let unwritable = CliError::Unwritable {
            path: None,
            source: io_error(),
        };
        assert_eq!(unwritable.exit_code(), 2);
    }

    #[test]
    fn messages_name_the_file_and_list_every_problem() {
        let problems = problems();
        let text = CliError::InvalidDataset {
            name: "x.json".to_owned(),
            problems: problems.clone(),
        }
        .to_string();
        assert_eq!(text.lines().count(), problems.len() + 1, "{text}");
        assert!(text.starts_with("x.json error"), "{text}");
        assert!(
            text.ends_with("x.json: 1 件のエラー / 1 error(s)"),
            "{text}"
        );

        let text = CliError::Unreadable {
            path: PathBuf::from("/nonexistent/data.json"),
            source: io_error(),
        }
        .to_string();
        assert!(
            text.starts_with(
                "/nonexistent/data.json: ファイルを読めません / cannot read the file: "
            ),
            "{text}"
        );

        let text = unknown(Kind::Hospital).to_string();
        assert_eq!(
            text,
            "--to: 「北海道大学病」という病院は見つかりません / no hospital is named \"北海道大学病\". 候補 / did you mean: 北海道大学病院"
        );

        let text = CliError::BadDate {
            flag: "--confirmed",
            value: "2026-02-30".to_owned(),
        }
        .to_string();
        assert!(
            text.starts_with("--confirmed の「2026-02-30」は日付")
                && text.contains("--confirmed: \"2026-02-30\" is not a date"),
            "{text}"
        );
        let text = CliError::Usage(Usage::CsvOnly(vec!["--mode", "--confirmed"])).to_string();
        assert!(
            text.starts_with("--mode、--confirmed は CSV にだけ")
                && text.contains("/ --mode, --confirmed apply to a CSV only"),
            "{text}"
        );

        let text = CliError::Unwritable {
            path: Some(PathBuf::from("out.json")),
            source: io_error(),
        }
        .to_string();
        assert!(
            text.starts_with("書き出せません / cannot write: out.json: "),
            "{text}"
        );
    }
}
