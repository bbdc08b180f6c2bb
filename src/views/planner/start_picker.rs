//! 経路プラン's step 1: the facility the plans start from.

use tsunagu_core::model::FacilityId;
use yew::prelude::*;

use super::search::{fold, ranked};
use super::{
    focus_after_pick, focus_after_render, pick_list_keys, search_keys, PickerProps,
    FACILITY_LIST_ID, FACILITY_SEARCH_ID, LIST_KEYS_HINT_ID, LIST_LIMIT, TARGET_SEARCH_ID,
};
use crate::components::tags;
use crate::i18n::Lang;
use crate::plan_query::StartQuery;

/// Step 1: a facility in the data, found by incremental search, or one not
/// listed, described by its ward and current unions.
#[function_component(StartPicker)]
pub(super) fn start_picker(props: &PickerProps) -> Html {
    let texts = &props.lang.texts().planner_view;
    let data = &*props.data;
    let search = use_state(String::new);
    let unlisted = matches!(props.query.start, StartQuery::Unlisted { .. });

    let set_start = |start: StartQuery| {
        let mut next = props.query.clone();
        next.start = start;
        props.on_change.reform(move |()| next.clone())
    };
    let to_listed = set_start(StartQuery::None).reform(|_: Event| ());
    let to_unlisted = set_start(StartQuery::Unlisted {
        ward: None,
        unions: Vec::new(),
    })
    .reform(|_: Event| ());

    let body = match &props.query.start {
        StartQuery::Facility(id) => {
            let facility = data.facility(&FacilityId(id.clone()));
            let name = facility.map_or_else(|| id.clone(), |f| f.name.clone());
            let unions: Vec<String> = facility
                .map(|f| {
                    f.memberships
                        .iter()
                        .map(|m| crate::lookup::membership_name(data, m, props.lang))
                        .collect()
                })
                .unwrap_or_default();
            // The search comes back in the button's place: focus goes there.
            let again = set_start(StartQuery::None)
                .reform(|_: MouseEvent| focus_after_render(FACILITY_SEARCH_ID));
            html! {
                <div class="chosen-facility">
                    <p><span class="label">{ texts.facility_chosen }</span>{ tags::strong(name) }</p>
                    { tags::p_note(format!("{}: {}", texts.current_unions, props.lang.list(&unions))) }
                    { tags::button(again, texts.facility_change) }
                </div>
            }
        }
        StartQuery::None => {
            let needle = fold(search.trim());
            let oninput = {
                let search = search.clone();
                Callback::from(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    search.set(input.value());
                })
            };
            // By name, or by the romanised id (miki-family-clinic) in English.
            let found = ranked(&data.facilities, &needle, |f| {
                [f.name.as_str(), f.id.as_str()]
            });
            let none = found.is_empty();
            let results: Vec<Html> = found
                .iter()
                .take(LIST_LIMIT)
                .enumerate()
                .map(|(i, f)| {
                    let pick =
                        set_start(StartQuery::Facility(f.id.0.clone())).reform(|e: MouseEvent| {
                            // The facility is chosen: on to the hospitals.
                            focus_after_pick(&e, TARGET_SEARCH_ID);
                        });
                    let unions: Vec<String> = f
                        .memberships
                        .iter()
                        .map(|m| crate::lookup::membership_name(data, m, props.lang))
                        .collect();
                    // The ward and the unions, so that two facilities of one
                    // name (one added by hand, say) can be told apart.
                    let meta = [
                        f.ward.as_ref().and_then(|w| crate::lookup::ward_name_in(data, w, props.lang)),
                        Some(if unions.is_empty() { texts.pick_no_unions.to_owned() } else { props.lang.list(&unions) }),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                    html! {
                        <li>
                            <button type="button" class="pick" onclick={pick} tabindex={if i == 0 { "0" } else { "-1" }}>
                                <span class="name">{ f.name.clone() }</span>
                                <span class="meta">{ meta }</span>
                            </button>
                        </li>
                    }
                })
                .collect();
            let more = found.len().saturating_sub(LIST_LIMIT);
            html! {
                <>
                    <label class="field">
                        { tags::span(texts.facility_search) }
                        <input id={FACILITY_SEARCH_ID} type="search" value={(*search).clone()} placeholder={texts.facility_placeholder} {oninput}
                            onkeydown={search_keys(FACILITY_LIST_ID)} aria-describedby={LIST_KEYS_HINT_ID} />
                    </label>
                    <p class="hint keys-hint" id={LIST_KEYS_HINT_ID}>{ texts.list_keys }</p>
                    <ul class="pick-list" id={FACILITY_LIST_ID} onkeydown={pick_list_keys(FACILITY_SEARCH_ID)}>{ for results }</ul>
                    <p class="hint" role="status">{ if none { texts.no_facility_found } else { "" } }</p>
                    if more > 0 {
                        { tags::p_hint(props.lang.texts().table.more_rows.replace("{n}", &more.to_string())) }
                    }
                    { tags::p_note(texts.facility_note) }
                </>
            }
        }
        StartQuery::Unlisted { ward, unions } => {
            let on_ward = {
                let (query, on_change, unions) =
                    (props.query.clone(), props.on_change.clone(), unions.clone());
                Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    let value = select.value();
                    let mut next = query.clone();
                    next.start = StartQuery::Unlisted {
                        ward: (!value.is_empty()).then_some(value),
                        unions: unions.clone(),
                    };
                    on_change.emit(next);
                })
            };
            let boxes = data.unions.iter().map(|u| {
                let checked = unions.contains(&u.id.0);
                let mut toggled: Vec<String> = unions.clone();
                if checked {
                    toggled.retain(|x| *x != u.id.0);
                } else {
                    toggled.push(u.id.0.clone());
                }
                let onchange = set_start(StartQuery::Unlisted { ward: ward.clone(), unions: toggled }).reform(|_: Event| ());
                html! {
                    <li><label class="check"><input type="checkbox" {checked} {onchange} />{ crate::lookup::union_label(u, props.lang) }</label></li>
                }
            });
            html! {
                <>
                    <label class="field">
                        { tags::span(texts.ward_label) }
                        <select onchange={on_ward}>
                            <option value="" selected={ward.is_none()}>{ texts.ward_unspecified }</option>
                            { for data.wards.iter().map(|w| html! {
                                <option value={w.id.0.clone()} selected={ward.as_deref() == Some(w.id.as_str())}>
                                    { if props.lang == Lang::En { w.name_en.clone() } else { w.name.clone() } }
                                </option>
                            }) }
                        </select>
                    </label>
                    <fieldset class="checks">
                        { tags::legend(texts.current_unions) }
                        <ul>{ for boxes }</ul>
                        { tags::p_note(texts.no_unions_hint) }
                    </fieldset>
                </>
            }
        }
    };

    html! {
        <fieldset class="step">
            { tags::legend(tags::h3(texts.start_heading)) }
            <div class="radios" role="radiogroup" aria-label={texts.start_mode_label}>
                <label class="radio"><input type="radio" name="start-mode" checked={!unlisted} onchange={to_listed} />{ texts.start_listed }</label>
                <label class="radio"><input type="radio" name="start-mode" checked={unlisted} onchange={to_unlisted} />{ texts.start_unlisted }</label>
            </div>
            { body }
        </fieldset>
    }
}
