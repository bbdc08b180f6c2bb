//! A what-if's change in words, as the もしも view, the comparison and the
//! planner's hypothetical banner say it.

use tsunagu_core::model::{Dataset, FacilityId};
use tsunagu_core::whatif::Change;

use crate::i18n::WhatIfTexts;
use crate::lookup::{hospital_name, union_name};

/// A change in words, with names from `data` (the dataset it applies to).
pub fn describe(data: &Dataset, change: &Change, t: &WhatIfTexts) -> String {
    let facility = |id: &FacilityId| data.facility_name(id);
    match change {
        Change::ConnectUnions { a, b } => t
            .change_connect
            .replace("{a}", &union_name(data, a))
            .replace("{b}", &union_name(data, b)),
        Change::AddAgreement { from, to } => t
            .change_agreement
            .replace("{from}", &hospital_name(data, from))
            .replace("{to}", &hospital_name(data, to)),
        Change::Join { facility: f, union } => t
            .change_join
            .replace("{facility}", &facility(f))
            .replace("{union}", &union_name(data, union)),
        Change::GoLive {
            hospital,
            union_name: name,
        } => t
            .change_golive
            .replace("{hospital}", &hospital_name(data, hospital))
            .replace("{union}", name),
    }
}
