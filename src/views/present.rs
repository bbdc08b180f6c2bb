//! 発表モード: presentation mode for seminars and projectors. Full screen,
//! large type, high contrast, and a guided tour driven by Space and the
//! arrow keys: the network's growth month by month, a sample plan, and the
//! report's next step, connecting every union, computed as a what-if. Esc
//! leaves it.

use std::rc::Rc;

use tsunagu_core::access::Rules;
use tsunagu_core::index::NetworkIndex;
use tsunagu_core::model::{Dataset, FacilityId, HospitalId};
use tsunagu_core::planner::{plan_joins_indexed, PlanAnswer, PlanLimits, PlanRequest, Start};
use tsunagu_core::timeline::{growth_timeline, GrowthEvent, Happening};
use tsunagu_core::whatif::assess::next_step;
use yew::prelude::*;

use super::growth::event_text;
use super::ViewProps;
use crate::components::tags;
use crate::components::{plan_title, MapLayer};
use crate::i18n::{Lang, Noun};
use crate::lookup::union_name;
use crate::route::{use_navigator, VIEW_TITLE_ID};

/// What a slide shows beside its lines.
#[derive(Clone, Debug, PartialEq)]
pub enum Visual {
    /// Words only.
    None,
    /// The map as it stood in this month (`YYYY-MM`), and the running
    /// totals up to it (the timeline's frame).
    Growth {
        /// The month.
        month: String,
        /// The timeline's frame.
        frame: usize,
    },
    /// A plan's chain: the facility, the union it joins, the hospital.
    Chain(Vec<String>),
    /// The reach matrix today and with every union connected.
    Reach {
        /// The unions (rows).
        unions: Vec<String>,
        /// The 開示病院 (columns).
        hospitals: Vec<String>,
        /// Relays today; `None` where unreachable.
        before: Vec<Vec<Option<u32>>>,
        /// Relays with every union connected.
        after: Vec<Vec<Option<u32>>>,
    },
}

/// One slide of the tour: a Japanese caption, an English one, lines, and
/// a picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// The heading, in Japanese.
    pub title_ja: String,
    /// The heading, in English.
    pub title_en: String,
    /// The body lines, in Japanese.
    pub lines_ja: Vec<String>,
    /// The body lines, in English.
    pub lines_en: Vec<String>,
    /// The picture beside them.
    pub visual: Visual,
}

/// The growth of the network, one slide per month in which a 開示病院 went
/// live, a union was founded or the council was founded (the core's
/// timeline), with running totals; dates the data does not know are said to
/// be unknown.
pub fn growth_slides(data: &Dataset) -> Vec<Slide> {
    let timeline = growth_timeline(data);
    let structural = |e: &GrowthEvent| {
        matches!(
            e.happening,
            Happening::GoLive(_) | Happening::Founded(_) | Happening::Council
        )
    };
    let mut slides: Vec<Slide> = timeline
        .frames
        .iter()
        .enumerate()
        .filter_map(|(index, frame)| {
            let events: Vec<&GrowthEvent> = frame
                .events
                .iter()
                .map(|&i| &timeline.events[i])
                .filter(|e| structural(e))
                .collect();
            if events.is_empty() {
                return None;
            }
            let (live, unions) = (frame.live_hospitals, frame.unions);
            let mut lines_ja: Vec<String> = events
                .iter()
                .map(|e| event_text(data, &e.happening, Lang::Ja))
                .collect();
            let mut lines_en: Vec<String> = events
                .iter()
                .map(|e| event_text(data, &e.happening, Lang::En))
                .collect();
            for (lang, lines) in [(Lang::Ja, &mut lines_ja), (Lang::En, &mut lines_en)] {
                lines.push(
                    lang.texts()
                        .present_view
                        .totals
                        .replace("{live}", &lang.tally(live, Noun::DisclosingHospital))
                        .replace("{unions}", &lang.tally(unions, Noun::Union)),
                );
            }
            Some(Slide {
                title_ja: Lang::Ja.month(&frame.month),
                title_en: frame.month.clone(),
                lines_ja,
                lines_en,
                visual: Visual::Growth {
                    month: frame.month.clone(),
                    frame: index,
                },
            })
        })
        .collect();
    if let Some(last) = slides.last_mut() {
        if !timeline.undated.unions.is_empty() {
            for (lang, lines) in [
                (Lang::Ja, &mut last.lines_ja),
                (Lang::En, &mut last.lines_en),
            ] {
                let unknown: Vec<String> = timeline
                    .undated
                    .unions
                    .iter()
                    .map(|u| crate::lookup::union_name_in(data, u, lang))
                    .collect();
                lines.push(
                    lang.texts()
                        .present_view
                        .undated_unions
                        .replace("{names}", &lang.list(&unknown)),
                );
            }
        }
    }
    slides
}

fn plan(graph: &NetworkIndex, start: Start, targets: Vec<HospitalId>) -> Option<PlanAnswer> {
    plan_joins_indexed(
        graph,
        &PlanRequest {
            start,
            targets,
            max_relays: None,
            exclude: Vec::new(),
        },
        PlanLimits::default(),
    )
    .ok()
}

/// The tour's sample plan, picked from the data: the facility in the most
/// unions (the first, on a tie), and the first 開示病院 hosting a union it is
/// not in, so that the plan has a union to join. `None` when no facility is
/// in a union or every 開示病院 is already open to it.
fn example(data: &Dataset) -> Option<(FacilityId, HospitalId)> {
    let facility = data
        .facilities
        .iter()
        .filter(|f| !f.memberships.is_empty())
        .fold(
            None::<&tsunagu_core::model::Facility>,
            |best, f| match best {
                Some(b) if b.memberships.len() >= f.memberships.len() => Some(b),
                _ => Some(f),
            },
        )?;
    let open = |h: &HospitalId| {
        facility
            .memberships
            .iter()
            .filter_map(|m| data.union(&m.union))
            .any(|u| u.hosts.contains(h))
    };
    let target = data
        .hospitals
        .iter()
        .filter(|h| h.discloses && !open(&h.id))
        .find(|h| data.unions.iter().any(|u| u.hosts.contains(&h.id)))?;
    Some((facility.id.clone(), target.id.clone()))
}

/// The tour: growth, a sample plan, and the what-if of connecting the unions.
pub fn tour(data: &Dataset) -> Vec<Slide> {
    let texts = Lang::Ja.texts();
    let mut slides = growth_slides(data);
    let graph = NetworkIndex::build(data, &[], Rules::Confirmed);

    let sample = example(data).and_then(|(facility, target)| {
        let answer = plan(
            &graph,
            Start::Facility(facility.clone()),
            vec![target.clone()],
        )?;
        Some((facility, target, answer))
    });
    if let Some((facility, target, answer)) = sample {
        let name = data.facility(&facility).map_or("", |f| f.name.as_str());
        // The hospital as each language names it; the facility as the
        // report does (it gives no English names for facilities).
        let to = data.hospital_names(&target);
        let example = |lang: Lang| {
            lang.texts()
                .present_view
                .example_title
                .replace("{name}", name)
                .replace("{to}", if lang == Lang::En { &to.en } else { &to.ja })
        };
        let mut lines_ja = Vec::new();
        let mut lines_en = Vec::new();
        for p in &answer.plans {
            // The card's own words: its title and its relay line.
            for (lang, lines) in [(Lang::Ja, &mut lines_ja), (Lang::En, &mut lines_en)] {
                let relays = crate::components::relays_line(lang, p.relays);
                lines.push(format!("{} — {relays}", plan_title(lang, data, p, false)));
            }
        }
        lines_ja.push(texts.planner_view.caveat.to_owned());
        lines_en.push(Lang::En.texts().planner_view.caveat.to_owned());
        // The best plan's chain: the facility, the union it joins (or is
        // in), the hospital.
        let chain = answer
            .plans
            .first()
            .and_then(|p| p.paths.first())
            .map(|path| {
                vec![
                    name.to_owned(),
                    union_name(data, &path.union),
                    to.ja.clone(),
                ]
            })
            .map_or(Visual::None, Visual::Chain);
        slides.push(Slide {
            title_ja: example(Lang::Ja),
            title_en: example(Lang::En),
            lines_ja,
            lines_en,
            visual: chain,
        });
    }

    // The report's next step, measured under the confirmed rule: what it
    // takes today to view every 開示病院, and with every union connected.
    // A member of the data's first union (the report lists TMNIT first).
    let Some(member_union) = data.unions.first().map(|u| u.id.clone()) else {
        return slides;
    };
    let step = next_step(data, &member_union);
    let union = union_name(data, &member_union);
    let n = step.disclosing;
    let (mut lines_ja, mut lines_en) = (Vec::new(), Vec::new());
    for (lang, lines) in [(Lang::Ja, &mut lines_ja), (Lang::En, &mut lines_en)] {
        let t = &lang.texts().present_view;
        let said = |template: &str, none, member| {
            template
                .replace(
                    "{hospitals}",
                    &lang.count(n, crate::i18n::Noun::DisclosingHospital),
                )
                .replace("{union}", &union)
                .replace("{none}", &crate::i18n::cost_text(lang, none))
                .replace("{member}", &crate::i18n::cost_text(lang, member))
        };
        lines.push(said(t.next_today, step.none_before, step.member_before));
        lines.push(said(t.next_connected, step.none_after, step.member_after));
        lines.push(t.next_slowly.to_owned());
    }
    slides.push(Slide {
        title_ja: Lang::Ja.texts().present_view.next_title.to_owned(),
        title_en: Lang::En.texts().present_view.next_title.to_owned(),
        lines_ja,
        lines_en,
        visual: reach_before_and_after(data),
    });
    slides
}

/// The reach matrix under the confirmed rule, today and with every union
/// connected to every other (the report's next step as a what-if).
fn reach_before_and_after(data: &Dataset) -> Visual {
    use tsunagu_core::graph::NetworkGraph;
    use tsunagu_core::reach::reach_matrix;
    use tsunagu_core::whatif::{apply_what_if, connect_every_union};

    let before = reach_matrix(data, &NetworkGraph::build(data, &[], Rules::Confirmed));
    let what_if = connect_every_union(data, tsunagu_core::text::connect_every_union_name());
    let (next, links) = apply_what_if(data, &what_if);
    let after = reach_matrix(&next, &NetworkGraph::build(&next, &links, Rules::Confirmed));
    Visual::Reach {
        unions: before.unions.iter().map(|u| union_name(data, u)).collect(),
        hospitals: before
            .hospitals
            .iter()
            .map(|h| data.hospital_name(h))
            .collect(),
        before: before.relays,
        after: after.relays,
    }
}

/// Where the tour is. A reducer, so that the key listener, set up once,
/// always moves from the current slide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Position {
    index: usize,
    count: usize,
}

/// How the tour moves.
enum Step {
    Next,
    Back,
    First,
    Last,
    Count(usize),
}

impl Reducible for Position {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let last = self.count.saturating_sub(1);
        let index = match step {
            Step::Next => (self.index + 1).min(last),
            Step::Back => self.index.saturating_sub(1),
            Step::First => 0,
            Step::Last => last,
            Step::Count(count) => {
                return Rc::new(Self {
                    index: self.index.min(count.saturating_sub(1)),
                    count,
                })
            }
        };
        Rc::new(Self { index, ..*self })
    }
}

/// Asks for full screen. Opened from a link rather than a click, the
/// browser refuses (there was no user gesture); the refusal is expected and
/// is caught, so it is not reported as an error, and the tour runs in the
/// window.
fn request_fullscreen(root: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Some(request) = js_sys::Reflect::get(root, &"requestFullscreen".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    if let Ok(promise) = request
        .call0(root)
        .and_then(JsCast::dyn_into::<js_sys::Promise>)
    {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// The 発表モード view.
#[function_component(PresentView)]
pub fn present_view(props: &ViewProps) -> Html {
    let slides = use_memo(props.data.clone(), |data| {
        data.as_ref().map(|d| Rc::new(tour(d))).unwrap_or_default()
    });
    let position = use_reducer(Position::default);
    let navigator = use_navigator();
    let count = slides.len();

    // The exit button leaves as Esc does, for a mouse or a remote.
    let exit = {
        let (navigator, back) = (
            navigator.clone(),
            props.came_from.clone().unwrap_or_default(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(navigator) = &navigator {
                navigator.push_location(back.clone());
            }
        })
    };
    {
        let (position, navigator) = (position.dispatcher(), navigator.clone());
        // Esc, or leaving full screen, goes back to the view the deck was
        // opened from (経路プラン when opened directly).
        let back = props.came_from.clone().unwrap_or_default();
        use_effect_with(count, move |&count| {
            position.dispatch(Step::Count(count));
            let document = gloo::utils::document();
            if let Some(root) = document.document_element() {
                request_fullscreen(&root);
            }
            let leave = move || {
                if let Some(navigator) = &navigator {
                    navigator.push_location(back.clone());
                }
            };
            let on_key = {
                let (position, leave) = (position.clone(), leave.clone());
                // Not passive: Space must not also scroll the page.
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(
                    &document,
                    "keydown",
                    options,
                    move |event| {
                        let Some(event) =
                            wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(event)
                        else {
                            return;
                        };
                        // Space on a focused control (前へ, 終了, a link) is
                        // the control's own: it activates it, not 次へ.
                        let on_control = event
                            .target()
                            .and_then(|t| {
                                wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()
                            })
                            .is_some_and(|t| {
                                t.closest("button, a, input, select, textarea, summary")
                                    .ok()
                                    .flatten()
                                    .is_some()
                            });
                        match event.key().as_str() {
                            " " if on_control => return,
                            " " | "ArrowRight" | "PageDown" => position.dispatch(Step::Next),
                            "ArrowLeft" | "PageUp" => position.dispatch(Step::Back),
                            "Home" => position.dispatch(Step::First),
                            "End" => position.dispatch(Step::Last),
                            "Escape" => leave(),
                            _ => return,
                        }
                        event.prevent_default();
                    },
                )
            };
            let on_fullscreen = gloo::events::EventListener::new(
                &gloo::utils::document(),
                "fullscreenchange",
                move |_| {
                    if gloo::utils::document().fullscreen_element().is_none() {
                        leave();
                    }
                },
            );
            move || {
                drop(on_key);
                drop(on_fullscreen);
                if gloo::utils::document().fullscreen_element().is_some() {
                    gloo::utils::document().exit_fullscreen();
                }
            }
        });
    }

    let timeline = use_memo(props.data.clone(), |data| {
        data.as_ref().map(|d| Rc::new(growth_timeline(d)))
    });
    let outline = use_memo((), |()| crate::map::hokkaido().map(Rc::new));
    let index = position.index.min(count.saturating_sub(1));
    if slides.is_empty() {
        return html! { <section class="present"><h1 id={VIEW_TITLE_ID}>{ props.lang.texts().data_unavailable }</h1></section> };
    }
    let lang = props.lang;
    let t = &lang.texts().present_view;
    let step = |s: fn() -> Step, pressed: &'static str, other: &'static str| {
        let position = position.dispatcher();
        Callback::from(move |event: MouseEvent| {
            // A button's click is its own, not the slide's.
            event.stop_propagation();
            // 次へ on the last slide turns off: focus goes to 前へ, not the page.
            crate::dom::focus_after_render_if_lost(pressed, other);
            position.dispatch(s());
        })
    };
    // A click on the slide itself moves on, as a projector's clicker does.
    let advance = {
        let position = position.dispatcher();
        Callback::from(move |_: MouseEvent| position.dispatch(Step::Next))
    };
    let data = props.data.clone();
    let announced = slides.get(index).map_or_else(String::new, |slide| {
        let title = if lang == Lang::En {
            &slide.title_en
        } else {
            &slide.title_ja
        };
        format!("{} / {}{}{title}", index + 1, count, lang.colon())
    });
    html! {
        <section class="present" aria-roledescription="slide" aria-labelledby={VIEW_TITLE_ID}>
            // Every slide is in the page, so that printing gives the handouts,
            // one landscape page each; the screen shows the current one.
            { for slides.iter().enumerate().map(|(i, slide)| {
                let current = i == index;
                // A growth slide's chart goes under its lines, so that the
                // map has the whole height of the other column.
                let mut aside = html! {};
                let visual = match (&slide.visual, &data, timeline.as_ref()) {
                    (Visual::Growth { month, frame }, Some(data), Some(timeline)) => {
                        aside = html! {
                            <div class="present-chart">
                                { super::growth::chart(timeline, *frame, &lang.texts().growth_view, lang) }
                            </div>
                        };
                        growth_map(data, month, subjects(timeline, *frame), outline.as_ref().clone(), lang)
                    }
                    (Visual::Chain(names), _, _) => chain(names),
                    (Visual::Reach { unions, hospitals, before, after }, _, _) => html! {
                        <>
                            <div class="present-reach">
                                { reach_table(&format!("{} → {}", t.reach_today, t.reach_connected), unions, hospitals, before, after) }
                            </div>
                            <p class="present-reach-key">{ t.reach_key }</p>
                        </>
                    },
                    _ => html! {},
                };
                html! {
                    <article class={classes!("slide", current.then_some("current"), (lang == Lang::En).then_some("bilingual"))} aria-hidden={(!current).to_string()}
                        onclick={current.then(|| advance.clone())}>
                        <p class="present-count">{ format!("{} / {}", i + 1, count) }</p>
                        if props.edited {
                            <p class="present-edited">{ lang.texts().upkeep.edited_everywhere }</p>
                        }
                        // Full screen, the slide is the page: its title is the page's heading.
                        <h1 id={current.then_some(VIEW_TITLE_ID)} tabindex="-1" lang="ja">{ slide.title_ja.clone() }</h1>
                        if lang == Lang::En {
                            <p class="present-en" lang="en">{ slide.title_en.clone() }</p>
                        }
                        <div class={classes!("present-body", matches!(slide.visual, Visual::None).then_some("words-only"))}>
                            <div class="present-words">
                                <ul class="present-lines">
                                    { for slide.lines_ja.iter().zip(&slide.lines_en).map(|(ja, en)| html! {
                                        <li>
                                            <span lang="ja">{ ja.clone() }</span>
                                            if lang == Lang::En { <span class="present-en" lang="en">{ en.clone() }</span> }
                                        </li>
                                    }) }
                                </ul>
                                { aside }
                            </div>
                            <div class="present-visual">{ visual }</div>
                        </div>
                    </article>
                }
            }) }
            <nav class="present-nav" aria-label={t.slides_label}>
                // A screen reader hears where the deck is and the slide's
                // title (in the nav, which is not printed).
                <p class="visually-hidden" role="status">{ announced }</p>
                <button type="button" id={PREVIOUS_ID} onclick={step(|| Step::Back, PREVIOUS_ID, NEXT_ID)} disabled={index == 0}>{ format!("◀ {}", t.previous) }</button>
                <button type="button" id={NEXT_ID} onclick={step(|| Step::Next, NEXT_ID, PREVIOUS_ID)} disabled={index + 1 >= count}>{ format!("{} ▶", t.next) }</button>
                <button type="button" class="present-exit" onclick={exit}>{ t.exit }</button>
                <span class="present-help">{ t.help }</span>
            </nav>
        </section>
    }
}

/// The deck's 前へ and 次へ, by id: when one turns off, focus goes to the other.
const PREVIOUS_ID: &str = "present-previous";
const NEXT_ID: &str = "present-next";

/// The hospitals that went live and the unions that were founded or
/// changed in a growth slide's month: what its map points at.
fn subjects(timeline: &tsunagu_core::timeline::Timeline, frame: usize) -> Vec<crate::scene::Item> {
    timeline.frames.get(frame).map_or_else(Vec::new, |f| {
        f.events
            .iter()
            .filter_map(|&e| match &timeline.events[e].happening {
                Happening::GoLive(h) => Some(crate::scene::Item::Hospital(h.clone())),
                Happening::Founded(u) | Happening::History(u, _) => {
                    Some(crate::scene::Item::Union(u.clone()))
                }
                Happening::Milestone(_) | Happening::Council => None,
            })
            .collect()
    })
}

/// A growth slide's picture: the Sapporo map as it stood that month (the
/// running totals go beside the slide's lines).
fn growth_map(
    data: &crate::dataset_handle::DatasetHandle,
    month: &str,
    subjects: Vec<crate::scene::Item>,
    outline: Option<Rc<crate::map::Outline>>,
    lang: Lang,
) -> Html {
    let filters = crate::scene::Filters {
        as_of: Some(month.to_owned()),
        ..crate::scene::Filters::default()
    };
    let scene = Rc::new(crate::scene::build_scene_with_labels(
        data,
        crate::scene::Level::Sapporo,
        &filters,
        outline.as_deref(),
        crate::scene::SLIDE_LABEL_SCALE,
        &subjects,
    ));
    // The wards only: the side column of places outside Sapporo is left to
    // the ネットワーク view; the names of the wards' nodes are kept whole.
    let crop = crate::scene::SIDE_X - 10.0;
    let right = crop.max(scene.labels_right(crop) + 4.0);
    // What the slide is about is named on the map first (above) and ringed:
    // a projector has no pointer to hover with.
    let about: std::collections::BTreeSet<usize> = scene
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| subjects.contains(&n.item))
        .map(|(i, _)| i)
        .collect();
    let viewbox = format!("0 0 {right:.0} {:.0}", scene.height);
    html! {
        <>
            <svg class="present-map" viewBox={viewbox} role="group" aria-label={lang.month(month)}>
                <MapLayer scene={scene} {lang} outline={outline} highlight={None::<usize>} selected={None::<usize>}
                    matches={Rc::new(about)} dim_others={false} on_hover={Callback::noop()}
                    on_select={Callback::noop()} zoom={1.0} active={0} on_active={Callback::noop()} interactive={false} />
            </svg>
            <p class="present-credit">{ crate::map::n03_credit(lang) }</p>
        </>
    }
}

/// A plan's chain of boxes: facility → union → hospital, as a list whose
/// arrows are drawn between the boxes (so long names wrap in their box).
fn chain(names: &[String]) -> Html {
    html! {
        <ol class="present-chain" aria-label={names.join(" → ")}>
            { for names.iter().map(|name| html! { { tags::li(name.clone()) } }) }
        </ol>
    }
}

/// The reach matrix before and after in one table: each cell the relays
/// today, then with every union connected, marked where they differ.
fn reach_table(
    caption: &str,
    unions: &[String],
    hospitals: &[String],
    before: &[Vec<Option<u32>>],
    after: &[Vec<Option<u32>>],
) -> Html {
    let cell = |v: Option<u32>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
    html! {
        <table class="present-matrix">
            { tags::caption(caption.to_owned()) }
            <thead><tr><td></td>{ for hospitals.iter().map(|h| html! { { tags::col_head(h.clone()) } }) }</tr></thead>
            <tbody>
                { for unions.iter().zip(before.iter().zip(after)).map(|(u, (row, next))| html! {
                    <tr>
                        { tags::row_head(u.clone()) }
                        { for row.iter().zip(next).map(|(b, a)| html! {
                            <td class={classes!((b != a).then_some("changed"))}>
                                { if b == a { cell(*b) } else { format!("{}→{}", cell(*b), cell(*a)) } }
                            </td>
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Dataset {
        tsunagu_core::validate::load_dataset(tsunagu_core::bundled::SAPPORO_JSON)
            .expect("valid")
            .dataset
    }

    #[test]
    fn the_sample_plan_is_picked_from_the_data() {
        // By hand from the report: みきファミリークリニック is in three unions,
        // more than any other facility; 市立札幌病院 hosts one of them, and
        // NTT東日本札幌病院 is the next 開示病院 in the data, hosting a union
        // みき is not in.
        assert_eq!(
            example(&bundled()),
            Some((
                FacilityId::from("miki-family-clinic"),
                HospitalId::from("ntt")
            ))
        );
        let mut none_in_a_union = bundled();
        for f in &mut none_in_a_union.facilities {
            f.memberships.clear();
        }
        assert_eq!(example(&none_in_a_union), None);
    }

    #[test]
    fn growth_starts_with_the_first_founding_and_ends_with_the_council() {
        let slides = growth_slides(&bundled());
        // TMNIT in Hokkaido was founded in 2012-02, before any go-live (2012-03).
        assert_eq!(slides[0].title_ja, "2012年2月");
        let last = slides.last().expect("slides");
        assert!(
            last.lines_ja
                .iter()
                .any(|l| l.contains("さっぽろID-Link連絡会 発足")),
            "{last:?}"
        );
        assert!(
            last.lines_ja
                .iter()
                .any(|l| l.contains("累計: 稼働した開示病院 7・ユニオン 6")),
            "{last:?}"
        );
        assert!(
            last.lines_ja
                .iter()
                .any(|l| l.contains("KKR札幌医療センター")),
            "KKR's founding is unknown"
        );
    }

    #[test]
    fn the_tour_ends_with_the_sample_plan_and_the_what_if() {
        let slides = tour(&bundled());
        let titles: Vec<&str> = slides
            .iter()
            .rev()
            .take(2)
            .map(|s| s.title_ja.as_str())
            .collect();
        assert!(titles[0].starts_with("次のステップ"), "{titles:?}");
        assert!(
            titles[1].starts_with("例: みきファミリークリニック"),
            "{titles:?}"
        );
        // The figures, under the confirmed rule: today 7 unions for
        // a facility in none and 6 for a TMNIT member; connected, 1 and 0,
        // at one relay.
        let what_if = &slides[slides.len() - 1];
        assert!(
            what_if.lines_ja[0].contains("施設は 7 ユニオンに加入（中継なし）")
                && what_if.lines_ja[0].contains("会員は 6 ユニオンに加入"),
            "{what_if:?}"
        );
        assert!(
            what_if.lines_ja[1].contains("施設は 1 ユニオンに加入（中継 最大 1 回）")
                && what_if.lines_ja[1].contains("会員は 加入不要（中継 最大 1 回）"),
            "{what_if:?}"
        );
        // The sample plan joins NTT's own union: no agreement is a way in.
        let sample = &slides[slides.len() - 2];
        assert!(
            sample.lines_ja[0].contains("NTT東日本札幌病院 地域医療連携ネットワークシステム")
                && !sample.lines_ja[0].contains("加入不要"),
            "{sample:?}"
        );
    }
}
