//! Reading the council's files: a whole dataset as JSON, or facilities and
//! their unions as CSV the way a spreadsheet exports it (UTF-8 with or
//! without a BOM, or `Shift_JIS`; CRLF; quoted fields with commas and
//! newlines; headers in Japanese or English).
//!
//! Every problem is reported at once, each naming the line, the column and
//! the field, in Japanese and English. Nothing is changed until the caller
//! applies the result.

use std::collections::HashMap;

use crate::model::{
    Dataset, Facility, FacilityId, FacilityKind, Membership, MembershipBasis, Section, SectionId,
    Source, UnionId,
};
use crate::names::{fold_name, lookup, Kind, Lookup};
use crate::text::csv::{kind_of, ward_with_city, COLUMNS, NAME_COLUMN, SKIPPED_COLUMNS};
use crate::validate::{load_dataset, CsvPlace, Loaded, Problem, ProblemKind};

/// The largest file tsunagu imports: 64 MiB. A japan-scale dataset (about
/// 180,000 facilities) is well below it.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// Refuses files over [`MAX_IMPORT_BYTES`].
///
/// # Errors
/// A [`ProblemKind::TooLarge`] problem.
pub fn check_size(len: usize) -> Result<(), Vec<Problem>> {
    if len > MAX_IMPORT_BYTES {
        return Err(vec![Problem::error(
            "",
            ProblemKind::TooLarge {
                size: len,
                limit: MAX_IMPORT_BYTES,
            },
        )]);
    }
    Ok(())
}

/// Decodes a file's bytes: UTF-8 (a BOM is dropped), else `Shift_JIS`
/// through `shift_jis`, which returns `None` for bytes it cannot read.
///
/// # Errors
/// When the bytes are neither valid UTF-8 nor readable by `shift_jis`.
pub fn decode_text_with(
    bytes: &[u8],
    shift_jis: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<String, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Said plainly, rather than as a missing header or a JSON syntax error.
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![Problem::error("", ProblemKind::EmptyFile)]);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    shift_jis(bytes).ok_or_else(|| vec![Problem::error("", ProblemKind::Encoding)])
}

/// `Shift_JIS` as Excel writes it, with `encoding_rs`; `None` on malformed
/// bytes. (The web app uses the browser's own `TextDecoder` instead, so the
/// wasm carries no encoding tables.)
#[cfg(feature = "shift-jis")]
pub fn shift_jis(bytes: &[u8]) -> Option<String> {
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// Decodes a file's bytes: UTF-8 (a BOM is dropped), else `Shift_JIS`
/// (with the `shift-jis` feature, on by default).
///
/// # Errors
/// When the bytes are neither valid UTF-8 nor valid `Shift_JIS`.
pub fn decode_text(bytes: &[u8]) -> Result<String, Vec<Problem>> {
    #[cfg(feature = "shift-jis")]
    return decode_text_with(bytes, &shift_jis);
    #[cfg(not(feature = "shift-jis"))]
    return decode_text_with(bytes, &|_| None);
}

/// Reads a whole dataset from a JSON file's bytes.
///
/// # Errors
/// Every problem, as [`load_dataset`] reports them, or the size or encoding.
pub fn import_json(bytes: &[u8]) -> Result<Loaded, Vec<Problem>> {
    check_size(bytes.len())?;
    load_dataset(&decode_text(bytes)?)
}

/// Facilities read from a CSV file, ready to meet the data in one of the
/// modes of [`crate::merge`].
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CsvImport {
    /// The facilities, in the file's order. A kind the file does not give is
    /// [`FacilityKind::Unknown`], a ward it does not give `None`: never
    /// guessed.
    pub facilities: Vec<Facility>,
    /// For each facility, in the same order: its line, what the file gave,
    /// and the facility in the data it matches.
    pub rows: Vec<CsvRow>,
    /// The section that names the file, for the records' sources.
    pub section: Section,
    /// The headers tsunagu does not read (besides [`SKIPPED_COLUMNS`]),
    /// each with its 1-based column: their values are not imported, and the
    /// import warns about each.
    #[serde(default)]
    pub unknown_columns: Vec<(usize, String)>,
    /// The [`SKIPPED_COLUMNS`] the file has (tsunagu's own 確認日), each
    /// with its 1-based column: the import records its own day instead, and
    /// says so.
    #[serde(default)]
    pub skipped_columns: Vec<(usize, String)>,
}

/// What one line of a CSV said about its facility.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CsvRow {
    /// The line.
    pub line: u64,
    /// The facility in the data it matches: by `ID`, else by name and ward.
    pub matched: Option<FacilityId>,
    /// The file gave a kind.
    pub kind_given: bool,
    /// The file gave a ward.
    pub ward_given: bool,
    /// The file has a unions column (an empty cell then says "in none").
    pub unions_given: bool,
}

fn csv_problem(line: u64, column: usize, field: &str, kind: ProblemKind) -> Problem {
    Problem::in_csv(
        CsvPlace {
            line,
            column,
            field: field.to_owned(),
            record: None,
        },
        kind,
    )
}

/// A problem in the row of the facility `name`, which the place names.
fn row_problem(name: &str, line: u64, column: usize, field: &str, kind: ProblemKind) -> Problem {
    let mut problem = csv_problem(line, column, field, kind);
    if let crate::validate::Place::Csv(place) = &mut problem.place {
        place.record = Some(name.to_owned());
    }
    problem
}

/// An id for an imported facility without one: stable for the same name, so
/// importing the same list twice changes nothing.
fn id_for(name: &str) -> FacilityId {
    // FNV-1a: tiny, stable across platforms and builds.
    let hash = crate::edit::fnv1a(name.as_bytes());
    FacilityId(format!("f-{hash:016x}"))
}

/// Reads facilities and their unions from CSV bytes. Unions and wards are
/// matched by name, alias or id (after folding); the `unions` cell lists
/// several separated by `;`, `、` or `|`.
///
/// # Errors
/// Every problem at once: size, encoding, missing columns, and per cell
/// (empty names, unknown kinds, wards and unions, duplicate ids), each with
/// its line and column.
pub fn import_facilities_csv(
    bytes: &[u8],
    file_name: &str,
    data: &Dataset,
    nfkc: &dyn Fn(&str) -> String,
) -> Result<CsvImport, Vec<Problem>> {
    check_size(bytes.len())?;
    import_facilities_csv_text(&decode_text(bytes)?, file_name, data, nfkc)
}

/// [`import_facilities_csv`] on text already decoded.
///
/// # Errors
/// As [`import_facilities_csv`], but for size and encoding.
#[allow(clippy::too_many_lines)] // one pass over the rows, one check per column
pub fn import_facilities_csv_text(
    text: &str,
    file_name: &str,
    data: &Dataset,
    nfkc: &dyn Fn(&str) -> String,
) -> Result<CsvImport, Vec<Problem>> {
    // The csv reader takes an unclosed quote to the end of the file as one
    // cell: a slip (a stray " typed in a spreadsheet) would import as one
    // facility named after the rest of the file.
    if let Some((line, column)) = unclosed_quote(text) {
        // The column's heading, as the header line (read plainly) has it.
        let field = text
            .lines()
            .next()
            .and_then(|h| h.trim_start_matches('\u{feff}').split(',').nth(column - 1))
            .map_or("", |h| h.trim().trim_matches('"'));
        return Err(vec![csv_problem(
            line,
            column,
            field,
            ProblemKind::UnclosedQuote,
        )]);
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| vec![csv_error(&e)])?.clone();
    let folded: Vec<String> = headers.iter().map(|h| fold_name(h, nfkc)).collect();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (key, names) in COLUMNS {
        if let Some(i) = folded
            .iter()
            .position(|h| names.iter().any(|n| fold_name(n, nfkc) == *h))
        {
            index.insert(key, i);
        }
    }
    let skipped: Vec<String> = SKIPPED_COLUMNS.iter().map(|h| fold_name(h, nfkc)).collect();
    let unknown_columns: Vec<(usize, String)> = folded
        .iter()
        .enumerate()
        .filter(|(i, h)| !h.is_empty() && !index.values().any(|c| c == i) && !skipped.contains(h))
        .map(|(i, _)| (i + 1, headers.get(i).unwrap_or_default().trim().to_owned()))
        .collect();
    let skipped_columns: Vec<(usize, String)> = folded
        .iter()
        .enumerate()
        .filter(|(_, h)| skipped.contains(h))
        .map(|(i, _)| (i + 1, headers.get(i).unwrap_or_default().trim().to_owned()))
        .collect();
    let Some(&name_col) = index.get("name") else {
        return Err(vec![csv_problem(
            1,
            0,
            "",
            ProblemKind::MissingColumn {
                names: NAME_COLUMN.into(),
            },
        )]);
    };
    let header = |i: usize| headers.get(i).unwrap_or_default().to_owned();
    let section = Section {
        id: SectionId(format!("import:{file_name}")),
        heading: file_name.to_owned(),
        title: crate::text::imported_section(file_name),
        position: 1000,
    };

    let mut problems = Vec::new();
    let mut facilities: Vec<Facility> = Vec::new();
    let mut rows: Vec<CsvRow> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut lines = Lines::new(text);
    // Folded once, so a row without an id finds its facility in O(1): by
    // name, then by ward among facilities of the same name.
    let mut known: HashMap<String, Vec<&Facility>> = HashMap::new();
    for f in &data.facilities {
        known.entry(fold_name(&f.name, nfkc)).or_default().push(f);
    }
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(csv_error(&error));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        // A `'` before a would-be formula is tsunagu's own export's (and
        // Excel's) mark that the cell is text: taken off again.
        let cell = |key: &str| {
            index
                .get(key)
                .and_then(|&i| record.get(i))
                .map(str::trim)
                .map(|c| {
                    c.strip_prefix('\'')
                        .filter(|rest| crate::export::looks_like_a_formula(rest))
                        .unwrap_or(c)
                })
                .unwrap_or_default()
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let name = cell("name");
        if name.is_empty() {
            problems.push(csv_problem(
                line,
                name_col + 1,
                &header(name_col),
                ProblemKind::EmptyName,
            ));
            continue;
        }
        let given_id = match cell("id") {
            "" => None,
            id if id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
            {
                Some(FacilityId(id.to_owned()))
            }
            id => {
                let col = index["id"];
                problems.push(row_problem(
                    name,
                    line,
                    col + 1,
                    &header(col),
                    ProblemKind::BadId {
                        value: id.to_owned(),
                    },
                ));
                continue;
            }
        };
        let kind_cell = cell("kind");
        let kind = if kind_cell.is_empty() {
            FacilityKind::Unknown
        } else {
            kind_of(kind_cell).unwrap_or_else(|| {
                let col = index["kind"];
                problems.push(row_problem(
                    name,
                    line,
                    col + 1,
                    &header(col),
                    ProblemKind::UnknownValue {
                        value: kind_cell.to_owned(),
                    },
                ));
                FacilityKind::Unknown
            })
        };
        let ward = match cell("ward") {
            "" => None,
            text => {
                let wanted = fold_name(text, nfkc);
                let ward = data.wards.iter().find(|w| {
                    [&w.name, &w.name_en, &w.id.0]
                        .iter()
                        .any(|n| fold_name(n, nfkc) == wanted)
                        || fold_name(&ward_with_city(&w.name), nfkc) == wanted
                });
                if ward.is_none() {
                    let col = index["ward"];
                    problems.push(row_problem(
                        name,
                        line,
                        col + 1,
                        &header(col),
                        ProblemKind::DanglingRef {
                            id: text.to_owned(),
                            target: crate::validate::Target::Ward,
                        },
                    ));
                }
                ward.map(|w| w.id.clone())
            }
        };
        // The facility it matches: by id, else by name and (when the file
        // gives one) ward, when that leaves exactly one.
        let matched = if let Some(id) = &given_id {
            data.facility(id).map(|f| f.id.clone())
        } else {
            let same_name = known.get(&fold_name(name, nfkc));
            let candidates: Vec<&&Facility> = same_name
                .into_iter()
                .flatten()
                .filter(|f| ward.is_none() || f.ward == ward)
                .collect();
            match candidates.as_slice() {
                [one] => Some(one.id.clone()),
                _ => None,
            }
        };
        let id = matched.clone().or(given_id).unwrap_or_else(|| id_for(name));
        if let Some(first) = seen.insert(id.0.clone(), line) {
            problems.push(row_problem(
                name,
                line,
                index.get("id").copied().unwrap_or(name_col) + 1,
                &header(index.get("id").copied().unwrap_or(name_col)),
                ProblemKind::DuplicateId {
                    id: id.0.clone(),
                    first: format!("line {first}"),
                },
            ));
        }
        let source = Source {
            section: section.id.clone(),
            quote: Some(format!("line {line}")),
        };
        // The unions it is said to belong to, then those only its 幹事一覧
        // entry puts it in (tsunagu's own export keeps them apart): a union
        // in both is said outright.
        let mut memberships: Vec<Membership> = Vec::new();
        for (key, basis) in [
            ("unions", MembershipBasis::Stated),
            ("officer_lists", MembershipBasis::OfficerList),
        ] {
            for union in cell(key)
                .split([';', '、', '|', '；'])
                .map(str::trim)
                .filter(|u| !u.is_empty())
            {
                match lookup(data, Kind::Union, union, nfkc) {
                    Lookup::Found(id) => {
                        if !memberships.iter().any(|m| m.union.0 == id) {
                            memberships.push(Membership {
                                union: UnionId(id),
                                source: source.clone(),
                                basis,
                            });
                        }
                    }
                    Lookup::NotFound { .. } => {
                        let col = index[key];
                        problems.push(row_problem(
                            name,
                            line,
                            col + 1,
                            &header(col),
                            ProblemKind::DanglingRef {
                                id: union.to_owned(),
                                target: crate::validate::Target::Union,
                            },
                        ));
                    }
                }
            }
        }
        rows.push(CsvRow {
            line,
            matched,
            kind_given: !kind_cell.is_empty(),
            ward_given: ward.is_some(),
            unions_given: index.contains_key("unions") || index.contains_key("officer_lists"),
        });
        facilities.push(Facility {
            id,
            // A line break typed in a cell is one line break, however the file ends its lines.
            name: name.replace("\r\n", "\n").replace('\r', "\n"),
            kind,
            ward,
            memberships,
            notes: Vec::new(),
            sources: vec![source],
            confirmed: None,
            confirmed_by: None,
        });
    }
    if problems.is_empty() {
        Ok(CsvImport {
            facilities,
            rows,
            section,
            unknown_columns,
            skipped_columns,
        })
    } else {
        Err(problems)
    }
}

/// Line numbers for byte offsets that only grow: LF, CRLF and lone CR each
/// end a line (the CSV reader may place a record's start between a CR and
/// its LF). Scans each byte once, so big files stay linear.
struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
    previous: u8,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            at: 0,
            line: 1,
            previous: 0,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let end = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while self.at < end {
            let b = self.text[self.at];
            if b == b'\r' || (b == b'\n' && self.previous != b'\r') {
                self.line += 1;
            }
            self.previous = b;
            self.at += 1;
        }
        self.line
    }
}

/// Where a quoted cell opens without ever closing: its 1-based line and
/// column, as RFC 4180 reads quotes (a quote opens only at a cell's start;
/// inside, `""` is a quote and `"` closes).
fn unclosed_quote(text: &str) -> Option<(u64, usize)> {
    let (mut line, mut column) = (1_u64, 1_usize);
    let mut at_cell_start = true;
    let mut open: Option<(u64, usize)> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if open.is_some() {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    open = None;
                }
            } else if c == '\n' {
                line += 1;
            }
            continue;
        }
        match c {
            '"' if at_cell_start => open = Some((line, column)),
            ',' => {
                column += 1;
                at_cell_start = true;
                continue;
            }
            '\n' => {
                line += 1;
                column = 1;
                at_cell_start = true;
                continue;
            }
            _ => {}
        }
        at_cell_start = false;
    }
    open
}

fn csv_error(error: &csv::Error) -> Problem {
    let kind = ProblemKind::Shape {
        message: error.to_string(),
    };
    match error.position() {
        Some(p) => Problem::in_csv(
            CsvPlace {
                line: p.line(),
                column: 0,
                field: String::new(),
                record: None,
            },
            kind,
        ),
        None => Problem::error("", kind),
    }
}

/// The dataset with its facilities replaced by an import's (the CSV is the
/// council's whole list), and the file added to its sections.
pub fn with_facilities(data: &Dataset, import: &CsvImport) -> Dataset {
    let mut next = data.clone();
    next.sections.retain(|s| s.id != import.section.id);
    next.sections.push(import.section.clone());
    next.facilities.clone_from(&import.facilities);
    // Council members pointing at facilities no longer listed lose the link, not the member.
    for member in &mut next.council.members {
        if member
            .facility
            .as_ref()
            .is_some_and(|f| !next.facilities.iter().any(|x| &x.id == f))
        {
            member.facility = None;
        }
    }
    next
}
