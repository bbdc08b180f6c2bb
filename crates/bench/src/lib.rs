//! The benchmark workloads, shared by the native harness (`tsunagu-bench`)
//! and the browser one (`tsunagu-bench-wasm`), so both run the very same
//! queries on the very same synthetic network and can compare checksums.
//!
//! Nothing here reads a clock: each `*_pass` function runs one pass over a
//! fixed query list and returns a checksum; the harness times the passes.
//! Checksums are sums of small integers, exact in an `f64`, so JavaScript
//! (graphology) can compute the same numbers.

// Checksums and times are sums and counts far below 2^52, exact in an f64.
#![allow(clippy::cast_precision_loss)]

use std::collections::{HashMap, VecDeque};

use tsunagu_core::access::Rules;
use tsunagu_core::index::NetworkIndex;
pub use tsunagu_core::model::Dataset;
use tsunagu_core::model::{FacilityId, HospitalId, UnionId};
use tsunagu_core::planner::{plan_joins_indexed, PlanAnswer, PlanLimits, PlanRequest, Start};
pub use tsunagu_core::reach::ReachMatrix;
use tsunagu_core::synth::{synthesize, Scale};
use tsunagu_core::validate::{load_dataset, validate};

/// The rules the workloads plan under: agreements assumed, so that searches
/// cross hospital links too. That is the engine's harder case (and the graph
/// graphology and the brute force are given), not the app's default.
pub const RULES: Rules = Rules::AssumeAgreements;
/// Queries per pass for the plan and search workloads.
pub const QUERIES: usize = 200;
/// Candidate unions in the multi-target workload (brute force tries 2^12 sets).
pub const CANDIDATES: usize = 12;
/// Targets per multi-target query.
pub const MULTI_TARGETS: usize = 6;
/// Queries in the multi-target workload.
pub const MULTI_QUERIES: usize = 10;

/// `SplitMix64`, as in the core's generator; the query stream is fixed for a seed.
pub struct Rng(u64);

impl Rng {
    /// A stream for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0xBE4C_4000)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % (n.max(1) as u64)).unwrap_or(0)
    }
}

/// One multi-target query with exactly [`CANDIDATES`] unions it may join.
#[derive(Clone, Debug)]
pub struct MultiQuery {
    /// The plan request (targets, and every other union excluded).
    pub request: PlanRequest,
    /// The facility's unions.
    pub members: Vec<UnionId>,
    /// The unions it may join.
    pub candidates: Vec<UnionId>,
}

/// The network, its index and the fixed queries.
pub struct Workload {
    /// The synthetic dataset.
    pub data: Dataset,
    /// Its index, built once.
    pub index: NetworkIndex,
    /// (facility, 開示病院) pairs for single-target plans.
    pub pairs: Vec<(FacilityId, HospitalId)>,
    /// (facility, hospital) pairs for one-pair searches: a hospital the
    /// facility reaches where it reaches any, else a random one.
    pub search_pairs: Vec<(FacilityId, HospitalId)>,
    /// Facilities for one-to-every-hospital searches.
    pub facilities: Vec<FacilityId>,
    /// Multi-target queries at [`CANDIDATES`] candidates.
    pub multi: Vec<MultiQuery>,
    buffer: std::cell::RefCell<Vec<(usize, u32)>>,
}

impl Workload {
    /// The Japan-scale network for `seed` and its queries.
    pub fn japan(seed: u64) -> Self {
        Self::new(synthesize(Scale::JAPAN, seed), seed)
    }

    /// Queries drawn with `seed` on `data`.
    pub fn new(data: Dataset, seed: u64) -> Self {
        let index = NetworkIndex::build(&data, &[], RULES);
        let disclosing: Vec<HospitalId> = index.disclosing().to_vec();
        let mut rng = Rng::new(seed);
        let mut pairs = Vec::with_capacity(QUERIES);
        let mut facilities = Vec::with_capacity(QUERIES);
        if !data.facilities.is_empty() && !disclosing.is_empty() {
            for _ in 0..QUERIES {
                let f = &data.facilities[rng.below(data.facilities.len())];
                let h = &disclosing[rng.below(disclosing.len())];
                pairs.push((f.id.clone(), h.clone()));
            }
            for _ in 0..QUERIES {
                facilities.push(data.facilities[rng.below(data.facilities.len())].id.clone());
            }
        }
        let mut search_pairs = Vec::with_capacity(QUERIES);
        let mut reached = Vec::new();
        if !data.facilities.is_empty() && !index.hospitals().is_empty() {
            for _ in 0..QUERIES {
                let f = &data.facilities[rng.below(data.facilities.len())].id;
                index.relays_from_facility(f, &mut reached);
                let mut hits: Vec<usize> = reached.iter().map(|&(h, _)| h).collect();
                hits.sort_unstable();
                let h = if hits.is_empty() {
                    rng.below(index.hospitals().len())
                } else {
                    hits[rng.below(hits.len())]
                };
                search_pairs.push((f.clone(), index.hospitals()[h].clone()));
            }
        }
        let multi = multi_queries(&data, &index, &disclosing, &mut rng);
        Self {
            data,
            index,
            pairs,
            search_pairs,
            facilities,
            multi,
            buffer: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Single-target plans, one per pair.
    pub fn plan_pass(&self) -> f64 {
        self.pairs
            .iter()
            .map(|(f, h)| {
                let request = PlanRequest {
                    start: Start::Facility(f.clone()),
                    targets: vec![h.clone()],
                    max_relays: None,
                    exclude: Vec::new(),
                };
                plan_joins_indexed(&self.index, &request, PlanLimits::default())
                    .map_or(0.0, |answer| plan_checksum(&answer))
            })
            .sum()
    }

    /// One facility to every hospital: Σ over reached hospitals of relays + 1.
    pub fn facility_to_all_pass(&self) -> f64 {
        let mut out = self.buffer.borrow_mut();
        let mut sum = 0.0;
        for f in &self.facilities {
            self.index.relays_from_facility(f, &mut out);
            sum += out.iter().map(|&(_, d)| f64::from(d) + 1.0).sum::<f64>();
        }
        sum
    }

    /// Facility to hospital: Σ over pairs of relays + 1 (0 if unreachable).
    pub fn facility_to_hospital_pass(&self) -> f64 {
        self.search_pairs
            .iter()
            .map(|(f, h)| {
                self.index
                    .relays_between(f, h)
                    .map_or(0.0, |d| f64::from(d) + 1.0)
            })
            .sum()
    }

    /// The reach matrix as the app gets it (dense) and, from it, how many
    /// facilities reach each 開示病院.
    pub fn reach_pass(&self) -> (ReachMatrix, Vec<u64>) {
        self.index.reach_with_facilities()
    }

    /// The reach matrix's bitset search straight to the facility counts
    /// (ratio 4's fast side).
    pub fn counts_pass(&self) -> Vec<u64> {
        self.index.facility_reach()
    }

    /// A what-if recompute: an index of the records without facilities,
    /// then the reach matrix.
    pub fn recompute_pass(&self) -> ReachMatrix {
        NetworkIndex::for_reach(&self.data, &[], RULES).reach_matrix()
    }

    /// The baseline for the reach matrix: one search per facility, counting
    /// the 開示病院 each reaches.
    pub fn per_facility_counts(&self) -> Vec<u64> {
        let hospitals = self.index.hospitals().len();
        let mut column_of = vec![usize::MAX; hospitals];
        for (c, h) in self.index.disclosing().iter().enumerate() {
            if let Some(at) = self.index.hospitals().iter().position(|x| x == h) {
                column_of[at] = c;
            }
        }
        let mut counts = vec![0_u64; self.index.disclosing().len()];
        let mut out = Vec::new();
        for facility in &self.data.facilities {
            self.index.relays_from_facility(&facility.id, &mut out);
            for &(at, _) in &out {
                if column_of[at] != usize::MAX {
                    counts[column_of[at]] += 1;
                }
            }
        }
        counts
    }

    /// The multi-target queries by the planner; the frontier as (size, relays).
    pub fn multi_exact_pass(&self) -> (f64, Vec<Vec<(usize, u32)>>) {
        let limits = PlanLimits {
            node_budget: u64::MAX,
            max_alternatives: 1,
        };
        let frontiers: Vec<Vec<(usize, u32)>> = self
            .multi
            .iter()
            .map(|q| {
                plan_joins_indexed(&self.index, &q.request, limits).map_or(Vec::new(), |answer| {
                    answer
                        .plans
                        .iter()
                        .map(|p| (p.join.len(), p.relays))
                        .collect()
                })
            })
            .collect();
        (frontier_checksum(&frontiers), frontiers)
    }
}

/// A checksum of a reach matrix and facility counts (not timed).
pub fn reach_checksum(matrix: &ReachMatrix, counts: &[u64]) -> f64 {
    let cells: f64 = matrix
        .relays
        .iter()
        .flatten()
        .flatten()
        .map(|&d| f64::from(d) + 1.0)
        .sum();
    cells
        + counts
            .iter()
            .enumerate()
            .map(|(c, &n)| n as f64 * (c as f64 + 1.0))
            .sum::<f64>()
}

fn plan_checksum(answer: &PlanAnswer) -> f64 {
    let points = answer.plans.len() as f64;
    answer.plans.first().map_or(0.0, |p| {
        points * 1_000_000.0 + p.join.len() as f64 * 1_000.0 + f64::from(p.relays) + 1.0
    })
}

/// A checksum of frontiers: Σ over points of (size · 1000 + relays + 1) · position.
pub fn frontier_checksum(frontiers: &[Vec<(usize, u32)>]) -> f64 {
    frontiers
        .iter()
        .enumerate()
        .flat_map(|(q, f)| {
            f.iter()
                .map(move |&(k, r)| (k as f64 * 1000.0 + f64::from(r) + 1.0) * (q as f64 + 1.0))
        })
        .sum()
}

/// Draws the multi-target queries: around a random 開示病院 `h0`, the
/// [`CANDIDATES`] non-member unions nearest to it are the only ones the
/// facility may join; the targets are `h0` and hosts of other candidates.
fn multi_queries(
    data: &Dataset,
    index: &NetworkIndex,
    disclosing: &[HospitalId],
    rng: &mut Rng,
) -> Vec<MultiQuery> {
    let mut out = Vec::new();
    let hosts: HashMap<&UnionId, &Vec<HospitalId>> =
        data.unions.iter().map(|u| (&u.id, &u.hosts)).collect();
    let mut attempts = 0;
    while out.len() < MULTI_QUERIES && attempts < 1_000 && !data.facilities.is_empty() {
        attempts += 1;
        let facility = &data.facilities[rng.below(data.facilities.len())].id;
        let members = index.memberships(facility);
        let h0 = disclosing[rng.below(disclosing.len())].clone();
        let relays = index.relays_into(&h0);
        let mut near: Vec<(u32, usize)> = relays
            .iter()
            .enumerate()
            .filter(|(u, _)| !members.contains(&index.unions()[*u]))
            .filter_map(|(u, d)| d.map(|d| (d, u)))
            .collect();
        if near.len() < CANDIDATES {
            continue;
        }
        near.sort_unstable();
        let candidates: Vec<UnionId> = near[..CANDIDATES]
            .iter()
            .map(|&(_, u)| index.unions()[u].clone())
            .collect();
        let mut targets = vec![h0];
        while targets.len() < MULTI_TARGETS {
            let u = &candidates[rng.below(CANDIDATES)];
            let Some(list) = hosts.get(u) else { break };
            let h = list[rng.below(list.len())].clone();
            if !targets.contains(&h) {
                targets.push(h);
            }
        }
        let exclude = index
            .unions()
            .iter()
            .filter(|u| !members.contains(u) && !candidates.contains(u))
            .cloned()
            .collect();
        out.push(MultiQuery {
            request: PlanRequest {
                start: Start::Members(members.clone()),
                targets,
                max_relays: None,
                exclude,
            },
            members,
            candidates,
        });
    }
    out
}

/// The reference for the multi-target workload: a plain adjacency list over
/// unions and hospitals made from the records (not from the index), and a
/// brute force that scores every subset of the candidates with a fresh
/// multi-source 0-1 BFS.
pub struct BruteForce {
    adjacency: Vec<Vec<(u32, u32)>>,
    union_node: HashMap<UnionId, u32>,
    hospital_node: HashMap<HospitalId, u32>,
    dist: Vec<Option<u32>>,
    touched: Vec<u32>,
}

impl BruteForce {
    /// Builds the adjacency of `data` (no what-if union links).
    pub fn new(data: &Dataset) -> Self {
        let mut hospital_node = HashMap::new();
        for (i, h) in data.hospitals.iter().enumerate() {
            hospital_node.insert(h.id.clone(), u32::try_from(i).unwrap_or(u32::MAX));
        }
        let offset = data.hospitals.len();
        let mut union_node = HashMap::new();
        let mut adjacency = vec![Vec::new(); offset + data.unions.len()];
        for (i, u) in data.unions.iter().enumerate() {
            let node = u32::try_from(offset + i).unwrap_or(u32::MAX);
            union_node.insert(u.id.clone(), node);
            for h in &u.hosts {
                if let Some(&h) = hospital_node.get(h) {
                    adjacency[offset + i].push((h, 0));
                }
            }
        }
        for link in &data.links {
            let (Some(&a), Some(&b)) = (hospital_node.get(&link.from), hospital_node.get(&link.to))
            else {
                continue;
            };
            adjacency[a as usize].push((b, 1));
            if !link.directed {
                adjacency[b as usize].push((a, 1));
            }
        }
        let n = adjacency.len();
        Self {
            adjacency,
            union_node,
            hospital_node,
            dist: vec![None; n],
            touched: Vec::new(),
        }
    }

    /// Relays to each target with `entries` as the facility's unions.
    fn relays(&mut self, entries: &[u32], targets: &[u32]) -> Vec<Option<u32>> {
        for &t in &self.touched {
            self.dist[t as usize] = None;
        }
        self.touched.clear();
        let mut queue = VecDeque::new();
        for &e in entries {
            self.dist[e as usize] = Some(0);
            self.touched.push(e);
            queue.push_back(e);
        }
        while let Some(x) = queue.pop_front() {
            let Some(d) = self.dist[x as usize] else {
                continue;
            };
            for &(y, w) in &self.adjacency[x as usize] {
                if self.dist[y as usize].is_none_or(|old| d + w < old) {
                    if self.dist[y as usize].is_none() {
                        self.touched.push(y);
                    }
                    self.dist[y as usize] = Some(d + w);
                    if w == 0 {
                        queue.push_front(y);
                    } else {
                        queue.push_back(y);
                    }
                }
            }
        }
        targets.iter().map(|&t| self.dist[t as usize]).collect()
    }

    /// The Pareto frontier (size, max relays) of one query, by trying every
    /// subset of its candidates.
    pub fn frontier(&mut self, query: &MultiQuery) -> Vec<(usize, u32)> {
        let node = |map: &HashMap<UnionId, u32>, u: &UnionId| map.get(u).copied();
        let members: Vec<u32> = query
            .members
            .iter()
            .filter_map(|u| node(&self.union_node, u))
            .collect();
        let candidates: Vec<u32> = query
            .candidates
            .iter()
            .filter_map(|u| node(&self.union_node, u))
            .collect();
        let mut targets: Vec<u32> = Vec::new();
        for t in &query.request.targets {
            if let Some(&t) = self.hospital_node.get(t) {
                if !targets.contains(&t) {
                    targets.push(t);
                }
            }
        }
        // Targets no subset reaches are reported apart; the rest must all be reached.
        let everything: Vec<u32> = members.iter().chain(&candidates).copied().collect();
        let best = self.relays(&everything, &targets);
        let reachable: Vec<u32> = targets
            .iter()
            .zip(&best)
            .filter(|(_, d)| d.is_some())
            .map(|(&t, _)| t)
            .collect();
        if reachable.is_empty() {
            return Vec::new();
        }
        let mut by_size: Vec<Option<u32>> = vec![None; candidates.len() + 1];
        let mut entries = Vec::new();
        for mask in 0_u32..(1 << candidates.len()) {
            entries.clear();
            entries.extend_from_slice(&members);
            entries.extend(
                (0..candidates.len())
                    .filter(|&i| mask & (1 << i) != 0)
                    .map(|i| candidates[i]),
            );
            let size = mask.count_ones() as usize;
            let Some(worst) = self
                .relays(&entries, &reachable)
                .into_iter()
                .collect::<Option<Vec<u32>>>()
                .map(|d| d.into_iter().max().unwrap_or(0))
            else {
                continue;
            };
            if by_size[size].is_none_or(|r| worst < r) {
                by_size[size] = Some(worst);
            }
        }
        let mut frontier: Vec<(usize, u32)> = Vec::new();
        for (k, r) in by_size.into_iter().enumerate() {
            if let Some(r) = r {
                if frontier.last().is_none_or(|&(_, last)| r < last) {
                    frontier.push((k, r));
                }
            }
        }
        frontier
    }
}

/// The greedy plan's size against the exact one at each point of each
/// multi-target query's frontier: `(greedy, exact)` unions at that point's
/// relay threshold. Greedy takes, again and again, the candidate reaching
/// the most open targets within the threshold.
pub fn greedy_vs_exact(workload: &Workload) -> Vec<(usize, usize)> {
    let limits = PlanLimits {
        node_budget: u64::MAX,
        max_alternatives: 1,
    };
    let mut out = Vec::new();
    for q in &workload.multi {
        let Ok(answer) = plan_joins_indexed(&workload.index, &q.request, limits) else {
            continue;
        };
        let columns: Vec<Vec<Option<u32>>> = q
            .request
            .targets
            .iter()
            .map(|t| workload.index.relays_into(t))
            .collect();
        let row = |u: &UnionId| workload.index.unions().iter().position(|x| x == u);
        let members: Vec<usize> = q.members.iter().filter_map(row).collect();
        let candidates: Vec<usize> = q.candidates.iter().filter_map(row).collect();
        for plan in &answer.plans {
            let within = |t: usize, u: usize| columns[t][u].is_some_and(|d| d <= plan.relays);
            let mut open: Vec<usize> = (0..columns.len())
                .filter(|&t| !members.iter().any(|&m| within(t, m)))
                .filter(|&t| candidates.iter().any(|&c| within(t, c)))
                .collect();
            let mut greedy = 0;
            while !open.is_empty() {
                let Some((best, gain)) = candidates
                    .iter()
                    .map(|&c| (c, open.iter().filter(|&&t| within(t, c)).count()))
                    .max_by_key(|&(_, g)| g)
                else {
                    break;
                };
                if gain == 0 {
                    break;
                }
                open.retain(|&t| !within(t, best));
                greedy += 1;
            }
            out.push((greedy, plan.join.len()));
        }
    }
    out
}

/// Builds the index again (as after a what-if change); returns its union count.
pub fn rebuild_index(workload: &Workload) -> usize {
    NetworkIndex::build(&workload.data, &[], RULES)
        .unions()
        .len()
}

/// The dataset as JSON, as `tsunagu synth` writes it.
pub fn dataset_json(workload: &Workload) -> String {
    serde_json::to_string(&workload.data).unwrap_or_default()
}

/// Parses and validates a dataset's JSON, as loading a file does. The
/// result is returned, not dropped, so that freeing it stays outside the
/// timing: a load keeps what it read ([`records_checksum`] checks it).
pub fn parse_pass(text: &str) -> Option<Dataset> {
    load_dataset(text).ok().map(|loaded| loaded.dataset)
}

/// The first half of [`parse_pass`] alone: the JSON read straight into the
/// types, as a well-formed file is.
pub fn read_pass(text: &str) -> Option<Dataset> {
    serde_json::from_str::<Dataset>(text).ok()
}

/// The second half of [`parse_pass`] alone: the checks on records already
/// read; the checksum counts the problems found.
pub fn validate_pass(dataset: &Dataset) -> f64 {
    validate(dataset).len() as f64
}

/// The checksum of a parse: its hospitals and facilities, or −1 when the
/// text did not load.
pub fn records_checksum(dataset: Option<&Dataset>) -> f64 {
    dataset.map_or(-1.0, |d| (d.facilities.len() + d.hospitals.len()) as f64)
}

/// The network for graphology: nodes numbered hospitals `0..H` (the
/// index's hospital order), unions `H..H+U`, facilities after; edges as
/// `(from, to, relays)` triples, duplicates merged. Also the node numbers
/// of the facility and pair queries.
pub struct Export {
    /// Hospitals, unions, facilities.
    pub counts: [u32; 3],
    /// Flattened `(from, to, relays)`.
    pub edges: Vec<u32>,
    /// Facility nodes for one-to-every-hospital.
    pub facilities: Vec<u32>,
    /// Flattened `(facility node, hospital node)`.
    pub pairs: Vec<u32>,
}

/// Exports `workload`'s network and queries (see [`Export`]).
pub fn export(workload: &Workload) -> Export {
    let data = &workload.data;
    let n32 = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let hospitals: HashMap<&HospitalId, u32> = workload
        .index
        .hospitals()
        .iter()
        .enumerate()
        .map(|(i, h)| (h, n32(i)))
        .collect();
    let h = workload.index.hospitals().len();
    let unions: HashMap<&UnionId, u32> = data
        .unions
        .iter()
        .enumerate()
        .map(|(i, u)| (&u.id, n32(h + i)))
        .collect();
    let first_facility = h + data.unions.len();
    let facilities: HashMap<&FacilityId, u32> = data
        .facilities
        .iter()
        .enumerate()
        .map(|(i, f)| (&f.id, n32(first_facility + i)))
        .collect();
    let mut edges: Vec<(u32, u32, u32)> = Vec::new();
    for u in &data.unions {
        for host in &u.hosts {
            if let (Some(&a), Some(&b)) = (unions.get(&u.id), hospitals.get(host)) {
                edges.push((a, b, 0));
            }
        }
    }
    for link in &data.links {
        if let (Some(&a), Some(&b)) = (hospitals.get(&link.from), hospitals.get(&link.to)) {
            edges.push((a, b, 1));
            if !link.directed {
                edges.push((b, a, 1));
            }
        }
    }
    for f in &data.facilities {
        for m in &f.memberships {
            if let (Some(&a), Some(&b)) = (facilities.get(&f.id), unions.get(&m.union)) {
                edges.push((a, b, 0));
            }
        }
    }
    edges.sort_unstable();
    edges.dedup_by_key(|e| (e.0, e.1));
    Export {
        counts: [n32(h), n32(data.unions.len()), n32(data.facilities.len())],
        edges: edges.into_iter().flat_map(|(a, b, w)| [a, b, w]).collect(),
        facilities: workload
            .facilities
            .iter()
            .filter_map(|f| facilities.get(f).copied())
            .collect(),
        pairs: workload
            .search_pairs
            .iter()
            .filter_map(|(f, t)| Some([*facilities.get(f)?, *hospitals.get(t)?]))
            .flatten()
            .collect(),
    }
}
