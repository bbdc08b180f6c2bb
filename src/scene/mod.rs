//! The network as a picture: where each hospital, union, facility and ward
//! goes on the map, and which edges join them. Pure and native-testable; the
//! network and growth views draw what [`build_scene`] returns.
//!
//! Two levels: Hokkaido (true to geography, hospitals sharing a place drawn
//! in a ring around it) and Sapporo (by ward, with the other places in a
//! column at the side). Data too large to draw is aggregated by 医療圏, and
//! the scene says so.
//!
//! Each level lays out its hospitals in its own submodule; what both levels
//! share (the filters, the node for a hospital, the ring) stays here, so the
//! submodules depend on this file and not on each other.

// Layout arithmetic turns small counts into coordinates.
#![allow(clippy::cast_precision_loss)]

mod aggregated;
mod declutter;
pub use declutter::{font_of as label_font, label_anchor, PLACE_FONT};
pub use sapporo::SIDE_X;

/// How many times their usual size 発表モード draws the map's labels: the
/// whole of Sapporo fits in about half a projector's height, so at the usual
/// size its names would be a few pixels high (about 15 px at 1280 × 720).
pub const SLIDE_LABEL_SCALE: f64 = 2.4;
mod edges;
mod hokkaido;
mod sapporo;
mod unions;

use std::f64::consts::{FRAC_PI_2, TAU};

use tsunagu_core::model::{
    Dataset, DesignationId, FacilityId, Hospital, HospitalId, UnionId, WardId,
};

use crate::i18n::Lang;
use crate::lookup::{hospital_label, union_name_in};
use crate::map::{Outline, Projection};

use aggregated::aggregated_scene;
use edges::add_edges;
use hokkaido::hokkaido_nodes;
use sapporo::sapporo_nodes;
use unions::place_unions_and_facilities;

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
    /// Which side of the node its label is drawn on: right, unless another
    /// label or node is in the way there (see [`LabelSide`]).
    pub label_side: LabelSide,
}

/// Where a node's label sits, as a cartographer places a point's name: to
/// the right where there is room, else to the left, on a diagonal, above
/// or below.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LabelSide {
    /// Starting just right of the node, on its centre line.
    #[default]
    Right,
    /// Ending just left of the node, on its centre line.
    Left,
    /// Starting at the node's upper right.
    UpperRight,
    /// Ending at the node's upper left.
    UpperLeft,
    /// Starting at the node's lower right.
    LowerRight,
    /// Ending at the node's lower left.
    LowerLeft,
    /// Centred over the node.
    Above,
    /// Centred under the node.
    Below,
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

/// A 振興局's or a named city's outline on the Hokkaido map.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneRegion {
    /// Its name.
    pub name: String,
    /// A city's JIS code; `None` for a 振興局.
    pub code: Option<String>,
    /// Its outline as an SVG path, in map units.
    pub d: String,
}

/// A ward's outline on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneArea {
    /// The ward.
    pub ward: WardId,
    /// Its JIS code (01101 …).
    pub code: String,
    /// Its name, in Japanese and in English.
    pub name: (String, String),
    /// Its outline as an SVG path, in map units.
    pub d: String,
    /// Its shade.
    pub fill: &'static str,
    /// Its 閲覧施設, as the report counts them.
    pub viewing: i64,
    /// 閲覧施設 per 100 institutions, where the report gives both.
    pub per_100: Option<f64>,
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
    /// Ward outlines under the nodes (the Sapporo level), shaded by 閲覧施設
    /// per 100 institutions.
    pub areas: Vec<SceneArea>,
    /// The 振興局 and the named cities (the Hokkaido level): outlines only.
    pub regions: Vec<SceneRegion>,
    /// Set when the data was too large and is drawn by region.
    pub aggregated: Option<Aggregated>,
    /// How many times their usual size the labels are drawn: 1 on the
    /// ネットワーク view; more on 発表モード's slides, where the whole map
    /// is drawn small and read from across a room. Labels are decluttered
    /// at this size, so bigger labels mean fewer at once.
    pub label_scale: f64,
}

impl Scene {
    /// The right edge, in map units, of the labels drawn at zoom 1 that
    /// start left of `x`: a picture cropped at `x` keeps at least this
    /// much, so that no name in it is cut off.
    pub fn labels_right(&self, x: f64) -> f64 {
        declutter::labels_right(self, x)
    }

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
    /// The language the nodes are named in: in English, the English names
    /// the data has for hospitals, unions and wards (facilities keep the
    /// report's). Named before the labels are decluttered, so that longer
    /// names make room for themselves.
    pub lang: Lang,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            designation: None,
            region: None,
            edges: [true; 4],
            as_of: None,
            lang: Lang::Ja,
        }
    }
}

/// Above these counts, records are aggregated by region instead of drawn.
pub const MAX_DRAWN_HOSPITALS: usize = 300;
/// See [`MAX_DRAWN_HOSPITALS`].
pub const MAX_DRAWN_FACILITIES: usize = 1_000;

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
    build_scene_with_labels(data, level, filters, outline, 1.0, &[])
}

/// [`build_scene`] with its labels drawn `label_scale` times their usual
/// size, and decluttered at that size (a scene too large to draw record by
/// record is drawn by region at the usual size). The labels of `first` are
/// placed before any other node's, so they are always shown.
pub fn build_scene_with_labels(
    data: &Dataset,
    level: Level,
    filters: &Filters,
    outline: Option<&Outline>,
    label_scale: f64,
    first: &[Item],
) -> Scene {
    if data.hospitals.len() > MAX_DRAWN_HOSPITALS || data.facilities.len() > MAX_DRAWN_FACILITIES {
        // Drawn by region, and not decluttered: its labels keep their size.
        let mut scene = aggregated_scene(data, filters);
        name_nodes(data, filters.lang, &mut scene);
        return scene;
    }
    let kept = kept(data, filters);
    let mut scene = match level {
        Level::Hokkaido => hokkaido_nodes(data, &kept, outline),
        Level::Sapporo => sapporo_nodes(data, &kept, filters.as_of.is_none(), outline),
    };
    place_unions_and_facilities(data, &kept, level, &mut scene);
    add_edges(data, filters, &mut scene);
    name_nodes(data, filters.lang, &mut scene);
    scene.label_scale = label_scale;
    declutter::declutter(&mut scene, first);
    scene
}

/// Names the scene's hospitals, unions, wards and places in `lang` (see
/// [`Filters::lang`]); in Japanese they keep the report's names.
fn name_nodes(data: &Dataset, lang: Lang, scene: &mut Scene) {
    if lang == Lang::Ja {
        return;
    }
    for node in &mut scene.nodes {
        let name = match &node.item {
            Item::Hospital(id) => data.hospital(id).map(|h| hospital_label(h, lang)),
            Item::Union(id) => Some(union_name_in(data, id, lang)),
            Item::Ward(id) => data
                .ward(id)
                .map(|w| w.name_en.clone())
                .filter(|name| !name.is_empty()),
            Item::Region(name) => Some(lang.place(name)),
            Item::Facility(_) => None,
        };
        if let Some(name) = name {
            node.label = name;
        }
    }
    for label in &mut scene.labels {
        label.text = lang.place(&label.text);
    }
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
        label_side: LabelSide::Right,
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

#[cfg(test)]
mod tests {
    use tsunagu_core::bundled::SAPPORO_JSON;
    use tsunagu_core::validate::load_dataset;

    use super::*;

    // The levels' tests in the submodules read the same data the same way.
    pub(super) fn bundled() -> Dataset {
        load_dataset(SAPPORO_JSON).expect("bundled").dataset
    }

    pub(super) fn count(scene: &Scene, pick: fn(&Item) -> bool) -> usize {
        scene.nodes.iter().filter(|n| pick(&n.item)).count()
    }

    #[test]
    fn in_english_hospitals_unions_and_wards_take_their_english_names() {
        let data = bundled();
        let label = |scene: &Scene, item: Item| {
            scene.nodes[scene.find(&item).expect("drawn")].label.clone()
        };
        let ja = build_scene(&data, Level::Sapporo, &Filters::default(), None);
        let en = build_scene(
            &data,
            Level::Sapporo,
            &Filters {
                lang: Lang::En,
                ..Filters::default()
            },
            None,
        );
        let hokudai = Item::Hospital(HospitalId::from("hokudai"));
        assert_eq!(label(&ja, hokudai.clone()), "北海道大学病院");
        assert_eq!(label(&en, hokudai), "Hokkaido University Hospital");
        let chuo = Item::Ward(WardId::from("chuo"));
        assert_eq!(label(&ja, chuo.clone()), "中央区");
        assert_eq!(label(&en, chuo), "Chuo");
        let ict = Item::Union(UnionId::from("hokudai-ict"));
        assert_eq!(label(&ja, ict.clone()), "ICTネットワーク");
        assert_eq!(label(&en, ict), "ICT Network");
        // Facilities have no English names in the report.
        let miki = Item::Facility(FacilityId::from("miki-family-clinic"));
        assert_eq!(label(&en, miki), "みきファミリークリニック");
        // Places, named by the report's regions and cities.
        let labels = |lang| {
            let filters = Filters {
                lang,
                ..Filters::default()
            };
            build_scene(&data, Level::Hokkaido, &filters, None)
                .labels
                .into_iter()
                .map(|l| l.text)
                .collect::<Vec<_>>()
        };
        let (places_ja, places_en) = (labels(Lang::Ja), labels(Lang::En));
        assert!(places_ja.contains(&"南渡島".to_owned()), "{places_ja:?}");
        assert!(
            places_en.contains(&"Minami-Oshima".to_owned()),
            "{places_en:?}"
        );
        assert!(places_en.contains(&"Tomakomai".to_owned()), "{places_en:?}");
        assert!(!places_en.iter().any(|p| p.contains('市')), "{places_en:?}");
        // The same nodes, in the same places.
        assert_eq!(ja.nodes.len(), en.nodes.len());
        assert!(ja
            .nodes
            .iter()
            .zip(&en.nodes)
            .all(|(a, b)| a.item == b.item && a.x.to_bits() == b.x.to_bits()));
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
}
