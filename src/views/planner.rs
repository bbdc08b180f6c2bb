//! 経路プラン: the referral planner. The user picks a facility (or describes
//! one not in the data), the hospitals it refers to, and options; the view
//! shows the Pareto frontier of plans as cards.
//!
//! The whole query lives in the URL (see `plan_query`), which is the only
//! state: every control rewrites the URL and the plan follows it, so a shared
//! link, the back button and a reload all reproduce the same plan.

use std::rc::Rc;

use gloo::history::query::Raw;
use tsunagu_core::access::{partners, Rules};
use tsunagu_core::graph::UnionLink;
use tsunagu_core::model::{Dataset, FacilityId, HospitalId, LinkKind, UnionId, WardId};
use tsunagu_core::names::fold_name;
use tsunagu_core::planner::{PlanAnswer, PlanRequest, Progress, Start};
use tsunagu_core::whatif::apply_what_if;
use yew::prelude::*;
use yew_router::prelude::*;

use super::{describe, ViewProps};
use crate::components::{outside_layer, pick, PlanCard};
use crate::dataset_handle::DatasetHandle;
use crate::hooks::{use_plan, PlanFailure, PlanHandle, PlanStatus};
use crate::i18n::{Lang, Noun};
use crate::lookup::{hospital_name, hospital_text, nfkc, union_name};
use crate::plan_query::{PlanQuery, StartQuery};
use crate::route::{Route, VIEW_TITLE_ID};

/// The hospital search box, where focus goes after a pick.
const TARGET_SEARCH_ID: &str = "target-search";

/// Moves focus to the element with `id` once the change just made has been
/// drawn (the control that was pressed may be gone by then).
fn focus_after_render(id: &'static str) {
    #[cfg(target_arch = "wasm32")]
    gloo::timers::callback::Timeout::new(0, move || {
        use wasm_bindgen::JsCast;
        if let Some(element) = gloo::utils::document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    })
    .forget();
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Names listed at most in a pick list; the search narrows the rest.
const LIST_LIMIT: usize = 50;

/// Whether `name` contains what the user typed, after folding both.
fn matches(name: &str, needle: &str) -> bool {
    needle.is_empty() || fold_name(name, &nfkc).contains(needle)
}

/// The query with ids the data does not know removed, and whether any were.
fn known_only(data: &Dataset, query: &PlanQuery) -> (PlanQuery, bool) {
    let union = |id: &String| data.unions.iter().any(|u| u.id.0 == *id);
    let hospital = |id: &String| data.hospitals.iter().any(|h| h.id.0 == *id);
    let mut clean = query.clone();
    clean.targets.retain(hospital);
    clean.exclude.retain(union);
    clean.start = match &query.start {
        StartQuery::Facility(f) if data.facilities.iter().any(|x| x.id.0 == *f) => {
            query.start.clone()
        }
        StartQuery::Facility(_) | StartQuery::None => StartQuery::None,
        StartQuery::Unlisted { ward, unions } => StartQuery::Unlisted {
            ward: ward
                .clone()
                .filter(|w| data.wards.iter().any(|x| x.id.0 == *w)),
            unions: unions.iter().filter(|u| union(u)).cloned().collect(),
        },
    };
    let dropped = clean != *query;
    (clean, dropped)
}

/// The planner request a query asks for, once it names a start and a target.
fn request_for(query: &PlanQuery) -> Option<PlanRequest> {
    let start = match &query.start {
        StartQuery::None => return None,
        StartQuery::Facility(f) => Start::Facility(FacilityId(f.clone())),
        StartQuery::Unlisted { unions, .. } => {
            Start::Members(unions.iter().cloned().map(UnionId).collect())
        }
    };
    if query.targets.is_empty() {
        return None;
    }
    Some(PlanRequest {
        start,
        targets: query.targets.iter().cloned().map(HospitalId).collect(),
        max_relays: query.max_relays,
        exclude: query.exclude.iter().cloned().map(UnionId).collect(),
    })
}

/// The link that reproduces this plan.
fn share_url(query: &PlanQuery) -> String {
    let fragment = format!("#/?{}", query.to_query_string());
    #[cfg(target_arch = "wasm32")]
    {
        let location = gloo::utils::window().location();
        let base = location.href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_owned();
        base + &fragment
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        fragment
    }
}

/// The 経路プラン view.
#[function_component(PlannerView)]
pub fn planner_view(props: &ViewProps) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let location = use_location();
    let navigator = use_navigator();
    let raw_query = PlanQuery::parse(
        location
            .as_ref()
            .map(Location::query_str)
            .unwrap_or_default(),
    );
    // Under a saved what-if saved what-if the plans are hypothetical: they run on
    // the dataset the saved what-if gives, with its union links.
    let saved_what_if = raw_query
        .saved_what_if
        .as_ref()
        .and_then(|id| props.saved_what_ifs.iter().find(|p| &p.id == id))
        .cloned();
    let no_links = (*use_memo((), |()| Rc::new(Vec::<UnionLink>::new()))).clone();
    let hypothetical = use_memo(
        (props.data.clone(), saved_what_if.clone()),
        |(data, saved_what_if)| match (data, saved_what_if) {
            (Some(data), Some(saved_what_if)) => {
                let (next, links) = apply_what_if(data, &saved_what_if.what_if);
                Some((DatasetHandle::new(next), Rc::new(links)))
            }
            _ => None,
        },
    );
    let (data, links) = match &*hypothetical {
        Some((data, links)) => (Some(data.clone()), Rc::clone(links)),
        None => (props.data.clone(), no_links),
    };
    let (mut query, dropped) = data.as_ref().map_or_else(
        || (raw_query.clone(), false),
        |data| known_only(data, &raw_query),
    );
    query.saved_what_if = saved_what_if.as_ref().map(|p| p.id.clone());
    query.assume_agreements = raw_query.assume_agreements;
    let rules = query.rules();
    let plan = use_plan(data.clone(), links, rules, request_for(&query));

    let heading = html! {
        <>
            <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.planner.title }</h2>
            <p class="lead">{ texts.planner.lead }</p>
        </>
    };
    let Some(data) = data else {
        return html! {
            <section class="view" aria-labelledby={VIEW_TITLE_ID}>
                { heading }
                <p role="alert">{ texts.data_unavailable }</p>
            </section>
        };
    };

    let on_change = Callback::from(move |next: PlanQuery| {
        if let Some(navigator) = &navigator {
            let _ = navigator.replace_with_query(&Route::Planner, Raw(next.to_query_string()));
        }
    });

    let banner = match (&saved_what_if, &raw_query.saved_what_if) {
        (Some(p), _) => {
            let mut real = query.clone();
            real.saved_what_if = None;
            html! {
                <div class="hypothetical" role="note">
                    <p><strong>{ texts.whatif_view.hypothetical_banner.replace("{name}", &p.what_if.name) }</strong></p>
                    <ul>{ for p.what_if.changes.iter().map(|c| html! { <li>{ describe(&data, c, &texts.whatif_view) }</li> }) }</ul>
                    <a href={format!("#/?{}", real.to_query_string())}>{ texts.whatif_view.hypothetical_leave }</a>
                </div>
            }
        }
        (None, Some(_)) => {
            html! { <p class="notice" role="status">{ texts.whatif_view.unknown_what_if }</p> }
        }
        (None, None) => html! {},
    };
    html! {
        <section class="view planner" aria-labelledby={VIEW_TITLE_ID}>
            { heading }
            { banner }
            <div class="planner-grid">
                <form class="planner-controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <StartPicker {lang} data={data.clone()} query={query.clone()} on_change={on_change.clone()} />
                    <TargetPicker {lang} data={data.clone()} query={query.clone()} on_change={on_change.clone()} />
                    <PlanOptions {lang} data={data.clone()} query={query.clone()} {on_change} />
                </form>
                <PlanResults {lang} {data} {query} {plan} {dropped} {rules} />
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PickerProps {
    lang: Lang,
    data: DatasetHandle,
    query: PlanQuery,
    on_change: Callback<PlanQuery>,
}

/// Step 1: a facility in the data, found by incremental search, or one not
/// listed, described by its ward and current unions.
#[function_component(StartPicker)]
fn start_picker(props: &PickerProps) -> Html {
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
            let facility = data.facilities.iter().find(|f| f.id.0 == *id);
            let name = facility.map_or_else(|| id.clone(), |f| f.name.clone());
            let unions: Vec<String> = facility
                .map(|f| {
                    f.memberships
                        .iter()
                        .map(|m| union_name(data, &m.union))
                        .collect()
                })
                .unwrap_or_default();
            let again = set_start(StartQuery::None).reform(|_: MouseEvent| ());
            html! {
                <div class="chosen-facility">
                    <p><span class="label">{ texts.facility_chosen }</span><strong>{ name }</strong></p>
                    <p class="note">{ format!("{}: {}", texts.current_unions, props.lang.list(&unions)) }</p>
                    <button type="button" onclick={again}>{ texts.facility_change }</button>
                </div>
            }
        }
        StartQuery::None => {
            let needle = fold_name(search.trim(), &nfkc);
            let oninput = {
                let search = search.clone();
                Callback::from(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    search.set(input.value());
                })
            };
            let mut found = data.facilities.iter().filter(|f| matches(&f.name, &needle));
            let results: Vec<Html> = found
                .by_ref()
                .take(LIST_LIMIT)
                .map(|f| {
                    let pick =
                        set_start(StartQuery::Facility(f.id.0.clone())).reform(|_: MouseEvent| {
                            // The facility is chosen: on to the hospitals.
                            focus_after_render(TARGET_SEARCH_ID);
                        });
                    let unions: Vec<String> = f
                        .memberships
                        .iter()
                        .map(|m| union_name(data, &m.union))
                        .collect();
                    html! {
                        <li>
                            <button type="button" class="pick" onclick={pick}>
                                <span class="name">{ f.name.clone() }</span>
                                <span class="meta">{ props.lang.list(&unions) }</span>
                            </button>
                        </li>
                    }
                })
                .collect();
            let more = found.count();
            html! {
                <>
                    <label class="field">
                        <span>{ texts.facility_search }</span>
                        <input type="search" value={(*search).clone()} placeholder={texts.facility_placeholder} {oninput} />
                    </label>
                    <ul class="pick-list">{ for results }</ul>
                    if more > 0 {
                        <p class="hint">{ props.lang.texts().table.more_rows.replace("{n}", &more.to_string()) }</p>
                    }
                    <p class="note">{ texts.facility_note }</p>
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
                    <li><label class="check"><input type="checkbox" {checked} {onchange} />{ u.name.clone() }</label></li>
                }
            });
            html! {
                <>
                    <label class="field">
                        <span>{ texts.ward_label }</span>
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
                        <legend>{ texts.current_unions }</legend>
                        <ul>{ for boxes }</ul>
                        <p class="note">{ texts.no_unions_hint }</p>
                    </fieldset>
                </>
            }
        }
    };

    html! {
        <fieldset class="step">
            <legend><h3>{ texts.start_heading }</h3></legend>
            <div class="radios" role="radiogroup" aria-label={texts.start_mode_label}>
                <label class="radio"><input type="radio" name="start-mode" checked={!unlisted} onchange={to_listed} />{ texts.start_listed }</label>
                <label class="radio"><input type="radio" name="start-mode" checked={unlisted} onchange={to_unlisted} />{ texts.start_unlisted }</label>
            </div>
            { body }
        </fieldset>
    }
}

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
fn target_picker(props: &PickerProps) -> Html {
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
        let name = hospital_name(data, &HospitalId(id.clone()));
        let rest: Vec<String> = chosen.iter().filter(|x| *x != id).cloned().collect();
        let remove =
            with_targets(rest).reform(|_: MouseEvent| focus_after_render(TARGET_SEARCH_ID));
        let label = texts.remove_target.replace("{name}", &name);
        html! {
            <li class="chip">
                { name }
                <button type="button" aria-label={label} onclick={remove}>{ "×" }</button>
            </li>
        }
    });

    let needle = fold_name(search.trim(), &nfkc);
    let mut found = data
        .hospitals
        .iter()
        .filter(|h| !chosen.contains(&h.id.0))
        .filter(|h| {
            needle.is_empty()
                || std::iter::once(&h.name)
                    .chain(&h.aliases)
                    .chain(std::iter::once(&h.name_en))
                    .any(|n| matches(n, &needle))
        });
    let options: Vec<Html> = found
        .by_ref()
        .take(LIST_LIMIT)
        .map(|h| {
            let mut more = chosen.clone();
            more.push(h.id.0.clone());
            // The button goes with the hospital it adds: focus returns to the search.
            let add =
                with_targets(more).reform(|_: MouseEvent| focus_after_render(TARGET_SEARCH_ID));
            html! {
                <li>
                    <button type="button" class="pick" onclick={add}>
                        <span class="name">{ lang.add_button(&h.name) }</span>
                        if !h.discloses {
                            <span class="meta">{ texts.not_disclosing }</span>
                        }
                    </button>
                </li>
            }
        })
        .collect();
    let more_options = found.count();
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
    let clear = with_targets(Vec::new()).reform(|_: MouseEvent| ());

    html! {
        <fieldset class="step">
            <legend><h3>{ texts.targets_heading }</h3></legend>
            <div class="chosen-targets">
                <p class="label" id="chosen-targets-label">{ texts.chosen_targets }</p>
                if chosen.is_empty() {
                    <p class="note">{ texts.no_targets }</p>
                } else {
                    <ul class="chips" aria-labelledby="chosen-targets-label">{ for chips }</ul>
                    <button type="button" class="link-button" onclick={clear}>{ texts.clear_targets }</button>
                }
            </div>
            <label class="field">
                <span>{ texts.target_search }</span>
                <input id={TARGET_SEARCH_ID} type="search" value={(*search).clone()} placeholder={texts.target_placeholder} {oninput} />
            </label>
            <ul class="pick-list">{ for options }</ul>
            if more_options > 0 {
                <p class="hint">{ props.lang.texts().table.more_rows.replace("{n}", &more_options.to_string()) }</p>
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

/// Step 3: the relay limit and the unions never to join.
#[function_component(PlanOptions)]
fn plan_options(props: &PickerProps) -> Html {
    let texts = &props.lang.texts().planner_view;
    let on_relays = {
        let (query, on_change) = (props.query.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = query.clone();
            next.max_relays = select.value().parse().ok();
            on_change.emit(next);
        })
    };
    let boxes = props.data.unions.iter().map(|u| {
        let checked = props.query.exclude.contains(&u.id.0);
        let mut next = props.query.clone();
        if checked {
            next.exclude.retain(|x| *x != u.id.0);
        } else {
            next.exclude.push(u.id.0.clone());
        }
        let onchange = props.on_change.reform(move |_: Event| next.clone());
        html! { <li><label class="check"><input type="checkbox" {checked} {onchange} />{ u.name.clone() }</label></li> }
    });
    let on_assume = {
        let mut next = props.query.clone();
        next.assume_agreements = !props.query.assume_agreements;
        props.on_change.reform(move |_: Event| next.clone())
    };
    let relay_choice = |value: Option<u32>, label: String| {
        let selected = props.query.max_relays == value;
        html! { <option value={value.map(|v| v.to_string()).unwrap_or_default()} {selected}>{ label }</option> }
    };
    html! {
        <fieldset class="step">
            <legend><h3>{ texts.options_heading }</h3></legend>
            <label class="field">
                <span>{ texts.max_relays }</span>
                <select onchange={on_relays}>
                    { relay_choice(None, texts.relays_unlimited.to_owned()) }
                    { relay_choice(Some(0), texts.relays_direct.to_owned()) }
                    { for (1..=3).map(|n| relay_choice(Some(n), texts.relays_up_to.replace("{n}", &n.to_string()))) }
                </select>
            </label>
            <fieldset class="checks">
                <legend>{ texts.exclude }</legend>
                <ul>{ for boxes }</ul>
            </fieldset>
            <fieldset class="checks rules">
                <legend>{ texts.rules_legend }</legend>
                <label class="check">
                    <input type="checkbox" checked={props.query.assume_agreements} onchange={on_assume}
                        aria-describedby="assume-hint" />
                    { texts.assume_label }
                </label>
                <p class="note" id="assume-hint">{ texts.assume_hint }</p>
            </fieldset>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    lang: Lang,
    data: DatasetHandle,
    query: PlanQuery,
    plan: PlanHandle,
    dropped: bool,
    rules: Rules,
}

fn reason_text(
    lang: Lang,
    data: &Dataset,
    unreachable: &tsunagu_core::planner::Unreachable,
) -> String {
    let union = |id: &UnionId| {
        let name = union_name(data, id);
        tsunagu_core::model::Text {
            ja: name.clone(),
            en: name,
        }
    };
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
                                        { for quotes.iter().map(|q| html! { <>{ " " }<q>{ (*q).clone() }</q></> }) }
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
            <h3 id="context-heading">{ texts.context_heading }</h3>
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

#[derive(Properties, PartialEq)]
struct ShareLinkProps {
    lang: Lang,
    url: AttrValue,
}

/// The link that reproduces the plan, and a button that copies it and says
/// so (or says it could not).
#[function_component(ShareLink)]
fn share_link(props: &ShareLinkProps) -> Html {
    let texts = &props.lang.texts().planner_view;
    // None: not tried since the link last changed.
    let copied = use_state(|| None::<bool>);
    {
        let copied = copied.clone();
        use_effect_with(props.url.clone(), move |_| copied.set(None));
    }
    let onclick = {
        let (copied, url) = (copied.clone(), props.url.clone());
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                let (copied, url) = (copied.clone(), url.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    copied.set(Some(crate::files::copy_text(&url).await));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&copied, &url);
        })
    };
    html! {
        <div class="share">
            <label class="field">
                <span>{ texts.share_label }</span>
                <input type="text" readonly=true value={props.url.clone()} />
            </label>
            <button type="button" {onclick}>{ texts.copy_button }</button>
            <p role="status" class="hint">
                { match *copied {
                    Some(true) => texts.copied,
                    Some(false) => texts.copy_failed,
                    None => "",
                } }
            </p>
        </div>
    }
}

/// The plans, the unreachable targets, the link to share and the caveat.
#[function_component(PlanResults)]
fn plan_results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let texts = &lang.texts().planner_view;
    let data = &*props.data;
    let facility: AttrValue = match &props.query.start {
        StartQuery::Facility(id) => data
            .facilities
            .iter()
            .find(|f| f.id.0 == *id)
            .map_or_else(|| id.clone(), |f| f.name.clone())
            .into(),
        _ => texts.new_facility.into(),
    };
    let targets: Vec<String> = props
        .query
        .targets
        .iter()
        .map(|t| hospital_name(data, &HospitalId(t.clone())))
        .collect();

    let running = |progress: Progress| {
        let oncancel = props.plan.cancel.reform(|_: MouseEvent| ());
        html! {
            <div class="progress" role="status">
                <p><strong>{ texts.computing }</strong></p>
                if progress.total > 0 {
                    <p>{ texts.progress
                        .replace("{done}", &progress.done.to_string())
                        .replace("{total}", &progress.total.to_string())
                        .replace("{nodes}", &crate::format::thousands(i64::try_from(progress.nodes).unwrap_or(i64::MAX))) }</p>
                    <progress max={progress.total.to_string()} value={progress.done.to_string()}></progress>
                }
                <button type="button" onclick={oncancel}>{ texts.cancel }</button>
            </div>
        }
    };
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
    let body = match &status {
        PlanStatus::Idle => html! { <p class="empty">{ texts.results_empty }</p> },
        PlanStatus::Running(progress) => running(*progress),
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
                if props.rules == Rules::AssumeAgreements {
                    <div class="assumption banner" role="note">
                        <p><strong>{ pick(lang, &tsunagu_core::text::rules_name(props.rules)) }</strong></p>
                        <p>{ texts.assumption_banner }</p>
                    </div>
                }
                { for answer.plans.iter().enumerate().map(|(index, plan)| html! {
                    <PlanCard {lang} data={props.data.clone()} plan={plan.clone()} facility={facility.clone()} {index}
                        members={answer.members.clone()} query={props.query.clone()} rules={props.rules} share={AttrValue::from(share_url(&props.query))} />
                }) }
                { context(lang, data, answer) }
                if !answer.unreachable.is_empty() {
                    <section class="unreachable" aria-labelledby="unreachable-heading">
                        <h3 id="unreachable-heading">{ texts.unreachable_heading }</h3>
                        <ul>
                            { for answer.unreachable.iter().map(|u| html! {
                                <li data-reason={u.reason.code()}><strong>{ hospital_name(data, &u.target) }</strong>{ lang.colon() }{ reason_text(lang, data, u) }</li>
                            }) }
                        </ul>
                    </section>
                }
                <ShareLink {lang} url={AttrValue::from(share_url(&props.query))} />
                if answer.plans.is_empty() {
                    <p class="caveat" role="note">{ texts.caveat }</p>
                }
                { outside_layer(lang, true) }
            </>
        },
    };
    html! {
        <section class="planner-results" aria-labelledby="results-heading">
            <h3 id="results-heading">{ texts.results_heading }</h3>
            if props.dropped {
                <p class="warn" role="status">{ texts.link_ignored }</p>
            }
            <div aria-live="polite" data-state={state}>{ body }</div>
        </section>
    }
}
