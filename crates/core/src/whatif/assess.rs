//! What a what-if would change: the reach matrix before and after,
//! the (facility, 開示病院) pairs that become reachable without joining
//! anything, by ward, and the planner's best plans that get shorter.

use std::collections::BTreeMap;

use crate::access::Rules;
use crate::index::NetworkIndex;
use crate::model::{Dataset, FacilityId, HospitalId, UnionId, WardId};
use crate::planner::{plan_joins_indexed, PlanLimits, PlanRequest, Start};
use crate::reach::ReachMatrix;
use crate::whatif::{apply_what_if, WhatIf};

/// Reachable pairs in one ward (or among facilities with no ward).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardPairs {
    /// The ward, or `None` for facilities the data places in no ward.
    pub ward: Option<WardId>,
    /// Named facilities there.
    pub facilities: usize,
    /// (facility, 開示病院) pairs reachable with no union joined, before.
    pub before: usize,
    /// The same, under the what-if.
    pub after: usize,
}

/// The cost of the best plan: (unions to join, relays), fewest unions first.
pub type Cost = (usize, u32);

/// A (facility, hospital) plan the what-if makes shorter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShorterPlan {
    /// The facility.
    pub facility: FacilityId,
    /// The 開示病院.
    pub hospital: HospitalId,
    /// The best plan before (`None`: unreachable).
    pub before: Option<Cost>,
    /// The best plan under the what-if.
    pub after: Option<Cost>,
}

/// Everything the what-if view shows about one what-if.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// The reach matrix today.
    pub before: ReachMatrix,
    /// The reach matrix under the what-if (new unions and hospitals added).
    pub after: ReachMatrix,
    /// Cells of `after` that are new or need fewer relays than in `before`.
    pub improved_cells: usize,
    /// Reachable pairs by ward, wards in the dataset's order, then no ward.
    pub pairs: Vec<WardPairs>,
    /// Plans that get shorter, in facility then hospital order.
    pub shorter: Vec<ShorterPlan>,
    /// How many (facility, hospital) plans were compared.
    pub plans_compared: usize,
    /// `true` when there were more pairs than `max_plans` and plans were
    /// compared for the first `max_plans` only.
    pub plans_truncated: bool,
}

/// A change naming a record the dataset does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRecord {
    /// The change's position in the what-if (0-based).
    pub change: usize,
    /// The field that names it (`a`, `b`, `from`, `to`, `facility`, `union`, `hospital`).
    pub field: &'static str,
    /// The id as written.
    pub id: String,
}

/// Every record a what-if names that `data` lacks: applying it would skip
/// those changes, so the app refuses it and says which.
pub fn unknown_records(data: &Dataset, what_if: &WhatIf) -> Vec<UnknownRecord> {
    use crate::whatif::Change;
    let union = |id: &crate::model::UnionId| data.unions.iter().any(|u| &u.id == id);
    let hospital = |id: &HospitalId| data.hospitals.iter().any(|h| &h.id == id);
    let mut out = Vec::new();
    for (i, change) in what_if.changes.iter().enumerate() {
        let mut check = |ok: bool, field: &'static str, id: &str| {
            if !ok {
                out.push(UnknownRecord {
                    change: i,
                    field,
                    id: id.to_owned(),
                });
            }
        };
        match change {
            Change::ConnectUnions { a, b } => {
                check(union(a), "a", &a.0);
                check(union(b), "b", &b.0);
            }
            Change::AddAgreement { from, to } => {
                check(hospital(from), "from", &from.0);
                check(hospital(to), "to", &to.0);
            }
            Change::Join { facility, union: u } => {
                check(
                    data.facilities.iter().any(|f| &f.id == facility),
                    "facility",
                    &facility.0,
                );
                check(union(u), "union", &u.0);
            }
            Change::GoLive { hospital: h, .. } => check(hospital(h), "hospital", &h.0),
        }
    }
    out
}

/// Relays of the matrix cell (`union`, `hospital`), if both are in it.
pub fn cell(
    matrix: &ReachMatrix,
    union: &crate::model::UnionId,
    hospital: &HospitalId,
) -> Option<Option<u32>> {
    let u = matrix.unions.iter().position(|x| x == union)?;
    let h = matrix.hospitals.iter().position(|x| x == hospital)?;
    Some(matrix.relays[u][h])
}

/// Which 開示病院 of `matrix` each named facility reaches with its own unions.
fn reachable_pairs(data: &Dataset, matrix: &ReachMatrix) -> Vec<(usize, usize)> {
    // Inserted one by one: collecting would sort first (more wasm). String
    // keys: the web app's scene uses the same map type, so its code is shared.
    let mut row: BTreeMap<String, usize> = BTreeMap::new();
    for (i, u) in matrix.unions.iter().enumerate() {
        row.insert(u.0.clone(), i);
    }
    let mut pairs = Vec::new();
    for (f, facility) in data.facilities.iter().enumerate() {
        for h in 0..matrix.hospitals.len() {
            let reached = facility
                .memberships
                .iter()
                .filter(|m| m.is_stated())
                .any(|m| {
                    row.get(m.union.0.as_str())
                        .is_some_and(|&u| matrix.relays[u][h].is_some())
                });
            if reached {
                pairs.push((f, h));
            }
        }
    }
    pairs
}

fn best(graph: &NetworkIndex, facility: &FacilityId, hospital: &HospitalId) -> Option<Cost> {
    let request = PlanRequest {
        start: Start::Facility(facility.clone()),
        targets: vec![hospital.clone()],
        max_relays: None,
        exclude: Vec::new(),
    };
    let answer = plan_joins_indexed(graph, &request, PlanLimits::default()).ok()?;
    answer.plans.first().map(|p| (p.join.len(), p.relays))
}

/// The report's next step in figures: the best plan to view every 開示病院
/// under the confirmed rule, today and with every union connected, for a
/// clinic in no union and for a member of one union.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// How many 開示病院 the plans must reach.
    pub disclosing: usize,
    /// The member's union.
    pub union: UnionId,
    /// A clinic in no union, today and connected (`None`: no plan).
    pub none_before: Option<Cost>,
    /// The same, with every union connected.
    pub none_after: Option<Cost>,
    /// A member of `union`, today.
    pub member_before: Option<Cost>,
    /// The same, with every union connected.
    pub member_after: Option<Cost>,
}

/// [`NextStep`] for a member of `union`, under the confirmed rule: the
/// headline of the what-if and presentation views.
///
/// # Complexity
/// Four multi-target plans on two indexes.
pub fn next_step(data: &Dataset, union: &UnionId) -> NextStep {
    let targets: Vec<HospitalId> = data.disclosing_ids();
    let what_if = crate::whatif::connect_every_union(data, crate::text::connect_every_union_name());
    let (next, links) = apply_what_if(data, &what_if);
    let today = NetworkIndex::build(data, &[], Rules::Confirmed);
    let connected = NetworkIndex::build(&next, &links, Rules::Confirmed);
    let best = |index: &NetworkIndex, start: Start| {
        let request = PlanRequest {
            start,
            targets: targets.clone(),
            max_relays: None,
            exclude: Vec::new(),
        };
        let answer = plan_joins_indexed(index, &request, PlanLimits::default()).ok()?;
        // A plan that leaves a target out is no plan for "all of them".
        if !answer.unreachable.is_empty() {
            return None;
        }
        answer.plans.first().map(|p| (p.join.len(), p.relays))
    };
    let member = || Start::Members(vec![union.clone()]);
    NextStep {
        disclosing: targets.len(),
        union: union.clone(),
        none_before: best(&today, Start::Members(Vec::new())),
        none_after: best(&connected, Start::Members(Vec::new())),
        member_before: best(&today, member()),
        member_after: best(&connected, member()),
    }
}

/// Assesses `what_if` on `data` under `rules`, comparing at most
/// `max_plans` plans.
///
/// # Complexity
/// Two reach matrices, plus two single-target plans per compared pair.
pub fn assess(data: &Dataset, what_if: &WhatIf, rules: Rules, max_plans: usize) -> Assessment {
    let graph_before = NetworkIndex::build(data, &[], rules);
    let before = graph_before.reach_matrix();
    let (next, links) = apply_what_if(data, what_if);
    let graph_after = NetworkIndex::build(&next, &links, rules);
    let after = graph_after.reach_matrix();

    let mut improved_cells = 0;
    for (u, union) in after.unions.iter().enumerate() {
        for (h, hospital) in after.hospitals.iter().enumerate() {
            let now = after.relays[u][h];
            let was = cell(&before, union, hospital).flatten();
            if now.is_some() && (was.is_none() || now < was) {
                improved_cells += 1;
            }
        }
    }

    // Pairs by ward. Facilities are the same records before and after
    // (a what-if only adds memberships), so indices line up.
    let before_pairs = reachable_pairs(data, &before);
    let after_pairs = reachable_pairs(&next, &after);
    let ward_of = |f: usize| data.facilities[f].ward.clone();
    let mut order: Vec<Option<WardId>> = data.wards.iter().map(|w| Some(w.id.clone())).collect();
    order.push(None);
    let pairs = order
        .into_iter()
        .map(|ward| WardPairs {
            facilities: data.facilities.iter().filter(|f| f.ward == ward).count(),
            before: before_pairs
                .iter()
                .filter(|(f, _)| ward_of(*f) == ward)
                .count(),
            after: after_pairs
                .iter()
                .filter(|(f, _)| ward_of(*f) == ward)
                .count(),
            ward,
        })
        .filter(|w| w.facilities > 0)
        .collect();

    let mut shorter = Vec::new();
    let mut plans_compared = 0;
    let total = next.facilities.len() * after.hospitals.len();
    'outer: for facility in &next.facilities {
        for hospital in &after.hospitals {
            if plans_compared >= max_plans {
                break 'outer;
            }
            plans_compared += 1;
            let was = if graph_before.has_hospital(hospital) {
                best(&graph_before, &facility.id, hospital)
            } else {
                None
            };
            let now = best(&graph_after, &facility.id, hospital);
            let better = match (was, now) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => b < a,
                _ => false,
            };
            if better {
                shorter.push(ShorterPlan {
                    facility: facility.id.clone(),
                    hospital: hospital.clone(),
                    before: was,
                    after: now,
                });
            }
        }
    }
    Assessment {
        before,
        after,
        improved_cells,
        pairs,
        shorter,
        plans_compared,
        plans_truncated: plans_compared < total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::SAPPORO_JSON;
    use crate::model::UnionId;
    use crate::validate::load_dataset;
    use crate::whatif::Change;

    fn bundled() -> Dataset {
        load_dataset(SAPPORO_JSON).expect("bundled").dataset
    }

    /// Independent of the reach matrix: a pair is reachable with nothing
    /// joined exactly when the planner's best plan joins no union.
    fn pairs_by_planner(data: &Dataset, links: &[crate::graph::UnionLink], rules: Rules) -> usize {
        // The planner on the petgraph graph, not the index the assessment uses.
        let graph = crate::graph::NetworkGraph::build(data, links, rules);
        let mut n = 0;
        for f in &data.facilities {
            for h in data.hospitals.iter().filter(|h| h.discloses) {
                let request = PlanRequest {
                    start: Start::Facility(f.id.clone()),
                    targets: vec![h.id.clone()],
                    max_relays: None,
                    exclude: Vec::new(),
                };
                let answer = crate::planner::plan_joins(&graph, &request, PlanLimits::default());
                if answer.is_ok_and(|a| a.plans.first().is_some_and(|p| p.join.is_empty())) {
                    n += 1;
                }
            }
        }
        n
    }

    #[test]
    fn changes_naming_missing_records_are_reported_with_their_field() {
        let data = bundled();
        let what_if = WhatIf {
            name: "typos".into(),
            changes: vec![
                Change::ConnectUnions {
                    a: UnionId::from("tmnit"),
                    b: UnionId::from("nope"),
                },
                Change::GoLive {
                    hospital: HospitalId::from("mars-general"),
                    union_name: "x".into(),
                },
            ],
        };
        let unknown = unknown_records(&data, &what_if);
        assert_eq!(
            unknown,
            vec![
                UnknownRecord {
                    change: 0,
                    field: "b",
                    id: "nope".into()
                },
                UnknownRecord {
                    change: 1,
                    field: "hospital",
                    id: "mars-general".into()
                },
            ]
        );
    }

    #[test]
    fn an_empty_what_if_changes_nothing() {
        let data = bundled();
        for rules in [Rules::Confirmed, Rules::AssumeAgreements] {
            let a = assess(&data, &WhatIf::default(), rules, usize::MAX);
            assert_eq!(a.before, a.after, "{rules:?}");
            assert_eq!(a.improved_cells, 0, "{rules:?}");
            assert!(a.shorter.is_empty(), "{rules:?}");
            assert!(a.pairs.iter().all(|w| w.before == w.after), "{rules:?}");
            // 9 named facilities × 7 開示病院.
            assert_eq!(a.plans_compared, 63, "{rules:?}");
            assert!(!a.plans_truncated, "{rules:?}");
        }
    }

    #[test]
    fn a_proposed_agreement_opens_nothing_under_the_confirmed_rule() {
        // 市立札幌 and 北大 sign a 病院間協定: sharing between the two
        // hospitals only, so no member facility sees more.
        let data = bundled();
        let what_if = WhatIf {
            name: "市立札幌–北大".into(),
            changes: vec![Change::AddAgreement {
                from: HospitalId::from("shiritsu"),
                to: HospitalId::from("hokudai"),
            }],
        };
        let a = assess(&data, &what_if, Rules::Confirmed, usize::MAX);
        assert_eq!(a.before, a.after);
        assert_eq!(a.improved_cells, 0);
        assert!(a.shorter.is_empty());
        // Assumed to count, it relays 北大's records to すずらんネット (1 relay)
        // and 市立札幌's to ICT, so cells improve.
        let assumed = assess(&data, &what_if, Rules::AssumeAgreements, usize::MAX);
        let cell = |m: &ReachMatrix, u: &str, h: &str| {
            super::cell(m, &UnionId::from(u), &HospitalId::from(h)).flatten()
        };
        assert_eq!(cell(&assumed.before, "shiritsu-suzuran", "hokudai"), None);
        assert_eq!(cell(&assumed.after, "shiritsu-suzuran", "hokudai"), Some(1));
        assert_eq!(cell(&assumed.after, "hokudai-ict", "shiritsu"), Some(1));
        assert!(assumed.improved_cells > 0);
    }

    #[test]
    fn connecting_every_union_agrees_with_the_planner_and_only_shortens_plans() {
        let data = bundled();
        let unions: Vec<UnionId> = data.unions.iter().map(|u| u.id.clone()).collect();
        let changes = unions
            .windows(2)
            .map(|w| Change::ConnectUnions {
                a: w[0].clone(),
                b: w[1].clone(),
            })
            .collect();
        let what_if = WhatIf {
            name: "all".into(),
            changes,
        };
        let (next, links) = apply_what_if(&data, &what_if);
        // Pairs today, by hand: the 8 facilities on TMNIT's 幹事一覧 are not
        // said to be members, so they see nothing; みき (TMNIT, 天使's 協議会,
        // すずらん, by its UNION labels) sees 手稲, 天使 and 市立札幌: 3.
        // Assuming agreements, TMNIT also reaches 北大 and がんセンター
        // (手稲's agreements) and 天使 (北大's list), and みき adds 市立札幌: 5.
        for (rules, today) in [(Rules::Confirmed, 3), (Rules::AssumeAgreements, 5)] {
            let a = assess(&data, &what_if, rules, usize::MAX);
            let before: usize = a.pairs.iter().map(|w| w.before).sum();
            let after: usize = a.pairs.iter().map(|w| w.after).sum();
            assert_eq!(before, today, "{rules:?}");
            assert_eq!(before, pairs_by_planner(&data, &[], rules), "{rules:?}");
            assert_eq!(after, pairs_by_planner(&next, &links, rules), "{rules:?}");
            // With every union chained, みき sees all 7 hospitals; the eight
            // with no union said outright still see none.
            assert_eq!(after, 7, "{rules:?}");
            assert!(a.improved_cells > 0, "{rules:?}");
            for s in &a.shorter {
                assert!(s.after < s.before || s.before.is_none(), "{s:?}");
                assert_eq!(s.after.map(|c| c.0), Some(0), "{s:?}");
            }
            assert!(!a.shorter.is_empty(), "{rules:?}");
        }
    }

    #[test]
    fn a_join_adds_pairs_in_the_facilitys_ward_and_a_go_live_adds_a_column() {
        let data = bundled();
        let what_if = WhatIf {
            name: "miki joins ICT; 札幌医大 goes live".into(),
            changes: vec![
                Change::Join {
                    facility: FacilityId::from("miki-family-clinic"),
                    union: UnionId::from("hokudai-ict"),
                },
                Change::GoLive {
                    hospital: HospitalId::from("sapmed"),
                    union_name: "札幌医大ネット".into(),
                },
            ],
        };
        // Before the join, みき's best plan to 北大 is to join ICT under the
        // confirmed rule (1 union, 0 relays); assuming agreements, 手稲 (or
        // 天使) relays 北大's records to it with nothing joined (0 unions, 1 relay).
        for (rules, was) in [
            (Rules::Confirmed, (1, 0)),
            (Rules::AssumeAgreements, (0, 1)),
        ] {
            let a = assess(&data, &what_if, rules, usize::MAX);
            assert_eq!(a.after.hospitals.len(), a.before.hospitals.len() + 1);
            assert_eq!(a.after.unions.len(), a.before.unions.len() + 1);
            let higashi = a
                .pairs
                .iter()
                .find(|w| w.ward == Some(WardId::from("higashi")))
                .expect("みきファミリークリニック is in 東区");
            assert!(higashi.after >= higashi.before);
            // The plan to 北大 for みき now needs no union (it joined ICT).
            let to_hokudai = a
                .shorter
                .iter()
                .find(|s| s.hospital == HospitalId::from("hokudai"))
                .expect("shorter plan to 北大");
            assert_eq!(to_hokudai.before, Some(was), "{rules:?}");
            assert_eq!(to_hokudai.after, Some((0, 0)), "{rules:?}");
            // Only the first max_plans pairs are compared when asked.
            let few = assess(&data, &what_if, rules, 5);
            assert_eq!(few.plans_compared, 5);
            assert!(few.plans_truncated);
        }
    }
}
