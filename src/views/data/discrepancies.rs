//! データ's table of the report's discrepancies: one row per place where the
//! report disagrees with itself, with each reading.

use tsunagu_core::model::{Dataset, Source};
use yew::prelude::*;

use super::cells::sources_cell;
use crate::components::tags;
use crate::components::{Row, SortKey};
use crate::i18n::Lang;
use crate::lookup::{hospital_name_to_apply, union_name_to_apply};

/// The record a JSON pointer such as `/hospitals/2` names, by name: in
/// English a hospital's or union's English name with the report's after it
/// (the notes quote the report), a ward's English name.
fn subject_name(data: &Dataset, pointer: &str, lang: Lang) -> String {
    let mut parts = pointer.trim_start_matches('/').split('/');
    let (Some(kind), Some(index)) = (
        parts.next(),
        parts.next().and_then(|i| i.parse::<usize>().ok()),
    ) else {
        return pointer.to_owned();
    };
    let name = match kind {
        "hospitals" => data
            .hospitals
            .get(index)
            .map(|h| hospital_name_to_apply(data, &h.id, lang)),
        "unions" => data
            .unions
            .get(index)
            .map(|u| union_name_to_apply(data, &u.id, lang)),
        "facilities" => data.facilities.get(index).map(|f| f.name.clone()),
        "wards" => data.wards.get(index).map(|w| {
            if lang == Lang::En && !w.name_en.is_empty() {
                w.name_en.clone()
            } else {
                w.name.clone()
            }
        }),
        "printed_totals" => data.printed_totals.get(index).map(|t| {
            let label = lang.texts().data_view.printed_total_subject;
            let name = tsunagu_core::text::total_name(&t.key).map_or_else(
                || t.key.clone(),
                |name| crate::components::pick(lang, &name),
            );
            lang.labelled(label, &name)
        }),
        _ => None,
    };
    name.unwrap_or_else(|| pointer.to_owned())
}

pub(super) fn discrepancy_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    data.discrepancies
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let subject = subject_name(data, &d.subject, lang);
            let note = if lang == Lang::En { d.note.en.clone() } else { d.note.ja.clone() };
            let readings: Vec<&Source> = d.readings.iter().map(|r| &r.source).collect();
            Row {
                key: d.id.0.clone().into(),
                record: i,
                // The report's name too, whatever the UI's language.
                search: format!(
                    "{subject} {} {} {note}",
                    subject_name(data, &d.subject, Lang::Ja),
                    d.field
                ),
                cells: vec![
                    html! { <>{ subject.clone() }<code class="field">{ format!(" {}", d.field) }</code></> },
                    html! {
                        <ul class="readings">
                            { for d.readings.iter().map(|r| html! { { tags::li(r.as_written.clone()) } }) }
                        </ul>
                    },
                    html! { note.clone() },
                    sources_cell(data, &readings, lang),
                ],
                sort: vec![SortKey::Text(subject), SortKey::Missing, SortKey::Text(note), SortKey::Missing],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tsunagu_core::bundled::SAPPORO_JSON;
    use tsunagu_core::validate::load_dataset;

    #[test]
    fn subjects_are_named_in_the_ui_language() {
        let data = load_dataset(SAPPORO_JSON).expect("bundled").dataset;
        let hokudai = data.hospitals.iter().position(|h| h.id.0 == "hokudai");
        let pointer = format!("/hospitals/{}", hokudai.expect("北大"));
        assert_eq!(subject_name(&data, &pointer, Lang::Ja), "北海道大学病院");
        assert_eq!(
            subject_name(&data, &pointer, Lang::En),
            "Hokkaido University Hospital (北海道大学病院)"
        );
        let ict = data.unions.iter().position(|u| u.id.0 == "hokudai-ict");
        let pointer = format!("/unions/{}", ict.expect("ICT"));
        assert_eq!(
            subject_name(&data, &pointer, Lang::En),
            "ICT Network (ICTネットワーク)"
        );
        let total = data
            .printed_totals
            .iter()
            .position(|t| t.key == "disclosing_hospitals");
        let pointer = format!("/printed_totals/{}", total.expect("a printed total"));
        assert_eq!(
            subject_name(&data, &pointer, Lang::Ja),
            "報告書に印刷された合計：ID-Link 開示病院"
        );
        assert_eq!(
            subject_name(&data, &pointer, Lang::En),
            "The report's printed total: ID-Link disclosing hospitals"
        );
        // Anything else is shown as written.
        assert_eq!(subject_name(&data, "/nowhere/3", Lang::En), "/nowhere/3");
    }
}
