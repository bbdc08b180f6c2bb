//! The Sapporo level: ward bubbles sized by 閲覧施設, hospitals ringed round
//! their ward, the places outside Sapporo stacked in a column at the side.

use std::collections::BTreeMap;

use tsunagu_core::model::Dataset;

use super::{
    default_projection, hospital_node, ring, Item, Kept, Scene, SceneArea, SceneLabel, SceneNode,
    Shape,
};
use crate::map::{Classes, Outline, NO_FIGURE, SHADES};

/// Sapporo's side column starts here, right of the wards (drawn within
/// `SIDE_X - 40`).
pub const SIDE_X: f64 = 1_010.0;

pub(super) fn sapporo_nodes(
    data: &Dataset,
    kept: &Kept,
    with_counts: bool,
    outline: Option<&Outline>,
) -> Scene {
    let base = outline.map_or_else(default_projection, |o| o.projection);
    let shapes = crate::map::sapporo_wards();
    let (projection, height) = fit(data, shapes.as_ref(), &base);
    let mut scene = Scene {
        width: SIDE_X + 250.0,
        height: height.max(640.0),
        outline: false,
        nodes: Vec::new(),
        edges: Vec::new(),
        labels: Vec::new(),
        areas: Vec::new(),
        regions: Vec::new(),
        aggregated: None,
        label_scale: 1.0,
    };
    if let Some(shapes) = &shapes {
        scene.areas = ward_areas(data, shapes, &projection, with_counts);
    }
    let mut ward_places: BTreeMap<&str, (f64, f64, f64)> = BTreeMap::new();
    for ward in &data.wards {
        let (x, y) = projection.project(ward.coords.lat, ward.coords.lon);
        // On a timeline the counts (as of the report) would be anachronistic.
        // Drawn over its outline, a ward is a dot with its name and count.
        let r = if shapes.is_some() {
            6.0
        } else if with_counts {
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
            label_side: super::LabelSide::Right,
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
        // In a crowded ward (中央区 has five) the labels find their own
        // sides, 開示病院 first, and the rest wait for a zoom (declutter).
        for (k, &i) in members.iter().enumerate() {
            let (x, y) = ring(cx, cy, r + 12.0, members.len(), k);
            scene.nodes.push(hospital_node(
                &data.hospitals[i],
                x,
                y,
                !kept.pending.contains(&i),
            ));
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

/// The projection of the ward area, and its height: the wards' outlines when
/// there are any, else their centres with a margin.
fn fit(
    data: &Dataset,
    shapes: Option<&crate::map::WardShapes>,
    base: &crate::map::Projection,
) -> (crate::map::Projection, f64) {
    let lats = data.wards.iter().map(|w| w.coords.lat);
    let lons = data.wards.iter().map(|w| w.coords.lon);
    let (south, north) = lats.fold((90.0_f64, -90.0_f64), |(a, b), v| (a.min(v), b.max(v)));
    let (west, east) = lons.fold((180.0_f64, -180.0_f64), |(a, b), v| (a.min(v), b.max(v)));
    // With the wards' outlines, the map fits them, but for 南区's
    // mountains far to the south-west, which are cut off a little below
    // its hospitals.
    let (west, east, south, north, pad) = match shapes {
        Some(shapes) => {
            let points = shapes.wards.iter().flat_map(|w| w.rings.iter().flatten());
            let (w, e, s, n) = points.fold(
                (180.0_f64, -180.0_f64, 90.0_f64, -90.0_f64),
                |(w, e, s, n), [lon, lat]| (w.min(*lon), e.max(*lon), s.min(*lat), n.max(*lat)),
            );
            (w.max(west - 0.1), e, s.max(south - 0.06), n, 0.01)
        }
        None => (west, east, south, north, 0.045),
    };
    base.fitting(
        west - pad,
        east + pad,
        south - pad,
        north + pad,
        SIDE_X - 40.0,
    )
}

/// The wards' outlines in map units, matched to the data's wards by name,
/// shaded by 閲覧施設 per 100 institutions (quantile classes), or plain on a
/// timeline, where counts as of the report would be anachronistic.
fn ward_areas(
    data: &Dataset,
    shapes: &crate::map::WardShapes,
    projection: &crate::map::Projection,
    with_counts: bool,
) -> Vec<SceneArea> {
    let stats = tsunagu_core::stats::dataset_stats(data);
    let per_100 = |name: &str| {
        stats
            .wards
            .iter()
            .find(|w| w.name == name)
            .and_then(|w| w.viewing_per_100_institutions)
    };
    let figures: Vec<f64> = data.wards.iter().filter_map(|w| per_100(&w.name)).collect();
    let classes = Classes::of(&figures);
    shapes
        .wards
        .iter()
        .filter_map(|shape| {
            let ward = data.wards.iter().find(|w| w.name == shape.name)?;
            let d = crate::map::rings_path(&shape.rings, |[lon, lat]| projection.project(lat, lon));
            let figure = per_100(&ward.name);
            let fill = match (with_counts, figure) {
                (true, Some(v)) => SHADES[classes.class(v)],
                (true, None) => NO_FIGURE,
                (false, _) => PLAIN,
            };
            Some(SceneArea {
                ward: ward.id.clone(),
                code: shape.code.clone(),
                name: (ward.name.clone(), ward.name_en.clone()),
                d,
                fill,
                viewing: ward.viewing_facilities,
                per_100: figure,
            })
        })
        .collect()
}

/// A ward on a timeline, not shaded.
const PLAIN: &str = "#eef2f6";

#[cfg(test)]
mod tests {
    use crate::map::hokkaido;
    use crate::scene::tests::{bundled, count};
    use crate::scene::{build_scene, EdgeKind, Filters, Item, Level};

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
}
