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

fn plan_json(args: &[&str]) -> Value {
    let mut all = vec!["plan"];
    all.extend_from_slice(args);
    all.push("--json");
    let output = tsunagu(&all);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn plan_from_a_named_facility_gives_the_frontier_with_paths() {
    // Worked by hand: みきファミリークリニック is in TMNIT, whose host 手稲溪仁会 is on
    // 北海道大学病院's ID-Link list (one relay); joining ICTネットワーク is direct.
    let answer = plan_json(&[
        "--from",
        "みきファミリークリニック",
        "--to",
        "北海道大学病院",
    ]);
    let plans = answer["plans"].as_array().expect("plans");
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[0]["join"], serde_json::json!([]));
    assert_eq!(plans[0]["relays"], 1);
    assert_eq!(plans[1]["join"], serde_json::json!(["ICTネットワーク"]));
    assert_eq!(plans[1]["relays"], 0);
    assert!(plans[0]["alternatives"].is_array());
    let path = &plans[1]["paths"][0];
    assert_eq!(path["target"], "北海道大学病院");
    assert_eq!(path["relays"], 0);
    assert_eq!(
        path["steps"],
        serde_json::json!([
            "みきファミリークリニック",
            "ICTネットワーク",
            "北海道大学病院"
        ])
    );
    assert_eq!(answer["unreachable"], serde_json::json!([]));
    assert!(answer["caveat"]
        .as_str()
        .is_some_and(|c| c.contains("同意")));
}

#[test]
fn plan_matches_names_after_nfkc_and_through_variant_kanji() {
    // The report prints 手稲溪仁会病院; people type 渓, and full-width letters.
    let answer = plan_json(&[
        "--member-of",
        "",
        "--to",
        "手稲渓仁会病院,ＫＫＲ札幌医療センター",
    ]);
    let first = &answer["plans"][0];
    assert_eq!(first["join"].as_array().map(Vec::len), Some(2));
    let targets: Vec<&str> = first["paths"]
        .as_array()
        .expect("paths")
        .iter()
        .filter_map(|p| p["target"].as_str())
        .collect();
    assert_eq!(targets, ["手稲溪仁会病院", "KKR札幌医療センター"]);
}

#[test]
fn plan_explains_an_unreachable_target_and_returns_no_plan() {
    let answer = plan_json(&[
        "--member-of",
        "",
        "--to",
        "王子総合病院",
        "--max-relays",
        "0",
    ]);
    assert_eq!(answer["plans"], serde_json::json!([]));
    let reason = answer["unreachable"][0]["reason"].as_str().expect("reason");
    assert!(
        reason.contains("direct disclosure") && reason.contains("直接開示"),
        "{reason}"
    );
}

#[test]
fn plan_with_an_unknown_name_exits_2_and_suggests_the_closest() {
    let output = tsunagu(&["plan", "--member-of", "", "--to", "北海道大学病", "--json"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.contains("「北海道大学病」という病院は見つかりません"),
        "{text}"
    );
    assert!(text.contains("did you mean: 北海道大学病院"), "{text}");

    let output = tsunagu(&[
        "plan",
        "--member-of",
        "",
        "--to",
        "天使病院",
        "--exclude",
        "ないユニオン",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no union is named"),
        "{}",
        stderr(&output)
    );

    let output = tsunagu(&["plan", "--from", "存在しない診療所", "--to", "天使病院"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no facility is named"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn plan_needs_exactly_one_start_and_a_target() {
    assert_eq!(
        tsunagu(&["plan", "--to", "天使病院"]).status.code(),
        Some(2)
    );
    let both = tsunagu(&[
        "plan",
        "--from",
        "みきファミリークリニック",
        "--member-of",
        "",
        "--to",
        "天使病院",
    ]);
    assert_eq!(both.status.code(), Some(2));
    assert_eq!(tsunagu(&["plan", "--member-of", ""]).status.code(), Some(2));
    let empty = tsunagu(&["plan", "--member-of", "", "--to", ","]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(stderr(&empty).contains("--to"), "{}", stderr(&empty));
}

#[test]
fn plan_with_a_broken_data_file_lists_its_problems_and_exits_1() {
    let path = temp_file("broken-plan.json", "{\"schema_version\": 1,");
    let output = tsunagu(&[
        "plan",
        "--member-of",
        "",
        "--to",
        "天使病院",
        "--data",
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("broken-plan.json error"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn import_a_shift_jis_csv_writes_a_valid_dataset_and_reports_the_change() {
    let (bytes, _, _) =
        encoding_rs::SHIFT_JIS.encode("施設名,区,ユニオン\r\nテスト内科,北区,ICTネットワーク\r\n");
    let csv = temp_file_bytes("members-sjis.csv", &bytes);
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests/imported.json");
    let output = tsunagu(&[
        "import",
        csv.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("追加 1"), "{}", stderr(&output));
    let validate = tsunagu(&["validate", out.to_str().expect("utf-8")]);
    assert!(validate.status.success(), "{}", stderr(&validate));
    let data: Value = serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("JSON");
    assert_eq!(data["facilities"][0]["name"], "テスト内科");
    assert_eq!(
        data["facilities"][0]["memberships"][0]["union"],
        "hokudai-ict"
    );
}

#[test]
fn import_a_broken_csv_lists_every_problem_and_writes_nothing() {
    let csv = temp_file("broken.csv", "施設名,区,ユニオン\nX,火星区,Y\n");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests/never.json");
    let _ = std::fs::remove_file(&out);
    let output = tsunagu(&[
        "import",
        csv.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("broken.csv error line 2, column 2 (区)"),
        "{text}"
    );
    assert!(
        text.contains("broken.csv error line 2, column 3 (ユニオン)"),
        "{text}"
    );
    assert!(!out.exists());
}

#[test]
fn export_csv_has_a_bom_and_japanese_headers_and_reimports_to_the_same_facilities() {
    let output = tsunagu(&["export", "--csv"]);
    assert!(output.status.success());
    assert!(output
        .stdout
        .starts_with("\u{FEFF}ID,施設名,種別,区,ユニオン\r\n".as_bytes()));
    let csv = temp_file_bytes("exported.csv", &output.stdout);
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests/reimported.json");
    let output = tsunagu(&[
        "import",
        csv.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The same facilities come back: only their sources now name the file.
    assert!(
        stderr(&output).contains("追加 0 / 変更 9 / 削除 0"),
        "{}",
        stderr(&output)
    );
    assert_eq!(tsunagu(&["export", "--json"]).status.code(), Some(0));
    assert_eq!(tsunagu(&["export"]).status.code(), Some(2));
}

fn temp_file_bytes(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn reach_prints_the_matrix_and_a_scenario_changes_it() {
    let output = tsunagu(&["reach", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let matrix: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let hospitals = matrix["hospitals"].as_array().expect("hospitals");
    assert_eq!(hospitals.len(), 7);
    let row = matrix["unions"]
        .as_array()
        .expect("unions")
        .iter()
        .position(|u| u == "TMNIT in Hokkaido")
        .expect("TMNIT");
    let kkr = hospitals
        .iter()
        .position(|h| h == "KKR札幌医療センター")
        .expect("KKR");
    assert_eq!(matrix["relays"][row][kkr], Value::Null, "unreachable today");

    let scenario = temp_file(
        "connect.json",
        r#"{"name": "connect", "changes": [{"kind": "connect_unions", "a": "tmnit", "b": "kkr-union"}]}"#,
    );
    let output = tsunagu(&[
        "reach",
        "--scenario",
        scenario.to_str().expect("utf-8"),
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let after: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(after["relays"][row][kkr], 1);

    let broken = temp_file(
        "broken-scenario.json",
        r#"{"name": "x", "changes": [{"kind": "teleport"}]}"#,
    );
    let output = tsunagu(&[
        "reach",
        "--scenario",
        broken.to_str().expect("utf-8"),
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot read the scenario"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn synth_is_deterministic_valid_and_prints_the_join_distribution() {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests/hokkaido.json");
    let first = tsunagu(&[
        "synth",
        "--scale",
        "hokkaido",
        "--seed",
        "3",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("600 hospitals, 50 unions, 7000 facilities"),
        "{}",
        stderr(&first)
    );
    assert!(
        stderr(&first).contains("fewest unions to join"),
        "{}",
        stderr(&first)
    );
    let bytes = std::fs::read(&out).expect("written");
    let again = tsunagu(&["synth", "--scale", "hokkaido", "--seed", "3"]);
    assert_eq!(again.stdout, bytes, "the same seed gives the same file");
    let validate = tsunagu(&["validate", out.to_str().expect("utf-8")]);
    assert!(validate.status.success(), "{}", stderr(&validate));
    assert_eq!(
        tsunagu(&["synth", "--scale", "mars"]).status.code(),
        Some(2)
    );
}
