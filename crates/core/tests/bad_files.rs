//! Crafted bad datasets, each with the problems it must produce: where (a
//! JSON pointer) and what. Each fixture is the bundled dataset with one or
//! more deliberate faults, so every other record stays valid.

use serde_json::{json, Value};
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::validate::{load_dataset, Problem, ProblemKind, Severity};

fn bundled_value() -> Value {
    serde_json::from_str(SAPPORO_JSON).expect("the bundled dataset is JSON")
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the bundled data")) = new;
}

/// Loads `text` and checks that it fails with exactly the `expected`
/// (pointer, message fragment) problems, in any order.
fn check_text(text: &str, expected: &[(&str, &str)]) -> Vec<Problem> {
    let problems = load_dataset(text).expect_err("the dataset must be rejected");
    let mut found: Vec<(String, String)> = problems
        .iter()
        .map(|p| (p.place_en(), p.message_en()))
        .collect();
    found.sort();
    assert_eq!(found.len(), expected.len(), "problems: {found:#?}");
    for (pointer, fragment) in expected {
        assert!(
            found
                .iter()
                .any(|(p, m)| p == pointer && m.contains(fragment)),
            "expected `{fragment}` at {pointer}; found {found:#?}"
        );
    }
    for problem in &problems {
        assert!(!problem.message_ja().is_empty());
    }
    problems
}

fn check(edits: &[(&str, Value)], expected: &[(&str, &str)]) -> Vec<Problem> {
    let mut value = bundled_value();
    for (pointer, new) in edits {
        set(&mut value, pointer, new.clone());
    }
    check_text(&value.to_string(), expected)
}

#[test]
fn text_that_is_not_json_names_the_line_and_column() {
    let middle = SAPPORO_JSON
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= SAPPORO_JSON.len() / 2)
        .unwrap_or(0);
    let broken = &SAPPORO_JSON[..middle];
    let problems = check_text(broken, &[("", "not valid JSON")]);
    assert!(matches!(problems[0].kind, ProblemKind::Syntax { line, .. } if line > 1));
    check_text("[1, 2]", &[("", "one JSON object")]);
}

#[test]
fn an_unknown_schema_version_is_refused_clearly() {
    let problems = check(
        &[("/schema_version", json!(2))],
        &[("/schema_version", "unknown schema version 2")],
    );
    assert!(problems[0].message_ja().contains("バージョン 2"));
    let mut value = bundled_value();
    value
        .as_object_mut()
        .expect("object")
        .remove("schema_version");
    check_text(
        &value.to_string(),
        &[("/schema_version", "missing field `schema_version`")],
    );
}

#[test]
fn duplicate_ids_point_at_the_second_use() {
    let mut value = bundled_value();
    let hospitals = value["hospitals"].as_array_mut().expect("hospitals");
    hospitals.push(hospitals[0].clone());
    let last = format!("/hospitals/{}/id", hospitals.len() - 1);
    check_text(&value.to_string(), &[(&last, "duplicate id")]);
}

#[test]
fn dangling_references_name_what_they_should_point_at() {
    check(
        &[
            ("/unions/0/hosts/0", json!("nowhere")),
            ("/links/0/to", json!("atlantis")),
            ("/facilities/0/memberships/0/union", json!("no-union")),
            ("/hospitals/0/ward", json!("no-ward")),
            ("/hospitals/0/sources/0/section", json!("chapter-99")),
        ],
        &[
            ("/unions/0/hosts/0", "\"nowhere\" names no hospital"),
            ("/links/0/to", "\"atlantis\" names no hospital"),
            ("/facilities/0/memberships/0/union", "names no union"),
            ("/hospitals/0/ward", "names no ward"),
            (
                "/hospitals/0/sources/0/section",
                "names no section of the report",
            ),
        ],
    );
}

#[test]
fn bad_months_and_dates_are_caught() {
    check(
        &[
            ("/hospitals/0/idlink_go_live", json!("2012-13")),
            ("/unions/0/founded", json!("2012/02")),
            ("/council/founded", json!("2023-02-30")),
        ],
        &[
            ("/hospitals/0/idlink_go_live", "not a month"),
            ("/unions/0/founded", "not a month"),
            ("/council/founded", "not a date"),
        ],
    );
}

#[test]
fn negative_counts_are_caught() {
    check(
        &[
            ("/hospitals/0/beds", json!(-672)),
            ("/wards/3/population", json!(-1)),
        ],
        &[
            ("/hospitals/0/beds", "negative"),
            ("/wards/3/population", "negative"),
        ],
    );
}

#[test]
fn unknown_kinds_and_wrong_types_point_inside_the_record() {
    check(
        &[
            ("/links/1/kind", json!("ferry")),
            ("/facilities/0/kind", json!("spa")),
            ("/hospitals/2/beds", json!("many")),
        ],
        &[
            ("/links/1/kind", "unknown variant `ferry`"),
            ("/facilities/0/kind", "unknown variant `spa`"),
            ("/hospitals/2/beds", "invalid type"),
        ],
    );
}

#[test]
fn a_count_that_contradicts_its_bound_is_caught() {
    check(
        &[("/hospitals/0/linked_institutions/0/bound", json!("unknown"))],
        &[(
            "/hospitals/0/linked_institutions/0/value",
            "bound \"unknown\"",
        )],
    );
}

#[test]
fn links_to_self_and_unions_without_hosts_are_caught() {
    let from = bundled_value()["links"][0]["from"].clone();
    check(
        &[("/links/0/to", from), ("/unions/1/hosts", json!([]))],
        &[
            ("/links/0/to", "two different hospitals"),
            ("/unions/1/hosts", "must not be empty"),
        ],
    );
}

#[test]
fn a_position_outside_japan_is_caught() {
    check(
        &[("/wards/0/coords/lat", json!(-33.9))],
        &[("/wards/0/coords", "not in Japan")],
    );
}

#[test]
fn a_total_that_disagrees_with_its_parts_is_a_warning_and_the_data_still_loads() {
    let mut value = bundled_value();
    let population = value["wards"][0]["population"].as_i64().expect("number");
    set(&mut value, "/wards/0/population", json!(population + 1));
    let loaded = load_dataset(&value.to_string()).expect("a warning does not reject the data");
    assert_eq!(loaded.warnings.len(), 1, "{:#?}", loaded.warnings);
    let warning = &loaded.warnings[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning.message_en().contains("\"Population\""),
        "{}",
        warning.message_en()
    );
    // In Japanese, by the total's name and grouped as the report prints it.
    assert!(
        warning.message_ja().contains(
            "報告書の「人口」の合計は 1,959,512 ですが、記録から計算すると 1,959,513 です"
        ),
        "{}",
        warning.message_ja()
    );
    assert!(
        warning.message_en().contains("1,959,513"),
        "{}",
        warning.message_en()
    );
}

#[test]
fn every_problem_is_reported_at_once_across_kinds_of_fault() {
    // Shape faults in two different lists are both reported, not just the first.
    check(
        &[("/links/0/kind", json!(7)), ("/unions/2/name", json!(null))],
        &[
            ("/links/0/kind", "invalid type"),
            ("/unions/2/name", "invalid type"),
        ],
    );
}
