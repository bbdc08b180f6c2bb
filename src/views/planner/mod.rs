//! 経路プラン: the referral planner. The user picks a facility (or describes
//! one not in the data), the hospitals it refers to, and options; the view
//! shows the Pareto frontier of plans as cards.
//!
//! The whole query lives in the URL (see `plan_query`), which is the only
//! state: every control rewrites the URL and the plan follows it, so a shared
//! link, the back button and a reload all reproduce the same plan.
//!
//! The form's steps and the results live in the files beside this one:
//! `start_picker.rs`, `target_picker.rs`, `options.rs`, `results.rs` and
//! `share_link.rs`.

mod options;
mod results;
mod search;
mod share_link;
mod start_picker;
mod target_picker;

use std::rc::Rc;

use tsunagu_core::access::Rules;
use tsunagu_core::graph::UnionLink;
use tsunagu_core::model::{Dataset, FacilityId, HospitalId, UnionId};
use tsunagu_core::planner::{PlanRequest, Start};
use tsunagu_core::whatif::apply_what_if;
use yew::prelude::*;

use super::{describe, ViewProps};
use crate::components::tags;
use crate::dataset_handle::DatasetHandle;
use crate::hooks::{use_plan, PlanHandle};
use crate::i18n::Lang;
use crate::plan_query::{PlanQuery, StartQuery};
use crate::route::{use_location, use_navigator, Route, VIEW_TITLE_ID};
use crate::saved_what_ifs::SavedWhatIf;
use options::plan_options;
use results::{plan_results, ResultsProps};
use start_picker::StartPicker;
use target_picker::TargetPicker;

/// The hospital search box, where focus goes after a pick.
const TARGET_SEARCH_ID: &str = "target-search";

/// The facility search box, where focus goes on 「選び直す」.
const FACILITY_SEARCH_ID: &str = "facility-search";

/// The list of facilities the search found.
const FACILITY_LIST_ID: &str = "facility-list";

/// The list of hospitals the search found.
const TARGET_LIST_ID: &str = "target-list";

/// The hint on moving through a pick list, which the search boxes name.
const LIST_KEYS_HINT_ID: &str = "pick-list-keys";

/// A pick list is one Tab stop (its first button, `tabindex` 0, the rest
/// -1), so Tab goes on past dozens of names: ↑ ↓ move between its buttons,
/// Home and End go to its ends, and ↑ on the first or Esc goes back to the
/// search box `search_id` above it (Esc with its words selected).
fn pick_list_keys(search_id: &'static str) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let Some(item) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("li").ok().flatten())
            else {
                return;
            };
            let to = match e.key().as_str() {
                "ArrowDown" => item.next_element_sibling(),
                "ArrowUp" => {
                    let Some(before) = item.previous_element_sibling() else {
                        e.prevent_default();
                        if let Some(search) = crate::dom::html_element(search_id) {
                            let _ = search.focus();
                        }
                        return;
                    };
                    Some(before)
                }
                "Home" => item.parent_element().and_then(|l| l.first_element_child()),
                "End" => item.parent_element().and_then(|l| l.last_element_child()),
                // Back to the search, its words selected to type over.
                "Escape" => {
                    if let Some(search) = crate::dom::html_element(search_id)
                        .and_then(|s| s.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        e.prevent_default();
                        let _ = search.focus();
                        search.select();
                    }
                    return;
                }
                _ => return,
            };
            if let Some(button) = to
                .and_then(|li| li.query_selector("button").ok().flatten())
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            {
                e.prevent_default();
                let _ = button.focus();
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (e, search_id);
    })
}

/// ↓ in a search box goes to the first name in its list `list_id`.
fn search_keys(list_id: &'static str) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() != "ArrowDown" {
            return;
        }
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            if let Some(button) = gloo::utils::document()
                .query_selector(&format!("#{list_id} button"))
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            {
                e.prevent_default();
                let _ = button.focus();
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = list_id;
    })
}

/// After a pick made with `click`, moves focus to the search box `id`, once
/// the change has been drawn (the button pressed may be gone by then): from
/// the keyboard or a mouse, the next name is typed there. A tap on a touch
/// screen leaves focus alone, so that the phone's keyboard does not open over
/// the plan just drawn.
fn focus_after_pick(click: &MouseEvent, id: &'static str) {
    if by_touch(click) {
        return;
    }
    focus_after_render(id);
}

/// Whether a click came from a finger or a pen (a `PointerEvent`'s
/// `pointerType`; a click from the keyboard has none).
fn by_touch(click: &MouseEvent) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        click
            .dyn_ref::<web_sys::PointerEvent>()
            .is_some_and(|p| matches!(p.pointer_type().as_str(), "touch" | "pen"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = click;
        false
    }
}

/// Moves focus to the element with `id` once the change just made has been
/// drawn (the control that was pressed may be gone by then).
fn focus_after_render(id: &'static str) {
    crate::dom::focus_after_render(id.to_owned());
}

/// The narrowest window (CSS px) where the form and the plans sit side by
/// side: `.planner-grid`'s breakpoint in `assets/style.css`.
const SIDE_BY_SIDE_PX: f64 = 1100.0;

/// Whether the form and the plans sit side by side in this window.
fn side_by_side() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w >= SIDE_BY_SIDE_PX)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = SIDE_BY_SIDE_PX;
        false
    }
}

/// How the planner opens when it is the page's first view.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// Form and plans together, where the page starts.
    Usual,
    /// A shared link, side by side: the plan first, the form after the next paint.
    PlanFirst,
    /// A shared link, stacked: together, the page scrolled to the plans.
    AtPlan,
}

/// The plans' heading (in `results.rs`), where a stacked shared link opens.
const RESULTS_HEADING_ID: &str = "results-heading";

/// At most how long (ms) [`after_next_paint`] waits for a frame: a tab in
/// the background (a link opened with Ctrl+click) draws none.
const PAINT_WAIT_MS: u32 = 1000;

/// Runs `f` once the next frame has been painted, or after
/// [`PAINT_WAIT_MS`] if no frame comes; `f` may so run twice.
fn after_next_paint(f: impl Fn() + Clone + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo::timers::callback::Timeout;
        use wasm_bindgen::JsCast;
        let fallback = f.clone();
        Timeout::new(PAINT_WAIT_MS, fallback).forget();
        // requestAnimationFrame runs before the frame is painted; a timeout
        // set from there runs after it.
        let next = wasm_bindgen::closure::Closure::once_into_js(move || {
            Timeout::new(0, f).forget();
        });
        let _ = gloo::utils::window().request_animation_frame(next.unchecked_ref());
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = PAINT_WAIT_MS;
        f();
    }
}

/// Names listed at most in a pick list; the search narrows the rest.
const LIST_LIMIT: usize = 50;

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
    let raw_query = PlanQuery::parse(location.query());
    // Under a saved what-if the plans are hypothetical: they run on
    // the dataset the saved what-if gives, with its union links.
    let saved_what_if = raw_query
        .saved_what_if
        .as_ref()
        .and_then(|id| {
            props
                .saved_what_ifs
                .iter()
                .find(|p| p.is_named_by(id, raw_query.what_if_print.as_deref()))
        })
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
        None => (props.data.clone(), Rc::clone(&no_links)),
    };
    let (mut query, dropped) = data.as_ref().map_or_else(
        || (raw_query.clone(), false),
        |data| known_only(data, &raw_query),
    );
    query.saved_what_if = saved_what_if.as_ref().map(|p| p.id.clone());
    query.what_if_print = saved_what_if.as_ref().map(SavedWhatIf::fingerprint);
    query.assume_agreements = raw_query.assume_agreements;
    let rules = query.rules();
    // Under the assumption or a what-if, the same query on the report's own
    // data under the confirmed rules too: its plans come first, and its
    // answer is said beside the hypothetical plans (it may be none of them).
    let hypothetical_view = rules != Rules::Confirmed || saved_what_if.is_some();
    let confirmed = use_plan(
        props.data.clone(),
        no_links,
        Rules::Confirmed,
        hypothetical_view.then(|| request_for(&query)).flatten(),
    );
    let plan = use_plan(data.clone(), links, rules, request_for(&query));
    // A link opened with a whole query is for its plan. Side by side, the
    // plan is drawn first and the form (half the page's elements) a frame
    // later; stacked, the form would push the plan down when it came, so
    // both come together and the page opens at the plan instead. Not when
    // the link was partly ignored, or names a what-if: the notices above
    // the form say so, and must be read first.
    let opening = use_state_eq(|| {
        let for_its_plan = props.first_view
            && request_for(&query).is_some()
            && !dropped
            && raw_query.saved_what_if.is_none();
        match (for_its_plan, side_by_side()) {
            (false, _) => Opening::Usual,
            (true, true) => Opening::PlanFirst,
            (true, false) => Opening::AtPlan,
        }
    });
    {
        let opening = opening.clone();
        use_effect_with((), move |()| match *opening {
            Opening::Usual => {}
            Opening::PlanFirst => after_next_paint(move || opening.set(Opening::Usual)),
            Opening::AtPlan => crate::dom::bring_to(RESULTS_HEADING_ID),
        });
    }
    let form_later = *opening == Opening::PlanFirst;
    let what_if = saved_what_if
        .as_ref()
        .map(|p| AttrValue::from(p.what_if.name.clone()));
    let to_plans = to_plans(
        lang,
        &plan,
        confirmed
            .answer()
            .filter(|_| hypothetical_view)
            .map(|c| &**c),
        saved_what_if.is_some(),
    );

    let heading = html! {
        <>
            <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.planner.title }</h2>
            { tags::p_lead(texts.planner.lead) }
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

    // Every control is a choice (a pick, a box ticked, an option chosen; the
    // searches' words are not in the query), so each is a step of Back.
    let on_change = Callback::from(move |next: PlanQuery| {
        if let Some(navigator) = &navigator {
            navigator.push_with_query(Route::Planner, &next.to_query_string());
        }
    });

    let banner = match (&saved_what_if, &raw_query.saved_what_if) {
        (Some(p), _) => {
            let mut real = query.clone();
            real.saved_what_if = None;
            html! {
                <div class="hypothetical" role="note">
                    <p>{ tags::strong(texts.whatif_view.hypothetical_banner.replace("{name}", &p.what_if.name)) }</p>
                    <ul>{ for p.what_if.changes.iter().map(|c| html! { { tags::li(describe(&data, c, lang)) } }) }</ul>
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
                    if !form_later {
                        <StartPicker {lang} data={data.clone()} query={query.clone()} on_change={on_change.clone()} />
                        <TargetPicker {lang} data={data.clone()} query={query.clone()} on_change={on_change.clone()} />
                        { plan_options(&PickerProps { lang, data: data.clone(), query: query.clone(), on_change }) }
                        { to_plans }
                    }
                </form>
                { plan_results(&ResultsProps { lang, real: props.data.clone().unwrap_or_else(|| data.clone()), data, query, plan, dropped, rules, what_if, confirmed, later: form_later }) }
            </div>
        </section>
    }
}

/// The form's last word: how many plans there are, how many rest on an
/// assumption, how many targets are out of reach, and a button to the
/// plans. Stacked on a phone the plans are a long way below the form, and
/// side by side a change made low in the form redraws plans scrolled out
/// of view above it.
fn to_plans(
    lang: Lang,
    plan: &PlanHandle,
    confirmed: Option<&tsunagu_core::planner::PlanAnswer>,
    what_if: bool,
) -> Html {
    let texts = &lang.texts().planner_view;
    let Some(answer) = plan.answer() else {
        return html! {};
    };
    // The cards as drawn: the confirmed ones, then the hypothetical ones.
    let hypothetical = results::hypothetical_cards(answer, confirmed, what_if);
    let confirmed_cards = confirmed.map_or(0, |c| c.plans.len());
    let mut parts = vec![texts
        .summary_plans
        .replace("{n}", &(confirmed_cards + hypothetical.len()).to_string())];
    let marked = if confirmed.is_some() {
        hypothetical.len()
    } else {
        hypothetical
            .iter()
            .filter(|p| !p.assumptions.is_empty())
            .count()
    };
    if marked > 0 {
        let which = if what_if {
            texts.summary_what_if
        } else {
            texts.summary_assumed
        };
        parts.push(which.replace("{n}", &marked.to_string()));
    }
    if !answer.unreachable.is_empty() {
        parts.push(
            texts
                .summary_unreachable
                .replace("{n}", &answer.unreachable.len().to_string()),
        );
    }
    let onclick = Callback::from(|_: MouseEvent| crate::dom::bring_to(RESULTS_HEADING_ID));
    html! {
        <div class="to-plans">
            { tags::p(lang.list(&parts)) }
            { tags::button(onclick, texts.to_plans) }
        </div>
    }
}

/// What each step of the form is given: the data, the query, and how to
/// change it.
#[derive(Properties, PartialEq)]
struct PickerProps {
    lang: Lang,
    data: DatasetHandle,
    query: PlanQuery,
    on_change: Callback<PlanQuery>,
}
