//! Names of records for display, in the UI's language where the data has one.

use tsunagu_core::model::{Dataset, DesignationClaim, HospitalId, SectionId, UnionId, WardId};

use crate::i18n::Lang;

/// A hospital's name as the report writes it (the id if unknown).
pub fn hospital_name(data: &Dataset, id: &HospitalId) -> String {
    data.hospital_name(id)
}

/// A hospital's name in the UI's language: in English its English name
/// where the data has one, else the report's (the id if unknown).
pub fn hospital_name_in(data: &Dataset, id: &HospitalId, lang: Lang) -> String {
    let names = data.hospital_names(id);
    in_lang(names.ja, names.en, lang)
}

/// A hospital's name in the UI's language, from its record.
pub fn hospital_label(hospital: &tsunagu_core::model::Hospital, lang: Lang) -> String {
    in_lang(hospital.name.clone(), hospital.name_en.clone(), lang)
}

/// A hospital's name for applying to it: in English, the English name with
/// the report's Japanese after it, which is what its office answers to.
pub fn hospital_name_to_apply(data: &Dataset, id: &HospitalId, lang: Lang) -> String {
    both(data.hospital_names(id), lang)
}

/// In English, "English (日本語)" where the two differ; else the Japanese.
fn both(names: tsunagu_core::model::Text, lang: Lang) -> String {
    if lang == Lang::En && !names.en.trim().is_empty() && names.en != names.ja {
        format!("{} ({})", names.en, names.ja)
    } else {
        names.ja
    }
}

fn in_lang(ja: String, en: String, lang: Lang) -> String {
    if lang == Lang::En && !en.trim().is_empty() {
        en
    } else {
        ja
    }
}

/// A hospital's name in both languages, for the core's shared texts (the
/// id in both if unknown).
pub fn hospital_text(data: &Dataset, id: &HospitalId) -> tsunagu_core::model::Text {
    data.hospital_names(id)
}

/// A union's name as the report writes it (the id if unknown).
pub fn union_name(data: &Dataset, id: &UnionId) -> String {
    data.union_name(id)
}

/// A union's name in the UI's language: in English its English rendering
/// where the data has one, else the report's (the id if unknown).
pub fn union_name_in(data: &Dataset, id: &UnionId, lang: Lang) -> String {
    let names = data.union_names(id);
    in_lang(names.ja, names.en, lang)
}

/// A facility's membership as a list shows it: the union's name, marked
/// when the report only puts the facility on the union's 幹事一覧, or when
/// only a saved what-if makes it a member (the planner's form under one).
pub fn membership_name(
    data: &Dataset,
    membership: &tsunagu_core::model::Membership,
    lang: Lang,
) -> String {
    let name = union_name_in(data, &membership.union, lang);
    if membership.source.section.0 == tsunagu_core::model::WHAT_IF_SECTION {
        name + lang.texts().table.what_if_mark
    } else if membership.is_stated() {
        name
    } else {
        name + lang.texts().table.officer_list_mark
    }
}

/// A union's name on a checkbox the reader ticks to say they belong to it:
/// in English both names, as [`union_name_to_apply`], so that a member
/// finds the name on their union's own papers.
pub fn union_label(union: &tsunagu_core::model::Union, lang: Lang) -> String {
    both(union.names(), lang)
}

/// A union's name for applying to join it: in English, the English
/// rendering with the report's name after it, which is the name on the
/// union's own forms.
pub fn union_name_to_apply(data: &Dataset, id: &UnionId, lang: Lang) -> String {
    both(data.union_names(id), lang)
}

/// A ward's name in the UI's language (中央区, "Chuo"); `None` if unknown.
pub fn ward_name_in(data: &Dataset, id: &WardId, lang: Lang) -> Option<String> {
    data.ward(id)
        .map(|w| in_lang(w.name.clone(), w.name_en.clone(), lang))
}

/// A hospital's designations as its page prints them, in the UI's
/// language: in English the English name of the designation each stands
/// for, where the dataset defines one, else the words as printed; a name
/// is given once.
pub fn designation_labels(data: &Dataset, claims: &[DesignationClaim], lang: Lang) -> Vec<String> {
    let mut labels: Vec<String> = Vec::with_capacity(claims.len());
    for claim in claims {
        let english = claim
            .designation
            .as_ref()
            .and_then(|id| data.designations.iter().find(|d| &d.id == id))
            .map(|d| d.name_en.clone())
            .filter(|name| lang == Lang::En && !name.trim().is_empty());
        let label = english.unwrap_or_else(|| claim.label.clone());
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// A report section's short title in the UI's language.
pub fn section_title(data: &Dataset, id: &SectionId, lang: Lang) -> String {
    data.section(id).map_or_else(
        || id.0.clone(),
        |s| {
            if lang == Lang::En {
                s.title.en.clone()
            } else {
                s.title.ja.clone()
            }
        },
    )
}

/// Unicode NFKC, through the browser's own `String.prototype.normalize`, so
/// the wasm carries no normalisation tables. Native builds (render tests)
/// have no browser and compare names as they are.
pub fn nfkc(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).normalize("NFKC"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designations_read_in_english_by_what_they_stand_for_and_as_printed_in_japanese() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let claims = |id: &str| {
            data.hospital(&HospitalId(id.into()))
                .expect("in the report")
                .designations
                .clone()
        };
        // 天使's page prints 母子周産期医療センター, which the data maps to
        // the table's 周産期母子医療センター.
        assert_eq!(
            designation_labels(&data, &claims("tenshi"), Lang::Ja),
            ["母子周産期医療センター", "小児地域医療センター"]
        );
        assert_eq!(
            designation_labels(&data, &claims("tenshi"), Lang::En),
            [
                "Perinatal maternal and child medical center",
                "Regional pediatric medical center"
            ]
        );
        // 北大's two cancer-care claims are one designation, named once in
        // English; a claim the data does not map stays as printed.
        let hokudai = designation_labels(&data, &claims("hokudai"), Lang::En);
        assert_eq!(
            hokudai
                .iter()
                .filter(|l| *l == "Cancer care base hospital (拠点病院)")
                .count(),
            1
        );
        assert!(
            hokudai.contains(&"小児がん拠点病院".to_owned()),
            "{hokudai:?}"
        );
        assert_eq!(
            designation_labels(&data, &claims("hokudai"), Lang::Ja).len(),
            13
        );
    }

    #[test]
    fn hospitals_are_named_in_the_readers_language_and_applied_to_in_both() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let hokudai = HospitalId("hokudai".into());
        assert_eq!(
            hospital_name_in(&data, &hokudai, Lang::Ja),
            "北海道大学病院"
        );
        assert_eq!(
            hospital_name_in(&data, &hokudai, Lang::En),
            "Hokkaido University Hospital"
        );
        assert_eq!(
            hospital_name_to_apply(&data, &hokudai, Lang::En),
            "Hokkaido University Hospital (北海道大学病院)"
        );
        assert_eq!(
            hospital_name_to_apply(&data, &hokudai, Lang::Ja),
            "北海道大学病院"
        );
        // Without an English name, the report's name stands in both.
        let mut unnamed = data.hospital(&hokudai).unwrap().clone();
        unnamed.name_en = String::new();
        assert_eq!(hospital_label(&unnamed, Lang::En), "北海道大学病院");
        // An unknown id is shown as it is.
        let unknown = HospitalId("nowhere".into());
        assert_eq!(hospital_name_in(&data, &unknown, Lang::En), "nowhere");
    }

    #[test]
    fn unions_are_named_in_the_readers_language_and_applied_to_in_both() {
        let handle = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let mut data: tsunagu_core::model::Dataset = (*handle).clone();
        let ict = UnionId("hokudai-ict".into());
        assert_eq!(union_name_in(&data, &ict, Lang::Ja), "ICTネットワーク");
        assert_eq!(union_name_in(&data, &ict, Lang::En), "ICT Network");
        assert_eq!(
            union_name_to_apply(&data, &ict, Lang::En),
            "ICT Network (ICTネットワーク)"
        );
        assert_eq!(
            union_name_to_apply(&data, &ict, Lang::Ja),
            "ICTネットワーク"
        );
        // A name already in Latin letters is not written twice.
        let tmnit = data.union(&UnionId("tmnit".into())).unwrap().clone();
        assert_eq!(union_label(&tmnit, Lang::En), "TMNIT in Hokkaido");
        // Every union of the report has an English rendering.
        assert!(data
            .unions
            .iter()
            .all(|u| u.name_en.as_deref().is_some_and(|n| !n.trim().is_empty())));
        // Without one (an imported file), the report's name stands in both.
        data.unions.iter_mut().for_each(|u| u.name_en = None);
        assert_eq!(union_name_in(&data, &ict, Lang::En), "ICTネットワーク");
        assert_eq!(
            union_name_to_apply(&data, &ict, Lang::En),
            "ICTネットワーク"
        );
        assert_eq!(
            union_label(data.union(&ict).unwrap(), Lang::En),
            "ICTネットワーク"
        );
        let unknown = UnionId("nowhere".into());
        assert_eq!(union_name_in(&data, &unknown, Lang::En), "nowhere");
    }

    #[test]
    fn a_membership_only_a_what_if_gives_is_marked_as_the_what_ifs() {
        use tsunagu_core::model::FacilityId;
        use tsunagu_core::whatif::{apply_what_if, Change, WhatIf};
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let miki = FacilityId("miki-family-clinic".into());
        let what_if = WhatIf {
            name: "test".into(),
            changes: vec![Change::Join {
                facility: miki.clone(),
                union: UnionId("hokudai-ict".into()),
            }],
        };
        let (next, _) = apply_what_if(&data, &what_if);
        let names: Vec<String> = next
            .facility(&miki)
            .expect("in the report")
            .memberships
            .iter()
            .map(|m| membership_name(&next, m, Lang::En))
            .collect();
        // The report's own membership is unmarked; the proposed one says so.
        assert_eq!(
            names,
            [
                "Sapporo Medical Information Sharing System Council",
                "Sapporo City General Hospital Regional Medical Information Network System",
                "TMNIT in Hokkaido",
                "ICT Network (what-if: a proposed membership)"
            ]
        );
    }
}
