//! The network drawn as SVG, with pan and zoom by mouse, touch and keyboard.
//!
//! Everything is drawn with presentation attributes, not stylesheet rules,
//! so that the exported SVG and PNG look like the screen. The drawing
//! itself ([`MapLayer`]) only re-renders when the scene or the highlight
//! changes; panning and zooming change one `transform` attribute.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::map::Outline;
use crate::scene::{Scene, SceneNode, Shape};

/// The pan and zoom of the map: `translate(tx, ty) scale(k)` in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    /// Zoom factor.
    pub k: f64,
    /// Horizontal shift.
    pub tx: f64,
    /// Vertical shift.
    pub ty: f64,
}

impl Default for ViewBox {
    fn default() -> Self {
        Self {
            k: 1.0,
            tx: 0.0,
            ty: 0.0,
        }
    }
}

/// A change to the pan and zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ViewAction {
    /// Shift by map units.
    Pan(f64, f64),
    /// Zoom by a factor, keeping the map point `(x, y)` where it is.
    ZoomAt(f64, f64, f64),
    /// Back to the whole map.
    Reset,
}

/// The smallest and largest zoom.
pub const ZOOM_RANGE: (f64, f64) = (0.5, 16.0);

impl ViewBox {
    /// The view after `action`.
    #[must_use]
    pub fn apply(self, action: ViewAction) -> Self {
        match action {
            ViewAction::Pan(dx, dy) => Self {
                tx: self.tx + dx,
                ty: self.ty + dy,
                ..self
            },
            ViewAction::ZoomAt(factor, x, y) => {
                let k = (self.k * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
                let ratio = k / self.k;
                Self {
                    k,
                    tx: x - (x - self.tx) * ratio,
                    ty: y - (y - self.ty) * ratio,
                }
            }
            ViewAction::Reset => Self::default(),
        }
    }

    /// The SVG `transform` attribute.
    pub fn transform(self) -> String {
        format!(
            "translate({:.2} {:.2}) scale({:.4})",
            self.tx, self.ty, self.k
        )
    }
}

/// [`NetworkMap`]'s properties.
#[derive(Properties, PartialEq)]
pub struct NetworkMapProps {
    /// What to draw.
    pub scene: Rc<Scene>,
    /// The UI language (the wards' names).
    #[prop_or_default]
    pub lang: Lang,
    /// Hokkaido's outline, drawn under the nodes when the scene asks.
    #[prop_or_default]
    pub outline: Option<Rc<Outline>>,
    /// The map's accessible name.
    pub label: AttrValue,
    /// How to use it from the keyboard (the map's description).
    pub help: AttrValue,
    /// The node whose neighbours are highlighted.
    #[prop_or_default]
    pub highlight: Option<usize>,
    /// The node whose details are open.
    #[prop_or_default]
    pub selected: Option<usize>,
    /// Nodes matching the search.
    #[prop_or_default]
    pub matches: Rc<BTreeSet<usize>>,
    /// A node is hovered or focused (or none).
    #[prop_or_default]
    pub on_hover: Callback<Option<usize>>,
    /// A node is clicked or chosen with Enter or Space.
    #[prop_or_default]
    pub on_select: Callback<usize>,
    /// The `<svg>` element, for exporting it.
    #[prop_or_default]
    pub svg_ref: NodeRef,
    /// Zoom-in / zoom-out / whole-map button names.
    pub zoom_labels: [AttrValue; 3],
    /// A caption drawn in the picture's top-left corner (kept in exports).
    #[prop_or_default]
    pub caption: Option<AttrValue>,
}

/// Converts a pointer's client position to map units.
#[cfg(target_arch = "wasm32")]
fn to_map(svg: &NodeRef, scene: &Scene, client_x: f64, client_y: f64) -> Option<(f64, f64)> {
    let element = svg.cast::<web_sys::Element>()?;
    let rect = element.get_bounding_client_rect();
    // preserveAspectRatio's default: scaled to fit, centred.
    let s = (rect.width() / scene.width).min(rect.height() / scene.height);
    if s <= 0.0 {
        return None;
    }
    let ox = (rect.width() - scene.width * s) / 2.0;
    let oy = (rect.height() - scene.height * s) / 2.0;
    Some((
        (client_x - rect.left() - ox) / s,
        (client_y - rect.top() - oy) / s,
    ))
}

#[cfg(not(target_arch = "wasm32"))]
fn to_map(_svg: &NodeRef, _scene: &Scene, _x: f64, _y: f64) -> Option<(f64, f64)> {
    None
}

/// The interactive map.
#[function_component(NetworkMap)]
pub fn network_map(props: &NetworkMapProps) -> Html {
    let view = use_state(ViewBox::default);
    let active = use_state(|| 0_usize);
    let on_active = {
        let active = active.clone();
        Callback::from(move |i: usize| active.set(i))
    };
    // Pointers down on the map: id → last client position.
    let pointers = use_mut_ref(Vec::<(i32, f64, f64)>::new);
    {
        // A new scene (another level, the aggregated view) starts whole.
        let view = view.clone();
        use_effect_with((props.scene.width, props.scene.height), move |_| {
            view.set(ViewBox::default());
        });
    }
    let view_handle = view.clone();
    let act = Callback::from(move |action: ViewAction| {
        view_handle.set(view_handle.apply(action));
    });
    {
        // The wheel zooms; not passive, so that the page does not scroll too.
        #[cfg(target_arch = "wasm32")]
        {
            let (svg, scene, act) = (props.svg_ref.clone(), Rc::clone(&props.scene), act.clone());
            use_effect_with(
                (props.svg_ref.clone(), Rc::clone(&props.scene)),
                move |_| {
                    let listener = svg.cast::<web_sys::Element>().map(|element| {
                        let options = gloo::events::EventListenerOptions::enable_prevent_default();
                        gloo::events::EventListener::new_with_options(
                            &element,
                            "wheel",
                            options,
                            move |event| {
                                let Some(event) =
                                    wasm_bindgen::JsCast::dyn_ref::<web_sys::WheelEvent>(event)
                                else {
                                    return;
                                };
                                event.prevent_default();
                                if let Some((x, y)) = to_map(
                                    &svg,
                                    &scene,
                                    f64::from(event.client_x()),
                                    f64::from(event.client_y()),
                                ) {
                                    let factor = (-event.delta_y() * 0.002).exp().clamp(0.5, 2.0);
                                    act.emit(ViewAction::ZoomAt(factor, x, y));
                                }
                            },
                        )
                    });
                    move || drop(listener)
                },
            );
        }
    }

    let onpointerdown = {
        let pointers = pointers.clone();
        Callback::from(move |event: PointerEvent| {
            let mut down = pointers.borrow_mut();
            down.retain(|p| p.0 != event.pointer_id());
            down.push((
                event.pointer_id(),
                f64::from(event.client_x()),
                f64::from(event.client_y()),
            ));
        })
    };
    let onpointermove = {
        let (pointers, svg, scene, act) = (
            pointers.clone(),
            props.svg_ref.clone(),
            Rc::clone(&props.scene),
            act.clone(),
        );
        Callback::from(move |event: PointerEvent| {
            let mut down = pointers.borrow_mut();
            let Some(slot) = down.iter().position(|p| p.0 == event.pointer_id()) else {
                return;
            };
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            let before = down.clone();
            down[slot].1 = x;
            down[slot].2 = y;
            let (Some(a), Some(b)) = (
                to_map(&svg, &scene, before[slot].1, before[slot].2),
                to_map(&svg, &scene, x, y),
            ) else {
                return;
            };
            if down.len() >= 2 {
                // Pinch: the distance between the first two pointers sets the zoom.
                let other = usize::from(slot == 0);
                let (ox, oy) = (down[other].1, down[other].2);
                let old = (before[slot].1 - ox).hypot(before[slot].2 - oy);
                let new = (x - ox).hypot(y - oy);
                if old > 1.0 {
                    if let Some((mx, my)) = to_map(&svg, &scene, (x + ox) / 2.0, (y + oy) / 2.0) {
                        act.emit(ViewAction::ZoomAt(new / old, mx, my));
                    }
                }
            } else {
                act.emit(ViewAction::Pan(b.0 - a.0, b.1 - a.1));
            }
        })
    };
    let onpointerup = {
        let pointers = pointers.clone();
        Callback::from(move |event: PointerEvent| {
            pointers.borrow_mut().retain(|p| p.0 != event.pointer_id());
        })
    };
    let onkeydown = {
        let (act, scene) = (act.clone(), Rc::clone(&props.scene));
        Callback::from(move |event: KeyboardEvent| {
            let step = scene.width / 20.0;
            let (cx, cy) = (scene.width / 2.0, scene.height / 2.0);
            let action = match event.key().as_str() {
                "ArrowLeft" => ViewAction::Pan(step, 0.0),
                "ArrowRight" => ViewAction::Pan(-step, 0.0),
                "ArrowUp" => ViewAction::Pan(0.0, step),
                "ArrowDown" => ViewAction::Pan(0.0, -step),
                "+" | "=" => ViewAction::ZoomAt(1.25, cx, cy),
                "-" | "_" => ViewAction::ZoomAt(0.8, cx, cy),
                "0" => ViewAction::Reset,
                _ => return,
            };
            event.prevent_default();
            act.emit(action);
        })
    };
    let button = |label: &AttrValue, text: &'static str, action: ViewAction| {
        let act = act.clone();
        html! {
            <button type="button" aria-label={label.clone()} title={label.clone()}
                onclick={Callback::from(move |_| act.emit(action))}>{ text }</button>
        }
    };
    let (cx, cy) = (props.scene.width / 2.0, props.scene.height / 2.0);
    let [zoom_in, zoom_out, whole] = &props.zoom_labels;
    html! {
        <div class="map-frame">
            <div class="map-zoom" role="group" aria-label={format!("{zoom_in} / {zoom_out}")}>
                { button(zoom_in, "+", ViewAction::ZoomAt(1.25, cx, cy)) }
                { button(zoom_out, "−", ViewAction::ZoomAt(0.8, cx, cy)) }
                { button(whole, "⤢", ViewAction::Reset) }
                <span class="map-zoom-level" aria-live="polite">{ format!("×{:.1}", view.k) }</span>
            </div>
            <svg ref={props.svg_ref.clone()} xmlns="http://www.w3.org/2000/svg" class="map"
                viewBox={format!("0 0 {:.0} {:.0}", props.scene.width, props.scene.height)}
                role="group" aria-label={props.label.clone()} aria-description={props.help.clone()}
                tabindex="0" {onkeydown} {onpointerdown} {onpointermove}
                onpointerup={onpointerup.clone()} onpointercancel={onpointerup.clone()}
                onpointerleave={onpointerup}>
                <rect width={props.scene.width.to_string()} height={props.scene.height.to_string()}
                    fill="#f8fafc" />
                <g transform={view.transform()}>
                    <MapLayer scene={Rc::clone(&props.scene)} lang={props.lang} outline={props.outline.clone()}
                        highlight={props.highlight} selected={props.selected}
                        matches={Rc::clone(&props.matches)} on_hover={props.on_hover.clone()}
                        on_select={props.on_select.clone()} zoom={(view.k * 4.0).round() / 4.0}
                        active={props.selected.unwrap_or(*active).min(props.scene.nodes.len().saturating_sub(1))}
                        {on_active} />
                </g>
                if let Some(caption) = &props.caption {
                    <text x="16" y="34" font-size="24" font-weight="bold" font-family="sans-serif"
                        fill="#0f172a" stroke="#ffffff" stroke-width="5" paint-order="stroke">
                        { caption.clone() }
                    </text>
                }
            </svg>
        </div>
    }
}

/// [`MapLayer`]'s properties.
#[derive(Properties, PartialEq)]
pub struct MapLayerProps {
    /// What to draw.
    pub scene: Rc<Scene>,
    /// The UI language (the wards' names).
    pub lang: Lang,
    /// The outline.
    pub outline: Option<Rc<Outline>>,
    /// The highlighted node.
    pub highlight: Option<usize>,
    /// The selected node.
    pub selected: Option<usize>,
    /// Search matches: ringed and named, and the other nodes dimmed.
    pub matches: Rc<BTreeSet<usize>>,
    /// Whether the nodes that are not matches are dimmed (a search); off,
    /// the matches are only ringed and named (a slide's subject, where the
    /// rest must stay readable from across a room).
    #[prop_or(true)]
    pub dim_others: bool,
    /// Hover or focus.
    pub on_hover: Callback<Option<usize>>,
    /// Selection.
    pub on_select: Callback<usize>,
    /// The zoom, in quarter steps: labels keep their size on screen and
    /// crowded ones appear as the map is zoomed in.
    pub zoom: f64,
    /// The one node in the Tab order (a roving tab stop: the arrow keys move
    /// between nodes, so the map is two Tab stops, not one per node).
    pub active: usize,
    /// A node received focus.
    pub on_active: Callback<usize>,
    /// Whether the nodes are buttons in the Tab order; off (a slide), each
    /// is a labelled picture, so that Tab and the arrow keys stay the
    /// slides' own.
    #[prop_or(true)]
    pub interactive: bool,
}

/// Moves keyboard focus to the node with this element id.
fn focus_node(id: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        // SVG elements have focus() too; web-sys types it on HtmlElement only.
        if let Ok(focus) = js_sys::Reflect::get(&element, &"focus".into()) {
            if let Ok(focus) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(focus) {
                let _ = focus.call0(&element);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

fn node_shape(node: &SceneNode, ring: bool) -> Html {
    let (x, y, r) = (node.x, node.y, node.r);
    let dash = node.size_unknown.then_some("3 2");
    let shape = match node.shape {
        Shape::Disclosing => html! {
            <circle cx={x.to_string()} cy={y.to_string()} r={r.to_string()} fill="#1d4ed8"
                stroke="#ffffff" stroke-width="1.5" stroke-dasharray={dash} />
        },
        Shape::Hospital => html! {
            <circle cx={x.to_string()} cy={y.to_string()} r={r.to_string()} fill="#ffffff"
                stroke="#1d4ed8" stroke-width="2" />
        },
        Shape::Union => html! {
            <rect x={(x - r).to_string()} y={(y - r).to_string()} width={(2.0 * r).to_string()}
                height={(2.0 * r).to_string()} fill="#7c3aed" stroke="#ffffff" stroke-width="1.2"
                transform={format!("rotate(45 {x} {y})")} />
        },
        Shape::Facility => html! {
            <rect x={(x - r).to_string()} y={(y - r).to_string()} width={(2.0 * r).to_string()}
                height={(2.0 * r).to_string()} fill="#15803d" stroke="#ffffff" stroke-width="1" />
        },
        Shape::Bubble => html! {
            <circle cx={x.to_string()} cy={y.to_string()} r={r.to_string()} fill="#fde68a"
                fill-opacity="0.55" stroke="#b45309" stroke-width="1" />
        },
    };
    html! {
        <>
            if ring {
                <circle cx={x.to_string()} cy={y.to_string()} r={(r + 5.0).to_string()}
                    fill="none" stroke="#facc15" stroke-width="4" />
            }
            { shape }
        </>
    }
}

/// The drawing: outline, edges, nodes and labels.
#[function_component(MapLayer)]
pub fn map_layer(props: &MapLayerProps) -> Html {
    let scene = &props.scene;
    let focus = props.highlight.or(props.selected);
    let lit: Option<BTreeSet<usize>> = focus.map(|i| {
        // Inserted one by one: collecting would sort first (more wasm).
        let mut set = BTreeSet::from([i]);
        for n in scene.neighbours(i) {
            set.insert(n);
        }
        set
    });
    let searching = props.dim_others && !props.matches.is_empty();
    let node_opacity = |i: usize| match (&lit, searching) {
        (Some(lit), _) if !lit.contains(&i) => "0.2",
        (None, true) if !props.matches.contains(&i) => "0.3",
        _ => "1",
    };
    let outline = match (&props.outline, scene.outline) {
        (Some(outline), true) => html! {
            <g aria-hidden="true">
                { for outline.paths.iter().map(|d| html! {
                    <path d={d.clone()} fill="#e2e8f0" stroke="#94a3b8" stroke-width="0.8" />
                }) }
            </g>
        },
        _ => html! {},
    };
    let edges = scene.edges.iter().map(|e| {
        let (a, b) = (&scene.nodes[e.from], &scene.nodes[e.to]);
        let opacity = match focus {
            Some(i) if e.from != i && e.to != i => "0.12",
            _ => "0.85",
        };
        #[allow(clippy::cast_precision_loss)] // weights are small counts
        let width = e.kind.width() * (1.0 + (e.weight as f64).ln());
        html! {
            <line x1={a.x.to_string()} y1={a.y.to_string()} x2={b.x.to_string()} y2={b.y.to_string()}
                stroke={e.kind.stroke()} stroke-width={width.to_string()}
                stroke-dasharray={e.kind.dash()} stroke-opacity={opacity} />
        }
    });
    let nodes = scene.nodes.iter().enumerate().map(|(i, node)| {
        let (on_hover, on_select) = (props.on_hover.clone(), props.on_select.clone());
        let (enter, focus) = {
            let (a, b) = (on_hover.clone(), on_hover.clone());
            (Callback::from(move |_: MouseEvent| a.emit(Some(i))), {
                let on_active = props.on_active.clone();
                Callback::from(move |_: FocusEvent| {
                    on_active.emit(i);
                    b.emit(Some(i));
                })
            })
        };
        let (leave, blur) = {
            let (a, b) = (on_hover.clone(), on_hover.clone());
            (
                Callback::from(move |_: MouseEvent| a.emit(None)),
                Callback::from(move |_: FocusEvent| b.emit(None)),
            )
        };
        let onclick = {
            let on_select = on_select.clone();
            Callback::from(move |_: MouseEvent| on_select.emit(i))
        };
        let ids: Vec<String> = {
            let n = scene.nodes.len();
            [(i + 1) % n, (i + n - 1) % n, 0, n - 1]
                .iter()
                .map(|&j| format!("node-{}", scene.nodes[j].item.key()))
                .collect()
        };
        let onkeydown = Callback::from(move |event: KeyboardEvent| {
            let target = match event.key().as_str() {
                "Enter" | " " => {
                    event.prevent_default();
                    on_select.emit(i);
                    return;
                }
                "ArrowRight" | "ArrowDown" => &ids[0],
                "ArrowLeft" | "ArrowUp" => &ids[1],
                "Home" => &ids[2],
                "End" => &ids[3],
                _ => return,
            };
            // The arrows move between nodes here; on the map itself they pan.
            event.prevent_default();
            event.stop_propagation();
            focus_node(target);
        });
        let label_text = match node.count {
            Some(n) => format!("{} {n}", node.label),
            None => node.label.clone(),
        };
        let font = crate::scene::label_font(node) * scene.label_scale / props.zoom.max(1.0);
        let (label_x, label_y, anchor) = crate::scene::label_anchor(node, font);
        let show_label = props.zoom >= node.label_zoom
            || props.highlight == Some(i)
            || props.selected == Some(i)
            || props.matches.contains(&i);
        let pressed = if props.selected == Some(i) {
            "true"
        } else {
            "false"
        };
        html! {
            <g class="map-node" id={format!("node-{}", node.item.key())}
                tabindex={props.interactive.then_some(if i == props.active { "0" } else { "-1" })}
                role={if props.interactive { "button" } else { "img" }}
                aria-label={label_text.clone()} aria-pressed={props.interactive.then_some(pressed)} opacity={node_opacity(i)}
                onmouseenter={enter} onfocus={focus} onmouseleave={leave}
                onblur={blur} onclick={props.interactive.then_some(onclick)} onkeydown={props.interactive.then_some(onkeydown)}>
                <title>{ label_text.clone() }</title>
                { node_shape(node, props.matches.contains(&i) || props.selected == Some(i)) }
                if show_label {
                    <text x={label_x.to_string()} y={label_y.to_string()} text-anchor={anchor}
                        font-size={format!("{font:.2}")} font-family="sans-serif" fill="#0f172a"
                        stroke="#ffffff" stroke-width={format!("{:.2}", font / 4.0)}
                        paint-order="stroke">{ label_text }</text>
                }
            </g>
        }
    });
    let place_font = crate::scene::PLACE_FONT * scene.label_scale / props.zoom.max(1.0);
    let labels = scene.labels.iter().map(|l| {
        html! {
            <text x={l.x.to_string()} y={l.y.to_string()} font-size={format!("{place_font:.2}")}
                font-weight="bold" stroke="#ffffff" stroke-width={format!("{:.2}", place_font / 4.0)}
                paint-order="stroke"
                font-family="sans-serif" fill="#334155">{ l.text.clone() }</text>
        }
    });
    // Ward outlines under everything, each named with its figure.
    let viewing = props.lang.texts().wards_view.col_viewing;
    let areas = scene.areas.iter().map(|a| {
        let name = if props.lang == Lang::En { &a.name.1 } else { &a.name.0 };
        let label = props.lang.labelled(name, &format!("{viewing} {}", a.viewing));
        html! {
            <path d={a.d.clone()} fill={a.fill} fill-opacity="0.7" stroke="#ffffff" stroke-width="1.5"
                data-ward={a.code.clone()} role="img" aria-label={label.clone()}>
                <title>{ label }</title>
            </path>
        }
    });
    // The 振興局 over the coastline, and the named cities picked out.
    let regions = scene.regions.iter().map(|r| {
        let (fill, width) = if r.code.is_some() {
            ("#fde68a", "1.2")
        } else {
            ("none", "0.8")
        };
        html! {
            <path d={r.d.clone()} fill={fill} stroke="#94a3b8" stroke-width={width}
                data-city={r.code.clone()} data-region={r.code.is_none().then(|| r.name.clone())}>
                <title>{ r.name.clone() }</title>
            </path>
        }
    });
    html! {
        <>
            { outline }
            <g class="regions" aria-hidden="true">{ for regions }</g>
            <g class="ward-areas">{ for areas }</g>
            <g aria-hidden="true">{ for edges }</g>
            <g>{ for labels }</g>
            <g>{ for nodes }</g>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_still() {
        let view = ViewBox::default().apply(ViewAction::Pan(10.0, -4.0));
        let zoomed = view.apply(ViewAction::ZoomAt(2.0, 300.0, 200.0));
        // Map point under (300, 200) before: ((300 - tx) / k, (200 - ty) / k).
        let before = ((300.0 - view.tx) / view.k, (200.0 - view.ty) / view.k);
        let after = (
            (300.0 - zoomed.tx) / zoomed.k,
            (200.0 - zoomed.ty) / zoomed.k,
        );
        assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
        assert!((zoomed.k - 2.0).abs() < 1e-12);
        // Zoom is bounded both ways.
        let far = (0..20).fold(zoomed, |v, _| v.apply(ViewAction::ZoomAt(3.0, 0.0, 0.0)));
        assert!((far.k - ZOOM_RANGE.1).abs() < 1e-12);
        assert_eq!(far.apply(ViewAction::Reset), ViewBox::default());
    }
}
