//! Figures computed from the records: per ward, in total, and per
//! designation. Nothing here is copied from the report's printed totals;
//! `validate` compares the two.

use serde::Serialize;

use crate::model::{Bound, Dataset, DesignationId, Hospital, WardId};

/// One ward's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WardStats {
    /// The ward's id.
    pub id: WardId,
    /// 区名.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// 人口.
    pub population: i64,
    /// 世帯数.
    pub households: i64,
    /// 面積, km².
    pub area_km2: f64,
    /// 病院: from the medical association's rows (中央区: 東 + 西).
    pub hospitals: i64,
    /// 診療所.
    pub clinics: i64,
    /// 医療機関数.
    pub institutions: i64,
    /// 医師会会員数.
    pub association_members: i64,
    /// ID-Link 閲覧施設.
    pub viewing_facilities: i64,
    /// 閲覧施設 per 100 medical institutions, when the ward has any.
    pub viewing_per_100_institutions: Option<f64>,
    /// 閲覧施設 per 100,000 people, when the ward has people.
    pub viewing_per_100k_people: Option<f64>,
    /// Names of the ward's 開示病院.
    pub disclosing_hospitals: Vec<String>,
}

/// Totals over the whole dataset.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    /// 人口.
    pub population: i64,
    /// 世帯数.
    pub households: i64,
    /// 面積, km².
    pub area_km2: f64,
    /// 病院.
    pub hospitals: i64,
    /// 診療所.
    pub clinics: i64,
    /// 医療機関数.
    pub institutions: i64,
    /// 医師会会員数.
    pub association_members: i64,
    /// ID-Link 閲覧施設.
    pub viewing_facilities: i64,
    /// ID-Link 開示病院.
    pub disclosing_hospitals: i64,
    /// ユニオン.
    pub unions: i64,
    /// 病床数 of the 開示病院.
    pub beds: i64,
    /// 連携医療機関数 of the 開示病院: the sum of the known figures.
    pub linked_institutions: i64,
    /// `at_least` when a figure is a lower bound or unknown.
    pub linked_institutions_bound: Bound,
    /// 開示病院 whose ID-Link go-live month is known.
    pub idlink_go_lives: i64,
}

impl Totals {
    /// The total under a printed-total key (see DATA.md), for comparison.
    #[allow(clippy::cast_precision_loss)] // counts are far below 2^52
    pub fn get(&self, key: &str) -> Option<f64> {
        let count = match key {
            "area_km2" => return Some(self.area_km2),
            "population" => self.population,
            "households" => self.households,
            "hospitals" => self.hospitals,
            "clinics" => self.clinics,
            "institutions" => self.institutions,
            "association_members" => self.association_members,
            "viewing_facilities" => self.viewing_facilities,
            "disclosing_hospitals" => self.disclosing_hospitals,
            "unions" => self.unions,
            "beds" => self.beds,
            "linked_institutions" => self.linked_institutions,
            "idlink_go_lives" => self.idlink_go_lives,
            _ => return None,
        };
        Some(count as f64)
    }

    /// How to read the total named `key`: a lower bound when a record it
    /// adds up is one, or unknown (連携医療機関数: 「300以上」, 「調査中」).
    pub fn bound(&self, key: &str) -> Bound {
        match key {
            "linked_institutions" => self.linked_institutions_bound,
            _ => Bound::Exact,
        }
    }
}

/// How far one designation of the report's table reaches ID-Link.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DesignationStats {
    /// The designation's id.
    pub id: DesignationId,
    /// Its name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Hospitals in the table's column that are ID-Link 開示病院.
    pub on_idlink: i64,
    /// Hospitals in the column.
    pub total: i64,
    /// Names of those on ID-Link.
    pub hospitals_on_idlink: Vec<String>,
    /// Names of those not yet on ID-Link.
    pub hospitals_not_on_idlink: Vec<String>,
}

/// Every computed figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    /// The ten wards, in the dataset's order.
    pub wards: Vec<WardStats>,
    /// Totals.
    pub totals: Totals,
    /// The designation table's columns.
    pub designations: Vec<DesignationStats>,
}

/// Computes every figure from the records.
///
/// A hospital's 連携医療機関数 is its first reading (DATA.md: the summary
/// table's, where there is one).
///
/// # Complexity
/// O(records + listings × hospitals).
pub fn dataset_stats(data: &Dataset) -> Stats {
    let disclosing: Vec<&Hospital> = data.hospitals.iter().filter(|h| h.discloses).collect();
    let wards: Vec<WardStats> = data
        .wards
        .iter()
        .map(|ward| {
            let rows = &ward.association_rows;
            let institutions = rows.iter().map(|r| r.institutions).sum();
            #[allow(clippy::cast_precision_loss)] // counts are far below 2^52
            let per = |scale: f64, base: i64| {
                (base > 0).then(|| ward.viewing_facilities as f64 * scale / base as f64)
            };
            WardStats {
                id: ward.id.clone(),
                name: ward.name.clone(),
                name_en: ward.name_en.clone(),
                population: ward.population,
                households: ward.households,
                area_km2: ward.area_km2,
                hospitals: rows.iter().map(|r| r.hospitals).sum(),
                clinics: rows.iter().map(|r| r.clinics).sum(),
                institutions,
                association_members: rows.iter().map(|r| r.members).sum(),
                viewing_facilities: ward.viewing_facilities,
                viewing_per_100_institutions: per(100.0, institutions),
                viewing_per_100k_people: per(100_000.0, ward.population),
                disclosing_hospitals: disclosing
                    .iter()
                    .filter(|h| h.ward.as_ref() == Some(&ward.id))
                    .map(|h| h.name.clone())
                    .collect(),
            }
        })
        .collect();

    let first_readings = disclosing.iter().map(|h| h.linked_institutions.first());
    let linked_institutions = first_readings
        .clone()
        .filter_map(|r| r.and_then(|r| r.value))
        .sum();
    let exact = first_readings
        .clone()
        .all(|r| r.is_some_and(|r| r.bound == Bound::Exact));
    let totals = Totals {
        population: wards.iter().map(|w| w.population).sum(),
        households: wards.iter().map(|w| w.households).sum(),
        area_km2: wards.iter().map(|w| w.area_km2).sum(),
        hospitals: wards.iter().map(|w| w.hospitals).sum(),
        clinics: wards.iter().map(|w| w.clinics).sum(),
        institutions: wards.iter().map(|w| w.institutions).sum(),
        association_members: wards.iter().map(|w| w.association_members).sum(),
        viewing_facilities: wards.iter().map(|w| w.viewing_facilities).sum(),
        disclosing_hospitals: count(disclosing.len()),
        unions: count(data.unions.len()),
        beds: disclosing.iter().filter_map(|h| h.beds).sum(),
        linked_institutions,
        linked_institutions_bound: if exact { Bound::Exact } else { Bound::AtLeast },
        idlink_go_lives: count(
            disclosing
                .iter()
                .filter(|h| h.idlink_go_live.is_some())
                .count(),
        ),
    };

    let designations = data
        .designations
        .iter()
        .filter_map(|designation| {
            let mut listed: Vec<&Hospital> = Vec::new();
            for listing in data
                .designation_listings
                .iter()
                .filter(|l| l.designation == designation.id)
            {
                let hospital = data.hospital(&listing.hospital);
                if let Some(hospital) = hospital.filter(|h| !listed.iter().any(|l| l.id == h.id)) {
                    listed.push(hospital);
                }
            }
            if listed.is_empty() {
                return None;
            }
            let (on, off): (Vec<&Hospital>, Vec<&Hospital>) =
                listed.iter().partition(|h| h.discloses);
            Some(DesignationStats {
                id: designation.id.clone(),
                name: designation.name.clone(),
                name_en: designation.name_en.clone(),
                on_idlink: count(on.len()),
                total: count(listed.len()),
                hospitals_on_idlink: on.iter().map(|h| h.name.clone()).collect(),
                hospitals_not_on_idlink: off.iter().map(|h| h.name.clone()).collect(),
            })
        })
        .collect();

    Stats {
        wards,
        totals,
        designations,
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
