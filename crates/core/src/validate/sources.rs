//! Every source in a dataset, visited once, with a way to make its JSON
//! pointer only when a problem needs it.

use crate::model::{Dataset, Source};

/// Calls `visit` with every source in the dataset and a way to make its
/// pointer (made only for a problem, since there are hundreds of thousands).
pub(super) fn visit_sources<'a>(
    data: &'a Dataset,
    visit: &mut dyn FnMut(&dyn Fn() -> String, &'a Source),
) {
    for (i, ward) in data.wards.iter().enumerate() {
        for (j, s) in ward.sources.iter().enumerate() {
            visit(&|| format!("/wards/{i}/sources/{j}"), s);
        }
    }
    for (i, h) in data.hospitals.iter().enumerate() {
        for (j, s) in h.sources.iter().enumerate() {
            visit(&|| format!("/hospitals/{i}/sources/{j}"), s);
        }
        for (j, r) in h.linked_institutions.iter().enumerate() {
            visit(
                &|| format!("/hospitals/{i}/linked_institutions/{j}/source"),
                &r.source,
            );
        }
        for (j, c) in h.designations.iter().enumerate() {
            visit(
                &|| format!("/hospitals/{i}/designations/{j}/source"),
                &c.source,
            );
        }
    }
    for (i, u) in data.unions.iter().enumerate() {
        for (j, s) in u.sources.iter().enumerate() {
            visit(&|| format!("/unions/{i}/sources/{j}"), s);
        }
        for (j, c) in u.registered_facilities.iter().enumerate() {
            visit(
                &|| format!("/unions/{i}/registered_facilities/{j}/source"),
                &c.source,
            );
        }
        for (j, e) in u.history.iter().enumerate() {
            visit(&|| format!("/unions/{i}/history/{j}/source"), &e.source);
        }
        for (j, h) in u.how_to_join.iter().enumerate() {
            visit(&|| format!("/unions/{i}/how_to_join/{j}/source"), &h.source);
        }
    }
    visit_table_sources(data, visit);
}

/// The sources of links, facilities, the tables, the council and the rest.
fn visit_table_sources<'a>(
    data: &'a Dataset,
    visit: &mut dyn FnMut(&dyn Fn() -> String, &'a Source),
) {
    for (i, l) in data.links.iter().enumerate() {
        visit(&|| format!("/links/{i}/source"), &l.source);
    }
    for (i, l) in data.union_links.iter().enumerate() {
        visit(&|| format!("/union_links/{i}/source"), &l.source);
    }
    for (i, f) in data.facilities.iter().enumerate() {
        for (j, s) in f.sources.iter().enumerate() {
            visit(&|| format!("/facilities/{i}/sources/{j}"), s);
        }
        for (j, m) in f.memberships.iter().enumerate() {
            visit(
                &|| format!("/facilities/{i}/memberships/{j}/source"),
                &m.source,
            );
        }
    }
    for (i, l) in data.designation_listings.iter().enumerate() {
        visit(&|| format!("/designation_listings/{i}/source"), &l.source);
    }
    for (i, r) in data.printed_ratios.iter().enumerate() {
        visit(&|| format!("/printed_ratios/{i}/source"), &r.source);
    }
    for (i, t) in data.printed_totals.iter().enumerate() {
        visit(&|| format!("/printed_totals/{i}/source"), &t.source);
    }
    for (j, s) in data.council.sources.iter().enumerate() {
        visit(&|| format!("/council/sources/{j}"), s);
    }
    for (i, m) in data.milestones.iter().enumerate() {
        visit(&|| format!("/milestones/{i}/source"), &m.source);
    }
    for (i, d) in data.discrepancies.iter().enumerate() {
        for (j, r) in d.readings.iter().enumerate() {
            visit(
                &|| format!("/discrepancies/{i}/readings/{j}/source"),
                &r.source,
            );
        }
    }
}
