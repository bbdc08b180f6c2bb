//! What-ifs for the council: a named list of changes, applied to a copy of
//! the data.
//!
//! A change connects two unions, adds an agreement between two hospitals,
//! has a facility join a union, or has a hospital go live with its own
//! union. [`assess`] measures what a what-if changes, with the reach matrix
//! ([`crate::reach`]) before and after, under the access rules in force
//! ([`crate::access::Rules`]): a proposed agreement is context like any
//! other agreement unless agreements are assumed to count.

pub mod assess;

use serde::{Deserialize, Serialize};

use crate::graph::UnionLink;
use crate::model::{
    Dataset, FacilityId, HospitalId, Link, LinkId, LinkKind, Membership, SectionId, Source, Union,
    UnionId,
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

/// A named what-if.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatIf {
    /// Its name.
    pub name: String,
    /// Its changes, applied in order.
    pub changes: Vec<Change>,
}

pub use crate::model::WHAT_IF_SECTION;

/// The dataset and the union links a what-if gives. Changes naming records
/// the dataset lacks are skipped; validation of the result reports nothing
/// new for them.
pub fn apply_what_if(data: &Dataset, what_if: &WhatIf) -> (Dataset, Vec<UnionLink>) {
    let mut next = data.clone();
    let source = Source {
        section: SectionId(WHAT_IF_SECTION.to_owned()),
        quote: Some(what_if.name.clone()),
    };
    let (heading, title) = crate::text::what_if_section();
    next.ensure_section(WHAT_IF_SECTION, heading, title, 998);
    let mut links = Vec::new();
    for (i, change) in what_if.changes.iter().enumerate() {
        match change {
            Change::ConnectUnions { a, b } => links.push(UnionLink {
                a: a.clone(),
                b: b.clone(),
                directed: false,
                label: what_if.name.clone(),
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

/// The report's next step, 「全体でユニオンを繋げる」, as a what-if: every
/// pair of the data's unions connected, in the dataset's order.
pub fn connect_every_union(data: &Dataset, name: &str) -> WhatIf {
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
    WhatIf {
        name: name.to_owned(),
        changes,
    }
}
