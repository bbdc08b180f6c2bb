//! Reading a dataset from JSON and checking it: every problem at once, each
//! with a JSON pointer to the record and field, in Japanese and English.
//!
//! Loading runs in two passes. The first parses the JSON and then each record
//! on its own, so one malformed record does not hide the next. The second
//! checks what parsed: ids, references, months, counts, and the report's
//! printed totals against the records (a disagreement there is a warning, not
//! an error: the report itself may be wrong).

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::model::{Bound, CountReading, Dataset, Date, Month, Source, SCHEMA_VERSION};
use crate::stats::dataset_stats;

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
    #[error("a count with bound \"{bound}\" must {rule}")]
    CountBound {
        /// The bound.
        bound: &'static str,
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
    fn en(self) -> &'static str {
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

    fn ja(self) -> &'static str {
        match self {
            Target::Section => "報告書の節",
            Target::Ward => "区",
            Target::Hospital => "病院",
            Target::Union => "ユニオン",
            Target::Facility => "施設",
            Target::Designation => "指定",
            Target::Link => "連携",
            Target::Discrepancy => "記載の食い違い",
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
    /// Where: a JSON pointer to the record and field ("/unions/3/hosts/0"), or
    /// for CSV "line 3, column 2 (ユニオン)"; empty for the whole file.
    pub pointer: String,
    /// For a CSV cell, its line, column and header as data, so that the
    /// place is said in the reader's language ([`Problem::place_ja`]).
    pub csv: Option<CsvPlace>,
    /// What is wrong.
    pub kind: ProblemKind,
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
}

impl Problem {
    /// An error at `pointer`.
    pub fn error(pointer: impl Into<String>, kind: ProblemKind) -> Self {
        Self {
            severity: Severity::Error,
            pointer: pointer.into(),
            csv: None,
            kind,
        }
    }

    /// An error in a CSV cell.
    pub fn in_csv(place: CsvPlace, kind: ProblemKind) -> Self {
        let pointer = if place.column == 0 {
            format!("line {}", place.line)
        } else {
            format!(
                "line {}, column {} ({})",
                place.line, place.column, place.field
            )
        };
        Self {
            severity: Severity::Error,
            pointer,
            csv: Some(place),
            kind,
        }
    }

    /// Where, in Japanese: 「4 行目 3 列（施設名）」, the JSON pointer, or
    /// empty for the whole file.
    pub fn place_ja(&self) -> String {
        match &self.csv {
            Some(p) if p.column == 0 => format!("{} 行目", p.line),
            Some(p) => format!("{} 行目 {} 列（{}）", p.line, p.column, p.field),
            None => self.pointer.clone(),
        }
    }

    /// Where, in English: "line 4, column 3 (施設名)", the JSON pointer, or
    /// empty for the whole file.
    pub fn place_en(&self) -> String {
        self.pointer.clone()
    }

    /// A warning at `pointer`.
    pub fn warning(pointer: impl Into<String>, kind: ProblemKind) -> Self {
        Self {
            severity: Severity::Warning,
            pointer: pointer.into(),
            csv: None,
            kind,
        }
    }

    /// The problem in English.
    pub fn message_en(&self) -> String {
        self.kind.to_string()
    }

    /// The problem in Japanese.
    pub fn message_ja(&self) -> String {
        match &self.kind {
            ProblemKind::Syntax { line, column, message } => {
                format!("JSON として読めません（{line} 行 {column} 列）: {message}")
            }
            ProblemKind::UnknownSchema { found, expected } => format!(
                "スキーマのバージョン {found} は読めません。このつなぐが読めるのはバージョン {expected} です"
            ),
            ProblemKind::Shape { message } => format!("項目の形が正しくありません: {message}"),
            ProblemKind::DuplicateId { id, first } => {
                format!("ID「{id}」が重複しています（{first} でも使われています）")
            }
            ProblemKind::DanglingRef { id, target } => {
                format!("「{id}」という{}はありません", target.ja())
            }
            ProblemKind::BadMonth { value } => {
                format!("「{value}」は年月（YYYY-MM）として正しくありません")
            }
            ProblemKind::BadDate { value } => {
                format!("「{value}」は日付（YYYY-MM-DD）として正しくありません")
            }
            ProblemKind::Negative { value } => format!("{value} は負の数です。数は負になりません"),
            ProblemKind::CountBound { bound, rule } => {
                let rule = match rule {
                    CountRule::HasValue => "値が必要です",
                    CountRule::NoValue => "値を持てません（null にしてください）",
                };
                format!("bound が「{bound}」の数は{rule}")
            }
            ProblemKind::Empty => "空にはできません".to_owned(),
            ProblemKind::EmptyFile => "ファイルが空です".to_owned(),
            ProblemKind::SelfLink => "連携は異なる 2 つの病院を結ぶ必要があります".to_owned(),
            ProblemKind::SelfUnionLink => {
                "ユニオン間の接続は異なる 2 つのユニオンを結ぶ必要があります".to_owned()
            }
            ProblemKind::OutsideJapan { lat, lon } => format!("座標 ({lat}, {lon}) は日本国内ではありません"),
            ProblemKind::TooLarge { size, limit } => {
                format!("ファイルが大きすぎます（{size} バイト）。取り込めるのは {limit} バイトまでです")
            }
            ProblemKind::Encoding => "UTF-8 でも Shift_JIS でもない文字が含まれています".to_owned(),
            ProblemKind::MissingColumn { names } => format!("見出し行に「{names}」の列がありません"),
            ProblemKind::EmptyName => "名前が空です".to_owned(),
            ProblemKind::BadId { value } => {
                format!("「{value}」は ID に使えません（英数字・-・_ のみ）")
            }
            ProblemKind::UnknownValue { value } => format!("「{value}」はこの列に書ける値ではありません"),
            ProblemKind::TotalMismatch { key, printed, computed } => format!(
                "報告書の「{key}」の合計は {printed} ですが、記録から計算すると {computed} です"
            ),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = if self.pointer.is_empty() {
            "(file)"
        } else {
            &self.pointer
        };
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{level} {place}: {} / {}",
            self.message_ja(),
            self.message_en()
        )
    }
}

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
/// assert_eq!(problems[0].pointer, "/schema_version");
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

/// Reads a dataset record by record, collecting every shape problem.
fn parse_slowly(text: &str) -> Result<Dataset, Vec<Problem>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem::error(
            "",
            ProblemKind::Syntax {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            },
        )]
    })?;
    let Value::Object(object) = value else {
        return Err(vec![Problem::error(
            "",
            ProblemKind::Shape {
                message: "the file must hold one JSON object".to_owned(),
            },
        )]);
    };
    check_schema_version(&object)?;

    let mut problems = Vec::new();
    let dataset = parse_records(&object, &mut problems);
    match dataset.filter(|_| problems.is_empty()) {
        Some(dataset) => Ok(dataset),
        // The fast path failed, so something is wrong even if no record says so.
        None if problems.is_empty() => Err(vec![Problem::error(
            "",
            ProblemKind::Shape {
                message: "the file does not match tsunagu's format".to_owned(),
            },
        )]),
        None => Err(problems),
    }
}

fn check_schema_version(object: &Map<String, Value>) -> Result<(), Vec<Problem>> {
    match object.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(SCHEMA_VERSION)) => Ok(()),
        Some(found) => Err(vec![Problem::error(
            "/schema_version",
            ProblemKind::UnknownSchema {
                found: found.to_string(),
                expected: SCHEMA_VERSION,
            },
        )]),
        None => Err(vec![Problem::error(
            "/schema_version",
            ProblemKind::Shape {
                message: "missing field `schema_version`".to_owned(),
            },
        )]),
    }
}

/// Escapes one JSON pointer segment (RFC 6901).
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// `serde_json`'s message without the " at line L column C" it appends when
/// reading text: a record's position in its own re-written text means nothing
/// to the user, who gets the JSON pointer instead.
fn message_of(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let place = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&place) {
        Some(bare) => bare.to_owned(),
        None => message,
    }
}

/// Deserialises one value, reporting a failure at `pointer` plus the path inside it.
///
/// The record is written back to compact text and read by `serde_json`'s
/// text reader, the same reader as the fast path, so the wasm holds one copy
/// of each type's deserialiser (reading from `Value`s, or tracking the path
/// with `serde_path_to_error`, each added another; together about 55 KB).
/// The path inside the record is found afterwards from where the reader
/// stopped, by [`pointer_in`].
fn parse_at<T: DeserializeOwned>(
    value: &Value,
    pointer: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match serde_json::from_str(&value.to_string()) {
        Ok(parsed) => Some(parsed),
        Err(error) => {
            // Compact text is one line, so the column is the byte offset.
            let at = format!("{pointer}{}", pointer_in(value, error.column()));
            problems.push(Problem::error(
                at,
                ProblemKind::Shape {
                    message: message_of(&error),
                },
            ));
            None
        }
    }
}

/// The JSON pointer, below `value`, of the value at which `serde_json`
/// stopped reading `value`'s compact text, `at` bytes in.
///
/// The reader stops just after the value it refused (a number, a string, or
/// the `}` of an object missing a field), or on the `{` or `[` of a container
/// where it wanted something else. So the answer is the innermost value that
/// ends at `at` or starts there; walking the tree with each child's written
/// length finds it without a second parser.
fn pointer_in(value: &Value, at: usize) -> String {
    let mut pointer = String::new();
    let (mut node, mut start) = (value, 0);
    'descend: loop {
        // Past the opening `{` or `[`.
        let mut offset = start + 1;
        let children: Vec<(String, &Value)> = match node {
            Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
            _ => break,
        };
        for (segment, child) in children {
            if let Value::Object(_) = node {
                // `"key":`
                offset += Value::String(segment.clone()).to_string().len() + 1;
            }
            let len = child.to_string().len();
            if (offset..=offset + len).contains(&at) {
                pointer.push('/');
                pointer.push_str(&escape(&segment));
                (node, start) = (child, offset);
                continue 'descend;
            }
            // And the `,`.
            offset += len + 1;
        }
        break;
    }
    pointer
}

fn field<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    if let Some(value) = object.get(key) {
        parse_at(value, &format!("/{key}"), problems)
    } else {
        problems.push(Problem::error(
            format!("/{key}"),
            ProblemKind::Shape {
                message: format!("missing field `{key}`"),
            },
        ));
        None
    }
}

/// A list parsed record by record, so that every bad record is reported.
fn list<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<Vec<T>> {
    match object.get(key) {
        Some(Value::Array(items)) => {
            let before = problems.len();
            let parsed: Vec<T> = items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| parse_at(item, &format!("/{key}/{i}"), problems))
                .collect();
            (problems.len() == before).then_some(parsed)
        }
        Some(_) => {
            problems.push(Problem::error(
                format!("/{key}"),
                ProblemKind::Shape {
                    message: "expected a list".to_owned(),
                },
            ));
            None
        }
        None => {
            problems.push(Problem::error(
                format!("/{key}"),
                ProblemKind::Shape {
                    message: format!("missing field `{key}`"),
                },
            ));
            None
        }
    }
}

fn parse_records(object: &Map<String, Value>, problems: &mut Vec<Problem>) -> Option<Dataset> {
    // Every part is parsed before any is unwrapped, so all problems are collected.
    let meta = field(object, "meta", problems);
    let sections = list(object, "sections", problems);
    let wards = list(object, "wards", problems);
    let hospitals = list(object, "hospitals", problems);
    let unions = list(object, "unions", problems);
    let links = list(object, "links", problems);
    // Optional: files written before union connections existed have none.
    let union_links = if object.contains_key("union_links") {
        list(object, "union_links", problems)
    } else {
        Some(Vec::new())
    };
    let facilities = list(object, "facilities", problems);
    let designations = list(object, "designations", problems);
    let designation_listings = list(object, "designation_listings", problems);
    let printed_ratios = list(object, "printed_ratios", problems);
    let printed_totals = list(object, "printed_totals", problems);
    let council = field(object, "council", problems);
    let milestones = list(object, "milestones", problems);
    let discrepancies = list(object, "discrepancies", problems);
    Some(Dataset {
        schema_version: SCHEMA_VERSION,
        meta: meta?,
        sections: sections?,
        wards: wards?,
        hospitals: hospitals?,
        unions: unions?,
        links: links?,
        union_links: union_links?,
        facilities: facilities?,
        designations: designations?,
        designation_listings: designation_listings?,
        printed_ratios: printed_ratios?,
        printed_totals: printed_totals?,
        council: council?,
        milestones: milestones?,
        discrepancies: discrepancies?,
    })
}

/// The ids of one kind of record, where each was first defined.
struct Ids<'a> {
    target: Target,
    /// Each id and the index of its first record.
    at: HashMap<&'a str, usize>,
}

impl<'a> Ids<'a> {
    fn collect(
        target: Target,
        collection: &str,
        ids: impl Iterator<Item = &'a str>,
        problems: &mut Vec<Problem>,
    ) -> Self {
        let mut at = HashMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(&first) = at.get(id) {
                problems.push(Problem::error(
                    format!("/{collection}/{i}/id"),
                    ProblemKind::DuplicateId {
                        id: id.to_owned(),
                        first: format!("/{collection}/{first}/id"),
                    },
                ));
            } else {
                at.insert(id, i);
            }
        }
        Self { target, at }
    }

    /// Reports `id` as dangling at the pointer `at()` makes (made only then).
    fn check(&self, id: &str, at: impl FnOnce() -> String, problems: &mut Vec<Problem>) {
        if !self.at.contains_key(id) {
            problems.push(Problem::error(
                at(),
                ProblemKind::DanglingRef {
                    id: id.to_owned(),
                    target: self.target,
                },
            ));
        }
    }
}

/// Checks a parsed dataset: ids, references, months, dates, counts, positions
/// and printed totals.
///
/// # Complexity
/// Linear in the number of records.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let p = &mut problems;
    let refs = Refs {
        sections: Ids::collect(
            Target::Section,
            "sections",
            data.sections.iter().map(|s| s.id.as_str()),
            p,
        ),
        wards: Ids::collect(
            Target::Ward,
            "wards",
            data.wards.iter().map(|w| w.id.as_str()),
            p,
        ),
        hospitals: Ids::collect(
            Target::Hospital,
            "hospitals",
            data.hospitals.iter().map(|h| h.id.as_str()),
            p,
        ),
        unions: Ids::collect(
            Target::Union,
            "unions",
            data.unions.iter().map(|u| u.id.as_str()),
            p,
        ),
        facilities: Ids::collect(
            Target::Facility,
            "facilities",
            data.facilities.iter().map(|f| f.id.as_str()),
            p,
        ),
        designations: Ids::collect(
            Target::Designation,
            "designations",
            data.designations.iter().map(|d| d.id.as_str()),
            p,
        ),
    };
    Ids::collect(
        Target::Link,
        "links",
        data.links.iter().map(|l| l.id.as_str()),
        p,
    );
    Ids::collect(
        Target::Link,
        "union_links",
        data.union_links.iter().map(|l| l.id.as_str()),
        p,
    );
    Ids::collect(
        Target::Discrepancy,
        "discrepancies",
        data.discrepancies.iter().map(|d| d.id.as_str()),
        p,
    );

    // Most sources name the same few sections: skip the lookup for a
    // repeat of the last known one (hundreds of thousands at national scale).
    let mut known: &str = "";
    visit_sources(data, &mut |pointer, source| {
        let section = source.section.as_str();
        if section == known && !known.is_empty() {
            return;
        }
        if refs.sections.at.contains_key(section) {
            known = section;
        }
        refs.sections
            .check(section, || format!("{}/section", pointer()), p);
    });
    check_date(&data.meta.source_date, "/meta/source_date", p);
    check_wards(data, p);
    check_hospitals(data, &refs, p);
    check_unions(data, &refs, p);
    check_links_and_facilities(data, &refs, p);
    check_tables_and_council(data, &refs, p);

    // Totals are only worth comparing when the records they add up are sound.
    if !p.iter().any(|problem| problem.severity == Severity::Error) {
        check_totals(data, p);
    }
    problems
}

/// The ids every reference is checked against.
struct Refs<'a> {
    sections: Ids<'a>,
    wards: Ids<'a>,
    hospitals: Ids<'a>,
    unions: Ids<'a>,
    facilities: Ids<'a>,
    designations: Ids<'a>,
}

fn check_wards(data: &Dataset, p: &mut Vec<Problem>) {
    for (i, ward) in data.wards.iter().enumerate() {
        let at = format!("/wards/{i}");
        #[allow(clippy::cast_precision_loss)] // counts are far below 2^52
        for (key, value) in [
            ("area_km2", ward.area_km2),
            ("households", ward.households as f64),
            ("population", ward.population as f64),
            ("viewing_facilities", ward.viewing_facilities as f64),
        ] {
            check_non_negative(value, &format!("{at}/{key}"), p);
        }
        for (j, row) in ward.association_rows.iter().enumerate() {
            for (key, value) in [
                ("hospitals", row.hospitals),
                ("clinics", row.clinics),
                ("institutions", row.institutions),
                ("members", row.members),
            ] {
                check_count(value, &format!("{at}/association_rows/{j}/{key}"), p);
            }
        }
        check_coords(ward.coords.lat, ward.coords.lon, &format!("{at}/coords"), p);
    }
}

fn check_hospitals(data: &Dataset, refs: &Refs, p: &mut Vec<Problem>) {
    for (i, hospital) in data.hospitals.iter().enumerate() {
        let at = format!("/hospitals/{i}");
        if let Some(ward) = &hospital.ward {
            refs.wards.check(ward.as_str(), || format!("{at}/ward"), p);
        }
        if let Some(beds) = hospital.beds {
            check_count(beds, &format!("{at}/beds"), p);
        }
        for (j, reading) in hospital.linked_institutions.iter().enumerate() {
            check_reading(reading, &format!("{at}/linked_institutions/{j}"), p);
        }
        if let Some(month) = &hospital.idlink_go_live {
            check_month(month, &format!("{at}/idlink_go_live"), p);
        }
        for (j, claim) in hospital.designations.iter().enumerate() {
            if let Some(designation) = &claim.designation {
                refs.designations.check(
                    designation.as_str(),
                    || format!("{at}/designations/{j}/designation"),
                    p,
                );
            }
        }
        if let Some(coords) = &hospital.coords {
            check_coords(coords.lat, coords.lon, &format!("{at}/coords"), p);
        }
    }
}

fn check_unions(data: &Dataset, refs: &Refs, p: &mut Vec<Problem>) {
    for (i, union) in data.unions.iter().enumerate() {
        let at = format!("/unions/{i}");
        if union.hosts.is_empty() {
            p.push(Problem::error(format!("{at}/hosts"), ProblemKind::Empty));
        }
        for (j, host) in union.hosts.iter().enumerate() {
            refs.hospitals
                .check(host.as_str(), || format!("{at}/hosts/{j}"), p);
        }
        if let Some(month) = &union.founded {
            check_month(month, &format!("{at}/founded"), p);
        }
        for (j, count) in union.registered_facilities.iter().enumerate() {
            check_date(
                &count.as_of,
                &format!("{at}/registered_facilities/{j}/as_of"),
                p,
            );
            check_count(
                count.count,
                &format!("{at}/registered_facilities/{j}/count"),
                p,
            );
        }
        for (j, event) in union.history.iter().enumerate() {
            check_month(&event.month, &format!("{at}/history/{j}/month"), p);
        }
    }
}

fn check_links_and_facilities(data: &Dataset, refs: &Refs, p: &mut Vec<Problem>) {
    for (i, link) in data.union_links.iter().enumerate() {
        let at = format!("/union_links/{i}");
        refs.unions.check(link.a.as_str(), || format!("{at}/a"), p);
        refs.unions.check(link.b.as_str(), || format!("{at}/b"), p);
        if link.a == link.b {
            p.push(Problem::error(
                format!("{at}/b"),
                ProblemKind::SelfUnionLink,
            ));
        }
    }
    for (i, link) in data.links.iter().enumerate() {
        let at = format!("/links/{i}");
        refs.hospitals
            .check(link.from.as_str(), || format!("{at}/from"), p);
        refs.hospitals
            .check(link.to.as_str(), || format!("{at}/to"), p);
        if link.from == link.to {
            p.push(Problem::error(format!("{at}/to"), ProblemKind::SelfLink));
        }
    }

    for (i, facility) in data.facilities.iter().enumerate() {
        if let Some(ward) = &facility.ward {
            refs.wards
                .check(ward.as_str(), || format!("/facilities/{i}/ward"), p);
        }
        for (j, membership) in facility.memberships.iter().enumerate() {
            refs.unions.check(
                membership.union.as_str(),
                || format!("/facilities/{i}/memberships/{j}/union"),
                p,
            );
        }
    }
}

fn check_tables_and_council(data: &Dataset, refs: &Refs, p: &mut Vec<Problem>) {
    for (i, listing) in data.designation_listings.iter().enumerate() {
        let at = format!("/designation_listings/{i}");
        refs.designations.check(
            listing.designation.as_str(),
            || format!("{at}/designation"),
            p,
        );
        refs.hospitals
            .check(listing.hospital.as_str(), || format!("{at}/hospital"), p);
    }
    for (i, ratio) in data.printed_ratios.iter().enumerate() {
        let at = format!("/printed_ratios/{i}");
        refs.designations.check(
            ratio.designation.as_str(),
            || format!("{at}/designation"),
            p,
        );
        check_count(ratio.on_idlink, &format!("{at}/on_idlink"), p);
        check_count(ratio.total, &format!("{at}/total"), p);
    }
    for (i, total) in data.printed_totals.iter().enumerate() {
        check_non_negative(total.value, &format!("/printed_totals/{i}/value"), p);
    }

    refs.hospitals.check(
        data.council.secretariat.as_str(),
        || "/council/secretariat".to_owned(),
        p,
    );
    check_date(&data.council.founded, "/council/founded", p);
    for (i, member) in data.council.members.iter().enumerate() {
        let at = format!("/council/members/{i}");
        if let Some(hospital) = &member.hospital {
            refs.hospitals
                .check(hospital.as_str(), || format!("{at}/hospital"), p);
        }
        if let Some(facility) = &member.facility {
            refs.facilities
                .check(facility.as_str(), || format!("{at}/facility"), p);
        }
        check_count(member.officers, &format!("{at}/officers"), p);
    }
    for (i, milestone) in data.milestones.iter().enumerate() {
        check_date(&milestone.date, &format!("/milestones/{i}/date"), p);
    }
}

fn check_month(month: &Month, pointer: &str, problems: &mut Vec<Problem>) {
    if month.parts().is_none() {
        problems.push(Problem::error(
            pointer,
            ProblemKind::BadMonth {
                value: month.0.clone(),
            },
        ));
    }
}

fn check_date(date: &Date, pointer: &str, problems: &mut Vec<Problem>) {
    if date.parts().is_none() {
        problems.push(Problem::error(
            pointer,
            ProblemKind::BadDate {
                value: date.0.clone(),
            },
        ));
    }
}

fn check_non_negative(value: f64, pointer: &str, problems: &mut Vec<Problem>) {
    if value < 0.0 {
        problems.push(Problem::error(pointer, ProblemKind::Negative { value }));
    }
}

#[allow(clippy::cast_precision_loss)] // counts are far below 2^52
fn check_count(value: i64, pointer: &str, problems: &mut Vec<Problem>) {
    check_non_negative(value as f64, pointer, problems);
}

fn check_reading(reading: &CountReading, pointer: &str, problems: &mut Vec<Problem>) {
    match (reading.bound, reading.value) {
        (Bound::Unknown, Some(_)) => problems.push(Problem::error(
            format!("{pointer}/value"),
            ProblemKind::CountBound {
                bound: "unknown",
                rule: CountRule::NoValue,
            },
        )),
        (Bound::Exact | Bound::AtLeast, None) => problems.push(Problem::error(
            format!("{pointer}/value"),
            ProblemKind::CountBound {
                bound: if reading.bound == Bound::Exact {
                    "exact"
                } else {
                    "at_least"
                },
                rule: CountRule::HasValue,
            },
        )),
        (_, Some(value)) => check_count(value, &format!("{pointer}/value"), problems),
        (Bound::Unknown, None) => {}
    }
}

fn check_coords(lat: f64, lon: f64, pointer: &str, problems: &mut Vec<Problem>) {
    if !((20.0..=46.0).contains(&lat) && (122.0..=154.0).contains(&lon)) {
        problems.push(Problem::error(
            pointer,
            ProblemKind::OutsideJapan { lat, lon },
        ));
    }
}

/// Calls `visit` with every source in the dataset and a way to make its
/// pointer (made only for a problem, since there are hundreds of thousands).
fn visit_sources<'a>(data: &'a Dataset, visit: &mut dyn FnMut(&dyn Fn() -> String, &'a Source)) {
    for (i, ward) in data.wards.iter().enumerate() {
        for (j, s) in ward.sources.iter().enumerate() {
            visit(&|| format!("/wards/{i}/sources/{j}"), s);
        }
    }
    for (i, h) in data.hospitals.iter().enumerate() {
        for (j, s) in h.sources.iter().enumerate() {
            visit(&|| format!("/hospitals/{i}/sources/{j}"), s);
        }
        for (j, r) in h.linked_institutions.iter().enumerate() {
            visit(
                &|| format!("/hospitals/{i}/linked_institutions/{j}/source"),
                &r.source,
            );
        }
        for (j, c) in h.designations.iter().enumerate() {
            visit(
                &|| format!("/hospitals/{i}/designations/{j}/source"),
                &c.source,
            );
        }
    }
    for (i, u) in data.unions.iter().enumerate() {
        for (j, s) in u.sources.iter().enumerate() {
            visit(&|| format!("/unions/{i}/sources/{j}"), s);
        }
        for (j, c) in u.registered_facilities.iter().enumerate() {
            visit(
                &|| format!("/unions/{i}/registered_facilities/{j}/source"),
                &c.source,
            );
        }
        for (j, e) in u.history.iter().enumerate() {
            visit(&|| format!("/unions/{i}/history/{j}/source"), &e.source);
        }
        for (j, h) in u.how_to_join.iter().enumerate() {
            visit(&|| format!("/unions/{i}/how_to_join/{j}/source"), &h.source);
        }
    }
    visit_table_sources(data, visit);
}

/// The sources of links, facilities, the tables, the council and the rest.
fn visit_table_sources<'a>(
    data: &'a Dataset,
    visit: &mut dyn FnMut(&dyn Fn() -> String, &'a Source),
) {
    for (i, l) in data.links.iter().enumerate() {
        visit(&|| format!("/links/{i}/source"), &l.source);
    }
    for (i, l) in data.union_links.iter().enumerate() {
        visit(&|| format!("/union_links/{i}/source"), &l.source);
    }
    for (i, f) in data.facilities.iter().enumerate() {
        for (j, s) in f.sources.iter().enumerate() {
            visit(&|| format!("/facilities/{i}/sources/{j}"), s);
        }
        for (j, m) in f.memberships.iter().enumerate() {
            visit(
                &|| format!("/facilities/{i}/memberships/{j}/source"),
                &m.source,
            );
        }
    }
    for (i, l) in data.designation_listings.iter().enumerate() {
        visit(&|| format!("/designation_listings/{i}/source"), &l.source);
    }
    for (i, r) in data.printed_ratios.iter().enumerate() {
        visit(&|| format!("/printed_ratios/{i}/source"), &r.source);
    }
    for (i, t) in data.printed_totals.iter().enumerate() {
        visit(&|| format!("/printed_totals/{i}/source"), &t.source);
    }
    for (j, s) in data.council.sources.iter().enumerate() {
        visit(&|| format!("/council/sources/{j}"), s);
    }
    for (i, m) in data.milestones.iter().enumerate() {
        visit(&|| format!("/milestones/{i}/source"), &m.source);
    }
    for (i, d) in data.discrepancies.iter().enumerate() {
        for (j, r) in d.readings.iter().enumerate() {
            visit(
                &|| format!("/discrepancies/{i}/readings/{j}/source"),
                &r.source,
            );
        }
    }
}

/// Warns where a printed total disagrees with what the records add up to.
fn check_totals(data: &Dataset, problems: &mut Vec<Problem>) {
    let stats = dataset_stats(data);
    for (i, total) in data.printed_totals.iter().enumerate() {
        let Some(computed) = stats.totals.get(&total.key) else {
            continue;
        };
        if (computed - total.value).abs() > 0.005 {
            problems.push(Problem::warning(
                format!("/printed_totals/{i}/value"),
                ProblemKind::TotalMismatch {
                    key: total.key.clone(),
                    printed: total.as_written.clone(),
                    computed: format_number(computed),
                },
            ));
        }
    }
    for (i, ratio) in data.printed_ratios.iter().enumerate() {
        let Some(row) = stats
            .designations
            .iter()
            .find(|d| d.id == ratio.designation)
        else {
            continue;
        };
        if (row.on_idlink, row.total) != (ratio.on_idlink, ratio.total) {
            problems.push(Problem::warning(
                format!("/printed_ratios/{i}"),
                ProblemKind::TotalMismatch {
                    key: row.name.clone(),
                    printed: ratio.as_written.clone(),
                    computed: format!("{}/{}", row.on_idlink, row.total),
                },
            ));
        }
    }
}

fn format_number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Facility, Hospital, Link, Union, Ward};

    /// Every way to spoil `value` once: each value in it replaced by one of
    /// each JSON type, and each key of each object removed.
    fn spoilt(value: &Value) -> Vec<Value> {
        let mut out: Vec<Value> = [
            serde_json::json!(7),
            serde_json::json!(-1),
            serde_json::json!(1.5),
            serde_json::json!("x"),
            serde_json::json!(null),
            serde_json::json!(true),
            serde_json::json!({}),
            serde_json::json!([]),
        ]
        .into_iter()
        .filter(|v| v != value)
        .collect();
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let mut without = map.clone();
                    without.remove(key);
                    out.push(Value::Object(without));
                    for replaced in spoilt(child) {
                        let mut with = map.clone();
                        with.insert(key.clone(), replaced);
                        out.push(Value::Object(with));
                    }
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    for replaced in spoilt(child) {
                        let mut with = items.clone();
                        with[i] = replaced;
                        out.push(Value::Array(with));
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// `parse_at` places and words each problem as `serde_path_to_error`
    /// reading the `Value` did (the way it was done before).
    fn check_against_path_to_error<T: DeserializeOwned>(record: &Value) {
        for bad in spoilt(record) {
            let mut problems = Vec::new();
            let ours = parse_at::<T>(&bad, "", &mut problems);
            match serde_path_to_error::deserialize::<_, T>(&bad) {
                Ok(_) => assert!(ours.is_some() && problems.is_empty(), "{bad}: {problems:?}"),
                Err(error) => {
                    let mut pointer = String::new();
                    for segment in error.path() {
                        match segment {
                            serde_path_to_error::Segment::Seq { index } => {
                                pointer.push('/');
                                pointer.push_str(&index.to_string());
                            }
                            serde_path_to_error::Segment::Map { key } => {
                                pointer.push('/');
                                pointer.push_str(&escape(key));
                            }
                            serde_path_to_error::Segment::Enum { .. }
                            | serde_path_to_error::Segment::Unknown => {}
                        }
                    }
                    let ProblemKind::Shape { message } = &problems[0].kind else {
                        panic!("{bad}: {problems:?}");
                    };
                    assert_eq!(
                        (problems[0].pointer.as_str(), message.as_str()),
                        (pointer.as_str(), error.inner().to_string().as_str()),
                        "{bad}"
                    );
                }
            }
        }
    }

    #[test]
    fn shape_problems_are_placed_as_path_to_error_placed_them() {
        let data: Value = serde_json::from_str(crate::bundled::SAPPORO_JSON).unwrap();
        let first = |key: &str| data[key][0].clone();
        check_against_path_to_error::<Hospital>(&first("hospitals"));
        check_against_path_to_error::<Union>(&first("unions"));
        check_against_path_to_error::<Link>(&first("links"));
        check_against_path_to_error::<Facility>(&first("facilities"));
        check_against_path_to_error::<Ward>(&first("wards"));
        check_against_path_to_error::<Dataset>(&serde_json::json!({"meta": data["meta"].clone()}));
    }
}
