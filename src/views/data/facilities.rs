//! データ's facilities table: one row per facility the report names.

use tsunagu_core::model::{Dataset, Source};
use yew::prelude::*;

use super::by_id;
use super::cells::sources_cell;
use crate::components::{Row, SortKey};
use crate::i18n::Lang;

/// The rows, or with `stale_before` only the facilities last confirmed
/// before that day (`YYYY-MM-DD`; records without a date are as of the
/// report).
pub(super) fn facility_rows(data: &Dataset, lang: Lang, stale_before: Option<&str>) -> Vec<Row> {
    let texts = lang.texts();
    // Unions and wards found through maps made once: a scan of the unions
    // per membership was hundreds of millions of comparisons for a
    // national file.
    let unions_by_id = by_id(true, &data.unions, |u| u.id.as_str());
    let wards_by_id = by_id(true, &data.wards, |w| w.id.as_str());
    data.facilities
        .iter()
        .filter(|f| stale_before.is_none_or(|day| f.confirmed_on(&data.meta).0.as_str() < day))
        .map(|f| {
            let confirmed = f.confirmed_on(&data.meta).0.clone();
            let kind = texts.data_view.facility_kinds[f.kind as usize];
            let ward = f
                .ward
                .as_ref()
                .and_then(|id| wards_by_id.get(id.as_str()))
                .map_or_else(|| texts.table.unknown.to_owned(), |w| w.name.clone());
            // As `Dataset::union_name`: the name, or the id when unknown.
            let unions: Vec<String> = f
                .memberships
                .iter()
                .map(|m| {
                    unions_by_id
                        .get(m.union.as_str())
                        .map_or_else(|| m.union.0.clone(), |u| u.name.clone())
                })
                .collect();
            let mut sources: Vec<&Source> = f.sources.iter().collect();
            sources.extend(f.memberships.iter().map(|m| &m.source));
            Row {
                key: f.id.0.clone().into(),
                search: format!("{} {ward} {}", f.name, unions.join(" ")),
                cells: vec![
                    html! { f.name.clone() },
                    html! { kind },
                    html! { ward.clone() },
                    html! { lang.list(&unions) },
                    html! { <span class="date">{ confirmed.clone() }</span> },
                    sources_cell(data, &sources, lang),
                ],
                sort: vec![
                    SortKey::Text(f.name.clone()),
                    SortKey::Text(kind.to_owned()),
                    SortKey::Text(ward),
                    SortKey::Text(unions.join(" ")),
                    SortKey::Text(confirmed),
                    SortKey::Missing,
                ],
            }
        })
        .collect()
}
