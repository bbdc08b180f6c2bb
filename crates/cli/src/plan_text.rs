//! The plan as text (`tsunagu plan`): each line in Japanese and English.

use tsunagu_core::model::{Dataset, HospitalId, UnionId};
use tsunagu_core::planner::PlanAnswer;
use tsunagu_core::text;

use crate::describe::{
    both, context, explanation, hospital_name, joining, partner_note, source_line, steps,
    union_name, Basis, Joining,
};
use crate::output::out;
use crate::texts;

/// One union to join: its hosts, when it was founded, how many institutions
/// it links, and each sourced passage on joining.
fn print_joining(data: &Dataset, joining: &Joining) {
    out!(
        "  {}",
        texts::bullet(&texts::joining(
            &joining.union,
            &joining.hosts,
            joining.founded.as_deref(),
            joining.linked_institutions.as_deref(),
        ))
    );
    for how in &joining.how {
        out!("      {} / {}", how.ja, how.en);
        out!(
            "        {}: {}",
            texts::SOURCE,
            source_line(data, &how.source)
        );
    }
}

/// The whole answer, plan by plan, then the targets out of reach, the
/// targets' hospital links as context, and the consent caveat.
pub fn print_answer(
    data: &Dataset,
    basis: &Basis<'_>,
    facility: &str,
    targets: &[HospitalId],
    answer: &PlanAnswer,
) {
    let union_names = |ids: &[UnionId]| ids.iter().map(|u| union_name(data, u)).collect::<Vec<_>>();
    out!("{}", both(&text::rules_name(answer.rules)));
    if let Some(what_if) = basis.what_if {
        out!(
            "⚠ {}",
            texts::what_if_heading(&what_if.name, what_if.changes.len())
        );
    }
    out!("{}: {facility}", texts::FACILITY);
    out!(
        "{}: {}",
        texts::MEMBER_OF,
        if answer.members.is_empty() {
            texts::NONE.to_owned()
        } else {
            texts::names(&basis.members(data, &answer.members))
        }
    );
    let officer_list = basis.officer_list_only(data);
    if !officer_list.is_empty() {
        let names: Vec<String> = officer_list
            .iter()
            .map(|(u, _)| union_name(data, u))
            .collect();
        out!("{}: {}", texts::OFFICER_LIST_ONLY, texts::names(&names));
        out!("  {}", texts::OFFICER_LIST_NOTE);
        for (_, source) in &officer_list {
            out!("  {}: {}", texts::SOURCE, source_line(data, source));
        }
    }
    if answer.plans.is_empty() {
        out!("{}", texts::NO_PLAN);
    }
    for plan in &answer.plans {
        out!("");
        out!(
            "{}",
            texts::plan_heading(&union_names(&plan.join), plan.relays)
        );
        for &assumption in &plan.assumptions {
            out!("  ⚠ {}", both(&text::assumption_mark(assumption)));
            out!("    {}", both(&text::assumption_caveat(assumption)));
        }
        if !plan.exact {
            out!("  {}", texts::best_found(plan.lower_bound));
        }
        for alternative in &plan.alternatives {
            out!(
                "  {}: {}",
                texts::OR,
                texts::names(&union_names(alternative))
            );
        }
        for path in &plan.paths {
            out!(
                "  {}",
                texts::path(
                    &hospital_name(data, &path.target),
                    path.relays,
                    &steps(data, facility, path)
                )
            );
        }
        if !plan.join.is_empty() {
            out!("  {}:", texts::HOW_TO_JOIN);
            for joining in plan.join.iter().filter_map(|u| joining(data, u)) {
                print_joining(data, &joining);
            }
        }
    }
    for u in &answer.unreachable {
        out!(
            "\n× {}: {}",
            hospital_name(data, &u.target),
            both(&explanation(data, u))
        );
    }
    let context = context(data, targets);
    if !context.is_empty() {
        out!("\n{}:", texts::HOSPITAL_LINKS);
        for (target, partner) in &context {
            out!(
                "  {}",
                texts::bullet(&both(&partner_note(data, target, partner, answer.rules)))
            );
            out!(
                "    {}: {}",
                texts::SOURCE,
                source_line(data, &partner.link.source)
            );
        }
    }
    out!("\n{}", both(&text::consent_caveat()));
}
