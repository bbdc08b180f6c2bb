//! The network as a picture: where each hospital, union, facility and ward
//! goes on the map, and which edges join them. Pure and native-testable; the
//! network and growth views draw what [`build_scene`] returns.
//!
//! Two levels: Hokkaido (true to geography, hospitals sharing a place drawn
//! in a ring around it) and Sapporo (by ward, with the other places in a
//! column at the side). Data too large to draw is aggregated by 医療圏, and
//! the scene says so.

// Layout arithmetic turns small counts into coordinates.
#![allow(clippy::cast_precision_loss)]

use std::collections::BTreeMap;
use std::f64::consts::{FRAC_PI_2, TAU};

use tsunagu_core::model::{
    Dataset, DesignationId, FacilityId, Hospital, HospitalId, LinkKind, UnionId, WardId,
};

use crate::map::{Outline, Projection, SAPPORO_CENTRE};

/// Which map to draw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Level {
    /// All of Hokkaido.
    #[default]
    Hokkaido,
    /// Sapporo, by ward.
    Sapporo,
}

/// The four kinds of edge, each drawn its own way and named in the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// A facility is a member of a union.
    Membership,
    /// A union is hosted by (discloses the records of) a hospital.
    Hosting,
    /// 病院間協定.
    Agreement,
    /// An ID-Link 連携 entry between hospitals.
    Partner,
}

impl EdgeKind {
    /// Every kind, in legend order.
    pub const ALL: [EdgeKind; 4] = [
        EdgeKind::Hosting,
        EdgeKind::Membership,
        EdgeKind::Agreement,
        EdgeKind::Partner,
    ];

    /// The stroke colour.
    pub fn stroke(self) -> &'static str {
        match self {
            EdgeKind::Membership => "#15803d",
            EdgeKind::Hosting => "#7c3aed",
            EdgeKind::Agreement => "#c2410c",
            EdgeKind::Partner => "#0e7490",
        }
    }

    /// The dash pattern, if dashed.
    pub fn dash(self) -> Option<&'static str> {
        match self {
            EdgeKind::Agreement => Some("7 4"),
            EdgeKind::Partner => Some("2 3"),
            _ => None,
        }
    }

    /// The stroke width in map units.
    pub fn width(self) -> f64 {
        match self {
            EdgeKind::Membership => 1.2,
            _ => 2.2,
        }
    }

    /// The index of this kind in [`Filters::edges`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What a node stands for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// A hospital.
    Hospital(HospitalId),
    /// A union.
    Union(UnionId),
    /// A named facility.
    Facility(FacilityId),
    /// A Sapporo ward, carrying its count of 閲覧施設.
    Ward(WardId),
    /// A 医療圏 standing for all its records, when there are too many to draw.
    Region(String),
}

impl Item {
    /// A stable key, for element ids and URLs.
    pub fn key(&self) -> String {
        match self {
            Item::Hospital(id) => format!("h-{}", id.0),
            Item::Union(id) => format!("u-{}", id.0),
            Item::Facility(id) => format!("f-{}", id.0),
            Item::Ward(id) => format!("w-{}", id.0),
            Item::Region(name) => format!("r-{name}"),
        }
    }
}

/// How a node is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A 開示病院: a filled circle.
    Disclosing,
    /// A hospital not on ID-Link: a hollow circle.
    Hospital,
    /// A union: a diamond.
    Union,
    /// A facility: a square.
    Facility,
    /// A ward's or a region's count: a pale bubble.
    Bubble,
}

/// One node, placed.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneNode {
    /// What it stands for.
    pub item: Item,
    /// Its label.
    pub label: String,
    /// Centre, in map units.
    pub x: f64,
    /// Centre, in map units.
    pub y: f64,
    /// Radius, in map units.
    pub r: f64,
    /// How it is drawn.
    pub shape: Shape,
    /// A count shown with it: a ward's 閲覧施設, a region's hospitals.
    pub count: Option<i64>,
    /// Whether its size is unknown (a hospital whose 連携医療機関数 the
    /// report does not give): drawn with a dashed outline.
    pub size_unknown: bool,
    /// The zoom from which its label is drawn (crowded places label their
    /// nodes only when zoomed in; the place itself is always labelled).
    pub label_zoom: f64,
}

/// One edge between two nodes of the scene.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SceneEdge {
    /// Index of one end in [`Scene::nodes`].
    pub from: usize,
    /// Index of the other end.
    pub to: usize,
    /// Its kind.
    pub kind: EdgeKind,
    /// How many records it stands for (1, or more when aggregated).
    pub weight: usize,
}

/// A text placed on the map (a place's name in the side column).
#[derive(Clone, Debug, PartialEq)]
pub struct SceneLabel {
    /// Left end, in map units.
    pub x: f64,
    /// Baseline, in map units.
    pub y: f64,
    /// The text.
    pub text: String,
}

/// Counts of what was aggregated rather than drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Aggregated {
    /// Hospitals in the data.
    pub hospitals: usize,
    /// Unions in the data.
    pub unions: usize,
    /// Facilities in the data.
    pub facilities: usize,
}

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The map's width in map units.
    pub width: f64,
    /// The map's height.
    pub height: f64,
    /// Whether Hokkaido's outline is drawn under the nodes.
    pub outline: bool,
    /// The nodes.
    pub nodes: Vec<SceneNode>,
    /// The edges.
    pub edges: Vec<SceneEdge>,
    /// Place names.
    pub labels: Vec<SceneLabel>,
    /// Set when the data was too large and is drawn by region.
    pub aggregated: Option<Aggregated>,
}

impl Scene {
    /// The indices of the nodes joined to node `index` by a drawn edge.
    pub fn neighbours(&self, index: usize) -> Vec<usize> {
        self.edges
            .iter()
            .filter_map(|e| {
                if e.from == index {
                    Some(e.to)
                } else if e.to == index {
                    Some(e.from)
                } else {
                    None
                }
            })
            .collect()
    }

    /// The index of the node standing for `item`.
    pub fn find(&self, item: &Item) -> Option<usize> {
        self.nodes.iter().position(|n| &n.item == item)
    }
}

/// What the user has narrowed the picture to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    /// Only hospitals with this designation (and what hangs off them).
    pub designation: Option<DesignationId>,
    /// Only hospitals in this 医療圏.
    pub region: Option<String>,
    /// Which edge kinds are drawn, by [`EdgeKind::index`].
    pub edges: [bool; 4],
    /// Only what had gone live or been founded by this month (`YYYY-MM`);
    /// records without a date are left out, never guessed.
    pub as_of: Option<String>,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            designation: None,
            region: None,
            edges: [true; 4],
            as_of: None,
        }
    }
}

/// Above these counts, records are aggregated by region instead of drawn.
pub const MAX_DRAWN_HOSPITALS: usize = 300;
/// See [`MAX_DRAWN_HOSPITALS`].
pub const MAX_DRAWN_FACILITIES: usize = 1_000;

/// Sapporo's side column starts here, right of the wards.
const SIDE_X: f64 = 1_010.0;

/// A hospital's radius: its area grows with its 連携医療機関数.
fn hospital_radius(hospital: &Hospital) -> (f64, bool) {
    if !hospital.discloses {
        return (5.5, false);
    }
    match hospital
        .linked_institutions
        .iter()
        .filter_map(|r| r.value)
        .max()
    {
        Some(n) => (5.0 + (n.max(0) as f64).sqrt() * 0.42, false),
        None => (8.0, true),
    }
}

fn hospital_shape(hospital: &Hospital) -> Shape {
    if hospital.discloses {
        Shape::Disclosing
    } else {
        Shape::Hospital
    }
}

/// Which hospitals, unions and facilities pass the filters.
struct Kept {
    hospitals: Vec<usize>,
    /// Hospitals drawn only as the host of a founded union, not yet live.
    pending: std::collections::BTreeSet<usize>,
    unions: Vec<usize>,
    facilities: Vec<usize>,
}

fn kept(data: &Dataset, filters: &Filters) -> Kept {
    let dated = |month: Option<&str>| match (&filters.as_of, month) {
        (None, _) => true,
        (Some(limit), Some(m)) => m <= limit.as_str(),
        (Some(_), None) => false,
    };
    let is_live = |h: &Hospital| {
        filters.as_of.is_none() || dated(h.idlink_go_live.as_ref().map(|m| m.0.as_str()))
    };
    // On a timeline a union can be founded before its host goes live (TMNIT,
    // 2012-02, before 手稲溪仁会病院 in 2012-03): the host is drawn, not yet live.
    let hosts_founded = |h: &Hospital| {
        filters.as_of.is_some()
            && data
                .unions
                .iter()
                .any(|u| u.hosts.contains(&h.id) && dated(u.founded.as_ref().map(|m| m.0.as_str())))
    };
    let hospitals: Vec<usize> = data
        .hospitals
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            let designated = filters.designation.as_ref().is_none_or(|d| {
                h.designations
                    .iter()
                    .any(|c| c.designation.as_ref() == Some(d))
            });
            let in_region = filters
                .region
                .as_ref()
                .is_none_or(|r| h.region.as_ref() == Some(r));
            designated && in_region && (is_live(h) || hosts_founded(h))
        })
        .map(|(i, _)| i)
        .collect();
    let pending = hospitals
        .iter()
        .copied()
        .filter(|&i| !is_live(&data.hospitals[i]))
        .collect();
    let kept_hospital = |id: &HospitalId| hospitals.iter().any(|&i| &data.hospitals[i].id == id);
    let unions: Vec<usize> = data
        .unions
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            u.hosts.iter().any(&kept_hospital) && dated(u.founded.as_ref().map(|m| m.0.as_str()))
        })
        .map(|(i, _)| i)
        .collect();
    let kept_union = |id: &UnionId| unions.iter().any(|&i| &data.unions[i].id == id);
    // Memberships carry no dates: on a timeline they are unknown, so left out.
    let facilities = if filters.as_of.is_some() {
        Vec::new()
    } else {
        data.facilities
            .iter()
            .enumerate()
            .filter(|(_, f)| f.memberships.iter().any(|m| kept_union(&m.union)))
            .map(|(i, _)| i)
            .collect()
    };
    Kept {
        hospitals,
        pending,
        unions,
        facilities,
    }
}

/// Places `n` points evenly on a circle, the first at the top.
fn ring(cx: f64, cy: f64, radius: f64, n: usize, i: usize) -> (f64, f64) {
    if n <= 1 && radius == 0.0 {
        return (cx, cy);
    }
    let angle = -FRAC_PI_2 + TAU * i as f64 / n.max(1) as f64;
    (cx + radius * angle.cos(), cy + radius * angle.sin())
}

/// Builds the picture of `data` at `level` under `filters`.
///
/// # Complexity
/// O(N + E) for N records and E edges, plus sorting within each place.
pub fn build_scene(
    data: &Dataset,
    level: Level,
    filters: &Filters,
    outline: Option<&Outline>,
) -> Scene {
    if data.hospitals.len() > MAX_DRAWN_HOSPITALS || data.facilities.len() > MAX_DRAWN_FACILITIES {
        return aggregated_scene(data, filters);
    }
    let kept = kept(data, filters);
    let mut scene = match level {
        Level::Hokkaido => hokkaido_nodes(data, &kept, outline),
        Level::Sapporo => sapporo_nodes(data, &kept, filters.as_of.is_none(), outline),
    };
    place_unions_and_facilities(data, &kept, level, &mut scene);
    add_edges(data, filters, &mut scene);
    scene
}

/// Where a hospital is, for grouping: Sapporo (any ward), a set of
/// coordinates, or unknown.
fn place_of(hospital: &Hospital) -> Option<(f64, f64)> {
    if hospital.ward.is_some() {
        return Some(SAPPORO_CENTRE);
    }
    hospital.coords.as_ref().map(|c| (c.lat, c.lon))
}

fn hospital_node(hospital: &Hospital, x: f64, y: f64, live: bool) -> SceneNode {
    let (r, size_unknown) = if live {
        hospital_radius(hospital)
    } else {
        (5.5, false)
    };
    SceneNode {
        item: Item::Hospital(hospital.id.clone()),
        label: hospital.name.clone(),
        x,
        y,
        r,
        shape: if live {
            hospital_shape(hospital)
        } else {
            Shape::Hospital
        },
        count: None,
        size_unknown,
        label_zoom: 1.0,
    }
}

/// A fallback projection when the outline asset is missing.
fn default_projection() -> Projection {
    Projection {
        west: 139.2,
        north: 45.7,
        cos: 0.7314,
        scale: 201.45,
    }
}

/// Hospitals by place: the place's latitude and longitude (if known) and
/// the hospitals' indices.
type Places = BTreeMap<String, (Option<(f64, f64)>, Vec<usize>)>;

fn hokkaido_nodes(data: &Dataset, kept: &Kept, outline: Option<&Outline>) -> Scene {
    let projection = outline.map_or_else(default_projection, |o| o.projection);
    let (width, height) = outline.map_or((1000.0, 890.0), |o| (o.width, o.height));
    // Hospitals grouped by place; BTreeMap keys keep the order stable.
    let mut places: Places = BTreeMap::new();
    for &i in &kept.hospitals {
        let h = &data.hospitals[i];
        let place = place_of(h);
        let key = place.map_or_else(|| "~unknown".to_owned(), |(a, b)| format!("{a:.3},{b:.3}"));
        places.entry(key).or_insert((place, Vec::new())).1.push(i);
    }
    let mut scene = Scene {
        width,
        height,
        outline: outline.is_some(),
        nodes: Vec::new(),
        edges: Vec::new(),
        labels: Vec::new(),
        aggregated: None,
    };
    for (place, members) in places.values_mut() {
        let (cx, cy) = if let Some((lat, lon)) = place {
            projection.project(*lat, *lon)
        } else {
            // Nowhere on the map: a corner box, labelled.
            scene.labels.push(SceneLabel {
                x: 24.0,
                y: height - 96.0,
                text: "?".to_owned(),
            });
            (60.0, height - 60.0)
        };
        // Sapporo's hospitals go round its centre in the order of their wards'
        // bearings, so the ring keeps their relative places.
        tsunagu_core::order::sort_by(members, |&a, &b| {
            let bearing = |i: usize| {
                data.hospitals[i].coords.as_ref().map_or(0.0, |c| {
                    (c.lat - SAPPORO_CENTRE.0).atan2(c.lon - SAPPORO_CENTRE.1)
                })
            };
            bearing(b)
                .total_cmp(&bearing(a))
                .then_with(|| data.hospitals[a].id.cmp(&data.hospitals[b].id))
        });
        let n = members.len();
        let radius = if n == 1 { 0.0 } else { 8.0 + 3.2 * n as f64 };
        // The place's name, always shown; its hospitals' names from a zoom
        // at which the ring has room for them.
        let first = &data.hospitals[members[0]];
        let name = if first.ward.is_some() {
            "札幌市".to_owned()
        } else if place.is_none() {
            "?".to_owned()
        } else {
            first
                .region
                .clone()
                .or_else(|| first.city.clone())
                .unwrap_or_else(|| "?".to_owned())
        };
        if place.is_some() {
            scene.labels.push(SceneLabel {
                x: cx + radius + 10.0,
                y: cy - radius - 4.0,
                text: name,
            });
        }
        let label_zoom = if n <= 1 {
            1.0
        } else {
            (n as f64 / 1.6).max(1.6)
        };
        for (k, &i) in members.iter().enumerate() {
            let (x, y) = ring(cx, cy, radius, n, k);
            let mut node = hospital_node(&data.hospitals[i], x, y, !kept.pending.contains(&i));
            node.label_zoom = label_zoom;
            scene.nodes.push(node);
        }
    }
    scene
}

fn sapporo_nodes(
    data: &Dataset,
    kept: &Kept,
    with_counts: bool,
    outline: Option<&Outline>,
) -> Scene {
    let base = outline.map_or_else(default_projection, |o| o.projection);
    let lats = data.wards.iter().map(|w| w.coords.lat);
    let lons = data.wards.iter().map(|w| w.coords.lon);
    let (south, north) = lats.fold((90.0_f64, -90.0_f64), |(a, b), v| (a.min(v), b.max(v)));
    let (west, east) = lons.fold((180.0_f64, -180.0_f64), |(a, b), v| (a.min(v), b.max(v)));
    let pad = 0.045;
    let (projection, height) = base.fitting(
        west - pad,
        east + pad,
        south - pad,
        north + pad,
        SIDE_X - 40.0,
    );
    let mut scene = Scene {
        width: SIDE_X + 250.0,
        height: height.max(640.0),
        outline: false,
        nodes: Vec::new(),
        edges: Vec::new(),
        labels: Vec::new(),
        aggregated: None,
    };
    let mut ward_places: BTreeMap<&str, (f64, f64, f64)> = BTreeMap::new();
    for ward in &data.wards {
        let (x, y) = projection.project(ward.coords.lat, ward.coords.lon);
        // On a timeline the counts (as of the report) would be anachronistic.
        let r = if with_counts {
            10.0 + 4.6 * (ward.viewing_facilities.max(0) as f64).sqrt()
        } else {
            14.0
        };
        ward_places.insert(ward.id.0.as_str(), (x, y, r));
        scene.nodes.push(SceneNode {
            item: Item::Ward(ward.id.clone()),
            label: ward.name.clone(),
            x,
            y,
            r,
            shape: Shape::Bubble,
            count: with_counts.then_some(ward.viewing_facilities),
            size_unknown: false,
            label_zoom: 1.0,
        });
    }
    // Hospitals in a ward ring round it; the others stack in the side column.
    // String keys, like `outside`: one map type, so one copy of its code in the wasm.
    let mut by_ward: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut outside: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &i in &kept.hospitals {
        let h = &data.hospitals[i];
        match h
            .ward
            .as_ref()
            .filter(|w| ward_places.contains_key(w.0.as_str()))
        {
            Some(w) => by_ward.entry(w.0.clone()).or_default().push(i),
            None => outside
                .entry(
                    h.region
                        .clone()
                        .or_else(|| h.city.clone())
                        .unwrap_or_else(|| "?".to_owned()),
                )
                .or_default()
                .push(i),
        }
    }
    for (ward, members) in &by_ward {
        let (cx, cy, r) = ward_places[ward.as_str()];
        // A crowded ward (中央区 has four) names its hospitals once zoomed in.
        let label_zoom = if members.len() > 2 { 2.0 } else { 1.0 };
        for (k, &i) in members.iter().enumerate() {
            let (x, y) = ring(cx, cy, r + 12.0, members.len(), k);
            let mut node = hospital_node(&data.hospitals[i], x, y, !kept.pending.contains(&i));
            node.label_zoom = label_zoom;
            scene.nodes.push(node);
        }
    }
    let mut y = 40.0;
    for (place, members) in &outside {
        scene.labels.push(SceneLabel {
            x: SIDE_X,
            y,
            text: place.clone(),
        });
        y += 26.0;
        for &i in members {
            scene.nodes.push(hospital_node(
                &data.hospitals[i],
                SIDE_X + 14.0,
                y,
                !kept.pending.contains(&i),
            ));
            y += 30.0;
        }
        y += 10.0;
    }
    scene.height = scene.height.max(y + 20.0);
    scene
}

/// Unions go beside their hosts, facilities round their ward or first union.
fn place_unions_and_facilities(data: &Dataset, kept: &Kept, level: Level, scene: &mut Scene) {
    let centre_of = |scene: &Scene, i: usize| {
        let (x, y) = (scene.nodes[i].x, scene.nodes[i].y);
        // The point the node was ringed around: its ward, or Sapporo's centre.
        match (&scene.nodes[i].item, level) {
            (Item::Hospital(id), Level::Sapporo) => data
                .hospitals
                .iter()
                .find(|h| &h.id == id)
                .and_then(|h| h.ward.as_ref())
                .and_then(|w| scene.find(&Item::Ward(w.clone())))
                .map_or((x - 1.0, y), |wi| (scene.nodes[wi].x, scene.nodes[wi].y)),
            _ => (x, y + 1.0),
        }
    };
    for &ui in &kept.unions {
        let union = &data.unions[ui];
        let hosts: Vec<usize> = union
            .hosts
            .iter()
            .filter_map(|h| scene.find(&Item::Hospital(h.clone())))
            .collect();
        let Some(&first) = hosts.first() else {
            continue;
        };
        let (hx, hy) = (scene.nodes[first].x, scene.nodes[first].y);
        let (x, y) = match level {
            Level::Sapporo => {
                let (cx, cy) = centre_of(scene, first);
                let (dx, dy) = (hx - cx, hy - cy);
                let length = dx.hypot(dy).max(1e-6);
                (hx + dx / length * 30.0, hy + dy / length * 30.0)
            }
            Level::Hokkaido => {
                // Inside Sapporo's ring, between the host and the centre.
                let (cx, cy) = crate::map::hokkaido().map_or((hx, hy + 20.0), |o| {
                    o.projection.project(SAPPORO_CENTRE.0, SAPPORO_CENTRE.1)
                });
                if (hx - cx).hypot(hy - cy) > 20.0
                    && data
                        .hospitals
                        .iter()
                        .any(|h| h.ward.is_some() && union.hosts.contains(&h.id))
                {
                    (cx + (hx - cx) * 0.55, cy + (hy - cy) * 0.55)
                } else {
                    (hx, hy - 22.0)
                }
            }
        };
        scene.nodes.push(SceneNode {
            item: Item::Union(union.id.clone()),
            label: union.name.clone(),
            x,
            y,
            r: 7.0,
            shape: Shape::Union,
            count: None,
            size_unknown: false,
            label_zoom: if level == Level::Hokkaido { 4.0 } else { 1.0 },
        });
    }
    if level == Level::Hokkaido {
        return;
    }
    // Facilities: around their ward if the data gives one, else their first union.
    let mut around: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &fi in &kept.facilities {
        let f = &data.facilities[fi];
        let anchor = f
            .ward
            .as_ref()
            .and_then(|w| scene.find(&Item::Ward(w.clone())))
            .or_else(|| {
                f.memberships
                    .iter()
                    .find_map(|m| scene.find(&Item::Union(m.union.clone())))
            });
        if let Some(anchor) = anchor {
            around.entry(anchor).or_default().push(fi);
        }
    }
    for (anchor, members) in around {
        let (cx, cy) = (scene.nodes[anchor].x, scene.nodes[anchor].y);
        let radius = scene.nodes[anchor].r + 22.0;
        for (k, &fi) in members.iter().enumerate() {
            let f = &data.facilities[fi];
            // Offset by half a step so facilities sit between the hospitals.
            let (x, y) = ring(cx, cy, radius, members.len() * 2, k * 2 + 1);
            scene.nodes.push(SceneNode {
                item: Item::Facility(f.id.clone()),
                label: f.name.clone(),
                x,
                y,
                r: 4.5,
                shape: Shape::Facility,
                count: None,
                size_unknown: false,
                // Small and ringed close together: named once zoomed in.
                label_zoom: if members.len() > 3 { 2.5 } else { 1.0 },
            });
        }
    }
}

fn add_edges(data: &Dataset, filters: &Filters, scene: &mut Scene) {
    let on = |kind: EdgeKind| filters.edges[kind.index()];
    let mut edges = Vec::new();
    let mut push = |a: Option<usize>, b: Option<usize>, kind: EdgeKind| {
        if let (Some(from), Some(to)) = (a, b) {
            if on(kind) {
                edges.push(SceneEdge {
                    from,
                    to,
                    kind,
                    weight: 1,
                });
            }
        }
    };
    for union in &data.unions {
        let u = scene.find(&Item::Union(union.id.clone()));
        for host in &union.hosts {
            push(
                u,
                scene.find(&Item::Hospital(host.clone())),
                EdgeKind::Hosting,
            );
        }
    }
    for facility in &data.facilities {
        let f = scene.find(&Item::Facility(facility.id.clone()));
        for m in &facility.memberships {
            push(
                f,
                scene.find(&Item::Union(m.union.clone())),
                EdgeKind::Membership,
            );
        }
    }
    // Links carry no dates: on a timeline they are unknown, so left out.
    if filters.as_of.is_none() {
        for link in &data.links {
            let kind = match link.kind {
                LinkKind::Agreement => EdgeKind::Agreement,
                LinkKind::IdlinkPartner => EdgeKind::Partner,
            };
            push(
                scene.find(&Item::Hospital(link.from.clone())),
                scene.find(&Item::Hospital(link.to.clone())),
                kind,
            );
        }
    }
    scene.edges = edges;
}

/// Too much to draw: one bubble per 医療圏, sized by its hospitals, with
/// links between regions summed.
fn aggregated_scene(data: &Dataset, filters: &Filters) -> Scene {
    let region_of = |h: &Hospital| h.region.clone().unwrap_or_else(|| "?".to_owned());
    let mut regions: BTreeMap<String, (i64, usize)> = BTreeMap::new();
    let mut hospital_region: std::collections::HashMap<&HospitalId, String> =
        std::collections::HashMap::with_capacity(data.hospitals.len());
    for h in &data.hospitals {
        if filters.region.as_ref().is_some_and(|r| r != &region_of(h)) {
            continue;
        }
        let entry = regions.entry(region_of(h)).or_default();
        entry.0 += 1;
        hospital_region.insert(&h.id, region_of(h));
    }
    let columns = (regions.len() as f64).sqrt().ceil().max(1.0);
    let cell = 90.0;
    let mut scene = Scene {
        width: columns * cell + 40.0,
        height: (regions.len() as f64 / columns).ceil().max(1.0) * cell + 40.0,
        outline: false,
        nodes: Vec::new(),
        edges: Vec::new(),
        labels: Vec::new(),
        aggregated: Some(Aggregated {
            hospitals: data.hospitals.len(),
            unions: data.unions.len(),
            facilities: data.facilities.len(),
        }),
    };
    let mut index_of: BTreeMap<String, usize> = BTreeMap::new();
    for (k, (name, (hospitals, _))) in regions.iter_mut().enumerate() {
        let (col, row) = (k as f64 % columns, (k as f64 / columns).floor());
        index_of.insert(name.clone(), scene.nodes.len());
        scene.nodes.push(SceneNode {
            item: Item::Region(name.clone()),
            label: name.clone(),
            x: 20.0 + cell * (col + 0.5),
            y: 20.0 + cell * (row + 0.5),
            r: 6.0 + (*hospitals as f64).sqrt() * 3.0,
            shape: Shape::Bubble,
            count: Some(*hospitals),
            size_unknown: false,
            label_zoom: 1.0,
        });
    }
    let mut between: BTreeMap<(usize, usize, EdgeKind), usize> = BTreeMap::new();
    for link in &data.links {
        let kind = match link.kind {
            LinkKind::Agreement => EdgeKind::Agreement,
            LinkKind::IdlinkPartner => EdgeKind::Partner,
        };
        if !filters.edges[kind.index()] {
            continue;
        }
        let ends = (
            hospital_region
                .get(&link.from)
                .and_then(|r| index_of.get(r)),
            hospital_region.get(&link.to).and_then(|r| index_of.get(r)),
        );
        if let (Some(&a), Some(&b)) = ends {
            if a != b {
                *between.entry((a.min(b), a.max(b), kind)).or_default() += 1;
            }
        }
    }
    scene.edges = between
        .into_iter()
        .map(|((from, to, kind), weight)| SceneEdge {
            from,
            to,
            kind,
            weight,
        })
        .collect();
    scene
}

#[cfg(test)]
mod tests {
    use tsunagu_core::bundled::SAPPORO_JSON;
    use tsunagu_core::synth::{synthesize, Scale};
    use tsunagu_core::validate::load_dataset;

    use super::*;
    use crate::map::hokkaido;

    fn bundled() -> Dataset {
        load_dataset(SAPPORO_JSON).expect("bundled").dataset
    }

    fn count(scene: &Scene, pick: fn(&Item) -> bool) -> usize {
        scene.nodes.iter().filter(|n| pick(&n.item)).count()
    }

    #[test]
    fn sapporo_level_draws_every_record_once_and_every_edge_of_the_report() {
        let data = bundled();
        let scene = build_scene(
            &data,
            Level::Sapporo,
            &Filters::default(),
            hokkaido().as_ref(),
        );
        // From the report: 24 hospitals, 7 unions, 9 named facilities, 10 wards.
        assert_eq!(count(&scene, |i| matches!(i, Item::Hospital(_))), 24);
        assert_eq!(count(&scene, |i| matches!(i, Item::Union(_))), 7);
        assert_eq!(count(&scene, |i| matches!(i, Item::Facility(_))), 9);
        assert_eq!(count(&scene, |i| matches!(i, Item::Ward(_))), 10);
        let kinds = |k: EdgeKind| scene.edges.iter().filter(|e| e.kind == k).count();
        // 8 agreements and 8 ID-Link partner entries; each union one host;
        // みきファミリークリニック in 3 unions, the 8 TMNIT members in 1.
        assert_eq!(kinds(EdgeKind::Agreement), 8);
        assert_eq!(kinds(EdgeKind::Partner), 8);
        assert_eq!(kinds(EdgeKind::Hosting), 7);
        assert_eq!(kinds(EdgeKind::Membership), 11);
        // The ward bubbles carry the report's 閲覧施設 counts (145 in all).
        let total: i64 = scene.nodes.iter().filter_map(|n| n.count).sum();
        assert_eq!(total, 145);
        // Everything lies on the map.
        for n in &scene.nodes {
            assert!(
                n.x >= 0.0 && n.x <= scene.width && n.y >= 0.0 && n.y <= scene.height,
                "{n:?}"
            );
        }
    }

    #[test]
    fn hokkaido_level_puts_hakodate_south_west_and_kushiro_east_of_sapporo() {
        let data = bundled();
        let scene = build_scene(
            &data,
            Level::Hokkaido,
            &Filters::default(),
            hokkaido().as_ref(),
        );
        let at = |id: &str| {
            let i = scene.find(&Item::Hospital(HospitalId::from(id))).expect(id);
            (scene.nodes[i].x, scene.nodes[i].y)
        };
        let (sapporo, hakodate, kushiro) = (
            at("hokudai"),
            at("hakodate-municipal"),
            at("kushiro-municipal"),
        );
        assert!(hakodate.0 < sapporo.0 && hakodate.1 > sapporo.1);
        assert!(kushiro.0 > sapporo.0 + 300.0);
        // No facilities at this level; unions still drawn.
        assert_eq!(count(&scene, |i| matches!(i, Item::Facility(_))), 0);
        assert_eq!(count(&scene, |i| matches!(i, Item::Union(_))), 7);
    }

    #[test]
    fn filters_narrow_nodes_and_edges() {
        let data = bundled();
        let mut filters = Filters::default();
        filters.edges[EdgeKind::Membership.index()] = false;
        let scene = build_scene(&data, Level::Sapporo, &filters, None);
        assert!(scene.edges.iter().all(|e| e.kind != EdgeKind::Membership));

        // The report's 救命救急センター with a record on ID-Link or not: 北大,
        // 市立札幌 and 手稲渓仁会 among those drawn.
        let filters = Filters {
            designation: Some(DesignationId::from("emergency")),
            ..Filters::default()
        };
        let scene = build_scene(&data, Level::Sapporo, &filters, None);
        for id in ["hokudai", "shiritsu", "teine"] {
            assert!(
                scene.find(&Item::Hospital(HospitalId::from(id))).is_some(),
                "{id}"
            );
        }
        assert!(scene
            .find(&Item::Hospital(HospitalId::from("tenshi")))
            .is_none());
        // Unions hosted by a hospital filtered out go too.
        assert!(scene
            .find(&Item::Union(UnionId::from("tenshi-council")))
            .is_none());
    }

    #[test]
    fn as_of_keeps_only_what_had_gone_live_and_leaves_undated_records_out() {
        let data = bundled();
        let filters = Filters {
            as_of: Some("2013-03".to_owned()),
            ..Filters::default()
        };
        let scene = build_scene(&data, Level::Sapporo, &filters, None);
        let hospitals = |shape: Shape| {
            let mut ids: Vec<String> = scene
                .nodes
                .iter()
                .filter(|n| n.shape == shape)
                .filter_map(|n| match &n.item {
                    Item::Hospital(id) => Some(id.0.clone()),
                    _ => None,
                })
                .collect();
            ids.sort();
            ids
        };
        // The report: 手稲溪仁会 and KKR went live in 2012-03, がんセンター in 2013-03.
        assert_eq!(hospitals(Shape::Disclosing), ["gan-center", "kkr", "teine"]);
        // 天使's 協議会 was founded in 2013-02, before 天使 went live (2013-07):
        // 天使 is drawn as not yet live.
        assert_eq!(hospitals(Shape::Hospital), ["tenshi"]);
        // TMNIT (2012-02), 天使's 協議会 (2013-02), がんセンター's system
        // (2013-03); KKR's union has no founding month.
        let unions: Vec<&Item> = scene
            .nodes
            .iter()
            .map(|n| &n.item)
            .filter(|i| matches!(i, Item::Union(_)))
            .collect();
        assert_eq!(unions.len(), 3, "{unions:?}");
        assert!(scene.edges.iter().all(|e| e.kind == EdgeKind::Hosting));
        assert!(scene.nodes.iter().all(|n| n.count.is_none()));
    }

    #[test]
    fn a_union_founded_before_its_host_goes_live_is_drawn_with_the_host_not_yet_live() {
        let data = bundled();
        let filters = Filters {
            as_of: Some("2012-02".to_owned()),
            ..Filters::default()
        };
        let scene = build_scene(&data, Level::Sapporo, &filters, None);
        // The report: TMNIT founded 2012-02; 手稲溪仁会病院 live from 2012-03.
        let tmnit = scene.find(&Item::Union(UnionId::from("tmnit")));
        let teine = scene
            .find(&Item::Hospital(HospitalId::from("teine")))
            .expect("host drawn");
        assert!(tmnit.is_some());
        assert_eq!(scene.nodes[teine].shape, Shape::Hospital, "not yet live");
        let later = Filters {
            as_of: Some("2012-03".to_owned()),
            ..Filters::default()
        };
        let scene = build_scene(&data, Level::Sapporo, &later, None);
        let teine = scene
            .find(&Item::Hospital(HospitalId::from("teine")))
            .expect("live");
        assert_eq!(scene.nodes[teine].shape, Shape::Disclosing);
    }

    #[test]
    fn a_japan_scale_network_is_drawn_by_region_and_says_so() {
        let data = synthesize(Scale::HOKKAIDO, 3);
        let scene = build_scene(&data, Level::Sapporo, &Filters::default(), None);
        let aggregated = scene.aggregated.expect("aggregated");
        assert_eq!(aggregated.facilities, data.facilities.len());
        let regions: std::collections::BTreeSet<_> = data
            .hospitals
            .iter()
            .filter_map(|h| h.region.clone())
            .collect();
        assert_eq!(scene.nodes.len(), regions.len());
        let drawn: i64 = scene.nodes.iter().filter_map(|n| n.count).sum();
        assert_eq!(usize::try_from(drawn).expect("count"), data.hospitals.len());
    }
}
