//! The reach matrix: for each union and each 開示病院, the fewest relays by
//! which a member reaches the hospital without joining anything, computed
//! for sixty-four unions at once with bitsets over the [`NetworkIndex`].
//!
//! It lives apart from the index (which only searches) and from the
//! what-if (which only changes the data), so neither needs the other.

use serde::{Deserialize, Serialize};

use crate::graph::NetworkGraph;
use crate::index::{NetworkIndex, NONE};
use crate::model::{Dataset, HospitalId, UnionId};

/// For each union (rows) and each 開示病院 (columns), the fewest relays by
/// which a member reaches the hospital without joining anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReachMatrix {
    /// The rows.
    pub unions: Vec<UnionId>,
    /// The columns.
    pub hospitals: Vec<HospitalId>,
    /// `relays[u][h]`; `None` where unreachable.
    pub relays: Vec<Vec<Option<u32>>>,
}

/// The reach matrix of a dataset (and any scenario union links in `graph`).
///
/// # Complexity
/// All unions at once, with bitsets ([`crate::index::NetworkIndex::reach_matrix`]);
/// to recompute often, keep a [`crate::index::NetworkIndex`] instead.
pub fn reach_matrix(data: &Dataset, graph: &NetworkGraph) -> ReachMatrix {
    NetworkIndex::from_graph(data, graph, false).reach_matrix()
}

impl NetworkIndex {
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
