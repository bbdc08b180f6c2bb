//! The report's next step in figures, worked out by hand from the report:
//! seven 開示病院, each hosting exactly one union, and no union connected to
//! another. Under the confirmed rule a clinic in no union must join all
//! seven unions to view all seven hospitals, and a TMNIT member the other
//! six. With every union connected (「全体でユニオンを繋げる」), one union
//! reaches every host at one relay, so a clinic in no union joins one and a
//! TMNIT member joins none.

use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::model::UnionId;
use tsunagu_core::validate::load_dataset;
use tsunagu_core::whatif::assess::next_step;
use tsunagu_core::whatif::{connect_every_union, Change};

#[test]
fn the_next_step_headline_under_the_confirmed_rule() {
    let data = load_dataset(SAPPORO_JSON).unwrap().dataset;
    let step = next_step(&data, &UnionId::from("tmnit"));
    assert_eq!(step.disclosing, 7);
    assert_eq!(step.none_before, Some((7, 0)));
    assert_eq!(step.member_before, Some((6, 0)));
    assert_eq!(step.none_after, Some((1, 1)));
    assert_eq!(step.member_after, Some((0, 1)));
}

#[test]
fn connecting_every_union_pairs_each_union_once() {
    let data = load_dataset(SAPPORO_JSON).unwrap().dataset;
    let what_if = connect_every_union(&data, "all");
    // 7 unions: 7·6/2 pairs.
    assert_eq!(what_if.changes.len(), 21);
    assert!(what_if
        .changes
        .iter()
        .all(|c| matches!(c, Change::ConnectUnions { a, b } if a != b)));
}
