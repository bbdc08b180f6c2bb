//! もしも's saved what-ifs: the list (open, delete, mark for comparison) and
//! the comparison of the marked ones side by side.

use std::collections::BTreeSet;

use tsunagu_core::model::Dataset;
use tsunagu_core::whatif::assess::Assessment;
use yew::prelude::*;

use super::assessment::total_pairs;
use super::{describe, Draft};
use crate::components::tags;
use crate::files;
use crate::i18n::{Lang, WhatIfTexts};
use crate::saved_what_ifs::SavedWhatIf;

/// The visible word of a "verb: {name}" template (the name is in the
/// accessible name already).
fn verb(template: &str) -> String {
    template
        .replace("{name}", "")
        .trim_end_matches([':', '：', ' '])
        .to_owned()
}

/// A saved what-if in the list, with buttons to open and delete it and a
/// box that marks it for comparison.
pub(super) fn saved_item(
    p: &SavedWhatIf,
    t: &WhatIfTexts,
    draft: &UseStateHandle<Draft>,
    compared: &UseStateHandle<BTreeSet<String>>,
    on_delete: &Callback<String>,
) -> Html {
    let open = {
        let (draft, p) = (draft.clone(), p.clone());
        Callback::from(move |_: MouseEvent| {
            draft.set(Draft {
                id: Some(p.id.clone()),
                what_if: p.what_if.clone(),
            });
        })
    };
    let delete = {
        let (on_delete, id, name) = (on_delete.clone(), p.id.clone(), p.what_if.name.clone());
        let question = t.delete_confirm.replace("{name}", &name);
        Callback::from(move |_: MouseEvent| {
            if files::confirm(&question) {
                on_delete.emit(id.clone());
            }
        })
    };
    let toggle = {
        let (compared, id) = (compared.clone(), p.id.clone());
        Callback::from(move |_: Event| {
            let mut next = (*compared).clone();
            if !next.remove(&id) {
                next.insert(id.clone());
            }
            compared.set(next);
        })
    };
    let check_id = format!("compare-{}", p.id);
    let name = &p.what_if.name;
    html! {
        <li class="saved-what-if">
            <span class="name">{ name.clone() }</span>
            <span class="meta">{ t.changes_count.replace("{n}", &p.what_if.changes.len().to_string()) }</span>
            <button type="button" onclick={open} aria-label={t.open.replace("{name}", name)}>{ verb(t.open) }</button>
            <button type="button" onclick={delete} aria-label={t.delete.replace("{name}", name)}>{ verb(t.delete) }</button>
            <label for={check_id.clone()} class="check">
                <input type="checkbox" id={check_id} checked={compared.contains(&p.id)} onchange={toggle}
                    aria-label={t.compare.replace("{name}", name)} />
                { verb(t.compare) }
            </label>
        </li>
    }
}

/// The marked saved what-ifs side by side, or how to mark them.
pub(super) fn compare_section(
    data: &Dataset,
    comparisons: &[(SavedWhatIf, Assessment)],
    lang: Lang,
) -> Html {
    let t = &lang.texts().whatif_view;
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <h3 id="compare-heading">{ t.compare_heading }</h3>
            if comparisons.is_empty() {
                { tags::p_hint(t.compare_lead) }
            } else {
                <div class="table-scroll">
                    <table>
                        <caption class="visually-hidden">{ t.compare_heading }</caption>
                        <thead><tr>{ tags::col_head(t.col_metric) }
                            { for comparisons.iter().map(|(p, _)| html! { { tags::col_head(p.what_if.name.clone()) } }) }
                        </tr></thead>
                        <tbody>
                            <tr>{ tags::row_head(t.metric_changes) }
                                { for comparisons.iter().map(|(p, _)| html! {
                                    <td><ol>{ for p.what_if.changes.iter().map(|c| html! { { tags::li(describe(data, c, lang)) } }) }</ol></td>
                                }) }</tr>
                            <tr>{ tags::row_head(t.metric_cells) }
                                { for comparisons.iter().map(|(_, a)| html! { { tags::td_num(a.improved_cells) } }) }</tr>
                            <tr>{ tags::row_head(t.metric_pairs) }
                                { for comparisons.iter().map(|(_, a)| {
                                    let (before, after) = total_pairs(a);
                                    html! { { tags::td_num(format!("{before} → {after}")) } }
                                }) }</tr>
                            <tr>{ tags::row_head(t.metric_plans) }
                                { for comparisons.iter().map(|(_, a)| html! { { tags::td_num(a.shorter.len()) } }) }</tr>
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
