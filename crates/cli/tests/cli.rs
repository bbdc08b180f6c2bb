//! The `tsunagu` binary as a user runs it: exit codes, messages that name the
//! file, the record and the field, and the JSON contract of `stats`.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{json, Value};

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

/// The names in a JSON array of strings.
fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(Value::as_str)
        .collect()
}

#[test]
fn plan_from_a_named_facility_joins_the_target_s_own_union_under_the_confirmed_rule() {
    // Worked by hand: みきファミリークリニック belongs to TMNIT (host 手稲溪仁会),
    // 札幌医療情報共有システム協議会 (天使) and 市立札幌病院's union. 北海道大学病院
    // hosts only ICTネットワーク, and under the confirmed rule its links to
    // 手稲溪仁会 and 天使 open nothing: joining ICTネットワーク is the only way.
    let answer = plan_json(&[
        "--from",
        "みきファミリークリニック",
        "--to",
        "北海道大学病院",
    ]);
    assert_eq!(answer["rules"], "confirmed");
    assert_eq!(
        strings(&answer["members"]),
        [
            "TMNIT in Hokkaido",
            "札幌医療情報共有システム協議会",
            "市立札幌病院 地域医療情報ネットワークシステム"
        ]
    );
    let plans = answer["plans"].as_array().expect("plans");
    assert_eq!(plans.len(), 1, "{answer}");
    let plan = &plans[0];
    assert_eq!(plan["join"], json!(["ICTネットワーク"]));
    assert_eq!(plan["relays"], 0);
    assert_eq!(plan["assumptions"], json!([]));
    assert!(plan["alternatives"].is_array());
    let path = &plan["paths"][0];
    assert_eq!(path["target"], "北海道大学病院");
    assert_eq!(path["relays"], 0);
    assert_eq!(path["entry"], "join");
    assert_eq!(
        path["steps"],
        json!([
            "みきファミリークリニック",
            "ICTネットワーク",
            "北海道大学病院"
        ])
    );

    let joining = plan["joining"].as_array().expect("joining");
    assert_eq!(joining.len(), 1);
    assert_eq!(joining[0]["union"], "ICTネットワーク");
    assert_eq!(joining[0]["hosts"], json!(["北海道大学病院"]));
    // ICTネットワーク: ユニオン発足 2016年3月; 北大's 連携医療機関数 is printed
    // first in the ID-Link by ward table as 1,714.
    assert_eq!(joining[0]["founded"], "2016-03");
    assert_eq!(joining[0]["linked_institutions"], "1,714");
    let how = joining[0]["how"].as_array().expect("how");
    assert!(!how.is_empty());
    for passage in how {
        assert!(
            passage["ja"].is_string() && passage["en"].is_string(),
            "{passage}"
        );
        assert!(passage["source"]["section"].is_string(), "{passage}");
    }

    assert_eq!(answer["unreachable"], json!([]));
    // 北大's partners are context, each with its kind, note and source.
    let context = answer["context"].as_array().expect("context");
    assert!(context.iter().all(|c| c["target"] == "北海道大学病院"));
    let partners: Vec<&str> = context
        .iter()
        .filter_map(|c| c["partner"].as_str())
        .collect();
    assert!(partners.contains(&"手稲溪仁会病院"), "{partners:?}");
    assert!(partners.contains(&"天使病院"), "{partners:?}");
    let tenshi = context
        .iter()
        .find(|c| c["partner"] == "天使病院")
        .expect("天使病院");
    assert_eq!(tenshi["kind"], "idlink_partner");
    assert_eq!(tenshi["source"]["section"], "hospital-hokudai");
    assert!(
        tenshi["note"]["ja"]
            .as_str()
            .is_some_and(|n| n.contains("天使病院") && n.contains("ID-Link")),
        "{tenshi}"
    );
    assert!(tenshi["note"]["en"].is_string());
    assert!(answer["caveat"]
        .as_str()
        .is_some_and(|c| c.contains("同意") && c.contains("consent")));
}

#[test]
fn plan_assuming_agreements_relays_through_a_member_union_s_host_and_says_so() {
    // With the assumption, TMNIT's host 手稲溪仁会 has an agreement with 北大 (and
    // 天使 is on 北大's ID-Link list): one relay, nothing to join. Joining
    // ICTネットワーク is still the direct way, and rests on nothing.
    let answer = plan_json(&[
        "--from",
        "みきファミリークリニック",
        "--to",
        "北海道大学病院",
        "--assume",
        "agreements",
    ]);
    assert_eq!(answer["rules"], "assume_agreements");
    let plans = answer["plans"].as_array().expect("plans");
    assert_eq!(plans.len(), 2, "{answer}");
    assert_eq!(plans[0]["join"], json!([]));
    assert_eq!(plans[0]["relays"], 1);
    assert_eq!(plans[0]["assumptions"], json!(["agreements"]));
    assert_eq!(plans[0]["joining"], json!([]));
    let via = &plans[0]["paths"][0]["hops"][1]["via"];
    assert!(
        via["kind"] == "agreement" || via["kind"] == "idlink_partner",
        "{via}"
    );
    assert!(via["source"]["section"].is_string(), "{via}");
    assert_eq!(plans[1]["join"], json!(["ICTネットワーク"]));
    assert_eq!(plans[1]["relays"], 0);
    assert_eq!(plans[1]["assumptions"], json!([]));
}

#[test]
fn a_new_clinic_joins_each_target_s_union_unless_agreements_are_assumed() {
    // 北大 hosts ICTネットワーク, 手稲溪仁会 hosts TMNIT, 市立札幌病院 hosts its own
    // union, and none of the three hosts another's: three unions. Assuming
    // agreements, 北大 and 手稲溪仁会 reach each other in one relay, so one of
    // their unions serves both (市立札幌病院 has no links: its union stays).
    let targets = "北海道大学病院,手稲溪仁会病院,市立札幌病院";
    let confirmed = plan_json(&["--member-of", "", "--to", targets]);
    let plans = confirmed["plans"].as_array().expect("plans");
    assert_eq!(plans.len(), 1, "{confirmed}");
    let mut join = strings(&plans[0]["join"]);
    join.sort_unstable();
    assert_eq!(
        join,
        [
            "ICTネットワーク",
            "TMNIT in Hokkaido",
            "市立札幌病院 地域医療情報ネットワークシステム"
        ]
    );
    assert_eq!(plans[0]["relays"], 0);
    let hosts: Vec<&Value> = plans[0]["joining"]
        .as_array()
        .expect("joining")
        .iter()
        .map(|j| &j["hosts"])
        .collect();
    assert_eq!(hosts.len(), 3);

    let assumed = plan_json(&["--member-of", "", "--to", targets, "--assume", "agreements"]);
    let first = &assumed["plans"][0];
    assert_eq!(first["join"].as_array().map(Vec::len), Some(2), "{assumed}");
    assert_eq!(first["relays"], 1);
    assert_eq!(first["assumptions"], json!(["agreements"]));
    assert!(strings(&first["join"]).contains(&"市立札幌病院 地域医療情報ネットワークシステム"));
}

#[test]
fn a_target_that_hosts_no_union_says_so_and_names_whom_it_shares_with() {
    // 市立函館病院 hosts no union; 手稲溪仁会 has an agreement with it and 北大
    // lists it among its ID-Link partners.
    let answer = plan_json(&["--member-of", "", "--to", "市立函館病院"]);
    assert_eq!(answer["rules"], "confirmed");
    assert_eq!(answer["plans"], json!([]));
    let unreachable = &answer["unreachable"][0];
    assert_eq!(unreachable["target"], "市立函館病院");
    assert_eq!(unreachable["reason"], "hosts_no_union");
    let shares = strings(&unreachable["shares_with"]);
    assert!(shares.contains(&"北海道大学病院"), "{shares:?}");
    assert!(shares.contains(&"手稲溪仁会病院"), "{shares:?}");
    let ja = unreachable["explanation"]["ja"].as_str().expect("ja");
    assert!(
        ja.contains("市立函館病院") && ja.contains("北海道大学病院"),
        "{ja}"
    );
    assert!(unreachable["explanation"]["en"].is_string());
    let partners: Vec<&str> = answer["context"]
        .as_array()
        .expect("context")
        .iter()
        .filter_map(|c| c["partner"].as_str())
        .collect();
    assert!(partners.contains(&"手稲溪仁会病院"), "{partners:?}");
}

#[test]
fn a_what_if_s_connected_unions_are_access_marked_as_the_what_if() {
    // TMNIT connected to ICTネットワーク: みき (a TMNIT member) reaches 北大
    // through one union-to-union relay, joining nothing.
    let what_if = temp_file(
        "connect-tmnit-ict.json",
        r#"{"name": "TMNIT と ICT を繋ぐ", "changes": [{"kind": "connect_unions", "a": "tmnit", "b": "hokudai-ict"}]}"#,
    );
    let answer = plan_json(&[
        "--from",
        "みきファミリークリニック",
        "--to",
        "北海道大学病院",
        "--what-if",
        what_if.to_str().expect("utf-8"),
    ]);
    assert_eq!(answer["rules"], "confirmed");
    let first = &answer["plans"][0];
    assert_eq!(first["join"], json!([]));
    assert_eq!(first["relays"], 1);
    assert_eq!(first["assumptions"], json!(["what_if"]));
    let via = &first["paths"][0]["hops"][0]["via"];
    assert_eq!(via["kind"], "union_link");
    assert_eq!(via["label"], "TMNIT と ICT を繋ぐ");
    assert!(
        via.get("source").is_none(),
        "a what-if has no source: {via}"
    );
}

#[test]
fn a_membership_or_a_go_live_a_what_if_supposes_is_marked_and_the_what_if_named() {
    // 札幌秀友会病院 is only on TMNIT's 幹事一覧 in the report. Supposing it
    // joins ICTネットワーク, it needs nothing more for 北大, but only so.
    let joins = temp_file(
        "shuyukai-joins-ict.json",
        r#"{"name": "秀友会がICTに加入", "changes": [{"kind": "join", "facility": "shuyukai", "union": "hokudai-ict"}]}"#,
    );
    let path = joins.to_str().expect("utf-8");
    let args = [
        "--from",
        "札幌秀友会病院",
        "--to",
        "北海道大学病院",
        "--what-if",
        path,
    ];
    let answer = plan_json(&args);
    assert_eq!(
        answer["what_if"],
        json!({"name": "秀友会がICTに加入", "changes": 1})
    );
    assert_eq!(answer["plans"][0]["join"], json!([]));
    assert_eq!(answer["plans"][0]["assumptions"], json!(["what_if"]));
    assert_eq!(strings(&answer["members_what_if"]), ["ICTネットワーク"]);
    assert_eq!(answer["officer_list_only"][0]["union"], "TMNIT in Hokkaido");
    let mut text_args = vec!["plan"];
    text_args.extend_from_slice(&args);
    let output = tsunagu(&text_args);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("もしも（仮定）: 秀友会がICTに加入"), "{text}");
    assert!(
        text.contains("ICTネットワーク（もしも / what-if）"),
        "{text}"
    );
    assert!(text.contains("幹事一覧のみ（加入は要確認）"), "{text}");

    // Supposing 札幌医大 goes live, its union is the what-if's too.
    let goes_live = temp_file(
        "sapmed-goes-live.json",
        r#"{"name": "札幌医大が稼働", "changes": [{"kind": "go_live", "hospital": "sapmed", "union_name": "札幌医大ネット（仮）"}]}"#,
    );
    let answer = plan_json(&[
        "--member-of",
        "",
        "--to",
        "札幌医科大学附属病院",
        "--what-if",
        goes_live.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        strings(&answer["plans"][0]["join"]),
        ["札幌医大ネット（仮）"]
    );
    assert_eq!(answer["plans"][0]["assumptions"], json!(["what_if"]));
    // Without a what-if, no such key.
    let plain = plan_json(&["--from", "札幌秀友会病院", "--to", "北海道大学病院"]);
    assert!(plain.get("what_if").is_none());
    assert_eq!(plain["plans"][0]["assumptions"], json!([]));
}

#[test]
fn a_what_if_s_agreement_is_only_context_under_the_confirmed_rule() {
    let what_if = temp_file(
        "agreement-shiritsu-hokudai.json",
        r#"{"name": "協定", "changes": [{"kind": "add_agreement", "from": "shiritsu", "to": "hokudai"}]}"#,
    );
    let args = [
        "--from",
        "みきファミリークリニック",
        "--to",
        "北海道大学病院",
    ];
    let without = plan_json(&args);
    let mut with_what_if = args.to_vec();
    with_what_if.extend(["--what-if", what_if.to_str().expect("utf-8")]);
    let with = plan_json(&with_what_if);
    assert_eq!(with["plans"], without["plans"]);
    assert_eq!(with["rules"], "confirmed");
    // The proposed agreement shows beside the plan, sourced to the what-if.
    let proposed = with["context"]
        .as_array()
        .expect("context")
        .iter()
        .find(|c| c["partner"] == "市立札幌病院")
        .expect("the proposed agreement")
        .clone();
    assert_eq!(proposed["kind"], "agreement");
    assert_eq!(proposed["source"]["section"], "what_if");
}

#[test]
fn tmnit_s_joining_entry_quotes_its_rules() {
    // A new clinic reaching 手稲溪仁会 joins TMNIT, whose 会則 (第5条) says
    // 「本会への入会は所定の利用申請書を提出し、会長の承認を得ることとする。」
    let answer = plan_json(&["--member-of", "", "--to", "手稲溪仁会病院"]);
    let joining = &answer["plans"][0]["joining"][0];
    assert_eq!(joining["union"], "TMNIT in Hokkaido");
    assert_eq!(joining["hosts"], json!(["手稲溪仁会病院"]));
    assert_eq!(joining["founded"], "2012-02");
    assert_eq!(joining["linked_institutions"], "658");
    let rules = joining["how"]
        .as_array()
        .expect("how")
        .iter()
        .find(|h| {
            h["source"]["quote"]
                .as_str()
                .is_some_and(|q| q.contains("所定の利用申請書"))
        })
        .expect("the 会則's passage");
    assert_eq!(rules["source"]["section"], "union-tmnit");
    assert!(
        rules["ja"].as_str().is_some_and(|t| t.contains("申請書")),
        "{rules}"
    );
}

#[test]
fn the_text_output_names_the_rules_how_to_join_and_marks_assumptions() {
    let run = |extra: &[&str]| {
        let mut args = vec![
            "plan",
            "--from",
            "みきファミリークリニック",
            "--to",
            "北海道大学病院",
        ];
        args.extend_from_slice(extra);
        let output = tsunagu(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout).expect("utf-8")
    };
    let confirmed = run(&[]);
    assert!(confirmed.starts_with("確認済みの規則"), "{confirmed}");
    assert!(!confirmed.contains("未確認の仮定"), "{confirmed}");
    assert!(confirmed.contains("加入方法 / how to join"), "{confirmed}");
    assert!(
        confirmed.contains("2016-03") && confirmed.contains("1,714"),
        "{confirmed}"
    );
    assert!(confirmed.contains("hospitals-intro"), "{confirmed}");
    assert!(
        confirmed.contains("天使病院と"),
        "the context notes: {confirmed}"
    );
    assert!(
        confirmed.contains("同意撤回の自由"),
        "the consent caveat: {confirmed}"
    );

    let assumed = run(&["--assume", "agreements"]);
    assert!(assumed.starts_with("未確認の仮定"), "{assumed}");
    assert!(assumed.contains("Unconfirmed assumption (through a hospital-to-hospital link)"));

    let unreachable = tsunagu(&["plan", "--member-of", "", "--to", "市立函館病院"]);
    let text = String::from_utf8(unreachable.stdout).expect("utf-8");
    assert!(
        text.contains("× 市立函館病院: 市立函館病院がホストするユニオンは報告書にない"),
        "{text}"
    );
}

#[test]
fn assume_takes_agreements_only() {
    let output = tsunagu(&[
        "plan",
        "--member-of",
        "",
        "--to",
        "天使病院",
        "--assume",
        "everything",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("agreements"),
        "{}",
        stderr(&output)
    );
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
    // 王子総合病院 hosts no union; only 北大 lists it (as an ID-Link partner).
    assert_eq!(answer["plans"], json!([]));
    let unreachable = &answer["unreachable"][0];
    assert_eq!(unreachable["reason"], "hosts_no_union");
    assert_eq!(unreachable["shares_with"], json!(["北海道大学病院"]));
    let explanation = &unreachable["explanation"];
    assert!(
        explanation["ja"]
            .as_str()
            .is_some_and(|t| t.contains("王子総合病院") && t.contains("ホスト")),
        "{explanation}"
    );
    assert!(
        explanation["en"]
            .as_str()
            .is_some_and(|t| t.contains("names no union that") && t.contains("Ask the hospital")),
        "{explanation}"
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
    assert!(stderr(&output).contains("追加 1 件"), "{}", stderr(&output));
    let validate = tsunagu(&["validate", out.to_str().expect("utf-8")]);
    assert!(validate.status.success(), "{}", stderr(&validate));
    let data: Value = serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("JSON");
    // Added after the report's nine, which stay.
    assert_eq!(data["facilities"][9]["name"], "テスト内科");
    assert_eq!(
        data["facilities"][9]["memberships"][0]["union"],
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
        text.contains("broken.csv error line 2 (X), column 2 (区)"),
        "{text}"
    );
    assert!(
        text.contains("broken.csv error line 2 (X), column 3 (ユニオン)"),
        "{text}"
    );
    assert!(!out.exists());
}

#[test]
fn export_csv_has_a_bom_and_japanese_headers_and_reimports_to_the_same_facilities() {
    let output = tsunagu(&["export", "--csv"]);
    assert!(output.status.success());
    assert!(output.stdout.starts_with(
        "\u{FEFF}ID,施設名,種別,区,ユニオン,幹事一覧のみ（加入は要確認）,確認日\r\n".as_bytes()
    ));
    let csv = temp_file_bytes("exported.csv", &output.stdout);
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests/reimported.json");
    let output = tsunagu(&[
        "import",
        csv.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The same facilities come back, each found unchanged.
    assert!(
        stderr(&output).contains("追加 0 件、更新 0 件、変更なし 9 件"),
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
fn reach_prints_the_matrix_and_a_what_if_changes_it() {
    let output = tsunagu(&["reach", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let matrix: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(matrix["rules"], "confirmed");
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

    let what_if = temp_file(
        "connect.json",
        r#"{"name": "connect", "changes": [{"kind": "connect_unions", "a": "tmnit", "b": "kkr-union"}]}"#,
    );
    let output = tsunagu(&[
        "reach",
        "--what-if",
        what_if.to_str().expect("utf-8"),
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let after: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(after["rules"], "confirmed");
    assert_eq!(after["relays"][row][kkr], 1);
    // The what-if is named, and only the cell it gives is marked: TMNIT's
    // own host stays a confirmed 0, KKR's union's row its own.
    assert_eq!(after["what_if"], json!({"name": "connect", "changes": 1}));
    assert_eq!(after["assumed"][row][kkr], true);
    let teine = hospitals
        .iter()
        .position(|h| h == "手稲溪仁会病院")
        .expect("Teine");
    assert_eq!(after["relays"][row][teine], 0);
    assert_eq!(after["assumed"][row][teine], false);
    let marked: usize = after["assumed"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("cells")
                .iter()
                .filter(|c| **c == true)
                .count()
        })
        .sum();
    // TMNIT → KKR and KKR's union → 手稲溪仁会, one relay each way.
    assert_eq!(marked, 2);
    assert!(matrix.get("what_if").is_none() && matrix.get("assumed").is_none());

    let broken = temp_file(
        "broken-what-if.json",
        r#"{"name": "x", "changes": [{"kind": "teleport"}]}"#,
    );
    let output = tsunagu(&[
        "reach",
        "--what-if",
        broken.to_str().expect("utf-8"),
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot read the what-if"),
        "{}",
        stderr(&output)
    );
}

fn reach_json(extra: &[&str]) -> Value {
    let mut args = vec!["reach", "--json"];
    args.extend_from_slice(extra);
    let output = tsunagu(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// The cell of the union named `union` and the hospital named `hospital`.
fn cell<'a>(matrix: &'a Value, union: &str, hospital: &str) -> &'a Value {
    let row = strings(&matrix["unions"])
        .iter()
        .position(|u| *u == union)
        .expect("union");
    let column = strings(&matrix["hospitals"])
        .iter()
        .position(|h| *h == hospital)
        .expect("hospital");
    &matrix["relays"][row][column]
}

#[test]
fn reach_under_the_confirmed_rule_gives_each_union_its_own_host_only() {
    // Each of the seven unions has one host, each a different 開示病院, and the
    // report records no union connection.
    let matrix = reach_json(&[]);
    assert_eq!(matrix["rules"], "confirmed");
    let hosts = [
        ("TMNIT in Hokkaido", "手稲溪仁会病院"),
        ("ICTネットワーク", "北海道大学病院"),
        ("札幌医療情報共有システム協議会", "天使病院"),
        ("北海道がんセンター連携システム", "北海道がんセンター"),
        ("KKR札幌医療センター", "KKR札幌医療センター"),
        (
            "NTT東日本札幌病院 地域医療連携ネットワークシステム",
            "NTT東日本札幌病院",
        ),
        (
            "市立札幌病院 地域医療情報ネットワークシステム",
            "市立札幌病院",
        ),
    ];
    assert_eq!(strings(&matrix["unions"]).len(), hosts.len());
    for union in strings(&matrix["unions"]) {
        let host = hosts
            .iter()
            .find(|(u, _)| *u == union)
            .map(|(_, h)| *h)
            .expect("a known union");
        for hospital in strings(&matrix["hospitals"]) {
            let expected = if hospital == host {
                json!(0)
            } else {
                Value::Null
            };
            assert_eq!(
                *cell(&matrix, union, hospital),
                expected,
                "{union} → {hospital}"
            );
        }
    }
}

#[test]
fn reach_assuming_agreements_relays_through_hospital_links() {
    // 手稲溪仁会 ↔ 北大 (agreement and ID-Link), 手稲溪仁会 ↔ がんセンター
    // (agreement), 北大 ↔ 天使 (ID-Link); KKR, NTT and 市立札幌 have no links.
    let matrix = reach_json(&["--assume", "agreements"]);
    assert_eq!(matrix["rules"], "assume_agreements");
    assert_eq!(*cell(&matrix, "TMNIT in Hokkaido", "手稲溪仁会病院"), 0);
    assert_eq!(*cell(&matrix, "TMNIT in Hokkaido", "北海道大学病院"), 1);
    assert_eq!(*cell(&matrix, "TMNIT in Hokkaido", "北海道がんセンター"), 1);
    assert_eq!(*cell(&matrix, "TMNIT in Hokkaido", "天使病院"), 2);
    assert_eq!(*cell(&matrix, "ICTネットワーク", "天使病院"), 1);
    assert_eq!(
        *cell(
            &matrix,
            "札幌医療情報共有システム協議会",
            "北海道がんセンター"
        ),
        3
    );
    assert_eq!(
        *cell(&matrix, "TMNIT in Hokkaido", "KKR札幌医療センター"),
        Value::Null
    );
    assert_eq!(
        *cell(&matrix, "KKR札幌医療センター", "北海道大学病院"),
        Value::Null
    );
}

#[test]
fn a_target_only_an_excluded_union_reaches_names_the_union() {
    // 天使病院 hosts only 札幌医療情報共有システム協議会; excluding it leaves no way.
    let answer = plan_json(&[
        "--member-of",
        "",
        "--to",
        "天使病院",
        "--exclude",
        "札幌医療情報共有システム協議会",
    ]);
    assert_eq!(answer["plans"], json!([]));
    let unreachable = &answer["unreachable"][0];
    assert_eq!(unreachable["reason"], "only_excluded");
    assert_eq!(
        unreachable["unions"],
        json!(["札幌医療情報共有システム協議会"])
    );
    assert!(
        unreachable["explanation"]["ja"]
            .as_str()
            .is_some_and(|t| t.contains("除外")),
        "{unreachable}"
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

#[test]
fn a_reader_that_has_gone_ends_the_output_quietly() {
    // As `tsunagu plan … | head -1` once head has exited: the pipe's reading
    // end is closed before the first line is written.
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args([
            "plan",
            "--from",
            "みきファミリークリニック",
            "--to",
            "北海道大学病院",
        ])
        .stdout(writer)
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{:?}", output.status);
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
}

// Import modes and the union's export (issue #15). The bundled data names
// nine facilities: the eight of TMNIT's 幹事一覧 (members of `tmnit` only)
// and みきファミリークリニック (東区; `tenshi-council`, `shiritsu-suzuran` and
// `tmnit`).

/// A path under the target directory for `--out`, with no file there yet.
fn fresh_out(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

fn read_json(path: &PathBuf) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("written")).expect("JSON")
}

/// Each facility's id with its unions, in the data's order.
fn memberships(data: &Value) -> Vec<(String, Vec<String>)> {
    data["facilities"]
        .as_array()
        .expect("facilities")
        .iter()
        .map(|f| {
            let unions = f["memberships"]
                .as_array()
                .expect("memberships")
                .iter()
                .filter_map(|m| m["union"].as_str().map(str::to_owned))
                .collect();
            (f["id"].as_str().expect("id").to_owned(), unions)
        })
        .collect()
}

fn bundled_value() -> Value {
    serde_json::from_str(tsunagu_core::bundled::SAPPORO_JSON).expect("json")
}

/// Runs `tsunagu import CSV ARGS… --out OUT` on a fresh `OUT`.
fn import_csv(csv_name: &str, csv: &str, args: &[&str], out_name: &str) -> (Output, PathBuf) {
    let csv = temp_file(csv_name, csv);
    let out = fresh_out(out_name);
    let mut all = vec!["import", csv.to_str().expect("utf-8")];
    all.extend_from_slice(args);
    all.extend(["--out", out.to_str().expect("utf-8")]);
    (tsunagu(&all), out)
}

#[test]
fn import_adds_and_updates_and_keeps_every_earlier_facility() {
    let (output, out) = import_csv(
        "add.csv",
        "施設名,区,ユニオン\n\
         しろいし薬局,白石区,TMNIT in Hokkaido\n\
         みきファミリークリニック,東区,ICTネットワーク\n",
        &[
            "--confirmed",
            "2026-11-30",
            "--confirmed-by",
            "連絡会事務局",
        ],
        "added.json",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stderr(&output);
    assert!(
        text.starts_with("add.csv（追加・更新 / add and update）: 追加 1 件、更新 1 件、変更なし 0 件、ユニオンから外れる 0 件、削除 0 件 / 1 added, 1 updated, 0 unchanged, 0 left the union, 0 removed\n"),
        "{text}"
    );
    assert!(
        text.contains("確認日 / confirmed: 2026-11-30（確認者 / by: 連絡会事務局）"),
        "{text}"
    );
    // みき joins ICTネットワーク and keeps its three unions; the file gave
    // no kind, so its kind is not touched.
    assert!(
        text.contains("・みきファミリークリニック (miki-family-clinic)\n  ユニオン / unions: 加入 / joins ICTネットワーク\n"),
        "{text}"
    );
    assert!(
        text.contains("add.csv warning line 2: 「種別」が書かれていないため、推測せず空のままにします / no 種別 given: left empty, not guessed"),
        "{text}"
    );

    let before = memberships(&bundled_value());
    let data = read_json(&out);
    let after = memberships(&data);
    assert_eq!(after.len(), 10);
    assert_eq!(after[..8], before[..8], "the others are untouched");
    assert_eq!(
        after[8].1,
        ["tenshi-council", "shiritsu-suzuran", "tmnit", "hokudai-ict"]
    );
    let added = &data["facilities"][9];
    assert_eq!(added["name"], "しろいし薬局");
    assert_eq!(added["kind"], "unknown");
    assert_eq!(added["confirmed"], "2026-11-30");
    assert_eq!(added["confirmed_by"], "連絡会事務局");
    assert_eq!(data["facilities"][8]["confirmed"], "2026-11-30");
    assert!(data["facilities"][0].get("confirmed").is_none());
    let validate = tsunagu(&["validate", out.to_str().expect("utf-8")]);
    assert!(validate.status.success(), "{}", stderr(&validate));
}

#[test]
fn import_without_a_date_confirms_as_of_today() {
    // Japan's date by the system's own `date` (a POSIX zone, so no tzdata is
    // needed), before and after: the import may straddle midnight.
    let japan = || {
        std::process::Command::new("date")
            .arg("+%F")
            .env("TZ", "JST-9")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .filter(|d| !d.is_empty())
    };
    let before = japan();
    let (output, out) = import_csv(
        "today.csv",
        "ID,施設名\nmiki-family-clinic,みきファミリークリニック\n",
        &[],
        "today.json",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let data = read_json(&out);
    let date = data["facilities"][8]["confirmed"]
        .as_str()
        .expect("a date")
        .to_owned();
    assert!(
        tsunagu_core::model::Date(date.clone()).parts().is_some(),
        "{date}"
    );
    if let (Some(before), Some(after)) = (before, japan()) {
        assert!(
            date == before || date == after,
            "{date}: Japan's date was {before}, then {after}"
        );
    }
    assert!(
        stderr(&output).contains(&format!("確認日 / confirmed: {date}\n")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn import_replace_removes_what_the_file_leaves_out_and_names_each() {
    let (output, out) = import_csv(
        "replace.csv",
        "ID,施設名\nmiki-family-clinic,みきファミリークリニック\n,しろいし薬局\n",
        &["--mode", "replace", "--confirmed", "2026-11-30"],
        "replaced.json",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stderr(&output);
    assert!(
        text.contains("（置き換え / replace）: 追加 1 件、更新 0 件、変更なし 1 件、ユニオンから外れる 0 件、削除 8 件"),
        "{text}"
    );
    assert!(
        text.contains("削除する施設 8 件 / 8 facilities removed:\n"),
        "{text}"
    );
    for (id, name) in [
        ("shuyukai", "札幌秀友会病院"),
        ("teine-hinyokika", "ていね泌尿器科"),
        ("ryokusei", "札幌緑誠病院"),
        ("ims-sapporo", "イムス札幌内科リハビリテーション病院"),
        ("miyanosawa", "札幌宮の沢病院"),
        ("takada-clinic", "たかだ小児クリニック"),
        ("inazumi", "手稲いなづみ病院"),
        ("nishinari", "西成病院"),
    ] {
        assert!(
            text.contains(&format!("\n・{name} ({id})\n")),
            "{id}: {text}"
        );
    }
    let data = read_json(&out);
    let ids: Vec<String> = memberships(&data).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[0], "miki-family-clinic");
    let validate = tsunagu(&["validate", out.to_str().expect("utf-8")]);
    assert!(validate.status.success(), "{}", stderr(&validate));
}

#[test]
fn import_roster_changes_only_that_union_s_memberships() {
    let (output, out) = import_csv(
        "tmnit.csv",
        "施設名\nみきファミリークリニック\n札幌秀友会病院\nしろいし薬局\n",
        &[
            "--mode",
            "roster",
            "--union",
            "TMNIT",
            "--confirmed",
            "2026-11-30",
        ],
        "roster.json",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stderr(&output);
    assert!(
        text.contains("（TMNIT in Hokkaido の名簿 / roster of TMNIT in Hokkaido）: 追加 1 件、更新 0 件、変更なし 2 件、ユニオンから外れる 7 件、削除 0 件"),
        "{text}"
    );
    assert!(
        text.contains(
            "TMNIT in Hokkaido から外れる施設 7 件 / 7 facilities leave TMNIT in Hokkaido:\n"
        ),
        "{text}"
    );
    assert!(text.contains("\n・西成病院 (nishinari)\n"), "{text}");
    assert!(!text.contains("(shuyukai)"), "{text}");

    let before = memberships(&bundled_value());
    let after = memberships(&read_json(&out));
    assert_eq!(after.len(), 10, "nothing is removed");
    let without_tmnit = |unions: &[String]| -> Vec<String> {
        unions.iter().filter(|u| *u != "tmnit").cloned().collect()
    };
    for ((id, was), (same_id, is)) in before.iter().zip(&after) {
        assert_eq!(id, same_id);
        assert_eq!(without_tmnit(was), without_tmnit(is), "{id}: other unions");
        let listed = matches!(id.as_str(), "miki-family-clinic" | "shuyukai");
        assert_eq!(is.contains(&"tmnit".to_owned()), listed, "{id}");
    }
    assert_eq!(
        after[9].1,
        ["tmnit"],
        "the new member joins the roster's union"
    );
}

/// Runs an import that must fail: its exit code, its message, and that the
/// `--out` file was not created.
fn refused(args: &[&str], code: i32) -> String {
    let csv = temp_file(
        "refused.csv",
        "施設名\nみきファミリークリニック\nしろいし薬局\n",
    );
    let out = fresh_out("refused.json");
    let mut all = vec!["import", csv.to_str().expect("utf-8")];
    all.extend_from_slice(args);
    all.extend(["--out", out.to_str().expect("utf-8")]);
    let output = tsunagu(&all);
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}: {}",
        stderr(&output)
    );
    assert!(!out.exists(), "{args:?} wrote {}", out.display());
    assert!(output.stdout.is_empty(), "{args:?}");
    stderr(&output)
}

#[test]
fn an_unknown_union_in_union_exits_2_with_suggestions_and_writes_nothing() {
    let text = refused(&["--mode", "roster", "--union", "TMNT"], 2);
    assert!(
        text.contains("--union: 「TMNT」というユニオンは見つかりません / no union is named \"TMNT\". 候補 / did you mean: TMNIT in Hokkaido"),
        "{text}"
    );
}

#[test]
fn a_roster_for_a_union_the_data_lacks_exits_2_and_writes_nothing() {
    // The report's data without 北海道がんセンター連携システム (still valid:
    // no facility is named in it).
    let mut value = bundled_value();
    value["unions"]
        .as_array_mut()
        .expect("unions")
        .retain(|u| u["id"] != "gan-center-system");
    let data = temp_file("without-gan.json", &value.to_string());
    let text = refused(
        &[
            "--mode",
            "roster",
            "--union",
            "北海道がんセンター連携システム",
            "--into",
            data.to_str().expect("utf-8"),
        ],
        2,
    );
    assert!(
        text.contains("--union: 「北海道がんセンター連携システム」というユニオンは見つかりません / no union is named"),
        "{text}"
    );
}

#[test]
fn a_bad_date_exits_2_naming_the_flag_and_the_value_and_writes_nothing() {
    for bad in ["2026-02-30", "2026/11/30", "today"] {
        let text = refused(&["--confirmed", bad], 2);
        assert!(
            text.contains(&format!(
                "--confirmed の「{bad}」は日付（YYYY-MM-DD）ではありません"
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "--confirmed: \"{bad}\" is not a date (YYYY-MM-DD)"
            )),
            "{text}"
        );
    }
}

#[test]
fn a_roster_needs_union_and_union_needs_a_roster() {
    let text = refused(&["--mode", "roster"], 2);
    assert!(
        text.contains("--mode roster には --union でユニオンを指定してください / --mode roster needs the union: give --union NAME"),
        "{text}"
    );
    for mode in [&["--mode", "replace"][..], &["--mode", "add"], &[]] {
        let mut args = mode.to_vec();
        args.extend(["--union", "TMNIT"]);
        let text = refused(&args, 2);
        assert!(text.contains("--union goes with --mode roster"), "{text}");
    }
    assert!(refused(&["--mode", "merge"], 2).contains("merge"));
}

#[test]
fn a_json_file_refuses_the_csv_s_flags_and_still_replaces_the_whole_dataset() {
    let json = temp_file(
        "whole.json",
        &bundled_with("/facilities/0/name", Value::from("札幌秀友会病院（新）")),
    );
    let out = fresh_out("whole-out.json");
    let output = tsunagu(&[
        "import",
        json.to_str().expect("utf-8"),
        "--mode",
        "add",
        "--confirmed",
        "2026-11-30",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--mode、--confirmed は CSV にだけ使えます")
            && stderr(&output).contains("/ --mode, --confirmed apply to a CSV only"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());

    let output = tsunagu(&[
        "import",
        json.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("変更 1"), "{}", stderr(&output));
    assert_eq!(
        read_json(&out)["facilities"][0]["name"],
        "札幌秀友会病院（新）"
    );
}

/// The data rows of `tsunagu export --csv ARGS…`, split into cells.
fn exported(args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["export", "--csv"];
    all.extend_from_slice(args);
    let output = tsunagu(&all);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let text = text.strip_prefix('\u{FEFF}').expect("a BOM");
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("ID,施設名,種別,区,ユニオン,幹事一覧のみ（加入は要確認）,確認日")
    );
    lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

#[test]
fn export_with_union_lists_only_its_members() {
    // Worked by hand from assets/data/sapporo.json: all nine named
    // facilities are in tmnit, eight of them only on its 幹事一覧 (the
    // report's officer list, not said to be membership: their own column);
    // only みき is in tenshi-council.
    let tmnit = exported(&["--union", "TMNIT in Hokkaido"]);
    let ids: Vec<&str> = tmnit.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(
        ids,
        [
            "shuyukai",
            "teine-hinyokika",
            "ryokusei",
            "ims-sapporo",
            "miyanosawa",
            "takada-clinic",
            "inazumi",
            "nishinari",
            "miki-family-clinic"
        ]
    );
    for row in &tmnit {
        let said = row[0] == "miki-family-clinic";
        assert_eq!(row[4].contains("TMNIT"), said, "{row:?}");
        assert_eq!(row[5].contains("TMNIT"), !said, "{row:?}");
    }
    // Never confirmed since the report: as of its date.
    assert!(tmnit.iter().all(|row| row[6] == "2023-10-31"), "{tmnit:?}");
    let tenshi = exported(&["--union", "札幌医療情報共有システム協議会"]);
    assert_eq!(tenshi.len(), 1);
    assert_eq!(
        tenshi[0][..4],
        [
            "miki-family-clinic",
            "みきファミリークリニック",
            "診療所",
            "東区"
        ]
    );
    // By id or alias as well as by name.
    assert_eq!(exported(&["--union", "tenshi-council"]), tenshi);
    assert!(exported(&["--union", "KKR札幌医療センター"]).is_empty());

    // An import's date is exported with its records.
    let (output, out) = import_csv(
        "confirm-miki.csv",
        "ID,施設名\nmiki-family-clinic,みきファミリークリニック\n",
        &["--confirmed", "2026-11-30"],
        "confirmed-miki.json",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let tenshi = exported(&[out.to_str().expect("utf-8"), "--union", "tenshi-council"]);
    assert_eq!(tenshi[0][6], "2026-11-30");
}

#[test]
fn export_with_an_unknown_union_or_as_json_exits_2() {
    let output = tsunagu(&["export", "--csv", "--union", "すずらん"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).contains("--union: 「すずらん」というユニオンは見つかりません"),
        "{}",
        stderr(&output)
    );
    let output = tsunagu(&["export", "--json", "--union", "tmnit"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--union goes with --csv"),
        "{}",
        stderr(&output)
    );
}
