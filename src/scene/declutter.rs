//! Labels that never overlap at the default zoom: each label's box is
//! estimated from its text, and a label that would overlap one placed
//! before it is drawn only once zoomed in (or when its node is hovered,
//! focused, picked or found). Place names go first, then wards, 開示病院,
//! unions, other hospitals and facilities.

use super::{Item, Scene, SceneNode, Shape};

/// A label's box: left, top, right, bottom, in map units.
type Box = (f64, f64, f64, f64);

/// The font size of a node's label at zoom 1 and label scale 1 (as the map
/// draws it).
pub fn font_of(node: &SceneNode) -> f64 {
    if matches!(node.shape, Shape::Facility) {
        11.0
    } else {
        13.0
    }
}

/// The font size of a place name at zoom 1 and label scale 1.
pub const PLACE_FONT: f64 = 16.0;

/// A text's width at `font`: a wide character (kana, kanji, full-width
/// forms) about one em, the others about 0.62 em; rounded up, so that the
/// estimate errs on the side of room.
fn width(text: &str, font: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.04 } else { 0.64 })
        .sum::<f64>()
        * font
}

/// The box of a node's label, as the map draws it: from `r + 3` right of
/// the centre, on a baseline a third of the font below it.
fn node_box(node: &SceneNode, scale: f64) -> Box {
    let font = font_of(node) * scale;
    let text = match node.count {
        Some(n) => format!("{} {n}", node.label),
        None => node.label.clone(),
    };
    let (x, baseline) = (node.x + node.r + 3.0, node.y + font / 3.0);
    (
        x,
        baseline - font * 0.9,
        x + width(&text, font),
        baseline + font * 0.3,
    )
}

/// The box of a place name, drawn bold at 16 units from its left end.
fn place_box(label: &super::SceneLabel, scale: f64) -> Box {
    let (x, y, font) = (label.x, label.y, PLACE_FONT * scale);
    (
        x,
        y - font * 0.9,
        x + width(&label.text, font) * 1.05,
        y + font * 0.3,
    )
}

fn overlaps(a: Box, b: Box) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// How early a node's label claims its place.
fn rank(node: &SceneNode) -> u8 {
    match (&node.item, node.shape) {
        (Item::Ward(_) | Item::Region(_), _) => 0,
        (_, Shape::Disclosing) => 1,
        (Item::Union(_), _) => 2,
        (Item::Hospital(_), _) => 3,
        _ => 4,
    }
}

/// Moves every label that would overlap an earlier one or a node at zoom 1
/// (at the scene's label scale) to the zoom at which its node's labels are
/// drawn only on demand (2, or its own if later). The labels of `first` go
/// first and always stay.
pub(super) fn declutter(scene: &mut Scene, first: &[Item]) {
    for node in &mut scene.nodes {
        if first.contains(&node.item) {
            node.label_zoom = node.label_zoom.min(1.0);
        }
    }
    let scale = scene.label_scale;
    // Place names are drawn bold at [`PLACE_FONT`].
    let mut placed: Vec<Box> = scene.labels.iter().map(|l| place_box(l, scale)).collect();
    // Nor over a node: a name half under another node's circle is lost.
    // (A label starts right of its own node, so never meets it.)
    placed.extend(
        scene
            .nodes
            .iter()
            .map(|n| (n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r)),
    );
    let mut order: Vec<usize> = (0..scene.nodes.len())
        .filter(|&i| scene.nodes[i].label_zoom <= 1.0)
        .collect();
    tsunagu_core::order::sort_by_key(&mut order, |&i| {
        let node = &scene.nodes[i];
        let rank = if first.contains(&node.item) {
            0
        } else {
            1 + rank(node)
        };
        (rank, i)
    });
    for i in order {
        let node = &mut scene.nodes[i];
        let b = node_box(node, scale);
        // The names in `first` are shown whatever they cross (they are the
        // point of the picture); every other label then keeps off them.
        if !first.contains(&node.item) && placed.iter().any(|&p| overlaps(p, b)) {
            node.label_zoom = node.label_zoom.max(2.0);
        } else {
            placed.push(b);
        }
    }
}

/// The right edge of the labels drawn at zoom 1 that start left of `x`,
/// in map units (0 when none do).
pub(super) fn labels_right(scene: &Scene, x: f64) -> f64 {
    let scale = scene.label_scale;
    let places = scene.labels.iter().map(|l| place_box(l, scale));
    let nodes = scene
        .nodes
        .iter()
        .filter(|n| n.label_zoom <= 1.0)
        .map(|n| node_box(n, scale));
    places
        .chain(nodes)
        .filter(|b| b.0 < x)
        .map(|b| b.2)
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::hokkaido;
    use crate::scene::tests::bundled;
    use crate::scene::{build_scene_with_labels, Filters, Level, SLIDE_LABEL_SCALE};

    #[test]
    fn no_two_labels_drawn_at_zoom_one_overlap() {
        for level in [Level::Sapporo, Level::Hokkaido] {
            let mut counts = Vec::new();
            for scale in [1.0, 1.5, SLIDE_LABEL_SCALE] {
                let scene = build_scene_with_labels(
                    &bundled(),
                    level,
                    &Filters::default(),
                    hokkaido().as_ref(),
                    scale,
                    &[],
                );
                let mut shown: Vec<Box> =
                    scene.labels.iter().map(|l| place_box(l, scale)).collect();
                shown.extend(
                    scene
                        .nodes
                        .iter()
                        .filter(|n| n.label_zoom <= 1.0)
                        .map(|n| node_box(n, scale)),
                );
                for (a, x) in shown.iter().enumerate() {
                    for y in &shown[a + 1..] {
                        assert!(
                            !overlaps(*x, *y),
                            "{level:?} ×{scale}: {x:?} overlaps {y:?}"
                        );
                    }
                }
                // Nor does any label run over a node's circle.
                for n in &scene.nodes {
                    let circle = (n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r);
                    for b in shown.iter().skip(scene.labels.len()) {
                        assert!(
                            !overlaps(circle, *b),
                            "{level:?} ×{scale}: {b:?} over a node at {circle:?}"
                        );
                    }
                }
                counts.push(shown.len());
            }
            // Sapporo names its ten wards and most of its hospitals at once.
            let least = if level == Level::Sapporo { 15 } else { 5 };
            assert!(
                counts[0] >= least,
                "{level:?}: only {} labels shown",
                counts[0]
            );
            // Yet the ten wards are still named at 発表モード's size.
            if level == Level::Sapporo {
                assert!(
                    counts[2] >= 10,
                    "{level:?} on slides: only {} labels",
                    counts[2]
                );
            }
        }
    }

    #[test]
    fn a_crop_keeps_the_whole_of_every_name_that_starts_inside_it() {
        let mut scene = build_scene_with_labels(
            &bundled(),
            Level::Sapporo,
            &Filters::default(),
            hokkaido().as_ref(),
            2.0,
            &[],
        );
        let mut inside = scene.nodes[0].clone();
        inside.label = "北海道がんセンター連携システム".to_owned();
        inside.count = None;
        (inside.x, inside.r, inside.label_zoom) = (480.0, 4.0, 1.0);
        let mut outside = inside.clone();
        outside.x = 600.0;
        let mut hidden = inside.clone();
        (hidden.x, hidden.label_zoom) = (400.0, 2.0);
        scene.nodes = vec![inside, outside, hidden];
        scene.labels.clear();
        // Fifteen wide characters at 13 × 2 units each, from 4 + 3 right of
        // the centre: well past a crop at 500, and measured from the node
        // inside the crop, not the one right of it or the hidden one.
        let right = scene.labels_right(500.0);
        assert!(right >= 480.0 + 7.0 + 15.0 * 26.0, "{right}");
        // The node right of the crop would reach 120 units further.
        assert!(right < 600.0 + 7.0 + 15.0 * 26.0, "{right}");
        assert!((scene.labels_right(450.0) - 0.0).abs() < f64::EPSILON);
    }

    #[test]
    fn what_a_slide_is_about_is_named_first_and_still_overlaps_nothing() {
        let build = |first: &[Item]| {
            build_scene_with_labels(
                &bundled(),
                Level::Sapporo,
                &Filters::default(),
                hokkaido().as_ref(),
                SLIDE_LABEL_SCALE,
                first,
            )
        };
        let ntt = Item::Hospital(tsunagu_core::model::HospitalId("ntt".into()));
        let shown = |scene: &Scene, item: &Item| {
            scene
                .nodes
                .iter()
                .any(|n| &n.item == item && n.label_zoom <= 1.0)
        };
        // In the crowd of 中央区, NTT東日本札幌病院's name gives way at the
        // slides' size…
        assert!(!shown(&build(&[]), &ntt));
        // …unless the slide is about it.
        let scene = build(std::slice::from_ref(&ntt));
        assert!(shown(&scene, &ntt));
        // It may cross a circle, but no other name crosses it.
        let boxes: Vec<Box> = scene
            .nodes
            .iter()
            .filter(|n| n.label_zoom <= 1.0)
            .map(|n| node_box(n, SLIDE_LABEL_SCALE))
            .collect();
        for (a, x) in boxes.iter().enumerate() {
            for y in &boxes[a + 1..] {
                assert!(!overlaps(*x, *y), "{x:?} overlaps {y:?}");
            }
        }
    }

    #[test]
    fn wide_characters_take_more_room_than_narrow_ones() {
        assert!(width("北海道", 13.0) > width("KKR", 13.0));
        assert!(overlaps((0.0, 0.0, 10.0, 10.0), (5.0, 5.0, 15.0, 15.0)));
        assert!(!overlaps((0.0, 0.0, 10.0, 10.0), (10.0, 0.0, 20.0, 10.0)));
    }
}
