//! A what-if's change in words, as the もしも view, the comparison and the
//! planner's hypothetical banner say it.

use tsunagu_core::model::{Dataset, FacilityId};
use tsunagu_core::whatif::Change;

use crate::i18n::Lang;
use crate::lookup::{hospital_name_in, union_name_in};

/// A change in words, with names from `data` (the dataset it applies to),
/// in the UI's language.
pub fn describe(data: &Dataset, change: &Change, lang: Lang) -> String {
    let t = &lang.texts().whatif_view;
    let hospital_name = |id| hospital_name_in(data, id, lang);
    let union_name = |id| union_name_in(data, id, lang);
    let facility = |id: &FacilityId| data.facility_name(id);
    match change {
        Change::ConnectUnions { a, b } => t
            .change_connect
            .replace("{a}", &union_name(a))
            .replace("{b}", &union_name(b)),
        Change::AddAgreement { from, to } => t
            .change_agreement
            .replace("{from}", &hospital_name(from))
            .replace("{to}", &hospital_name(to)),
        Change::Join { facility: f, union } => t
            .change_join
            .replace("{facility}", &facility(f))
            .replace("{union}", &union_name(union)),
        Change::GoLive {
            hospital,
            union_name: name,
        } => t
            .change_golive
            .replace("{hospital}", &hospital_name(hospital))
            .replace("{union}", name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tsunagu_core::model::{HospitalId, UnionId};

    #[test]
    fn changes_name_their_records_in_the_uis_language() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let connect = Change::ConnectUnions {
            a: UnionId::from("hokudai-ict"),
            b: UnionId::from("tenshi-council"),
        };
        assert_eq!(
            describe(&data, &connect, Lang::Ja),
            "「ICTネットワーク」と「札幌医療情報共有システム協議会」を接続"
        );
        assert_eq!(
            describe(&data, &connect, Lang::En),
            "Connect “ICT Network” and “Sapporo Medical Information Sharing System Council”"
        );
        let agreement = Change::AddAgreement {
            from: HospitalId::from("hokudai"),
            to: HospitalId::from("shiritsu"),
        };
        assert_eq!(
            describe(&data, &agreement, Lang::En),
            "Agreement between Hokkaido University Hospital and Sapporo City General Hospital"
        );
        assert_eq!(
            describe(&data, &agreement, Lang::Ja),
            "北海道大学病院 と 市立札幌病院 の病院間協定"
        );
    }
}
