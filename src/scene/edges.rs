//! The edges between placed nodes: hosting, membership, agreement and
//! ID-Link partner, each kept only if its kind is switched on.

use tsunagu_core::model::{Dataset, LinkKind};

use super::{EdgeKind, Filters, Item, Scene, SceneEdge};

pub(super) fn add_edges(data: &Dataset, filters: &Filters, scene: &mut Scene) {
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
