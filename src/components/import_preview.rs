//! The preview of a facilities file before it is imported: how it meets the
//! data (add and update by default, replace, or one union's roster), every
//! change field by field, the values the file does not give, and a
//! confirmation that names what would be removed.

use std::rc::Rc;

use tsunagu_core::import::CsvImport;
use tsunagu_core::merge::{plan_import, Confirmation, FieldChange, ImportMode, ImportPlan, Named};
use tsunagu_core::model::{Dataset, Date, UnionId, WardId};
use tsunagu_core::validate::Problem;
use yew::prelude::*;

use super::{problem_item, DataCommand};
use crate::components::tags;
use crate::dataset_handle::DatasetHandle;
use crate::i18n::Lang;
use crate::worker::ShownProblem;

/// [`ImportPreview`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ImportPreviewProps {
    /// The UI language.
    pub lang: Lang,
    /// The data the file would meet.
    pub data: DatasetHandle,
    /// The file's rows.
    pub import: Rc<CsvImport>,
    /// Applies the import, or drops it.
    pub on_command: Callback<DataCommand>,
}

/// The mode's choice on the form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    Add,
    Replace,
    Roster,
}

/// The inputs a plan depends on, compared cheaply: the data by generation
/// and the file by identity.
#[derive(Clone)]
struct Inputs {
    data: DatasetHandle,
    import: Rc<CsvImport>,
    mode: ImportMode,
    confirmation: Confirmation,
}

impl PartialEq for Inputs {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
            && Rc::ptr_eq(&self.import, &other.import)
            && self.mode == other.mode
            && self.confirmation == other.confirmation
    }
}

fn names(items: &[Named]) -> Html {
    html! { <ul>{ for items.iter().map(|f| html! { { tags::li(f.name.clone()) } }) }</ul> }
}

/// The facilities the file adds, each with the ward and the unions its row
/// was matched to (「TMNIT」 in the file reads as TMNIT in Hokkaido here), so
/// the match can be checked before anything is applied.
fn added_list(data: &Dataset, import: &CsvImport, added: &[Named], lang: Lang) -> Html {
    let t = &lang.texts().import;
    html! {
        <ul>
            { for added.iter().map(|named| {
                let Some(f) = import.facilities.iter().find(|f| f.id == named.id) else {
                    return tags::li(named.name.clone());
                };
                let unions: Vec<String> = f
                    .memberships
                    .iter()
                    .map(|m| crate::lookup::union_name_in(data, &m.union, lang))
                    .collect();
                let unions = if unions.is_empty() { t.none_value.to_owned() } else { lang.list(&unions) };
                html! {
                    <li>
                        { named.name.clone() }
                        <span class="matched">{ t.added_matched
                            .replace("{ward}", &ward_name(data, f.ward.as_ref(), lang))
                            .replace("{unions}", &unions) }</span>
                    </li>
                }
            }) }
        </ul>
    }
}

/// A ward in the UI's language (its id when the data lacks it).
fn ward_name(data: &Dataset, ward: Option<&WardId>, lang: Lang) -> String {
    ward.map_or_else(
        || lang.texts().import.none_value.to_owned(),
        |w| crate::lookup::ward_name_in(data, w, lang).unwrap_or_else(|| w.0.clone()),
    )
}

/// One field's change: 「種別: 診療所 → 病院」.
fn change_text(data: &Dataset, change: &FieldChange, lang: Lang) -> String {
    let t = &lang.texts().import;
    let kinds = &lang.texts().data_view.facility_kinds;
    let unions = |ids: &[UnionId]| {
        lang.list(
            &ids.iter()
                .map(|u| crate::lookup::union_name_in(data, u, lang))
                .collect::<Vec<_>>(),
        )
    };
    match change {
        FieldChange::Name { before, after } => {
            lang.labelled(t.field_name_change, &format!("{before} → {after}"))
        }
        FieldChange::Kind { before, after } => lang.labelled(
            t.field_kind_change,
            &format!("{} → {}", kinds[*before as usize], kinds[*after as usize]),
        ),
        FieldChange::Ward { before, after } => lang.labelled(
            t.field_ward_change,
            &format!(
                "{} → {}",
                ward_name(data, before.as_ref(), lang),
                ward_name(data, after.as_ref(), lang)
            ),
        ),
        FieldChange::Unions { joined, left } => {
            let mut parts = Vec::new();
            if !joined.is_empty() {
                parts.push(lang.labelled(t.field_unions_joined, &unions(joined)));
            }
            if !left.is_empty() {
                parts.push(lang.labelled(t.field_unions_left, &unions(left)));
            }
            lang.list(&parts)
        }
    }
}

/// The plan, laid out: what is removed or leaves first, then what is added
/// and updated, then the values not given.
fn plan_view(
    data: &Dataset,
    import: &CsvImport,
    plan: &ImportPlan,
    roster: Option<&UnionId>,
    lang: Lang,
) -> Html {
    let t = &lang.texts().import;
    let summary = t
        .summary
        .replace("{added}", &plan.added.len().to_string())
        .replace("{updated}", &plan.updated.len().to_string())
        .replace("{unchanged}", &plan.unchanged.to_string())
        .replace("{left}", &plan.left_union.len().to_string())
        .replace("{removed}", &plan.removed.len().to_string());
    let shown: Vec<ShownProblem> = plan.warnings.iter().map(ShownProblem::from).collect();
    html! {
        <>
            <p class="import-summary" role="status">{ summary }</p>
            if !plan.removed.is_empty() {
                <details class="removed" open=true>
                    { tags::summary(t.removed_heading.replace("{n}", &plan.removed.len().to_string())) }
                    { names(&plan.removed) }
                </details>
            }
            if !plan.left_union.is_empty() {
                <details class="left-union" open=true>
                    <summary>{ t.left_heading
                        .replace("{union}", &roster.map(|u| data.union_name(u)).unwrap_or_default())
                        .replace("{n}", &plan.left_union.len().to_string()) }</summary>
                    { names(&plan.left_union) }
                </details>
            }
            if !plan.added.is_empty() {
                <details class="added" open=true>
                    { tags::summary(t.added_heading.replace("{n}", &plan.added.len().to_string())) }
                    { added_list(data, import, &plan.added, lang) }
                </details>
            }
            if !plan.updated.is_empty() {
                <details class="updated" open=true>
                    { tags::summary(t.updated_heading.replace("{n}", &plan.updated.len().to_string())) }
                    <ul>
                        { for plan.updated.iter().map(|u| html! {
                            <li>
                                { tags::strong(u.facility.name.clone()) }
                                <ul class="field-changes">
                                    { for u.changes.iter().map(|c| html! { { tags::li(change_text(data, c, lang)) } }) }
                                </ul>
                            </li>
                        }) }
                    </ul>
                </details>
            }
            if !shown.is_empty() {
                <div class="not-given">
                    { tags::p(tags::strong(t.warnings_heading)) }
                    <ul class="warnings">{ for shown.iter().map(|p| problem_item(lang, p)) }</ul>
                </div>
            }
        </>
    }
}

/// The preview.
#[function_component(ImportPreview)]
pub fn import_preview(props: &ImportPreviewProps) -> Html {
    let lang = props.lang;
    let t = &lang.texts().import;
    let upkeep = &lang.texts().upkeep;
    let data = &props.data;
    let choice = use_state(|| Choice::Add);
    let roster = use_state(|| data.unions.first().map(|u| u.id.clone()));
    let date = use_state(crate::format::today);
    let by = use_state(String::new);
    let checked = use_state(|| false);

    let mode = match (*choice, (*roster).clone()) {
        (Choice::Replace, _) => ImportMode::Replace,
        (Choice::Roster, Some(union)) => ImportMode::Roster(union),
        _ => ImportMode::AddUpdate,
    };
    let confirmation = Confirmation {
        date: Some(Date((*date).clone())),
        by: Some(by.trim().to_owned()).filter(|b| !b.is_empty()),
    };
    let plan: Rc<Result<ImportPlan, Vec<Problem>>> = use_memo(
        Inputs {
            data: data.clone(),
            import: Rc::clone(&props.import),
            mode: mode.clone(),
            confirmation,
        },
        |inputs| {
            plan_import(
                &inputs.data,
                &inputs.import,
                &inputs.mode,
                &inputs.confirmation,
            )
        },
    );

    let pick = |value: Choice| {
        let (choice, checked) = (choice.clone(), checked.clone());
        Callback::from(move |_: Event| {
            choice.set(value);
            checked.set(false);
        })
    };
    let on_union = {
        let roster = roster.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            roster.set(Some(UnionId(select.value())));
        })
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            date.set(input.value());
        })
    };
    let on_by = {
        let by = by.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            by.set(input.value());
        })
    };
    let on_check = {
        let checked = checked.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            checked.set(input.checked());
        })
    };
    // The preview goes: focus goes back to the file input it came from.
    let cancel = props.on_command.reform(|_: MouseEvent| {
        crate::dom::focus_after_render("data-import".to_owned());
        DataCommand::Cancel
    });
    let radio = |value: Choice, id: &'static str, label: &'static str| {
        html! {
            <div class="choice">
                <input type="radio" name="import-mode" {id} checked={*choice == value} onchange={pick(value)} />
                <label for={id}>{ label }</label>
            </div>
        }
    };

    let body = match &*plan {
        Err(problems) => {
            let shown: Vec<ShownProblem> = problems.iter().map(ShownProblem::from).collect();
            html! {
                <div class="import-errors" role="alert">
                    <ul>{ for shown.iter().map(|p| problem_item(lang, p)) }</ul>
                    { tags::p(upkeep.nothing_changed) }
                </div>
            }
        }
        Ok(planned) => {
            let removing = planned.removed.len();
            let apply = {
                let next = Rc::new(planned.dataset.clone());
                props.on_command.reform(move |_: MouseEvent| {
                    crate::dom::focus_after_render("data-import".to_owned());
                    DataCommand::Apply(Rc::clone(&next))
                })
            };
            let roster_union = match &mode {
                ImportMode::Roster(u) => Some(u),
                _ => None,
            };
            html! {
                <>
                    { plan_view(data, &props.import, planned, roster_union, lang) }
                    if removing > 0 {
                        <div class="choice confirm-removal">
                            <input type="checkbox" id="confirm-removal" checked={*checked} onchange={on_check} />
                            <label for="confirm-removal">{ t.replace_check.replace("{n}", &removing.to_string()) }</label>
                        </div>
                    }
                    <div class="tool-row">
                        if removing > 0 {
                            <button type="button" class="primary danger" onclick={apply} disabled={!*checked}>
                                { t.confirm_replace.replace("{n}", &removing.to_string()) }
                            </button>
                        } else {
                            <button type="button" class="primary" onclick={apply}>{ upkeep.confirm_import }</button>
                        }
                        { tags::button(cancel.clone(), upkeep.cancel_import) }
                    </div>
                </>
            }
        }
    };

    html! {
        <div class="facilities-preview">
            <fieldset class="import-mode">
                { tags::legend(t.mode_legend) }
                { radio(Choice::Add, "import-mode-add", t.mode_add) }
                { radio(Choice::Replace, "import-mode-replace", t.mode_replace) }
                { radio(Choice::Roster, "import-mode-roster", t.mode_roster) }
                if *choice == Choice::Roster {
                    <label class="inline" for="roster-union">{ t.roster_union }</label>
                    <select id="roster-union" onchange={on_union}>
                        { for data.unions.iter().map(|u| html! {
                            <option value={u.id.0.clone()} selected={roster.as_ref() == Some(&u.id)}>{ u.name.clone() }</option>
                        }) }
                    </select>
                }
            </fieldset>
            <div class="tool-row confirmation">
                <label for="import-confirmed">{ t.confirmed_label }</label>
                <input id="import-confirmed" type="date" value={(*date).clone()} onchange={on_date} />
                <label for="import-confirmed-by">{ t.confirmed_by_label }</label>
                <input id="import-confirmed-by" type="text" value={(*by).clone()} oninput={on_by}
                    placeholder={t.confirmed_by_hint} />
            </div>
            { body }
        </div>
    }
}
