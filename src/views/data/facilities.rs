//! データ's facilities table: one row per facility the report names.
//!
//! A national file has 180,000 facilities: the rows carry only what sorting
//! and search need, and [`facility_cells`] draws the cells of the rows shown.

use std::collections::HashMap;

use tsunagu_core::model::{Dataset, Facility, Source, Union, Ward};
use yew::prelude::*;

use super::by_id;
use super::cells::sources_cell;
use crate::components::{Row, SortKey};
use crate::i18n::Lang;

/// Wards' and unions' names found through maps made once: a scan of the
/// unions per membership was hundreds of millions of comparisons for a
/// national file.
struct Names<'a> {
    wards: HashMap<&'a str, &'a Ward>,
    unions: HashMap<&'a str, &'a Union>,
    unknown: &'static str,
    lang: Lang,
}

impl<'a> Names<'a> {
    fn new(data: &'a Dataset, lang: Lang) -> Self {
        Self {
            wards: by_id(true, &data.wards, |w| w.id.as_str()),
            unions: by_id(true, &data.unions, |u| u.id.as_str()),
            unknown: lang.texts().table.unknown,
            lang,
        }
    }

    /// The facility's ward in the UI's language, or "unknown".
    fn ward(&self, f: &Facility) -> String {
        f.ward
            .as_ref()
            .and_then(|id| self.wards.get(id.as_str()))
            .map_or_else(
                || self.unknown.to_owned(),
                |w| match self.lang {
                    Lang::En if !w.name_en.trim().is_empty() => w.name_en.clone(),
                    _ => w.name.clone(),
                },
            )
    }

    /// As `lookup::union_name_in`: each union's name (in English, its
    /// English rendering where the data has one), or its id when unknown.
    fn unions(&self, f: &Facility) -> Vec<String> {
        f.memberships
            .iter()
            .map(|m| {
                let name = match self.unions.get(m.union.as_str()) {
                    None => m.union.0.clone(),
                    Some(u) => match &u.name_en {
                        Some(en) if self.lang == Lang::En && !en.trim().is_empty() => en.clone(),
                        _ => u.name.clone(),
                    },
                };
                // As `lookup::membership_name`: marked when only inferred.
                if m.is_stated() {
                    name
                } else {
                    name + self.lang.texts().table.officer_list_mark
                }
            })
            .collect()
    }
}

/// The rows, without cells, or with `stale_before` only the facilities last
/// confirmed before that day (`YYYY-MM-DD`; records without a date are as
/// of the report).
pub(super) fn facility_rows(data: &Dataset, lang: Lang, stale_before: Option<&str>) -> Vec<Row> {
    let texts = lang.texts();
    let names = Names::new(data, lang);
    // In English, a search finds the report's Japanese names too.
    let japanese = (lang == Lang::En).then(|| Names::new(data, Lang::Ja));
    data.facilities
        .iter()
        .enumerate()
        .filter(|(_, f)| stale_before.is_none_or(|day| f.confirmed_on(&data.meta).0.as_str() < day))
        .map(|(i, f)| {
            let kind = texts.data_view.facility_kinds[f.kind as usize];
            let ward = names.ward(f);
            let unions = names.unions(f).join(" ");
            Row {
                key: f.id.0.clone().into(),
                record: i,
                search: match &japanese {
                    Some(ja) => format!(
                        "{} {ward} {unions} {} {}",
                        f.name,
                        ja.ward(f),
                        ja.unions(f).join(" ")
                    ),
                    None => format!("{} {ward} {unions}", f.name),
                },
                cells: Vec::new(),
                sort: vec![
                    SortKey::Text(f.name.clone()),
                    SortKey::Text(kind.to_owned()),
                    SortKey::Text(ward),
                    SortKey::Text(unions),
                    SortKey::Text(f.confirmed_on(&data.meta).0.clone()),
                    SortKey::Missing,
                ],
            }
        })
        .collect()
}

/// The cells of the facility rows shown, one per column of the table.
pub(super) fn facility_cells(data: &Dataset, lang: Lang, rows: &[&Row]) -> Vec<Vec<Html>> {
    let texts = lang.texts();
    let names = Names::new(data, lang);
    rows.iter()
        .map(|row| {
            let Some(f) = data.facilities.get(row.record) else {
                return Vec::new();
            };
            let mut sources: Vec<&Source> = f.sources.iter().collect();
            sources.extend(f.memberships.iter().map(|m| &m.source));
            vec![
                html! { f.name.clone() },
                html! { texts.data_view.facility_kinds[f.kind as usize] },
                html! { names.ward(f) },
                html! { lang.list(&names.unions(f)) },
                html! { <span class="date">{ f.confirmed_on(&data.meta).0.clone() }</span> },
                sources_cell(data, &sources, lang),
            ]
        })
        .collect()
}
