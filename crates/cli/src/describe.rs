//! How the plan and reach output name and explain records, in both
//! languages: names for ids, sourced passages, why a target is out of reach,
//! how to join a union, and the targets' hospital links.

use std::fmt::Write as _;

use serde_json::{json, Value};
use tsunagu_core::access::{self, Partner, Rules};
use tsunagu_core::graph::{Node, Proposed};
use tsunagu_core::model::{
    Dataset, FacilityId, HospitalId, LinkKind, Source, SourcedText, Text, UnionId,
};
use tsunagu_core::planner::{TargetPath, Unreachable};
use tsunagu_core::text;
use tsunagu_core::whatif::WhatIf;

use crate::texts;

/// A text on one line, as the CLI prints both languages: 「ja / en」.
pub fn both(text: &Text) -> String {
    format!("{} / {}", text.ja, text.en)
}

pub fn text_json(text: &Text) -> Value {
    json!({"ja": text.ja, "en": text.en})
}

pub fn hospital_name(data: &Dataset, id: &HospitalId) -> String {
    data.hospital_name(id)
}

/// A hospital's name in both languages, for the core's shared texts.
pub fn hospital_text(data: &Dataset, id: &HospitalId) -> Text {
    data.hospital_names(id)
}

pub fn union_name(data: &Dataset, id: &UnionId) -> String {
    data.union_name(id)
}

/// What a plan starts from beyond the request: the facility (when it is in
/// the data) and the what-if applied, if it changes anything.
pub struct Basis<'a> {
    /// The facility planned for, when it is one of the data's.
    pub facility: Option<&'a FacilityId>,
    /// The what-if, when it has changes.
    pub what_if: Option<&'a WhatIf>,
}

impl Basis<'_> {
    /// The facility's unions by name, each a what-if supposes marked so.
    pub fn members(&self, data: &Dataset, members: &[UnionId]) -> Vec<String> {
        let proposed = Proposed::of(data);
        members
            .iter()
            .map(|u| {
                let name = union_name(data, u);
                if self.facility.is_some_and(|f| proposed.membership(f, u)) {
                    format!("{name}{}", texts::PROPOSED_MEMBER)
                } else {
                    name
                }
            })
            .collect()
    }

    /// The unions whose 幹事一覧 names the facility, with where it is
    /// printed: the report does not call these memberships, so no plan
    /// counts them.
    pub fn officer_list_only<'d>(&self, data: &'d Dataset) -> Vec<(&'d UnionId, &'d Source)> {
        self.facility
            .and_then(|id| data.facility(id))
            .map(|f| {
                f.memberships
                    .iter()
                    .filter(|m| !m.is_stated())
                    .map(|m| (&m.union, &m.source))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A node on a path by its name; a facility by its id, as the data has it.
pub fn node_name(data: &Dataset, node: &Node) -> String {
    match node {
        Node::Hospital(id) => hospital_name(data, id),
        Node::Union(id) => union_name(data, id),
        Node::Facility(id) => id.0.clone(),
    }
}

/// A path's steps by name: the facility, the union it enters by, then each
/// hop.
pub fn steps(data: &Dataset, facility: &str, path: &TargetPath) -> Vec<String> {
    let mut steps = vec![facility.to_owned(), union_name(data, &path.union)];
    steps.extend(path.hops.iter().map(|hop| node_name(data, &hop.node)));
    steps
}

fn section_title(data: &Dataset, source: &Source) -> Option<String> {
    data.section(&source.section).map(|s| s.title.ja.clone())
}

pub fn source_json(data: &Dataset, source: &Source) -> Value {
    json!({
        "section": source.section.0,
        "title": section_title(data, source),
        "quote": source.quote,
    })
}

/// Where a passage is printed, for the text output: the section's title,
/// its id, and the quote.
pub fn source_line(data: &Dataset, source: &Source) -> String {
    let place = match section_title(data, source) {
        Some(title) => format!("{title} ({})", source.section.0),
        None => source.section.0.clone(),
    };
    let mut line = match &source.quote {
        Some(quote) => format!("{place} {}", texts::quote(quote)),
        None => place,
    };
    // Where the quote prints a name differently, say which name it means.
    for m in access::misprints(data, source) {
        let _ = write!(line, " {}", texts::misprint(m.as_written, m.name));
    }
    line
}

pub fn link_kind(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Agreement => "agreement",
        LinkKind::IdlinkPartner => "idlink_partner",
    }
}

/// Why a target is out of reach, in both languages.
pub fn explanation(data: &Dataset, unreachable: &Unreachable) -> Text {
    let union = |id: &tsunagu_core::model::UnionId| {
        let name = union_name(data, id);
        Text {
            ja: name.clone(),
            en: name,
        }
    };
    text::unreachable_reason(unreachable, |id| hospital_text(data, id), union)
}

/// What a plan's reader needs to join one union: its hosts, when it was
/// founded, how many institutions its first host links, and what the report
/// says about joining, each passage sourced.
pub struct Joining {
    pub union: String,
    pub hosts: Vec<String>,
    pub founded: Option<String>,
    pub linked_institutions: Option<String>,
    pub how: Vec<SourcedText>,
}

pub fn joining(data: &Dataset, union: &UnionId) -> Option<Joining> {
    let (record, how) = text::joining(data, union)?;
    let linked_institutions = record.hosts.first().and_then(|host| {
        data.hospital(host)
            .and_then(|h| h.linked_institutions.first())
            .map(|reading| reading.as_written.clone())
    });
    Some(Joining {
        union: record.name.clone(),
        hosts: record
            .hosts
            .iter()
            .map(|h| hospital_name(data, h))
            .collect(),
        founded: record.founded.as_ref().map(|m| m.0.clone()),
        linked_institutions,
        how,
    })
}

/// The hospital links of each target, each target once: context beside the
/// plans, never a way in.
pub fn context<'a>(
    data: &'a Dataset,
    targets: &'a [HospitalId],
) -> Vec<(&'a HospitalId, Partner<'a>)> {
    let mut seen: Vec<&HospitalId> = Vec::new();
    let mut out = Vec::new();
    for target in targets {
        if seen.contains(&target) {
            continue;
        }
        seen.push(target);
        out.extend(
            access::partners(data, target)
                .into_iter()
                .map(|p| (target, p)),
        );
    }
    out
}

pub fn partner_note(
    data: &Dataset,
    target: &HospitalId,
    partner: &Partner<'_>,
    rules: Rules,
) -> Text {
    text::partner_note(
        &hospital_text(data, target),
        &hospital_text(data, partner.hospital),
        partner.link.kind,
        rules,
    )
}
