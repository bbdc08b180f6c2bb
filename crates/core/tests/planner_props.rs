//! Property tests: on random small networks the planner's Pareto frontier,
//! its alternatives and its unreachable targets equal a brute-force
//! reference that tries every set of unions to join and runs a plain
//! shortest-path search for each. The planner on a prepared
//! [`NetworkIndex`] must give the very same answer as on the graph.
//!
//! The networks include one-way links, unions with several hosts, facilities
//! in several unions, what-if union links, exclusions and relay limits.

mod support;

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::json;
use tsunagu_core::graph::{NetworkGraph, UnionLink};
use tsunagu_core::index::NetworkIndex;
use tsunagu_core::model::{Dataset, HospitalId, UnionId};
use tsunagu_core::planner::{plan_joins, plan_joins_indexed, PlanLimits, PlanRequest, Start};

#[derive(Clone, Debug)]
struct Net {
    hospitals: usize,
    /// Each union's hosts (hospital indices).
    hosts: Vec<Vec<usize>>,
    /// (from, to, directed) hospital links.
    links: Vec<(usize, usize, bool)>,
    /// (a, b, directed) what-if union links.
    union_links: Vec<(usize, usize, bool)>,
    members: Vec<bool>,
    excluded: Vec<bool>,
    targets: Vec<usize>,
    max_relays: Option<u32>,
}

fn net() -> impl Strategy<Value = Net> {
    (1_usize..=6, 1_usize..=6).prop_flat_map(|(h, u)| {
        (
            Just(h),
            prop::collection::vec(prop::collection::vec(0..h, 1..=2), u),
            prop::collection::vec((0..h, 0..h, any::<bool>()), 0..=8),
            prop::collection::vec((0..u, 0..u, any::<bool>()), 0..=2),
            prop::collection::vec(prop::bool::weighted(0.25), u),
            prop::collection::vec(prop::bool::weighted(0.15), u),
            prop::collection::vec(0..h, 1..=4),
            prop::option::of(0_u32..=3),
        )
            .prop_map(
                |(hospitals, hosts, links, union_links, members, excluded, targets, max_relays)| {
                    Net {
                        hospitals,
                        hosts,
                        links: links.into_iter().filter(|(a, b, _)| a != b).collect(),
                        union_links: union_links.into_iter().filter(|(a, b, _)| a != b).collect(),
                        members,
                        excluded,
                        targets,
                        max_relays,
                    }
                },
            )
    })
}

fn source() -> serde_json::Value {
    json!({"section": "s"})
}

/// The network as a dataset in tsunagu's format (unvalidated: only what the
/// graph reads matters here).
fn dataset(net: &Net) -> Dataset {
    let hospitals: Vec<_> = (0..net.hospitals)
        .map(|i| json!({"id": format!("h{i}"), "name": format!("H{i}"), "name_en": format!("H{i}"), "discloses": true, "sources": []}))
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
            json!({"id": format!("l{i}"), "kind": "agreement", "from": format!("h{a}"), "to": format!("h{b}"), "directed": directed, "source": source()})
        })
        .collect();
    serde_json::from_value(json!({
        "schema_version": 1,
        "meta": {"id": "t", "title": {"ja": "t", "en": "t"}, "source_title": "t", "source_author": "t", "source_date": "2023-10-31"},
        "sections": [], "wards": [], "hospitals": hospitals, "unions": unions, "links": links, "facilities": [],
        "designations": [], "designation_listings": [], "printed_ratios": [], "printed_totals": [],
        "council": {"name": "c", "founded": "2023-10-31", "secretariat": "h0", "members": [], "observers": [], "sources": []},
        "milestones": [], "discrepancies": []
    }))
    .expect("a well-formed dataset")
}

/// Plain multi-source 0-1 BFS over an adjacency list built from `Net`:
/// node ids are unions `0..U` and hospitals `U..U+H`.
fn relays_with(net: &Net, entries: &[usize]) -> Vec<Option<u32>> {
    support::reference_relays(
        net.hospitals,
        &net.hosts,
        &net.links,
        &net.union_links,
        entries,
    )
}

type Frontier = Vec<(usize, u32, BTreeSet<Vec<usize>>)>;

/// Every subset of the candidate unions, each scored by a fresh search.
fn brute_force(net: &Net) -> (Frontier, BTreeSet<usize>) {
    let unions = net.hosts.len();
    let members: Vec<usize> = (0..unions).filter(|&i| net.members[i]).collect();
    let candidates: Vec<usize> = (0..unions)
        .filter(|&i| !net.members[i] && !net.excluded[i])
        .collect();
    let limit = net.max_relays.unwrap_or(u32::MAX);
    let everything: Vec<usize> = members.iter().chain(&candidates).copied().collect();
    let best = relays_with(net, &everything);
    let targets: BTreeSet<usize> = net.targets.iter().copied().collect();
    let unreachable: BTreeSet<usize> = targets
        .iter()
        .copied()
        .filter(|&t| best[t].is_none_or(|d| d > limit))
        .collect();
    let reachable: Vec<usize> = targets.difference(&unreachable).copied().collect();
    if reachable.is_empty() {
        return (Vec::new(), unreachable);
    }
    // Cheapest max-relays per join size, with every set achieving it.
    let mut by_size: Vec<Option<(u32, BTreeSet<Vec<usize>>)>> = vec![None; candidates.len() + 1];
    for mask in 0_u32..(1 << candidates.len()) {
        let join: Vec<usize> = (0..candidates.len())
            .filter(|&i| mask & (1 << i) != 0)
            .map(|i| candidates[i])
            .collect();
        let entries: Vec<usize> = members.iter().chain(&join).copied().collect();
        let dist = relays_with(net, &entries);
        let Some(cost) = reachable
            .iter()
            .map(|&t| dist[t])
            .collect::<Option<Vec<u32>>>()
        else {
            continue;
        };
        let worst = cost.into_iter().max().unwrap_or(0);
        if worst > limit {
            continue;
        }
        let slot = &mut by_size[join.len()];
        match slot {
            Some((r, sets)) if *r == worst => {
                sets.insert(join);
            }
            Some((r, _)) if *r < worst => {}
            _ => *slot = Some((worst, BTreeSet::from([join]))),
        }
    }
    let mut frontier: Frontier = Vec::new();
    for (k, slot) in by_size.into_iter().enumerate() {
        if let Some((r, sets)) = slot {
            if frontier.last().is_none_or(|&(_, last, _)| r < last) {
                frontier.push((k, r, sets));
            }
        }
    }
    (frontier, unreachable)
}

fn planner(net: &Net) -> (Frontier, BTreeSet<usize>) {
    let data = dataset(net);
    let union_links: Vec<UnionLink> = net
        .union_links
        .iter()
        .map(|&(a, b, directed)| UnionLink {
            a: UnionId(format!("u{a}")),
            b: UnionId(format!("u{b}")),
            directed,
            label: "what-if".into(),
        })
        .collect();
    let graph = NetworkGraph::build(&data, &union_links);
    let ids = |flags: &[bool]| -> Vec<UnionId> {
        flags
            .iter()
            .enumerate()
            .filter(|&(_, &f)| f)
            .map(|(i, _)| UnionId(format!("u{i}")))
            .collect()
    };
    let request = PlanRequest {
        start: Start::Members(ids(&net.members)),
        targets: net
            .targets
            .iter()
            .map(|t| HospitalId(format!("h{t}")))
            .collect(),
        max_relays: net.max_relays,
        exclude: ids(&net.excluded),
    };
    let limits = PlanLimits {
        node_budget: u64::MAX,
        max_alternatives: 1_000,
    };
    let answer = plan_joins(&graph, &request, limits).expect("a valid request");
    // The prepared index must give the very same answer, paths included.
    let index = NetworkIndex::new(&data, &graph);
    let indexed = plan_joins_indexed(&index, &request, limits).expect("a valid request");
    assert_eq!(indexed, answer, "the index's plan differs from the graph's");
    let index = |id: &UnionId| id.as_str()[1..].parse::<usize>().expect("u<n>");
    let frontier = answer
        .plans
        .iter()
        .map(|plan| {
            assert!(plan.exact && !plan.alternatives_truncated);
            let sets: BTreeSet<Vec<usize>> = std::iter::once(&plan.join)
                .chain(&plan.alternatives)
                .map(|set| {
                    let mut set: Vec<usize> = set.iter().map(index).collect();
                    set.sort_unstable();
                    set
                })
                .collect();
            // Each path's relays must be what the reference finds for that plan.
            let entries: Vec<usize> = answer.members.iter().chain(&plan.join).map(index).collect();
            let dist = relays_with(net, &entries);
            for path in &plan.paths {
                let t = path.target.as_str()[1..].parse::<usize>().expect("h<n>");
                assert_eq!(Some(path.relays), dist[t], "path relays to h{t}");
                assert_eq!(
                    path.hops.iter().map(|h| h.edge.relays()).sum::<u32>(),
                    path.relays
                );
            }
            (plan.join.len(), plan.relays, sets)
        })
        .collect();
    let unreachable = answer
        .unreachable
        .iter()
        .map(|u| u.target.as_str()[1..].parse().expect("h<n>"))
        .collect();
    (frontier, unreachable)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn the_frontier_equals_brute_force(net in net()) {
        prop_assert_eq!(planner(&net), brute_force(&net));
    }
}
