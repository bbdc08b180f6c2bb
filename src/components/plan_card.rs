//! One plan of the Pareto frontier as a card: what to join and how, how far
//! the records travel, each target's path drawn as a chain with its text
//! twin, every step's source, any assumption the plan rests on, and the
//! consent caveat. Its print button prints this card alone, as one A4 page
//! that is the application checklist.

use tsunagu_core::access::{Assumption, Rules};
use tsunagu_core::graph::{Edge, Hop, Node};
use tsunagu_core::model::{Dataset, FacilityId, LinkKind, Source, SourcedText, Text, UnionId};
use tsunagu_core::planner::{Entry, Plan, TargetPath};
use tsunagu_core::text::how_to_join;
use yew::prelude::*;

use crate::components::tags;
use crate::dataset_handle::DatasetHandle;
use crate::i18n::{Lang, Noun};
use crate::lookup::{
    hospital_name_in, hospital_name_to_apply, section_title, union_name_in, union_name_to_apply,
};
use crate::plan_query::{PlanQuery, StartQuery};

/// What [`plan_card`] draws from.
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
    /// The facility's current unions.
    pub members: Vec<UnionId>,
    /// The query that produced the plan (for the printed checklist).
    pub query: PlanQuery,
    /// The rules the plan was made under.
    pub rules: Rules,
    /// The link that reproduces the plan.
    pub share: AttrValue,
    /// The targets no plan reaches, each with why, in the UI's language
    /// (for the printed checklist, which must not drop them).
    pub unreachable: Vec<(String, String)>,
    /// The saved what-if the plan was made under, by name: every step of
    /// the card then rests on it, memberships included.
    pub what_if: Option<AttrValue>,
    /// On a plan that rests on the assumption: what the confirmed rules
    /// answer, printed with the card (the page's banner is not).
    pub baseline: Option<String>,
    /// Whether the card says it is a confirmed plan (when the page also
    /// shows plans on an assumption or a what-if).
    pub confirmed_note: bool,
    /// Whether the parts only a printed checklist shows (its head, the
    /// path lines and the outside facts) are drawn: not in a shared link's
    /// first frame, which is for the plan on screen.
    pub print_parts: bool,
}

/// A core text in the UI's language.
pub fn pick(lang: Lang, text: &Text) -> String {
    match lang {
        Lang::Ja => text.ja.clone(),
        Lang::En => text.en.clone(),
    }
}

/// The page of the report that shows a union: a hospital's or the union's
/// own page rather than the summary table, where there is one.
fn union_page(data: &Dataset, union: &UnionId) -> Option<Source> {
    let record = data.union(union)?;
    record
        .sources
        .iter()
        .find(|s| s.section.0.starts_with("hospital-") || s.section.0.starts_with("union-"))
        .or_else(|| record.sources.first())
        .cloned()
}

/// Notes on a quote that prints a name differently from the data (the
/// data's `discrepancies` on names): the form printed there and the name it
/// means. How the data chose its name is for データ, not here.
pub fn misprints(data: &Dataset, source: &Source, lang: Lang) -> Vec<String> {
    let texts = &lang.texts().planner_view;
    tsunagu_core::access::misprints(data, source)
        .into_iter()
        .map(|m| {
            texts
                .misprint
                .replace("{as_written}", m.as_written)
                .replace("{name}", m.name)
        })
        .collect()
}

/// A source as a list item's inline text: section, quote, misprint notes.
pub fn source_line(data: &Dataset, source: &Source, lang: Lang) -> Html {
    html! {
        <span class="source">
            { section_title(data, &source.section, lang) }
            if let Some(q) = &source.quote { { " " }{ tags::q(q) } }
            { for misprints(data, source, lang).into_iter().map(|note| html! { <span class="misprint">{ note }</span> }) }
        </span>
    }
}

/// A plan's title: 「加入不要」 or 「2 ユニオンに加入: A、B」. A plan that
/// rests on an assumption, or is made on a what-if's `hypothetical` data,
/// says so in its title, so that no 「加入不要」 ever stands bare on an
/// assumption (the title is also the card's and its print button's
/// accessible name).
pub fn plan_title(lang: Lang, data: &Dataset, plan: &Plan, hypothetical: bool) -> String {
    let texts = &lang.texts().planner_view;
    let assumed = hypothetical || !plan.assumptions.is_empty();
    // A what-if alone is a proposal, not a reading of today's network that
    // may be right: it is said as one (「提案が実現すれば」).
    let proposal = assumed && !plan.assumptions.contains(&Assumption::Agreements);
    if plan.join.is_empty() {
        return match (assumed, proposal) {
            (_, true) => texts.plan_none_what_if,
            (true, false) => texts.plan_none_assumed,
            (false, false) => texts.plan_none,
        }
        .to_owned();
    }
    let names: Vec<String> = plan
        .join
        .iter()
        .map(|u| union_name_in(data, u, lang))
        .collect();
    match (assumed, proposal) {
        (_, true) => texts.plan_join_what_if,
        (true, false) => texts.plan_join_assumed,
        (false, false) => texts.plan_join,
    }
    .replace("{unions}", &lang.count(plan.join.len(), Noun::Union))
    .replace("{names}", &lang.list(&names))
}

/// A plan's relay line: 「中継は最大 1 回」, or 「中継なし（直接開示）」.
pub fn relays_line(lang: Lang, relays: u32) -> String {
    let texts = &lang.texts().planner_view;
    if relays == 0 {
        texts.plan_direct.to_owned()
    } else {
        texts
            .plan_relays
            .replace("{relays}", &lang.count(relays as usize, Noun::Relay))
    }
}

/// One step of a path as the UI words it: the node's name, how it is
/// reached, and where the report says so.
struct Step {
    name: String,
    /// How the step is reached, 「（仮定）」 after it when it is an
    /// assumption.
    via: String,
    relay: bool,
    /// Whether the step rests on an assumption (an agreement or partner
    /// link taken as a way in, or a what-if).
    assumed: bool,
    source: Option<Source>,
}

fn steps(
    lang: Lang,
    data: &Dataset,
    facility: &str,
    start: &StartQuery,
    path: &TargetPath,
) -> Vec<Step> {
    let texts = &lang.texts().planner_view;
    // A listed facility's membership is sourced; an unlisted one's is the
    // user's own statement.
    let membership = match (start, path.entry) {
        (StartQuery::Facility(id), Entry::Member) => data
            .facility(&FacilityId(id.clone()))
            .and_then(|f| f.memberships.iter().find(|m| m.union == path.union))
            .map(|m| m.source.clone()),
        _ => union_page(data, &path.union),
    };
    let mut out = vec![
        Step {
            name: facility.to_owned(),
            via: texts.step_start.to_owned(),
            relay: false,
            assumed: false,
            source: None,
        },
        Step {
            name: union_name_in(data, &path.union, lang),
            via: match path.entry {
                Entry::Member => texts.step_member.to_owned(),
                Entry::Join => texts.step_join.to_owned(),
            },
            relay: false,
            assumed: false,
            source: membership,
        },
    ];
    let mut at = path.union.clone();
    out.extend(path.hops.iter().map(|hop: &Hop| {
        let source = match &hop.edge {
            Edge::HostedBy => union_page(data, &at),
            Edge::Link { source, .. } => Some(source.clone()),
            Edge::UnionLink { source, .. } => source.clone(),
            Edge::MemberOf => None,
        };
        if let Node::Union(id) = &hop.node {
            at = id.clone();
        }
        let assumed = !tsunagu_core::graph::assumptions_of([hop]).is_empty();
        let via = match &hop.edge {
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
            Edge::UnionLink { label, .. } => format!("{} {label}", texts.step_union_link),
        };
        Step {
            name: match &hop.node {
                Node::Hospital(id) => hospital_name_in(data, id, lang),
                Node::Union(id) => union_name_in(data, id, lang),
                Node::Facility(id) => id.0.clone(),
            },
            via: if assumed {
                via + texts.step_assumed
            } else {
                via
            },
            relay: hop.edge.relays() > 0,
            assumed,
            source,
        }
    }));
    out
}

/// A name as the lines of a box in the picture: one line where it fits,
/// else two, broken between words where the name has spaces, and only a
/// name too long for two lines is cut short (wide characters count double;
/// the text twin below the picture has every name whole).
fn box_lines(name: &str) -> Vec<String> {
    const ROOM: usize = 20;
    let width = |c: char| if c.is_ascii() { 1 } else { 2 };
    let fits = |text: &str| text.chars().map(width).sum::<usize>() <= ROOM;
    if fits(name) {
        return vec![name.to_owned()];
    }
    // The longest head that fits, backed off to the last space in it.
    let mut used = 0;
    let mut end = 0;
    for (at, c) in name.char_indices() {
        if used + width(c) > ROOM {
            break;
        }
        used += width(c);
        end = at + c.len_utf8();
    }
    if !name[end..].starts_with(' ') {
        if let Some(space) = name[..end].rfind(' ').filter(|&at| at > 0) {
            end = space;
        } else if let Some(word) = (1..=end)
            .rev()
            .filter(|&at| name.is_char_boundary(at))
            .find(|&at| {
                tsunagu_core::text::NAME_BREAKS
                    .iter()
                    .any(|w| name[at..].starts_with(w))
            })
        {
            // No space: before a word such as クリニック, not inside it.
            end = word;
        }
    }
    let (head, tail) = name.split_at(end);
    let tail = tail.trim_start();
    let tail = if fits(tail) {
        tail.to_owned()
    } else {
        let mut used = 0;
        let mut out = String::new();
        for c in tail.chars() {
            if used + width(c) > ROOM - 1 {
                break;
            }
            used += width(c);
            out.push(c);
        }
        out + "…"
    };
    vec![head.trim_end().to_owned(), tail]
}

/// The path as a chain of boxes: an SVG picture whose twin is the list below it.
///
/// Every coordinate is a whole number, so the picture is written with
/// integer formatting: the shared link's first visit then compiles no float
/// formatting (about 11 KB of wasm, compiled on first call).
fn chain(steps: &[Step], label: &str) -> Html {
    const BOX_W: usize = 150;
    const GAP: usize = 44;
    const BOX_H: usize = 50;
    const MID: usize = BOX_H / 2 + 2;
    let width = (steps.len() * (BOX_W + GAP)).saturating_sub(GAP) + 4;
    // A caption too wide for its box's column breaks before its bracket,
    // "(assumed)" on a line of its own, so that no mark is cut off.
    let caption = |via: &str| -> (String, Option<String>) {
        match via.split_once(" (") {
            Some((first, rest)) if via.len() > 24 => (first.to_owned(), Some(format!("({rest}"))),
            _ => (via.to_owned(), None),
        }
    };
    let two_lines = steps.iter().any(|s| caption(&s.via).1.is_some());
    let height = BOX_H + if two_lines { 46 } else { 30 };
    html! {
        <svg class="chain" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={label.to_owned()}
            style={format!("max-width: {width}px")}>
            <title>{ label.to_owned() }</title>
            { for steps.iter().enumerate().map(|(i, step)| {
                let x = i * (BOX_W + GAP) + 2;
                let lines = box_lines(&step.name);
                let count = lines.len();
                let arrow = (i + 1 < steps.len()).then(|| {
                    let class = if steps[i + 1].relay { "arrow relay" } else { "arrow" };
                    html! {
                        <g class={class}>
                            <line x1={(x + BOX_W).to_string()} y1={MID.to_string()}
                                x2={(x + BOX_W + GAP - 6).to_string()} y2={MID.to_string()} />
                            <path d={format!("M{} {MID} l-7 -5 v10 z", x + BOX_W + GAP - 2)} />
                        </g>
                    }
                });
                html! {
                    <g>
                        <rect class={if i == 0 { "node start" } else if i == 1 { "node union" } else { "node hospital" }}
                            x={x.to_string()} y="2" width={BOX_W.to_string()} height={BOX_H.to_string()} rx="8" />
                        { for lines.into_iter().enumerate().map(|(line, text)| {
                            // One line in the middle; two, 16 px apart, around it.
                            let y = if count == 1 { BOX_H / 2 + 7 } else { BOX_H / 2 - 1 + line * 16 };
                            html! {
                                <text x={(x + BOX_W / 2).to_string()} y={y.to_string()} text-anchor="middle">{ text }</text>
                            }
                        }) }
                        { {
                            let (first, second) = caption(&step.via);
                            html! {
                                <>
                                    <text class="via" x={(x + BOX_W / 2).to_string()} y={(BOX_H + 20).to_string()} text-anchor="middle">{ first }</text>
                                    if let Some(second) = second {
                                        <text class="via" x={(x + BOX_W / 2).to_string()} y={(BOX_H + 36).to_string()} text-anchor="middle">{ second }</text>
                                    }
                                </>
                            }
                        } }
                        { for arrow }
                    </g>
                }
            }) }
        </svg>
    }
}

/// How to join one union: host and contact, founding, each host's
/// 連携医療機関数 (the hospital's, not the union's), the union's own count
/// where the report gives one, and the report's words, each sourced.
/// `officer_list`: where the report puts the facility on the union's
/// 幹事一覧 without saying it is a member.
fn joining(
    data: &Dataset,
    union: &UnionId,
    common: &[SourcedText],
    officer_list: Option<&Source>,
    lang: Lang,
) -> Html {
    let texts = &lang.texts().planner_view;
    let table = &lang.texts().table;
    let Some(record) = data.union(union) else {
        return html! {};
    };
    let hosts: Vec<String> = record
        .hosts
        .iter()
        .map(|h| hospital_name_to_apply(data, h, lang))
        .collect();
    // Each host's own count, named as the host's: it is not the union's size.
    let readings: Vec<(String, Vec<String>)> = record
        .hosts
        .iter()
        .filter_map(|h| data.hospital(h))
        .map(|h| {
            (
                hospital_name_in(data, &h.id, lang),
                crate::format::readings(&h.linked_institutions, table),
            )
        })
        .collect();
    // The report prints some counts twice, differently (北大: 1,714 and 1,719).
    let differ = readings.iter().any(|(_, r)| r.len() > 1);
    let how = how_to_join(record);
    let founded = record
        .founded
        .as_ref()
        .map_or_else(|| texts.unknown.to_owned(), |m| lang.month(&m.0));
    html! {
        <section class="joining">
            // In English, both names: the union's forms carry the Japanese.
            <h6><span class="apply-box" aria-hidden="true">{ "☐ " }</span>{ union_name_to_apply(data, union, lang) }</h6>
            <p class="contact">{ texts.apply_to.replace("{host}", &lang.list(&hosts)) }</p>
            if let Some(source) = officer_list {
                <p class="officer-list" role="note">
                    { texts.officer_list_only.replace("{union}", &union_name_in(data, union, lang)) }
                    { " — " }{ source_line(data, source, lang) }
                </p>
            }
            <dl class="facts">
                { tags::dt(texts.union_founded) }{ tags::dd(founded) }
                // Sizes are context, on screen only: the printed checklist
                // keeps to what to apply to and how.
                { for record.registered_facilities.iter().map(|count| html! {
                    <>
                        <dt class="screen-only">{ texts.union_registered.replace("{date}", &count.as_of.0) }</dt>
                        <dd class="screen-only">{ crate::format::thousands(count.count) }{ " — " }{ source_line(data, &count.source, lang) }</dd>
                    </>
                }) }
                { for readings.iter().map(|(host, linked)| html! {
                    <>
                        <dt class="screen-only">{ texts.union_linked.replace("{host}", host) }</dt>
                        <dd class="screen-only">{ if linked.is_empty() { texts.unknown.to_owned() } else { linked.join(" / ") } }</dd>
                    </>
                }) }
            </dl>
            if differ {
                <p class="note screen-only">{ texts.readings_differ }</p>
            }
            <p class={classes!("from-report", how.iter().all(|h| common.contains(h)).then_some("all-common"))}>{ texts.from_report }</p>
            <ul class="how">
                { for how.iter().map(|h| html! {
                    <li class={classes!(common.contains(h).then_some("common"))}>
                        { if lang == Lang::En { h.en.clone() } else { h.ja.clone() } }
                        { " — " }{ source_line(data, &h.source, lang) }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// The marks of the assumptions a plan rests on, with why each is unsure.
fn assumption_marks(assumptions: &[Assumption], lang: Lang) -> Html {
    if assumptions.is_empty() {
        return html! {};
    }
    html! {
        <div class="assumption" role="note">
            { for assumptions.iter().map(|a| html! {
                <>
                    <p class="assumption-mark">{ tags::strong(pick(lang, &tsunagu_core::text::assumption_mark(*a))) }</p>
                    { tags::p(pick(lang, &tsunagu_core::text::assumption_caveat(*a))) }
                </>
            }) }
        </div>
    }
}

/// The checklist's printed header: who, where from, which targets, under
/// which rules, on which data, and the link.
fn print_header(props: &PlanCardProps) -> Html {
    let lang = props.lang;
    let texts = &lang.texts().planner_view;
    let data = &*props.data;
    let ward = match &props.query.start {
        StartQuery::Facility(id) => data
            .facility(&FacilityId(id.clone()))
            .and_then(|f| f.ward.clone()),
        StartQuery::Unlisted { ward, .. } => ward.clone().map(tsunagu_core::model::WardId),
        StartQuery::None => None,
    };
    let ward = ward.and_then(|w| data.ward(&w)).map_or_else(
        || texts.unknown.to_owned(),
        |w| {
            if lang == Lang::En {
                w.name_en.clone()
            } else {
                w.name.clone()
            }
        },
    );
    // Printed and taken to an office: both names, as on the union's papers.
    let members: Vec<String> = props
        .members
        .iter()
        .map(|u| union_name_to_apply(data, u, lang))
        .collect();
    // The targets a plan reaches; those out of reach are listed apart, each
    // with why, so the printed page never drops one silently.
    let targets: Vec<String> = props
        .plan
        .paths
        .iter()
        .map(|p| hospital_name_in(data, &p.target, lang))
        .collect();
    let title = if lang == Lang::En {
        &data.meta.title.en
    } else {
        &data.meta.title.ja
    };
    // Under a what-if the rules are the confirmed ones, the data is not.
    let rules = pick(lang, &tsunagu_core::text::rules_name(props.rules));
    let rules = match &props.what_if {
        Some(name) => texts
            .print_rules_what_if
            .replace("{rules}", &rules)
            .replace("{name}", name),
        None => rules,
    };
    html! {
        <div class="print-only checklist-head">
            <p class="checklist-title">{ texts.print_title }</p>
            <dl class="facts">
                { tags::dt(texts.print_facility) }{ tags::dd(props.facility.to_string()) }
                { tags::dt(texts.print_ward) }{ tags::dd(ward) }
                { tags::dt(texts.current_unions) }
                { tags::dd(if members.is_empty() { texts.no_unions.to_owned() } else { lang.list(&members) }) }
                { tags::dt(texts.print_targets) }{ tags::dd(lang.list(&targets)) }
                if !props.unreachable.is_empty() {
                    { tags::dt(texts.print_unreachable) }
                    <dd>
                        <ul class="print-unreachable">
                            { for props.unreachable.iter().map(|(name, why)| html! {
                                <li>{ tags::strong(name.clone()) }{ lang.colon() }{ why.clone() }</li>
                            }) }
                        </ul>
                    </dd>
                }
                { tags::dt(texts.print_rules) }{ tags::dd(rules) }
                { tags::dt(texts.print_link) }<dd class="url">{ props.share.to_string() }</dd>
            </dl>
            { tags::p_note(texts.print_data.replace("{title}", &format!("{title} / {}", data.meta.source_title)).replace("{date}", &data.meta.source_date.0)) }
        </div>
    }
}

/// A plan as a card.
#[allow(clippy::too_many_lines)] // the card's markup, in the order it reads
pub fn plan_card(props: &PlanCardProps) -> Html {
    let lang = props.lang;
    let texts = &lang.texts().planner_view;
    let data = &*props.data;
    let plan = &props.plan;
    let title_id = format!("plan-{}-title", props.index);
    let card_id = format!("plan-{}", props.index);
    let explain = if plan.relays == 0 {
        texts.explain_direct.to_owned()
    } else if plan.assumptions.is_empty() {
        texts
            .explain_relays
            .replace("{relays}", &lang.count(plan.relays as usize, Noun::Relay))
    } else {
        texts
            .explain_relays_assumed
            .replace("{relays}", &lang.count(plan.relays as usize, Noun::Relay))
    };
    let onprint = {
        let card_id = card_id.clone();
        Callback::from(move |_: MouseEvent| print_card(&card_id))
    };
    let assumed = !plan.assumptions.is_empty() || props.what_if.is_some();
    // Under a saved what-if every plan is hypothetical, whatever its steps.
    let hedged = assumed || props.query.saved_what_if.is_some();
    // A union the report lists the facility's staff as officers of, without
    // saying the facility belongs to it: the card says to ask first.
    let start_facility = match &props.query.start {
        StartQuery::Facility(id) => data.facility(&FacilityId(id.clone())),
        _ => None,
    };
    let officer_list = |union: &UnionId| {
        start_facility
            .and_then(|f| {
                f.memberships
                    .iter()
                    .find(|m| m.union == *union && !m.is_stated())
            })
            .map(|m| &m.source)
    };
    // Passages every union to join shares (the report's general advice),
    // printed once on the checklist instead of once per union.
    let common: Vec<SourcedText> = match plan.join.split_first() {
        Some((first, rest)) if !rest.is_empty() => data
            .union(first)
            .map(how_to_join)
            .unwrap_or_default()
            .into_iter()
            .filter(|h| {
                rest.iter()
                    .all(|u| data.union(u).is_some_and(|x| how_to_join(x).contains(h)))
            })
            .collect(),
        _ => Vec::new(),
    };
    let title = plan_title(lang, data, plan, props.query.saved_what_if.is_some());
    // Under a saved what-if the card says so itself, on screen and on paper
    // (the page's banner is not printed with a single card).
    let what_if_note = props.what_if.as_ref().map(|name| {
        lang.texts()
            .whatif_view
            .hypothetical_banner
            .replace("{name}", name)
    });
    let print_label = lang.labelled(texts.print, &title);

    html! {
        <article id={card_id} class={classes!("plan-card", assumed.then_some("assumed"), (plan.join.len() <= ROOMY_UNIONS).then_some("roomy"))} aria-labelledby={title_id.clone()}
            data-assumptions={plan.assumptions.iter().map(|a| match a { Assumption::Agreements => "agreements", Assumption::WhatIf => "what_if" }).collect::<Vec<_>>().join(",")}>
            if props.print_parts { { print_header(props) } }
            <header class="plan-head">
                <h4 id={title_id}>{ title }</h4>
                <p class="plan-relays">{ relays_line(lang, plan.relays) }</p>
            </header>
            { assumption_marks(&plan.assumptions, lang) }
            if props.confirmed_note {
                <p class="confirmed-note">{ texts.confirmed_card_note }</p>
            }
            if let Some(line) = &props.baseline {
                <p class="confirmed-baseline">{ line.clone() }</p>
            }
            if let Some(note) = &what_if_note {
                <div class="assumption" role="note">{ tags::p(tags::strong(note.clone())) }</div>
            }
            { tags::p(explain) }
            if !plan.exact {
                <p class="warn">{ texts.inexact.replace("{unions}", &lang.count(plan.lower_bound, Noun::Union)) }</p>
            }
            if !plan.alternatives.is_empty() {
                <div class="alternatives">
                    { tags::h5(texts.alternatives) }
                    <ul>
                        { for plan.alternatives.iter().map(|alt| html! {
                            <li>{ lang.list(&alt.iter().map(|u| union_name_in(data, u, lang)).collect::<Vec<_>>()) }</li>
                        }) }
                    </ul>
                    if plan.alternatives_truncated {
                        { tags::p_note(texts.alternatives_more) }
                    }
                </div>
            }
            <div class="apply">
                { tags::h5(texts.print_apply) }
                if plan.join.is_empty() {
                    { tags::p(if !hedged {
                        texts.print_none
                    } else if plan.assumptions.contains(&Assumption::Agreements) {
                        texts.print_none_assumed
                    } else {
                        texts.print_none_what_if
                    }) }
                } else {
                    { tags::p_note(texts.apply_office) }
                    { for plan.join.iter().map(|u| joining(data, u, &common, officer_list(u), lang)) }
                    if !common.is_empty() {
                        <ul class="print-only how common-once">
                            { for common.iter().map(|h| html! {
                                <li>{ if lang == Lang::En { h.en.clone() } else { h.ja.clone() } }{ " — " }{ source_line(data, &h.source, lang) }</li>
                            }) }
                        </ul>
                    }
                }
            </div>
            { for plan.paths.iter().map(|path| {
                let target = hospital_name_in(data, &path.target, lang);
                let steps = steps(lang, data, &props.facility, &props.query.start, path);
                let mut label = texts.chain_label.replace("{target}", &target);
                if what_if_note.is_some() || steps.iter().any(|s| s.assumed) {
                    label.push_str(texts.step_assumed);
                }
                html! {
                    <section class="path">
                        { tags::h5(texts.path_to.replace("{target}", &target).replace("{relays}", &lang.count(path.relays as usize, Noun::Relay))) }
                        <div class="chain-scroll">{ chain(&steps, &label) }</div>
                        <ol class="steps">
                            { for steps.iter().enumerate().map(|(i, s)| html! {
                                <li>
                                    // The start is the facility itself: its name says it all.
                                    if i > 0 { <span class="via">{ format!("{}: ", s.via) }</span> }
                                    { s.name.clone() }
                                    if let Some(source) = &s.source {
                                        <span class="step-source">{ format!("{}{}: ", lang.brackets().0, texts.source) }{ source_line(data, source, lang) }{ lang.brackets().1 }</span>
                                    }
                                </li>
                            }) }
                        </ol>
                    </section>
                }
            }) }
            if props.print_parts {
            <ol class="print-only path-lines">
                { for plan.paths.iter().map(|path| {
                    let steps = steps(lang, data, &props.facility, &props.query.start, path);
                    let chain = steps
                        .iter()
                        .map(|s| if s.assumed { format!("{}{}", s.name, texts.step_assumed) } else { s.name.clone() })
                        .collect::<Vec<_>>()
                        .join(" → ");
                    // The steps a printed plan rests on most (a relay, an
                    // assumption) keep their place in the report on paper.
                    let cited: Vec<&Step> = steps
                        .iter()
                        .skip(1)
                        .filter(|s| (s.relay || s.assumed) && s.source.is_some())
                        .collect();
                    html! {
                        <li>{ texts.path_to.replace("{target}", &hospital_name_in(data, &path.target, lang)).replace("{relays}", &lang.count(path.relays as usize, Noun::Relay)) }{ ": " }{ chain }
                            if !cited.is_empty() {
                                <ul class="path-sources">
                                    { for cited.iter().filter_map(|s| s.source.as_ref().map(|source| html! {
                                        <li class="step-source">{ format!("{}: ", s.name) }{ format!("{}: ", texts.source) }{ source_line(data, source, lang) }</li>
                                    })) }
                                </ul>
                            }
                        </li>
                    }
                }) }
            </ol>
            }
            <p class="caveat" role="note">{ texts.caveat }</p>
            if props.print_parts {
                <div class="print-only outside-in-card">{ crate::components::outside_layer(lang, false) }</div>
            }
            <button type="button" class="print-button" onclick={onprint} aria-label={print_label}>{ texts.print }</button>
        </article>
    }
}

/// A printed checklist joining at most this many unions has room on its A4
/// page for larger type (`.roomy`); one that joins more keeps the tight
/// type that fits seven unions on one page.
const ROOMY_UNIONS: usize = 3;

/// Prints one card: the page marks it, the stylesheet hides the rest while
/// printing, and the mark is cleared once the print dialog closes.
fn print_card(card_id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let document = gloo::utils::document();
        let Some(card) = document.get_element_by_id(card_id) else {
            return;
        };
        let _ = gloo::utils::body().set_attribute("data-print", card_id);
        let _ = card.set_attribute("data-printing", "");
        let window = gloo::utils::window();
        let clear = gloo::events::EventListener::once(&window, "afterprint", move |_| {
            let _ = gloo::utils::body().remove_attribute("data-print");
            let _ = card.remove_attribute("data-printing");
        });
        clear.forget();
        let _ = window.print();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = card_id;
}

#[cfg(test)]
mod tests {
    use super::box_lines;

    #[test]
    fn a_title_says_a_proposal_as_one_and_an_assumption_as_one() {
        use super::plan_title;
        use crate::i18n::Lang;
        use tsunagu_core::access::Assumption;
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let plan = |assumptions: Vec<Assumption>| tsunagu_core::planner::Plan {
            join: Vec::new(),
            relays: 0,
            alternatives: Vec::new(),
            alternatives_truncated: false,
            exact: true,
            lower_bound: 0,
            paths: Vec::new(),
            assumptions,
        };
        let title = |p, hypothetical| plan_title(Lang::Ja, &data, &p, hypothetical);
        assert_eq!(title(plan(vec![]), false), "加入不要");
        assert_eq!(
            title(plan(vec![Assumption::Agreements]), false),
            "仮定が正しければ加入不要"
        );
        // A what-if is a proposal: not "if the assumption is right".
        assert_eq!(
            title(plan(vec![Assumption::WhatIf]), false),
            "提案が実現すれば加入不要"
        );
        assert_eq!(title(plan(vec![]), true), "提案が実現すれば加入不要");
        assert_eq!(
            title(plan(vec![Assumption::WhatIf, Assumption::Agreements]), true),
            "仮定が正しければ加入不要"
        );
    }

    #[test]
    fn a_name_too_wide_for_a_box_takes_two_lines_broken_between_words() {
        assert_eq!(box_lines("ICTネットワーク"), ["ICTネットワーク"]);
        assert_eq!(
            box_lines("Sapporo City General Hospital"),
            ["Sapporo City General", "Hospital"]
        );
        // Without spaces, before a word such as クリニック or システム.
        assert_eq!(
            box_lines("みきファミリークリニック"),
            ["みきファミリー", "クリニック"]
        );
        assert_eq!(
            box_lines("札幌医療情報共有システム協議会"),
            ["札幌医療情報共有", "システム協議会"]
        );
        // With no such word, the first line holds as many wide characters
        // as the box does (10).
        assert_eq!(
            box_lines("あいうえおかきくけこさしす"),
            ["あいうえおかきくけこ", "さしす"]
        );
    }

    #[test]
    fn only_a_name_too_long_for_two_lines_is_cut_short() {
        let lines = box_lines("市立札幌病院 地域医療情報ネットワークシステム");
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        let width = |t: &str| {
            t.chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum::<usize>()
        };
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
    }
}
