//! The picture of data too large to draw: one bubble per 医療圏, with the
//! links between regions summed.

use std::collections::BTreeMap;

use tsunagu_core::model::{Dataset, Hospital, HospitalId, LinkKind};

use super::{Aggregated, EdgeKind, Filters, Item, Scene, SceneEdge, SceneNode, Shape};

/// Too much to draw: one bubble per 医療圏, sized by its hospitals, with
/// links between regions summed.
pub(super) fn aggregated_scene(data: &Dataset, filters: &Filters) -> Scene {
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
        areas: Vec::new(),
        regions: Vec::new(),
        aggregated: Some(Aggregated {
            hospitals: data.hospitals.len(),
            unions: data.unions.len(),
            facilities: data.facilities.len(),
        }),
        label_scale: 1.0,
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
            label_side: super::LabelSide::Right,
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
    use tsunagu_core::synth::{synthesize, Scale};

    use crate::scene::{build_scene, Filters, Level};

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
