//! The independent reference the property tests hold the planner and the
//! index against: a plain multi-source 0-1 BFS over an adjacency list, with
//! none of the core's code, and the access rules written out again.

// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use std::collections::VecDeque;

use tsunagu_core::access::Rules;

/// A small network by indices: hospitals `0..hospitals`, unions
/// `0..hosts.len()`. Links are `(from, to, directed)`.
#[derive(Clone, Copy, Debug)]
pub struct Reference<'a> {
    /// How many hospitals.
    pub hospitals: usize,
    /// Each union's hosts.
    pub hosts: &'a [Vec<usize>],
    /// Hospital links (病院間協定 and ID-Link 連携病院 entries).
    pub links: &'a [(usize, usize, bool)],
    /// Union links: recorded connections and what-ifs alike, since
    /// both count under every rule set.
    pub union_links: &'a [(usize, usize, bool)],
    /// The rules in force.
    pub rules: Rules,
}

/// Whether `list` has a link that lets `a` reach `b`: one from `a` to `b`,
/// or a two-way one from `b` to `a`.
pub fn leads(list: &[(usize, usize, bool)], a: usize, b: usize) -> bool {
    list.iter()
        .any(|&(x, y, directed)| (x, y) == (a, b) || (!directed && (x, y) == (b, a)))
}

impl Reference<'_> {
    /// Whether hospital links let records through under the rules: only
    /// when agreements are assumed to count. Under the confirmed rule they
    /// are sharing between the two hospitals, never a way in.
    pub fn hospital_links_count(&self) -> bool {
        match self.rules {
            Rules::Confirmed => false,
            Rules::AssumeAgreements => true,
        }
    }

    /// Fewest relays from the unions `starts` to each hospital. A union
    /// reaches its hosts for 0 relays; a union link costs 1, and so does a
    /// hospital link when the rules count it.
    pub fn relays(&self, starts: &[usize]) -> Vec<Option<u32>> {
        let u = self.hosts.len();
        let n = u + self.hospitals;
        let mut adjacency: Vec<Vec<(usize, u32)>> = vec![Vec::new(); n];
        for (union, hosts) in self.hosts.iter().enumerate() {
            for &h in hosts {
                adjacency[union].push((u + h, 0));
            }
        }
        let mut link = |a: usize, b: usize, directed: bool| {
            adjacency[a].push((b, 1));
            if !directed {
                adjacency[b].push((a, 1));
            }
        };
        if self.hospital_links_count() {
            for &(a, b, directed) in self.links {
                link(u + a, u + b, directed);
            }
        }
        for &(a, b, directed) in self.union_links {
            link(a, b, directed);
        }
        let mut dist: Vec<Option<u32>> = vec![None; n];
        let mut queue = VecDeque::new();
        for &s in starts {
            dist[s] = Some(0);
            queue.push_back(s);
        }
        while let Some(x) = queue.pop_front() {
            let d = dist[x].expect("queued nodes have a distance");
            for &(y, w) in &adjacency[x] {
                if dist[y].is_none_or(|old| d + w < old) {
                    dist[y] = Some(d + w);
                    if w == 0 {
                        queue.push_front(y);
                    } else {
                        queue.push_back(y);
                    }
                }
            }
        }
        dist[u..].to_vec()
    }

    /// The hospitals `target` has a hospital link with, either way, among
    /// `disclosing`, by index, each once: whom to ask, under every rule set.
    pub fn shares_with(&self, target: usize, disclosing: &[bool]) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .links
            .iter()
            .filter_map(|&(a, b, _)| {
                if a == target {
                    Some(b)
                } else if b == target {
                    Some(a)
                } else {
                    None
                }
            })
            .filter(|&h| disclosing[h])
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}
