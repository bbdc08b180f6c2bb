//! データ's hospital links table: one row per 病院間協定 or ID-Link partner
//! link.

use tsunagu_core::model::{Dataset, LinkKind};
use yew::prelude::*;

use super::cells::{sources_cell, HospitalNames};
use crate::components::{Row, SortKey};
use crate::i18n::Lang;

pub(super) fn link_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    let texts = lang.texts();
    let names = HospitalNames::new(data, lang);
    // In English, a search finds the report's Japanese names too.
    let japanese = (lang == Lang::En).then(|| HospitalNames::new(data, Lang::Ja));
    data.links
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let (from, to) = (names.get(l.from.as_str()), names.get(l.to.as_str()));
            let kind = match l.kind {
                LinkKind::Agreement => texts.data_view.kind_agreement,
                LinkKind::IdlinkPartner => texts.data_view.kind_partner,
            };
            let arrow = if l.directed { "→" } else { "⇄" };
            let region = l.region_group.clone().unwrap_or_default();
            Row {
                key: l.id.0.clone().into(),
                record: i,
                search: match &japanese {
                    Some(ja) => format!(
                        "{from} {to} {kind} {region} {} {}",
                        ja.get(l.from.as_str()),
                        ja.get(l.to.as_str())
                    ),
                    None => format!("{from} {to} {kind} {region}"),
                },
                cells: vec![
                    html! { from.clone() },
                    html! { <><span aria-hidden="true">{ format!("{arrow} ") }</span>{ to.clone() }</> },
                    html! { kind },
                    html! { region.clone() },
                    sources_cell(data, &[&l.source], lang),
                ],
                sort: vec![
                    SortKey::Text(from),
                    SortKey::Text(to),
                    SortKey::Text(kind.to_owned()),
                    SortKey::Text(region),
                    SortKey::Missing,
                ],
            }
        })
        .collect()
}
