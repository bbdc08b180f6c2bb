//! Property tests: on random small networks the planner's Pareto frontier,
//! its alternatives, its paths, the assumptions they rest on and its
//! unreachable targets (with the reason and whom to ask) equal a brute-force
//! reference that tries every set of unions to join and runs a plain
//! shortest-path search for each, under the access rules picked for the
//! case. The planner on a prepared [`NetworkIndex`] must give the very same
//! answer as on the graph.
//!
//! The networks include one-way links, unions with several hosts, hospitals
//! hosting no union, facilities in several unions, recorded union
//! connections, what-if union links and agreements, exclusions and relay
//! limits.

mod support;

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::json;
use support::{leads, Reference};
use tsunagu_core::access::{Assumption, Rules};
use tsunagu_core::graph::{Edge, NetworkGraph, Node, UnionLink};
use tsunagu_core::index::NetworkIndex;
use tsunagu_core::model::{Dataset, HospitalId, UnionId};
use tsunagu_core::planner::{
    plan_joins, plan_joins_indexed, Entry, PlanLimits, PlanRequest, Start, TargetPath,
    UnreachableReason,
};
use tsunagu_core::whatif::{apply_what_if, Change, WhatIf};

#[derive(Clone, Debug)]
struct Net {
    rules: Rules,
    hospitals: usize,
    /// Whether each hospital discloses (only 開示病院 are named as whom to ask).
    discloses: Vec<bool>,
    /// Each union's hosts (hospital indices).
    hosts: Vec<Vec<usize>>,
    /// (from, to, directed) hospital links.
    links: Vec<(usize, usize, bool)>,
    /// (from, to) agreements a what-if adds (always two-way).
    proposed_links: Vec<(usize, usize)>,
    /// (a, b, directed) union connections recorded in the data.
    recorded: Vec<(usize, usize, bool)>,
    /// (a, b, directed) what-if union links.
    union_links: Vec<(usize, usize, bool)>,
    members: Vec<bool>,
    excluded: Vec<bool>,
    targets: Vec<usize>,
    max_relays: Option<u32>,
}

impl Net {
    /// Hospital links of both kinds: they count alike.
    fn all_links(&self) -> Vec<(usize, usize, bool)> {
        let proposed = self.proposed_links.iter().map(|&(a, b)| (a, b, false));
        self.links.iter().copied().chain(proposed).collect()
    }

    /// Union links of both kinds: they count alike.
    fn all_union_links(&self) -> Vec<(usize, usize, bool)> {
        self.recorded
            .iter()
            .chain(&self.union_links)
            .copied()
            .collect()
    }

    /// The reference over the network, with every link of either kind.
    fn with_reference<T>(&self, f: impl FnOnce(Reference<'_>) -> T) -> T {
        let (links, union_links) = (self.all_links(), self.all_union_links());
        f(Reference {
            hospitals: self.hospitals,
            hosts: &self.hosts,
            links: &links,
            union_links: &union_links,
            rules: self.rules,
        })
    }

    fn relays_with(&self, entries: &[usize]) -> Vec<Option<u32>> {
        self.with_reference(|r| r.relays(entries))
    }

    /// The 開示病院 `t` has a hospital link with, recorded or proposed.
    fn shares_with(&self, t: usize) -> Vec<usize> {
        self.with_reference(|r| r.shares_with(t, &self.discloses))
    }
}

fn rules() -> impl Strategy<Value = Rules> {
    prop_oneof![Just(Rules::Confirmed), Just(Rules::AssumeAgreements)]
}

type Pairs = Vec<(usize, usize, bool)>;

/// Up to `most` pairs of distinct nodes among `n`, each possibly one-way.
fn pairs(n: usize, most: usize) -> impl Strategy<Value = Pairs> {
    prop::collection::vec((0..n, 0..n, any::<bool>()), 0..=most)
        .prop_map(|v| v.into_iter().filter(|(a, b, _)| a != b).collect())
}

fn net() -> impl Strategy<Value = Net> {
    (rules(), 1_usize..=6, 1_usize..=6).prop_flat_map(|(rules, h, u)| {
        (
            (
                Just(rules),
                Just(h),
                prop::collection::vec(prop::bool::weighted(0.8), h),
                prop::collection::vec(prop::collection::vec(0..h, 1..=2), u),
                pairs(h, 8),
                pairs(h, 1).prop_map(|v| v.into_iter().map(|(a, b, _)| (a, b)).collect()),
                pairs(u, 2),
                pairs(u, 2),
            ),
            (
                prop::collection::vec(prop::bool::weighted(0.25), u),
                prop::collection::vec(prop::bool::weighted(0.15), u),
                prop::collection::vec(0..h, 1..=4),
                prop::option::of(0_u32..=3),
            ),
        )
            .prop_map(
                |(
                    (
                        rules,
                        hospitals,
                        discloses,
                        hosts,
                        links,
                        proposed_links,
                        recorded,
                        union_links,
                    ),
                    (members, excluded, targets, max_relays),
                )| Net {
                    rules,
                    hospitals,
                    discloses,
                    hosts,
                    links,
                    proposed_links,
                    recorded,
                    union_links,
                    members,
                    excluded,
                    targets,
                    max_relays,
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
        .map(|i| json!({"id": format!("h{i}"), "name": format!("H{i}"), "name_en": format!("H{i}"), "discloses": net.discloses[i], "sources": []}))
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
            json!({"id": format!("l{i}"), "kind": if i % 2 == 0 { "agreement" } else { "idlink_partner" }, "from": format!("h{a}"), "to": format!("h{b}"), "directed": directed, "source": source()})
        })
        .collect();
    let what_if = WhatIf {
        name: "random".into(),
        changes: net
            .proposed_links
            .iter()
            .map(|&(a, b)| Change::AddAgreement {
                from: HospitalId(format!("h{a}")),
                to: HospitalId(format!("h{b}")),
            })
            .collect(),
    };
    let recorded: Vec<_> = net
        .recorded
        .iter()
        .enumerate()
        .map(|(i, (a, b, directed))| {
            json!({"id": format!("c{i}"), "a": format!("u{a}"), "b": format!("u{b}"), "directed": directed, "source": source()})
        })
        .collect();
    let data: Dataset = serde_json::from_value(json!({
        "schema_version": 1,
        "meta": {"id": "t", "title": {"ja": "t", "en": "t"}, "source_title": "t", "source_author": "t", "source_date": "2023-10-31"},
        "sections": [], "wards": [], "hospitals": hospitals, "unions": unions, "links": links,
        "union_links": recorded, "facilities": [],
        "designations": [], "designation_listings": [], "printed_ratios": [], "printed_totals": [],
        "council": {"name": "c", "founded": "2023-10-31", "secretariat": "h0", "members": [], "observers": [], "sources": []},
        "milestones": [], "discrepancies": []
    }))
    .expect("a well-formed dataset");
    // `apply_what_if` adds the what-if agreements, each two-way.
    apply_what_if(&data, &what_if).0
}

fn union_id(u: usize) -> UnionId {
    UnionId(format!("u{u}"))
}

type Frontier = Vec<(usize, u32, BTreeSet<Vec<usize>>)>;
/// An unreachable target: its index, the reason, and the 開示病院 it shares with.
type Unreached = Vec<(usize, UnreachableReason, Vec<usize>)>;

/// The distinct targets, in the order first asked for.
fn distinct_targets(net: &Net) -> Vec<usize> {
    let mut out = Vec::new();
    for &t in &net.targets {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Why `t` is out of reach, the reasons taken in their order of precedence:
/// it hosts no union (and, assuming agreements, no link leads to it
/// either); only excluded unions reach it in time; it needs more relays
/// than allowed; nothing reaches it.
fn reason(net: &Net, t: usize, limit: u32) -> UnreachableReason {
    let unions = net.hosts.len();
    let from_each: Vec<Option<u32>> = (0..unions).map(|u| net.relays_with(&[u])[t]).collect();
    let excluded: Vec<UnionId> = (0..unions)
        .filter(|&u| net.excluded[u] && !net.members[u])
        .filter(|&u| from_each[u].is_some_and(|d| d <= limit))
        .map(union_id)
        .collect();
    let fewest = from_each.iter().flatten().min().copied();
    let hosts_none = !net.hosts.iter().any(|hosts| hosts.contains(&t));
    let no_link_leads = match net.rules {
        Rules::Confirmed => true,
        Rules::AssumeAgreements => fewest.is_none(),
    };
    if hosts_none && no_link_leads {
        UnreachableReason::HostsNoUnion
    } else if !excluded.is_empty() {
        UnreachableReason::OnlyExcluded { unions: excluded }
    } else if let Some(needed) = fewest.filter(|&d| d > limit) {
        UnreachableReason::TooManyRelays {
            needed,
            allowed: limit,
        }
    } else {
        UnreachableReason::NoPath
    }
}

/// Every subset of the candidate unions, each scored by a fresh search.
fn brute_force(net: &Net) -> (Frontier, Unreached) {
    let unions = net.hosts.len();
    let members: Vec<usize> = (0..unions).filter(|&i| net.members[i]).collect();
    let candidates: Vec<usize> = (0..unions)
        .filter(|&i| !net.members[i] && !net.excluded[i])
        .collect();
    let limit = net.max_relays.unwrap_or(u32::MAX);
    let everything: Vec<usize> = members.iter().chain(&candidates).copied().collect();
    let best = net.relays_with(&everything);
    let (reachable, unreachable): (Vec<usize>, Vec<usize>) = distinct_targets(net)
        .into_iter()
        .partition(|&t| best[t].is_some_and(|d| d <= limit));
    let unreachable: Unreached = unreachable
        .into_iter()
        .map(|t| (t, reason(net, t, limit), net.shares_with(t)))
        .collect();
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
        let dist = net.relays_with(&entries);
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

fn index_of(id: &str) -> usize {
    id[1..].parse().expect("u<n> or h<n>")
}

/// Checks that `path` is a walk of the reference network under the rules,
/// from its union to its target, and returns the assumptions its steps
/// rest on: agreements for a hospital link, the what-if for a what-if
/// union link or agreement (a recorded connection rests on nothing).
fn walk(net: &Net, path: &TargetPath) -> BTreeSet<Assumption> {
    let unions = net.hosts.len();
    let mut assumptions = BTreeSet::new();
    let mut at = Node::Union(path.union.clone());
    for hop in &path.hops {
        match (&at, &hop.edge, &hop.node) {
            (Node::Union(u), Edge::HostedBy, Node::Hospital(h)) => {
                assert!(
                    net.hosts[index_of(u.as_str())].contains(&index_of(h.as_str())),
                    "{u} does not host {h}"
                );
            }
            (Node::Hospital(a), Edge::Link { link, .. }, Node::Hospital(b)) => {
                assert_eq!(
                    net.rules,
                    Rules::AssumeAgreements,
                    "a hospital link relays only when agreements are assumed"
                );
                let (a, b) = (index_of(a.as_str()), index_of(b.as_str()));
                assumptions.insert(Assumption::Agreements);
                // Recorded links are `l<i>`; `apply_what_if` names its own
                // `whatif-<change>`, two-way.
                if let Some(change) = link.as_str().strip_prefix("whatif-") {
                    let (x, y) = net.proposed_links[change.parse::<usize>().expect("a change")];
                    assert!(
                        (x, y) == (a, b) || (x, y) == (b, a),
                        "{link} is not h{a} → h{b}"
                    );
                    assumptions.insert(Assumption::WhatIf);
                } else {
                    let (x, y, directed) = net.links[index_of(link.as_str())];
                    assert!(
                        leads(&[(x, y, directed)], a, b),
                        "{link} is not h{a} → h{b}"
                    );
                }
            }
            (Node::Union(a), Edge::UnionLink { source, .. }, Node::Union(b)) => {
                let (a, b) = (index_of(a.as_str()), index_of(b.as_str()));
                assert!(a < unions && b < unions);
                if source.is_some() {
                    assert!(leads(&net.recorded, a, b), "no recorded u{a} → u{b}");
                } else {
                    assert!(leads(&net.union_links, a, b), "no proposed u{a} → u{b}");
                    assumptions.insert(Assumption::WhatIf);
                }
            }
            step => panic!("not a step of the network: {step:?}"),
        }
        at = hop.node.clone();
    }
    assert_eq!(
        at,
        Node::Hospital(path.target.clone()),
        "the path ends at its target"
    );
    assumptions
}

fn planner(net: &Net) -> (Frontier, Unreached) {
    let data = dataset(net);
    let union_links: Vec<UnionLink> = net
        .union_links
        .iter()
        .map(|&(a, b, directed)| UnionLink {
            a: union_id(a),
            b: union_id(b),
            directed,
            label: "what-if".into(),
            source: None,
        })
        .collect();
    let graph = NetworkGraph::build(&data, &union_links, net.rules);
    let ids = |flags: &[bool]| -> Vec<UnionId> {
        flags
            .iter()
            .enumerate()
            .filter(|&(_, &f)| f)
            .map(|(i, _)| union_id(i))
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
    assert_eq!(answer.rules, net.rules);
    // The prepared index must give the very same answer, paths included.
    let index = NetworkIndex::new(&data, &graph);
    let indexed = plan_joins_indexed(&index, &request, limits).expect("a valid request");
    assert_eq!(indexed, answer, "the index's plan differs from the graph's");
    let index = |id: &UnionId| index_of(id.as_str());
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
            // Each path's relays must be what the reference finds for that
            // plan, from a union the plan enters, along the network's steps.
            let entries: Vec<usize> = answer.members.iter().chain(&plan.join).map(index).collect();
            let dist = net.relays_with(&entries);
            let mut assumptions = BTreeSet::new();
            for path in &plan.paths {
                let t = index_of(path.target.as_str());
                assert_eq!(Some(path.relays), dist[t], "path relays to h{t}");
                let u = index(&path.union);
                assert!(entries.contains(&u));
                assert_eq!(path.entry == Entry::Member, net.members[u]);
                assert_eq!(net.relays_with(&[u])[t], Some(path.relays));
                assert_eq!(
                    path.hops.iter().map(|h| h.edge.relays()).sum::<u32>(),
                    path.relays
                );
                assumptions.extend(walk(net, path));
            }
            // Agreements iff some path uses a hospital link, the what-if iff
            // some path crosses a what-if union link, in that order.
            assert_eq!(
                plan.assumptions,
                assumptions.into_iter().collect::<Vec<_>>(),
                "assumptions of {:?}",
                plan.join
            );
            (plan.join.len(), plan.relays, sets)
        })
        .collect();
    let unreachable = answer
        .unreachable
        .iter()
        .map(|u| {
            (
                index_of(u.target.as_str()),
                u.reason.clone(),
                u.shares_with.iter().map(|h| index_of(h.as_str())).collect(),
            )
        })
        .collect();
    (frontier, unreachable)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_frontier_equals_brute_force(net in net()) {
        prop_assert_eq!(planner(&net), brute_force(&net));
    }
}
