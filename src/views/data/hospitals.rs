//! データ's hospitals table: one row per hospital, whether or not it
//! discloses records.

use tsunagu_core::model::{Dataset, Source};
use yew::prelude::*;

use super::cells::{flagged, name_cell_en, number_key, sources_cell};
use crate::components::{Row, SortKey};
use crate::format::{readings, thousands};
use crate::i18n::Lang;
use crate::lookup::designation_labels;

pub(super) fn hospital_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    let texts = lang.texts();
    data.hospitals
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let ward = h.ward.as_ref().and_then(|id| data.ward(id));
            let place = match (ward, &h.city) {
                (Some(ward), _) if lang == Lang::En => format!("{}, Sapporo", ward.name_en),
                (Some(ward), _) => lang.sapporo_ward(&ward.name),
                (None, Some(city)) => lang.place(city),
                (None, None) => texts.table.unknown.to_owned(),
            };
            let place = match &h.region {
                Some(region) => format!("{place}{}", lang.paren(&lang.place(region))),
                None => place,
            };
            let linked = readings(&h.linked_institutions, &texts.table);
            let designations = designation_labels(data, &h.designations, lang);
            let mut sources: Vec<&Source> = h.sources.iter().collect();
            sources.extend(h.linked_institutions.iter().map(|r| &r.source));
            let discloses = if h.discloses {
                texts.data_view.yes
            } else {
                texts.data_view.no
            };
            Row {
                key: h.id.0.clone().into(),
                record: i,
                // The report's words too, whatever the UI's language.
                search: format!(
                    "{} {} {} {} {place} {} {} {} {}",
                    h.name,
                    h.name_en,
                    h.aliases.join(" "),
                    designations.join(" "),
                    ward.map(|w| w.name.as_str()).unwrap_or_default(),
                    h.city.as_deref().unwrap_or_default(),
                    h.region.as_deref().unwrap_or_default(),
                    h.designations
                        .iter()
                        .map(|d| d.label.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                cells: vec![
                    name_cell_en(
                        &h.name,
                        (lang == Lang::En).then_some(h.name_en.as_str()),
                        &h.aliases,
                        flagged(data, &format!("/hospitals/{i}")),
                        lang,
                    ),
                    html! { place.clone() },
                    html! { discloses },
                    html! { h.beds.map(thousands).unwrap_or_default() },
                    html! { linked.join(" / ") },
                    html! { h.idlink_go_live.as_ref().map(|m| m.0.clone()).unwrap_or_default() },
                    html! { lang.list(&designations) },
                    sources_cell(data, &sources, lang),
                ],
                sort: vec![
                    SortKey::Text(h.name.clone()),
                    SortKey::Text(place),
                    SortKey::Text(discloses.to_owned()),
                    number_key(h.beds),
                    number_key(h.linked_institutions.first().and_then(|r| r.value)),
                    h.idlink_go_live
                        .as_ref()
                        .map_or(SortKey::Missing, |m| SortKey::Text(m.0.clone())),
                    number_key(i64::try_from(designations.len()).ok()),
                    SortKey::Missing,
                ],
            }
        })
        .collect()
}
