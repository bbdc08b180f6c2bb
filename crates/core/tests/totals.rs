//! The report's printed totals, recomputed from the records.
//!
//! The expected numbers are typed in from the report (the 合計 rows of its
//! tables), not read from the dataset's own `printed_totals`, so a slip in
//! either the records or their printed copies shows up here.

use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::model::{Bound, Dataset};
use tsunagu_core::stats::dataset_stats;
use tsunagu_core::validate::load_dataset;

fn bundled() -> Dataset {
    let loaded = load_dataset(SAPPORO_JSON).unwrap_or_else(|problems| {
        panic!(
            "the bundled dataset is invalid:\n{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(
                    "
"
                )
        )
    });
    assert!(
        loaded.warnings.is_empty(),
        "warnings: {:#?}",
        loaded.warnings
    );
    loaded.dataset
}

#[test]
fn ward_tables_add_up_to_the_printed_totals() {
    let totals = dataset_stats(&bundled()).totals;
    // 面積・世帯数・人口 table, 合計 row.
    assert_eq!(totals.population, 1_959_512);
    assert_eq!(totals.households, 1_096_729);
    assert!(
        (totals.area_km2 - 1121.26).abs() < 0.005,
        "{}",
        totals.area_km2
    );
    // 札幌市の医療機関数, 合計 row.
    assert_eq!(totals.hospitals, 193);
    assert_eq!(totals.clinics, 1_115);
    assert_eq!(totals.institutions, 1_308);
    assert_eq!(totals.association_members, 4_110);
    // ID-Link table, 合計 row.
    assert_eq!(totals.viewing_facilities, 145);
    assert_eq!(totals.disclosing_hospitals, 7);
    assert_eq!(totals.beds, 3_687);
    assert_eq!(totals.idlink_go_lives, 7);
    assert_eq!(totals.unions, 7);
}

#[test]
fn linked_institutions_are_a_lower_bound_of_4022() {
    // "4,022 以上": NTT's "300 以上" is a lower bound and がんセンター's is unknown.
    let totals = dataset_stats(&bundled()).totals;
    assert_eq!(totals.linked_institutions, 4_022);
    assert_eq!(totals.linked_institutions_bound, Bound::AtLeast);
}

#[test]
fn chuo_sums_the_medical_associations_east_and_west_rows() {
    let stats = dataset_stats(&bundled());
    let chuo = stats
        .wards
        .iter()
        .find(|w| w.name == "中央区")
        .expect("中央区");
    assert_eq!(
        (chuo.hospitals, chuo.clinics, chuo.institutions),
        (19 + 17, 166 + 123, 185 + 140)
    );
    assert_eq!(chuo.association_members, 520 + 592);
    assert_eq!(stats.wards.len(), 10);
}

#[test]
fn designation_ratios_match_the_table() {
    let stats = dataset_stats(&bundled());
    let ratio = |name: &str| {
        let row = stats
            .designations
            .iter()
            .find(|d| d.name == name)
            .unwrap_or_else(|| panic!("{name}"));
        (row.on_idlink, row.total)
    };
    // The 合 計 row under the designation table.
    assert_eq!(ratio("救命救急センター"), (3, 5));
    assert_eq!(ratio("災害拠点病院 DMAT指定病院"), (3, 4));
    assert_eq!(ratio("周産期母子医療センター"), (5, 8));
    assert_eq!(ratio("地域医療支援病院"), (3, 8));
    assert_eq!(ratio("がん診療連携拠点病院"), (5, 8));
}

#[test]
fn the_two_emergency_centres_off_id_link_are_named() {
    let stats = dataset_stats(&bundled());
    let emergency = stats
        .designations
        .iter()
        .find(|d| d.name == "救命救急センター")
        .expect("column");
    let mut missing = emergency.hospitals_not_on_idlink.clone();
    missing.sort();
    assert_eq!(missing, ["北海道医療センター", "札幌医科大学附属病院"]);
}

#[test]
fn per_ward_coverage_is_computed_from_the_ward_rows() {
    let stats = dataset_stats(&bundled());
    let teine = stats
        .wards
        .iter()
        .find(|w| w.name == "手稲区")
        .expect("手稲区");
    // 42 閲覧施設 among 75 institutions and 141,260 people.
    let per_100 = teine.viewing_per_100_institutions.expect("institutions");
    let per_100k = teine.viewing_per_100k_people.expect("people");
    assert!((per_100 - 56.0).abs() < 1e-9, "{per_100}");
    assert!(
        (per_100k - 42.0 * 100_000.0 / 141_260.0).abs() < 1e-9,
        "{per_100k}"
    );
}

#[test]
fn the_report_disagreeing_with_itself_is_recorded_not_resolved() {
    let data = bundled();
    let hokudai = data
        .hospitals
        .iter()
        .find(|h| h.name == "北海道大学病院")
        .expect("北大");
    let readings: Vec<_> = hokudai
        .linked_institutions
        .iter()
        .filter_map(|r| r.value)
        .collect();
    assert!(
        readings.contains(&1_714) && readings.contains(&1_719),
        "{readings:?}"
    );
    let tenshi = data
        .unions
        .iter()
        .find(|u| u.hosts.iter().any(|h| h.as_str() == "tenshi"))
        .expect("天使's union");
    let names: Vec<&str> = std::iter::once(tenshi.name.as_str())
        .chain(tenshi.aliases.iter().map(String::as_str))
        .collect();
    assert!(
        names.contains(&"札幌医療情報共有システム協議会")
            && names.contains(&"札幌医療情報システム協議会"),
        "{names:?}"
    );
    assert!(data.discrepancies.len() >= 2);
}

#[test]
fn unknown_counts_are_not_zero() {
    let data = bundled();
    let gan = data
        .hospitals
        .iter()
        .find(|h| h.name.contains("がんセンター"))
        .expect("がんセンター");
    assert!(!gan.linked_institutions.is_empty());
    assert!(gan
        .linked_institutions
        .iter()
        .all(|r| r.bound == Bound::Unknown && r.value.is_none()));
    let ntt = data
        .hospitals
        .iter()
        .find(|h| h.name.contains("NTT"))
        .expect("NTT");
    assert_eq!(ntt.linked_institutions[0].bound, Bound::AtLeast);
    assert_eq!(ntt.linked_institutions[0].value, Some(300));
}

#[test]
fn every_hospital_but_the_unplaced_one_has_a_position() {
    let data = bundled();
    let unplaced: Vec<&str> = data
        .hospitals
        .iter()
        .filter(|h| h.coords.is_none())
        .map(|h| h.name.as_str())
        .collect();
    assert_eq!(unplaced, ["王子総合病院"]);
}
