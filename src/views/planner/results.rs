//! 経路プラン's results: a card per plan, the targets' hospital links as
//! context, the targets out of reach and why, and the link to share.

use tsunagu_core::access::{partners, Rules};
use tsunagu_core::model::{Dataset, FacilityId, HospitalId, LinkKind, UnionId};
use tsunagu_core::planner::{PlanAnswer, Progress};
use yew::prelude::*;

use super::share_link::ShareLink;
use super::share_url;
use crate::components::tags;
use crate::components::{outside_layer, pick, plan_card, PlanCardProps};
use crate::dataset_handle::DatasetHandle;
use crate::hooks::{PlanFailure, PlanHandle, PlanStatus};
use crate::i18n::Lang;
use crate::lookup::{hospital_name_in, hospital_text};
use crate::plan_query::{PlanQuery, StartQuery};

/// What [`plan_results`] draws from.
pub(super) struct ResultsProps {
    pub(super) lang: Lang,
    pub(super) data: DatasetHandle,
    pub(super) query: PlanQuery,
    pub(super) plan: PlanHandle,
    pub(super) dropped: bool,
    pub(super) rules: Rules,
    /// The saved what-if the plans run under, by name.
    pub(super) what_if: Option<AttrValue>,
    /// The report's own data (`data` is a what-if's, under one).
    pub(super) real: DatasetHandle,
    /// Under the assumption or a what-if, the same query on `real` under
    /// the confirmed rules.
    pub(super) confirmed: PlanHandle,
    /// A shared link's first frame: the cards on screen only; the context,
    /// the share link, the outside facts and each card's printed parts
    /// come after the next paint.
    pub(super) later: bool,
}

/// Under the assumption or a what-if, what the confirmed rules answer on
/// the report's data (`data`): their plans and the targets they do not
/// reach, in one line (`None` until it is known).
fn confirmed_line(lang: Lang, data: &Dataset, confirmed: &PlanHandle) -> Option<String> {
    let texts = &lang.texts().planner_view;
    let answer = confirmed.answer()?;
    let plans: Vec<String> = answer
        .plans
        .iter()
        .map(|p| crate::components::plan_title(lang, data, p, false))
        .collect();
    let mut line = texts.confirmed_plans.replace(
        "{plans}",
        &if plans.is_empty() {
            texts.no_plan_inline.to_owned()
        } else {
            plans.join(texts.plans_separator)
        },
    );
    if !answer.unreachable.is_empty() {
        let names: Vec<String> = answer
            .unreachable
            .iter()
            .map(|u| hospital_name_in(data, &u.target, lang))
            .collect();
        line.push_str(
            &texts
                .confirmed_unreachable
                .replace("{targets}", &lang.list(&names)),
        );
    }
    Some(line)
}

fn reason_text(
    lang: Lang,
    data: &Dataset,
    unreachable: &tsunagu_core::planner::Unreachable,
) -> String {
    let union = |id: &UnionId| data.union_names(id);
    pick(
        lang,
        &tsunagu_core::text::unreachable_reason(unreachable, |id| hospital_text(data, id), union),
    )
}

/// The targets' links to other hospitals, as context beside the plans: who
/// shares records with whom, never a way in for the facility.
fn context(lang: Lang, data: &Dataset, answer: &PlanAnswer) -> Html {
    let texts = &lang.texts().planner_view;
    let text_of = |id: &HospitalId| hospital_text(data, id);
    let targets = answer
        .plans
        .first()
        .map(|p| p.paths.iter().map(|path| &path.target).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(answer.unreachable.iter().map(|u| &u.target));
    // One line per target and kind of link, naming every partner, so that
    // a hospital with nine partners reads as two sentences, not nine.
    let mut seen: Vec<&HospitalId> = Vec::new();
    let items: Vec<Html> = targets
        .filter(|t| {
            let new = !seen.contains(t);
            seen.push(t);
            new
        })
        .flat_map(|target| {
            let links = partners(data, target);
            [LinkKind::Agreement, LinkKind::IdlinkPartner]
                .into_iter()
                .filter_map(|kind| {
                    let of_kind: Vec<_> = links.iter().filter(|p| p.link.kind == kind).collect();
                    if of_kind.is_empty() {
                        return None;
                    }
                    let names: Vec<tsunagu_core::model::Text> =
                        of_kind.iter().map(|p| text_of(p.hospital)).collect();
                    let note = tsunagu_core::text::partner_note(
                        &text_of(target),
                        &tsunagu_core::text::join_list(&names),
                        kind,
                        answer.rules,
                    );
                    Some(html! {
                        <li>
                            { pick(lang, &note) }
                            <p class="context-sources">
                                { format!("{}: ", texts.sources) }
                                { for sections(&of_kind.iter().map(|p| &p.link.source).collect::<Vec<_>>()).into_iter().map(|(section, quotes)| html! {
                                    <span class="source">
                                        { crate::lookup::section_title(data, section, lang) }
                                        { for quotes.iter().map(|q| html! { <>{ " " }{ tags::q((*q).clone()) }</> }) }
                                        { " " }
                                    </span>
                                }) }
                                { for of_kind.iter().flat_map(|p| crate::components::misprints(data, &p.link.source, lang)).map(|note| html! { <span class="misprint">{ note }</span> }) }
                            </p>
                        </li>
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="context" aria-labelledby="context-heading">
            // Said to be a way in only where a plan above goes through one.
            <h4 id="context-heading">{ if uses_links(answer) { texts.context_heading_assumed } else { texts.context_heading } }</h4>
            <ul>{ for items }</ul>
        </section>
    }
}

/// Sources grouped by section, each section once with its quotes, in the
/// order first seen.
fn sections<'a>(
    sources: &[&'a tsunagu_core::model::Source],
) -> Vec<(&'a tsunagu_core::model::SectionId, Vec<&'a String>)> {
    let mut out: Vec<(&tsunagu_core::model::SectionId, Vec<&String>)> = Vec::new();
    for source in sources {
        let at = if let Some(at) = out.iter().position(|(s, _)| *s == &source.section) {
            at
        } else {
            out.push((&source.section, Vec::new()));
            out.len() - 1
        };
        if let Some(q) = &source.quote {
            out[at].1.push(q);
        }
    }
    out
}

/// Whether a plan of `answer` goes through a link between hospitals taken
/// as a way in (the assumption on, and used).
fn uses_links(answer: &PlanAnswer) -> bool {
    answer.rules == Rules::AssumeAgreements
        && answer.plans.iter().any(|p| {
            p.assumptions
                .contains(&tsunagu_core::access::Assumption::Agreements)
        })
}

/// Under the assumption, the note above the plans: the rules, what they
/// assume (or that no plan uses it), and the confirmed rules' answer
/// (`baseline`) once known.
fn assumption_banner(lang: Lang, answer: &PlanAnswer, baseline: Option<&str>) -> Html {
    if answer.rules != Rules::AssumeAgreements {
        return html! {};
    }
    let texts = &lang.texts().planner_view;
    html! {
        <div class="assumption banner" role="note">
            { tags::p(tags::strong(pick(lang, &tsunagu_core::text::rules_name(answer.rules)))) }
            { tags::p(if uses_links(answer) { texts.assumption_banner } else { texts.assumption_banner_unused }) }
            if let Some(line) = baseline {
                <p class="confirmed-baseline">{ line.to_owned() }</p>
            }
        </div>
    }
}

/// A plan in the making: how far the worker has come, and a way to stop it.
fn running(lang: Lang, plan: &PlanHandle, progress: Progress) -> Html {
    let texts = &lang.texts().planner_view;
    let oncancel = plan.cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="progress" role="status">
            { tags::p(tags::strong(texts.computing)) }
            if progress.total > 0 {
                <p>{ texts.progress
                    .replace("{done}", &progress.done.to_string())
                    .replace("{total}", &progress.total.to_string())
                    .replace("{nodes}", &crate::format::thousands(i64::try_from(progress.nodes).unwrap_or(i64::MAX))) }</p>
                <progress max={progress.total.to_string()} value={progress.done.to_string()}></progress>
            }
            { tags::button(oncancel, texts.cancel) }
        </div>
    }
}

/// The confirmed plans on the report's data, as cards, each saying so, each
/// with its own out-of-reach targets and a link without the assumption or
/// the what-if.
fn confirmed_cards(props: &ResultsProps, answer: &PlanAnswer, facility: &AttrValue) -> Vec<Html> {
    let lang = props.lang;
    let mut query = props.query.clone();
    query.saved_what_if = None;
    query.what_if_print = None;
    query.assume_agreements = false;
    let real = &*props.real;
    let unreachable: Vec<(String, String)> = answer
        .unreachable
        .iter()
        .map(|u| {
            (
                hospital_name_in(real, &u.target, lang),
                reason_text(lang, real, u),
            )
        })
        .collect();
    answer
        .plans
        .iter()
        .enumerate()
        .map(|(index, plan)| {
            plan_card(&PlanCardProps {
                lang,
                data: props.real.clone(),
                plan: plan.clone(),
                facility: facility.clone(),
                index,
                members: answer.members.clone(),
                share: AttrValue::from(share_url(&query)),
                query: query.clone(),
                rules: Rules::Confirmed,
                what_if: None,
                baseline: None,
                confirmed_note: true,
                print_parts: !props.later,
                unreachable: unreachable.clone(),
            })
        })
        .collect()
}

/// The plans drawn after the confirmed cards (all of `answer`'s when there
/// are none): those on confirmed steps first, then those on an assumption.
/// Under the assumption alone, the confirmed cards already show the plans
/// on confirmed steps. Under a what-if, a plan that joins what a confirmed
/// card joins and reaches no target more is that card again, not a
/// hypothetical one, and is left out.
pub(super) fn hypothetical_cards<'a>(
    answer: &'a PlanAnswer,
    confirmed: Option<&PlanAnswer>,
    what_if: bool,
) -> Vec<&'a tsunagu_core::planner::Plan> {
    let shown_already = |plan: &tsunagu_core::planner::Plan| {
        confirmed.is_some_and(|c| {
            c.plans.iter().any(|cp| {
                cp.join == plan.join
                    && plan
                        .paths
                        .iter()
                        .all(|p| cp.paths.iter().any(|q| q.target == p.target))
            })
        })
    };
    answer
        .plans
        .iter()
        .filter(|p| p.assumptions.is_empty())
        .filter(|_| confirmed.is_none() || what_if)
        .chain(answer.plans.iter().filter(|p| !p.assumptions.is_empty()))
        .filter(|p| !shown_already(p))
        .collect()
}

/// The plans, the unreachable targets, the link to share and the caveat.
pub(super) fn plan_results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let texts = &lang.texts().planner_view;
    let data = &*props.data;
    let facility: AttrValue = match &props.query.start {
        StartQuery::Facility(id) => data.facility_name(&FacilityId(id.clone())).into(),
        _ => texts.new_facility.into(),
    };
    let targets: Vec<String> = props
        .query
        .targets
        .iter()
        .map(|t| hospital_name_in(data, &HospitalId(t.clone()), lang))
        .collect();

    let status = if props.plan.current {
        props.plan.status.clone()
    } else {
        PlanStatus::Running(Progress::default())
    };
    let state = match &status {
        PlanStatus::Idle => "idle",
        PlanStatus::Running(_) => "running",
        PlanStatus::Done(_) => "done",
        PlanStatus::Cancelled => "cancelled",
        PlanStatus::Failed(_) => "failed",
    };
    // Under the assumption or a what-if, the confirmed plans on the report's
    // data come first, whole, each printable (a hypothetical 加入不要 must
    // never be the only card), then the hypothetical ones.
    let hypothetical = props.rules != Rules::Confirmed || props.what_if.is_some();
    let confirmed = props.confirmed.answer().filter(|_| hypothetical);
    let baseline = confirmed_line(lang, &props.real, &props.confirmed);
    let confirmed_cards =
        confirmed.map_or_else(Vec::new, |answer| confirmed_cards(props, answer, &facility));
    let first_index = confirmed_cards.len();
    let body = match &status {
        PlanStatus::Idle => html! { <p class="empty">{ texts.results_empty }</p> },
        PlanStatus::Running(progress) => running(lang, &props.plan, *progress),
        PlanStatus::Cancelled => html! { <p class="empty" role="status">{ texts.cancelled }</p> },
        PlanStatus::Failed(failure) => {
            let reason = match failure {
                PlanFailure::Plan(error) => pick(lang, &tsunagu_core::text::plan_error(error)),
                PlanFailure::Worker(reason) => reason.clone(),
            };
            html! { <p class="warn" role="alert">{ texts.failed.replace("{reason}", &reason) }</p> }
        }
        PlanStatus::Done(answer) => html! {
            <>
                <p class="print-only">{ format!("{} → {}", facility, lang.list(&targets)) }</p>
                if answer.plans.is_empty() {
                    <p class="empty">{ texts.no_plan }</p>
                }
                { assumption_banner(lang, answer, baseline.as_deref()) }
                { for confirmed_cards }
                // Plans on confirmed steps first: a hurried reader takes the
                // top card as the answer, and it must not rest on an assumption.
                // Under the assumption alone, those are the confirmed cards
                // above already.
                { for hypothetical_cards(answer, confirmed.map(|c| &**c), props.what_if.is_some())
                    .into_iter().enumerate().map(|(index, plan)| html! {
                    { plan_card(&PlanCardProps {
                        lang, data: props.data.clone(), plan: plan.clone(), facility: facility.clone(), index: first_index + index,
                        members: answer.members.clone(), query: props.query.clone(), rules: props.rules,
                        share: AttrValue::from(share_url(&props.query)),
                        what_if: props.what_if.clone(),
                        baseline: baseline.clone().filter(|_| props.what_if.is_some() || !plan.assumptions.is_empty()),
                        confirmed_note: false,
                        print_parts: !props.later,
                        unreachable: answer.unreachable.iter().map(|u| (hospital_name_in(data, &u.target, lang), reason_text(lang, data, u))).collect(),
                    }) }
                }) }
                if !props.later { { context(lang, data, answer) } }
                if !answer.unreachable.is_empty() {
                    <section class="unreachable" aria-labelledby="unreachable-heading">
                        <h4 id="unreachable-heading">{ texts.unreachable_heading }</h4>
                        <ul>
                            { for answer.unreachable.iter().map(|u| html! {
                                <li data-reason={u.reason.code()}>{ tags::strong(hospital_name_in(data, &u.target, lang)) }{ lang.colon() }{ reason_text(lang, data, u) }</li>
                            }) }
                        </ul>
                    </section>
                }
                if !props.later {
                    <ShareLink {lang} url={AttrValue::from(share_url(&props.query))} />
                }
                if answer.plans.is_empty() {
                    <p class="caveat" role="note">{ texts.caveat }</p>
                }
                if !props.later { { outside_layer(lang, true) } }
            </>
        },
    };
    // One short sentence is announced when a plan is done, not the cards:
    // a live region round them read out whatever the update patched.
    let announced = match &status {
        PlanStatus::Done(answer) => {
            done_status(props, answer, confirmed.map(|c| &**c), first_index)
        }
        _ => String::new(),
    };
    html! {
        <section class="planner-results" aria-labelledby={super::RESULTS_HEADING_ID}>
            <h3 id={super::RESULTS_HEADING_ID} tabindex="-1">{ texts.results_heading }</h3>
            if props.dropped {
                <p class="warn" role="status">{ texts.link_ignored }</p>
            }
            <p class="visually-hidden" role="status" id="plan-status">{ announced }</p>
            <div data-state={state}>{ body }</div>
        </section>
    }
}

/// The sentence a screen reader hears once a plan is done: how many plans
/// are shown and the first one's title, and how many targets are out of
/// reach. `first_index` is how many confirmed cards come first.
fn done_status(
    props: &ResultsProps,
    answer: &PlanAnswer,
    confirmed: Option<&PlanAnswer>,
    first_index: usize,
) -> String {
    let (lang, data) = (props.lang, &*props.data);
    let texts = &lang.texts().planner_view;
    let hypothetical_shown = hypothetical_cards(answer, confirmed, props.what_if.is_some());
    let first = confirmed
        .and_then(|c| c.plans.first())
        .map(|p| crate::components::plan_title(lang, data, p, false))
        .or_else(|| {
            hypothetical_shown.first().map(|p| {
                crate::components::plan_title(lang, data, p, props.query.saved_what_if.is_some())
            })
        });
    let mut said = match first {
        Some(title) => texts
            .results_status
            .replace("{n}", &(first_index + hypothetical_shown.len()).to_string())
            .replace("{title}", &title),
        None => texts.no_plan.to_owned(),
    };
    if !answer.unreachable.is_empty() {
        said.push_str(
            &texts
                .results_status_unreachable
                .replace("{n}", &answer.unreachable.len().to_string()),
        );
    }
    said
}

#[cfg(test)]
mod tests {
    use super::hypothetical_cards;
    use tsunagu_core::access::{Assumption, Rules};
    use tsunagu_core::model::{HospitalId, UnionId};
    use tsunagu_core::planner::{Entry, Plan, PlanAnswer, TargetPath};

    fn plan(join: &[&str], targets: &[&str], assumptions: Vec<Assumption>) -> Plan {
        Plan {
            join: join.iter().map(|u| UnionId::from(*u)).collect(),
            relays: 0,
            alternatives: Vec::new(),
            alternatives_truncated: false,
            exact: true,
            lower_bound: join.len(),
            paths: targets
                .iter()
                .map(|t| TargetPath {
                    target: HospitalId::from(*t),
                    relays: 0,
                    union: UnionId::from(join.first().copied().unwrap_or("tmnit")),
                    entry: Entry::Join,
                    hops: Vec::new(),
                })
                .collect(),
            assumptions,
        }
    }

    fn answer(plans: Vec<Plan>) -> PlanAnswer {
        PlanAnswer {
            rules: Rules::Confirmed,
            members: Vec::new(),
            plans,
            unreachable: Vec::new(),
        }
    }

    #[test]
    fn under_a_what_if_a_copy_of_a_confirmed_card_is_not_drawn_again() {
        // Confirmed: join ICT for 北大. On the what-if: the same, and nothing
        // to join over a proposed connection.
        let confirmed = answer(vec![plan(&["hokudai-ict"], &["hokudai"], vec![])]);
        let on_what_if = answer(vec![
            plan(&["hokudai-ict"], &["hokudai"], vec![]),
            plan(&[], &["hokudai"], vec![Assumption::WhatIf]),
        ]);
        let cards = hypothetical_cards(&on_what_if, Some(&confirmed), true);
        assert_eq!(cards.len(), 1);
        assert!(cards[0].join.is_empty());
        // The same join reaching a target more is a different plan: kept.
        let wider = answer(vec![plan(&["hokudai-ict"], &["hokudai", "teine"], vec![])]);
        assert_eq!(hypothetical_cards(&wider, Some(&confirmed), true).len(), 1);
        // With no confirmed answer (the confirmed rules, no what-if), every plan is drawn.
        assert_eq!(hypothetical_cards(&on_what_if, None, false).len(), 2);
    }
}
