//! データ's union rosters: a union's members as CSV for Excel, or as an A4
//! sheet to print with the union's name, its host, the date, and each
//! member's ward and kind. This is what a union's office checks and sends
//! back (as a roster import).

use tsunagu_core::model::{Dataset, UnionId};
use yew::prelude::*;

use crate::components::tags;
use crate::i18n::Lang;

/// The id of the printable sheet.
const SHEET_ID: &str = "roster-sheet";

/// The roster tools for the union `chosen` (the first union until one is
/// picked), and the sheet the print button prints. The sheet is made only
/// while printing: a union of a national file has tens of thousands of
/// members, whose rows, hidden on screen, made every showing of the
/// facilities table seconds slower.
#[function_component(RosterTools)]
pub(super) fn roster_tools(props: &RosterToolsProps) -> Html {
    let lang = props.lang;
    let t = &lang.texts().import;
    let data = &*props.data;
    let chosen = use_state(|| data.unions.first().map(|u| u.id.clone()));
    // Every hook before the early return below: Yew needs them in one order.
    // How many times printing was asked for since the last print closed (0:
    // not printing), so a press while a print is open still prints.
    let printing = use_state(|| 0_u32);
    let print = {
        let printing = printing.clone();
        Callback::from(move |_: MouseEvent| printing.set(*printing + 1))
    };
    {
        // Printed once the sheet is in the page; taken away after.
        let printing = printing.clone();
        use_effect_with(*printing, move |&asked| {
            if asked > 0 {
                crate::files::print_marked(SHEET_ID, move || printing.set(0));
            }
        });
    }
    let Some(union) = (*chosen)
        .clone()
        .filter(|u| data.union(u).is_some())
        .or_else(|| data.unions.first().map(|u| u.id.clone()))
    else {
        return html! {};
    };
    let on_union = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            chosen.set(Some(UnionId(select.value())));
        })
    };
    let csv = {
        let (data, union) = (props.data.clone(), union.clone());
        Callback::from(move |_: MouseEvent| {
            let bytes = tsunagu_core::export::export_facilities_csv_for(&data, Some(&union));
            crate::files::download(
                &format!("tsunagu-roster-{}.csv", union.0),
                "text/csv",
                &bytes,
            );
        })
    };
    html! {
        <section class="roster-tools" aria-labelledby="roster-heading">
            <h3 id="roster-heading">{ t.roster_heading }</h3>
            <div class="tool-row">
                <label for="roster-export-union">{ t.roster_union }</label>
                <select id="roster-export-union" onchange={on_union}>
                    { for data.unions.iter().map(|u| html! {
                        <option value={u.id.0.clone()} selected={u.id == union}>{ if lang == Lang::En { u.names().en } else { u.name.clone() } }</option>
                    }) }
                </select>
                { tags::button(csv, t.roster_csv) }
                { tags::button(print, t.roster_print) }
            </div>
            if *printing > 0 {
                { sheet(data, &union, lang) }
            }
        </section>
    }
}

/// [`RosterTools`]'s properties.
#[derive(Properties, PartialEq)]
pub(super) struct RosterToolsProps {
    /// The UI language.
    pub lang: Lang,
    /// The data.
    pub data: crate::dataset_handle::DatasetHandle,
}

/// The A4 sheet: alone on the page when printed (and hidden on screen).
fn sheet(data: &Dataset, union: &UnionId, lang: Lang) -> Html {
    let texts = lang.texts();
    let t = &texts.import;
    let Some(record) = data.union(union) else {
        return html! {};
    };
    // Each member, and whether the report says so: one only on the union's
    // 幹事一覧 is listed marked, for the office to confirm.
    let members: Vec<_> = data
        .facilities
        .iter()
        .filter_map(|f| {
            let m = f.memberships.iter().find(|m| &m.union == union)?;
            Some((f, m.is_stated()))
        })
        .collect();
    let hosts: Vec<String> = record.hosts.iter().map(|h| data.hospital_name(h)).collect();
    let meta = t
        .roster_meta
        .replace("{hosts}", &lang.list(&hosts))
        .replace("{date}", &crate::format::today())
        .replace(
            "{count}",
            &lang.count(members.len(), crate::i18n::Noun::Facility),
        );
    html! {
        <div class="roster-sheet" id={SHEET_ID}>
            <h2>{ t.roster_title.replace("{union}", &record.name) }</h2>
            { tags::p(meta) }
            if members.is_empty() {
                { tags::p(t.roster_none) }
            } else {
                <table>
                    <thead><tr>
                        { tags::col_head(texts.data_view.col_name) }
                        { tags::col_head(texts.wards_view.col_ward) }
                        { tags::col_head(texts.data_view.col_facility_kind) }
                        { tags::col_head(t.col_confirmed) }
                    </tr></thead>
                    <tbody>
                        { for members.iter().map(|&(f, stated)| html! {
                            <tr>
                                { tags::row_head(if stated { f.name.clone() } else { f.name.clone() + texts.table.officer_list_mark }) }
                                { tags::td(f.ward.as_ref().and_then(|w| data.ward(w)).map_or_else(|| texts.table.unknown.to_owned(), |w| w.name.clone())) }
                                { tags::td(texts.data_view.facility_kinds[f.kind as usize]) }
                                { tags::td(f.confirmed_on(&data.meta).0.clone()) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}
