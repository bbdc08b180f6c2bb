//! The reach matrix against the planner, cell by cell: a member of union u
//! reaches hospital h with r relays and nothing joined exactly when the
//! planner's first plan for (u, h) joins nothing and has r relays. On the
//! bundled data, under each kind of what-if change, and on random networks,
//! under both access rules.

use proptest::prelude::*;
use serde_json::json;
use tsunagu_core::access::Rules;
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::graph::NetworkGraph;
use tsunagu_core::model::{Dataset, FacilityId, HospitalId, UnionId};
use tsunagu_core::planner::{plan_joins, PlanLimits, PlanRequest, Start};
use tsunagu_core::reach::{reach_matrix, ReachMatrix};
use tsunagu_core::validate::{load_dataset, validate, Severity};
use tsunagu_core::whatif::{apply_what_if, Change, WhatIf};

fn bundled() -> Dataset {
    load_dataset(SAPPORO_JSON).expect("valid").dataset
}

/// Checks every cell of the matrix against the planner, under `rules`.
fn check_against_planner(data: &Dataset, what_if: &WhatIf, rules: Rules) {
    let (next, links) = apply_what_if(data, what_if);
    let graph = NetworkGraph::build(&next, &links, rules);
    let matrix = reach_matrix(&next, &graph);
    for (u, union) in matrix.unions.iter().enumerate() {
        for (h, hospital) in matrix.hospitals.iter().enumerate() {
            let request = PlanRequest {
                start: Start::Members(vec![union.clone()]),
                targets: vec![hospital.clone()],
                max_relays: None,
                exclude: Vec::new(),
            };
            let answer =
                plan_joins(&graph, &request, PlanLimits::default()).expect("valid request");
            let without_joining = answer
                .plans
                .first()
                .filter(|p| p.join.is_empty())
                .map(|p| p.relays);
            assert_eq!(
                matrix.relays[u][h], without_joining,
                "{union} → {hospital} under {what_if:?}, {rules:?}"
            );
        }
    }
}

/// Each union of the bundled data and the one 開示病院 it hosts, by hand
/// from the report's union pages.
const HOSTS: [(&str, &str); 7] = [
    ("tmnit", "teine"),
    ("hokudai-ict", "hokudai"),
    ("tenshi-council", "tenshi"),
    ("gan-center-system", "gan-center"),
    ("kkr-union", "kkr"),
    ("ntt-union", "ntt"),
    ("shiritsu-suzuran", "shiritsu"),
];

/// The matrix's cell for a union and a hospital, by id.
fn cell(matrix: &ReachMatrix, u: &str, h: &str) -> Option<u32> {
    let u = matrix
        .unions
        .iter()
        .position(|x| x.as_str() == u)
        .expect("union");
    let h = matrix
        .hospitals
        .iter()
        .position(|x| x.as_str() == h)
        .expect("hospital");
    matrix.relays[u][h]
}

#[test]
fn under_the_confirmed_rule_each_union_reaches_its_host_only() {
    // No union connection is recorded and hospital links are not a way in:
    // every row has a 0 at its host and nothing else.
    let data = bundled();
    check_against_planner(&data, &WhatIf::default(), Rules::Confirmed);
    let matrix = reach_matrix(&data, &NetworkGraph::build(&data, &[], Rules::Confirmed));
    assert_eq!(matrix.unions.len(), 7);
    assert_eq!(matrix.hospitals.len(), 7, "the seven 開示病院");
    for (union, host) in HOSTS {
        for hospital in &matrix.hospitals {
            let expected = (hospital.as_str() == host).then_some(0);
            assert_eq!(
                cell(&matrix, union, hospital.as_str()),
                expected,
                "{union} → {hospital}"
            );
        }
    }
}

#[test]
fn with_every_union_connected_every_union_reaches_every_hospital_within_one_relay() {
    // Each union reaches its host at 0 and, through the one proposed link
    // to each other union, the six other hosts at 1.
    let data = bundled();
    let unions: Vec<UnionId> = data.unions.iter().map(|u| u.id.clone()).collect();
    let mut changes = Vec::new();
    for (i, a) in unions.iter().enumerate() {
        for b in &unions[i + 1..] {
            changes.push(Change::ConnectUnions {
                a: a.clone(),
                b: b.clone(),
            });
        }
    }
    let what_if = WhatIf {
        name: "全体でユニオンを繋げる".into(),
        changes,
    };
    let (next, links) = apply_what_if(&data, &what_if);
    for rules in [Rules::Confirmed, Rules::AssumeAgreements] {
        check_against_planner(&data, &what_if, rules);
        let matrix = reach_matrix(&next, &NetworkGraph::build(&next, &links, rules));
        for (union, host) in HOSTS {
            for hospital in &matrix.hospitals {
                // One relay (the union link) to every host but its own.
                let expected = u32::from(hospital.as_str() != host);
                assert_eq!(
                    cell(&matrix, union, hospital.as_str()),
                    Some(expected),
                    "{union} → {hospital} under {rules:?}"
                );
            }
        }
    }
}

#[test]
fn the_bundled_matrix_matches_the_planner_and_the_report_when_agreements_are_assumed() {
    let data = bundled();
    check_against_planner(&data, &WhatIf::default(), Rules::AssumeAgreements);
    let graph = NetworkGraph::build(&data, &[], Rules::AssumeAgreements);
    let matrix = reach_matrix(&data, &graph);
    assert_eq!(matrix.hospitals.len(), 7, "the seven 開示病院");
    let cell = |u: &str, h: &str| cell(&matrix, u, h);
    // Worked by hand: TMNIT's host 手稲溪仁会 has agreements with 北大 and がんセンター,
    // and 北大's list names 天使病院; 市立札幌 and KKR link to nobody.
    assert_eq!(cell("tmnit", "teine"), Some(0));
    assert_eq!(cell("tmnit", "hokudai"), Some(1));
    assert_eq!(cell("tmnit", "gan-center"), Some(1));
    assert_eq!(cell("tmnit", "tenshi"), Some(2));
    assert_eq!(cell("tmnit", "kkr"), None);
    assert_eq!(cell("kkr-union", "teine"), None);
}

#[test]
fn each_kind_of_change_is_applied_and_matches_the_planner() {
    let data = bundled();
    let what_if = WhatIf {
        name: "council what-if".into(),
        changes: vec![
            Change::ConnectUnions {
                a: UnionId::from("tmnit"),
                b: UnionId::from("kkr-union"),
            },
            Change::AddAgreement {
                from: HospitalId::from("shiritsu"),
                to: HospitalId::from("ntt"),
            },
            Change::Join {
                facility: FacilityId::from("shuyukai"),
                union: UnionId::from("hokudai-ict"),
            },
            Change::GoLive {
                hospital: HospitalId::from("sapmed"),
                union_name: "札幌医大ネット（仮）".into(),
            },
        ],
    };
    let (next, links) = apply_what_if(&data, &what_if);
    assert!(
        validate(&next)
            .iter()
            .all(|p| p.severity != Severity::Error),
        "a what-if keeps the data valid"
    );
    for rules in [Rules::Confirmed, Rules::AssumeAgreements] {
        check_against_planner(&data, &what_if, rules);
        let matrix = reach_matrix(&next, &NetworkGraph::build(&next, &links, rules));
        assert_eq!(matrix.hospitals.len(), 8, "札幌医大 now discloses");
        // The union connection counts under either rule: TMNIT → KKR's union → KKR.
        assert_eq!(
            cell(&matrix, "tmnit", "kkr"),
            Some(1),
            "one union-to-union relay"
        );
        // The 市立札幌–NTT agreement counts only when agreements are assumed.
        let assumed = rules == Rules::AssumeAgreements;
        assert_eq!(
            cell(&matrix, "shiritsu-suzuran", "ntt"),
            if assumed { Some(1) } else { None },
            "{rules:?}"
        );
        // The new union reaches 札幌医大 directly.
        let new_union = matrix.unions.last().expect("a union").as_str();
        assert_eq!(cell(&matrix, new_union, "sapmed"), Some(0));
    }
    let joined = next
        .facilities
        .iter()
        .find(|f| f.id.as_str() == "shuyukai")
        .expect("facility");
    assert!(
        joined
            .memberships
            .iter()
            .any(|m| m.union.as_str() == "hokudai-ict"),
        "the facility joined"
    );
    assert!(
        next.links.len() == data.links.len() + 1,
        "the agreement was added"
    );
}

/// A random network: hospitals 0..h, unions' hosts, hospital links
/// (from, to, one-way) and union pairs to connect.
type Network = (
    usize,
    Vec<Vec<usize>>,
    Vec<(usize, usize, bool)>,
    Vec<(usize, usize)>,
);

/// Random networks of up to six hospitals and five unions.
fn network() -> impl Strategy<Value = Network> {
    (1_usize..=6, 1_usize..=5).prop_flat_map(|(h, u)| {
        (
            Just(h),
            prop::collection::vec(prop::collection::vec(0..h, 1..=2), u),
            prop::collection::vec((0..h, 0..h, any::<bool>()), 0..=8),
            prop::collection::vec((0..u, 0..u), 0..=2),
        )
    })
}

fn rules() -> impl Strategy<Value = Rules> {
    prop_oneof![Just(Rules::Confirmed), Just(Rules::AssumeAgreements)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn on_random_networks_the_matrix_matches_the_planner((h, hosts, links, union_links) in network(), rules in rules()) {
        let data: Dataset = serde_json::from_value(json!({
            "schema_version": 1,
            "meta": {"id": "t", "title": {"ja": "t", "en": "t"}, "source_title": "t", "source_author": "t", "source_date": "2023-10-31"},
            "sections": [], "wards": [],
            "hospitals": (0..h).map(|i| json!({"id": format!("h{i}"), "name": format!("H{i}"), "name_en": "", "discloses": true, "sources": []})).collect::<Vec<_>>(),
            "unions": hosts.iter().enumerate().map(|(i, hs)| json!({"id": format!("u{i}"), "name": format!("U{i}"), "hosts": hs.iter().map(|x| format!("h{x}")).collect::<Vec<_>>(), "sources": []})).collect::<Vec<_>>(),
            "links": links.iter().filter(|(a, b, _)| a != b).enumerate().map(|(i, (a, b, d))| json!({"id": format!("l{i}"), "kind": "agreement", "from": format!("h{a}"), "to": format!("h{b}"), "directed": d, "source": {"section": "s"}})).collect::<Vec<_>>(),
            "facilities": [], "designations": [], "designation_listings": [], "printed_ratios": [], "printed_totals": [],
            "council": {"name": "c", "founded": "2023-10-31", "secretariat": "h0", "members": [], "observers": [], "sources": []},
            "milestones": [], "discrepancies": []
        })).expect("a dataset");
        let what_if = WhatIf {
            name: "random".into(),
            changes: union_links.iter().filter(|(a, b)| a != b)
                .map(|(a, b)| Change::ConnectUnions { a: UnionId(format!("u{a}")), b: UnionId(format!("u{b}")) })
                .collect(),
        };
        check_against_planner(&data, &what_if, rules);
    }
}
