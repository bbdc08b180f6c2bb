//! Labels that never overlap at the default zoom: each label's box is
//! estimated from its text, and tried right of its node, then left, on
//! the four diagonals, above and below; a label with no free side is drawn only once zoomed in (or
//! when its node is hovered, focused, picked or found). Place names go
//! first, then wards, 開示病院, unions, other hospitals and facilities.

use super::{Item, LabelSide, Scene, SceneNode, Shape};

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

/// Where a node's label is drawn at `font`: the text's anchor point (its
/// baseline) and SVG `text-anchor`. Beside the node the label starts or
/// ends `r + 3` from the centre, on a baseline a third of the font below
/// it; above or below, it is centred `r + 3` clear of the circle; on a
/// diagonal, the box's nearest corner is `0.7 (r + 3)` across and down (or
/// up) from the centre, just clear of the circle.
pub fn label_anchor(node: &SceneNode, font: f64) -> (f64, f64, &'static str) {
    let gap = node.r + 3.0;
    let corner = gap * 0.7;
    let (x, y) = (node.x, node.y);
    match node.label_side {
        LabelSide::Right => (x + gap, y + font / 3.0, "start"),
        LabelSide::Left => (x - gap, y + font / 3.0, "end"),
        LabelSide::UpperRight => (x + corner, y - corner - font * 0.3, "start"),
        LabelSide::UpperLeft => (x - corner, y - corner - font * 0.3, "end"),
        LabelSide::LowerRight => (x + corner, y + corner + font * 0.9, "start"),
        LabelSide::LowerLeft => (x - corner, y + corner + font * 0.9, "end"),
        LabelSide::Above => (x, y - gap - font * 0.3, "middle"),
        LabelSide::Below => (x, y + gap + font * 0.9, "middle"),
    }
}

/// The box of a node's label, as the map draws it (see [`label_anchor`]).
fn node_box(node: &SceneNode, scale: f64) -> Box {
    let font = font_of(node) * scale;
    let text = match node.count {
        Some(n) => format!("{} {n}", node.label),
        None => node.label.clone(),
    };
    let w = width(&text, font);
    let (x, baseline, anchor) = label_anchor(node, font);
    let left = match anchor {
        "start" => x,
        "end" => x - w,
        _ => x - w / 2.0,
    };
    (left, baseline - font * 0.9, left + w, baseline + font * 0.3)
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

/// The places a label is tried in, in order: beside, on a diagonal,
/// then over and under.
const SIDES: [LabelSide; 8] = [
    LabelSide::Right,
    LabelSide::Left,
    LabelSide::UpperRight,
    LabelSide::UpperLeft,
    LabelSide::LowerRight,
    LabelSide::LowerLeft,
    LabelSide::Above,
    LabelSide::Below,
];

/// Whether a label's box is inside the map: not past its left, top or
/// bottom edge (a slide crops the map there). The right is left open: the
/// side column and a slide's crop make room for names that run on.
fn within(b: Box, height: f64) -> bool {
    b.0 >= 0.0 && b.1 >= 0.0 && b.3 <= height
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
    let (scale, height) = (scene.label_scale, scene.height);
    // Place names are drawn bold at [`PLACE_FONT`].
    let mut placed: Vec<Box> = scene.labels.iter().map(|l| place_box(l, scale)).collect();
    // Nor over a node: a name half under another node's circle is lost.
    // (Its own node's square is `placed[own + i]`: a label on a diagonal
    // sits in the square's corner, clear of the circle.)
    let own = placed.len();
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
        // The names in `first` are shown whatever they cross (they are the
        // point of the picture), right of their nodes; every other label
        // then keeps off them.
        if first.contains(&node.item) {
            node.label_side = LabelSide::Right;
            placed.push(node_box(node, scale));
            continue;
        }
        let free = SIDES.into_iter().find_map(|side| {
            node.label_side = side;
            let b = node_box(node, scale);
            let crosses = placed
                .iter()
                .enumerate()
                .any(|(k, &p)| k != own + i && overlaps(p, b));
            (!crosses && within(b, height)).then_some(b)
        });
        if let Some(b) = free {
            placed.push(b);
        } else {
            // Zoomed in, there is room again on the usual side.
            node.label_side = LabelSide::Right;
            node.label_zoom = node.label_zoom.max(2.0);
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
                // Nor past the map's left, top or bottom edge.
                for b in &shown {
                    assert!(
                        within(*b, scene.height),
                        "{level:?} ×{scale}: {b:?} off the map"
                    );
                }
                // Nor does any label run over a node's circle (its own
                // included): the box's nearest point to the centre lies
                // outside the circle.
                for n in &scene.nodes {
                    for b in shown.iter().skip(scene.labels.len()) {
                        let (dx, dy) = (n.x.clamp(b.0, b.2) - n.x, n.y.clamp(b.1, b.3) - n.y);
                        assert!(
                            dx.hypot(dy) >= n.r,
                            "{level:?} ×{scale}: {b:?} over the node at ({}, {}) r {}",
                            n.x,
                            n.y,
                            n.r
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
    fn every_disclosing_hospital_in_sapporo_is_named_at_zoom_one() {
        // 中央区 holds five hospitals in a ring, two of them 開示病院: with
        // every name right of its node, neither had room.
        let scene = build_scene_with_labels(
            &bundled(),
            Level::Sapporo,
            &Filters::default(),
            hokkaido().as_ref(),
            1.0,
            &[],
        );
        let disclosing: Vec<&SceneNode> = scene
            .nodes
            .iter()
            .filter(|n| n.shape == Shape::Disclosing)
            .collect();
        assert_eq!(disclosing.len(), 7);
        let unnamed: Vec<&str> = disclosing
            .iter()
            .filter(|n| n.label_zoom > 1.0)
            .map(|n| n.label.as_str())
            .collect();
        assert!(unnamed.is_empty(), "{unnamed:?}");
        // Some of them found room only on another side.
        assert!(disclosing.iter().any(|n| n.label_side != LabelSide::Right));
    }

    #[test]
    fn wide_characters_take_more_room_than_narrow_ones() {
        assert!(width("北海道", 13.0) > width("KKR", 13.0));
        assert!(overlaps((0.0, 0.0, 10.0, 10.0), (5.0, 5.0, 15.0, 15.0)));
        assert!(!overlaps((0.0, 0.0, 10.0, 10.0), (10.0, 0.0, 20.0, 10.0)));
    }
}
