//! The second pass: ids, references, months, dates, counts and positions in
//! a parsed dataset.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::problem::{CountRule, Problem, ProblemKind, Severity, Target};
use super::sources::visit_sources;
use super::totals::check_totals;
use crate::model::{Bound, CountReading, Dataset, Date, Month};

/// The ids of one kind of record, where each was first defined.
struct Ids<'a> {
    target: Target,
    /// Each id and the index of its first record. Hashed with foldhash, not
    /// `SipHash`: at national scale this map takes 180,000 facility ids, and
    /// a file that collides its own ids only slows its own loading.
    at: HashMap<&'a str, usize, FixedState>,
}

impl<'a> Ids<'a> {
    fn collect(
        target: Target,
        collection: &str,
        ids: impl ExactSizeIterator<Item = &'a str>,
        problems: &mut Vec<Problem>,
    ) -> Self {
        let mut at = HashMap::with_capacity_and_hasher(ids.len(), FixedState::default());
        for (i, id) in ids.enumerate() {
            match at.entry(id) {
                Entry::Occupied(first) => problems.push(Problem::error(
                    format!("/{collection}/{i}/id"),
                    ProblemKind::DuplicateId {
                        id: id.to_owned(),
                        first: format!("/{collection}/{}/id", first.get()),
                    },
                )),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
        Self { target, at }
    }

    /// Reports `id` as dangling at the pointer `at()` makes (made only then).
    fn check(&self, id: &str, at: impl FnOnce() -> String, problems: &mut Vec<Problem>) {
        if !self.at.contains_key(id) {
            problems.push(Problem::error(
                at(),
                ProblemKind::DanglingRef {
                    id: id.to_owned(),
                    target: self.target,
                },
            ));
        }
    }
}

/// Checks a parsed dataset: ids, references, months, dates, counts, positions
/// and printed totals.
///
/// # Complexity
/// Linear in the number of records.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let p = &mut problems;
    let refs = Refs {
        sections: Ids::collect(
            Target::Section,
            "sections",
            data.sections.iter().map(|s| s.id.as_str()),
            p,
        ),
        wards: Ids::collect(
            Target::Ward,
            "wards",
            data.wards.iter().map(|w| w.id.as_str()),
            p,
        ),
        hospitals: Ids::collect(
            Target::Hospital,
            "hospitals",
            data.hospitals.iter().map(|h| h.id.as_str()),
            p,
        ),
        unions: Ids::collect(
            Target::Union,
            "unions",
            data.unions.iter().map(|u| u.id.as_str()),
            p,
        ),
        facilities: Ids::collect(
            Target::Facility,
            "facilities",
            data.facilities.iter().map(|f| f.id.as_str()),
            p,
        ),
        designations: Ids::collect(
            Target::Designation,
            "designations",
            data.designations.iter().map(|d| d.id.as_str()),
            p,
        ),
    };
    Ids::collect(
        Target::Link,
        "links",
        data.links.iter().map(|l| l.id.as_str()),
        p,
    );
    Ids::collect(
        Target::Link,
        "union_links",
        data.union_links.iter().map(|l| l.id.as_str()),
        p,
    );
    Ids::collect(
        Target::Discrepancy,
        "discrepancies",
        data.discrepancies.iter().map(|d| d.id.as_str()),
        p,
    );

    // Most sources name the same few sections: skip the lookup for a
    // repeat of the last known one (hundreds of thousands at national scale).
    let mut known: &str = "";
    visit_sources(data, &mut |pointer, source| {
        let section = source.section.as_str();
        if section == known && !known.is_empty() {
            return;
        }
        if refs.sections.at.contains_key(section) {
            known = section;
        }
        refs.sections
            .check(section, || format!("{}/section", pointer()), p);
    });
    check_date(&data.meta.source_date, "/meta/source_date", p);
    check_wards(data, p);
    check_hospitals(data, &refs, p);
    check_unions(data, &refs, p);
    check_links_and_facilities(data, &refs, p);
    check_tables_and_council(data, &refs, p);

    // Totals are only worth comparing when the records they add up are sound.
    if !p.iter().any(|problem| problem.severity == Severity::Error) {
        check_totals(data, p);
    }
    problems
}

/// The ids every reference is checked against.
struct Refs<'a> {
    sections: Ids<'a>,
    wards: Ids<'a>,
    hospitals: Ids<'a>,
    unions: Ids<'a>,
    facilities: Ids<'a>,
    designations: Ids<'a>,
}

fn check_wards(data: &Dataset, p: &mut Vec<Problem>) {
    for (i, ward) in data.wards.iter().enumerate() {
        let at = format!("/wards/{i}");
        #[allow(clippy::cast_precision_loss)] // counts are far below 2^52
        for (key, value) in [
            ("area_km2", ward.area_km2),
            ("households", ward.households as f64),
            ("population", ward.population as f64),
            ("viewing_facilities", ward.viewing_facilities as f64),
        ] {
            check_non_negative(value, &format!("{at}/{key}"), p);
        }
        for (j, row) in ward.association_rows.iter().enumerate() {
            for (key, value) in [
                ("hospitals", row.hospitals),
                ("clinics", row.clinics),
                ("institutions", row.institutions),
                ("members", row.members),
            ] {
                check_count(value, &format!("{at}/association_rows/{j}/{key}"), p);
            }
        }
        check_coords(ward.coords.lat, ward.coords.lon, &format!("{at}/coords"), p);
    }
}

fn check_hospitals(data: &Dataset, refs: &Refs, p: &mut Vec<Problem>) {
    for (i, hospital) in data.hospitals.iter().enumerate() {
        let at = format!("/hospitals/{i}");
        if let Some(ward) = &hospital.ward {
            refs.wards.check(ward.as_str(), || format!("{at}/ward"), p);
        }
        if let Some(beds) = hospital.beds {
            check_count(beds, &format!("{at}/beds"), p);
        }
        for (j, reading) in hospital.linked_institutions.iter().enumerate() {
            check_reading(reading, &format!("{at}/linked_institutions/{j}"), p);
        }
        if let Some(month) = &hospital.idlink_go_live {
            check_month(month, &format!("{at}/idlink_go_live"), p);
        }
        for (j, claim) in hospital.designations.iter().enumerate() {
            if let Some(designation) = &claim.designation {
                refs.designations.check(
                    designation.as_str(),
                    || format!("{at}/designations/{j}/designation"),
                    p,
                );
            }
        }
        if let Some(coords) = &hospital.coords {
            check_coords(coords.lat, coords.lon, &format!("{at}/coords"), p);
        }
    }
}

fn check_unions(data: &Dataset, refs: &Refs, p: &mut Vec<Problem>) {
    for (i, union) in data.unions.iter().enumerate() {
        let at = format!("/unions/{i}");
        if union.hosts.is_empty() {
            p.push(Problem::error(format!("{at}/hosts"), ProblemKind::Empty));
        }
        for (j, host) in union.hosts.iter().enumerate() {
            refs.hospitals
                .check(host.as_str(), || format!("{at}/hosts/{j}"), p);
        }
        if let Some(month) = &union.founded {
            check_month(month, &format!("{at}/founded"), p);
        }
        for (j, count) in union.registered_facilities.iter().enumerate() {
            check_date(
                &count.as_of,
                &format!("{at}/registered_facilities/{j}/as_of"),
                p,
            );
            check_count(
                count.count,
                &format!("{at}/registered_facilities/{j}/count"),
                p,
            );
        }
        for (j, event) in union.history.iter().enumerate() {
            check_month(&event.month, &format!("{at}/history/{j}/month"), p);
        }
    }
}

fn check_links_and_facilities(data: &Dataset, refs: &Refs, p: &mut Vec<Problem>) {
    for (i, link) in data.union_links.iter().enumerate() {
        let at = format!("/union_links/{i}");
        refs.unions.check(link.a.as_str(), || format!("{at}/a"), p);
        refs.unions.check(link.b.as_str(), || format!("{at}/b"), p);
        if link.a == link.b {
            p.push(Problem::error(
                format!("{at}/b"),
                ProblemKind::SelfUnionLink,
            ));
        }
    }
    for (i, link) in data.links.iter().enumerate() {
        let at = format!("/links/{i}");
        refs.hospitals
            .check(link.from.as_str(), || format!("{at}/from"), p);
        refs.hospitals
            .check(link.to.as_str(), || format!("{at}/to"), p);
        if link.from == link.to {
            p.push(Problem::error(format!("{at}/to"), ProblemKind::SelfLink));
        }
    }

    for (i, facility) in data.facilities.iter().enumerate() {
        if let Some(date) = &facility.confirmed {
            check_date(date, &format!("/facilities/{i}/confirmed"), p);
        }
        if let Some(ward) = &facility.ward {
            refs.wards
                .check(ward.as_str(), || format!("/facilities/{i}/ward"), p);
        }
        for (j, membership) in facility.memberships.iter().enumerate() {
            refs.unions.check(
                membership.union.as_str(),
                || format!("/facilities/{i}/memberships/{j}/union"),
                p,
            );
        }
    }
}

fn check_tables_and_council(data: &Dataset, refs: &Refs, p: &mut Vec<Problem>) {
    for (i, listing) in data.designation_listings.iter().enumerate() {
        let at = format!("/designation_listings/{i}");
        refs.designations.check(
            listing.designation.as_str(),
            || format!("{at}/designation"),
            p,
        );
        refs.hospitals
            .check(listing.hospital.as_str(), || format!("{at}/hospital"), p);
    }
    for (i, ratio) in data.printed_ratios.iter().enumerate() {
        let at = format!("/printed_ratios/{i}");
        refs.designations.check(
            ratio.designation.as_str(),
            || format!("{at}/designation"),
            p,
        );
        check_count(ratio.on_idlink, &format!("{at}/on_idlink"), p);
        check_count(ratio.total, &format!("{at}/total"), p);
    }
    for (i, total) in data.printed_totals.iter().enumerate() {
        check_non_negative(total.value, &format!("/printed_totals/{i}/value"), p);
    }

    refs.hospitals.check(
        data.council.secretariat.as_str(),
        || "/council/secretariat".to_owned(),
        p,
    );
    check_date(&data.council.founded, "/council/founded", p);
    for (i, member) in data.council.members.iter().enumerate() {
        let at = format!("/council/members/{i}");
        if let Some(hospital) = &member.hospital {
            refs.hospitals
                .check(hospital.as_str(), || format!("{at}/hospital"), p);
        }
        if let Some(facility) = &member.facility {
            refs.facilities
                .check(facility.as_str(), || format!("{at}/facility"), p);
        }
        check_count(member.officers, &format!("{at}/officers"), p);
    }
    for (i, milestone) in data.milestones.iter().enumerate() {
        check_date(&milestone.date, &format!("/milestones/{i}/date"), p);
    }
}

fn check_month(month: &Month, pointer: &str, problems: &mut Vec<Problem>) {
    if month.parts().is_none() {
        problems.push(Problem::error(
            pointer,
            ProblemKind::BadMonth {
                value: month.0.clone(),
            },
        ));
    }
}

fn check_date(date: &Date, pointer: &str, problems: &mut Vec<Problem>) {
    if date.parts().is_none() {
        problems.push(Problem::error(
            pointer,
            ProblemKind::BadDate {
                value: date.0.clone(),
            },
        ));
    }
}

fn check_non_negative(value: f64, pointer: &str, problems: &mut Vec<Problem>) {
    if value < 0.0 {
        problems.push(Problem::error(pointer, ProblemKind::Negative { value }));
    }
}

#[allow(clippy::cast_precision_loss)] // counts are far below 2^52
fn check_count(value: i64, pointer: &str, problems: &mut Vec<Problem>) {
    check_non_negative(value as f64, pointer, problems);
}

fn check_reading(reading: &CountReading, pointer: &str, problems: &mut Vec<Problem>) {
    match (reading.bound, reading.value) {
        (Bound::Unknown, Some(_)) => problems.push(Problem::error(
            format!("{pointer}/value"),
            ProblemKind::CountBound {
                bound: Bound::Unknown,
                rule: CountRule::NoValue,
            },
        )),
        (Bound::Exact | Bound::AtLeast, None) => problems.push(Problem::error(
            format!("{pointer}/value"),
            ProblemKind::CountBound {
                bound: reading.bound,
                rule: CountRule::HasValue,
            },
        )),
        (_, Some(value)) => check_count(value, &format!("{pointer}/value"), problems),
        (Bound::Unknown, None) => {}
    }
}

fn check_coords(lat: f64, lon: f64, pointer: &str, problems: &mut Vec<Problem>) {
    if !((20.0..=46.0).contains(&lat) && (122.0..=154.0).contains(&lon)) {
        problems.push(Problem::error(
            pointer,
            ProblemKind::OutsideJapan { lat, lon },
        ));
    }
}
