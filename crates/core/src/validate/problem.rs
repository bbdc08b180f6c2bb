//! What a problem with a dataset or an imported file is, where it is, and
//! how bad. The words for it, in Japanese and English, are in
//! [`crate::text::problem`].

use crate::model::Bound;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The dataset is not used.
    Error,
    /// The dataset is used; the user is told.
    Warning,
}

/// What a count's `bound` requires of its `value`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountRule {
    /// `exact` and `at_least` need a number.
    HasValue,
    /// `unknown` must have none (null).
    NoValue,
}

impl std::fmt::Display for CountRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CountRule::HasValue => "have a value",
            CountRule::NoValue => "have no value (null)",
        })
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    /// The text is not JSON.
    #[error("not valid JSON (line {line}, column {column}): {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// `serde_json`'s explanation.
        message: String,
    },
    /// The schema version is not one this build reads.
    #[error("unknown schema version {found}; this version of tsunagu reads version {expected}")]
    UnknownSchema {
        /// As found in the file.
        found: String,
        /// What this build reads.
        expected: u32,
    },
    /// A field is missing, has the wrong type, or names an unknown kind.
    #[error("{message}")]
    Shape {
        /// serde's explanation.
        message: String,
    },
    /// Two records of one kind share an id.
    #[error("duplicate id \"{id}\" (also used at {first})")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// A reference names no record.
    #[error("\"{id}\" names no {target}")]
    DanglingRef {
        /// The id referred to.
        id: String,
        /// What kind of record it should name.
        target: Target,
    },
    /// A month is not `YYYY-MM`.
    #[error("\"{value}\" is not a month written YYYY-MM")]
    BadMonth {
        /// As found.
        value: String,
    },
    /// A date is not `YYYY-MM-DD`.
    #[error("\"{value}\" is not a date written YYYY-MM-DD")]
    BadDate {
        /// As found.
        value: String,
    },
    /// A count or measure is negative.
    #[error("{value} is negative; a count cannot be")]
    Negative {
        /// As found.
        value: f64,
    },
    /// A count's `value` and `bound` contradict each other.
    #[error("a count with bound \"{}\" must {rule}", bound.as_str())]
    CountBound {
        /// The bound.
        bound: Bound,
        /// What it requires.
        rule: CountRule,
    },
    /// A list that must not be empty is.
    #[error("must not be empty")]
    Empty,
    /// The file holds nothing (or only spaces and line breaks).
    #[error("the file is empty")]
    EmptyFile,
    /// A link joins a hospital to itself.
    #[error("a link must join two different hospitals")]
    SelfLink,
    /// A union connection joins a union to itself.
    #[error("a union connection must join two different unions")]
    SelfUnionLink,
    /// A position is outside Japan.
    #[error("({lat}, {lon}) is not in Japan")]
    OutsideJapan {
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
    },
    /// A file is over the import limit.
    #[error("the file is {size} bytes; tsunagu imports files of at most {limit} bytes")]
    TooLarge {
        /// The file's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A file is neither UTF-8 nor `Shift_JIS`.
    #[error("the file is neither UTF-8 nor Shift_JIS text")]
    Encoding,
    /// A CSV lacks a required column.
    #[error("the header has no {names} column")]
    MissingColumn {
        /// The names accepted for it.
        names: String,
    },
    /// A quoted CSV cell whose closing quote never comes: the rest of the
    /// file would be read as that one cell.
    #[error("this cell opens a quote (\") that is never closed")]
    UnclosedQuote,
    /// A name cell is empty.
    #[error("the name is empty")]
    EmptyName,
    /// An id holds characters ids may not.
    #[error("\"{value}\" is not an id (use letters, digits, - and _)")]
    BadId {
        /// As found.
        value: String,
    },
    /// A cell holds a value the column does not allow.
    #[error("\"{value}\" is not one of the values this column allows")]
    UnknownValue {
        /// As found.
        value: String,
    },
    /// An imported file has a column tsunagu does not read: its values are
    /// not imported (a warning, so a misspelled header is not lost silently).
    #[error("tsunagu does not read a column \"{header}\": its values are not imported (check the header's spelling)")]
    UnknownColumn {
        /// The header, as the file writes it.
        header: String,
    },
    /// An imported file has tsunagu's own 確認日 column: it is not read,
    /// and every row the file lists is confirmed on the import's day
    /// instead (a warning, since a re-import restamps the whole file).
    #[error("the column \"{header}\" is not read: every facility this file lists is recorded as confirmed on {date}, the import's day")]
    ConfirmedColumnNotRead {
        /// The header, as the file writes it.
        header: String,
        /// The import's day.
        date: String,
    },
    /// An imported row leaves a value out, so it stays unknown (a warning).
    #[error("no {column} given: left empty, not guessed")]
    NotGiven {
        /// The column, as the file's header writes it (or the field's name
        /// when the file has no such column).
        column: String,
    },
    /// A what-if file (もしも's proposal) given where data is read.
    #[error("this is a what-if file (a proposal): open it in What-if, not as data")]
    WhatIfFile,
    /// A printed total disagrees with the records.
    #[error("the report prints {printed} for \"{key}\", but the records add up to {computed}")]
    TotalMismatch {
        /// What is totalled.
        key: String,
        /// As printed.
        printed: String,
        /// From the records.
        computed: String,
    },
}

/// The kinds of record a reference can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A report section.
    Section,
    /// A ward.
    Ward,
    /// A hospital.
    Hospital,
    /// A union.
    Union,
    /// A facility.
    Facility,
    /// A designation.
    Designation,
    /// A hospital-to-hospital link.
    Link,
    /// A recorded discrepancy.
    Discrepancy,
}

impl Target {
    /// The kind's name in English.
    pub fn en(self) -> &'static str {
        match self {
            Target::Section => "section of the report",
            Target::Ward => "ward",
            Target::Hospital => "hospital",
            Target::Union => "union",
            Target::Facility => "facility",
            Target::Designation => "designation",
            Target::Link => "link",
            Target::Discrepancy => "discrepancy",
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.en())
    }
}

/// One problem, where it is, and how bad.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where, as data; said in the reader's language only when shown
    /// ([`Problem::place_ja`], [`Problem::place_en`]).
    pub place: Place,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The whole file.
    File,
    /// A JSON pointer to the record and field: `/unions/3/hosts/0`.
    Json(String),
    /// A CSV cell, or a whole line.
    Csv(CsvPlace),
}

/// A CSV cell's place: 1-based line and column, and the column's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvPlace {
    /// The line (records spanning lines count every line).
    pub line: u64,
    /// The column, if known (0: the whole line).
    pub column: usize,
    /// The column's header as the file writes it.
    pub field: String,
    /// The facility the row is about, by the name it gives, once known.
    pub record: Option<String>,
}

impl Place {
    /// A JSON pointer; the empty pointer is the whole file.
    pub fn json(pointer: impl Into<String>) -> Self {
        let pointer = pointer.into();
        if pointer.is_empty() {
            Place::File
        } else {
            Place::Json(pointer)
        }
    }

    /// The JSON pointer, for a problem in a JSON file's record.
    pub fn pointer(&self) -> Option<&str> {
        match self {
            Place::Json(pointer) => Some(pointer),
            Place::File | Place::Csv(_) => None,
        }
    }
}

impl Problem {
    /// An error at `pointer`.
    pub fn error(pointer: impl Into<String>, kind: ProblemKind) -> Self {
        Self {
            severity: Severity::Error,
            place: Place::json(pointer),
            kind,
        }
    }

    /// An error in a CSV cell.
    pub fn in_csv(place: CsvPlace, kind: ProblemKind) -> Self {
        Self {
            severity: Severity::Error,
            place: Place::Csv(place),
            kind,
        }
    }

    /// A warning about a CSV cell.
    pub fn warning_in_csv(place: CsvPlace, kind: ProblemKind) -> Self {
        Self {
            severity: Severity::Warning,
            place: Place::Csv(place),
            kind,
        }
    }

    /// A warning at `pointer`.
    pub fn warning(pointer: impl Into<String>, kind: ProblemKind) -> Self {
        Self {
            severity: Severity::Warning,
            place: Place::json(pointer),
            kind,
        }
    }
}
