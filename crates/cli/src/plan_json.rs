//! The plan as JSON (`tsunagu plan --json`): the keys ARCHITECTURE.md
//! lists and tests/cli.rs holds the tool to.

use serde_json::{json, Value};
use tsunagu_core::graph::{Edge, Proposed};
use tsunagu_core::model::{Dataset, HospitalId, UnionId};
use tsunagu_core::planner::{Entry, PlanAnswer, Unreachable, UnreachableReason};
use tsunagu_core::text;

use crate::describe::{
    both, context, explanation, hospital_name, joining, link_kind, node_name, partner_note,
    source_json, steps, text_json, union_name, Basis, Joining,
};

/// A target out of reach, with its reason's code and, where the reason has
/// them, its figures or unions.
fn unreachable_json(data: &Dataset, unreachable: &Unreachable) -> Value {
    let mut out = json!({
        "target": hospital_name(data, &unreachable.target),
        "reason": unreachable.reason.code(),
        "explanation": text_json(&explanation(data, unreachable)),
        "shares_with": unreachable
            .shares_with
            .iter()
            .map(|h| hospital_name(data, h))
            .collect::<Vec<_>>(),
    });
    match &unreachable.reason {
        UnreachableReason::TooManyRelays { needed, allowed } => {
            out["needed"] = json!(needed);
            out["allowed"] = json!(allowed);
        }
        UnreachableReason::OnlyExcluded { unions } => {
            out["unions"] = json!(unions
                .iter()
                .map(|u| union_name(data, u))
                .collect::<Vec<_>>());
        }
        UnreachableReason::HostsNoUnion | UnreachableReason::NoPath => {}
    }
    out
}

fn joining_json(data: &Dataset, joining: &Joining) -> Value {
    json!({
        "union": joining.union,
        "hosts": joining.hosts,
        "founded": joining.founded,
        "linked_institutions": joining.linked_institutions,
        "how": joining.how.iter().map(|h| json!({
            "ja": h.ja,
            "en": h.en,
            "source": source_json(data, &h.source),
        })).collect::<Vec<_>>(),
    })
}

fn edge_json(data: &Dataset, edge: &Edge) -> Value {
    match edge {
        Edge::MemberOf => json!({"kind": "member_of"}),
        Edge::HostedBy => json!({"kind": "hosted_by"}),
        Edge::UnionLink { label, source } => {
            let mut out = json!({"kind": "union_link", "label": label});
            if let Some(source) = source {
                out["source"] = source_json(data, source);
            }
            out
        }
        Edge::Link { kind, link, source } => json!({
            "kind": link_kind(*kind),
            "link": link.0,
            "source": source_json(data, source),
        }),
    }
}

/// The whole answer: the rules, the facility and its unions, each plan with
/// how to join and every path hop by hop, the targets out of reach and why,
/// the targets' hospital links as context, and the consent caveat.
pub fn answer_json(
    data: &Dataset,
    basis: &Basis<'_>,
    facility: &str,
    targets: &[HospitalId],
    answer: &PlanAnswer,
) -> Value {
    let names = |ids: &[UnionId]| ids.iter().map(|u| union_name(data, u)).collect::<Vec<_>>();
    let proposed = Proposed::of(data);
    let mut out = json!({
        "rules": answer.rules.as_str(),
        "facility": facility,
        "members": names(&answer.members),
        "members_what_if": answer
            .members
            .iter()
            .filter(|u| basis.facility.is_some_and(|f| proposed.membership(f, u)))
            .map(|u| union_name(data, u))
            .collect::<Vec<_>>(),
        "officer_list_only": basis
            .officer_list_only(data)
            .into_iter()
            .map(|(u, source)| json!({"union": union_name(data, u), "source": source_json(data, source)}))
            .collect::<Vec<_>>(),
        "plans": answer.plans.iter().map(|plan| json!({
            "join": names(&plan.join),
            "relays": plan.relays,
            "assumptions": plan.assumptions,
            "alternatives": plan.alternatives.iter().map(|a| names(a)).collect::<Vec<_>>(),
            "alternatives_truncated": plan.alternatives_truncated,
            "exact": plan.exact,
            "lower_bound": plan.lower_bound,
            "joining": plan
                .join
                .iter()
                .filter_map(|u| joining(data, u))
                .map(|j| joining_json(data, &j))
                .collect::<Vec<_>>(),
            "paths": plan.paths.iter().map(|path| json!({
                "target": hospital_name(data, &path.target),
                "relays": path.relays,
                "steps": steps(data, facility, path),
                "entry": match path.entry { Entry::Member => "member", Entry::Join => "join" },
                "hops": path.hops.iter().map(|hop| json!({"to": node_name(data, &hop.node), "via": edge_json(data, &hop.edge)})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "unreachable": answer
            .unreachable
            .iter()
            .map(|u| unreachable_json(data, u))
            .collect::<Vec<_>>(),
        "context": context(data, targets)
            .into_iter()
            .map(|(target, partner)| json!({
                "target": hospital_name(data, target),
                "partner": hospital_name(data, partner.hospital),
                "kind": link_kind(partner.link.kind),
                "note": text_json(&partner_note(data, target, &partner, answer.rules)),
                "source": source_json(data, &partner.link.source),
            }))
            .collect::<Vec<_>>(),
        "caveat": both(&text::consent_caveat()),
    });
    if let Some(what_if) = basis.what_if {
        out["what_if"] = json!({"name": what_if.name, "changes": what_if.changes.len()});
    }
    out
}
