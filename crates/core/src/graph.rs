//! The network as a petgraph graph: facilities, unions and hospitals, and the
//! edges along which records can be viewed.
//!
//! ```text
//!   facility ──member of──▶ union ──hosted by──▶ hospital ──link──▶ hospital
//!                             │                      ▲
//!                             └──union link (what-if)┘ (via another union)
//! ```
//!
//! Edges point the way information is *reached*: a member of a union views
//! the records of the union's hosts. Which other edges exist depends on the
//! [`Rules`] in force (see [`crate::access`]): union links (recorded, or
//! proposed by a what-if) always; hospital links only under
//! [`Rules::AssumeAgreements`], since the report never says they open a
//! partner's records to member facilities. A two-way link becomes two edges;
//! a one-way link one. Hosting costs no relay; every hospital-to-hospital or
//! union-to-union step is one relay.
//!
//! `NodeIndex` never leaves this module: callers speak in ids.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::access::{Assumption, Rules};
use crate::model::{Dataset, FacilityId, HospitalId, LinkId, LinkKind, Source, UnionId};

/// A node of the network.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Node {
    /// A member facility (閲覧施設).
    Facility(FacilityId),
    /// An ID-Link ユニオン.
    Union(UnionId),
    /// A hospital.
    Hospital(HospitalId),
}

/// How one node reaches the next.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Edge {
    /// facility → union: the facility is a member.
    MemberOf,
    /// union → hospital: the union's members view this hospital's records.
    HostedBy,
    /// hospital → hospital: a 病院間協定 or an ID-Link 連携病院 entry.
    Link {
        /// Which kind.
        kind: LinkKind,
        /// The link record.
        link: LinkId,
        /// Where the report prints it.
        source: Source,
    },
    /// union → union: a recorded connection (with its source) or one a
    /// what-if proposes (no source).
    UnionLink {
        /// The connection's id, or the what-if's name for it.
        label: String,
        /// Where a recorded connection is printed; `None` for a what-if.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<Source>,
    },
}

impl Edge {
    /// The relays this step costs: 1 for a hospital or union link, else 0.
    pub fn relays(&self) -> u32 {
        match self {
            Edge::Link { .. } | Edge::UnionLink { .. } => 1,
            Edge::MemberOf | Edge::HostedBy => 0,
        }
    }
}

/// A connection between two unions: proposed in a what-if, or
/// recorded in the data (then with its source).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnionLink {
    /// One union.
    pub a: UnionId,
    /// The other.
    pub b: UnionId,
    /// `true` when it runs only from `a` to `b`.
    pub directed: bool,
    /// A name for it, shown in paths.
    pub label: String,
    /// Where a recorded connection is printed; `None` for a what-if.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// The network graph of a dataset, with ids mapped to nodes once.
#[derive(Clone, Debug)]
pub struct NetworkGraph {
    graph: DiGraph<Node, Edge>,
    unions: HashMap<UnionId, NodeIndex>,
    hospitals: HashMap<HospitalId, NodeIndex>,
    facilities: HashMap<FacilityId, NodeIndex>,
    union_order: Vec<UnionId>,
    rules: Rules,
    /// Each hospital's 開示病院 partners: context, not edges.
    shares: HashMap<HospitalId, Vec<HospitalId>>,
    /// What a what-if put in.
    proposed: Proposed,
}

/// What a what-if put into the dataset it was applied to: the unions it
/// supposes go live and the memberships it supposes are taken out (each
/// sourced to the what-if, [`crate::model::WHAT_IF_SECTION`]). Empty for the
/// report's data. A plan that starts from, or passes through, any of them
/// rests on the what-if, as a plan through a proposed union link does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proposed {
    unions: HashSet<UnionId>,
    members: HashSet<(FacilityId, UnionId)>,
}

impl Proposed {
    /// The proposed unions and memberships in `data`.
    ///
    /// # Complexity
    /// O(unions + memberships).
    pub fn of(data: &Dataset) -> Self {
        let proposed = |source: &Source| source.section.0 == crate::model::WHAT_IF_SECTION;
        Self {
            unions: data
                .unions
                .iter()
                .filter(|u| u.sources.iter().any(proposed))
                .map(|u| u.id.clone())
                .collect(),
            members: data
                .facilities
                .iter()
                .flat_map(|f| {
                    f.memberships
                        .iter()
                        .filter(|m| proposed(&m.source))
                        .map(|m| (f.id.clone(), m.union.clone()))
                })
                .collect(),
        }
    }

    /// Whether a what-if supposes this union (it does not exist yet).
    pub fn union(&self, union: &UnionId) -> bool {
        self.unions.contains(union)
    }

    /// Whether a what-if supposes the facility is a member of the union.
    pub fn membership(&self, facility: &FacilityId, union: &UnionId) -> bool {
        self.members.contains(&(facility.clone(), union.clone()))
    }
}

/// [`NetworkGraph::compact`]'s output: the graph with dense `u32` node
/// numbers in place of petgraph's indices.
pub(crate) struct Compact {
    /// Hospitals and unions, by dense number.
    pub nodes: Vec<Node>,
    /// Each node's outgoing edges (member-of excluded): target, relays
    /// (0 or 1), and the edge's record where paths are wanted.
    pub out: Vec<Vec<(u32, u8, Option<Edge>)>>,
    /// The dense node of each union in [`NetworkGraph::unions`]' order.
    pub union_rows: Vec<u32>,
    /// Each hospital id's dense node.
    pub hospitals: Vec<(HospitalId, u32)>,
    /// Each facility id and its unions as rows of [`NetworkGraph::unions`],
    /// in the order [`NetworkGraph::memberships`] gives them.
    pub facilities: Vec<(FacilityId, Vec<u32>)>,
}

/// One step of a path: the node reached and the edge it was reached by.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Hop {
    /// The edge taken.
    pub edge: Edge,
    /// The node reached.
    pub node: Node,
}

impl NetworkGraph {
    /// Builds the graph of `data` under `rules`: hosting, the data's recorded
    /// union connections, any union links a what-if proposes, and, only
    /// under [`Rules::AssumeAgreements`], the hospital links. References to
    /// unknown ids are skipped: `validate` reports them.
    ///
    /// # Complexity
    /// O(records).
    pub fn build(data: &Dataset, union_links: &[UnionLink], rules: Rules) -> Self {
        let mut graph = DiGraph::new();
        let mut unions = HashMap::new();
        let mut hospitals = HashMap::new();
        let mut facilities = HashMap::new();
        for hospital in &data.hospitals {
            let index = graph.add_node(Node::Hospital(hospital.id.clone()));
            hospitals.insert(hospital.id.clone(), index);
        }
        for union in &data.unions {
            let index = graph.add_node(Node::Union(union.id.clone()));
            unions.insert(union.id.clone(), index);
            for host in &union.hosts {
                if let Some(&h) = hospitals.get(host) {
                    graph.add_edge(index, h, Edge::HostedBy);
                }
            }
        }
        for facility in &data.facilities {
            let index = graph.add_node(Node::Facility(facility.id.clone()));
            facilities.insert(facility.id.clone(), index);
            // Only memberships the report says outright give access; one
            // inferred from a 幹事一覧 is the facility's to check.
            for membership in facility.memberships.iter().filter(|m| m.is_stated()) {
                if let Some(&u) = unions.get(&membership.union) {
                    graph.add_edge(index, u, Edge::MemberOf);
                }
            }
        }
        let hospital_links = if rules.counts_hospital_links() {
            data.links.as_slice()
        } else {
            &[]
        };
        for link in hospital_links {
            let (Some(&from), Some(&to)) = (hospitals.get(&link.from), hospitals.get(&link.to))
            else {
                continue;
            };
            let edge = Edge::Link {
                kind: link.kind,
                link: link.id.clone(),
                source: link.source.clone(),
            };
            graph.add_edge(from, to, edge.clone());
            if !link.directed {
                graph.add_edge(to, from, edge);
            }
        }
        for link in &union_links_in_force(data, union_links) {
            let (Some(&a), Some(&b)) = (unions.get(&link.a), unions.get(&link.b)) else {
                continue;
            };
            let edge = Edge::UnionLink {
                label: link.label.clone(),
                source: link.source.clone(),
            };
            graph.add_edge(a, b, edge.clone());
            if !link.directed {
                graph.add_edge(b, a, edge);
            }
        }
        let union_order = data.unions.iter().map(|u| u.id.clone()).collect();
        Self {
            graph,
            unions,
            hospitals,
            facilities,
            union_order,
            rules,
            shares: crate::access::shares_by_hospital(data),
            proposed: Proposed::of(data),
        }
    }

    /// The unions and memberships a what-if put into the data.
    pub fn proposed(&self) -> &Proposed {
        &self.proposed
    }

    /// The 開示病院 that `hospital` has a hospital link with, whatever the
    /// rules ([`crate::access::shares_with`]).
    pub fn shares_with(&self, hospital: &HospitalId) -> Vec<HospitalId> {
        self.shares.get(hospital).cloned().unwrap_or_default()
    }

    /// The hospitals' partner lists, for an index built from this graph.
    pub(crate) fn shares(&self) -> &HashMap<HospitalId, Vec<HospitalId>> {
        &self.shares
    }

    /// The rules the graph was built under.
    pub fn rules(&self) -> Rules {
        self.rules
    }

    /// The unions, in the dataset's order.
    pub fn unions(&self) -> &[UnionId] {
        &self.union_order
    }

    /// Whether the graph knows this union.
    pub fn has_union(&self, union: &UnionId) -> bool {
        self.unions.contains_key(union)
    }

    /// Whether the graph knows this facility.
    pub fn has_facility(&self, facility: &FacilityId) -> bool {
        self.facilities.contains_key(facility)
    }

    /// Whether the graph knows this hospital.
    pub fn has_hospital(&self, hospital: &HospitalId) -> bool {
        self.hospitals.contains_key(hospital)
    }

    /// The unions a facility belongs to, in the dataset's order.
    pub fn memberships(&self, facility: &FacilityId) -> Vec<UnionId> {
        let Some(&f) = self.facilities.get(facility) else {
            return Vec::new();
        };
        let mut unions: Vec<UnionId> = self
            .graph
            .neighbors_directed(f, Direction::Outgoing)
            .filter_map(|n| match &self.graph[n] {
                Node::Union(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
        crate::order::sort_by_key(&mut unions, |u| {
            self.union_order.iter().position(|o| o == u)
        });
        unions.dedup();
        unions
    }

    /// The fewest relays from a union to every hospital: 0 for its hosts,
    /// `None` where unreachable. Indexed like `hospitals` (the dataset's order
    /// is not kept; use [`NetworkGraph::relays_to`]).
    ///
    /// # Complexity
    /// O(V + E): a 0-1 breadth-first search.
    pub fn relays_from_union(&self, union: &UnionId) -> HashMap<HospitalId, u32> {
        let Some(&start) = self.unions.get(union) else {
            return HashMap::new();
        };
        let (dist, _) = self.search(start);
        self.hospitals
            .iter()
            .filter_map(|(id, &index)| dist[index.index()].map(|d| (id.clone(), d)))
            .collect()
    }

    /// The fewest relays from `union` to `hospital`, if reachable.
    pub fn relays_to(&self, union: &UnionId, hospital: &HospitalId) -> Option<u32> {
        let (&start, &goal) = (self.unions.get(union)?, self.hospitals.get(hospital)?);
        self.search(start).0[goal.index()]
    }

    /// A path with the fewest relays from `union` to `hospital`: the hops
    /// after the union, ending at the hospital.
    pub fn path(&self, union: &UnionId, hospital: &HospitalId) -> Option<Vec<Hop>> {
        let (&start, &goal) = (self.unions.get(union)?, self.hospitals.get(hospital)?);
        let (dist, parent) = self.search(start);
        dist[goal.index()]?;
        let mut hops = Vec::new();
        let mut at = goal;
        while at != start {
            let edge = parent[at.index()]?;
            let (from, _) = self.graph.edge_endpoints(edge)?;
            hops.push(Hop {
                edge: self.graph[edge].clone(),
                node: self.graph[at].clone(),
            });
            at = from;
        }
        hops.reverse();
        Some(hops)
    }

    /// The fewest relays from every union to `hospital`, in the order of
    /// [`NetworkGraph::unions`]; `None` where a union cannot reach it.
    ///
    /// # Complexity
    /// O(V + E): one 0-1 breadth-first search backwards from the hospital,
    /// so a plan costs one search per target, not one per union.
    pub fn relays_into(&self, hospital: &HospitalId) -> Vec<Option<u32>> {
        let Some(&goal) = self.hospitals.get(hospital) else {
            return vec![None; self.union_order.len()];
        };
        let n = self.graph.node_count();
        let mut dist: Vec<Option<u32>> = vec![None; n];
        let mut queue = VecDeque::new();
        dist[goal.index()] = Some(0);
        queue.push_back(goal);
        while let Some(node) = queue.pop_front() {
            let Some(d) = dist[node.index()] else {
                continue;
            };
            for edge in self.graph.edges_directed(node, Direction::Incoming) {
                let weight = edge.weight();
                if matches!(weight, Edge::MemberOf) {
                    continue;
                }
                let prev = edge.source();
                let candidate = d + weight.relays();
                if dist[prev.index()].is_none_or(|old| candidate < old) {
                    dist[prev.index()] = Some(candidate);
                    if weight.relays() == 0 {
                        queue.push_front(prev);
                    } else {
                        queue.push_back(prev);
                    }
                }
            }
        }
        self.union_order
            .iter()
            .map(|u| self.unions.get(u).and_then(|&i| dist[i.index()]))
            .collect()
    }

    /// The graph without facilities, numbered densely for
    /// [`crate::index::NetworkIndex`]: every hospital and union node in
    /// insertion order, each with its outgoing edges in the order petgraph
    /// visits them (so searches over it break ties as [`NetworkGraph::path`]
    /// does), plus the union rows and facilities by dense number.
    pub(crate) fn compact(&self, with_facilities: bool) -> Compact {
        let mut dense = vec![u32::MAX; self.graph.node_count()];
        let mut nodes = Vec::new();
        for index in self.graph.node_indices() {
            if !matches!(self.graph[index], Node::Facility(_)) {
                dense[index.index()] = u32::try_from(nodes.len()).unwrap_or(u32::MAX);
                nodes.push(self.graph[index].clone());
            }
        }
        let dense_of = |index: NodeIndex| dense[index.index()];
        let out = self
            .graph
            .node_indices()
            .filter(|&index| dense_of(index) != u32::MAX)
            .map(|index| {
                self.graph
                    .edges_directed(index, Direction::Outgoing)
                    .filter(|edge| !matches!(edge.weight(), Edge::MemberOf))
                    .map(|edge| {
                        let relays = u8::from(edge.weight().relays() > 0);
                        (dense_of(edge.target()), relays, Some(edge.weight().clone()))
                    })
                    .collect()
            })
            .collect();
        let union_rows = self
            .union_order
            .iter()
            .map(|u| self.unions.get(u).map_or(u32::MAX, |&i| dense_of(i)))
            .collect();
        let hospitals = self
            .hospitals
            .iter()
            .map(|(id, &i)| (id.clone(), dense_of(i)))
            .collect();
        // As `memberships`, by row: each union node's row is looked up once.
        let mut position: HashMap<&UnionId, u32> = HashMap::new();
        for (i, u) in self.union_order.iter().enumerate() {
            position
                .entry(u)
                .or_insert(u32::try_from(i).unwrap_or(u32::MAX));
        }
        let row_of_node: Vec<u32> = self
            .graph
            .node_indices()
            .map(|index| match &self.graph[index] {
                Node::Union(u) => position.get(u).copied().unwrap_or(u32::MAX),
                _ => u32::MAX,
            })
            .collect();
        let facilities = if with_facilities {
            self.facilities
                .iter()
                .map(|(id, &f)| {
                    let mut rows: Vec<u32> = self
                        .graph
                        .neighbors_directed(f, Direction::Outgoing)
                        .map(|n| row_of_node[n.index()])
                        .filter(|&row| row != u32::MAX)
                        .collect();
                    rows.sort_unstable();
                    rows.dedup();
                    (id.clone(), rows)
                })
                .collect()
        } else {
            Vec::new()
        };
        Compact {
            nodes,
            out,
            union_rows,
            hospitals,
            facilities,
        }
    }

    /// 0-1 BFS over union links, hosting and hospital links from `start`.
    /// Member-of edges are not followed: a search starts at a union.
    fn search(&self, start: NodeIndex) -> (Vec<Option<u32>>, Vec<Option<EdgeIndex>>) {
        let n = self.graph.node_count();
        let mut dist: Vec<Option<u32>> = vec![None; n];
        let mut parent: Vec<Option<EdgeIndex>> = vec![None; n];
        let mut queue = VecDeque::new();
        dist[start.index()] = Some(0);
        queue.push_back(start);
        while let Some(node) = queue.pop_front() {
            let Some(d) = dist[node.index()] else {
                continue;
            };
            for edge in self.graph.edges_directed(node, Direction::Outgoing) {
                let weight = edge.weight();
                if matches!(weight, Edge::MemberOf) {
                    continue;
                }
                let next = edge.target();
                let candidate = d + weight.relays();
                if dist[next.index()].is_none_or(|old| candidate < old) {
                    dist[next.index()] = Some(candidate);
                    parent[next.index()] = Some(edge.id());
                    if weight.relays() == 0 {
                        queue.push_front(next);
                    } else {
                        queue.push_back(next);
                    }
                }
            }
        }
        (dist, parent)
    }
}
/// The union links that count as access: the dataset's recorded
/// connections (each with its source), then a what-if's proposed ones.
pub fn union_links_in_force(data: &Dataset, proposed: &[UnionLink]) -> Vec<UnionLink> {
    data.union_links
        .iter()
        .map(|c| UnionLink {
            a: c.a.clone(),
            b: c.b.clone(),
            directed: c.directed,
            label: c.id.0.clone(),
            source: Some(c.source.clone()),
        })
        .chain(proposed.iter().cloned())
        .collect()
}

/// The assumptions a set of paths rests on, each once, in a fixed order
/// (agreements, then what-if). Empty when every step is confirmed. A
/// hospital link that a what-if added rests on both.
pub fn assumptions_of<'a>(hops: impl IntoIterator<Item = &'a Hop>) -> Vec<Assumption> {
    let (mut agreements, mut what_if) = (false, false);
    for hop in hops {
        match &hop.edge {
            Edge::Link { source, .. } => {
                agreements = true;
                what_if |= source.section.0 == crate::model::WHAT_IF_SECTION;
            }
            Edge::UnionLink { source: None, .. } => what_if = true,
            Edge::UnionLink {
                source: Some(_), ..
            }
            | Edge::MemberOf
            | Edge::HostedBy => {}
        }
    }
    let mut out = Vec::new();
    if agreements {
        out.push(Assumption::Agreements);
    }
    if what_if {
        out.push(Assumption::WhatIf);
    }
    out
}
