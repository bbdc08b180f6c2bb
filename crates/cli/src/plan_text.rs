//! The plan as text (`tsunagu plan`): each line in Japanese and English.

use tsunagu_core::model::{Dataset, HospitalId, UnionId};
use tsunagu_core::planner::PlanAnswer;
use tsunagu_core::text;

use crate::describe::{
    both, context, explanation, hospital_name, joining, partner_note, source_line, steps,
    union_name, Joining,
};
use crate::output::out;

/// One union to join: its hosts, when it was founded, how many institutions
/// it links, and each sourced passage on joining.
fn print_joining(data: &Dataset, joining: &Joining) {
    let unknown = "不明 / unknown";
    out!(
        "  ・{} — ホスト / host: {}; 発足 / founded: {}; 連携医療機関数 / linked institutions: {}",
        joining.union,
        joining.hosts.join("、"),
        joining.founded.as_deref().unwrap_or(unknown),
        joining.linked_institutions.as_deref().unwrap_or(unknown),
    );
    for how in &joining.how {
        out!("      {} / {}", how.ja, how.en);
        out!("        出典 / source: {}", source_line(data, &how.source));
    }
}

/// The whole answer, plan by plan, then the targets out of reach, the
/// targets' hospital links as context, and the consent caveat.
pub fn print_answer(data: &Dataset, facility: &str, targets: &[HospitalId], answer: &PlanAnswer) {
    let names = |ids: &[UnionId]| {
        ids.iter()
            .map(|u| union_name(data, u))
            .collect::<Vec<_>>()
            .join("、")
    };
    out!("{}", both(&text::rules_name(answer.rules)));
    out!("施設 / facility: {facility}");
    out!(
        "加入中 / member of: {}",
        if answer.members.is_empty() {
            "なし / none".to_owned()
        } else {
            names(&answer.members)
        }
    );
    if answer.plans.is_empty() {
        out!("条件に合うプランはありません / no plan meets the options.");
    }
    for plan in &answer.plans {
        out!("");
        if plan.join.is_empty() {
            out!(
                "■ 加入不要 / no union to join — 中継 / relays: 最大 {}",
                plan.relays
            );
        } else {
            out!(
                "■ {}ユニオンに加入 / join {}: {} — 中継 / relays: 最大 {}",
                plan.join.len(),
                plan.join.len(),
                names(&plan.join),
                plan.relays
            );
        }
        for &assumption in &plan.assumptions {
            out!("  ⚠ {}", both(&text::assumption_mark(assumption)));
            out!("    {}", both(&text::assumption_caveat(assumption)));
        }
        if !plan.exact {
            out!(
                "  (最善の候補。必要数の下限は {} / best found; at least {} are needed)",
                plan.lower_bound,
                plan.lower_bound
            );
        }
        for alternative in &plan.alternatives {
            out!("  別案 / or: {}", names(alternative));
        }
        for path in &plan.paths {
            out!(
                "  → {} ({} relays): {}",
                hospital_name(data, &path.target),
                path.relays,
                steps(data, facility, path).join(" → ")
            );
        }
        if !plan.join.is_empty() {
            out!("  加入方法 / how to join:");
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
        out!("\n病院間の連携（参考） / hospital links (context):");
        for (target, partner) in &context {
            out!(
                "  ・{}",
                both(&partner_note(data, target, partner, answer.rules))
            );
            out!(
                "    出典 / source: {}",
                source_line(data, &partner.link.source)
            );
        }
    }
    out!("\n{}", both(&text::consent_caveat()));
}
