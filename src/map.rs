//! Hokkaido's outline and the map projections the network and growth views
//! share.
//!
//! The outline is `assets/map/hokkaido.json`, reduced from Natural Earth by
//! `scripts/map-outline.mjs` at build time and carried by the page
//! ([`crate::page_data`]): the app never fetches map data. Hokkaido is drawn in the asset's projection; Sapporo's
//! detail uses the same formula over the wards' bounding box.

use serde::Deserialize;

use crate::page_data::PageData;

/// An equirectangular projection with x stretched by `cos` of a middle
/// latitude, so that shapes are true there.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct Projection {
    /// Longitude at x = 0.
    pub west: f64,
    /// Latitude at y = 0.
    pub north: f64,
    /// The cosine of the latitude where shapes are true.
    pub cos: f64,
    /// Map units per degree of latitude.
    pub scale: f64,
}

impl Projection {
    /// Map coordinates of a point.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            (lon - self.west) * self.cos * self.scale,
            (self.north - lat) * self.scale,
        )
    }

    /// A projection that fits the box `[west, east] × [south, north]` into
    /// `width` map units, with the same stretch as `self`. Returns it and the
    /// height it needs.
    pub fn fitting(&self, west: f64, east: f64, south: f64, north: f64, width: f64) -> (Self, f64) {
        let scale = width / ((east - west).max(1e-6) * self.cos);
        let projection = Self {
            west,
            north,
            cos: self.cos,
            scale,
        };
        (projection, (north - south) * scale)
    }
}

/// Hokkaido's outline in map units.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Outline {
    /// Where the shape comes from.
    pub source: String,
    /// How latitudes and longitudes become map units.
    pub projection: Projection,
    /// The map's width.
    pub width: f64,
    /// The map's height.
    pub height: f64,
    /// SVG path data, one closed ring per island.
    pub paths: Vec<String>,
}

/// The embedded outline, or `None` if the asset does not parse (a test makes
/// sure it does).
pub fn hokkaido() -> Option<Outline> {
    serde_json::from_str(&PageData::Hokkaido.text()?).ok()
}

/// One of Sapporo's wards as the boundary data draws it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct WardShape {
    /// Its JIS municipality code (01101 … 01110).
    pub code: String,
    /// Its name (中央区).
    pub name: String,
    /// Its outline: rings of `[lon, lat]`.
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// Sapporo's wards, with the credit line the data requires wherever it is
/// shown.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct WardShapes {
    /// The credit, in Japanese (as 国土交通省 words it).
    pub credit_ja: String,
    /// The credit, in English.
    pub credit_en: String,
    /// The ten wards, by code.
    pub wards: Vec<WardShape>,
}

/// A 振興局 or a city of Hokkaido as the boundary data draws it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Area {
    /// Its JIS code (cities only).
    #[serde(default)]
    pub code: Option<String>,
    /// Its name (石狩振興局, 函館市).
    pub name: String,
    /// Its outline: rings of `[lon, lat]`.
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// Hokkaido's 14 振興局 and the cities the report names, with the credit
/// line the data requires.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Regions {
    /// The credit, in Japanese.
    pub credit_ja: String,
    /// The credit, in English.
    pub credit_en: String,
    /// The 振興局.
    pub regions: Vec<Area>,
    /// 函館市, 北斗市, 釧路市 and 苫小牧市.
    pub cities: Vec<Area>,
}

/// Hokkaido's regions and named cities as the page carries them.
pub fn hokkaido_regions() -> Option<Regions> {
    serde_json::from_str(&PageData::Regions.text()?).ok()
}

/// Rings of `[lon, lat]` as one SVG path, each point placed by `project`.
pub fn rings_path(rings: &[Vec<[f64; 2]>], project: impl Fn([f64; 2]) -> (f64, f64)) -> String {
    use std::fmt::Write as _;
    let mut d = String::new();
    for ring in rings {
        for (i, point) in ring.iter().enumerate() {
            let (x, y) = project(*point);
            let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { 'M' } else { 'L' });
        }
        d.push('Z');
    }
    d
}

/// The credit line 国土交通省 requires wherever its boundary data is shown,
/// in the UI's language.
pub fn n03_credit(lang: crate::i18n::Lang) -> String {
    sapporo_wards()
        .map(|s| {
            if lang == crate::i18n::Lang::En {
                s.credit_en
            } else {
                s.credit_ja
            }
        })
        .unwrap_or_default()
}

/// Sapporo's wards as the page carries them, or `None` if it lacks them.
pub fn sapporo_wards() -> Option<WardShapes> {
    serde_json::from_str(&PageData::Wards.text()?).ok()
}

/// The shades of a ward choropleth, lightest first: five classes.
pub const SHADES: [&str; 5] = ["#e8f0f9", "#bcd4ec", "#86b3dc", "#4a86bf", "#1d568f"];
/// A ward the report gives no figure for.
pub const NO_FIGURE: &str = "#d6d6d6";
/// Quantile classes: the figures sorted, and each figure's class by its
/// rank, so that each shade holds about as many wards (ten wards, two to a
/// shade). Equal-width classes would put nine of Sapporo's wards in one
/// shade, since 手稲区 stands far above the rest.
pub struct Classes {
    sorted: Vec<f64>,
}

impl Classes {
    /// The classes of these figures.
    pub fn of(figures: &[f64]) -> Self {
        let mut sorted = figures.to_vec();
        tsunagu_core::order::sort_by(&mut sorted, f64::total_cmp);
        Self { sorted }
    }

    /// The class of `value` (one of the figures): its rank's fifth.
    pub fn class(&self, value: f64) -> usize {
        let rank = self.sorted.partition_point(|v| *v < value);
        (rank * SHADES.len() / self.sorted.len().max(1)).min(SHADES.len() - 1)
    }

    /// Each class's lowest and highest figure; `None` for an empty class.
    pub fn ranges(&self) -> Vec<Option<(f64, f64)>> {
        (0..SHADES.len())
            .map(|c| {
                let members: Vec<f64> = self
                    .sorted
                    .iter()
                    .copied()
                    .filter(|v| self.class(*v) == c)
                    .collect();
                Some((*members.first()?, *members.last()?))
            })
            .collect()
    }
}

/// 札幌市役所, the centre of the Sapporo cluster on the Hokkaido map.
pub const SAPPORO_CENTRE: (f64, f64) = (43.0621, 141.3544);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_figures_make_five_classes_of_two() {
        // Sapporo's 閲覧施設 per 100 institutions, as the 地域 table prints them.
        let figures = [11.7, 9.1, 11.7, 2.8, 3.6, 3.0, 1.6, 1.4, 15.2, 56.0];
        let classes = Classes::of(&figures);
        let class_of = |v: f64| classes.class(v);
        assert_eq!(class_of(1.4), 0);
        assert_eq!(class_of(1.6), 0);
        assert_eq!(class_of(2.8), 1);
        assert_eq!(class_of(3.0), 1);
        assert_eq!(class_of(3.6), 2);
        assert_eq!(class_of(9.1), 2);
        assert_eq!(class_of(11.7), 3, "a tie shares its class");
        assert_eq!(class_of(15.2), 4);
        assert_eq!(class_of(56.0), 4);
        assert_eq!(classes.ranges()[4], Some((15.2, 56.0)));
    }

    #[test]
    fn hokkaido_has_fourteen_regions_and_the_four_cities_the_report_names() {
        let regions = hokkaido_regions().expect("the asset parses");
        assert_eq!(regions.regions.len(), 14);
        assert!(regions.regions.iter().any(|r| r.name == "石狩振興局"));
        let cities: Vec<&str> = regions.cities.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(cities, ["函館市", "釧路市", "苫小牧市", "北斗市"]);
        for area in regions.regions.iter().chain(&regions.cities) {
            assert!(!area.rings.is_empty(), "{}", area.name);
            for ring in &area.rings {
                // 根室振興局 reaches 149°E with the islands N03 counts in it.
                assert!(ring
                    .iter()
                    .all(|[lon, lat]| (139.0..149.5).contains(lon) && (41.0..46.0).contains(lat)));
            }
        }
    }

    #[test]
    fn the_ward_shapes_are_sapporos_ten_with_their_credit() {
        let shapes = sapporo_wards().expect("the asset parses");
        let codes: Vec<&str> = shapes.wards.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "01101", "01102", "01103", "01104", "01105", "01106", "01107", "01108", "01109",
                "01110"
            ]
        );
        assert!(shapes.credit_ja.contains("国土数値情報"));
        // Every ring closes near Sapporo (42.7–43.2°N, 140.9–141.6°E).
        for ward in &shapes.wards {
            for ring in &ward.rings {
                assert!(ring.len() > 3, "{}", ward.name);
                assert!(ring
                    .iter()
                    .all(|[lon, lat]| (140.9..141.6).contains(lon) && (42.7..43.2).contains(lat)));
            }
        }
    }

    #[test]
    fn the_outline_holds_hokkaido_and_the_cities_fall_inside_the_map() {
        let outline = hokkaido().expect("the asset parses");
        assert!(!outline.paths.is_empty());
        assert!(outline
            .paths
            .iter()
            .all(|p| p.starts_with('M') && p.ends_with('Z')));
        // Independent truth: these cities' places, from any atlas.
        for (name, lat, lon) in [
            ("Sapporo", 43.06, 141.35),
            ("Hakodate", 41.77, 140.73),
            ("Kushiro", 42.98, 144.38),
            ("Wakkanai", 45.42, 141.67),
            ("Nemuro", 43.33, 145.58),
        ] {
            let (x, y) = outline.projection.project(lat, lon);
            assert!(
                (0.0..=outline.width).contains(&x) && (0.0..=outline.height).contains(&y),
                "{name} at ({x}, {y}) is off the map"
            );
        }
        // Wakkanai is north of Sapporo, and Kushiro east of it.
        let sapporo = outline.projection.project(43.06, 141.35);
        assert!(outline.projection.project(45.42, 141.67).1 < sapporo.1);
        assert!(outline.projection.project(42.98, 144.38).0 > sapporo.0);
    }
}
