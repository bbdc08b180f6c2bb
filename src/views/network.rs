//! ネットワーク: the network map. Hokkaido or Sapporo by ward; hospitals,
//! unions, named facilities and each ward's count of 閲覧施設; four kinds of
//! edge. Hover or focus lights a node's neighbours, a click opens its details
//! with sources, and the same content is in tables below the map.

use std::collections::BTreeSet;
use std::rc::Rc;

use tsunagu_core::model::{Dataset, DesignationId, Source};
use yew::prelude::*;

use super::ViewProps;
use crate::components::tags;
use crate::components::NetworkMap;
use crate::files;
use crate::format::{readings, thousands};
use crate::i18n::{Lang, NetworkTexts, Texts};
use crate::lookup::{
    designation_labels, hospital_label, hospital_name_in, hospital_name_to_apply, nfkc,
    section_title, union_name_in, union_name_to_apply, ward_name_in,
};
use crate::map::{hokkaido, Outline};
use crate::route::VIEW_TITLE_ID;
use crate::scene::{build_scene, EdgeKind, Filters, Item, Level, Scene, Shape};
use tsunagu_core::names::fold_name;

/// An edge kind's name in the legend and the filters.
pub fn edge_name(kind: EdgeKind, t: &NetworkTexts) -> &'static str {
    match kind {
        EdgeKind::Hosting => t.edge_hosting,
        EdgeKind::Membership => t.edge_membership,
        EdgeKind::Agreement => t.edge_agreement,
        EdgeKind::Partner => t.edge_partner,
    }
}

/// A node kind's name.
fn kind_name(shape: Shape, item: &Item, t: &NetworkTexts) -> &'static str {
    match (shape, item) {
        (_, Item::Ward(_)) => t.kind_ward,
        (_, Item::Region(_)) => t.kind_region,
        (Shape::Disclosing, _) => t.kind_disclosing,
        (Shape::Hospital, _) => t.kind_hospital,
        (Shape::Union, _) => t.kind_union,
        _ => t.kind_facility,
    }
}

/// The legend: a swatch per node shape and per edge kind.
pub fn legend(t: &NetworkTexts) -> Html {
    let swatch = |shape: Html, text: &'static str| {
        html! {
            <li><svg width="22" height="16" aria-hidden="true" focusable="false">{ shape }</svg>{ text }</li>
        }
    };
    html! {
        <section class="map-legend" aria-label={t.legend_heading}>
            { tags::h3(t.legend_heading) }
            <ul>
                { swatch(html! { <circle cx="11" cy="8" r="6" fill="#1d4ed8" /> }, t.legend_disclosing) }
                { swatch(html! { <circle cx="11" cy="8" r="5" fill="#fff" stroke="#1d4ed8" stroke-width="2" /> }, t.legend_hospital) }
                { swatch(html! { <rect x="6" y="3" width="10" height="10" fill="#7c3aed" transform="rotate(45 11 8)" /> }, t.legend_union) }
                { swatch(html! { <rect x="7" y="4" width="8" height="8" fill="#15803d" /> }, t.legend_facility) }
                { swatch(html! { <circle cx="11" cy="8" r="7" fill="#fde68a" stroke="#b45309" /> }, t.legend_ward) }
                { for EdgeKind::ALL.iter().map(|&kind| swatch(html! {
                    <line x1="1" y1="8" x2="21" y2="8" stroke={kind.stroke()} stroke-width="2.5"
                        stroke-dasharray={kind.dash()} />
                }, edge_name(kind, t))) }
            </ul>
        </section>
    }
}

fn sources_list(data: &Dataset, sources: &[&Source], lang: Lang, texts: &Texts) -> Html {
    if sources.is_empty() {
        return html! {};
    }
    html! {
        <>
            { tags::h4(texts.planner_view.sources) }
            <ul class="sources">
                { for sources.iter().map(|s| html! {
                    <li>
                        <span class="source-section">{ section_title(data, &s.section, lang) }</span>
                        if let Some(quote) = &s.quote { { tags::q(quote.clone()) } }
                    </li>
                }) }
            </ul>
        </>
    }
}

/// `value`, or `none` where it is empty.
fn or_none(value: String, none: &str) -> String {
    if value.is_empty() {
        none.to_owned()
    } else {
        value
    }
}

fn row(label: &'static str, value: String) -> Html {
    html! { <>{ tags::dt(label) }{ tags::dd(value) }</> }
}

/// The details of one record, with its sources.
#[allow(clippy::too_many_lines)] // one arm per kind of record, each a short block of markup
fn details(data: &Dataset, item: &Item, lang: Lang, texts: &Texts) -> Html {
    let (t, d, unknown) = (&texts.network_view, &texts.data_view, texts.table.unknown);
    let opt = |v: Option<String>| v.unwrap_or_else(|| unknown.to_owned());
    match item {
        Item::Hospital(id) => {
            let Some(h) = data.hospital(id) else {
                return html! {};
            };
            let hosted: Vec<String> = data
                .unions
                .iter()
                .filter(|u| u.hosts.contains(id))
                .map(|u| union_name_in(data, &u.id, lang))
                .collect();
            let links: Vec<&tsunagu_core::model::Link> = data
                .links
                .iter()
                .filter(|l| &l.from == id || &l.to == id)
                .collect();
            let mut sources: Vec<&Source> = h.sources.iter().collect();
            sources.extend(links.iter().map(|l| &l.source));
            let linked = readings(&h.linked_institutions, &texts.table);
            html! {
                <>
                    { tags::h3(hospital_name_to_apply(data, id, lang)) }
                    { tags::p_kind(if h.discloses { t.kind_disclosing } else { t.kind_hospital }) }
                    <dl>
                        { row(d.col_place, opt(h.ward.as_ref().and_then(|w| ward_name_in(data, w, lang)).or_else(|| h.city.as_deref().map(|c| lang.place(c))))) }
                        { row(d.col_region, opt(h.region.as_deref().map(|r| lang.place(r)))) }
                        { row(d.col_beds, opt(h.beds.map(thousands))) }
                        { row(d.col_linked, if linked.is_empty() { unknown.to_owned() } else { linked.join(" / ") }) }
                        { row(d.col_go_live, opt(h.idlink_go_live.as_ref().map(|m| m.0.clone()))) }
                        { row(d.col_designations, or_none(lang.list(&designation_labels(data, &h.designations, lang)), t.none_listed)) }
                        { row(t.hosted, or_none(lang.list(&hosted), texts.planner_view.no_unions)) }
                    </dl>
                    if !links.is_empty() {
                        { tags::h4(t.links) }
                        // Sharing between two hospitals, never a way in for
                        // a union's members: said where the links are listed.
                        { tags::p_note(t.links_note) }
                        <ul>
                            { for links.iter().map(|l| {
                                let other = if &l.from == id { &l.to } else { &l.from };
                                let kind = match l.kind {
                                    tsunagu_core::model::LinkKind::Agreement => t.edge_agreement,
                                    tsunagu_core::model::LinkKind::IdlinkPartner => t.edge_partner,
                                };
                                html! { { tags::li(format!("{kind}: {}", hospital_name_in(data, other, lang))) } }
                            }) }
                        </ul>
                    }
                    { sources_list(data, &sources, lang, texts) }
                </>
            }
        }
        Item::Union(id) => {
            let Some(u) = data.union(id) else {
                return html! {};
            };
            let members: Vec<String> = data
                .facilities
                .iter()
                .filter(|f| f.memberships.iter().any(|m| &m.union == id))
                .map(|f| f.name.clone())
                .collect();
            let registered: Vec<String> = u
                .registered_facilities
                .iter()
                .map(|c| format!("{} ({})", thousands(c.count), c.as_of.0))
                .collect();
            let sources: Vec<&Source> = u.sources.iter().collect();
            html! {
                <>
                    { tags::h3(union_name_to_apply(data, id, lang)) }
                    { tags::p_kind(t.kind_union) }
                    <dl>
                        { row(d.col_hosts, lang.list(&u.hosts.iter().map(|h| hospital_name_in(data, h, lang)).collect::<Vec<_>>())) }
                        { row(d.col_founded, opt(u.founded.as_ref().map(|m| m.0.clone()))) }
                        if !registered.is_empty() { { row(texts.growth_view.chart_linked, lang.list(&registered)) } }
                        { row(t.members, if members.is_empty() { unknown.to_owned() } else { lang.list(&members) }) }
                    </dl>
                    if !u.how_to_join.is_empty() {
                        { tags::h4(lang.texts().planner_view.how_to_join) }
                        <ul class="how-to-join">
                            { for u.how_to_join.iter().map(|h| html! {
                                <li>
                                    { if lang == Lang::En { h.en.clone() } else { h.ja.clone() } }
                                    <span class="source">
                                        { format!(" — {}", section_title(data, &h.source.section, lang)) }
                                        if let Some(q) = &h.source.quote { { " " }{ tags::q(q) } }
                                    </span>
                                </li>
                            }) }
                        </ul>
                    }
                    { sources_list(data, &sources, lang, texts) }
                </>
            }
        }
        Item::Facility(id) => {
            let Some(f) = data.facility(id) else {
                return html! {};
            };
            let mut sources: Vec<&Source> = f.sources.iter().collect();
            sources.extend(f.memberships.iter().map(|m| &m.source));
            html! {
                <>
                    { tags::h3(&f.name) }
                    { tags::p_kind(d.facility_kinds[f.kind as usize]) }
                    <dl>
                        { row(d.col_place, opt(f.ward.as_ref().and_then(|w| ward_name_in(data, w, lang)))) }
                        { row(d.col_unions, lang.list(&f.memberships.iter().map(|m| crate::lookup::membership_name(data, m, lang)).collect::<Vec<_>>())) }
                    </dl>
                    { sources_list(data, &sources, lang, texts) }
                </>
            }
        }
        Item::Ward(id) => {
            let Some(w) = data.ward(id) else {
                return html! {};
            };
            let sources: Vec<&Source> = w.sources.iter().collect();
            // Only the 開示病院 are listed as such; the ward's other
            // hospitals (ID-Link partners, designated hospitals) apart.
            let in_ward = |discloses: bool| -> Vec<String> {
                data.hospitals
                    .iter()
                    .filter(|h| h.ward.as_ref() == Some(id) && h.discloses == discloses)
                    .map(|h| hospital_label(h, lang))
                    .collect()
            };
            let (disclosing, others) = (in_ward(true), in_ward(false));
            let none = "—";
            html! {
                <>
                    { tags::h3(if lang == Lang::En { format!("{} ({})", w.name_en, w.name) } else { w.name.clone() }) }
                    { tags::p_kind(t.kind_ward) }
                    <dl>
                        { row(t.population, thousands(w.population)) }
                        { row(texts.wards_view.col_viewing, thousands(w.viewing_facilities)) }
                        { row(texts.wards_view.col_disclosing, if disclosing.is_empty() { none.to_owned() } else { lang.list(&disclosing) }) }
                        if !others.is_empty() {
                            { row(t.ward_other_hospitals, lang.list(&others)) }
                        }
                    </dl>
                    { sources_list(data, &sources, lang, texts) }
                </>
            }
        }
        Item::Region(name) => {
            let hospitals = data
                .hospitals
                .iter()
                .filter(|h| h.region.as_deref().unwrap_or("?") == name)
                .count();
            html! {
                <>
                    { tags::h3(lang.place(name)) }
                    { tags::p_kind(t.kind_region) }
                    <dl>{ row(texts.data.nav, format!("{} {}", thousands(i64::try_from(hospitals).unwrap_or(0)), texts.data_view.tab_hospitals)) }</dl>
                </>
            }
        }
    }
}

/// Whether a facility's name contains `query`, folded as [`search`] folds.
fn facility_named(data: &Dataset, query: &str) -> bool {
    let query = fold_name(query.trim(), &nfkc);
    !query.is_empty()
        && data
            .facilities
            .iter()
            .any(|f| fold_name(&f.name, &nfkc).contains(&query))
}

/// Which nodes a search matches: names and aliases folded as the planner's
/// search folds them (NFKC, case, spaces, 溪/渓), matched anywhere.
fn search(scene: &Scene, data: &Dataset, query: &str) -> BTreeSet<usize> {
    let query = fold_name(query.trim(), &nfkc);
    if query.is_empty() {
        return BTreeSet::new();
    }
    // Extended, not collected: collecting would sort first (more wasm).
    let mut found = BTreeSet::new();
    found.extend(
        scene
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| {
                let mut names = vec![n.label.clone()];
                match &n.item {
                    // Both names, whichever the label shows.
                    Item::Hospital(id) => {
                        if let Some(h) = data.hospital(id) {
                            names.extend([h.name.clone(), h.name_en.clone()]);
                            names.extend(h.aliases.iter().cloned());
                        }
                    }
                    Item::Union(id) => {
                        if let Some(u) = data.union(id) {
                            names.push(u.name.clone());
                            names.extend(u.name_en.clone());
                            names.extend(u.aliases.iter().cloned());
                        }
                    }
                    Item::Ward(id) => {
                        if let Some(w) = data.ward(id) {
                            names.extend([w.name.clone(), w.name_en.clone()]);
                        }
                    }
                    Item::Region(name) => names.push(name.clone()),
                    Item::Facility(_) => {}
                }
                names
                    .iter()
                    .any(|name| fold_name(name, &nfkc).contains(&query))
            })
            .map(|(i, _)| i),
    );
    found
}

/// The wards' shades, their classes, and the credit the boundary data
/// requires; nothing when the map draws no ward outlines.
fn ward_legend(scene: &Scene, lang: Lang) -> Html {
    let figures: Vec<f64> = scene.areas.iter().filter_map(|a| a.per_100).collect();
    let credit = crate::map::sapporo_wards()
        .map(|s| {
            if lang == Lang::En {
                s.credit_en
            } else {
                s.credit_ja
            }
        })
        .unwrap_or_default();
    if figures.is_empty() {
        // The 振興局 and the cities come from the same boundary data.
        return if scene.regions.is_empty() && scene.areas.is_empty() {
            html! {}
        } else {
            html! { <p class="hint credit">{ credit }</p> }
        };
    }
    let w = &lang.texts().wards_view;
    let classes = crate::map::Classes::of(&figures);
    html! {
        <div class="ward-map">
            <ul class="legend" aria-label={format!("{}: {}", w.map_legend, w.col_per_100)}>
                { tags::li(w.col_per_100) }
                { for crate::map::SHADES.iter().zip(classes.ranges()).filter_map(|(shade, range)| {
                    let (from, to) = range?;
                    Some(html! { <li><span class="swatch" style={format!("background: {shade}")}></span>{ format!("{from:.1} – {to:.1}") }</li> })
                }) }
            </ul>
            <p class="credit">{ credit }</p>
        </div>
    }
}

/// The table twin: every node and every edge drawn, and the wards' figures.
fn tables(scene: &Scene, texts: &Texts) -> Html {
    let t = &texts.network_view;
    let w = &texts.wards_view;
    let counted = scene.nodes.iter().any(|n| n.count.is_some());
    html! {
        <details class="map-tables">
            { tags::summary(t.table_heading) }
            if !scene.areas.is_empty() {
                <table>
                    { tags::caption(w.map_heading) }
                    <thead><tr>{ tags::col_head(w.col_ward) }{ tags::col_head(w.col_viewing) }
                        { tags::col_head(w.col_per_100) }</tr></thead>
                    <tbody>
                        { for scene.areas.iter().map(|a| html! {
                            <tr data-ward={a.code.clone()}>{ tags::row_head(&a.name.0) }{ tags::td_num(thousands(a.viewing)) }
                                { tags::td_num(a.per_100.map(|v| format!("{v:.1}")).unwrap_or_default()) }</tr>
                        }) }
                    </tbody>
                </table>
            }
            <table>
                { tags::caption(t.nodes_caption.replace("{n}", &scene.nodes.len().to_string())) }
                // The count column only where some point has one (a ward's
                // 閲覧施設, a region's hospitals): never a column of blanks.
                <thead><tr>{ tags::col_head(t.col_name) }{ tags::col_head(t.col_kind) }
                    if counted { { tags::col_head(t.col_count) } }</tr></thead>
                <tbody>
                    { for scene.nodes.iter().map(|n| html! {
                        <tr>{ tags::row_head(&n.label) }{ tags::td(kind_name(n.shape, &n.item, t)) }
                            if counted { { tags::td_num(n.count.map(thousands).unwrap_or_default()) } }</tr>
                    }) }
                </tbody>
            </table>
            <table>
                { tags::caption(t.edges_caption.replace("{n}", &scene.edges.len().to_string())) }
                <thead><tr>{ tags::col_head(t.col_from) }{ tags::col_head(t.col_kind) }
                    { tags::col_head(t.col_to) }{ tags::col_head(t.col_count) }</tr></thead>
                <tbody>
                    { for scene.edges.iter().map(|e| html! {
                        <tr>{ tags::td(&scene.nodes[e.from].label) }{ tags::td(edge_name(e.kind, t)) }
                            { tags::td(&scene.nodes[e.to].label) }{ tags::td_num(e.weight) }</tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}

/// Replaces the scene's "?" place labels with the UI's words.
pub fn localise(mut scene: Scene, t: &NetworkTexts) -> Scene {
    for label in &mut scene.labels {
        if label.text == "?" {
            t.unknown_place.clone_into(&mut label.text);
        }
    }
    scene
}

/// The network view.
#[function_component(NetworkView)]
pub fn network_view(props: &ViewProps) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let t = &texts.network_view;
    let level = use_state(|| Level::Hokkaido);
    let filters = use_state(Filters::default);
    let query = use_state(String::new);
    let hover = use_state(|| None::<usize>);
    let selected = use_state(|| None::<Item>);
    let svg_ref = use_node_ref();
    let outline: Option<Rc<Outline>> = (*use_memo((), |()| hokkaido().map(Rc::new))).clone();
    let scene = {
        let outline = outline.clone();
        use_memo(
            (props.data.clone(), *level, (*filters).clone(), lang),
            move |(data, level, filters, lang)| {
                data.as_ref().map(|d| {
                    let filters = Filters {
                        lang: *lang,
                        ..filters.clone()
                    };
                    let scene = build_scene(d, *level, &filters, outline.as_deref());
                    Rc::new(localise(scene, &lang.texts().network_view))
                })
            },
        )
    };
    let heading = html! { <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.network.title }</h2> };
    let (Some(data), Some(scene)) = (props.data.clone(), (*scene).clone()) else {
        return html! { <section class="view">{ heading }{ tags::p(texts.data_unavailable) }</section> };
    };
    let matches = Rc::new(search(&scene, &data, &query));
    let selected_index = selected.as_ref().and_then(|item| scene.find(item));

    let on_level = |next: Level| {
        let (level, hover) = (level.clone(), hover.clone());
        Callback::from(move |_: Event| {
            hover.set(None);
            level.set(next);
        })
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let on_designation = {
        let filters = filters.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            filters.set(Filters {
                designation: (!value.is_empty()).then(|| DesignationId::from(value.as_str())),
                ..(*filters).clone()
            });
        })
    };
    let on_region = {
        let filters = filters.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            filters.set(Filters {
                region: (!value.is_empty()).then_some(value),
                ..(*filters).clone()
            });
        })
    };
    let on_edge = |kind: EdgeKind| {
        let filters = filters.clone();
        Callback::from(move |_: Event| {
            let mut next = (*filters).clone();
            next.edges[kind.index()] = !next.edges[kind.index()];
            filters.set(next);
        })
    };
    let on_hover = {
        let hover = hover.clone();
        Callback::from(move |i: Option<usize>| hover.set(i))
    };
    let on_select = {
        let (selected, scene) = (selected.clone(), Rc::clone(&scene));
        Callback::from(move |i: usize| selected.set(scene.nodes.get(i).map(|n| n.item.clone())))
    };
    let on_search_key = {
        let (selected, scene, matches) = (selected.clone(), Rc::clone(&scene), Rc::clone(&matches));
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                if let Some(&first) = matches.iter().next() {
                    selected.set(Some(scene.nodes[first].item.clone()));
                }
            }
        })
    };
    let file_stem = match *level {
        Level::Hokkaido => "tsunagu-network-hokkaido",
        Level::Sapporo => "tsunagu-network-sapporo",
    };
    let export = |png: bool| {
        let (svg_ref, scene) = (svg_ref.clone(), Rc::clone(&scene));
        Callback::from(move |_: MouseEvent| {
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                let (w, h) = (scene.width, scene.height);
                if png {
                    files::download_png(&format!("{file_stem}.png"), &svg, w, h);
                } else {
                    files::download_svg(&format!("{file_stem}.svg"), &svg, w, h);
                }
            }
        })
    };
    // Closing the details gives focus back to the point they were opened
    // from, as Esc does (the button pressed is gone).
    let close = {
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(item) = &*selected {
                crate::dom::focus_after_render(format!("node-{}", item.key()));
            }
            selected.set(None);
        })
    };
    let on_escape = {
        let selected = selected.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                selected.set(None);
            }
        })
    };
    let regions = data.regions();
    let level_radio = |value: Level, label: &'static str, id: &'static str| {
        html! {
            <label for={id}>
                <input type="radio" {id} name="map-level" checked={*level == value}
                    onchange={on_level(value)} />
                { label }
            </label>
        }
    };

    html! {
        <section class="view network-view" aria-labelledby={VIEW_TITLE_ID} onkeydown={on_escape}>
            { heading }
            { tags::p_lead(texts.network.lead) }
            if let Some(agg) = scene.aggregated {
                <p class="notice" role="status">{ t.aggregated
                    .replace("{h}", &thousands(i64::try_from(agg.hospitals).unwrap_or(0)))
                    .replace("{u}", &thousands(i64::try_from(agg.unions).unwrap_or(0)))
                    .replace("{f}", &thousands(i64::try_from(agg.facilities).unwrap_or(0))) }</p>
            }
            <div class="network-layout">
                <div class="network-controls">
                    <fieldset>
                        { tags::legend(t.level_label) }
                        { level_radio(Level::Hokkaido, t.level_hokkaido, "level-hokkaido") }
                        { level_radio(Level::Sapporo, t.level_sapporo, "level-sapporo") }
                    </fieldset>
                    <label for="map-search">{ t.search_label }</label>
                    <input id="map-search" type="search" value={(*query).clone()}
                        placeholder={t.search_placeholder} oninput={on_query} onkeydown={on_search_key} />
                    if !query.trim().is_empty() {
                        <p class="hint" role="status">
                            { t.matches.replace("{matches}", &lang.count(matches.len(), crate::i18n::Noun::Match)) }
                            // Facilities are drawn on Sapporo's map only: say
                            // where the one searched for is.
                            if matches.is_empty() && *level == Level::Hokkaido && facility_named(&data, &query) {
                                { " " }{ t.facility_on_sapporo }
                            }
                        </p>
                    }
                    <fieldset>
                        { tags::legend(t.filters_heading) }
                        <label for="map-designation">{ t.designation_label }</label>
                        <select id="map-designation" onchange={on_designation}>
                            <option value="" selected={filters.designation.is_none()}>{ t.all }</option>
                            { for data.designations.iter().map(|d| html! {
                                <option value={d.id.0.clone()} selected={filters.designation.as_ref() == Some(&d.id)}>
                                    { if lang == Lang::En { d.name_en.clone() } else { d.name.clone() } }
                                </option>
                            }) }
                        </select>
                        <label for="map-region">{ t.region_label }</label>
                        <select id="map-region" onchange={on_region}>
                            <option value="" selected={filters.region.is_none()}>{ t.all }</option>
                            { for regions.iter().map(|r| html! {
                                <option value={r.clone()} selected={filters.region.as_ref() == Some(r)}>{ lang.place(r) }</option>
                            }) }
                        </select>
                    </fieldset>
                    <fieldset>
                        { tags::legend(t.edges_label) }
                        { for EdgeKind::ALL.iter().map(|&kind| {
                            let id = format!("edge-{}", kind.index());
                            html! {
                                <label for={id.clone()} class="check">
                                    <input type="checkbox" id={id} checked={filters.edges[kind.index()]}
                                        onchange={on_edge(kind)} />
                                    { edge_name(kind, t) }
                                </label>
                            }
                        }) }
                    </fieldset>
                    <div class="button-row">
                        { tags::button(export(false), t.export_svg) }
                        { tags::button(export(true), t.export_png) }
                    </div>
                    { legend(t) }
                </div>
                <div class="network-main">
                    <NetworkMap scene={Rc::clone(&scene)} {lang} {outline} label={t.map_label} help={t.map_help}
                        highlight={*hover} selected={selected_index} matches={Rc::clone(&matches)}
                        {on_hover} {on_select} svg_ref={svg_ref.clone()}
                        zoom_labels={[AttrValue::Static(t.zoom_in), AttrValue::Static(t.zoom_out), AttrValue::Static(t.zoom_reset)]} />
                    if let Some(item) = selected.as_ref() {
                        <aside class="network-details" aria-label={t.details_heading}>
                            <button type="button" class="details-close" onclick={close}
                                aria-label={t.close} title={t.close}>{ "×" }</button>
                            { details(&data, item, lang, texts) }
                        </aside>
                    }
                    <p class="hint">{ t.map_help }{ " " }{ t.details_empty }</p>
                    { ward_legend(&scene, lang) }
                    { tags::p_hint(t.outline_source) }
                </div>
            </div>
            { tables(&scene, texts) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[cfg(not(target_arch = "wasm32"))]
    #[tokio::test]
    async fn a_ward_card_names_only_the_disclosing_hospitals_as_such() {
        use super::*;
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let card = |ward: &str| {
            let item = Item::Ward(tsunagu_core::model::WardId(ward.into()));
            crate::components::tags::render(details(&data, &item, Lang::Ja, Lang::Ja.texts()))
        };
        // 中央区: two 開示病院 (the report's table), and three hospitals that are not.
        let chuo = card("chuo").await;
        let (disclosing, rest) = chuo
            .split_once("開示病院ではない病院")
            .expect("the others apart");
        for name in ["市立札幌病院", "NTT東日本札幌病院"] {
            assert!(disclosing.contains(name), "{name}: {chuo}");
        }
        for name in ["札幌医科大学附属病院", "斗南病院", "JA札幌厚生病院"] {
            assert!(
                !disclosing.contains(name) && rest.contains(name),
                "{name}: {chuo}"
            );
        }
        // 厚別区 hosts no 開示病院.
        let atsubetsu = card("atsubetsu").await;
        assert!(atsubetsu.contains("<dd>—</dd>"), "{atsubetsu}");
    }
}
