//! 経路プラン's step 2: the hospitals whose records the facility wants to view.

use tsunagu_core::model::{Dataset, HospitalId, WardId};
use yew::prelude::*;

use super::search::{fold, ranked};
use super::{
    focus_after_pick, pick_list_keys, search_keys, PickerProps, LIST_KEYS_HINT_ID, LIST_LIMIT,
    TARGET_LIST_ID, TARGET_SEARCH_ID,
};
use crate::components::tags;
use crate::i18n::{Lang, Noun};
use crate::lookup::{hospital_label, hospital_name_in};

/// The hospitals a filter selects: by designation, 医療圏 or ward.
fn filter_hospitals(data: &Dataset, kind: &str, value: &str) -> Vec<HospitalId> {
    data.hospitals
        .iter()
        .filter(|h| match kind {
            "designation" => {
                h.designations
                    .iter()
                    .any(|c| c.designation.as_ref().is_some_and(|d| d.0 == value))
                    || data
                        .designation_listings
                        .iter()
                        .any(|l| l.hospital == h.id && l.designation.0 == value)
            }
            "region" => h.region.as_deref() == Some(value),
            "ward" => h.ward.as_ref().is_some_and(|w: &WardId| w.0 == value),
            _ => false,
        })
        .map(|h| h.id.clone())
        .collect()
}

/// Step 2: the target hospitals, by search or by filter.
#[function_component(TargetPicker)]
pub(super) fn target_picker(props: &PickerProps) -> Html {
    let lang = props.lang;
    let texts = &lang.texts().planner_view;
    let data = &*props.data;
    let search = use_state(String::new);
    let filter_kind = use_state(|| "designation".to_owned());
    let filter_value = use_state(String::new);
    let chosen = &props.query.targets;

    let with_targets = |targets: Vec<String>| {
        let mut next = props.query.clone();
        next.targets = targets;
        props.on_change.reform(move |()| next.clone())
    };

    let chips = chosen.iter().map(|id| {
        let name = hospital_name_in(data, &HospitalId(id.clone()), lang);
        let rest: Vec<String> = chosen.iter().filter(|x| *x != id).cloned().collect();
        let remove =
            with_targets(rest).reform(|e: MouseEvent| focus_after_pick(&e, TARGET_SEARCH_ID));
        let label = texts.remove_target.replace("{name}", &name);
        html! {
            <li class="chip">
                { name }
                <button type="button" aria-label={label} onclick={remove}>{ "×" }</button>
            </li>
        }
    });

    let needle = fold(search.trim());
    let found = ranked(
        data.hospitals.iter().filter(|h| !chosen.contains(&h.id.0)),
        &needle,
        |h| {
            std::iter::once(h.name.as_str())
                .chain(h.aliases.iter().map(String::as_str))
                .chain([h.name_en.as_str(), h.id.as_str()])
        },
    );
    let none = found.is_empty();
    let options: Vec<Html> = found
        .iter()
        .take(LIST_LIMIT)
        .enumerate()
        .map(|(i, h)| {
            let mut more = chosen.clone();
            more.push(h.id.0.clone());
            // The button goes with the hospital it adds: focus returns to the
            // search, emptied for the next name.
            let search = search.clone();
            let add = with_targets(more).reform(move |e: MouseEvent| {
                search.set(String::new());
                focus_after_pick(&e, TARGET_SEARCH_ID);
            });
            html! {
                <li>
                    <button type="button" class="pick" onclick={add} tabindex={if i == 0 { "0" } else { "-1" }}>
                        <span class="name">{ lang.add_button(&hospital_label(h, lang)) }</span>
                        if !h.discloses {
                            <span class="meta">{ texts.not_disclosing }</span>
                        }
                    </button>
                </li>
            }
        })
        .collect();
    let more_options = found.len().saturating_sub(LIST_LIMIT);
    let oninput = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            search.set(input.value());
        })
    };

    // Filter choices for the chosen kind.
    let values: Vec<(String, String)> = match filter_kind.as_str() {
        "designation" => data
            .designations
            .iter()
            .map(|d| {
                (
                    d.id.0.clone(),
                    if lang == Lang::En {
                        d.name_en.clone()
                    } else {
                        d.name.clone()
                    },
                )
            })
            .collect(),
        "region" => data.regions().into_iter().map(|r| (r.clone(), r)).collect(),
        _ => data
            .wards
            .iter()
            .map(|w| {
                (
                    w.id.0.clone(),
                    if lang == Lang::En {
                        w.name_en.clone()
                    } else {
                        w.name.clone()
                    },
                )
            })
            .collect(),
    };
    let current_value = values
        .iter()
        .find(|(v, _)| *v == *filter_value)
        .or(values.first())
        .map(|(v, _)| v.clone())
        .unwrap_or_default();
    let matching = filter_hospitals(data, &filter_kind, &current_value);
    let add_all = {
        let mut more = chosen.clone();
        for id in &matching {
            if !more.contains(&id.0) {
                more.push(id.0.clone());
            }
        }
        with_targets(more).reform(|_: MouseEvent| ())
    };
    let on_kind = {
        let (kind, value) = (filter_kind.clone(), filter_value.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            kind.set(select.value());
            value.set(String::new());
        })
    };
    let on_value = {
        let value = filter_value.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            value.set(select.value());
        })
    };
    // The button goes with the chips: focus goes to the search.
    let clear =
        with_targets(Vec::new()).reform(|e: MouseEvent| focus_after_pick(&e, TARGET_SEARCH_ID));

    html! {
        <fieldset class="step">
            { tags::legend(tags::h3(texts.targets_heading)) }
            <div class="chosen-targets">
                <p class="label" id="chosen-targets-label">{ texts.chosen_targets }</p>
                if chosen.is_empty() {
                    { tags::p_note(texts.no_targets) }
                } else {
                    <ul class="chips" aria-labelledby="chosen-targets-label">{ for chips }</ul>
                    <button type="button" class="link-button" onclick={clear}>{ texts.clear_targets }</button>
                }
            </div>
            <label class="field">
                { tags::span(texts.target_search) }
                <input id={TARGET_SEARCH_ID} type="search" value={(*search).clone()} placeholder={texts.target_placeholder} {oninput}
                    onkeydown={search_keys(TARGET_LIST_ID)} aria-describedby={format!("{LIST_KEYS_HINT_ID}-targets")} />
            </label>
            <p class="hint keys-hint" id={format!("{LIST_KEYS_HINT_ID}-targets")}>{ texts.list_keys }</p>
            <ul class="pick-list" id={TARGET_LIST_ID} onkeydown={pick_list_keys(TARGET_SEARCH_ID)}>{ for options }</ul>
            <p class="hint" role="status">{ if none { texts.no_hospital_found } else { "" } }</p>
            if more_options > 0 {
                { tags::p_hint(props.lang.texts().table.more_rows.replace("{n}", &more_options.to_string())) }
            }
            <div class="filter-row" role="group" aria-label={texts.add_by_filter}>
                <p class="label">{ texts.add_by_filter }</p>
                <select aria-label={texts.add_by_filter} onchange={on_kind}>
                    <option value="designation" selected={*filter_kind == "designation"}>{ texts.by_designation }</option>
                    <option value="region" selected={*filter_kind == "region"}>{ texts.by_region }</option>
                    <option value="ward" selected={*filter_kind == "ward"}>{ texts.by_ward }</option>
                </select>
                <select aria-label={match filter_kind.as_str() { "designation" => texts.by_designation, "region" => texts.by_region, _ => texts.by_ward }} onchange={on_value}>
                    { for values.iter().map(|(v, label)| html! {
                        <option value={v.clone()} selected={*v == current_value}>{ label.clone() }</option>
                    }) }
                </select>
                <button type="button" onclick={add_all} disabled={matching.is_empty()}>
                    { texts.add_all.replace("{hospitals}", &lang.count(matching.len(), Noun::Hospital)) }
                </button>
            </div>
        </fieldset>
    }
}
