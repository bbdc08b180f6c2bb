//! A choropleth of Sapporo's ten wards: each ward's outline (国土数値情報
//! N03) shaded by one measure, with a legend, the credit line the data
//! requires, and each ward a button that picks it (its table row lights up).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::tags;
use crate::i18n::Lang;
use crate::map::{Classes, WardShapes, NO_FIGURE, SHADES};

/// One ward's value on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct WardValue {
    /// The ward's JIS code, as the shapes carry it.
    pub code: String,
    /// The key of its row in the table beside the map.
    pub key: AttrValue,
    /// Its name in the UI's language.
    pub name: String,
    /// The measure, or `None` where the report gives no figure.
    pub value: Option<f64>,
    /// The measure as the table writes it.
    pub shown: String,
}

/// [`WardMap`]'s properties.
#[derive(Properties, PartialEq)]
pub struct WardMapProps {
    /// The UI language.
    pub lang: Lang,
    /// The ward outlines.
    pub shapes: Rc<WardShapes>,
    /// Each ward's value.
    pub values: Rc<Vec<WardValue>>,
    /// What is measured, for the map's name and the wards' names.
    pub measure: AttrValue,
    /// The key of the picked ward.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
    /// Picks a ward (its key).
    pub on_select: Callback<AttrValue>,
}

/// The map's width in its own units.
const WIDTH: f64 = 480.0;

/// An equirectangular projection of the wards' box, true at 43°N.
struct Fit {
    west: f64,
    north: f64,
    scale: f64,
    cos: f64,
    height: f64,
}

impl Fit {
    fn of(shapes: &WardShapes) -> Self {
        let points = shapes.wards.iter().flat_map(|w| w.rings.iter().flatten());
        let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for [lon, lat] in points {
            west = west.min(*lon);
            east = east.max(*lon);
            south = south.min(*lat);
            north = north.max(*lat);
        }
        let cos = 43.0_f64.to_radians().cos();
        let scale = WIDTH / ((east - west) * cos).max(1e-9);
        Self {
            west,
            north,
            scale,
            cos,
            height: (north - south) * scale,
        }
    }

    fn project(&self, [lon, lat]: [f64; 2]) -> (f64, f64) {
        (
            (lon - self.west) * self.cos * self.scale,
            (self.north - lat) * self.scale,
        )
    }
}

/// How far the map is zoomed, and where its centre is, in map units.
#[derive(Clone, Copy, PartialEq)]
struct View {
    k: f64,
    cx: f64,
    cy: f64,
}

/// The choropleth.
#[function_component(WardMap)]
pub fn ward_map(props: &WardMapProps) -> Html {
    let lang = props.lang;
    let t = &lang.texts().wards_view;
    let n = &lang.texts().network_view;
    let fit = Fit::of(&props.shapes);
    let (full_w, full_h) = (WIDTH + 8.0, fit.height + 30.0);
    let home = View {
        k: 1.0,
        cx: full_w / 2.0 - 4.0,
        cy: full_h / 2.0 - 4.0,
    };
    let view = use_state(|| home);
    let svg_ref = use_node_ref();
    let (vw, vh) = (full_w / view.k, full_h / view.k);
    let viewbox = format!(
        "{:.1} {:.1} {vw:.1} {vh:.1}",
        view.cx - vw / 2.0,
        view.cy - vh / 2.0
    );
    // Zoom keeps the centre; panning moves it by a quarter of the window.
    let zoom = |factor: f64| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            let k = (view.k * factor).clamp(1.0, 6.0);
            view.set(if k <= 1.0 { home } else { View { k, ..*view } });
        })
    };
    let keys = {
        let view = view.clone();
        Callback::from(move |event: KeyboardEvent| {
            let (step_x, step_y) = (full_w / view.k / 4.0, full_h / view.k / 4.0);
            let next = match event.key().as_str() {
                "+" | "=" => View {
                    k: (view.k * 1.5).min(6.0),
                    ..*view
                },
                "-" => View {
                    k: (view.k / 1.5).max(1.0),
                    ..*view
                },
                "0" => home,
                "ArrowLeft" => View {
                    cx: view.cx - step_x,
                    ..*view
                },
                "ArrowRight" => View {
                    cx: view.cx + step_x,
                    ..*view
                },
                "ArrowUp" => View {
                    cy: view.cy - step_y,
                    ..*view
                },
                "ArrowDown" => View {
                    cy: view.cy + step_y,
                    ..*view
                },
                _ => return,
            };
            event.prevent_default();
            view.set(next);
        })
    };
    let export = |png: bool| {
        let svg_ref = svg_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                let (w, h) = (full_w * 2.0, full_h * 2.0);
                if png {
                    crate::files::download_png("tsunagu-wards.png", &svg, w, h);
                } else {
                    crate::files::download_svg("tsunagu-wards.svg", &svg, w, h);
                }
            }
        })
    };
    let figures: Vec<f64> = props.values.iter().filter_map(|v| v.value).collect();
    let classes = Classes::of(&figures);
    let mut labels = Vec::new();
    let credit = if lang == Lang::En {
        &props.shapes.credit_en
    } else {
        &props.shapes.credit_ja
    };
    let wards: Vec<Html> = props.shapes.wards.iter().filter_map(|shape| {
        let value = props.values.iter().find(|v| v.code == shape.code)?;
        let d = crate::map::rings_path(&shape.rings, |p| fit.project(p));
        // The label sits at the outline's mean point: inside for wards this
        // compact, and cheap.
        let ring = shape.rings.first()?;
        #[allow(clippy::cast_precision_loss)] // a few hundred points
        let n = ring.len().max(1) as f64;
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |(sx, sy), p| {
            let (x, y) = fit.project(*p);
            (sx + x, sy + y)
        });
        let (cx, cy) = (sx / n, sy / n);
        let fill = value.value.map_or(NO_FIGURE, |v| SHADES[classes.class(v)]);
        let dark = value.value.is_some_and(|v| classes.class(v) >= 3);
        let name = lang.labelled(&value.name, &format!("{} {}", props.measure, value.shown));
        let selected = props.selected.as_ref() == Some(&value.key);
        let pick = {
            let (on_select, key) = (props.on_select.clone(), value.key.clone());
            Callback::from(move |_: MouseEvent| on_select.emit(key.clone()))
        };
        let keys = {
            let (on_select, key) = (props.on_select.clone(), value.key.clone());
            Callback::from(move |event: KeyboardEvent| {
                if matches!(event.key().as_str(), "Enter" | " ") {
                    event.prevent_default();
                    on_select.emit(key.clone());
                }
            })
        };
        // Labels go on top of every shape, so no neighbour covers one.
        // Presentation attributes, not CSS, so that an export looks the same.
        let (ink, halo) = if dark { ("#ffffff", "rgba(0,0,0,0.35)") } else { ("#1b2430", "rgba(255,255,255,0.75)") };
        labels.push(html! {
            <text class="ward-label" x={format!("{cx:.1}")} y={format!("{cy:.1}")} text-anchor="middle"
                font-size="13" font-family="sans-serif" fill={ink} stroke={halo} stroke-width="3"
                paint-order="stroke" aria-hidden="true">{ value.name.clone() }</text>
        });
        Some(html! {
            <g class={classes!("ward", selected.then_some("selected"))}>
                <path {d} fill={fill} stroke="#ffffff" stroke-width="1.2" data-ward={shape.code.clone()} role="button" tabindex="0"
                    aria-label={name.clone()} aria-pressed={selected.to_string()}
                    onclick={pick} onkeydown={keys}>
                    <title>{ name }</title>
                </path>
            </g>
        })
    }).collect();
    let legend = SHADES
        .iter()
        .zip(classes.ranges())
        .filter_map(|(shade, range)| {
            let (from, to) = range?;
            // A class holding one value reads as that value, not 「11.7 – 11.7」.
            let (from, to) = (format!("{from:.1}"), format!("{to:.1}"));
            let band = if from == to {
                from
            } else {
                format!("{from} – {to}")
            };
            Some(html! {
                <li><span class="swatch" style={format!("background: {shade}")}></span>{ band }</li>
            })
        });
    html! {
        <figure class="ward-map" onkeydown={keys}>
            <div class="map-zoom" role="group" aria-label={format!("{} / {}", n.zoom_in, n.zoom_out)}>
                <button type="button" aria-label={n.zoom_in} title={n.zoom_in} onclick={zoom(1.5)}>{ "+" }</button>
                <button type="button" aria-label={n.zoom_out} title={n.zoom_out} onclick={zoom(1.0 / 1.5)}>{ "−" }</button>
                <button type="button" aria-label={n.zoom_reset} title={n.zoom_reset} onclick={zoom(0.0)}>{ "⤢" }</button>
                { tags::button(export(false), n.export_svg) }
                { tags::button(export(true), n.export_png) }
            </div>
            <svg ref={svg_ref} xmlns="http://www.w3.org/2000/svg" viewBox={viewbox} role="group"
                aria-label={format!("{} — {}", t.map_heading, props.measure)}>
                <rect x="-4" y="-4" width={full_w.to_string()} height={full_h.to_string()} fill="#ffffff" />
                { for wards }
                { for labels }
                // The credit travels with an exported picture too.
                <text x="0" y={format!("{:.1}", fit.height + 20.0)} font-size="10" font-family="sans-serif" fill="#4a5562">{ credit.clone() }</text>
            </svg>
            <figcaption>
                <ul class="legend" aria-label={t.map_legend}>
                    { for legend }
                    if figures.len() < props.values.len() {
                        <li><span class="swatch" style={format!("background: {NO_FIGURE}")}></span>{ t.map_no_figure }</li>
                    }
                </ul>
            </figcaption>
        </figure>
    }
}
