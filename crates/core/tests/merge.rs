//! The three ways an imported facilities list meets the data (issue #15):
//! add and update removes nothing, a roster touches only its union, and
//! replacing removes exactly what the plan lists. Worked examples use the
//! report's nine named facilities; the properties use random files.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use proptest::prelude::*;
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::import::{import_facilities_csv_text, CsvImport};
use tsunagu_core::merge::{plan_import, Confirmation, FieldChange, ImportMode, ImportPlan};
use tsunagu_core::model::{Dataset, Date, FacilityId, FacilityKind, UnionId, WardId};
use tsunagu_core::validate::{load_dataset, Place, ProblemKind};

fn bundled() -> Dataset {
    load_dataset(SAPPORO_JSON).expect("valid").dataset
}

fn read(text: &str, data: &Dataset) -> CsvImport {
    import_facilities_csv_text(text, "members.csv", data, &|t: &str| t.to_owned()).expect("reads")
}

fn on(day: &str) -> Confirmation {
    Confirmation {
        date: Some(Date(day.to_owned())),
        by: None,
    }
}

fn planned(text: &str, data: &Dataset, mode: &ImportMode) -> ImportPlan {
    plan_import(data, &read(text, data), mode, &on("2026-11-30")).expect("plans")
}

fn ids(data: &Dataset) -> BTreeSet<String> {
    data.facilities.iter().map(|f| f.id.0.clone()).collect()
}

#[test]
fn adding_three_new_members_keeps_the_nine_the_report_names() {
    // The council's three-row file of issue #15, with no kind column.
    let data = bundled();
    let text = "施設名,区,ユニオン\n\
                しろいし薬局,白石区,TMNIT in Hokkaido\n\
                ひがし内科,東区,ICTネットワーク\n\
                みなみ歯科,南区,\n";
    let plan = planned(text, &data, &ImportMode::AddUpdate);
    assert_eq!(plan.added.len(), 3);
    assert!(plan.removed.is_empty() && plan.left_union.is_empty() && plan.updated.is_empty());
    assert_eq!(plan.dataset.facilities.len(), 9 + 3);
    assert!(ids(&data).is_subset(&ids(&plan.dataset)));
    // Nothing is guessed: no kind column, so the kind is unknown, and said.
    let shiroishi = plan
        .dataset
        .facilities
        .iter()
        .find(|f| f.name == "しろいし薬局")
        .unwrap();
    assert_eq!(shiroishi.kind, FacilityKind::Unknown);
    assert_eq!(shiroishi.confirmed, Some(Date("2026-11-30".into())));
    let missing_kind: Vec<u64> = plan
        .warnings
        .iter()
        .filter(|w| matches!(&w.kind, ProblemKind::NotGiven { column } if column == "種別"))
        .filter_map(|w| match &w.place {
            Place::Csv(p) => Some(p.line),
            _ => None,
        })
        .collect();
    assert_eq!(missing_kind, vec![2, 3, 4]);
}

#[test]
fn a_column_tsunagu_does_not_read_is_warned_about_with_its_place_not_dropped_silently() {
    // 「区名」 is not a header the importer reads (「区」 is): before, its
    // wards were lost without a word. 確認日 (tsunagu's own export) is
    // left alone on purpose, and said nothing of.
    let data = bundled();
    let text = "施設名,種別,区名,備考,確認日\n\
                しろいし薬局,薬局,白石区,新規,2026-11-01\n";
    let plan = planned(text, &data, &ImportMode::AddUpdate);
    let unknown: Vec<(u64, usize, String, String)> = plan
        .warnings
        .iter()
        .filter_map(|w| match (&w.kind, &w.place) {
            (ProblemKind::UnknownColumn { header }, Place::Csv(p)) => {
                Some((p.line, p.column, p.field.clone(), header.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        unknown,
        vec![
            (1, 3, "区名".to_owned(), "区名".to_owned()),
            (1, 4, "備考".to_owned(), "備考".to_owned()),
        ]
    );
    let first = plan
        .warnings
        .iter()
        .find(|w| matches!(w.kind, ProblemKind::UnknownColumn { .. }))
        .unwrap();
    assert!(
        first.message_ja().contains("「区名」の列は読み取らない"),
        "{}",
        first.message_ja()
    );
    assert!(
        first.message_en().contains("\"区名\""),
        "{}",
        first.message_en()
    );
    // The ward is still not guessed: the row leaves it out, and that is said too.
    assert!(plan
        .warnings
        .iter()
        .any(|w| matches!(&w.kind, ProblemKind::NotGiven { column } if column == "区")));
    // A file with only the columns tsunagu reads has no such warning.
    assert!(!clean_file_warns(&data, |k| matches!(
        k,
        ProblemKind::UnknownColumn { .. }
    )));
}

/// Whether a file with only the columns tsunagu reads gets a warning `is`.
fn clean_file_warns(data: &Dataset, is: impl Fn(&ProblemKind) -> bool) -> bool {
    let clean = planned(
        "施設名,区\nしろいし薬局,白石区\n",
        data,
        &ImportMode::AddUpdate,
    );
    clean.warnings.iter().any(|w| is(&w.kind))
}

#[test]
fn reimporting_the_own_export_says_that_every_listed_facility_is_confirmed_today() {
    let data = bundled();
    // tsunagu's own export carries 確認日 (the report's 2023-10-31); the
    // import does not read it, and says that the day of the import replaces it.
    let bytes = tsunagu_core::export::export_facilities_csv(&data).expect("exports");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let text = text.trim_start_matches('\u{feff}');
    let plan = planned(text, &data, &ImportMode::AddUpdate);
    let said: Vec<(&str, &str, usize)> = plan
        .warnings
        .iter()
        .filter_map(|w| match (&w.kind, &w.place) {
            (ProblemKind::ConfirmedColumnNotRead { header, date }, Place::Csv(p)) => {
                Some((header.as_str(), date.as_str(), p.column))
            }
            _ => None,
        })
        .collect();
    assert_eq!(said, vec![("確認日", "2026-11-30", 7)]);
    let warning = plan
        .warnings
        .iter()
        .find(|w| matches!(w.kind, ProblemKind::ConfirmedColumnNotRead { .. }))
        .expect("the warning");
    assert!(
        warning.message_en().contains("2026-11-30"),
        "{}",
        warning.message_en()
    );
    // A file without the column says nothing of it.
    assert!(!clean_file_warns(&data, |k| matches!(
        k,
        ProblemKind::ConfirmedColumnNotRead { .. }
    )));
}

#[test]
fn a_matching_row_updates_only_what_the_file_gives_and_says_each_change() {
    let data = bundled();
    // みき is matched by name and ward; the file gives a kind and one union
    // more, and leaves its other unions unsaid.
    let text = "施設名,区,種別,ユニオン\nみきファミリークリニック,東区,病院,ICTネットワーク\n";
    let plan = planned(text, &data, &ImportMode::AddUpdate);
    assert!(plan.added.is_empty());
    assert_eq!(plan.updated.len(), 1);
    assert_eq!(
        plan.updated[0].facility.id,
        FacilityId::from("miki-family-clinic")
    );
    assert_eq!(
        plan.updated[0].changes,
        vec![
            FieldChange::Kind {
                before: FacilityKind::Clinic,
                after: FacilityKind::Hospital
            },
            FieldChange::Unions {
                joined: vec![UnionId::from("hokudai-ict")],
                left: vec![]
            },
        ]
    );
    let miki = plan
        .dataset
        .facility(&FacilityId::from("miki-family-clinic"))
        .unwrap();
    // Its three unions stay, and the fourth is added.
    assert_eq!(miki.memberships.len(), 4);
    assert_eq!(miki.ward, Some(WardId::from("higashi")));
}

#[test]
fn replacing_removes_the_facilities_the_file_leaves_out_and_names_them() {
    let data = bundled();
    let text = "ID,施設名\nmiki-family-clinic,みきファミリークリニック\n,しろいし薬局\n";
    let plan = planned(text, &data, &ImportMode::Replace);
    assert_eq!(
        plan.removed.len(),
        8,
        "the report names nine; the file keeps one"
    );
    assert!(!plan.removed.iter().any(|r| r.id.0 == "miki-family-clinic"));
    assert_eq!(plan.added.len(), 1);
    assert_eq!(plan.dataset.facilities.len(), 2);
}

#[test]
fn a_roster_changes_only_its_union() {
    // 天使病院's union lists みき and one new clinic: the eight TMNIT members
    // the report names are not in that union, so none of them changes.
    let data = bundled();
    let union = UnionId::from("tenshi-council");
    let text = "施設名,区\nみきファミリークリニック,東区\nてんし内科,北区\n";
    let plan = planned(text, &data, &ImportMode::Roster(union.clone()));
    assert!(plan.left_union.is_empty());
    assert_eq!(plan.added.len(), 1);
    assert_eq!(plan.unchanged, 1, "みき is already in the union");
    // Now a roster without みき: it leaves 天使's union, and only that one.
    let text = "施設名,区\nてんし内科,北区\n";
    let plan = planned(text, &data, &ImportMode::Roster(union.clone()));
    assert_eq!(plan.left_union.len(), 1);
    let miki = plan
        .dataset
        .facility(&FacilityId::from("miki-family-clinic"))
        .unwrap();
    let unions: Vec<&str> = miki.memberships.iter().map(|m| m.union.as_str()).collect();
    assert_eq!(unions, vec!["shiritsu-suzuran", "tmnit"]);
}

#[test]
fn a_roster_for_a_union_the_data_lacks_and_a_bad_date_are_refused() {
    let data = bundled();
    let import = read("施設名\nA\n", &data);
    let problems = plan_import(
        &data,
        &import,
        &ImportMode::Roster(UnionId::from("no-such-union")),
        &on("2026-02-30"),
    )
    .expect_err("refused");
    assert!(
        matches!(&problems[0].kind, ProblemKind::DanglingRef { id, .. } if id == "no-such-union")
    );
    assert!(matches!(&problems[1].kind, ProblemKind::BadDate { value } if value == "2026-02-30"));
}

/// A random file: some of the data's facilities (by id or by name and
/// ward), then some new ones, with some columns left out.
fn file(data: &Dataset) -> impl Strategy<Value = String> {
    let count = data.facilities.len();
    let unions: Vec<String> = data.unions.iter().map(|u| u.name.clone()).collect();
    let wards: Vec<String> = data.wards.iter().map(|w| w.name.clone()).collect();
    let known: Vec<(String, String, String)> = data
        .facilities
        .iter()
        .map(|f| {
            let ward = f
                .ward
                .as_ref()
                .and_then(|w| data.ward(w))
                .map(|w| w.name.clone())
                .unwrap_or_default();
            (f.id.0.clone(), f.name.clone(), ward)
        })
        .collect();
    (
        prop::sample::subsequence((0..count).collect::<Vec<_>>(), 0..=count),
        prop::collection::vec(
            (
                prop::sample::select(wards),
                prop::sample::subsequence(unions.clone(), 0..=2),
            ),
            0..4,
        ),
        any::<bool>(),
        prop::sample::subsequence(unions, 0..=2),
    )
        .prop_map(move |(kept, new, by_id, extra)| {
            let mut text = String::from("ID,施設名,区,ユニオン\n");
            for i in kept {
                let (id, name, ward) = &known[i];
                let id = if by_id { id.as_str() } else { "" };
                let _ = writeln!(text, "{id},{name},{ward},{}", extra.join(";"));
            }
            for (n, (ward, unions)) in new.iter().enumerate() {
                let _ = writeln!(text, ",新しい施設{n},{ward},{}", unions.join(";"));
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn add_and_update_never_removes_a_facility_or_a_membership(text in file(&bundled())) {
        let data = bundled();
        let plan = planned(&text, &data, &ImportMode::AddUpdate);
        prop_assert!(plan.removed.is_empty() && plan.left_union.is_empty());
        for before in &data.facilities {
            let after = plan.dataset.facility(&before.id);
            prop_assert!(after.is_some(), "{} was removed", before.id.0);
            let after = after.unwrap();
            for m in &before.memberships {
                prop_assert!(after.memberships.iter().any(|a| a.union == m.union));
            }
        }
    }

    #[test]
    fn a_roster_touches_only_its_union(text in file(&bundled()), pick in 0usize..7) {
        let data = bundled();
        let union = data.unions[pick % data.unions.len()].id.clone();
        let plan = planned(&text, &data, &ImportMode::Roster(union.clone()));
        prop_assert!(plan.removed.is_empty());
        let others = |memberships: &[tsunagu_core::model::Membership]| -> BTreeSet<String> {
            memberships.iter().filter(|m| m.union != union).map(|m| m.union.0.clone()).collect()
        };
        for before in &data.facilities {
            let after = plan.dataset.facility(&before.id).expect("kept");
            prop_assert_eq!(others(&before.memberships), others(&after.memberships));
        }
        // Exactly the file's facilities are in the union afterwards.
        let in_union: BTreeSet<String> = plan
            .dataset
            .facilities
            .iter()
            .filter(|f| f.memberships.iter().any(|m| m.union == union))
            .map(|f| f.name.clone())
            .collect();
        let in_file: BTreeSet<String> = text
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(1))
            .map(str::to_owned)
            .collect();
        prop_assert_eq!(in_union, in_file);
    }

    #[test]
    fn replacing_removes_exactly_what_the_plan_lists(text in file(&bundled())) {
        let data = bundled();
        let plan = planned(&text, &data, &ImportMode::Replace);
        let removed: BTreeSet<String> = plan.removed.iter().map(|r| r.id.0.clone()).collect();
        let added: BTreeSet<String> = plan.added.iter().map(|r| r.id.0.clone()).collect();
        let expected: BTreeSet<String> =
            ids(&data).difference(&removed).cloned().chain(added).collect();
        prop_assert_eq!(ids(&plan.dataset), expected);
        // And what it lists is exactly what the file leaves out.
        let named: BTreeSet<String> = text
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(1))
            .map(str::to_owned)
            .collect();
        let left_out: BTreeSet<String> = data
            .facilities
            .iter()
            .filter(|f| !named.contains(&f.name))
            .map(|f| f.id.0.clone())
            .collect();
        prop_assert_eq!(removed, left_out);
    }
}

#[test]
fn a_stored_confirmation_date_is_checked_like_any_date() {
    let mut data = bundled();
    data.facilities[0].confirmed = Some(Date("2026-13-01".into()));
    let problems = tsunagu_core::validate::validate(&data);
    assert!(problems
        .iter()
        .any(|p| p.place.pointer() == Some("/facilities/0/confirmed")
            && matches!(&p.kind, ProblemKind::BadDate { value } if value == "2026-13-01")));
}

#[test]
fn a_file_that_lists_an_officers_facility_in_its_union_keeps_the_membership_as_it_was() {
    // 秀友会 is only on TMNIT's 幹事一覧. A file listing it in TMNIT (as
    // tsunagu's own export does) changes nothing: an export read back in
    // must not turn the report's inference into a statement.
    let data = bundled();
    let plan = planned(
        "ID,施設名,ユニオン\nshuyukai,札幌秀友会病院,TMNIT in Hokkaido\n",
        &data,
        &ImportMode::AddUpdate,
    );
    let after = plan
        .dataset
        .facilities
        .iter()
        .find(|f| f.id.0 == "shuyukai")
        .expect("kept");
    assert_eq!(after.memberships.len(), 1, "one TMNIT membership, not two");
    assert!(!after.memberships[0].is_stated());
    assert!(plan.updated.is_empty(), "{:?}", plan.updated);
}
