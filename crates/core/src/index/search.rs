//! Searches over the index: relays into a hospital, from a facility, between
//! the two, and the path a plan shows, each reusing the index's buffers.

use super::scratch::{Csr, Scratch, SmallNodes, NONE};
use super::NetworkIndex;
use crate::graph::Hop;
use crate::model::{FacilityId, HospitalId, UnionId};

impl NetworkIndex {
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
}
