//! The referral planner: which unions must a facility join so that it can
//! view the records of every target hospital?
//!
//! For a facility `f` with unions `M`, a plan is a set `J` of unions to join.
//! With `J` joined, `f` reaches a target `t` along `f → u → … → t`, where `u`
//! is in `M ∪ J` and every step after `u` is one the graph's access rules
//! allow ([`crate::access`]): hosting and union links always, hospital links
//! only when agreements are assumed to count. Under the confirmed rule (the
//! default) a facility reaches a hospital only through a union the hospital
//! hosts, or one linked to such a union. `relays(t)` counts the union-to-union and
//! hospital-to-hospital steps on the best such path: 0 is direct disclosure.
//!
//! A plan costs `(|J|, max relays over the targets)`. The answer is the
//! Pareto frontier of that cost: the fewest unions first, then, for each
//! extra union, a plan with fewer relays. Each frontier point is found
//! exactly by set cover ([`crate::algo::cover`]) at a relay threshold.
//!
//! ```text
//!  clinic ─member─▶ U1 ─hosts─▶ H1 ─agreement─▶ H2      assumed: relays(H2) = 1 with J = {}
//!                   U2 ─hosts─▶ H2                       confirmed: relays(H2) = 0 with J = {U2}
//! ```
//!
//! Every plan lists the [`Assumption`]s its paths rest on; an answer under
//! the confirmed rule without what-if links has none.
//!
//! Membership makes sharing possible; each patient must still consent.

use std::collections::HashSet;

use crate::access::{Assumption, Rules};
use crate::algo::{min_covers_with_progress, CoverProblem};
use crate::graph::assumptions_of;
use crate::graph::{Edge, Hop, NetworkGraph, Node, Proposed};
use crate::index::NetworkIndex;
use crate::model::{FacilityId, HospitalId, UnionId};

/// Where the clinic starts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Start {
    /// A facility in the data; its memberships are read from the data.
    Facility(FacilityId),
    /// A facility not in the data, by the unions it already belongs to
    /// (possibly none).
    Members(Vec<UnionId>),
}

/// What to plan.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlanRequest {
    /// The starting facility.
    pub start: Start,
    /// The hospitals whose records it needs.
    pub targets: Vec<HospitalId>,
    /// The most relays allowed on a path (0: direct disclosure only).
    pub max_relays: Option<u32>,
    /// Unions never to suggest joining.
    pub exclude: Vec<UnionId>,
}

/// Limits on the search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlanLimits {
    /// Search nodes per frontier point before settling for the best found.
    pub node_budget: u64,
    /// Union sets listed per frontier point (the plan and its alternatives).
    pub max_alternatives: usize,
}

impl Default for PlanLimits {
    fn default() -> Self {
        Self {
            node_budget: 2_000_000,
            max_alternatives: 20,
        }
    }
}

/// Why a request cannot be planned at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum PlanError {
    /// The start names no facility.
    #[error("no facility has the id \"{0}\"")]
    UnknownFacility(FacilityId),
    /// A union in the request is not in the data.
    #[error("no union has the id \"{0}\"")]
    UnknownUnion(UnionId),
    /// A target is not in the data.
    #[error("no hospital has the id \"{0}\"")]
    UnknownHospital(HospitalId),
    /// No target was given.
    #[error("no target hospital was given")]
    NoTargets,
}

/// Why a target cannot be reached under the options. When several apply,
/// the first in this order is given. Under the confirmed rule only the
/// first two can occur: a hosted target is reached at 0 relays by its own
/// union unless that union is excluded.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UnreachableReason {
    /// No union in the network has it as a host, and (under the assumption)
    /// no link leads to it either: joining a union cannot open its records.
    HostsNoUnion,
    /// No union's path leads to it at all.
    NoPath,
    /// It can be reached, but only with more relays than allowed.
    TooManyRelays {
        /// The fewest relays any union needs.
        needed: u32,
        /// The most allowed.
        allowed: u32,
    },
    /// Only unions the request excludes reach it.
    OnlyExcluded {
        /// Those unions.
        unions: Vec<UnionId>,
    },
}

impl UnreachableReason {
    /// The reason's code, as the CLI's JSON gives it.
    pub fn code(&self) -> &'static str {
        match self {
            UnreachableReason::HostsNoUnion => "hosts_no_union",
            UnreachableReason::NoPath => "no_path",
            UnreachableReason::TooManyRelays { .. } => "too_many_relays",
            UnreachableReason::OnlyExcluded { .. } => "only_excluded",
        }
    }
}

/// A target that no plan reaches.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unreachable {
    /// The hospital.
    pub target: HospitalId,
    /// Why.
    pub reason: UnreachableReason,
    /// The 開示病院 it has a hospital link with: whom to ask.
    /// Context only; the link opens nothing to the facility.
    pub shares_with: Vec<HospitalId>,
}

/// How the facility enters a union on a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Entry {
    /// It is already a member.
    Member,
    /// The plan joins it.
    Join,
}

/// The path to one target.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TargetPath {
    /// The hospital.
    pub target: HospitalId,
    /// Relays on the path.
    pub relays: u32,
    /// The union the facility starts from, and how it belongs to it.
    pub union: UnionId,
    /// Member already, or joined by the plan.
    pub entry: Entry,
    /// Every step after the union, each with the edge taken.
    pub hops: Vec<Hop>,
}

/// One point of the Pareto frontier.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    /// The unions to join, in the dataset's order.
    pub join: Vec<UnionId>,
    /// The most relays over the targets.
    pub relays: u32,
    /// Other union sets with exactly the same cost.
    pub alternatives: Vec<Vec<UnionId>>,
    /// `true` when there are more alternatives than listed.
    pub alternatives_truncated: bool,
    /// `true` when `join` is proved to be the fewest unions for `relays`.
    pub exact: bool,
    /// A proved lower bound on the number of unions for `relays`.
    pub lower_bound: usize,
    /// One path per reachable target.
    pub paths: Vec<TargetPath>,
    /// What the paths rest on beyond the confirmed rule: empty, or
    /// agreements and/or a what-if's union links.
    pub assumptions: Vec<Assumption>,
}

/// The planner's answer.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlanAnswer {
    /// The access rules the answer was planned under.
    pub rules: Rules,
    /// The facility's current unions.
    pub members: Vec<UnionId>,
    /// The frontier, fewest unions first. Empty when no target is reachable.
    pub plans: Vec<Plan>,
    /// Targets no plan reaches, with the reason.
    pub unreachable: Vec<Unreachable>,
}

/// Plans the unions to join.
///
/// # Errors
/// [`PlanError`] when the request names something not in the graph, or has
/// no target.
///
/// # Complexity
/// One backward search per target, O(T·(V + E)), then one set cover per
/// distinct relay threshold, exponential in the worst case but bounded by
/// [`PlanLimits::node_budget`].
pub fn plan_joins(
    graph: &NetworkGraph,
    request: &PlanRequest,
    limits: PlanLimits,
) -> Result<PlanAnswer, PlanError> {
    plan_joins_with_progress(graph, request, limits, &mut |_| {})
}

/// How far a plan has got: relay thresholds solved out of all, and search
/// nodes visited in the current one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    /// Thresholds solved.
    pub done: usize,
    /// Thresholds to solve.
    pub total: usize,
    /// Search nodes visited in the current threshold.
    pub nodes: u64,
}

/// What the planner asks of a network; [`NetworkGraph`] and [`NetworkIndex`]
/// answer alike, the index faster.
trait Network {
    fn rules(&self) -> Rules;
    fn shares_with(&self, hospital: &HospitalId) -> Vec<HospitalId>;
    fn unions(&self) -> &[UnionId];
    fn has_union(&self, union: &UnionId) -> bool;
    fn has_facility(&self, facility: &FacilityId) -> bool;
    fn has_hospital(&self, hospital: &HospitalId) -> bool;
    fn memberships(&self, facility: &FacilityId) -> Vec<UnionId>;
    fn relays_into(&self, hospital: &HospitalId) -> Vec<Option<u32>>;
    fn path(&self, union: &UnionId, hospital: &HospitalId) -> Option<Vec<Hop>>;
    fn proposed(&self) -> &Proposed;
}

macro_rules! network {
    ($type:ty) => {
        impl Network for $type {
            fn rules(&self) -> Rules {
                <$type>::rules(self)
            }
            fn shares_with(&self, hospital: &HospitalId) -> Vec<HospitalId> {
                <$type>::shares_with(self, hospital)
            }
            fn unions(&self) -> &[UnionId] {
                <$type>::unions(self)
            }
            fn has_union(&self, union: &UnionId) -> bool {
                <$type>::has_union(self, union)
            }
            fn has_facility(&self, facility: &FacilityId) -> bool {
                <$type>::has_facility(self, facility)
            }
            fn has_hospital(&self, hospital: &HospitalId) -> bool {
                <$type>::has_hospital(self, hospital)
            }
            fn memberships(&self, facility: &FacilityId) -> Vec<UnionId> {
                <$type>::memberships(self, facility)
            }
            fn relays_into(&self, hospital: &HospitalId) -> Vec<Option<u32>> {
                <$type>::relays_into(self, hospital)
            }
            fn path(&self, union: &UnionId, hospital: &HospitalId) -> Option<Vec<Hop>> {
                <$type>::path(self, union, hospital)
            }
            fn proposed(&self) -> &Proposed {
                <$type>::proposed(self)
            }
        }
    };
}
network!(NetworkGraph);
network!(NetworkIndex);

/// [`plan_joins`] on a [`NetworkIndex`]: the same answer, much faster when
/// the index is built once and kept for many plans (a Japan-scale
/// single-target plan takes well under a millisecond; see BENCHMARKS.md).
///
/// # Errors
/// As [`plan_joins`].
pub fn plan_joins_indexed(
    index: &NetworkIndex,
    request: &PlanRequest,
    limits: PlanLimits,
) -> Result<PlanAnswer, PlanError> {
    plan_on(index, request, limits, &mut |_| {})
}

/// [`plan_joins_indexed`], reporting [`Progress`] as it goes.
///
/// # Errors
/// As [`plan_joins`].
pub fn plan_joins_indexed_with_progress(
    index: &NetworkIndex,
    request: &PlanRequest,
    limits: PlanLimits,
    progress: &mut dyn FnMut(Progress),
) -> Result<PlanAnswer, PlanError> {
    plan_on(index, request, limits, progress)
}

/// [`plan_joins`], reporting [`Progress`] as it goes (for a worker to pass on).
///
/// # Errors
/// As [`plan_joins`].
pub fn plan_joins_with_progress(
    graph: &NetworkGraph,
    request: &PlanRequest,
    limits: PlanLimits,
    progress: &mut dyn FnMut(Progress),
) -> Result<PlanAnswer, PlanError> {
    plan_on(graph, request, limits, progress)
}

fn plan_on(
    graph: &dyn Network,
    request: &PlanRequest,
    limits: PlanLimits,
    progress: &mut dyn FnMut(Progress),
) -> Result<PlanAnswer, PlanError> {
    let (members, targets) = checked(graph, request)?;

    let unions = graph.unions();
    let member_set: HashSet<&UnionId> = members.iter().collect();
    let excluded_set: HashSet<&UnionId> = request.exclude.iter().collect();
    let is_member: Vec<bool> = unions.iter().map(|u| member_set.contains(u)).collect();
    let is_excluded: Vec<bool> = unions.iter().map(|u| excluded_set.contains(u)).collect();
    let allowed = request.max_relays.unwrap_or(u32::MAX);
    let usable = |i: usize| is_member[i] || !is_excluded[i];

    // relays[t][u]: the fewest relays from union u to target t.
    let mut reachable: Vec<(HospitalId, Vec<Option<u32>>)> = Vec::new();
    let mut unreachable = Vec::new();
    for target in targets {
        let relays = graph.relays_into(&target);
        let best_usable = (0..unions.len())
            .filter(|&i| usable(i))
            .filter_map(|i| relays[i])
            .min();
        match best_usable {
            Some(best) if best <= allowed => reachable.push((target, relays)),
            _ => {
                let reason = unreachable_reason(graph, &relays, &is_excluded, &is_member, allowed);
                let shares_with = graph.shares_with(&target);
                unreachable.push(Unreachable {
                    target,
                    reason,
                    shares_with,
                });
            }
        }
    }
    if reachable.is_empty() {
        return Ok(PlanAnswer {
            rules: graph.rules(),
            members,
            plans: Vec::new(),
            unreachable,
        });
    }

    let mut plans = frontier(
        graph,
        &reachable,
        &members,
        &is_member,
        &is_excluded,
        allowed,
        limits,
        progress,
    );
    // Thresholds ascend, so unions descend; the answer lists the fewest first.
    plans.reverse();
    mark_proposed(graph, &request.start, &mut plans);
    Ok(PlanAnswer {
        rules: graph.rules(),
        members,
        plans,
        unreachable,
    })
}

/// The request's current unions and its distinct targets, once every id is
/// known to the graph.
fn checked(
    graph: &dyn Network,
    request: &PlanRequest,
) -> Result<(Vec<UnionId>, Vec<HospitalId>), PlanError> {
    if request.targets.is_empty() {
        return Err(PlanError::NoTargets);
    }
    let members = match &request.start {
        Start::Facility(id) => {
            if !graph.has_facility(id) {
                return Err(PlanError::UnknownFacility(id.clone()));
            }
            graph.memberships(id)
        }
        Start::Members(unions) => {
            if let Some(unknown) = unions.iter().find(|u| !graph.has_union(u)) {
                return Err(PlanError::UnknownUnion(unknown.clone()));
            }
            let wanted: HashSet<&UnionId> = unions.iter().collect();
            graph
                .unions()
                .iter()
                .filter(|u| wanted.contains(u))
                .cloned()
                .collect()
        }
    };
    if let Some(unknown) = request.exclude.iter().find(|u| !graph.has_union(u)) {
        return Err(PlanError::UnknownUnion(unknown.clone()));
    }
    if let Some(unknown) = request.targets.iter().find(|t| !graph.has_hospital(t)) {
        return Err(PlanError::UnknownHospital(unknown.clone()));
    }
    let mut targets: Vec<HospitalId> = Vec::new();
    for target in &request.targets {
        if !targets.contains(target) {
            targets.push(target.clone());
        }
    }

    Ok((members, targets))
}

/// The relay thresholds worth trying: every distance that some usable union
/// has to a target, from the least that reaches every target up to `allowed`.
fn thresholds(
    reachable: &[(HospitalId, Vec<Option<u32>>)],
    usable: &dyn Fn(usize) -> bool,
    allowed: u32,
) -> Vec<u32> {
    let floor = reachable
        .iter()
        .map(|(_, r)| {
            (0..r.len())
                .filter(|&i| usable(i))
                .filter_map(|i| r[i])
                .min()
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    let mut out: Vec<u32> = reachable
        .iter()
        .flat_map(|(_, r)| {
            r.iter()
                .enumerate()
                .filter(|&(i, _)| usable(i))
                .filter_map(|(_, d)| *d)
        })
        .filter(|&d| d >= floor && d <= allowed)
        .collect();
    crate::order::sort(&mut out);
    out.dedup();
    out
}

/// One plan per Pareto point, from the tightest relay threshold upwards.
#[allow(clippy::too_many_arguments)] // the request's parts, each computed once by the caller
fn frontier(
    graph: &dyn Network,
    reachable: &[(HospitalId, Vec<Option<u32>>)],
    members: &[UnionId],
    is_member: &[bool],
    is_excluded: &[bool],
    allowed: u32,
    limits: PlanLimits,
    progress: &mut dyn FnMut(Progress),
) -> Vec<Plan> {
    let unions = graph.unions();
    let usable = |i: usize| is_member[i] || !is_excluded[i];
    let candidates: Vec<usize> = (0..unions.len())
        .filter(|&i| !is_member[i] && !is_excluded[i])
        .collect();
    let best_member = |r: &[Option<u32>]| {
        (0..unions.len())
            .filter(|&i| is_member[i])
            .filter_map(|i| r[i])
            .min()
    };
    let thresholds = thresholds(reachable, &usable, allowed);
    let mut plans: Vec<Plan> = Vec::new();
    let total = thresholds.len();
    for (step, threshold) in thresholds.into_iter().enumerate() {
        // Targets the current unions already reach within the threshold need nothing.
        let open: Vec<&Vec<Option<u32>>> = reachable
            .iter()
            .map(|(_, r)| r)
            .filter(|r| best_member(r).is_none_or(|d| d > threshold))
            .collect();
        // Only candidates that cover something can be in a minimum cover;
        // leaving the rest out keeps the problem small at national scale
        // without changing its covers (indices are mapped back below).
        let useful: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&u| open.iter().any(|r| r[u].is_some_and(|d| d <= threshold)))
            .collect();
        let problem = CoverProblem {
            universe: open.len(),
            sets: useful
                .iter()
                .map(|&u| {
                    (0..open.len())
                        .filter(|&t| open[t][u].is_some_and(|d| d <= threshold))
                        .collect()
                })
                .collect(),
        };
        progress(Progress {
            done: step,
            total,
            nodes: 0,
        });
        let result = min_covers_with_progress(
            &problem,
            limits.max_alternatives,
            limits.node_budget,
            &mut |nodes| {
                progress(Progress {
                    done: step,
                    total,
                    nodes,
                });
            },
        );
        let Some(size) = result.size else { continue };
        // A point is on the frontier only if it needs fewer unions than every tighter threshold.
        if plans.last().is_some_and(|p| p.join.len() <= size) {
            continue;
        }
        let sets: Vec<Vec<UnionId>> = result
            .covers
            .iter()
            .map(|cover| cover.iter().map(|&c| unions[useful[c]].clone()).collect())
            .collect();
        let Some((join, alternatives)) = sets.split_first() else {
            continue;
        };
        let paths = paths_for(graph, reachable, members, join);
        let relays = paths.iter().map(|p| p.relays).max().unwrap_or(0);
        let assumptions = assumptions_of(paths.iter().flat_map(|p| &p.hops));
        plans.push(Plan {
            assumptions,
            join: join.clone(),
            relays,
            alternatives: alternatives.to_vec(),
            alternatives_truncated: result.truncated,
            exact: result.exact,
            lower_bound: result.lower_bound,
            paths,
        });
        if size == 0 {
            break;
        }
    }
    plans
}

/// Marks [`Assumption::WhatIf`] on each plan that rests on what a what-if
/// supposes beyond union links (those are marked by [`assumptions_of`]): a
/// path from a membership it supposes (a 加入), or from or through a union it
/// supposes goes live (a 稼働). Such a plan is no answer on the report's data.
fn mark_proposed(graph: &dyn Network, start: &Start, plans: &mut [Plan]) {
    let proposed = graph.proposed();
    let facility = match start {
        Start::Facility(id) => Some(id),
        Start::Members(_) => None,
    };
    for plan in plans {
        let rests_on_it = plan.paths.iter().any(|path| {
            proposed.union(&path.union)
                || facility.is_some_and(|f| proposed.membership(f, &path.union))
                || path
                    .hops
                    .iter()
                    .any(|hop| matches!(&hop.node, Node::Union(u) if proposed.union(u)))
        });
        if rests_on_it && !plan.assumptions.contains(&Assumption::WhatIf) {
            plan.assumptions.push(Assumption::WhatIf);
        }
    }
}

fn unreachable_reason(
    graph: &dyn Network,
    relays: &[Option<u32>],
    is_excluded: &[bool],
    is_member: &[bool],
    allowed: u32,
) -> UnreachableReason {
    // Hosting is the only step that costs no relay, so a union at 0
    // relays is one the target hosts.
    let hosted = relays.contains(&Some(0));
    let excluded: Vec<UnionId> = graph
        .unions()
        .iter()
        .enumerate()
        .filter(|&(i, _)| {
            is_excluded[i] && !is_member[i] && relays[i].is_some_and(|d| d <= allowed)
        })
        .map(|(_, u)| u.clone())
        .collect();
    let best_any = relays.iter().filter_map(|d| *d).min();
    // Under the assumption a hospital that hosts no union may still be
    // reached through a link: then the relay limit is what stops it.
    let unreachable_by_links = graph.rules() == Rules::Confirmed || best_any.is_none();
    if !hosted && unreachable_by_links {
        UnreachableReason::HostsNoUnion
    } else if !excluded.is_empty() {
        UnreachableReason::OnlyExcluded { unions: excluded }
    } else if let Some(needed) = best_any.filter(|&b| b > allowed) {
        UnreachableReason::TooManyRelays { needed, allowed }
    } else {
        UnreachableReason::NoPath
    }
}

/// The best path to each target with `members ∪ join`; members win ties.
fn paths_for(
    graph: &dyn Network,
    reachable: &[(HospitalId, Vec<Option<u32>>)],
    members: &[UnionId],
    join: &[UnionId],
) -> Vec<TargetPath> {
    let entries: HashSet<&UnionId> = members.iter().chain(join).collect();
    reachable
        .iter()
        .filter_map(|(target, relays)| {
            let (_, union, distance) = graph
                .unions()
                .iter()
                .enumerate()
                .filter(|(_, u)| entries.contains(u))
                .filter_map(|(i, u)| relays[i].map(|d| (i, u, d)))
                .min_by_key(|&(i, u, d)| (d, !members.contains(u), i))?;
            let hops = graph.path(union, target)?;
            Some(TargetPath {
                target: target.clone(),
                relays: distance,
                union: union.clone(),
                entry: if members.contains(union) {
                    Entry::Member
                } else {
                    Entry::Join
                },
                hops,
            })
        })
        .collect()
}

/// Whether a hop is a relay (a hospital or union link), for explanations.
pub fn is_relay(hop: &Hop) -> bool {
    hop.edge.relays() > 0
}

/// The hospital or union a hop reaches, as an id string.
pub fn hop_id(hop: &Hop) -> &str {
    match &hop.node {
        Node::Facility(id) => id.as_str(),
        Node::Union(id) => id.as_str(),
        Node::Hospital(id) => id.as_str(),
    }
}

/// Whether a hop went through a what-if union link.
pub fn is_union_link(hop: &Hop) -> bool {
    matches!(hop.edge, Edge::UnionLink { .. })
}
