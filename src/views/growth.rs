//! 成長: the growth timeline. Month by month from the first founding and
//! go-live to the council's founding: the network as it stood, that month's
//! events, running totals, milestones, and what the report leaves undated.
//! Play, pause, ← → and Home/End step through it; each frame saves as PNG.

use std::collections::BTreeSet;
use std::rc::Rc;

use tsunagu_core::model::Dataset;
use tsunagu_core::timeline::{growth_timeline, Happening, Timeline};
use yew::prelude::*;

use super::network::{legend, localise};
use super::ViewProps;
use crate::components::tags;
use crate::components::NetworkMap;
use crate::files;
use crate::i18n::{GrowthTexts, Lang, Noun};
use crate::lookup::{hospital_name_in, section_title, union_name_in};
use crate::map::hokkaido;
use crate::route::VIEW_TITLE_ID;
use crate::scene::{build_scene, Filters, Level};

/// Where the timeline stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Position {
    index: usize,
    len: usize,
    playing: bool,
}

/// A step along the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Next,
    Back,
    First,
    Last,
    To(usize),
    Toggle,
    Tick,
    /// The data changed: the timeline has this many frames now.
    Resize(usize),
}

impl Reducible for Position {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let last = self.len.saturating_sub(1);
        let (index, playing) = match step {
            Step::Next => ((self.index + 1).min(last), false),
            Step::Back => (self.index.saturating_sub(1), false),
            Step::First => (0, false),
            Step::Last => (last, false),
            Step::To(i) => (i.min(last), false),
            // Play from the start when at the end.
            Step::Toggle if !self.playing && self.index == last => (0, true),
            Step::Toggle => (self.index, !self.playing),
            Step::Tick if self.playing => ((self.index + 1).min(last), self.index + 1 < last),
            Step::Tick => return self,
            Step::Resize(len) => {
                return Rc::new(Self {
                    index: self.index.min(len.saturating_sub(1)),
                    len,
                    playing: false,
                })
            }
        };
        Rc::new(Self {
            index,
            len: self.len,
            playing,
        })
    }
}

/// One event in words, records named in `lang` (also the presentation
/// tour's, in each of its two languages).
pub(super) fn event_text(data: &Dataset, happening: &Happening, lang: Lang) -> String {
    let t = &lang.texts().growth_view;
    let pick = |text: &tsunagu_core::model::Text| match lang {
        Lang::Ja => text.ja.clone(),
        Lang::En => text.en.clone(),
    };
    match happening {
        Happening::GoLive(h) => t
            .event_go_live
            .replace("{name}", &hospital_name_in(data, h, lang)),
        Happening::Founded(u) => t
            .event_founded
            .replace("{name}", &union_name_in(data, u, lang)),
        Happening::History(u, text) => format!("{}: {}", union_name_in(data, u, lang), pick(text)),
        Happening::Milestone(text) => pick(text),
        Happening::Council => t
            .event_council
            .replace("{name}", &data.council.name)
            .replace("{date}", &lang.day(&data.council.founded.0)),
    }
}

/// The running totals as a step chart, with a marker on the current month
/// and ticks for the milestones.
#[allow(clippy::cast_precision_loss)] // month and hospital counts are small
#[allow(clippy::many_single_char_names)] // x, y, w, h: the chart's geometry reads best short
/// The running totals, month by month, up to `current` highlighted (also
/// on 発表モード's growth slides).
pub(super) fn chart(timeline: &Timeline, current: usize, t: &GrowthTexts, lang: Lang) -> Html {
    let (w, h, left, bottom, top) = (720.0, 220.0, 36.0, 28.0, 12.0);
    let n = timeline.frames.len().max(2);
    let top_value = timeline
        .frames
        .iter()
        .map(|f| f.live_hospitals.max(f.unions))
        .max()
        .unwrap_or(1)
        .max(1);
    let max = top_value as f64;
    let grid_step = (top_value / 5).max(1);
    let x = |i: usize| left + (w - left - 10.0) * i as f64 / (n - 1) as f64;
    let y = |v: usize| top + (h - top - bottom) * (1.0 - v as f64 / max);
    let series = |pick: fn(&tsunagu_core::timeline::Frame) -> usize| {
        use std::fmt::Write;
        let mut d = String::new();
        for (i, f) in timeline.frames.iter().enumerate() {
            let v = y(pick(f));
            let _ = if i == 0 {
                write!(d, "M{:.1} {v:.1}", x(0))
            } else {
                write!(d, "H{:.1}V{v:.1}", x(i))
            };
        }
        d
    };
    let years: Vec<(usize, &str)> = timeline
        .frames
        .iter()
        .enumerate()
        .filter(|(_, f)| f.month.ends_with("-01"))
        .map(|(i, f)| (i, f.month.get(..4).unwrap_or_default()))
        .collect();
    // Extended, not collected: collecting would sort first (more wasm).
    let mut milestones = BTreeSet::new();
    milestones.extend(
        timeline
            .frames
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.events.iter().any(|&e| {
                    matches!(
                        timeline.events[e].happening,
                        Happening::Milestone(_) | Happening::Council
                    )
                })
            })
            .map(|(i, _)| i),
    );
    let now = &timeline.frames[current.min(timeline.frames.len() - 1)];
    let label = format!(
        "{}: {} {} · {} {}",
        lang.month(&now.month),
        t.chart_disclosing,
        now.live_hospitals,
        t.chart_unions,
        now.unions
    );
    html! {
        <figure class="growth-chart">
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={label}>
                <rect width={w.to_string()} height={h.to_string()} fill="#ffffff" />
                { for (0..=top_value).step_by(grid_step).map(|v| html! {
                    <>
                        <line x1={left.to_string()} x2={(w - 10.0).to_string()} y1={y(v).to_string()}
                            y2={y(v).to_string()} stroke="#e2e8f0" />
                        <text x={(left - 6.0).to_string()} y={(y(v) + 4.0).to_string()} font-size="11"
                            text-anchor="end" fill="#475569">{ v }</text>
                    </>
                }) }
                { for years.iter().map(|(i, year)| html! {
                    <text x={x(*i).to_string()} y={(h - 8.0).to_string()} font-size="11"
                        text-anchor="middle" fill="#475569">{ *year }</text>
                }) }
                { for milestones.iter().map(|&i| html! {
                    <path d={format!("M{:.1} {:.1}l-4 -7h8z", x(i), h - bottom)} fill="#b45309" />
                }) }
                <path d={series(|f| f.unions)} fill="none" stroke="#7c3aed" stroke-width="2.5" stroke-dasharray="8 5" />
                <path d={series(|f| f.live_hospitals)} fill="none" stroke="#1d4ed8" stroke-width="2.5" />
                <line x1={x(current).to_string()} x2={x(current).to_string()} y1={top.to_string()}
                    y2={(h - bottom).to_string()} stroke="#c2410c" stroke-width="2" />
            </svg>
            <figcaption class="chart-keys">
                <span class="key key-disclosing">{ t.chart_disclosing }</span>
                <span class="key key-unions">{ t.chart_unions }</span>
                <span class="key key-milestones">{ t.milestones_heading }</span>
            </figcaption>
        </figure>
    }
}

/// The growth view.
#[function_component(GrowthView)]
pub fn growth_view(props: &ViewProps) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let t = &texts.growth_view;
    let timeline = use_memo(props.data.clone(), |data| {
        data.as_ref().map(|d| growth_timeline(d))
    });
    let len = (*timeline).as_ref().map_or(0, |tl| tl.frames.len());
    let position = use_reducer(|| Position {
        index: 0,
        len,
        playing: false,
    });
    {
        let position = position.clone();
        use_effect_with(len, move |&len| position.dispatch(Step::Resize(len)));
    }
    {
        // Playing advances a month every 300 ms until the last.
        let position = position.clone();
        use_effect_with(position.playing, move |&playing| {
            let interval = playing.then(|| {
                gloo::timers::callback::Interval::new(300, move || position.dispatch(Step::Tick))
            });
            move || drop(interval)
        });
    }
    {
        // ← → Home End and Space anywhere on the page, except where a form
        // control or the map uses those keys itself. A button (▶ 再生, the
        // steps) has no use for the arrows, Home or End, so the hint's keys
        // work from there too; Space stays the button's own.
        let position = position.clone();
        crate::hooks::use_document_keys(move |e| {
            if e.default_prevented() || e.alt_key() || e.ctrl_key() || e.meta_key() {
                return false;
            }
            let tag = crate::hooks::key_target_tag(e);
            if matches!(
                tag.as_str(),
                "input" | "select" | "textarea" | "a" | "svg" | "g" | "summary"
            ) {
                return false;
            }
            let step = match e.key().as_str() {
                "ArrowRight" => Step::Next,
                "ArrowLeft" => Step::Back,
                "Home" => Step::First,
                "End" => Step::Last,
                " " if tag == "button" => return false,
                " " => Step::Toggle,
                _ => return false,
            };
            position.dispatch(step);
            true
        });
    }
    let svg_ref = use_node_ref();
    let outline = use_memo((), |()| hokkaido().map(Rc::new));
    let heading = html! { <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.growth.title }</h2> };
    let (Some(data), Some(timeline)) = (props.data.clone(), (*timeline).clone()) else {
        return html! { <section class="view">{ heading }{ tags::p(texts.data_unavailable) }</section> };
    };
    if timeline.frames.is_empty() {
        return html! { <section class="view">{ heading }{ tags::p(t.no_events) }</section> };
    }
    let index = position.index.min(timeline.frames.len() - 1);
    let frame = &timeline.frames[index];
    let filters = Filters {
        as_of: Some(frame.month.clone()),
        lang,
        ..Filters::default()
    };
    let scene = Rc::new(localise(
        build_scene(&data, Level::Sapporo, &filters, (*outline).as_deref()),
        &texts.network_view,
    ));
    let month = lang.month(&frame.month);
    let totals = t
        .totals
        .replace(
            "{h}",
            &lang.tally(frame.live_hospitals, Noun::DisclosingHospital),
        )
        .replace("{u}", &lang.tally(frame.unions, Noun::Union));
    let caption = format!("{month} — {totals}");

    let step = |s: Step| {
        let position = position.clone();
        Callback::from(move |_: MouseEvent| position.dispatch(s))
    };
    let on_slider = {
        let position = position.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(i) = input.value().parse::<usize>() {
                position.dispatch(Step::To(i));
            }
        })
    };
    let export = {
        let (svg_ref, scene, name) = (
            svg_ref.clone(),
            Rc::clone(&scene),
            format!("tsunagu-growth-{}.png", frame.month),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                files::download_png(&name, &svg, scene.width, scene.height);
            }
        })
    };
    let events: Vec<Html> = frame
        .events
        .iter()
        .map(|&i| {
            let e = &timeline.events[i];
            let day = e.day.clone().map(|d| format!("{d} ")).unwrap_or_default();
            let source = e
                .source
                .as_ref()
                .map(|s| section_title(&data, &s.section, lang))
                .unwrap_or_default();
            html! {
                <li>{ day }{ event_text(&data, &e.happening, lang) }
                    <span class="source-section">{ lang.paren(&source) }</span></li>
            }
        })
        .collect();
    let milestone_months: Vec<(usize, String)> = timeline
        .frames
        .iter()
        .enumerate()
        .flat_map(|(i, f)| f.events.iter().map(move |&e| (i, e)).collect::<Vec<_>>())
        .filter(|(_, e)| {
            matches!(
                timeline.events[*e].happening,
                Happening::Milestone(_) | Happening::Council | Happening::GoLive(_)
            )
        })
        .map(|(i, e)| {
            let ev = &timeline.events[e];
            let when = ev
                .day
                .as_deref()
                .map_or_else(|| lang.month(&ev.month), |d| lang.day(d));
            (
                i,
                format!("{when}: {}", event_text(&data, &ev.happening, lang)),
            )
        })
        .collect();
    let changes: Vec<usize> = (0..timeline.frames.len())
        .filter(|&i| !timeline.frames[i].events.is_empty())
        .collect();
    let last = timeline.frames.len() - 1;
    let play_label = if position.playing { t.pause } else { t.play };

    html! {
        <section class="view growth-view" aria-labelledby={VIEW_TITLE_ID}>
            { heading }
            { tags::p_lead(texts.growth.lead) }
            <div class="timeline-controls" role="group" aria-label={t.slider_label}>
                <button type="button" onclick={step(Step::First)} aria-label={t.first} title={t.first}>{ "«" }</button>
                <button type="button" onclick={step(Step::Back)} aria-label={t.prev} title={t.prev}>{ "◀" }</button>
                <button type="button" class="primary" onclick={step(Step::Toggle)} aria-pressed={if position.playing { "true" } else { "false" }}>
                    { if position.playing { "⏸ " } else { "▶ " } }{ play_label }
                </button>
                <button type="button" onclick={step(Step::Next)} aria-label={t.next} title={t.next}>{ "▶" }</button>
                <button type="button" onclick={step(Step::Last)} aria-label={t.last} title={t.last}>{ "»" }</button>
                <input type="range" min="0" max={last.to_string()} value={index.to_string()}
                    aria-label={t.slider_label} aria-valuetext={month.clone()} oninput={on_slider} />
                { tags::button(export, t.export_png) }
            </div>
            { tags::p_hint(t.keys_help) }
            // Announced as the user steps, not every 300 ms while it plays:
            // the month it stops at is read when it is paused.
            <h3 class="frame-heading" aria-live={if position.playing { "off" } else { "polite" }}>{ t.frame_heading.replace("{month}", &month) }</h3>
            <p class="frame-totals">
                { totals.clone() }
                if let Some(n) = frame.registered {
                    { format!(" · {} {n}", t.chart_linked) }
                }
            </p>
            <div class="growth-layout">
                <div class="network-main">
                    <NetworkMap scene={Rc::clone(&scene)} {lang} outline={(*outline).clone()} label={t.map_label}
                        help={texts.network_view.map_help} svg_ref={svg_ref.clone()} caption={AttrValue::from(caption)}
                        zoom_labels={[AttrValue::Static(texts.network_view.zoom_in), AttrValue::Static(texts.network_view.zoom_out), AttrValue::Static(texts.network_view.zoom_reset)]} />
                    if !scene.areas.is_empty() {
                        <p class="hint credit">{ crate::map::n03_credit(lang) }</p>
                    }
                </div>
                <div class="growth-side">
                    { tags::h3(t.events_heading) }
                    if events.is_empty() {
                        { tags::p_hint(t.no_events) }
                    } else {
                        <ul class="events">{ for events }</ul>
                    }
                    { legend(&texts.network_view) }
                </div>
            </div>
            { tags::h3(t.chart_heading) }
            { chart(&timeline, index, t, lang) }
            { tags::p_hint(t.chart_linked_note) }
            <details class="map-tables">
                { tags::summary(t.chart_table) }
                <table>
                    { tags::caption(t.chart_table) }
                    <thead><tr>{ tags::col_head(t.col_month) }{ tags::col_head(t.chart_disclosing) }
                        { tags::col_head(t.chart_unions) }{ tags::col_head(t.chart_linked) }
                        { tags::col_head(t.events_heading) }</tr></thead>
                    <tbody>
                        { for changes.iter().map(|&i| {
                            let f = &timeline.frames[i];
                            html! {
                                <tr>
                                    { tags::row_head(lang.month(&f.month)) }
                                    { tags::td_num(f.live_hospitals) }
                                    { tags::td_num(f.unions) }
                                    { tags::td_num(f.registered.map(|n| n.to_string()).unwrap_or_default()) }
                                    <td>{ f.events.iter().map(|&e| event_text(&data, &timeline.events[e].happening, lang)).collect::<Vec<_>>().join(" / ") }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </details>
            { tags::h3(t.milestones_heading) }
            <ol class="milestones">
                { for milestone_months.iter().map(|(i, text)| {
                    let go = step(Step::To(*i));
                    html! { <li><button type="button" class="link-button" onclick={go}>{ text.clone() }</button></li> }
                }) }
            </ol>
            { tags::h3(t.unknown_heading) }
            { tags::p(t.unknown_lead) }
            <ul>
                { for timeline.undated.unions.iter().map(|u| html! {
                    { tags::li(format!("{}: {}", texts.network_view.kind_union, union_name_in(&data, u, lang))) }
                }) }
                { for timeline.undated.hospitals.iter().map(|h| html! {
                    { tags::li(format!("{}: {}", texts.network_view.kind_disclosing, hospital_name_in(&data, h, lang))) }
                }) }
                { tags::li(format!("{}: {}", texts.data_view.tab_links, timeline.undated.links)) }
                { tags::li(format!("{}: {}", texts.network_view.edge_membership, timeline.undated.memberships)) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playing_stops_at_the_end_and_steps_pause_it() {
        let start = Rc::new(Position {
            index: 0,
            len: 3,
            playing: false,
        });
        let playing = Rc::clone(&start).reduce(Step::Toggle);
        assert!(playing.playing);
        let one = Rc::clone(&playing).reduce(Step::Tick);
        assert_eq!((one.index, one.playing), (1, true));
        let two = one.reduce(Step::Tick);
        assert_eq!(
            (two.index, two.playing),
            (2, false),
            "stops on the last frame"
        );
        // Play again from the end starts over.
        let again = Rc::clone(&two).reduce(Step::Toggle);
        assert_eq!((again.index, again.playing), (0, true));
        // A manual step pauses.
        assert!(!again.reduce(Step::Next).playing);
        assert_eq!(two.reduce(Step::Back).index, 1);
    }
}
