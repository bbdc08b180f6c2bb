//! Where unions and facilities go, at either level: unions beside their
//! hosts, facilities round their ward or their first union.

use std::collections::BTreeMap;

use tsunagu_core::model::Dataset;

use super::{ring, Item, Kept, Level, Scene, SceneNode, Shape};
use crate::map::SAPPORO_CENTRE;

/// Unions go beside their hosts, facilities round their ward or first union.
pub(super) fn place_unions_and_facilities(
    data: &Dataset,
    kept: &Kept,
    level: Level,
    scene: &mut Scene,
) {
    let centre_of = |scene: &Scene, i: usize| {
        let (x, y) = (scene.nodes[i].x, scene.nodes[i].y);
        // The point the node was ringed around: its ward, or Sapporo's centre.
        match (&scene.nodes[i].item, level) {
            (Item::Hospital(id), Level::Sapporo) => data
                .hospital(id)
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
            label_side: super::LabelSide::Right,
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
                label_side: super::LabelSide::Right,
            });
        }
    }
}
