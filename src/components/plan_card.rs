//! One plan of the Pareto frontier as a card: what to join, how far the
//! records travel, each target's path drawn as a chain with its text twin,
//! the sources, and the consent caveat. Printed, each card fills one A4 page.

use tsunagu_core::graph::{Edge, Hop, Node};
use tsunagu_core::model::{Dataset, LinkKind, Source};
use tsunagu_core::planner::{Entry, Plan, TargetPath};
use yew::prelude::*;

use crate::i18n::{Lang, PlannerTexts};
use crate::lookup::{hospital_name, section_title, union_name};
use crate::state::DatasetHandle;

/// [`PlanCard`]'s properties.
#[derive(Properties, PartialEq)]
pub struct PlanCardProps {
    /// The UI language.
    pub lang: Lang,
    /// The dataset.
    pub data: DatasetHandle,
    /// The plan.
    pub plan: Plan,
    /// What to call the starting facility.
    pub facility: AttrValue,
    /// The card's position (for ids).
    pub index: usize,
}

/// A plan's title: 「加入不要」 or 「2ユニオンに加入: A、B」.
pub fn plan_title(texts: &PlannerTexts, data: &Dataset, plan: &Plan) -> String {
    if plan.join.is_empty() {
        return texts.plan_none.to_owned();
    }
    let names: Vec<String> = plan.join.iter().map(|u| union_name(data, u)).collect();
    texts
        .plan_join
        .replace("{n}", &plan.join.len().to_string())
        .replace("{unions}", &names.join("、"))
}

/// One step of a path as the UI words it: the node's name and how it is reached.
struct Step {
    name: String,
    via: String,
    relay: bool,
}

fn steps(texts: &PlannerTexts, data: &Dataset, facility: &str, path: &TargetPath) -> Vec<Step> {
    let mut out = vec![
        Step {
            name: facility.to_owned(),
            via: texts.step_start.to_owned(),
            relay: false,
        },
        Step {
            name: union_name(data, &path.union),
            via: match path.entry {
                Entry::Member => texts.step_member.to_owned(),
                Entry::Join => texts.step_join.to_owned(),
            },
            relay: false,
        },
    ];
    out.extend(path.hops.iter().map(|hop: &Hop| Step {
        name: match &hop.node {
            Node::Hospital(id) => hospital_name(data, id),
            Node::Union(id) => union_name(data, id),
            Node::Facility(id) => id.0.clone(),
        },
        via: match &hop.edge {
            Edge::MemberOf => texts.step_member.to_owned(),
            Edge::HostedBy => texts.step_host.to_owned(),
            Edge::Link {
                kind: LinkKind::Agreement,
                ..
            } => texts.step_agreement.to_owned(),
            Edge::Link {
                kind: LinkKind::IdlinkPartner,
                ..
            } => texts.step_partner.to_owned(),
            Edge::UnionLink { label } => format!("{} {label}", texts.step_union_link),
        },
        relay: hop.edge.relays() > 0,
    }));
    out
}

/// Shortens a name to fit a box in the picture (wide characters count
/// double); the text twin below the picture has it whole.
fn short(name: &str) -> String {
    const ROOM: usize = 20;
    let width = |c: char| if c.is_ascii() { 1 } else { 2 };
    if name.chars().map(width).sum::<usize>() <= ROOM {
        return name.to_owned();
    }
    let mut used = 0;
    let mut out = String::new();
    for c in name.chars() {
        if used + width(c) > ROOM - 1 {
            break;
        }
        used += width(c);
        out.push(c);
    }
    out + "…"
}

/// The path as a chain of boxes: an SVG picture whose twin is the list below it.
fn chain(steps: &[Step], label: &str) -> Html {
    let (box_w, gap, box_h) = (150.0, 44.0, 46.0);
    #[allow(clippy::cast_precision_loss)] // a handful of steps
    let width = steps.len() as f64 * (box_w + gap) - gap + 4.0;
    html! {
        <svg class="chain" viewBox={format!("0 0 {width} {}", box_h + 30.0)} role="img" aria-label={label.to_owned()}>
            <title>{ label.to_owned() }</title>
            { for steps.iter().enumerate().map(|(i, step)| {
                #[allow(clippy::cast_precision_loss)] // a handful of steps
                let x = i as f64 * (box_w + gap) + 2.0;
                let arrow = (i + 1 < steps.len()).then(|| {
                    let class = if steps[i + 1].relay { "arrow relay" } else { "arrow" };
                    html! {
                        <g class={class}>
                            <line x1={(x + box_w).to_string()} y1={(box_h / 2.0 + 2.0).to_string()}
                                x2={(x + box_w + gap - 6.0).to_string()} y2={(box_h / 2.0 + 2.0).to_string()} />
                            <path d={format!("M{} {} l-7 -5 v10 z", x + box_w + gap - 2.0, box_h / 2.0 + 2.0)} />
                        </g>
                    }
                });
                html! {
                    <g>
                        <rect class={if i == 0 { "node start" } else if i == 1 { "node union" } else { "node hospital" }}
                            x={x.to_string()} y="2" width={box_w.to_string()} height={box_h.to_string()} rx="8" />
                        <text x={(x + box_w / 2.0).to_string()} y={(box_h / 2.0 + 7.0).to_string()} text-anchor="middle">
                            { short(&step.name) }
                        </text>
                        <text class="via" x={(x + box_w / 2.0).to_string()} y={(box_h + 20.0).to_string()} text-anchor="middle">
                            { step.via.clone() }
                        </text>
                        { for arrow }
                    </g>
                }
            }) }
        </svg>
    }
}

fn path_sources(path: &TargetPath) -> Vec<&Source> {
    path.hops
        .iter()
        .filter_map(|hop| match &hop.edge {
            Edge::Link { source, .. } => Some(source),
            _ => None,
        })
        .collect()
}

/// A plan as a card.
#[function_component(PlanCard)]
pub fn plan_card(props: &PlanCardProps) -> Html {
    let lang = props.lang;
    let texts = &lang.texts().planner_view;
    let data = &*props.data;
    let plan = &props.plan;
    let title_id = format!("plan-{}-title", props.index);
    let explain = if plan.relays == 0 {
        texts.explain_direct.to_owned()
    } else {
        texts
            .explain_relays
            .replace("{n}", &plan.relays.to_string())
    };
    let mut sources: Vec<&Source> = plan.paths.iter().flat_map(path_sources).collect();
    sources.dedup();
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });

    html! {
        <article class="plan-card" aria-labelledby={title_id.clone()}>
            <header class="plan-head">
                <h3 id={title_id}>{ plan_title(texts, data, plan) }</h3>
                <p class="plan-relays">{ texts.plan_relays.replace("{n}", &plan.relays.to_string()) }</p>
            </header>
            <p>{ explain }</p>
            if !plan.exact {
                <p class="warn">{ texts.inexact.replace("{n}", &plan.lower_bound.to_string()) }</p>
            }
            if !plan.alternatives.is_empty() {
                <div class="alternatives">
                    <h4>{ texts.alternatives }</h4>
                    <ul>
                        { for plan.alternatives.iter().map(|alt| html! {
                            <li>{ alt.iter().map(|u| union_name(data, u)).collect::<Vec<_>>().join("、") }</li>
                        }) }
                    </ul>
                    if plan.alternatives_truncated {
                        <p class="note">{ texts.alternatives_more }</p>
                    }
                </div>
            }
            { for plan.paths.iter().map(|path| {
                let target = hospital_name(data, &path.target);
                let steps = steps(texts, data, &props.facility, path);
                let label = texts.chain_label.replace("{target}", &target);
                html! {
                    <section class="path">
                        <h4>{ texts.path_to.replace("{target}", &target).replace("{n}", &path.relays.to_string()) }</h4>
                        <div class="chain-scroll">{ chain(&steps, &label) }</div>
                        <ol class="steps">
                            { for steps.iter().map(|s| html! {
                                <li><span class="via">{ format!("{}: ", s.via) }</span>{ s.name.clone() }</li>
                            }) }
                        </ol>
                    </section>
                }
            }) }
            if !sources.is_empty() {
                <div class="plan-sources">
                    <h4>{ texts.sources }</h4>
                    <ul>
                        { for sources.iter().map(|s| html! {
                            <li>
                                { section_title(data, &s.section, lang) }
                                if let Some(q) = &s.quote { { " " }<q>{ q }</q> }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            <p class="caveat" role="note">{ texts.caveat }</p>
            <button type="button" class="print-button" onclick={onprint}>{ texts.print }</button>
        </article>
    }
}
