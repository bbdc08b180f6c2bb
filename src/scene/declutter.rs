//! Labels that never overlap at the default zoom: each label's box is
//! estimated from its text, and a label that would overlap one placed
//! before it is drawn only once zoomed in (or when its node is hovered,
//! focused, picked or found). Place names go first, then wards, 開示病院,
//! unions, other hospitals and facilities.

use super::{Item, Scene, SceneNode, Shape};

/// A label's box: left, top, right, bottom, in map units.
type Box = (f64, f64, f64, f64);

/// The font size of a node's label at zoom 1 (as the map draws it).
fn font_of(node: &SceneNode) -> f64 {
    if matches!(node.shape, Shape::Facility) {
        11.0
    } else {
        13.0
    }
}

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
fn node_box(node: &SceneNode) -> Box {
    let font = font_of(node);
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
fn place_box(label: &super::SceneLabel) -> Box {
    let (x, y) = (label.x, label.y);
    (
        x,
        y - 16.0 * 0.9,
        x + width(&label.text, 16.0) * 1.05,
        y + 16.0 * 0.3,
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

/// Moves every label that would overlap an earlier one at zoom 1 to the
/// zoom at which its node's labels are drawn only on demand (2, or its own
/// if later).
pub(super) fn declutter(scene: &mut Scene) {
    // Place names are drawn bold at 16 units.
    let mut placed: Vec<Box> = scene.labels.iter().map(place_box).collect();
    let mut order: Vec<usize> = (0..scene.nodes.len())
        .filter(|&i| scene.nodes[i].label_zoom <= 1.0)
        .collect();
    tsunagu_core::order::sort_by_key(&mut order, |&i| (rank(&scene.nodes[i]), i));
    for i in order {
        let node = &mut scene.nodes[i];
        let b = node_box(node);
        if placed.iter().any(|&p| overlaps(p, b)) {
            node.label_zoom = node.label_zoom.max(2.0);
        } else {
            placed.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::hokkaido;
    use crate::scene::tests::bundled;
    use crate::scene::{build_scene, Filters, Level};

    #[test]
    fn no_two_labels_drawn_at_zoom_one_overlap() {
        for level in [Level::Sapporo, Level::Hokkaido] {
            let scene = build_scene(&bundled(), level, &Filters::default(), hokkaido().as_ref());
            let mut shown: Vec<Box> = scene.labels.iter().map(place_box).collect();
            shown.extend(
                scene
                    .nodes
                    .iter()
                    .filter(|n| n.label_zoom <= 1.0)
                    .map(node_box),
            );
            // Sapporo names its ten wards and most of its hospitals at once.
            let least = if level == Level::Sapporo { 15 } else { 5 };
            assert!(
                shown.len() >= least,
                "{level:?}: only {} labels shown",
                shown.len()
            );
            for (a, x) in shown.iter().enumerate() {
                for y in &shown[a + 1..] {
                    assert!(!overlaps(*x, *y), "{level:?}: {x:?} overlaps {y:?}");
                }
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
