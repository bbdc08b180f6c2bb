//! The Hokkaido level: hospitals true to geography, those sharing a place
//! ringed round it, the place's name always shown.

use std::collections::BTreeMap;

use tsunagu_core::model::{Dataset, Hospital};

use super::{default_projection, hospital_node, ring, Kept, Scene, SceneLabel, SceneRegion};
use crate::map::{Outline, SAPPORO_CENTRE};

/// Where a hospital is, for grouping: Sapporo (any ward), a set of
/// coordinates, or unknown.
fn place_of(hospital: &Hospital) -> Option<(f64, f64)> {
    if hospital.ward.is_some() {
        return Some(SAPPORO_CENTRE);
    }
    hospital.coords.as_ref().map(|c| (c.lat, c.lon))
}

/// Hospitals by place: the place's latitude and longitude (if known) and
/// the hospitals' indices.
type Places = BTreeMap<String, (Option<(f64, f64)>, Vec<usize>)>;

pub(super) fn hokkaido_nodes(data: &Dataset, kept: &Kept, outline: Option<&Outline>) -> Scene {
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
        areas: Vec::new(),
        regions: crate::map::hokkaido_regions()
            .map(|r| region_outlines(&r, &projection))
            .unwrap_or_default(),
        aggregated: None,
        label_scale: 1.0,
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
        // A hospital in a ward is named by its city (札幌市), as the data
        // writes it; elsewhere by its region, which the report names.
        let name = if first.ward.is_some() {
            first.city.clone().unwrap_or_else(|| "?".to_owned())
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

/// The 振興局 and the named cities as paths in the map's projection.
fn region_outlines(
    regions: &crate::map::Regions,
    projection: &crate::map::Projection,
) -> Vec<SceneRegion> {
    regions
        .regions
        .iter()
        .chain(&regions.cities)
        .map(|area| {
            let d = crate::map::rings_path(&area.rings, |[lon, lat]| projection.project(lat, lon));
            SceneRegion {
                name: area.name.clone(),
                code: area.code.clone(),
                d,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use tsunagu_core::model::HospitalId;

    use crate::map::hokkaido;
    use crate::scene::tests::{bundled, count};
    use crate::scene::{build_scene, Filters, Item, Level};

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
}
