//! もしも's figures: what a what-if changes (the reach matrix, the pairs
//! reachable by ward and the plans that get shorter, before and after) and
//! the report's next step.

use tsunagu_core::model::{Dataset, FacilityId};
use tsunagu_core::whatif::assess::{cell, Assessment, NextStep};
use yew::prelude::*;

use crate::components::tags;
use crate::i18n::{cost_text, Lang, Noun, WhatIfTexts};
use crate::lookup::{hospital_name_in, union_name_in};

fn relays_text(value: Option<u32>) -> String {
    value.map_or_else(|| "—".to_owned(), |r| r.to_string())
}

/// A table's caption, marked when the figures rest on the unconfirmed
/// assumption about hospital links: a table read alone, or cropped into a
/// council's minutes, must still say so.
fn caption(t: &WhatIfTexts, text: &str, assumed: bool) -> Html {
    if assumed {
        tags::caption(t.assumed_caption.replace("{caption}", text))
    } else {
        tags::caption(text.to_owned())
    }
}

/// The 「現在」 column's heading: 「現在（仮定）」 under the assumption.
fn before_head(t: &WhatIfTexts, assumed: bool) -> Html {
    tags::col_head(if assumed {
        t.col_before_assumed
    } else {
        t.col_before
    })
}

/// The reach matrix, before and after, in one table.
fn matrix_table(next: &Dataset, a: &Assessment, lang: Lang, assumed: bool) -> Html {
    let t = &lang.texts().whatif_view;
    html! {
        <div class="table-scroll">
            <table class="reach-matrix">
                { caption(t, t.matrix_heading, assumed) }
                <thead>
                    <tr>
                        <td></td>
                        { for a.after.hospitals.iter().map(|h| {
                            let new = !a.before.hospitals.contains(h);
                            html! { <th scope="col">{ hospital_name_in(next, h, lang) }{ if new { t.new_marker } else { "" } }</th> }
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for a.after.unions.iter().enumerate().map(|(u, union)| {
                        let new = !a.before.unions.contains(union);
                        html! {
                            <tr>
                                <th scope="row">{ union_name_in(next, union, lang) }{ if new { t.new_marker } else { "" } }</th>
                                { for a.after.hospitals.iter().enumerate().map(|(h, hospital)| {
                                    let now = a.after.relays[u][h];
                                    let was = cell(&a.before, union, hospital).flatten();
                                    let changed = now != was;
                                    let text = if changed {
                                        format!("{}→{}", relays_text(was), relays_text(now))
                                    } else {
                                        relays_text(now)
                                    };
                                    let label = if now.is_none() { Some(t.unreachable) } else { None };
                                    html! {
                                        <td class={classes!("num", changed.then_some("changed"))} title={label}>
                                            { text }
                                        </td>
                                    }
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn pairs_table(data: &Dataset, a: &Assessment, t: &WhatIfTexts, lang: Lang, assumed: bool) -> Html {
    html! {
        <div class="table-scroll">
        <table class="pairs">
            { caption(t, t.pairs_heading, assumed) }
            <thead><tr>{ tags::col_head(t.col_ward) }{ tags::col_head(t.col_facilities) }
                { before_head(t, assumed) }{ tags::col_head(t.col_after) }{ tags::col_head(t.col_gain) }</tr></thead>
            <tbody>
                { for a.pairs.iter().map(|w| {
                    let name = w.ward.as_ref().and_then(|id| data.ward(id)).map_or_else(
                        || t.no_ward.to_owned(),
                        |x| if lang == Lang::En { x.name_en.clone() } else { x.name.clone() },
                    );
                    html! {
                        <tr>{ tags::row_head(name) }{ tags::td_num(w.facilities) }
                            { tags::td_num(w.before) }{ tags::td_num(w.after) }
                            <td class={classes!("num", (w.after > w.before).then_some("changed"))}>{ format!("+{}", w.after - w.before) }</td></tr>
                    }
                }) }
            </tbody>
        </table>
        </div>
    }
}

fn shorter_table(next: &Dataset, a: &Assessment, lang: Lang, assumed: bool) -> Html {
    let t = &lang.texts().whatif_view;
    if a.shorter.is_empty() {
        return html! { { tags::p(t.no_shorter) } };
    }
    let facility = |id: &FacilityId| next.facility_name(id);
    html! {
        <table class="shorter">
            { caption(t, t.plans_heading, assumed) }
            <thead><tr>{ tags::col_head(t.col_facility) }{ tags::col_head(t.col_hospital) }
                { before_head(t, assumed) }{ tags::col_head(t.col_after) }</tr></thead>
            <tbody>
                { for a.shorter.iter().map(|s| html! {
                    <tr>{ tags::td(facility(&s.facility)) }{ tags::td(hospital_name_in(next, &s.hospital, lang)) }
                        { tags::td(cost_text(lang, s.before)) }<td class="changed">{ cost_text(lang, s.after) }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

pub(super) fn total_pairs(a: &Assessment) -> (usize, usize) {
    (
        a.pairs.iter().map(|w| w.before).sum(),
        a.pairs.iter().map(|w| w.after).sum(),
    )
}

fn summary(a: &Assessment, t: &WhatIfTexts, lang: Lang) -> Html {
    let (before, after) = total_pairs(a);
    // Read out whole when a change to the what-if changes it: the button
    // pressed keeps focus, and nothing else would say what changed.
    html! {
        <div role="status" aria-atomic="true">
        <ul class="whatif-summary">
            { tags::li(t.summary_cells.replace("{n}", &a.improved_cells.to_string())) }
            { tags::li(t.summary_pairs.replace("{before}", &before.to_string()).replace("{after}", &after.to_string())) }
            { tags::li(t.summary_plans.replace("{n}", &a.shorter.len().to_string()).replace("{pairs}", &lang.count(a.plans_compared, Noun::Pair))) }
            if a.plans_truncated {
                { tags::li(t.plans_truncated.replace("{n}", &a.plans_compared.to_string())) }
            }
        </ul>
        </div>
    }
}

/// The report's next step in figures, under the confirmed rule: today and
/// with every union connected, for a facility in no union and for a TMNIT
/// member.
pub(super) fn next_step_box(
    lang: Lang,
    data: &Dataset,
    step: Option<&NextStep>,
    on_try: Callback<MouseEvent>,
) -> Html {
    let t = &lang.texts().whatif_view;
    let Some(step) = step else {
        return html! {};
    };
    let union = union_name_in(data, &step.union, lang);
    html! {
        <section class="next-step" aria-labelledby="next-step-heading">
            <h3 id="next-step-heading">{ t.next_heading }</h3>
            { tags::p_hint(t.next_lead.replace("{hospitals}", &lang.count(step.disclosing, Noun::DisclosingHospital))) }
            <div class="table-scroll">
                <table>
                    <caption class="visually-hidden">{ t.next_heading }</caption>
                    <thead><tr><td></td>{ tags::col_head(t.next_today) }{ tags::col_head(t.next_connected) }</tr></thead>
                    <tbody>
                        <tr>{ tags::row_head(t.next_none) }
                            { tags::td(cost_text(lang, step.none_before)) }{ tags::td(cost_text(lang, step.none_after)) }</tr>
                        <tr>{ tags::row_head(t.next_member.replace("{union}", &union)) }
                            { tags::td(cost_text(lang, step.member_before)) }{ tags::td(cost_text(lang, step.member_after)) }</tr>
                    </tbody>
                </table>
            </div>
            <div class="button-row">
                { tags::button(on_try, t.next_try) }
            </div>
        </section>
    }
}

/// The assessment of the draft: the summary, then the tables. `data` is the
/// dataset today, `next` the one the what-if gives; `assumed` when the
/// figures count hospital links as a way in (every table says so).
pub(super) fn assessment_tables(
    data: &Dataset,
    a: &Assessment,
    next: &Dataset,
    lang: Lang,
    assumed: bool,
) -> Html {
    let t = &lang.texts().whatif_view;
    html! {
        <>
            { summary(a, t, lang) }
            { tags::p_hint(t.matrix_lead) }
            { matrix_table(next, a, lang, assumed) }
            { pairs_table(data, a, t, lang, assumed) }
            { tags::p_hint(t.pairs_note) }
            { shorter_table(next, a, lang, assumed) }
        </>
    }
}
