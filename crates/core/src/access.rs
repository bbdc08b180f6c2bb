//! The access rules: which connections let a facility view a 開示病院's
//! records, and which are only context.
//!
//! ```text
//!  clinic ─member─▶ U1 ─hosts─▶ H1           H1 views H1's records: confirmed
//!                                │
//!                          agreement (病院間協定 / ID-Link 連携病院)
//!                                ▼
//!                               H2           H2's records: NOT through H1;
//!                                            only by joining a union H2 hosts
//! ```
//!
//! - **Confirmed rule ([`Rules::Confirmed`], the default).** A facility views
//!   a 開示病院's records, for patients who consent, exactly when it belongs
//!   to a union that the hospital hosts (the report's union pages), or to a
//!   union that a *recorded* union connection ([`crate::model::UnionConnection`])
//!   links to one. The report records no such connection: connecting the
//!   unions is the council's next step, 「全体でユニオンを繋げる」.
//! - **Assumption: agreements extend to member facilities
//!   ([`Rules::AssumeAgreements`]).** 病院間協定 and ID-Link 連携病院 links
//!   count as relays. Nothing in the report says they do, and public material
//!   on ID-Link points the other way (consent forms name the viewing
//!   facility; agreements are between the two hospitals), so every answer
//!   that uses one is marked [`Assumption::Agreements`].
//! - **What-if union links** (a what-if's `connect_unions`) count as access,
//!   and every answer that uses one is marked [`Assumption::WhatIf`].
//!
//! Hospital links stay visible as context under every rule set:
//! [`partners`] lists them beside a plan, never as a way in.

use std::collections::HashMap;

use crate::model::{Dataset, HospitalId, Link, Source};

/// Which connections count as a way to view records (閲覧の規則).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rules {
    /// Only membership of a union the hospital hosts, or of a union a
    /// recorded or proposed union connection links to one.
    #[default]
    Confirmed,
    /// As [`Rules::Confirmed`], and 病院間協定 and ID-Link 連携病院 links relay
    /// records to member facilities too (an unconfirmed assumption).
    AssumeAgreements,
}

impl Rules {
    /// The name used in URLs, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Rules::Confirmed => "confirmed",
            Rules::AssumeAgreements => "assume_agreements",
        }
    }

    /// Whether hospital-to-hospital links count as relays.
    pub fn counts_hospital_links(self) -> bool {
        self == Rules::AssumeAgreements
    }
}

impl<'de> serde::Deserialize<'de> for Rules {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        match name.as_str() {
            "confirmed" => Ok(Rules::Confirmed),
            "assume_agreements" => Ok(Rules::AssumeAgreements),
            other => Err(serde::de::Error::unknown_variant(
                other,
                &["confirmed", "assume_agreements"],
            )),
        }
    }
}

/// An unconfirmed premise an answer rests on (未確認の仮定).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assumption {
    /// A path relays through a 病院間協定 or an ID-Link 連携病院 link.
    Agreements,
    /// A path crosses a union link that only a what-if proposes.
    WhatIf,
}

impl<'de> serde::Deserialize<'de> for Assumption {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        match name.as_str() {
            "agreements" => Ok(Assumption::Agreements),
            "what_if" => Ok(Assumption::WhatIf),
            other => Err(serde::de::Error::unknown_variant(
                other,
                &["agreements", "what_if"],
            )),
        }
    }
}

/// One hospital link seen from one of its ends: the hospital at the other
/// end and the record. Context beside a plan, never a way in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Partner<'a> {
    /// The hospital at the other end.
    pub hospital: &'a HospitalId,
    /// The link record (its kind and source).
    pub link: &'a Link,
}

/// The hospitals `hospital` shares records with under a 病院間協定 or an
/// ID-Link 連携病院 entry, in the dataset's order of links, each link once.
///
/// # Complexity
/// O(links).
pub fn partners<'a>(data: &'a Dataset, hospital: &HospitalId) -> Vec<Partner<'a>> {
    data.links
        .iter()
        .filter_map(|link| {
            if &link.from == hospital {
                Some(Partner {
                    hospital: &link.to,
                    link,
                })
            } else if &link.to == hospital {
                Some(Partner {
                    hospital: &link.from,
                    link,
                })
            } else {
                None
            }
        })
        .collect()
}

/// The 開示病院 that `hospital` has a hospital link with, each once, in the
/// dataset's order of hospitals: who to ask about a hospital that hosts no
/// union.
pub fn shares_with(data: &Dataset, hospital: &HospitalId) -> Vec<HospitalId> {
    shares_by_hospital(data)
        .remove(hospital)
        .unwrap_or_default()
}

/// [`shares_with`] for every hospital that has one, in one pass over the
/// links (for the graph to keep beside the planner).
///
/// # Complexity
/// O(hospitals + links), plus sorting each hospital's list.
pub fn shares_by_hospital(data: &Dataset) -> HashMap<HospitalId, Vec<HospitalId>> {
    let position: HashMap<&HospitalId, usize> = data
        .hospitals
        .iter()
        .enumerate()
        .filter(|(_, h)| h.discloses)
        .map(|(i, h)| (&h.id, i))
        .collect();
    let mut out: HashMap<HospitalId, Vec<usize>> = HashMap::new();
    for link in &data.links {
        for (one, other) in [(&link.from, &link.to), (&link.to, &link.from)] {
            if let Some(&i) = position.get(other) {
                out.entry(one.clone()).or_default().push(i);
            }
        }
    }
    out.into_iter()
        .map(|(hospital, mut rows)| {
            crate::order::sort(&mut rows);
            rows.dedup();
            let ids = rows
                .into_iter()
                .map(|i| data.hospitals[i].id.clone())
                .collect();
            (hospital, ids)
        })
        .collect()
}

/// A name the report prints differently in one place: the form printed
/// there and the record's name in the data, both as the report prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Misprint<'a> {
    /// The name as the quoted passage prints it.
    pub as_written: &'a str,
    /// The record's name in the data.
    pub name: &'a str,
}

/// The name discrepancies whose printed form a source quotes: where the
/// report prints a name differently (「手稲深仁会病院」 on 北大's page), the
/// form quoted and the name the data uses, to say beside the quote that both
/// are the same. A quote of the data's own name needs no note. The data's
/// note on the discrepancy (how the name was chosen) is for データ, not for
/// a plan.
pub fn misprints<'a>(data: &'a Dataset, source: &Source) -> Vec<Misprint<'a>> {
    let Some(quote) = &source.quote else {
        return Vec::new();
    };
    data.discrepancies
        .iter()
        .filter(|d| d.field == "name")
        .filter_map(|d| Some((d, name_at(data, &d.subject)?)))
        .flat_map(|(d, name)| {
            d.readings
                .iter()
                .filter(move |r| {
                    r.as_written != name
                        && r.source.section == source.section
                        && quote.contains(&r.as_written)
                })
                .map(move |r| Misprint {
                    as_written: r.as_written.as_str(),
                    name,
                })
        })
        .collect()
}

/// The name of the hospital or union a JSON pointer such as `/unions/2`
/// names.
fn name_at<'a>(data: &'a Dataset, pointer: &str) -> Option<&'a str> {
    let mut parts = pointer.strip_prefix('/')?.split('/');
    let kind = parts.next()?;
    let index: usize = parts.next()?.parse().ok()?;
    match kind {
        "hospitals" => data.hospitals.get(index).map(|h| h.name.as_str()),
        "unions" => data.unions.get(index).map(|u| u.name.as_str()),
        _ => None,
    }
}

/// Whether some union in the data has `hospital` as a host.
pub fn hosts_a_union(data: &Dataset, hospital: &HospitalId) -> bool {
    data.unions.iter().any(|u| u.hosts.contains(hospital))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UnionId;
    use crate::text::{how_to_join, joining};

    fn hospital(id: &str) -> HospitalId {
        HospitalId::from(id)
    }

    #[test]
    fn rules_read_and_write_their_names() {
        for rules in [Rules::Confirmed, Rules::AssumeAgreements] {
            let json = serde_json::to_string(&rules).unwrap();
            assert_eq!(json, format!("\"{}\"", rules.as_str()));
            assert_eq!(serde_json::from_str::<Rules>(&json).unwrap(), rules);
        }
        assert!(serde_json::from_str::<Rules>("\"agreements\"").is_err());
        assert_eq!(Rules::default(), Rules::Confirmed);
    }

    #[test]
    fn hokudai_shares_with_teine_and_tenshi_only_among_disclosing_hospitals() {
        let data = crate::validate::load_dataset(crate::bundled::SAPPORO_JSON)
            .unwrap()
            .dataset;
        // 北大's ID-Link list names 手稲溪仁会 and 天使; 手稲溪仁会's agreements
        // name 北大 too. Both are 開示病院; the rest of 北大's partners are not.
        assert_eq!(
            shares_with(&data, &hospital("hokudai")),
            vec![hospital("tenshi"), hospital("teine")]
        );
        // 市立函館病院 is linked to 手稲溪仁会 (agreement) and 北大 (ID-Link).
        assert_eq!(
            shares_with(&data, &hospital("hakodate-municipal")),
            vec![hospital("hokudai"), hospital("teine")]
        );
        assert!(shares_with(&data, &hospital("shiritsu")).is_empty());
        assert_eq!(partners(&data, &hospital("hokudai")).len(), 9);
    }

    #[test]
    fn only_the_seven_disclosing_hospitals_host_a_union() {
        let data = crate::validate::load_dataset(crate::bundled::SAPPORO_JSON)
            .unwrap()
            .dataset;
        let hosting: Vec<&str> = data
            .hospitals
            .iter()
            .filter(|h| hosts_a_union(&data, &h.id))
            .map(|h| h.id.as_str())
            .collect();
        assert_eq!(
            hosting,
            [
                "shiritsu",
                "ntt",
                "hokudai",
                "tenshi",
                "gan-center",
                "kkr",
                "teine"
            ]
        );
    }

    #[test]
    fn every_bundled_union_says_how_to_join_with_a_source() {
        let data = crate::validate::load_dataset(crate::bundled::SAPPORO_JSON)
            .unwrap()
            .dataset;
        for union in &data.unions {
            let how = how_to_join(union);
            assert!(!how.is_empty(), "{}", union.id);
            assert!(how.iter().all(|h| !h.source.section.0.is_empty()));
        }
        let (_, tmnit) = joining(&data, &UnionId::from("tmnit")).unwrap();
        assert!(tmnit.iter().any(|h| h
            .source
            .quote
            .as_deref()
            .is_some_and(|q| q.contains("所定の利用申請書"))));
    }

    #[test]
    fn the_misprinted_teine_on_hokudai_s_page_names_the_hospital_it_means() {
        let data = crate::validate::load_dataset(crate::bundled::SAPPORO_JSON)
            .unwrap()
            .dataset;
        let link = data
            .links
            .iter()
            .find(|l| l.id.0 == "hokudai-teine-idlink")
            .unwrap();
        // The report's hospital list prints 手稲溪仁会病院 (with 溪).
        assert_eq!(
            misprints(&data, &link.source),
            vec![Misprint {
                as_written: "手稲深仁会病院",
                name: "手稲溪仁会病院"
            }]
        );
        // The same words on another page are not that reading.
        let elsewhere = Source {
            section: crate::model::SectionId::from("hospital-teine"),
            quote: Some("手稲深仁会病院".into()),
        };
        assert!(misprints(&data, &elsewhere).is_empty());
    }

    #[test]
    fn a_quote_of_the_data_s_own_name_needs_no_note() {
        let data = crate::validate::load_dataset(crate::bundled::SAPPORO_JSON)
            .unwrap()
            .dataset;
        let label = Source {
            section: crate::model::SectionId::from("hospital-tenshi"),
            quote: Some("UNION 札幌医療情報共有システム協議会".into()),
        };
        assert!(misprints(&data, &label).is_empty());
        let other = Source {
            section: crate::model::SectionId::from("hospital-tenshi"),
            quote: Some("「札幌医療情報システム協議会」に加入していただきます".into()),
        };
        assert_eq!(
            misprints(&data, &other),
            vec![Misprint {
                as_written: "札幌医療情報システム協議会",
                name: "札幌医療情報共有システム協議会"
            }]
        );
    }

    #[test]
    fn a_union_the_report_says_nothing_about_points_to_its_host() {
        let mut data = crate::validate::load_dataset(crate::bundled::SAPPORO_JSON)
            .unwrap()
            .dataset;
        data.unions[0].how_to_join.clear();
        let how = how_to_join(&data.unions[0]);
        assert_eq!(how.len(), 1);
        assert_eq!(how[0].source, data.unions[0].sources[0]);
    }
}
