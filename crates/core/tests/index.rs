//! The prepared index against independent references on random networks and
//! the bundled data: the bitset reach matrix against one plain search per
//! union, facility searches against a plain multi-source search, facility
//! counts against counting facility by facility, and paths, backward
//! searches and link partners against the graph's own, under both access
//! rules.

mod support;

use proptest::prelude::*;
use serde_json::json;
use support::Reference;
use tsunagu_core::access::Rules;
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::graph::{NetworkGraph, UnionLink};
use tsunagu_core::index::NetworkIndex;
use tsunagu_core::model::{Dataset, FacilityId, HospitalId, UnionId};
use tsunagu_core::reach::reach_matrix;
use tsunagu_core::validate::load_dataset;
use tsunagu_core::whatif::{apply_what_if, Change, WhatIf};

#[derive(Clone, Debug)]
struct Net {
    rules: Rules,
    /// Whether each hospital discloses.
    discloses: Vec<bool>,
    /// Each union's hosts.
    hosts: Vec<Vec<usize>>,
    /// (from, to, directed) hospital links.
    links: Vec<(usize, usize, bool)>,
    /// (a, b, directed) union connections recorded in the data.
    recorded: Vec<(usize, usize, bool)>,
    /// (a, b, directed) what-if union links.
    union_links: Vec<(usize, usize, bool)>,
    /// Each facility's unions.
    facilities: Vec<Vec<usize>>,
}

fn rules() -> impl Strategy<Value = Rules> {
    prop_oneof![Just(Rules::Confirmed), Just(Rules::AssumeAgreements)]
}

/// Up to `most` pairs of distinct nodes among `n`, each possibly one-way.
fn pairs(n: usize, most: usize) -> impl Strategy<Value = Vec<(usize, usize, bool)>> {
    prop::collection::vec((0..n, 0..n, any::<bool>()), 0..=most)
        .prop_map(|v| v.into_iter().filter(|(a, b, _)| a != b).collect())
}

fn net() -> impl Strategy<Value = Net> {
    (rules(), 1_usize..=9, 1_usize..=7).prop_flat_map(|(rules, h, u)| {
        (
            Just(rules),
            prop::collection::vec(prop::bool::weighted(0.7), h),
            prop::collection::vec(prop::collection::vec(0..h, 1..=3), u),
            pairs(h, 14),
            pairs(u, 2),
            pairs(u, 3),
            prop::collection::vec(prop::collection::vec(0..u, 0..=3), 0..=12),
        )
            .prop_map(
                |(rules, discloses, hosts, links, recorded, union_links, facilities)| Net {
                    rules,
                    discloses,
                    hosts,
                    links,
                    recorded,
                    union_links,
                    facilities,
                },
            )
    })
}

fn dataset(net: &Net) -> Dataset {
    let hospitals: Vec<_> = net
        .discloses
        .iter()
        .enumerate()
        .map(|(i, d)| json!({"id": format!("h{i}"), "name": format!("H{i}"), "name_en": format!("H{i}"), "discloses": d, "sources": []}))
        .collect();
    let unions: Vec<_> = net
        .hosts
        .iter()
        .enumerate()
        .map(|(i, hosts)| {
            let hosts: Vec<String> = hosts.iter().map(|h| format!("h{h}")).collect();
            json!({"id": format!("u{i}"), "name": format!("U{i}"), "hosts": hosts, "sources": []})
        })
        .collect();
    let links: Vec<_> = net
        .links
        .iter()
        .enumerate()
        .map(|(i, (a, b, directed))| {
            json!({"id": format!("l{i}"), "kind": "agreement", "from": format!("h{a}"), "to": format!("h{b}"), "directed": directed, "source": {"section": "s"}})
        })
        .collect();
    let facilities: Vec<_> = net
        .facilities
        .iter()
        .enumerate()
        .map(|(i, unions)| {
            let memberships: Vec<_> = unions
                .iter()
                .map(|u| json!({"union": format!("u{u}"), "source": {"section": "s"}}))
                .collect();
            json!({"id": format!("f{i}"), "name": format!("F{i}"), "kind": "clinic", "memberships": memberships, "sources": []})
        })
        .collect();
    let recorded: Vec<_> = net
        .recorded
        .iter()
        .enumerate()
        .map(|(i, (a, b, directed))| {
            json!({"id": format!("c{i}"), "a": format!("u{a}"), "b": format!("u{b}"), "directed": directed, "source": {"section": "s"}})
        })
        .collect();
    serde_json::from_value(json!({
        "schema_version": 1,
        "meta": {"id": "t", "title": {"ja": "t", "en": "t"}, "source_title": "t", "source_author": "t", "source_date": "2023-10-31"},
        "sections": [], "wards": [], "hospitals": hospitals, "unions": unions, "links": links,
        "union_links": recorded, "facilities": facilities,
        "designations": [], "designation_listings": [], "printed_ratios": [], "printed_totals": [],
        "council": {"name": "c", "founded": "2023-10-31", "secretariat": "h0", "members": [], "observers": [], "sources": []},
        "milestones": [], "discrepancies": []
    }))
    .expect("a well-formed dataset")
}

fn union_links(net: &Net) -> Vec<UnionLink> {
    net.union_links
        .iter()
        .map(|&(a, b, directed)| UnionLink {
            a: UnionId(format!("u{a}")),
            b: UnionId(format!("u{b}")),
            directed,
            label: "what-if".into(),
            source: None,
        })
        .collect()
}

/// Plain multi-source 0-1 BFS on an adjacency list made from `Net`, under
/// its rules. Returns relays to each hospital.
fn reference(net: &Net, starts: &[usize]) -> Vec<Option<u32>> {
    let union_links: Vec<_> = net
        .recorded
        .iter()
        .chain(&net.union_links)
        .copied()
        .collect();
    Reference {
        hospitals: net.discloses.len(),
        hosts: &net.hosts,
        links: &net.links,
        union_links: &union_links,
        rules: net.rules,
    }
    .relays(starts)
}

/// The 開示病院 `h` has a hospital link with, by the reference, whatever the rules.
fn shares_with(net: &Net, h: usize) -> Vec<usize> {
    Reference {
        hospitals: net.discloses.len(),
        hosts: &net.hosts,
        links: &net.links,
        union_links: &[],
        rules: net.rules,
    }
    .shares_with(h, &net.discloses)
}

fn check(net: &Net) {
    let data = dataset(net);
    let links = union_links(net);
    let graph = NetworkGraph::build(&data, &links, net.rules);
    let index = NetworkIndex::new(&data, &graph);
    assert_eq!((graph.rules(), index.rules()), (net.rules, net.rules));
    let disclosing: Vec<usize> = (0..net.discloses.len())
        .filter(|&h| net.discloses[h])
        .collect();

    // The reach matrix, cell by cell, against one plain search per union.
    let matrix = index.reach_matrix();
    assert_eq!(matrix, reach_matrix(&data, &graph));
    assert_eq!(
        matrix,
        NetworkIndex::for_reach(&data, &links, net.rules).reach_matrix()
    );
    assert_eq!(
        matrix,
        NetworkIndex::build(&data, &links, net.rules).reach_matrix()
    );
    for (u, row) in matrix.relays.iter().enumerate() {
        let expected = reference(net, &[u]);
        let expected: Vec<Option<u32>> = disclosing.iter().map(|&h| expected[h]).collect();
        assert_eq!(row, &expected, "row u{u}");
    }

    // Facility counts against counting facility by facility.
    let mut expected_counts = vec![0_u64; disclosing.len()];
    let mut out = Vec::new();
    for (f, unions) in net.facilities.iter().enumerate() {
        let expected = reference(net, unions);
        let id = FacilityId(format!("f{f}"));
        assert!(index.relays_from_facility(&id, &mut out));
        let mut by_id: Vec<Option<u32>> = vec![None; net.discloses.len()];
        for &(at, relays) in &out {
            let h: usize = index.hospitals()[at].as_str()[1..].parse().expect("h<n>");
            assert!(by_id[h].is_none(), "h{h} listed twice");
            by_id[h] = Some(relays);
        }
        assert_eq!(by_id, expected, "from f{f}");
        for (h, want) in expected.iter().enumerate() {
            let got = index.relays_between(&id, &HospitalId(format!("h{h}")));
            assert_eq!(got, *want, "f{f} → h{h}");
        }
        for (c, &h) in disclosing.iter().enumerate() {
            if expected[h].is_some() {
                expected_counts[c] += 1;
            }
        }
    }
    assert_eq!(index.facilities_reaching(&matrix), expected_counts);
    assert_eq!(index.facility_reach(), expected_counts);
    assert_eq!(index.reach_with_facilities(), (matrix, expected_counts));

    // Backward searches, paths and link partners agree with the graph's own.
    for h in 0..net.discloses.len() {
        let hospital = HospitalId(format!("h{h}"));
        assert_eq!(index.relays_into(&hospital), graph.relays_into(&hospital));
        let partners: Vec<HospitalId> = shares_with(net, h)
            .into_iter()
            .map(|p| HospitalId(format!("h{p}")))
            .collect();
        assert_eq!(graph.shares_with(&hospital), partners, "h{h}");
        assert_eq!(index.shares_with(&hospital), partners, "h{h}");
        for u in 0..net.hosts.len() {
            let union = UnionId(format!("u{u}"));
            assert_eq!(index.path(&union, &hospital), graph.path(&union, &hospital));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn the_index_equals_plain_searches(net in net()) {
        check(&net);
    }
}

#[test]
fn the_bundled_reach_matrix_equals_one_search_per_hospital() {
    let data = load_dataset(SAPPORO_JSON).expect("valid").dataset;
    let what_if = WhatIf {
        name: "every kind of change".into(),
        changes: vec![
            Change::ConnectUnions {
                a: UnionId::from("tmnit"),
                b: UnionId::from("kkr-union"),
            },
            Change::AddAgreement {
                from: HospitalId::from("shiritsu"),
                to: HospitalId::from("ntt"),
            },
            Change::GoLive {
                hospital: HospitalId::from("sapmed"),
                union_name: "仮".into(),
            },
        ],
    };
    let cases = [Rules::Confirmed, Rules::AssumeAgreements]
        .into_iter()
        .flat_map(|rules| [(rules, WhatIf::default()), (rules, what_if.clone())]);
    for (rules, what_if) in cases {
        let (next, links) = apply_what_if(&data, &what_if);
        let graph = NetworkGraph::build(&next, &links, rules);
        let index = NetworkIndex::new(&next, &graph);
        let matrix = index.reach_matrix();
        // The reference: the graph's backward search, one per 開示病院.
        let columns: Vec<Vec<Option<u32>>> = matrix
            .hospitals
            .iter()
            .map(|h| graph.relays_into(h))
            .collect();
        for (u, row) in matrix.relays.iter().enumerate() {
            let expected: Vec<Option<u32>> = columns.iter().map(|c| c[u]).collect();
            assert_eq!(
                row, &expected,
                "{} under {}, {rules:?}",
                matrix.unions[u], what_if.name
            );
        }
        // Facility by facility, through the graph's memberships and searches.
        let mut expected = vec![0_u64; matrix.hospitals.len()];
        for facility in &next.facilities {
            let unions = graph.memberships(&facility.id);
            for (c, column) in columns.iter().enumerate() {
                let reached = graph
                    .unions()
                    .iter()
                    .zip(column)
                    .any(|(u, d)| d.is_some() && unions.contains(u));
                if reached {
                    expected[c] += 1;
                }
            }
        }
        assert_eq!(index.facilities_reaching(&matrix), expected);
        assert_eq!(index.facility_reach(), expected);
        assert_eq!(index.reach_with_facilities(), (matrix.clone(), expected));
        assert_eq!(
            NetworkIndex::for_reach(&next, &links, rules).reach_matrix(),
            matrix
        );
    }
}

#[test]
fn many_unions_fill_several_blocks_of_sixty_four() {
    use tsunagu_core::synth::{synthesize, Scale};
    // 150 unions: three blocks of the bitset search, and cross-region links.
    let scale = Scale {
        regions: 12,
        hospitals: 240,
        unions: 150,
        facilities: 400,
        links: 700,
    };
    let data = synthesize(scale, 5);
    // Agreements assumed: links make the matrix dense enough to test.
    let graph = NetworkGraph::build(&data, &[], Rules::AssumeAgreements);
    let index = NetworkIndex::new(&data, &graph);
    let matrix = index.reach_matrix();
    let columns: Vec<Vec<Option<u32>>> = matrix
        .hospitals
        .iter()
        .map(|h| graph.relays_into(h))
        .collect();
    let mut finite = 0;
    for (u, row) in matrix.relays.iter().enumerate() {
        let expected: Vec<Option<u32>> = columns.iter().map(|c| c[u]).collect();
        assert_eq!(row, &expected, "{}", matrix.unions[u]);
        finite += row.iter().flatten().count();
    }
    assert!(
        finite > 150,
        "the network is not trivial: {finite} reachable cells"
    );
    let mut expected = vec![0_u64; matrix.hospitals.len()];
    for facility in &data.facilities {
        let unions = graph.memberships(&facility.id);
        for (c, column) in columns.iter().enumerate() {
            if graph
                .unions()
                .iter()
                .zip(column)
                .any(|(u, d)| d.is_some() && unions.contains(u))
            {
                expected[c] += 1;
            }
        }
    }
    assert_eq!(index.facility_reach(), expected);
    assert_eq!(index.reach_with_facilities(), (matrix, expected));
}

#[test]
fn under_the_confirmed_rule_a_synthetic_union_reaches_its_hosts_only() {
    use tsunagu_core::synth::{synthesize, Scale};
    // No union connection in synthetic data, so each row of the matrix is
    // the union's own hosts at 0 and nothing else, however many links.
    let data = synthesize(Scale::HOKKAIDO, 3);
    let index = NetworkIndex::build(&data, &[], Rules::Confirmed);
    let matrix = index.reach_matrix();
    assert_eq!(
        NetworkIndex::for_reach(&data, &[], Rules::Confirmed).reach_matrix(),
        matrix
    );
    for (u, row) in matrix.relays.iter().enumerate() {
        let hosts = &data.unions[u].hosts;
        assert!(!hosts.is_empty());
        for (h, cell) in row.iter().enumerate() {
            let hosted = hosts.contains(&matrix.hospitals[h]);
            assert_eq!(
                *cell,
                hosted.then_some(0),
                "{} → {}",
                matrix.unions[u],
                matrix.hospitals[h]
            );
        }
    }
}
