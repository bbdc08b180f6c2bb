//! The reach matrix against the planner, cell by cell: a member of union u
//! reaches hospital h with r relays and nothing joined exactly when the
//! planner's first plan for (u, h) joins nothing and has r relays. On the
//! bundled data, under each kind of what-if change, and on random networks.

use proptest::prelude::*;
use serde_json::json;
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::graph::NetworkGraph;
use tsunagu_core::model::{Dataset, FacilityId, HospitalId, UnionId};
use tsunagu_core::planner::{plan_joins, PlanLimits, PlanRequest, Start};
use tsunagu_core::validate::{load_dataset, validate, Severity};
use tsunagu_core::whatif::{apply_scenario, reach_matrix, Change, Scenario};

fn bundled() -> Dataset {
    load_dataset(SAPPORO_JSON).expect("valid").dataset
}

/// Checks every cell of the matrix against the planner.
fn check_against_planner(data: &Dataset, scenario: &Scenario) {
    let (next, links) = apply_scenario(data, scenario);
    let graph = NetworkGraph::build(&next, &links);
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
                "{union} → {hospital} under {scenario:?}"
            );
        }
    }
}

#[test]
fn the_bundled_matrix_matches_the_planner_and_the_report() {
    let data = bundled();
    check_against_planner(&data, &Scenario::default());
    let graph = NetworkGraph::build(&data, &[]);
    let matrix = reach_matrix(&data, &graph);
    assert_eq!(matrix.hospitals.len(), 7, "the seven 開示病院");
    let cell = |u: &str, h: &str| {
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
    };
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
    let scenario = Scenario {
        name: "council proposal".into(),
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
    check_against_planner(&data, &scenario);
    let (next, links) = apply_scenario(&data, &scenario);
    assert!(
        validate(&next)
            .iter()
            .all(|p| p.severity != Severity::Error),
        "a scenario keeps the data valid"
    );
    let matrix = reach_matrix(&next, &NetworkGraph::build(&next, &links));
    assert_eq!(matrix.hospitals.len(), 8, "札幌医大 now discloses");
    let u = matrix
        .unions
        .iter()
        .position(|x| x.as_str() == "tmnit")
        .expect("tmnit");
    let kkr = matrix
        .hospitals
        .iter()
        .position(|x| x.as_str() == "kkr")
        .expect("kkr");
    assert_eq!(matrix.relays[u][kkr], Some(1), "one union-to-union relay");
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn on_random_networks_the_matrix_matches_the_planner((h, hosts, links, union_links) in network()) {
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
        let scenario = Scenario {
            name: "random".into(),
            changes: union_links.iter().filter(|(a, b)| a != b)
                .map(|(a, b)| Change::ConnectUnions { a: UnionId(format!("u{a}")), b: UnionId(format!("u{b}")) })
                .collect(),
        };
        check_against_planner(&data, &scenario);
    }
}
