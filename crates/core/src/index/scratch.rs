//! The index's reusable search buffers (epoch-stamped), its compact
//! adjacency (CSR) and a small inline list of start nodes.

use std::collections::VecDeque;

/// No node, edge or distance.
pub(crate) const NONE: u32 = u32::MAX;

/// Buffers a search reuses; see the module's notes on epoch stamps.
#[derive(Clone, Debug, Default)]
pub(super) struct Scratch {
    pub(super) epoch: u32,
    pub(super) stamp: Vec<u32>,
    pub(super) dist: Vec<u32>,
    /// The forward edge a node was reached by (forward searches only).
    pub(super) parent: Vec<u32>,
    pub(super) deque: VecDeque<u32>,
    /// The nodes this search has reached, in the order first reached.
    pub(super) visited: Vec<u32>,
}

impl Scratch {
    pub(super) fn new(nodes: usize) -> Self {
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
    pub(super) fn begin(&mut self) {
        if self.epoch == u32::MAX {
            self.stamp.fill(0);
            self.epoch = 0;
        }
        self.epoch += 1;
        self.deque.clear();
        self.visited.clear();
    }

    pub(super) fn get(&self, node: u32) -> Option<u32> {
        let i = node as usize;
        (self.stamp[i] == self.epoch).then(|| self.dist[i])
    }

    pub(super) fn set(&mut self, node: u32, dist: u32, parent: u32) {
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
pub(crate) struct Csr {
    pub(crate) start: Vec<u32>,
    pub(crate) to: Vec<u32>,
    pub(crate) relays: Vec<u8>,
}

impl Csr {
    pub(crate) fn range(&self, node: u32) -> std::ops::Range<usize> {
        let i = node as usize;
        self.start[i] as usize..self.start[i + 1] as usize
    }
}

/// Up to a few start nodes without a heap allocation; more spill to a `Vec`.
#[derive(Default)]
pub(super) struct SmallNodes {
    inline: [u32; 8],
    len: usize,
    spill: Vec<u32>,
}

impl SmallNodes {
    pub(super) fn push(&mut self, node: u32) {
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
