//! Edits the council makes in the データ view: facilities (with their
//! memberships), unions and links added, changed or removed, and hospitals
//! added or changed. Each edit is
//! checked by the same validation as an import; a rejected edit changes
//! nothing.

use crate::model::{
    Bound, CountReading, Dataset, Facility, FacilityId, Hospital, Link, LinkId, Month, SectionId,
    Source, Union, UnionId,
};
use crate::validate::{validate, Problem, Severity};

/// The section that sources records entered by hand.
pub const EDIT_SECTION: &str = "edit";

/// One edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds a facility, or replaces the one with its id.
    PutFacility(Facility),
    /// Removes a facility.
    RemoveFacility(FacilityId),
    /// Adds a union, or replaces the one with its id.
    PutUnion(Union),
    /// Removes a union and every membership of it.
    RemoveUnion(UnionId),
    /// Adds a link, or replaces the one with its id.
    PutLink(Link),
    /// Removes a link.
    RemoveLink(LinkId),
    /// Adds a hospital, or replaces the one with its id. (No removal: a
    /// hospital is referred to by unions, links and the report's tables.)
    PutHospital(Hospital),
}

/// FNV-1a, 64 bits: a tiny hash, stable across platforms and builds, for
/// ids made from names and for fingerprints (not for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A new id: `prefix` and a stable hash of `seed`, with `-2`, `-3`, … added
/// until `taken` says it is free. Ids stay ASCII, so they fit in links.
pub fn new_id(prefix: &str, seed: &str, taken: &dyn Fn(&str) -> bool) -> String {
    let hash = fnv1a(seed.as_bytes());
    let base = format!("{prefix}-{:08x}", hash >> 32);
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A source for a record entered by hand.
pub fn edit_source() -> Source {
    Source {
        section: SectionId(EDIT_SECTION.to_owned()),
        quote: None,
    }
}

/// A count typed by hand, as the report prints one: digits, with or
/// without thousands' commas, full-width or not, and 「以上」 after a lower
/// bound (`"1,714"`, `"３００以上"`). `None` for anything else, or a count
/// too large to be one.
pub fn typed_count(text: &str, source: Source) -> Option<CountReading> {
    let text = text.trim();
    let (digits, bound) = match text.strip_suffix(crate::text::AT_LEAST) {
        Some(rest) => (rest.trim_end(), Bound::AtLeast),
        None => (text, Bound::Exact),
    };
    let mut value: i64 = 0;
    let mut seen = false;
    for c in digits.chars() {
        let digit = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            '０'..='９' => u32::from(c) - u32::from('０'),
            ',' | '，' if seen => continue,
            _ => return None,
        };
        value = value.checked_mul(10)?.checked_add(i64::from(digit))?;
        seen = true;
    }
    seen.then(|| CountReading {
        as_written: text.to_owned(),
        value: Some(value),
        bound,
        source,
    })
}

/// A month typed by hand, as people write one: `2023-05`, `2023-5`,
/// `2023/5`, `2023.5` or `2023年5月`, full-width digits or not; written
/// back as the data's `YYYY-MM`. `None` for anything else, or a month
/// [`Month::parts`] refuses.
pub fn typed_month(text: &str) -> Option<Month> {
    let text = text.trim();
    let text = text.strip_suffix(crate::text::MONTH).unwrap_or(text);
    let (year, month) = text
        .split_once(['-', '/', '.', '－', '／', '．', crate::text::YEAR])
        .map(|(y, m)| (y.trim(), m.trim()))?;
    let digits = |part: &str, most: usize| -> Option<u32> {
        let mut value = 0;
        for (i, c) in part.chars().enumerate() {
            let digit = match c {
                '0'..='9' => u32::from(c) - u32::from('0'),
                '０'..='９' => u32::from(c) - u32::from('０'),
                _ => return None,
            };
            if i >= most {
                return None;
            }
            value = value * 10 + digit;
        }
        (!part.is_empty()).then_some(value)
    };
    let year = digits(year, 4).filter(|y| *y >= 1000)?;
    let month = digits(month, 2)?;
    let typed = Month(format!("{year:04}-{month:02}"));
    typed.parts().map(|_| typed)
}

fn put<T, K: PartialEq>(list: &mut Vec<T>, record: T, key: impl Fn(&T) -> &K) {
    match list.iter().position(|r| key(r) == key(&record)) {
        Some(i) => list[i] = record,
        None => list.push(record),
    }
}

/// The dataset with `edit` applied.
///
/// # Errors
/// Every validation error the edited dataset would have; warnings (printed
/// totals that no longer add up) do not stop an edit.
pub fn apply_edit(data: &Dataset, edit: &Edit) -> Result<Dataset, Vec<Problem>> {
    let mut next = data.clone();
    let (heading, title) = crate::text::typed_in_section();
    next.ensure_section(EDIT_SECTION, heading, title, 999);
    match edit.clone() {
        Edit::PutFacility(facility) => put(&mut next.facilities, facility, |f| &f.id),
        Edit::RemoveFacility(id) => {
            next.facilities.retain(|f| f.id != id);
            for member in &mut next.council.members {
                if member.facility.as_ref() == Some(&id) {
                    member.facility = None;
                }
            }
        }
        Edit::PutUnion(union) => put(&mut next.unions, union, |u| &u.id),
        Edit::RemoveUnion(id) => {
            next.unions.retain(|u| u.id != id);
            for facility in &mut next.facilities {
                facility.memberships.retain(|m| m.union != id);
            }
        }
        Edit::PutLink(link) => put(&mut next.links, link, |l| &l.id),
        Edit::RemoveLink(id) => next.links.retain(|l| l.id != id),
        Edit::PutHospital(hospital) => put(&mut next.hospitals, hospital, |h| &h.id),
    }
    let errors: Vec<Problem> = validate(&next)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        Ok(next)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_count_reads_as_the_report_prints_counts() {
        let read = |t: &str| typed_count(t, edit_source()).map(|r| (r.value, r.bound));
        assert_eq!(read("1,714"), Some((Some(1714), Bound::Exact)));
        assert_eq!(read(" ３００以上 "), Some((Some(300), Bound::AtLeast)));
        assert_eq!(read("0"), Some((Some(0), Bound::Exact)));
        assert_eq!(
            typed_count("1,714", edit_source()).map(|r| r.as_written),
            Some("1,714".to_owned())
        );
        for bad in ["", "以上", ",5", "12a", "-3", "1.5", "99999999999999999999"] {
            assert_eq!(read(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_typed_month_reads_as_people_write_months() {
        let read = |t: &str| typed_month(t).map(|m| m.0);
        for (typed, month) in [
            ("2023-05", "2023-05"),
            ("2023-5", "2023-05"),
            (" 2023/5 ", "2023-05"),
            ("2023.12", "2023-12"),
            ("2023年5月", "2023-05"),
            ("２０２３／０５", "2023-05"),
        ] {
            assert_eq!(read(typed).as_deref(), Some(month), "{typed:?}");
        }
        for bad in [
            "", "2023", "2023-13", "2023-0", "23-05", "2023-005", "2023-5-1", "May 2023",
            "1899-12", "2023年", "12345-01",
        ] {
            assert_eq!(read(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_hospital_can_start_disclosing_and_host_a_new_union() {
        let data = crate::validate::load_dataset(crate::bundled::SAPPORO_JSON)
            .expect("the report loads")
            .dataset;
        let mut hospital = data
            .hospitals
            .iter()
            .find(|h| !h.discloses)
            .cloned()
            .expect("the report lists hospitals that do not disclose");
        hospital.discloses = true;
        hospital.idlink_go_live = Some(crate::model::Month("2026-10".into()));
        let next = apply_edit(&data, &Edit::PutHospital(hospital.clone())).expect("valid");
        assert_eq!(
            next.hospitals.len(),
            data.hospitals.len(),
            "replaced, not added"
        );
        assert!(next.hospital(&hospital.id).is_some_and(|h| h.discloses));
        // A month that is not YYYY-MM is refused, and nothing changes.
        hospital.idlink_go_live = Some(crate::model::Month("2026年10月".into()));
        let refused = apply_edit(&data, &Edit::PutHospital(hospital)).expect_err("bad month");
        assert!(
            refused.iter().any(|p| matches!(&p.place, crate::validate::Place::Json(at) if at.ends_with("/idlink_go_live"))),
            "{refused:?}"
        );
    }

    #[test]
    fn fnv1a_gives_the_published_test_vectors() {
        // From the FNV reference (draft-eastlake-fnv): "", "a", "foobar".
        assert_eq!(super::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(super::fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
