//! データ: the dataset as sortable, searchable tables, one per kind of
//! record, each row with its source in the report. Records the report
//! disagrees with itself about carry a visible flag.

use std::rc::Rc;

use tsunagu_core::model::{Dataset, FacilityKind, LinkKind, Source};
use yew::prelude::*;

use tsunagu_core::edit::Edit;
use tsunagu_core::validate::Problem;

use crate::components::{problem_item, DataCommand, DataTools, FormKind, RecordForm};
use crate::components::{Column, Row, SortKey, SortTable};
use crate::dataset_handle::DatasetHandle;
use crate::format::{reading, thousands};
use crate::i18n::{Lang, Texts};
use crate::route::VIEW_TITLE_ID;
use crate::state::PendingImport;
use crate::worker::ShownProblem;

/// The tables the view can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Table {
    Hospitals,
    Unions,
    Links,
    Facilities,
    Discrepancies,
}

impl Table {
    const ALL: [Table; 5] = [
        Table::Hospitals,
        Table::Unions,
        Table::Links,
        Table::Facilities,
        Table::Discrepancies,
    ];

    fn label(self, texts: &Texts) -> &'static str {
        let d = &texts.data_view;
        match self {
            Table::Hospitals => d.tab_hospitals,
            Table::Unions => d.tab_unions,
            Table::Links => d.tab_links,
            Table::Facilities => d.tab_facilities,
            Table::Discrepancies => d.tab_discrepancies,
        }
    }
}

/// The report's sections a record comes from, each once, with the words
/// quoted from it.
fn sources_cell(data: &Dataset, sources: &[&Source], lang: Lang) -> Html {
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
                let title = data.sections.iter().find(|s| s.id.as_str() == id).map_or_else(
                    || id.to_owned(),
                    |s| if lang == Lang::En { s.title.en.clone() } else { s.title.ja.clone() },
                );
                html! {
                    <li>
                        <span class="section">{ title }</span>
                        { for quotes.into_iter().map(|q| html! { <q>{ q }</q> }) }
                    </li>
                }
            }) }
        </ul>
    }
}

/// Whether a discrepancy is recorded about the record at `pointer`.
fn flagged(data: &Dataset, pointer: &str) -> bool {
    data.discrepancies.iter().any(|d| d.subject == pointer)
}

fn badge(texts: &Texts) -> Html {
    html! { <span class="badge warn">{ "⚠ " }{ texts.table.discrepancy_badge }</span> }
}

fn name_cell(name: &str, aliases: &[String], flag: bool, lang: Lang) -> Html {
    name_cell_en(name, None, aliases, flag, lang)
}

/// A record's name; in the English UI its English name follows.
fn name_cell_en(
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
            if let Some(english) = english {
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
fn number_key(value: Option<i64>) -> SortKey {
    value.map_or(SortKey::Missing, |v| SortKey::Number(v as f64))
}

fn hospital_name(data: &Dataset, id: &str) -> String {
    data.hospitals
        .iter()
        .find(|h| h.id.as_str() == id)
        .map_or_else(|| id.to_owned(), |h| h.name.clone())
}

fn hospital_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    let texts = lang.texts();
    data.hospitals
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let ward = h.ward.as_ref().and_then(|id| data.ward(id));
            let place = match (ward, &h.city) {
                (Some(ward), _) if lang == Lang::En => format!("{}, Sapporo", ward.name_en),
                (Some(ward), _) => lang.sapporo_ward(&ward.name),
                (None, Some(city)) => city.clone(),
                (None, None) => texts.table.unknown.to_owned(),
            };
            let place = match &h.region {
                Some(region) => format!("{place}{}", lang.paren(region)),
                None => place,
            };
            // Equal readings from two places are shown once; differing ones all.
            let mut linked: Vec<String> = Vec::new();
            for text in h
                .linked_institutions
                .iter()
                .map(|r| reading(r, &texts.table))
            {
                if !linked.contains(&text) {
                    linked.push(text);
                }
            }
            let designations: Vec<String> =
                h.designations.iter().map(|d| d.label.clone()).collect();
            let mut sources: Vec<&Source> = h.sources.iter().collect();
            sources.extend(h.linked_institutions.iter().map(|r| &r.source));
            let discloses = if h.discloses {
                texts.data_view.yes
            } else {
                texts.data_view.no
            };
            Row {
                key: h.id.0.clone().into(),
                search: format!(
                    "{} {} {} {} {place}",
                    h.name,
                    h.name_en,
                    h.aliases.join(" "),
                    designations.join(" ")
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

fn union_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    let texts = lang.texts();
    data.unions
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let hosts: Vec<String> = u.hosts.iter().map(|h| hospital_name(data, h.as_str())).collect();
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
                search: format!("{} {} {}", u.name, u.aliases.join(" "), hosts.join(" ")),
                cells: vec![
                    name_cell(&u.name, &u.aliases, flagged(data, &format!("/unions/{i}")), lang),
                    html! { lang.list(&hosts) },
                    html! { u.founded.as_ref().map_or_else(|| texts.table.unknown.to_owned(), |m| m.0.clone()) },
                    html! { <ul class="notes">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul> },
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

fn link_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    let texts = lang.texts();
    data.links
        .iter()
        .map(|l| {
            let (from, to) = (hospital_name(data, l.from.as_str()), hospital_name(data, l.to.as_str()));
            let kind = match l.kind {
                LinkKind::Agreement => texts.data_view.kind_agreement,
                LinkKind::IdlinkPartner => texts.data_view.kind_partner,
            };
            let arrow = if l.directed { "→" } else { "⇄" };
            let region = l.region_group.clone().unwrap_or_default();
            Row {
                key: l.id.0.clone().into(),
                search: format!("{from} {to} {kind} {region}"),
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

fn facility_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    let texts = lang.texts();
    data.facilities
        .iter()
        .map(|f| {
            let kind = texts.data_view.facility_kinds[match f.kind {
                FacilityKind::Hospital => 0,
                FacilityKind::Clinic => 1,
                FacilityKind::Pharmacy => 2,
                FacilityKind::Care => 3,
            }];
            let ward = f
                .ward
                .as_ref()
                .and_then(|id| data.ward(id))
                .map_or_else(|| texts.table.unknown.to_owned(), |w| w.name.clone());
            let unions: Vec<String> = f
                .memberships
                .iter()
                .map(|m| {
                    data.unions
                        .iter()
                        .find(|u| u.id == m.union)
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
                    sources_cell(data, &sources, lang),
                ],
                sort: vec![
                    SortKey::Text(f.name.clone()),
                    SortKey::Text(kind.to_owned()),
                    SortKey::Text(ward),
                    SortKey::Text(unions.join(" ")),
                    SortKey::Missing,
                ],
            }
        })
        .collect()
}

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

fn discrepancy_rows(data: &Dataset, lang: Lang) -> Vec<Row> {
    data.discrepancies
        .iter()
        .map(|d| {
            let subject = subject_name(data, &d.subject);
            let note = if lang == Lang::En { d.note.en.clone() } else { d.note.ja.clone() };
            let readings: Vec<&Source> = d.readings.iter().map(|r| &r.source).collect();
            Row {
                key: d.id.0.clone().into(),
                search: format!("{subject} {} {note}", d.field),
                cells: vec![
                    html! { <>{ subject.clone() }<code class="field">{ format!(" {}", d.field) }</code></> },
                    html! {
                        <ul class="readings">
                            { for d.readings.iter().map(|r| html! { <li>{ r.as_written.clone() }</li> }) }
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

fn columns(table: Table, texts: &Texts) -> Vec<Column> {
    let d = &texts.data_view;
    let source = Column::plain(texts.table.source);
    match table {
        Table::Hospitals => vec![
            Column::text(d.col_name),
            Column::text(d.col_place),
            Column::text(d.col_discloses),
            Column::number(d.col_beds),
            Column::number(d.col_linked),
            Column::text(d.col_go_live),
            Column::text(d.col_designations),
            source,
        ],
        Table::Unions => vec![
            Column::text(d.col_name),
            Column::text(d.col_hosts),
            Column::text(d.col_founded),
            Column::plain(d.col_notes),
            source,
        ],
        Table::Links => vec![
            Column::text(d.col_from),
            Column::text(d.col_to),
            Column::text(d.col_kind),
            Column::text(d.col_region),
            source,
        ],
        Table::Facilities => vec![
            Column::text(d.col_name),
            Column::text(d.col_facility_kind),
            Column::text(texts.wards_view.col_ward),
            Column::text(d.col_unions),
            source,
        ],
        Table::Discrepancies => {
            vec![
                Column::text(d.col_subject),
                Column::plain(d.col_readings),
                Column::plain(d.col_notes),
                source,
            ]
        }
    }
}

/// [`DataView`]'s properties: the data, and how to change it.
#[derive(Properties, PartialEq)]
pub struct DataViewProps {
    /// The UI language.
    pub lang: Lang,
    /// The working dataset.
    #[prop_or_default]
    pub data: Option<DatasetHandle>,
    /// Whether it differs from the report's.
    #[prop_or_default]
    pub edited: bool,
    /// Whether there is a change to undo.
    #[prop_or_default]
    pub can_undo: bool,
    /// Whether there is a change to redo.
    #[prop_or_default]
    pub can_redo: bool,
    /// An import awaiting confirmation.
    #[prop_or_default]
    pub pending: Option<PendingImport>,
    /// Why the last edit was refused.
    #[prop_or_default]
    pub edit_errors: Option<Rc<Vec<Problem>>>,
    /// Applies an edit.
    #[prop_or_default]
    pub on_edit: Callback<Edit>,
    /// Import, undo, redo, reset.
    #[prop_or_default]
    pub on_command: Callback<DataCommand>,
}

/// A short, stable key for the open form, so a new record gets a fresh form.
fn form_key(kind: &FormKind) -> String {
    match kind {
        FormKind::Facility(f) => {
            format!("facility:{}", f.as_ref().map_or("new", |f| f.id.as_str()))
        }
        FormKind::Union(u) => format!("union:{}", u.as_ref().map_or("new", |u| u.id.as_str())),
        FormKind::Link(l) => format!("link:{}", l.as_ref().map_or("new", |l| l.id.as_str())),
    }
}

/// Edit and remove buttons for a row, named after the record.
fn actions(
    lang: Lang,
    name: &str,
    on_edit: Option<Callback<MouseEvent>>,
    on_remove: Callback<MouseEvent>,
) -> Html {
    let texts = &lang.texts().upkeep;
    html! {
        <div class="row-actions">
            if let Some(onclick) = on_edit {
                <button type="button" aria-label={texts.edit.replace("{name}", name)} {onclick}>{ "✎" }</button>
            }
            <button type="button" aria-label={texts.remove.replace("{name}", name)} onclick={on_remove}>{ "🗑" }</button>
        </div>
    }
}

/// The データ view.
#[function_component(DataView)]
pub fn data_view(props: &DataViewProps) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let table = use_state(|| Table::Hospitals);
    let form = use_state(|| None::<FormKind>);
    {
        // A saved edit changes the data: close the form. A refused one leaves it open.
        let form = form.clone();
        use_effect_with(props.data.clone(), move |_| form.set(None));
    }
    let header = html! {
        <>
            <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.data.title }</h2>
            <p class="lead">{ texts.data.lead }</p>
        </>
    };
    let Some(data) = props.data.clone() else {
        return html! {
            <section class="view" aria-labelledby={VIEW_TITLE_ID}>
                { header }
                <p role="alert">{ texts.data_unavailable }</p>
            </section>
        };
    };

    let current = *table;
    let mut rows = match current {
        Table::Hospitals => hospital_rows(&data, lang),
        Table::Unions => union_rows(&data, lang),
        Table::Links => link_rows(&data, lang),
        Table::Facilities => facility_rows(&data, lang),
        Table::Discrepancies => discrepancy_rows(&data, lang),
    };
    let mut table_columns = columns(current, texts);
    // A form opens or closes without the last refused edit's reasons.
    let open = |kind: FormKind| {
        let (form, on_command) = (form.clone(), props.on_command.clone());
        Callback::from(move |_: MouseEvent| {
            on_command.emit(DataCommand::ClearEditErrors);
            form.set(Some(kind.clone()));
        })
    };
    let remove = |edit: Edit, name: &str| {
        let (on_edit, question) = (
            props.on_edit.clone(),
            texts.upkeep.remove_confirm.replace("{name}", name),
        );
        Callback::from(move |_: MouseEvent| {
            if crate::files::confirm(&question) {
                on_edit.emit(edit.clone());
            }
        })
    };
    let editable = matches!(current, Table::Facilities | Table::Unions | Table::Links);
    if editable {
        table_columns.push(Column::plain(texts.upkeep.actions));
        for row in &mut rows {
            let id = row.key.to_string();
            let cell = match current {
                Table::Facilities => data.facilities.iter().find(|f| f.id.0 == id).map(|f| {
                    actions(
                        lang,
                        &f.name,
                        Some(open(FormKind::Facility(Some(f.clone())))),
                        remove(Edit::RemoveFacility(f.id.clone()), &f.name),
                    )
                }),
                Table::Unions => data.unions.iter().find(|u| u.id.0 == id).map(|u| {
                    actions(
                        lang,
                        &u.name,
                        Some(open(FormKind::Union(Some(u.clone())))),
                        remove(Edit::RemoveUnion(u.id.clone()), &u.name),
                    )
                }),
                Table::Links => data.links.iter().find(|l| l.id.0 == id).map(|l| {
                    let name = format!(
                        "{} ⇄ {}",
                        hospital_name(&data, l.from.as_str()),
                        hospital_name(&data, l.to.as_str())
                    );
                    actions(
                        lang,
                        &name,
                        Some(open(FormKind::Link(Some(l.clone())))),
                        remove(Edit::RemoveLink(l.id.clone()), &name),
                    )
                }),
                _ => None,
            };
            row.cells.push(cell.unwrap_or_default());
            row.sort.push(SortKey::Missing);
        }
    }
    let add = match current {
        Table::Facilities => Some((texts.upkeep.add_facility, FormKind::Facility(None))),
        Table::Unions => Some((texts.upkeep.add_union, FormKind::Union(None))),
        Table::Links => Some((texts.upkeep.add_link, FormKind::Link(None))),
        _ => None,
    };
    let note = match current {
        Table::Facilities => Some(texts.data_view.facilities_note),
        Table::Links => Some(texts.data_view.links_note),
        _ => None,
    };
    let buttons = Table::ALL.into_iter().map(|t| {
        let onclick = {
            let (table, form) = (table.clone(), form.clone());
            Callback::from(move |_: MouseEvent| {
                table.set(t);
                form.set(None);
            })
        };
        let count = match t {
            Table::Hospitals => data.hospitals.len(),
            Table::Unions => data.unions.len(),
            Table::Links => data.links.len(),
            Table::Facilities => data.facilities.len(),
            Table::Discrepancies => data.discrepancies.len(),
        };
        html! {
            <button type="button" aria-pressed={(t == current).to_string()} {onclick}>
                { t.label(texts) }<span class="count">{ count }</span>
            </button>
        }
    });
    {
        // Ctrl+Z / Ctrl+Y (and ⌘) anywhere on the page while this view is
        // shown, focus on <body> included (as it is after 保存), but not
        // while typing in a field, where they edit the text.
        let on_command = props.on_command.clone();
        crate::hooks::use_document_keys(move |event| {
            let typing = matches!(
                crate::hooks::key_target_tag(event).as_str(),
                "input" | "textarea" | "select"
            );
            if typing || !(event.ctrl_key() || event.meta_key()) {
                return false;
            }
            // ASCII folding is enough for the ASCII keys matched (and ships
            // no Unicode case tables).
            match (event.key().to_ascii_lowercase().as_str(), event.shift_key()) {
                ("z", false) => on_command.emit(DataCommand::Undo),
                ("y", _) | ("z", true) => on_command.emit(DataCommand::Redo),
                _ => return false,
            }
            true
        });
    }

    html! {
        <section class="view" aria-labelledby={VIEW_TITLE_ID}>
            { header }
            <DataTools {lang} data={data.clone()} edited={props.edited} can_undo={props.can_undo}
                can_redo={props.can_redo} pending={props.pending.clone()} on_command={props.on_command.clone()} />
            <div class="segmented" role="group" aria-label={texts.data_view.tabs_label}>{ for buttons }</div>
            if let Some((label, kind)) = add {
                <button type="button" class="add-record" onclick={open(kind)}>{ lang.add_button(label) }</button>
            }
            if let Some(kind) = (*form).clone() {
                if let Some(problems) = &props.edit_errors {
                    <div class="import-errors" role="alert">
                        <p><strong>{ texts.upkeep.edit_failed }</strong></p>
                        <ul>{ for problems.iter().map(|p| problem_item(lang, &ShownProblem::from(p))) }</ul>
                    </div>
                }
                <RecordForm key={form_key(&kind)} {lang} data={data.clone()} kind={kind.clone()} on_save={props.on_edit.clone()}
                    on_cancel={{
                        let (form, on_command) = (form.clone(), props.on_command.clone());
                        Callback::from(move |()| {
                            on_command.emit(DataCommand::ClearEditErrors);
                            form.set(None);
                        })
                    }} />
            }
            // Keyed by table, so sorting and search start afresh on each table.
            <SortTable key={format!("{current:?}")} {lang} caption={current.label(texts)}
                columns={Rc::new(table_columns)} rows={Rc::new(rows)} />
            if let Some(note) = note {
                <p class="note">{ note }</p>
            }
        </section>
    }
}
