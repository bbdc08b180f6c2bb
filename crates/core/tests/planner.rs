//! Planner scenarios on the bundled data, each worked out by hand from the
//! report: which unions host which hospital, and which links the report
//! prints (Teine's 病院間協定 and Hokudai's ID-Link 連携病院 list).

use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::graph::NetworkGraph;
use tsunagu_core::model::{Dataset, FacilityId, HospitalId, UnionId};
use tsunagu_core::planner::{
    plan_joins, PlanAnswer, PlanError, PlanLimits, PlanRequest, Start, UnreachableReason,
};
use tsunagu_core::validate::load_dataset;

fn bundled() -> Dataset {
    load_dataset(SAPPORO_JSON)
        .expect("the bundled dataset loads")
        .dataset
}

fn request(
    start: Start,
    targets: &[&str],
    max_relays: Option<u32>,
    exclude: &[&str],
) -> PlanRequest {
    PlanRequest {
        start,
        targets: targets.iter().map(|&t| HospitalId::from(t)).collect(),
        max_relays,
        exclude: exclude.iter().map(|&u| UnionId::from(u)).collect(),
    }
}

fn new_facility(unions: &[&str]) -> Start {
    Start::Members(unions.iter().map(|&u| UnionId::from(u)).collect())
}

/// A frontier point: the unions to join, the max relays, and every alternative set.
type Point<'a> = (Vec<&'a str>, u32, Vec<Vec<&'a str>>);
/// A frontier point as the tests write it.
type Expected<'a> = (&'a [&'a str], u32, &'a [&'a [&'a str]]);

/// The frontier as (unions to join, max relays), plus every alternative set.
fn frontier(answer: &PlanAnswer) -> Vec<Point<'_>> {
    answer
        .plans
        .iter()
        .map(|p| {
            (
                p.join.iter().map(UnionId::as_str).collect(),
                p.relays,
                p.alternatives
                    .iter()
                    .map(|a| a.iter().map(UnionId::as_str).collect())
                    .collect(),
            )
        })
        .collect()
}

fn check(req: &PlanRequest, expected: &[Expected<'_>]) -> PlanAnswer {
    let data = bundled();
    let graph = NetworkGraph::build(&data, &[]);
    let answer = plan_joins(&graph, req, PlanLimits::default()).expect("a valid request");
    let expected: Vec<Point<'_>> = expected
        .iter()
        .map(|(j, r, alts)| (j.to_vec(), *r, alts.iter().map(|a| a.to_vec()).collect()))
        .collect();
    assert_eq!(frontier(&answer), expected);
    assert!(answer.plans.iter().all(|p| p.exact));
    answer
}

#[test]
fn miki_family_clinic_reaches_hokudai_through_teine_or_by_joining_its_network() {
    // みきファミリークリニック is in TMNIT (host 手稲溪仁会), 天使's 協議会 and すずらんネット.
    // 手稲溪仁会 and 天使病院 are both on Hokudai's ID-Link list: one relay with nothing joined;
    // joining Hokudai's ICTネットワーク gives direct disclosure.
    let answer = check(
        &request(
            Start::Facility(FacilityId::from("miki-family-clinic")),
            &["hokudai"],
            None,
            &[],
        ),
        &[(&[], 1, &[]), (&["hokudai-ict"], 0, &[])],
    );
    assert_eq!(answer.members.len(), 3);
    let path = &answer.plans[0].paths[0];
    assert_eq!(path.relays, 1);
    assert_eq!(
        path.hops.last().map(tsunagu_core::planner::hop_id),
        Some("hokudai")
    );
}

#[test]
fn direct_disclosure_only_means_joining_the_hospitals_own_union() {
    check(
        &request(new_facility(&[]), &["hokudai"], Some(0), &[]),
        &[(&["hokudai-ict"], 0, &[])],
    );
}

#[test]
fn a_hospital_hosting_no_union_cannot_be_reached_without_relays() {
    // 王子総合病院 appears only on Hokudai's list and hosts no union.
    let answer = check(&request(new_facility(&[]), &["oji"], Some(0), &[]), &[]);
    assert_eq!(answer.unreachable.len(), 1);
    assert_eq!(
        answer.unreachable[0].reason,
        UnreachableReason::HostsNoUnion
    );
    // With relays allowed, Hokudai's own union reaches it in one.
    check(
        &request(new_facility(&[]), &["oji"], None, &[]),
        &[(&["hokudai-ict"], 1, &[])],
    );
}

#[test]
fn every_cancer_base_hospital_needs_three_unions_or_five_for_direct_disclosure() {
    // The がん診療連携拠点病院 column: 札幌医大, JA札幌厚生 and 恵佑会 are not on ID-Link
    // and no link reaches them. 市立札幌 and KKR link to nobody, so their own
    // unions are needed; TMNIT reaches 手稲 (0), 北大 and がんセンター (1 each).
    let answer = check(
        &request(
            new_facility(&[]),
            &[
                "shiritsu",
                "hokudai",
                "gan-center",
                "kkr",
                "teine",
                "sapmed",
                "ja-kosei",
                "keiyukai",
            ],
            None,
            &[],
        ),
        &[
            (&["tmnit", "kkr-union", "shiritsu-suzuran"], 1, &[]),
            (
                &[
                    "tmnit",
                    "hokudai-ict",
                    "gan-center-system",
                    "kkr-union",
                    "shiritsu-suzuran",
                ],
                0,
                &[],
            ),
        ],
    );
    let mut unreachable: Vec<&str> = answer
        .unreachable
        .iter()
        .map(|u| u.target.as_str())
        .collect();
    unreachable.sort_unstable();
    assert_eq!(unreachable, ["ja-kosei", "keiyukai", "sapmed"]);
    assert!(answer
        .unreachable
        .iter()
        .all(|u| u.reason == UnreachableReason::NoPath));
}

#[test]
fn excluding_tmnit_costs_relays_and_shows_alternatives() {
    // Without TMNIT, 手稲 is reached through Hokudai (ICT → 北大 → 手稲) or がんセンター's agreement.
    check(
        &request(
            new_facility(&[]),
            &["shiritsu", "hokudai", "gan-center", "kkr", "teine"],
            None,
            &["tmnit"],
        ),
        &[
            (
                &["hokudai-ict", "kkr-union", "shiritsu-suzuran"],
                2,
                &[&["gan-center-system", "kkr-union", "shiritsu-suzuran"]],
            ),
            (
                &[
                    "hokudai-ict",
                    "gan-center-system",
                    "kkr-union",
                    "shiritsu-suzuran",
                ],
                1,
                &[&[
                    "tenshi-council",
                    "gan-center-system",
                    "kkr-union",
                    "shiritsu-suzuran",
                ]],
            ),
        ],
    );
}

#[test]
fn a_member_of_the_target_s_union_needs_nothing() {
    check(
        &request(new_facility(&["tmnit"]), &["teine"], None, &[]),
        &[(&[], 0, &[])],
    );
}

#[test]
fn hakodate_is_reached_through_teine_s_agreement_or_hokudai_s_list() {
    // 市立函館病院: Teine's 病院間協定 (南渡島医療圏) and Hokudai's 連携病院 list both name it.
    check(
        &request(new_facility(&[]), &["hakodate-municipal"], None, &[]),
        &[(&["tmnit"], 1, &[&["hokudai-ict"]])],
    );
}

#[test]
fn only_excluded_unions_reaching_a_target_is_said_plainly() {
    let data = bundled();
    let graph = NetworkGraph::build(&data, &[]);
    let req = request(new_facility(&[]), &["kkr"], None, &["kkr-union"]);
    let answer = plan_joins(&graph, &req, PlanLimits::default()).expect("valid");
    assert!(answer.plans.is_empty());
    assert_eq!(
        answer.unreachable[0].reason,
        UnreachableReason::OnlyExcluded {
            unions: vec![UnionId::from("kkr-union")]
        }
    );
}

#[test]
fn bad_requests_are_errors_not_panics() {
    let data = bundled();
    let graph = NetworkGraph::build(&data, &[]);
    let plan = |req: PlanRequest| plan_joins(&graph, &req, PlanLimits::default());
    assert_eq!(
        plan(request(new_facility(&[]), &[], None, &[])),
        Err(PlanError::NoTargets)
    );
    assert_eq!(
        plan(request(new_facility(&["nope"]), &["kkr"], None, &[])),
        Err(PlanError::UnknownUnion(UnionId::from("nope")))
    );
    assert_eq!(
        plan(request(new_facility(&[]), &["atlantis"], None, &[])),
        Err(PlanError::UnknownHospital(HospitalId::from("atlantis")))
    );
    assert_eq!(
        plan(request(
            Start::Facility(FacilityId::from("ghost")),
            &["kkr"],
            None,
            &[]
        )),
        Err(PlanError::UnknownFacility(FacilityId::from("ghost")))
    );
}
