//! データ's table of the report's discrepancies: one row per place where the
//! report disagrees with itself, with each reading.

use tsunagu_core::model::{Dataset, Source};
use yew::prelude::*;

use super::cells::sources_cell;
use crate::components::tags;
use crate::components::{Row, SortKey};
use crate::i18n::Lang;

/// The record a JSON pointer such as `/hospitals/2` names, by name.
fn subject_name(data: &Dataset, pointer: &str) -> String {
    let mut parts = pointer.trim_start_matches('/').split('/');
    let (Some(kind), Some(index)) = (
        parts.next(),
        parts.next().and_then(|i| i.parse::<usize>().ok()),
    ) else {
        return pointer.to_owned();
    };
    let name = match kind {
        "hospitals" => data.hospitals.get(index).map(|h| h.name.clone()),
        "unions" => data.unions.get(index).map(|u| u.name.clone()),
        "facilities" => data.facilities.get(index).map(|f| f.name.clone()),
        "wards" => data.wards.get(index).map(|w| w.name.clone()),
        _ => None,
    };
    name.unwrap_or_else(|| pointer.to_owned())
}

pub(super) fn discrepancy_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    data.discrepancies
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let subject = subject_name(data, &d.subject);
            let note = if lang == Lang::En { d.note.en.clone() } else { d.note.ja.clone() };
            let readings: Vec<&Source> = d.readings.iter().map(|r| &r.source).collect();
            Row {
                key: d.id.0.clone().into(),
                record: i,
                search: format!("{subject} {} {note}", d.field),
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
