//! The independent reference the property tests hold the planner and the
//! index against: a plain multi-source 0-1 BFS over an adjacency list, with
//! none of the core's code.

use std::collections::VecDeque;

/// Fewest relays from `starts` to each hospital. Nodes are unions
/// `0..hosts.len()` then hospitals; a union reaches its hosts for 0 relays,
/// a hospital link or a union link costs 1. Links are `(from, to, directed)`.
pub fn reference_relays(
    hospitals: usize,
    hosts: &[Vec<usize>],
    links: &[(usize, usize, bool)],
    union_links: &[(usize, usize, bool)],
    starts: &[usize],
) -> Vec<Option<u32>> {
    let u = hosts.len();
    let n = u + hospitals;
    let mut adjacency: Vec<Vec<(usize, u32)>> = vec![Vec::new(); n];
    for (union, hosts) in hosts.iter().enumerate() {
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
    for &(a, b, directed) in links {
        link(u + a, u + b, directed);
    }
    for &(a, b, directed) in union_links {
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
