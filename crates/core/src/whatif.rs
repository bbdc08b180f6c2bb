//! What-if scenarios for the council, and the reach matrix they change.
//!
//! A scenario is a named list of changes: connect two unions, add an
//! agreement between two hospitals, have a facility join a union, or have a
//! hospital go live with its own union. The reach matrix says, for each
//! union and each 開示病院, the fewest relays by which a member of the union
//! reaches the hospital without joining anything, under the access rules in
//! force ([`crate::access::Rules`]): a proposed agreement is context like any
//! other agreement unless agreements are assumed to count.

use serde::{Deserialize, Serialize};

use crate::graph::{NetworkGraph, UnionLink};
use crate::model::{
    Dataset, FacilityId, HospitalId, Link, LinkId, LinkKind, Membership, SectionId, Source, Text,
    Union, UnionId,
};

/// One proposed change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// Connect union `a` and union `b` (two-way).
    ConnectUnions {
        /// One union.
        a: UnionId,
        /// The other.
        b: UnionId,
    },
    /// A 病院間協定 between two hospitals (two-way).
    AddAgreement {
        /// One hospital.
        from: HospitalId,
        /// The other.
        to: HospitalId,
    },
    /// A facility joins a union.
    Join {
        /// The facility.
        facility: FacilityId,
        /// The union.
        union: UnionId,
    },
    /// A hospital goes live on ID-Link with its own union.
    GoLive {
        /// The hospital.
        hospital: HospitalId,
        /// The new union's name.
        union_name: String,
    },
}

/// A named proposal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    /// Its name.
    pub name: String,
    /// Its changes, applied in order.
    pub changes: Vec<Change>,
}

/// The section that sources what a scenario adds.
pub const SCENARIO_SECTION: &str = "scenario";

/// The dataset and the union links a scenario gives. Changes naming records
/// the dataset lacks are skipped; validation of the result reports nothing
/// new for them.
pub fn apply_scenario(data: &Dataset, scenario: &Scenario) -> (Dataset, Vec<UnionLink>) {
    let mut next = data.clone();
    let source = Source {
        section: SectionId(SCENARIO_SECTION.to_owned()),
        quote: Some(scenario.name.clone()),
    };
    next.ensure_section(
        SCENARIO_SECTION,
        "仮定",
        Text {
            ja: "仮定（what-if）".to_owned(),
            en: "What-if".to_owned(),
        },
        998,
    );
    let mut links = Vec::new();
    for (i, change) in scenario.changes.iter().enumerate() {
        match change {
            Change::ConnectUnions { a, b } => links.push(UnionLink {
                a: a.clone(),
                b: b.clone(),
                directed: false,
                label: scenario.name.clone(),
                source: None,
            }),
            Change::AddAgreement { from, to } => next.links.push(Link {
                id: LinkId(format!("whatif-{i}")),
                kind: LinkKind::Agreement,
                from: from.clone(),
                to: to.clone(),
                directed: false,
                region_group: None,
                source: source.clone(),
            }),
            Change::Join { facility, union } => {
                if let Some(f) = next.facilities.iter_mut().find(|f| &f.id == facility) {
                    if !f.memberships.iter().any(|m| &m.union == union) {
                        f.memberships.push(Membership {
                            union: union.clone(),
                            source: source.clone(),
                        });
                    }
                }
            }
            Change::GoLive {
                hospital,
                union_name,
            } => {
                if let Some(h) = next.hospitals.iter_mut().find(|h| &h.id == hospital) {
                    h.discloses = true;
                    next.unions.push(Union::new(
                        UnionId(format!("whatif-{i}")),
                        union_name.clone(),
                        vec![hospital.clone()],
                        source.clone(),
                    ));
                }
            }
        }
    }
    (next, links)
}

/// The report's next step, 「全体でユニオンを繋げる」, as a scenario: every
/// pair of the data's unions connected, in the dataset's order.
pub fn connect_every_union(data: &Dataset, name: &str) -> Scenario {
    let changes = data
        .unions
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            data.unions[i + 1..]
                .iter()
                .map(move |b| Change::ConnectUnions {
                    a: a.id.clone(),
                    b: b.id.clone(),
                })
        })
        .collect();
    Scenario {
        name: name.to_owned(),
        changes,
    }
}

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
    crate::index::reach_only(data, graph).reach_matrix()
}
