//! データ's cells that the tables share: a record's name with its
//! discrepancy flag, its sources, and sort keys.

use std::collections::HashMap;

use tsunagu_core::model::{Dataset, Hospital, SectionId, Source};

use super::by_id;

use crate::lookup::{hospital_label, section_title};
use yew::prelude::*;

use crate::components::tags;
use crate::components::SortKey;
use crate::i18n::{Lang, Texts};

/// The report's sections a record comes from, each once, with the words
/// quoted from it.
pub(super) fn sources_cell(data: &Dataset, sources: &[&Source], lang: Lang) -> Html {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for source in sources {
        let id = source.section.as_str();
        let index = groups
            .iter()
            .position(|(g, _)| *g == id)
            .unwrap_or_else(|| {
                groups.push((id, Vec::new()));
                groups.len() - 1
            });
        if let Some(quote) = source.quote.as_deref() {
            if !groups[index].1.contains(&quote) {
                groups[index].1.push(quote);
            }
        }
    }
    html! {
        <ul class="sources">
            { for groups.into_iter().map(|(id, quotes)| {
                let title = section_title(data, &SectionId::from(id), lang);
                html! {
                    <li>
                        <span class="section">{ title }</span>
                        { for quotes.into_iter().map(|q| html! { { tags::q(q) } }) }
                    </li>
                }
            }) }
        </ul>
    }
}

/// Whether a discrepancy is recorded about the record at `pointer`.
pub(super) fn flagged(data: &Dataset, pointer: &str) -> bool {
    data.discrepancies.iter().any(|d| d.subject == pointer)
}

fn badge(texts: &Texts) -> Html {
    html! { <span class="badge warn">{ "⚠ " }{ texts.table.discrepancy_badge }</span> }
}

/// A record's name; in the English UI its English name follows, where it
/// has one that differs.
pub(super) fn name_cell_en(
    name: &str,
    english: Option<&str>,
    aliases: &[String],
    flag: bool,
    lang: Lang,
) -> Html {
    let texts = lang.texts();
    html! {
        <>
            <span class="name">{ name.to_owned() }</span>
            if let Some(english) = english.filter(|e| *e != name && !e.trim().is_empty()) {
                <span class="name-en" lang="en">{ english.to_owned() }</span>
            }
            if !aliases.is_empty() {
                <span class="aliases">{ lang.paren(&lang.list(aliases)) }</span>
            }
            if flag { { badge(texts) } }
        </>
    }
}

#[allow(clippy::cast_precision_loss)] // counts are far below 2^52
pub(super) fn number_key(value: Option<i64>) -> SortKey {
    value.map_or(SortKey::Missing, |v| SortKey::Number(v as f64))
}

/// Hospitals' names by id in the UI's language, found once per table: a
/// scan per row is quadratic at a national file's scale (19,202 links,
/// 8,000 hospitals).
pub(super) struct HospitalNames<'a>(HashMap<&'a str, &'a Hospital>, Lang);

impl<'a> HospitalNames<'a> {
    pub(super) fn new(data: &'a Dataset, lang: Lang) -> Self {
        Self(by_id(true, &data.hospitals, |h| h.id.as_str()), lang)
    }

    /// As `lookup::hospital_name_in`: the name (in English, the English one
    /// where the data has it), or the id when the data lacks the hospital.
    pub(super) fn get(&self, id: &str) -> String {
        self.0
            .get(id)
            .map_or_else(|| id.to_owned(), |h| hospital_label(h, self.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tsunagu_core::model::HospitalId;

    #[test]
    fn hospital_names_agree_with_the_datasets_own_scan() {
        let mut data =
            (*crate::dataset_handle::bundled_dataset().expect("the bundled report loads")).clone();
        // A second record under the first one's id: a scan finds the first.
        let mut twin = data.hospitals[0].clone();
        twin.name = "twin".to_owned();
        data.hospitals.push(twin);
        for lang in Lang::ALL {
            let names = HospitalNames::new(&data, lang);
            for h in &data.hospitals {
                let expected = crate::lookup::hospital_name_in(&data, &h.id, lang);
                assert_eq!(names.get(h.id.as_str()), expected);
            }
            assert_ne!(names.get(data.hospitals[0].id.as_str()), "twin");
            let unknown = HospitalId::from("no-such-hospital");
            assert_eq!(names.get(unknown.as_str()), data.hospital_name(&unknown));
        }
        // The report's 北大 in each language.
        let ja = HospitalNames::new(&data, Lang::Ja).get("hokudai");
        let en = HospitalNames::new(&data, Lang::En).get("hokudai");
        assert_eq!(
            (ja.as_str(), en.as_str()),
            ("北海道大学病院", "Hokkaido University Hospital")
        );
    }
}
