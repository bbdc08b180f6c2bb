//! データ's unions table: one row per ユニオン, with its hosts, founding and
//! notes.

use tsunagu_core::model::{Dataset, Source};
use yew::prelude::*;

use super::cells::{flagged, name_cell_en, sources_cell, HospitalNames};
use crate::components::tags;
use crate::components::{Row, SortKey};
use crate::i18n::Lang;

pub(super) fn union_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    let texts = lang.texts();
    let names = HospitalNames::new(data, lang);
    data.unions
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let hosts: Vec<String> = u.hosts.iter().map(|h| names.get(h.as_str())).collect();
            let mut notes: Vec<String> = Vec::new();
            let pick = |text: &tsunagu_core::model::Text| {
                if lang == Lang::En { text.en.clone() } else { text.ja.clone() }
            };
            for how in &u.how_to_join {
                notes.push(if lang == Lang::En { how.en.clone() } else { how.ja.clone() });
            }
            for count in &u.registered_facilities {
                notes.push(format!("{}: {}", count.as_of.0, count.count));
            }
            for event in &u.history {
                notes.push(format!("{} {}", event.month.0, pick(&event.text)));
            }
            notes.extend(u.notes.iter().map(pick));
            let sources: Vec<&Source> = u.sources.iter().collect();
            Row {
                key: u.id.0.clone().into(),
                record: i,
                search: format!(
                    "{} {} {} {}",
                    u.name,
                    u.name_en.as_deref().unwrap_or_default(),
                    u.aliases.join(" "),
                    hosts.join(" ")
                ),
                cells: vec![
                    name_cell_en(
                        &u.name,
                        u.name_en.as_deref().filter(|n| lang == Lang::En && !n.trim().is_empty()),
                        &u.aliases,
                        flagged(data, &format!("/unions/{i}")),
                        lang,
                    ),
                    html! { lang.list(&hosts) },
                    html! { u.founded.as_ref().map_or_else(|| texts.table.unknown.to_owned(), |m| m.0.clone()) },
                    html! { <ul class="notes">{ for notes.iter().map(|n| html! { { tags::li(n.clone()) } }) }</ul> },
                    sources_cell(data, &sources, lang),
                ],
                sort: vec![
                    SortKey::Text(u.name.clone()),
                    SortKey::Text(hosts.join(" ")),
                    u.founded.as_ref().map_or(SortKey::Missing, |m| SortKey::Text(m.0.clone())),
                    SortKey::Missing,
                    SortKey::Missing,
                ],
            }
        })
        .collect()
}
