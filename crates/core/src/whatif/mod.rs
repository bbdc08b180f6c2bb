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

/// One proposed change. Written as an object tagged by `kind`
/// (`{"kind": "join", "facility": …, "union": …}`), and read through
/// [`ChangeRecord`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "ChangeRecord")]
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

/// A [`Change`] as its JSON object holds it: the `kind` and every field any
/// kind has. Serde's own reader for an enum tagged inside the object keeps
/// the whole object before it reads the tag, and took 12 KB of the app's
/// wasm; this one reads each field where it stands, in about a third of
/// that, with the same messages.
/// A field that is there must hold a value: `null` is refused as it was.
#[derive(Deserialize)]
#[serde(expecting = "a change (an object with its `kind`)")]
struct ChangeRecord {
    kind: ChangeKind,
    #[serde(default, deserialize_with = "present")]
    a: Option<UnionId>,
    #[serde(default, deserialize_with = "present")]
    b: Option<UnionId>,
    #[serde(default, deserialize_with = "present")]
    from: Option<HospitalId>,
    #[serde(default, deserialize_with = "present")]
    to: Option<HospitalId>,
    #[serde(default, deserialize_with = "present")]
    facility: Option<FacilityId>,
    #[serde(default, deserialize_with = "present")]
    union: Option<UnionId>,
    #[serde(default, deserialize_with = "present")]
    hospital: Option<HospitalId>,
    #[serde(default, deserialize_with = "present")]
    union_name: Option<String>,
}

/// A field that is there, read as its type (so `null` is an error); one
/// that is not is `None` by `default`.
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// The tags of [`Change`].
enum ChangeKind {
    ConnectUnions,
    AddAgreement,
    Join,
    GoLive,
}

impl<'de> Deserialize<'de> for ChangeKind {
    /// Read as serde reads a tag: a string naming the kind, or "invalid
    /// type: …, expected variant identifier" (a derived unit enum would ask
    /// `serde_json` for an enum, which answers a number with a bare
    /// "expected value").
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Tag;
        impl serde::de::Visitor<'_> for Tag {
            type Value = ChangeKind;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("variant identifier")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ChangeKind, E> {
                const NAMES: &[&str] = &["connect_unions", "add_agreement", "join", "go_live"];
                match text {
                    "connect_unions" => Ok(ChangeKind::ConnectUnions),
                    "add_agreement" => Ok(ChangeKind::AddAgreement),
                    "join" => Ok(ChangeKind::Join),
                    "go_live" => Ok(ChangeKind::GoLive),
                    _ => Err(E::unknown_variant(text, NAMES)),
                }
            }
        }
        deserializer.deserialize_identifier(Tag)
    }
}

/// A field the change's kind needs is not there: the message is serde's own.
struct MissingField(&'static str);

impl std::fmt::Display for MissingField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "missing field `{}`", self.0)
    }
}

impl TryFrom<ChangeRecord> for Change {
    type Error = MissingField;

    fn try_from(record: ChangeRecord) -> Result<Self, MissingField> {
        fn need<T>(value: Option<T>, name: &'static str) -> Result<T, MissingField> {
            value.ok_or(MissingField(name))
        }
        Ok(match record.kind {
            ChangeKind::ConnectUnions => Change::ConnectUnions {
                a: need(record.a, "a")?,
                b: need(record.b, "b")?,
            },
            ChangeKind::AddAgreement => Change::AddAgreement {
                from: need(record.from, "from")?,
                to: need(record.to, "to")?,
            },
            ChangeKind::Join => Change::Join {
                facility: need(record.facility, "facility")?,
                union: need(record.union, "union")?,
            },
            ChangeKind::GoLive => Change::GoLive {
                hospital: need(record.hospital, "hospital")?,
                union_name: need(record.union_name, "union_name")?,
            },
        })
    }
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
                    // A membership the report only implies (a 幹事一覧) is
                    // no membership: joining makes it one, on the what-if.
                    f.memberships.retain(|m| &m.union != union || m.is_stated());
                    if !f.memberships.iter().any(|m| &m.union == union) {
                        f.memberships
                            .push(Membership::stated(union.clone(), source.clone()));
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
