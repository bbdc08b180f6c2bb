//! The first pass: reading the JSON text, then each record on its own, so
//! one malformed record does not hide the next, each problem placed by a
//! JSON pointer.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::problem::{Problem, ProblemKind};
use crate::model::{Dataset, SCHEMA_VERSION};

/// Reads a dataset record by record, collecting every shape problem.
pub(super) fn parse_slowly(text: &str) -> Result<Dataset, Vec<Problem>> {
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

/// The name (or, without one, the id) of the record each problem's JSON
/// pointer falls in, read from the file's text: `/hospitals/1/beds` in a
/// file whose second hospital is NTT東日本札幌病院 gives that name, so a
/// refused file's problems say which record they are about. Only a refused
/// file is read again for this.
pub fn record_names(text: &str, problems: &[Problem]) -> Vec<Option<String>> {
    let value: Option<Value> = serde_json::from_str(text).ok();
    problems
        .iter()
        .map(|problem| {
            let super::Place::Json(pointer) = &problem.place else {
                return None;
            };
            let mut segments = pointer.strip_prefix('/')?.split('/');
            let (kind, index) = (segments.next()?, segments.next()?.parse::<usize>().ok()?);
            let record = value.as_ref()?.get(kind)?.get(index)?;
            ["name", "id"]
                .iter()
                .find_map(|key| record.get(*key)?.as_str())
                .map(str::to_owned)
        })
        .collect()
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
                        (problems[0].place_en(), message.as_str()),
                        (pointer.clone(), error.inner().to_string().as_str()),
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
