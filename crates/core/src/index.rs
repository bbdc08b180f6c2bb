//! The network prepared for many queries: a compact (CSR) layout with ids
//! mapped once, searches that reuse their buffers, and the reach matrix
//! computed with bitsets.
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
//!   reached unions along the links. See [`NetworkIndex::reach_matrix`].

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};

use crate::access::{union_links_in_force, Rules};
use crate::graph::{Compact, Edge, Hop, NetworkGraph, Node, UnionLink};
use crate::model::{Dataset, FacilityId, HospitalId, UnionId};
use crate::whatif::ReachMatrix;

const NONE: u32 = u32::MAX;

/// Buffers a search reuses; see the module's notes on epoch stamps.
#[derive(Clone, Debug, Default)]
struct Scratch {
    epoch: u32,
    stamp: Vec<u32>,
    dist: Vec<u32>,
    /// The forward edge a node was reached by (forward searches only).
    parent: Vec<u32>,
    deque: VecDeque<u32>,
    /// The nodes this search has reached, in the order first reached.
    visited: Vec<u32>,
}

impl Scratch {
    fn new(nodes: usize) -> Self {
        Self {
            epoch: 0,
            stamp: vec![0; nodes],
            dist: vec![0; nodes],
            parent: vec![NONE; nodes],
            deque: VecDeque::with_capacity(nodes),
            visited: Vec::with_capacity(nodes),
        }
    }

    /// Starts a search: every node becomes unvisited in O(1).
    fn begin(&mut self) {
        if self.epoch == u32::MAX {
            self.stamp.fill(0);
            self.epoch = 0;
        }
        self.epoch += 1;
        self.deque.clear();
        self.visited.clear();
    }

    fn get(&self, node: u32) -> Option<u32> {
        let i = node as usize;
        (self.stamp[i] == self.epoch).then(|| self.dist[i])
    }

    fn set(&mut self, node: u32, dist: u32, parent: u32) {
        let i = node as usize;
        if self.stamp[i] != self.epoch {
            self.visited.push(node);
        }
        self.stamp[i] = self.epoch;
        self.dist[i] = dist;
        self.parent[i] = parent;
    }
}

/// One CSR adjacency: `to[start[v]..start[v + 1]]` are `v`'s neighbours.
#[derive(Clone, Debug, Default)]
struct Csr {
    start: Vec<u32>,
    to: Vec<u32>,
    relays: Vec<u8>,
}

impl Csr {
    fn range(&self, node: u32) -> std::ops::Range<usize> {
        let i = node as usize;
        self.start[i] as usize..self.start[i + 1] as usize
    }
}

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
    nodes: Vec<Node>,
    forward: Csr,
    backward: Csr,
    /// The source of each forward edge, and its record (for paths; `None`
    /// in an index made by [`NetworkIndex::for_reach`]).
    edge_from: Vec<u32>,
    edges: Vec<Option<Edge>>,
    unions: Vec<UnionId>,
    union_rows: Vec<u32>,
    union_row_of: HashMap<UnionId, u32>,
    hospitals: Vec<HospitalId>,
    /// Each dense node's index in `hospitals`, or `u32::MAX` for a union.
    hospital_column: Vec<u32>,
    hospital_of: HashMap<HospitalId, u32>,
    facility_of: HashMap<FacilityId, u32>,
    /// Each facility's unions as rows, in [`NetworkGraph::memberships`]' order.
    facility_start: Vec<u32>,
    facility_rows: Vec<u32>,
    /// Facilities grouped by identical union sets: rows, then how many.
    group_start: Vec<u32>,
    group_rows: Vec<u32>,
    group_size: Vec<u64>,
    /// The 開示病院, in the dataset's order, and their dense nodes.
    disclosing: Vec<HospitalId>,
    disclosing_nodes: Vec<u32>,
    rules: Rules,
    /// Each hospital's 開示病院 partners (empty in a reach-only index).
    shares: HashMap<HospitalId, Vec<HospitalId>>,
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

    fn from_graph(data: &Dataset, graph: &NetworkGraph, with_facilities: bool) -> Self {
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
            scratch: RefCell::new(Scratch::new(n)),
        }
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

    /// Runs `body` with the scratch buffers; a re-entrant call (which the
    /// API never makes) gets fresh buffers instead of panicking.
    fn with_scratch<R>(&self, body: impl FnOnce(&mut Scratch) -> R) -> R {
        match self.scratch.try_borrow_mut() {
            Ok(mut scratch) => body(&mut scratch),
            Err(_) => body(&mut Scratch::new(self.nodes.len())),
        }
    }

    /// 0-1 BFS over `csr` from `starts` (all at 0 relays), stopping when
    /// `goal` is settled. Forward searches record parents.
    ///
    /// A node leaves the front of the deque with its final distance, so the
    /// early stop is exact; relaxing in petgraph's edge order makes the
    /// parents those [`NetworkGraph::path`] finds.
    fn search(&self, s: &mut Scratch, csr: &Csr, starts: &[u32], goal: Option<u32>) {
        s.begin();
        for &start in starts {
            if (start as usize) < self.nodes.len() && s.get(start).is_none() {
                s.set(start, 0, NONE);
                s.deque.push_back(start);
            }
        }
        while let Some(node) = s.deque.pop_front() {
            if Some(node) == goal {
                break;
            }
            let Some(d) = s.get(node) else { continue };
            for e in csr.range(node) {
                let next = csr.to[e];
                let w = u32::from(csr.relays[e]);
                let candidate = d + w;
                if s.get(next).is_none_or(|old| candidate < old) {
                    s.set(next, candidate, u32::try_from(e).unwrap_or(NONE));
                    if w == 0 {
                        s.deque.push_front(next);
                    } else {
                        s.deque.push_back(next);
                    }
                }
            }
        }
    }

    /// The fewest relays from every union to `hospital`, in the order of
    /// [`NetworkIndex::unions`] (as [`NetworkGraph::relays_into`]).
    ///
    /// # Complexity
    /// O(V + E) over unions and hospitals only, with no allocation but the answer.
    pub fn relays_into(&self, hospital: &HospitalId) -> Vec<Option<u32>> {
        let Some(&goal) = self.hospital_of.get(hospital) else {
            return vec![None; self.unions.len()];
        };
        self.with_scratch(|s| {
            self.search(s, &self.backward, &[goal], None);
            self.union_rows
                .iter()
                .map(|&node| if node == NONE { None } else { s.get(node) })
                .collect()
        })
    }

    /// The hospitals a facility reaches through the unions it belongs to,
    /// each with its fewest relays, written into `out` as (index into
    /// [`NetworkIndex::hospitals`], relays) in the order the search reaches
    /// them; hospitals not listed are unreachable. `false` (and `out` empty)
    /// for an unknown facility.
    ///
    /// # Complexity
    /// One 0-1 BFS over the part of the network the facility reaches, and
    /// nothing proportional to the rest; no allocation once `out` has grown.
    pub fn relays_from_facility(&self, facility: &FacilityId, out: &mut Vec<(usize, u32)>) -> bool {
        out.clear();
        if !self.facility_of.contains_key(facility) {
            return false;
        }
        self.with_scratch(|s| {
            let starts = self.facility_starts(facility);
            self.search(s, &self.forward, &starts, None);
            out.extend(s.visited.iter().filter_map(|&node| {
                let column = self.hospital_column[node as usize];
                (column != NONE).then(|| (column as usize, s.dist[node as usize]))
            }));
        });
        true
    }

    /// The fewest relays from a facility to one hospital through the unions
    /// it belongs to; `None` if unreachable or unknown.
    ///
    /// # Complexity
    /// A 0-1 BFS that stops when the hospital is settled.
    pub fn relays_between(&self, facility: &FacilityId, hospital: &HospitalId) -> Option<u32> {
        let &goal = self.hospital_of.get(hospital)?;
        if !self.facility_of.contains_key(facility) {
            return None;
        }
        self.with_scratch(|s| {
            let starts = self.facility_starts(facility);
            self.search(s, &self.forward, &starts, Some(goal));
            s.get(goal)
        })
    }

    /// A facility's unions as dense nodes (at most a handful: a small array).
    fn facility_starts(&self, facility: &FacilityId) -> SmallNodes {
        let mut out = SmallNodes::default();
        for &row in self.facility_union_rows(facility) {
            out.push(self.union_rows[row as usize]);
        }
        out
    }

    /// A path with the fewest relays from `union` to `hospital`, as
    /// [`NetworkGraph::path`] gives it.
    pub fn path(&self, union: &UnionId, hospital: &HospitalId) -> Option<Vec<Hop>> {
        let &row = self.union_row_of.get(union)?;
        let start = self.union_rows[row as usize];
        let &goal = self.hospital_of.get(hospital)?;
        self.with_scratch(|s| {
            self.search(s, &self.forward, &[start], Some(goal));
            s.get(goal)?;
            let mut hops = Vec::new();
            let mut at = goal;
            while at != start {
                let e = s.parent[at as usize];
                if e == NONE {
                    return None;
                }
                hops.push(Hop {
                    edge: self.edges[e as usize].clone()?,
                    node: self.nodes[at as usize].clone(),
                });
                at = self.edge_from[e as usize];
            }
            hops.reverse();
            Some(hops)
        })
    }

    /// The reach matrix of the indexed network: for each union and each
    /// 開示病院, the fewest relays by which a member reaches the hospital
    /// without joining anything (as [`crate::whatif::reach_matrix`]).
    ///
    /// Sixty-four unions are searched at once, one bit each. `reached[v]` is
    /// a bitset of the block's unions that reach node `v` within `k` relays;
    /// `fresh[v]` holds the ones first reached at `k`. Layer `k + 1` ORs
    /// each `fresh[v]` into its link neighbours (masking what they have),
    /// then closes over hosting, which costs no relay and leads only from
    /// unions to hospitals, so one pass suffices.
    ///
    /// # Complexity
    /// O(U / 64 · (V + E)) word operations in the worst case, and in
    /// practice far less, since only nodes with fresh unions propagate;
    /// plus one write per reachable cell.
    pub fn reach_matrix(&self) -> ReachMatrix {
        let mut relays = vec![vec![None; self.disclosing.len()]; self.unions.len()];
        self.reach_layers(|row, column, d| relays[row][column] = Some(d));
        ReachMatrix {
            unions: self.unions.clone(),
            hospitals: self.disclosing.clone(),
            relays,
        }
    }

    /// Runs the layered bitset search, calling `record(row, column, relays)`
    /// once for each reachable cell of the reach matrix.
    ///
    /// Unions go 64 at a time, one bit each in a `u64` per node, so a node
    /// reached by many unions costs one word, and a block touches only the
    /// nodes its unions reach (the touched ones are cleared afterwards, not
    /// the whole array). Blocks are filled component by component, so that
    /// unions that reach the same nodes travel together.
    #[allow(clippy::too_many_lines)] // one loop over layers; its three steps share the bitsets
    fn reach_layers(&self, mut record: impl FnMut(usize, usize, u32)) {
        let n = self.nodes.len();
        // The columns each node stands for (a hospital may be listed twice).
        let mut column_of: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (c, &node) in self.disclosing_nodes.iter().enumerate() {
            if node != NONE {
                column_of[node as usize].push(c);
            }
        }
        let mut is_union = vec![false; n];
        for &node in &self.union_rows {
            if node != NONE {
                is_union[node as usize] = true;
            }
        }
        // Unions that can reach the same nodes share blocks, so one word
        // carries them all: rows are ordered by connected component
        // (links taken both ways), found by union-find.
        let mut parent: Vec<u32> = (0..n).map(|v| u32::try_from(v).unwrap_or(NONE)).collect();
        let find = |parent: &mut [u32], mut v: usize| {
            while parent[v] as usize != v {
                parent[v] = parent[parent[v] as usize];
                v = parent[v] as usize;
            }
            v
        };
        for (e, &to) in self.forward.to.iter().enumerate() {
            let a = find(&mut parent, self.edge_from[e] as usize);
            let b = find(&mut parent, to as usize);
            if a != b {
                parent[a.max(b)] = u32::try_from(a.min(b)).unwrap_or(NONE);
            }
        }
        let mut order: Vec<(usize, u32, usize)> = self
            .union_rows
            .iter()
            .enumerate()
            .map(|(row, &node)| {
                let component = if node == NONE {
                    usize::MAX
                } else {
                    find(&mut parent, node as usize)
                };
                (component, node, row)
            })
            .collect();
        order.sort_unstable();
        let mut reached = vec![0_u64; n];
        let mut fresh = vec![0_u64; n];
        let mut next = vec![0_u64; n];
        let mut is_touched = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut active: Vec<u32> = Vec::new();
        let mut dirty: Vec<u32> = Vec::new();
        let mark = |x: usize, touched: &mut Vec<u32>, is_touched: &mut [bool]| {
            if !is_touched[x] {
                is_touched[x] = true;
                touched.push(u32::try_from(x).unwrap_or(NONE));
            }
        };
        for block in order.chunks(64) {
            for (bit, &(_, node, _)) in block.iter().enumerate() {
                if node != NONE {
                    next[node as usize] |= 1 << bit;
                    mark(node as usize, &mut touched, &mut is_touched);
                }
            }
            let mut layer = 0_u32;
            loop {
                // Hosting costs nothing: close the fresh unions over it.
                for i in 0..touched.len() {
                    let v = touched[i] as usize;
                    if !is_union[v] {
                        continue;
                    }
                    for e in self.forward.range(touched[i]) {
                        if self.forward.relays[e] != 0 {
                            continue;
                        }
                        let x = self.forward.to[e] as usize;
                        let add = next[v] & !reached[x];
                        if add != 0 {
                            next[x] |= add;
                            mark(x, &mut touched, &mut is_touched);
                        }
                    }
                }
                // Commit the layer, recording first reaches of the 開示病院.
                active.clear();
                for &v in &touched {
                    let v = v as usize;
                    is_touched[v] = false;
                    let add = next[v] & !reached[v];
                    next[v] = 0;
                    if reached[v] == 0 && add != 0 {
                        dirty.push(u32::try_from(v).unwrap_or(NONE));
                    }
                    fresh[v] = add;
                    reached[v] |= add;
                    if add == 0 {
                        continue;
                    }
                    active.push(u32::try_from(v).unwrap_or(NONE));
                    for &c in &column_of[v] {
                        let mut bits = add;
                        while bits != 0 {
                            record(block[bits.trailing_zeros() as usize].2, c, layer);
                            bits &= bits - 1;
                        }
                    }
                }
                touched.clear();
                if active.is_empty() {
                    break;
                }
                // One more relay along every link from the nodes with fresh unions.
                layer += 1;
                for &v in &active {
                    for e in self.forward.range(v) {
                        if self.forward.relays[e] == 0 {
                            continue;
                        }
                        let x = self.forward.to[e] as usize;
                        let add = fresh[v as usize] & !reached[x];
                        if add != 0 {
                            next[x] |= add;
                            mark(x, &mut touched, &mut is_touched);
                        }
                    }
                }
            }
            for &v in &dirty {
                reached[v as usize] = 0;
                fresh[v as usize] = 0;
            }
            dirty.clear();
        }
    }

    /// [`NetworkIndex::reach_matrix`] and [`NetworkIndex::facilities_reaching`]
    /// together, sharing the work: the counts come from the layers' bitsets.
    pub fn reach_with_facilities(&self) -> (ReachMatrix, Vec<u64>) {
        let columns = self.disclosing.len();
        let words = columns.div_ceil(64).max(1);
        let mut rows = vec![0_u64; self.unions.len() * words];
        let mut relays = vec![vec![None; columns]; self.unions.len()];
        self.reach_layers(|row, column, d| {
            relays[row][column] = Some(d);
            rows[row * words + column / 64] |= 1 << (column % 64);
        });
        let counts = self.count_groups(&rows, words);
        let matrix = ReachMatrix {
            unions: self.unions.clone(),
            hospitals: self.disclosing.clone(),
            relays,
        };
        (matrix, counts)
    }

    /// For each 開示病院 (the columns of [`NetworkIndex::reach_matrix`]),
    /// how many facilities reach it through the unions they belong to,
    /// joining nothing: [`NetworkIndex::facilities_reaching`] without
    /// building the dense matrix, for when only the counts are wanted (a
    /// what-if's headline figures).
    ///
    /// # Complexity
    /// The layered bitset search, then, per group of facilities with the
    /// same unions, one step per reached cell of its unions' rows (rows are
    /// sparse: a union reaches few 開示病院).
    pub fn facility_reach(&self) -> Vec<u64> {
        let rows = self.unions.len();
        let columns = self.disclosing.len();
        let mut cells: Vec<(u32, u32)> = Vec::new();
        self.reach_layers(|row, column, _| {
            cells.push((
                u32::try_from(row).unwrap_or(NONE),
                u32::try_from(column).unwrap_or(NONE),
            ));
        });
        // Each row's reached columns, by counting sort.
        let mut start = vec![0_u32; rows + 1];
        for &(row, _) in &cells {
            start[row as usize + 1] += 1;
        }
        for i in 1..=rows {
            start[i] += start[i - 1];
        }
        let mut fill = start.clone();
        let mut reached = vec![0_u32; cells.len()];
        for &(row, column) in &cells {
            let slot = &mut fill[row as usize];
            reached[*slot as usize] = column;
            *slot += 1;
        }
        let mut counts = vec![0_u64; columns];
        let mut stamp = vec![NONE; columns];
        for (g, &size) in self.group_size.iter().enumerate() {
            let g32 = u32::try_from(g).unwrap_or(NONE);
            let members =
                &self.group_rows[self.group_start[g] as usize..self.group_start[g + 1] as usize];
            for &r in members {
                let r = r as usize;
                for &c in &reached[start[r] as usize..start[r + 1] as usize] {
                    if stamp[c as usize] != g32 {
                        stamp[c as usize] = g32;
                        counts[c as usize] += size;
                    }
                }
            }
        }
        counts
    }

    /// For each 開示病院 (the columns of `matrix`), how many facilities
    /// reach it through the unions they belong to, joining nothing, at any
    /// number of relays. `matrix` must come from this index
    /// ([`NetworkIndex::reach_matrix`]); another shape gives all zeros.
    ///
    /// # Complexity
    /// Facilities with the same unions are counted as one group: per group,
    /// an OR of its unions' rows as bitsets, then one add per reached
    /// hospital.
    pub fn facilities_reaching(&self, matrix: &ReachMatrix) -> Vec<u64> {
        let columns = self.disclosing.len();
        if matrix.unions.len() != self.unions.len()
            || matrix.hospitals.len() != columns
            || matrix.relays.iter().any(|r| r.len() != columns)
        {
            return vec![0; columns];
        }
        let words = columns.div_ceil(64).max(1);
        let mut rows = vec![0_u64; self.unions.len() * words];
        for (u, row) in matrix.relays.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_some() {
                    rows[u * words + c / 64] |= 1 << (c % 64);
                }
            }
        }
        self.count_groups(&rows, words)
    }

    /// Facility counts per column from each union's row of reached columns.
    fn count_groups(&self, rows: &[u64], words: usize) -> Vec<u64> {
        let mut counts = vec![0_u64; self.disclosing.len()];
        let mut union = vec![0_u64; words];
        for (g, &size) in self.group_size.iter().enumerate() {
            union.fill(0);
            let members =
                &self.group_rows[self.group_start[g] as usize..self.group_start[g + 1] as usize];
            for &r in members {
                for (acc, &w) in union.iter_mut().zip(&rows[r as usize * words..]) {
                    *acc |= w;
                }
            }
            for (w, &word) in union.iter().enumerate() {
                let mut bits = word;
                while bits != 0 {
                    counts[w * 64 + bits.trailing_zeros() as usize] += size;
                    bits &= bits - 1;
                }
            }
        }
        counts
    }
}

/// Up to a few start nodes without a heap allocation; more spill to a `Vec`.
#[derive(Default)]
struct SmallNodes {
    inline: [u32; 8],
    len: usize,
    spill: Vec<u32>,
}

impl SmallNodes {
    fn push(&mut self, node: u32) {
        if self.len == self.inline.len() && self.spill.is_empty() {
            self.spill.extend_from_slice(&self.inline);
        }
        if self.len < self.inline.len() {
            self.inline[self.len] = node;
            self.len += 1;
        } else {
            self.spill.push(node);
        }
    }
}

impl std::ops::Deref for SmallNodes {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        if self.spill.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.spill
        }
    }
}

/// Builds an index for [`crate::whatif::reach_matrix`], skipping facilities.
pub(crate) fn reach_only(data: &Dataset, graph: &NetworkGraph) -> NetworkIndex {
    NetworkIndex::from_graph(data, graph, false)
}
