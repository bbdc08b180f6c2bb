//! The `tsunagu` binary as a user runs it: exit codes, messages that name the
//! file, the record and the field, and the JSON contract of `stats`.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn tsunagu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes `text` to a fresh file under the target directory.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn bundled_with(pointer: &str, new: Value) -> String {
    let mut value: Value = serde_json::from_str(tsunagu_core::bundled::SAPPORO_JSON).expect("json");
    *value.pointer_mut(pointer).expect("pointer") = new;
    value.to_string()
}

#[test]
fn help_lists_the_subcommands() {
    let output = tsunagu(&["--help"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("validate") && text.contains("stats"),
        "{text}"
    );
}

#[test]
fn validate_accepts_the_bundled_dataset() {
    let output = tsunagu(&["validate"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("valid"));
}

#[test]
fn validate_lists_every_problem_with_the_file_and_the_pointer_and_exits_1() {
    let mut value: Value = serde_json::from_str(tsunagu_core::bundled::SAPPORO_JSON).expect("json");
    *value.pointer_mut("/unions/0/hosts/0").expect("host") = Value::from("nowhere");
    *value.pointer_mut("/hospitals/0/beds").expect("beds") = Value::from(-1);
    let path = temp_file("two-faults.json", &value.to_string());
    let output = tsunagu(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("two-faults.json error /unions/0/hosts/0"),
        "{text}"
    );
    assert!(
        text.contains("two-faults.json error /hospitals/0/beds"),
        "{text}"
    );
    assert!(
        text.contains("病院はありません") && text.contains("names no hospital"),
        "{text}"
    );
    assert!(text.contains("2 件のエラー / 2 error(s)"), "{text}");
}

#[test]
fn validate_explains_an_unknown_schema_version() {
    let path = temp_file(
        "future.json",
        &bundled_with("/schema_version", Value::from(99)),
    );
    let output = tsunagu(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("unknown schema version 99"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn validate_a_missing_file_exits_2_and_says_why() {
    let output = tsunagu(&["validate", "/nonexistent/data.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/nonexistent/data.json: ファイルを読めません"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    assert_eq!(tsunagu(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn stats_json_has_the_contracted_keys_and_the_report_s_numbers() {
    let output = tsunagu(&["stats", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stats: Value = serde_json::from_slice(&output.stdout).expect("JSON");

    let wards = stats["wards"].as_array().expect("wards");
    assert_eq!(wards.len(), 10);
    for ward in wards {
        for key in [
            "name",
            "population",
            "households",
            "area_km2",
            "institutions",
            "viewing_facilities",
        ] {
            assert!(!ward[key].is_null(), "{key} in {ward}");
        }
    }
    let chuo = wards
        .iter()
        .find(|w| w["name"] == "中央区")
        .expect("中央区");
    assert_eq!(chuo["population"], 244_032);
    assert_eq!(chuo["institutions"], 185 + 140);
    assert_eq!(chuo["viewing_facilities"], 38);

    let totals = &stats["totals"];
    assert_eq!(totals["population"], 1_959_512);
    assert_eq!(totals["institutions"], 1_308);
    assert_eq!(totals["viewing_facilities"], 145);
    assert_eq!(totals["disclosing_hospitals"], 7);
    assert_eq!(totals["unions"], 7);
    assert_eq!(totals["beds"], 3_687);

    let designations = stats["designations"].as_array().expect("designations");
    let emergency = designations
        .iter()
        .find(|d| d["name"] == "救命救急センター")
        .expect("救命救急センター");
    assert_eq!(
        (emergency["on_idlink"].as_i64(), emergency["total"].as_i64()),
        (Some(3), Some(5))
    );
}

#[test]
fn stats_reads_another_file_with_data() {
    let path = temp_file(
        "bigger.json",
        &bundled_with("/wards/0/population", Value::from(300_000)),
    );
    let output = tsunagu(&[
        "stats",
        "--data",
        path.to_str().expect("utf-8 path"),
        "--json",
    ]);
    // The printed total now disagrees with the wards: a warning, still exit 0.
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("bigger.json warning /printed_totals/"),
        "{}",
        stderr(&output)
    );
    let stats: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(stats["wards"][0]["population"], 300_000);
}
