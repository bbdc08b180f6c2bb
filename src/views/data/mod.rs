//! データ: the dataset as sortable, searchable tables, one per kind of
//! record, each row with its source in the report. Records the report
//! disagrees with itself about carry a visible flag.
//!
//! This file holds the view and its editing tools. The tables are built
//! beside it: `table.rs` names them and their columns, and one file per
//! kind of record builds its rows (`hospitals.rs`, `unions.rs`, `links.rs`,
//! `facilities.rs`, `discrepancies.rs`) from the cells in `cells.rs`.

mod cells;
mod discrepancies;
mod facilities;
mod hospitals;
mod links;
mod roster;
mod table;
mod unions;

use std::collections::HashMap;
use std::rc::Rc;

use tsunagu_core::edit::Edit;
use tsunagu_core::model::Dataset;
use tsunagu_core::validate::Problem;
use yew::prelude::*;

use crate::components::tags;
use crate::components::{problem_item, DataCommand, DataTools, FormKind, RecordForm};
use crate::components::{Column, DrawCells, Row, SortKey, SortTable};
use crate::dataset_handle::DatasetHandle;
use crate::hooks::use_import;
use crate::i18n::Lang;
use crate::route::VIEW_TITLE_ID;
use crate::state::PendingImport;
use crate::worker::ShownProblem;
use cells::HospitalNames;
use discrepancies::discrepancy_rows;
use facilities::{facility_cells, facility_rows};
use hospitals::hospital_rows;
use links::link_rows;
use roster::RosterTools;
use table::{columns, Table};
use unions::union_rows;

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
/// What a saved edit is called in the note that it was saved.
fn edit_name(data: &Dataset, edit: &Edit, lang: Lang) -> Option<String> {
    Some(match edit {
        Edit::PutFacility(f) => f.name.clone(),
        Edit::PutUnion(u) => u.name.clone(),
        Edit::PutHospital(h) => h.name.clone(),
        Edit::PutLink(l) => format!(
            "{} ⇄ {}",
            crate::lookup::hospital_name_in(data, &l.from, lang),
            crate::lookup::hospital_name_in(data, &l.to, lang)
        ),
        _ => return None,
    })
}

/// The form's saves, passed on to `on_edit`, and a note of the last one
/// the data took (「「…」を保存しました」), for as long as the data is the
/// one it made: the form closes on a save, and the note says it happened.
#[hook]
fn use_saved_note(
    data: Option<DatasetHandle>,
    edit_errors: Option<Rc<Vec<Problem>>>,
    on_edit: Callback<Edit>,
    lang: Lang,
) -> (Callback<Edit>, Option<String>) {
    let asked = use_mut_ref(|| None::<String>);
    let saved = use_state(|| None::<String>);
    {
        // The data changed: by the save asked for, or by something else (an
        // undo, an import), which the note must not claim. A save the data
        // took clears the refusal; one still shown means the save was refused.
        let (asked, saved) = (asked.clone(), saved.clone());
        let refused = edit_errors.is_some();
        use_effect_with(data.clone(), move |_| {
            saved.set(asked.borrow_mut().take().filter(|_| !refused));
        });
    }
    let on_save = Callback::from(move |edit: Edit| {
        *asked.borrow_mut() = data.as_ref().and_then(|d| edit_name(d, &edit, lang));
        on_edit.emit(edit);
    });
    (on_save, (*saved).clone())
}

fn form_key(kind: &FormKind) -> String {
    match kind {
        FormKind::Facility(f) => {
            format!("facility:{}", f.as_ref().map_or("new", |f| f.id.as_str()))
        }
        FormKind::Union(u) => format!("union:{}", u.as_ref().map_or("new", |u| u.id.as_str())),
        FormKind::Link(l) => format!("link:{}", l.as_ref().map_or("new", |l| l.id.as_str())),
        FormKind::Hospital(h) => {
            format!("hospital:{}", h.as_ref().map_or("new", |h| h.id.as_str()))
        }
    }
}

/// What the edit and remove buttons need: made once per render, and
/// drawn only for the rows shown.
#[derive(Clone)]
struct RowActions {
    lang: Lang,
    form: UseStateHandle<Option<FormKind>>,
    on_command: Callback<DataCommand>,
    on_edit: Callback<Edit>,
}

impl RowActions {
    /// Opens a form, without the last refused edit's reasons.
    fn open(&self, kind: FormKind) -> Callback<MouseEvent> {
        let (form, on_command) = (self.form.clone(), self.on_command.clone());
        Callback::from(move |_: MouseEvent| {
            on_command.emit(DataCommand::ClearEditErrors);
            form.set(Some(kind.clone()));
        })
    }

    /// Applies `edit` once the user confirms the removal of `name`.
    fn remove(&self, edit: Edit, name: &str) -> Callback<MouseEvent> {
        let question = self
            .lang
            .texts()
            .upkeep
            .remove_confirm
            .replace("{name}", name);
        let on_edit = self.on_edit.clone();
        Callback::from(move |_: MouseEvent| {
            if crate::files::confirm(&question) {
                on_edit.emit(edit.clone());
            }
        })
    }

    /// The edit and remove buttons of the record at `record` in `table`'s
    /// collection, named after it; nothing for a table without them.
    /// `hospitals` names the links' ends (made for the links table only).
    fn cell(
        &self,
        data: &Dataset,
        table: Table,
        record: usize,
        hospitals: Option<&HospitalNames>,
    ) -> Html {
        let (name, kind, edit) = match table {
            Table::Facilities => match data.facilities.get(record) {
                Some(f) => (
                    f.name.clone(),
                    FormKind::Facility(Some(f.clone())),
                    Some(Edit::RemoveFacility(f.id.clone())),
                ),
                None => return Html::default(),
            },
            Table::Unions => match data.unions.get(record) {
                Some(u) => (
                    crate::lookup::union_name_in(data, &u.id, self.lang),
                    FormKind::Union(Some(u.clone())),
                    Some(Edit::RemoveUnion(u.id.clone())),
                ),
                None => return Html::default(),
            },
            Table::Links => match (data.links.get(record), hospitals) {
                (Some(l), Some(hospitals)) => (
                    format!(
                        "{} ⇄ {}",
                        hospitals.get(l.from.as_str()),
                        hospitals.get(l.to.as_str())
                    ),
                    FormKind::Link(Some(l.clone())),
                    Some(Edit::RemoveLink(l.id.clone())),
                ),
                _ => return Html::default(),
            },
            // Hospitals are changed, never removed: unions, links and the
            // report's tables refer to them.
            Table::Hospitals => match data.hospitals.get(record) {
                Some(h) => (
                    crate::lookup::hospital_label(h, self.lang),
                    FormKind::Hospital(Some(h.clone())),
                    None,
                ),
                None => return Html::default(),
            },
            Table::Discrepancies => return Html::default(),
        };
        let texts = &self.lang.texts().upkeep;
        let on_remove = edit.map(|edit| self.remove(edit, &name));
        html! {
            <div class="row-actions">
                <button type="button" aria-label={texts.edit.replace("{name}", &name)} onclick={self.open(kind)}>{ texts.edit_button }</button>
                if let Some(on_remove) = on_remove {
                    <button type="button" aria-label={texts.remove.replace("{name}", &name)} onclick={on_remove}>{ texts.remove_button }</button>
                }
            </div>
        }
    }
}

/// The freshness filter: a box to show only the facilities not confirmed
/// in the last `months` months, and the number of months.
fn stale_filter(
    lang: Lang,
    stale: &UseStateHandle<Option<u32>>,
    months: &UseStateHandle<u32>,
) -> Html {
    let t = &lang.texts().import;
    let on_check = {
        let (stale, months) = (stale.clone(), months.clone());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            stale.set(input.checked().then_some(*months));
        })
    };
    let on_months = {
        let (stale, months) = (stale.clone(), months.clone());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Ok(n) = input.value().parse::<u32>() {
                let n = n.clamp(1, 600);
                months.set(n);
                if stale.is_some() {
                    stale.set(Some(n));
                }
            }
        })
    };
    html! {
        <div class="tool-row stale-filter">
            <input type="checkbox" id="stale-only" checked={stale.is_some()} onchange={on_check} />
            <label for="stale-only">{ t.stale_label.replace("{months}", &months.to_string()) }</label>
            <label class="visually-hidden" for="stale-months">{ t.stale_months }</label>
            <input type="number" id="stale-months" min="1" max="600" value={months.to_string()} onchange={on_months} />
        </div>
    }
}

/// `records` by their ids (the first of any two with one id, as a scan
/// finds it), or none when `wanted` is false.
fn by_id<'a, T>(
    wanted: bool,
    records: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
) -> HashMap<&'a str, &'a T> {
    let mut map = HashMap::with_capacity(if wanted { records.len() } else { 0 });
    if wanted {
        for record in records {
            map.entry(id(record)).or_insert(record);
        }
    }
    map
}

/// The データ view.
#[function_component(DataView)]
pub fn data_view(props: &DataViewProps) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let table = use_state(|| Table::Hospitals);
    let form = use_state(|| None::<FormKind>);
    let stale = use_state(|| None::<u32>);
    let stale_months = use_state(|| 12_u32);
    let import = use_import(
        props.data.clone(),
        props.on_command.reform(DataCommand::Preview),
    );
    let (on_save, saved) = use_saved_note(
        props.data.clone(),
        props.edit_errors.clone(),
        props.on_edit.clone(),
        lang,
    );
    {
        // A saved edit changes the data: close the form. A refused one leaves it open.
        let form = form.clone();
        use_effect_with(props.data.clone(), move |_| form.set(None));
    }
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
    let header = html! {
        <>
            <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.data.title }</h2>
            { tags::p_lead(texts.data.lead) }
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
    // Only the records not confirmed in the last N months, when asked.
    let stale_before = stale
        .filter(|_| current == Table::Facilities)
        .and_then(|months| crate::format::months_before(&crate::format::today(), months));
    let mut rows = match current {
        Table::Hospitals => hospital_rows(&data, lang),
        Table::Unions => union_rows(&data, lang),
        Table::Links => link_rows(&data, lang),
        Table::Facilities => facility_rows(&data, lang, stale_before.as_deref()),
        Table::Discrepancies => discrepancy_rows(&data, lang),
    };
    let mut table_columns = columns(current, texts);
    let row_actions = RowActions {
        lang,
        form: form.clone(),
        on_command: props.on_command.clone(),
        on_edit: props.on_edit.clone(),
    };
    let editable = matches!(
        current,
        Table::Facilities | Table::Unions | Table::Links | Table::Hospitals
    );
    if editable {
        table_columns.push(Column::plain(texts.upkeep.actions));
        for row in &mut rows {
            row.sort.push(SortKey::Missing);
        }
    }
    // Cells are drawn for the rows shown only (500 at most): building them
    // for all of a national file's 180,000 facilities took seconds.
    let draw = {
        let (data, row_actions) = (data.clone(), row_actions.clone());
        DrawCells::new(move |shown: &[&Row]| {
            let hospitals = (current == Table::Links).then(|| HospitalNames::new(&data, lang));
            let mut cells = if current == Table::Facilities {
                facility_cells(&data, lang, shown)
            } else {
                shown.iter().map(|row| row.cells.clone()).collect()
            };
            if editable {
                for (row, cells) in shown.iter().zip(&mut cells) {
                    cells.push(row_actions.cell(&data, current, row.record, hospitals.as_ref()));
                }
            }
            cells
        })
    };
    let add = match current {
        Table::Facilities => Some((texts.upkeep.add_facility, FormKind::Facility(None))),
        Table::Unions => Some((texts.upkeep.add_union, FormKind::Union(None))),
        Table::Links => Some((texts.upkeep.add_link, FormKind::Link(None))),
        Table::Hospitals => Some((texts.upkeep.add_hospital, FormKind::Hospital(None))),
        Table::Discrepancies => None,
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

    html! {
        <section class="view" aria-labelledby={VIEW_TITLE_ID}>
            { header }
            <DataTools {lang} data={data.clone()} edited={props.edited} can_undo={props.can_undo}
                can_redo={props.can_redo} pending={props.pending.clone()} on_command={props.on_command.clone()}
                import={import} />
            <div class="segmented" role="group" aria-label={texts.data_view.tabs_label}>{ for buttons }</div>
            if let Some((label, kind)) = add {
                <button type="button" class="add-record" onclick={row_actions.open(kind)}>{ lang.add_button(label) }</button>
            }
            <p class="saved-note" role="status">{ saved.map(|name| texts.upkeep.saved.replace("{name}", &name)).unwrap_or_default() }</p>
            if let Some(kind) = (*form).clone() {
                // Why a save was refused is said beside the form's buttons,
                // where the reader who pressed 保存 is looking.
                <RecordForm key={form_key(&kind)} {lang} data={data.clone()} kind={kind.clone()} {on_save}
                    on_cancel={{
                        let (form, on_command) = (form.clone(), props.on_command.clone());
                        Callback::from(move |()| {
                            on_command.emit(DataCommand::ClearEditErrors);
                            form.set(None);
                        })
                    }}>
                    if let Some(problems) = &props.edit_errors {
                        <div class="import-errors" role="alert">
                            { tags::p(tags::strong(texts.upkeep.edit_failed)) }
                            <ul>{ for problems.iter().map(|p| problem_item(lang, &ShownProblem::from(p))) }</ul>
                        </div>
                    }
                </RecordForm>
            }
            if current == Table::Facilities {
                { stale_filter(lang, &stale, &stale_months) }
                <RosterTools {lang} data={data.clone()} />
            }
            // Keyed by table, so sorting and search start afresh on each table.
            <SortTable key={format!("{current:?}")} {lang} caption={current.label(texts)}
                columns={Rc::new(table_columns)} rows={Rc::new(rows)} {draw} />
            if let Some(note) = note {
                { tags::p_note(note) }
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::by_id;
    use super::facilities::{facility_cells, facility_rows};
    use crate::components::{Row, SortKey};
    use crate::i18n::Lang;
    use tsunagu_core::model::Date;
    use yew::prelude::*;

    #[test]
    fn facilities_unions_are_named_in_the_uis_language() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        for lang in Lang::ALL {
            let rows = facility_rows(&data, lang, None);
            for (row, f) in rows.iter().zip(&data.facilities) {
                let expected: Vec<String> = f
                    .memberships
                    .iter()
                    .map(|m| crate::lookup::membership_name(&data, m, lang))
                    .collect();
                assert_eq!(row.sort[3], SortKey::Text(expected.join(" ")), "{lang:?}");
            }
            // TMNIT's officers' facilities: marked as on the 幹事一覧 only.
            let shuyukai = rows
                .iter()
                .find(|r| r.key.as_str() == "shuyukai")
                .expect("listed");
            let SortKey::Text(unions) = &shuyukai.sort[3] else {
                panic!("a text key")
            };
            assert!(
                unions.ends_with(lang.texts().table.officer_list_mark),
                "{unions}"
            );
            let miki = rows
                .iter()
                .find(|r| r.key.as_str() == "miki-family-clinic")
                .expect("listed");
            if let SortKey::Text(unions) = &miki.sort[3] {
                assert!(
                    !unions.contains(lang.texts().table.officer_list_mark),
                    "{unions}"
                );
            }
        }
        // みき's unions include 市立札幌病院's, shown by its English name in
        // English; its ward is 東区. A search in English finds both names.
        let miki = |lang| {
            let rows = facility_rows(&data, lang, None);
            rows.into_iter()
                .find(|r| r.key.as_str() == "miki-family-clinic")
                .expect("みき is in the report")
        };
        let en = "Sapporo City General Hospital Regional Medical Information Network System";
        let ja = "市立札幌病院 地域医療情報ネットワークシステム";
        let higashi = data.wards.iter().find(|w| w.name == "東区").expect("東区");
        let shown = |row: &Row, column: usize| match &row.sort[column] {
            SortKey::Text(text) => text.clone(),
            other => panic!("{other:?}"),
        };
        let (in_en, in_ja) = (miki(Lang::En), miki(Lang::Ja));
        assert!(shown(&in_en, 3).contains(en) && !shown(&in_en, 3).contains(ja));
        assert!(shown(&in_ja, 3).contains(ja) && !shown(&in_ja, 3).contains(en));
        assert_eq!(
            (shown(&in_en, 2), shown(&in_ja, 2)),
            (higashi.name_en.clone(), "東区".to_owned())
        );
        for name in [en, ja, "東区", higashi.name_en.as_str()] {
            assert!(in_en.search.contains(name), "{name} in {}", in_en.search);
        }
        assert!(!in_ja.search.contains(en));
    }

    #[test]
    fn facility_cells_are_drawn_from_each_rows_own_record() {
        let mut data =
            (*crate::dataset_handle::bundled_dataset().expect("the bundled report loads")).clone();
        assert!(data.facilities.len() > 4, "the report names facilities");
        // Every other facility last confirmed long ago: with the freshness
        // filter on, a row's place in the table is not its record's.
        for f in data.facilities.iter_mut().step_by(2) {
            f.confirmed = Some(Date("2001-01-01".to_owned()));
        }
        let rows = facility_rows(&data, Lang::Ja, Some("2002-01-01"));
        assert_eq!(rows.len(), data.facilities.len().div_ceil(2));
        let shown: Vec<_> = rows.iter().collect();
        let cells = facility_cells(&data, Lang::Ja, &shown);
        assert_eq!(cells.len(), rows.len());
        for (n, (row, cells)) in rows.iter().zip(&cells).enumerate() {
            let f = &data.facilities[2 * n];
            assert_eq!(row.record, 2 * n);
            assert_eq!(row.key.as_str(), f.id.as_str());
            assert_eq!(cells.len(), 6, "one cell per column");
            assert_eq!(cells[0], html! { f.name.clone() });
            assert_eq!(
                cells[4],
                html! { <span class="date">{ "2001-01-01" }</span> }
            );
        }
    }

    #[test]
    fn records_by_id_are_those_a_scan_finds() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let mut facilities = data.facilities.clone();
        let mut twin = facilities[0].clone();
        twin.name = "twin".to_owned();
        facilities.push(twin);
        let map = by_id(true, &facilities, |f| f.id.as_str());
        for f in &facilities {
            let scanned = facilities.iter().find(|g| g.id == f.id);
            assert_eq!(map.get(f.id.as_str()).copied(), scanned);
        }
        assert_eq!(map.len(), data.facilities.len());
        assert!(by_id(false, &facilities, |f| f.id.as_str()).is_empty());
    }
}
