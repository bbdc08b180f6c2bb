//! The network prepared for many queries: a compact (CSR) layout with ids
//! mapped once, searches that reuse their buffers, and the reach matrix
//! computed with bitsets
//! (in [`crate::reach`]).
//!
//! [`NetworkGraph`] is the network as records; [`NetworkIndex`] is the same
//! network laid out for speed. Build the index once per dataset (or per
//! what-if scenario) and keep it: every query after that touches only flat
//! arrays.
//!
//! ```text
//!  dense node:   0 ‥ H-1 hospitals │ H ‥ H+U-1 unions      (facilities apart)
//!  out_start:    [0, 2, 3, 3, …]   one offset per node, then the total
//!  out_to:       [4, 7, 1, …]      edge targets, grouped by source
//!  out_relays:   [1, 1, 0, …]      1 for a hospital or union link, 0 for hosting
//! ```
//!
//! - **Ids mapped once.** Hospital, union and facility ids become `u32`s when
//!   the index is built; searches never hash a string.
//! - **Epoch stamps.** A search's distances are valid only where the node's
//!   stamp equals the search's epoch, so starting a search costs one
//!   increment instead of clearing arrays as long as the graph.
//! - **No allocation on the hot path.** The scratch buffers (stamps,
//!   distances, parents, the deque) live in the index and are reused by
//!   every search; only answers are allocated.
//! - **Bitsets for the reach matrix.** Sixty-four unions' reach is computed at
//!   once, layer by layer: a node's bitset holds the unions that reach it
//!   within `k` relays (64 unions to a word), and each layer ORs the newly
//!   reached unions along the links. See [`crate::reach`].

mod scratch;
mod search;

use std::cell::RefCell;
use std::collections::HashMap;

use crate::access::Rules;
use crate::graph::union_links_in_force;
use crate::graph::{Compact, Edge, NetworkGraph, Node, Proposed, UnionLink};
use crate::model::{Dataset, FacilityId, HospitalId, UnionId};

use scratch::Scratch;
pub(crate) use scratch::{Csr, NONE};

/// The network laid out for many fast queries (see the module docs).
///
/// Build it once with [`NetworkIndex::build`] (or [`NetworkIndex::new`] from
/// a graph you already have) and keep it; plan with
/// [`crate::planner::plan_joins_indexed`].
///
/// ```
/// use tsunagu_core::access::Rules;
/// use tsunagu_core::index::NetworkIndex;
/// use tsunagu_core::model::{FacilityId, HospitalId};
/// use tsunagu_core::planner::{plan_joins_indexed, PlanLimits, PlanRequest, Start};
/// use tsunagu_core::synth::{synthesize, Scale};
///
/// let data = synthesize(Scale::HOKKAIDO, 1);
/// let index = NetworkIndex::build(&data, &[], Rules::Confirmed);
/// let request = PlanRequest {
///     start: Start::Facility(FacilityId::from("f0")),
///     targets: vec![data.unions[3].hosts[0].clone()],
///     max_relays: None,
///     exclude: Vec::new(),
/// };
/// let answer = plan_joins_indexed(&index, &request, PlanLimits::default()).unwrap();
/// assert!(!answer.plans.is_empty());
/// let matrix = index.reach_matrix();
/// assert_eq!(matrix.unions.len(), 50);
/// ```
#[derive(Debug)]
pub struct NetworkIndex {
    pub(crate) nodes: Vec<Node>,
    pub(crate) forward: Csr,
    pub(crate) backward: Csr,
    /// The source of each forward edge, and its record (for paths; `None`
    /// in an index made by [`NetworkIndex::for_reach`]).
    pub(crate) edge_from: Vec<u32>,
    pub(crate) edges: Vec<Option<Edge>>,
    pub(crate) unions: Vec<UnionId>,
    pub(crate) union_rows: Vec<u32>,
    pub(crate) union_row_of: HashMap<UnionId, u32>,
    pub(crate) hospitals: Vec<HospitalId>,
    /// Each dense node's index in `hospitals`, or `u32::MAX` for a union.
    pub(crate) hospital_column: Vec<u32>,
    pub(crate) hospital_of: HashMap<HospitalId, u32>,
    pub(crate) facility_of: HashMap<FacilityId, u32>,
    /// Each facility's unions as rows, in [`NetworkGraph::memberships`]' order.
    pub(crate) facility_start: Vec<u32>,
    pub(crate) facility_rows: Vec<u32>,
    /// Facilities grouped by identical union sets: rows, then how many.
    pub(crate) group_start: Vec<u32>,
    pub(crate) group_rows: Vec<u32>,
    pub(crate) group_size: Vec<u64>,
    /// The 開示病院, in the dataset's order, and their dense nodes.
    pub(crate) disclosing: Vec<HospitalId>,
    pub(crate) disclosing_nodes: Vec<u32>,
    pub(crate) rules: Rules,
    /// Each hospital's 開示病院 partners (empty in a reach-only index).
    pub(crate) shares: HashMap<HospitalId, Vec<HospitalId>>,
    /// What a what-if put in (as [`NetworkGraph::proposed`]).
    pub(crate) proposed: Proposed,
    scratch: RefCell<Scratch>,
}

impl NetworkIndex {
    /// Builds the graph of `data` with `union_links` and indexes it.
    ///
    /// # Complexity
    /// O(records), plus sorting each facility's unions.
    pub fn build(data: &Dataset, union_links: &[UnionLink], rules: Rules) -> Self {
        Self::new(data, &NetworkGraph::build(data, union_links, rules))
    }

    /// The rules the index was built under.
    pub fn rules(&self) -> Rules {
        self.rules
    }

    /// As [`NetworkGraph::shares_with`] (empty in an index made by
    /// [`NetworkIndex::for_reach`]).
    pub fn shares_with(&self, hospital: &HospitalId) -> Vec<HospitalId> {
        self.shares.get(hospital).cloned().unwrap_or_default()
    }

    /// An index for the reach matrix only, built straight from the records
    /// (hospitals, unions, links and `union_links`), skipping the
    /// facilities and the edges' records: what a what-if scenario needs
    /// recomputed. It knows no facility and gives no paths
    /// ([`NetworkIndex::path`] answers `None`), so plan on an index made by
    /// [`NetworkIndex::new`] or [`NetworkIndex::build`].
    ///
    /// # Complexity
    /// O(hospitals + unions + links): no facility is read.
    pub fn for_reach(data: &Dataset, union_links: &[UnionLink], rules: Rules) -> Self {
        let mut nodes = Vec::with_capacity(data.hospitals.len() + data.unions.len());
        let mut hospital_of: HashMap<HospitalId, u32> = HashMap::new();
        for h in &data.hospitals {
            hospital_of.insert(h.id.clone(), u32::try_from(nodes.len()).unwrap_or(NONE));
            nodes.push(Node::Hospital(h.id.clone()));
        }
        let mut union_node: HashMap<&UnionId, u32> = HashMap::new();
        let mut out: Vec<Vec<(u32, u8, Option<Edge>)>> = vec![Vec::new(); data.hospitals.len()];
        for u in &data.unions {
            let node = u32::try_from(nodes.len()).unwrap_or(NONE);
            union_node.insert(&u.id, node);
            nodes.push(Node::Union(u.id.clone()));
            out.push(
                u.hosts
                    .iter()
                    .filter_map(|h| Some((*hospital_of.get(h)?, 0, None)))
                    .collect(),
            );
        }
        // No edge records: this index answers reach and relays, not paths.
        let hospital_links = if rules.counts_hospital_links() {
            data.links.as_slice()
        } else {
            &[]
        };
        for link in hospital_links {
            let (Some(&a), Some(&b)) = (hospital_of.get(&link.from), hospital_of.get(&link.to))
            else {
                continue;
            };
            if !link.directed {
                out[b as usize].push((a, 1, None));
            }
            out[a as usize].push((b, 1, None));
        }
        for link in &union_links_in_force(data, union_links) {
            let (Some(&a), Some(&b)) = (union_node.get(&link.a), union_node.get(&link.b)) else {
                continue;
            };
            if !link.directed {
                out[b as usize].push((a, 1, None));
            }
            out[a as usize].push((b, 1, None));
        }
        let union_rows = data
            .unions
            .iter()
            .map(|u| union_node.get(&u.id).copied().unwrap_or(NONE))
            .collect();
        let compact = Compact {
            nodes,
            out,
            union_rows,
            hospitals: hospital_of.into_iter().collect(),
            facilities: Vec::new(),
        };
        let unions = data.unions.iter().map(|u| u.id.clone()).collect();
        Self::from_compact(data, compact, unions, rules)
    }

    /// Indexes a graph already built from `data`.
    ///
    /// # Complexity
    /// O(V + E) plus sorting each facility's unions.
    pub fn new(data: &Dataset, graph: &NetworkGraph) -> Self {
        Self::from_graph(data, graph, true)
    }

    pub(crate) fn from_graph(data: &Dataset, graph: &NetworkGraph, with_facilities: bool) -> Self {
        let mut index = Self::from_compact(
            data,
            graph.compact(with_facilities),
            graph.unions().to_vec(),
            graph.rules(),
        );
        if with_facilities {
            index.shares.clone_from(graph.shares());
        }
        index
    }

    #[allow(clippy::too_many_lines)] // one pass per array of the layout, in order
    fn from_compact(data: &Dataset, compact: Compact, unions: Vec<UnionId>, rules: Rules) -> Self {
        let n = compact.nodes.len();
        let mut forward = Csr {
            start: Vec::with_capacity(n + 1),
            ..Csr::default()
        };
        let mut edge_from = Vec::new();
        let mut edges = Vec::new();
        let mut in_degree = vec![0_u32; n + 1];
        forward.start.push(0);
        for (from, out) in compact.out.into_iter().enumerate() {
            for (to, relays, edge) in out {
                forward.to.push(to);
                forward.relays.push(relays);
                edge_from.push(u32::try_from(from).unwrap_or(NONE));
                edges.push(edge);
                in_degree[to as usize + 1] += 1;
            }
            forward
                .start
                .push(u32::try_from(forward.to.len()).unwrap_or(NONE));
        }
        // The backward CSR by counting sort of the forward edges by target.
        for i in 1..=n {
            in_degree[i] += in_degree[i - 1];
        }
        let mut fill = in_degree.clone();
        let mut backward = Csr {
            start: in_degree,
            to: vec![0; forward.to.len()],
            relays: vec![0; forward.to.len()],
        };
        for (e, &to) in forward.to.iter().enumerate() {
            let slot = &mut fill[to as usize];
            backward.to[*slot as usize] = edge_from[e];
            backward.relays[*slot as usize] = forward.relays[e];
            *slot += 1;
        }

        let mut union_row_of = HashMap::new();
        for (row, u) in unions.iter().enumerate() {
            union_row_of
                .entry(u.clone())
                .or_insert(u32::try_from(row).unwrap_or(NONE));
        }
        let mut hospitals = Vec::new();
        let mut hospital_column = vec![NONE; n];
        for (i, node) in compact.nodes.iter().enumerate() {
            if let Node::Hospital(id) = node {
                hospital_column[i] = u32::try_from(hospitals.len()).unwrap_or(NONE);
                hospitals.push(id.clone());
            }
        }
        let hospital_of: HashMap<HospitalId, u32> = compact.hospitals.into_iter().collect();

        let mut facility_of = HashMap::with_capacity(compact.facilities.len());
        let mut facility_start = vec![0];
        let mut facility_rows = Vec::new();
        let mut groups: HashMap<Vec<u32>, u64> = HashMap::new();
        for (i, (id, rows)) in compact.facilities.into_iter().enumerate() {
            facility_of.insert(id, u32::try_from(i).unwrap_or(NONE));
            facility_rows.extend_from_slice(&rows);
            facility_start.push(u32::try_from(facility_rows.len()).unwrap_or(NONE));
            *groups.entry(rows).or_default() += 1;
        }
        let mut groups: Vec<(Vec<u32>, u64)> = groups.into_iter().collect();
        groups.sort_unstable();
        let mut group_start = vec![0];
        let mut group_rows = Vec::new();
        let mut group_size = Vec::new();
        for (rows, size) in groups {
            group_rows.extend(rows);
            group_start.push(u32::try_from(group_rows.len()).unwrap_or(NONE));
            group_size.push(size);
        }

        let disclosing = data.disclosing_ids();
        let disclosing_nodes = disclosing
            .iter()
            .map(|h| hospital_of.get(h).copied().unwrap_or(NONE))
            .collect();
        Self {
            nodes: compact.nodes,
            forward,
            backward,
            edge_from,
            edges,
            unions,
            union_rows: compact.union_rows,
            union_row_of,
            hospitals,
            hospital_column,
            hospital_of,
            facility_of,
            facility_start,
            facility_rows,
            group_start,
            group_rows,
            group_size,
            disclosing,
            disclosing_nodes,
            rules,
            shares: HashMap::new(),
            proposed: Proposed::of(data),
            scratch: RefCell::new(Scratch::new(n)),
        }
    }

    /// The unions and memberships a what-if put into the data.
    pub fn proposed(&self) -> &Proposed {
        &self.proposed
    }

    /// The unions, in the dataset's order (as [`NetworkGraph::unions`]).
    pub fn unions(&self) -> &[UnionId] {
        &self.unions
    }

    /// The hospitals, in the dataset's order: the columns of
    /// [`NetworkIndex::relays_from_facility`].
    pub fn hospitals(&self) -> &[HospitalId] {
        &self.hospitals
    }

    /// The 開示病院 in the dataset's order: the columns of
    /// [`NetworkIndex::reach_matrix`] and [`NetworkIndex::facilities_reaching`].
    pub fn disclosing(&self) -> &[HospitalId] {
        &self.disclosing
    }

    /// The facilities known to the index (each id once), in no set order.
    pub fn facility_ids(&self) -> impl Iterator<Item = &FacilityId> {
        self.facility_of.keys()
    }

    /// Whether the index knows this union.
    pub fn has_union(&self, union: &UnionId) -> bool {
        self.union_row_of.contains_key(union)
    }

    /// Whether the index knows this facility.
    pub fn has_facility(&self, facility: &FacilityId) -> bool {
        self.facility_of.contains_key(facility)
    }

    /// Whether the index knows this hospital.
    pub fn has_hospital(&self, hospital: &HospitalId) -> bool {
        self.hospital_of.contains_key(hospital)
    }

    fn facility_union_rows(&self, facility: &FacilityId) -> &[u32] {
        let Some(&f) = self.facility_of.get(facility) else {
            return &[];
        };
        let f = f as usize;
        &self.facility_rows[self.facility_start[f] as usize..self.facility_start[f + 1] as usize]
    }

    /// The unions a facility belongs to, in the dataset's order.
    pub fn memberships(&self, facility: &FacilityId) -> Vec<UnionId> {
        self.facility_union_rows(facility)
            .iter()
            .map(|&r| self.unions[r as usize].clone())
            .collect()
    }
}
