//! もしも: what-ifs for the council. Compose a what-if from the
//! four kinds of change, see the reach matrix, the pairs reachable by ward
//! and the plans that get shorter, before and after; save what-ifs on the
//! device, export and import them as JSON, compare them side by side, and
//! open the planner under one (marked hypothetical).
//!
//! The view keeps the draft and the assessments; the pieces it shows live
//! beside it: `composer.rs` (a change to add), `describe.rs` (a change in
//! words), `assessment.rs` (the figures before and after and the report's
//! next step), `saved.rs` (the saved what-ifs and their comparison) and
//! `import_export.rs` (what-if files).

mod assessment;
mod composer;
mod describe;
mod import_export;
mod saved;

pub use describe::describe;

use std::collections::BTreeSet;
use std::rc::Rc;

use tsunagu_core::access::Rules;
use tsunagu_core::model::UnionId;
use tsunagu_core::whatif::assess::{assess, next_step};
use tsunagu_core::whatif::{apply_what_if, connect_every_union, Change, WhatIf};
use yew::prelude::*;

use crate::components::pick;
use crate::components::tags;
use crate::dataset_handle::DatasetHandle;
use crate::i18n::Lang;
use crate::route::VIEW_TITLE_ID;
use crate::saved_what_ifs::{next_id, SavedWhatIf};
use assessment::{assessment_tables, next_step_box};
use composer::Composer;
use import_export::{export_draft, import_draft};
use saved::{compare_section, saved_item};

/// Above this many facilities the page does not assess saved what-ifs (the CLI does).
pub const MAX_ASSESSED_FACILITIES: usize = 20_000;
/// Plans compared per saved what-if, at most.
pub const MAX_COMPARED_PLANS: usize = 2_000;

/// [`WhatIfView`]'s properties.
#[derive(Properties, PartialEq)]
pub struct WhatIfViewProps {
    /// The UI language.
    pub lang: Lang,
    /// The dataset.
    #[prop_or_default]
    pub data: Option<DatasetHandle>,
    /// Saved what-ifs.
    #[prop_or_default]
    pub saved_what_ifs: Rc<Vec<SavedWhatIf>>,
    /// Save (or replace) a saved what-if.
    #[prop_or_default]
    pub on_save: Callback<SavedWhatIf>,
    /// Delete a saved what-if by id.
    #[prop_or_default]
    pub on_delete: Callback<String>,
}

/// The saved what-if being edited: its saved id, if any, and its what-if.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    id: Option<String>,
    what_if: WhatIf,
}

/// When `name` is one the app gives a draft (「新しい提案」, the report's
/// next step) in a language other than `lang`, the same name in `lang`.
fn app_name_in(name: &str, lang: Lang) -> Option<&'static str> {
    let here = &lang.texts().whatif_view;
    Lang::ALL
        .into_iter()
        .filter(|other| *other != lang)
        .find_map(|other| {
            let there = &other.texts().whatif_view;
            if name == there.name_default {
                Some(here.name_default)
            } else if name == there.next_name {
                Some(here.next_name)
            } else {
                None
            }
        })
}

/// The もしも view.
#[function_component(WhatIfView)]
pub fn whatif_view(props: &WhatIfViewProps) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let t = &texts.whatif_view;
    // The draft this tab was editing comes back after a reload or a visit
    // to another view (a saved what-if it edited must still be saved).
    let draft = use_state(|| {
        crate::storage::load_draft().map_or_else(
            || Draft {
                id: None,
                what_if: WhatIf {
                    name: t.name_default.to_owned(),
                    changes: Vec::new(),
                },
            },
            |kept| Draft {
                id: kept
                    .id
                    .filter(|id| props.saved_what_ifs.iter().any(|p| &p.id == id)),
                what_if: kept.what_if,
            },
        )
    });
    use_effect_with((*draft).clone(), |draft| {
        crate::storage::save_draft(&crate::storage::StoredDraft {
            id: draft.id.clone(),
            what_if: draft.what_if.clone(),
        });
    });
    // A name the app gave an unsaved draft follows the language; one the
    // user typed, or a saved what-if's, stays as it is.
    {
        let draft = draft.clone();
        use_effect_with(lang, move |lang| {
            let given = draft
                .id
                .is_none()
                .then(|| app_name_in(&draft.what_if.name, *lang))
                .flatten();
            if let Some(name) = given {
                let mut next = (*draft).clone();
                name.clone_into(&mut next.what_if.name);
                draft.set(next);
            }
        });
    }
    let compared = use_state(BTreeSet::<String>::new);
    // A refused file: its name and what is wrong with it.
    let import_errors = use_state(|| None::<(String, Vec<String>)>);
    let saved_flash = use_state(|| false);
    // The reach matrix and the plans follow the confirmed rule unless the
    // user switches the assumption on.
    let assume = use_state(|| false);
    let rules = if *assume {
        Rules::AssumeAgreements
    } else {
        Rules::Confirmed
    };
    let headline = use_memo(props.data.clone(), |data| {
        data.as_ref()
            .filter(|d| d.facilities.len() <= MAX_ASSESSED_FACILITIES)
            .map(|d| next_step(d, &UnionId::from("tmnit")))
    });
    let heading = html! { <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.whatif.title }</h2> };
    let assessed = use_memo(
        (props.data.clone(), draft.what_if.clone(), rules),
        |(data, what_if, rules)| {
            let data = data.as_ref()?;
            if data.facilities.len() > MAX_ASSESSED_FACILITIES {
                return None;
            }
            let (next, _) = apply_what_if(data, what_if);
            Some((
                Rc::new(assess(data, what_if, *rules, MAX_COMPARED_PLANS)),
                Rc::new(next),
            ))
        },
    );
    let comparisons = use_memo(
        (
            props.data.clone(),
            props.saved_what_ifs.clone(),
            (*compared).clone(),
            rules,
        ),
        |(data, saved_what_ifs, compared, rules)| {
            let Some(data) = data
                .as_ref()
                .filter(|d| d.facilities.len() <= MAX_ASSESSED_FACILITIES)
            else {
                return Vec::new();
            };
            saved_what_ifs
                .iter()
                .filter(|p| compared.contains(&p.id))
                .map(|p| {
                    (
                        p.clone(),
                        assess(data, &p.what_if, *rules, MAX_COMPARED_PLANS),
                    )
                })
                .collect::<Vec<_>>()
        },
    );
    let Some(data) = props.data.clone() else {
        return html! { <section class="view">{ heading }{ tags::p(texts.data_unavailable) }</section> };
    };

    let set_what_if = |f: Rc<dyn Fn(&mut WhatIf)>| {
        let draft = draft.clone();
        let saved_flash = saved_flash.clone();
        move || {
            let mut next = (*draft).clone();
            f(&mut next.what_if);
            saved_flash.set(false);
            draft.set(next);
        }
    };
    let on_add = {
        let draft = draft.clone();
        let saved_flash = saved_flash.clone();
        Callback::from(move |change: Change| {
            let mut next = (*draft).clone();
            if !next.what_if.changes.contains(&change) {
                next.what_if.changes.push(change);
            }
            saved_flash.set(false);
            draft.set(next);
        })
    };
    let on_name = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*draft).clone();
            next.what_if.name = input.value();
            draft.set(next);
        })
    };
    let save = |as_new: bool| {
        let (draft, on_save, saved_what_ifs, saved_flash) = (
            draft.clone(),
            props.on_save.clone(),
            Rc::clone(&props.saved_what_ifs),
            saved_flash.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let id = match (&draft.id, as_new) {
                (Some(id), false) => id.clone(),
                _ => next_id(&saved_what_ifs),
            };
            on_save.emit(SavedWhatIf {
                id: id.clone(),
                what_if: draft.what_if.clone(),
            });
            draft.set(Draft {
                id: Some(id),
                what_if: draft.what_if.clone(),
            });
            saved_flash.set(true);
        })
    };
    let new_draft = {
        let draft = draft.clone();
        let name = t.name_default;
        Callback::from(move |_: MouseEvent| {
            draft.set(Draft {
                id: None,
                what_if: WhatIf {
                    name: name.to_owned(),
                    changes: Vec::new(),
                },
            });
        })
    };
    let export = export_draft(&draft);
    let on_import = import_draft(&draft, &import_errors, &data);
    let count = draft.what_if.changes.len();
    let changes = draft.what_if.changes.iter().enumerate().map(|(i, change)| {
        let text = describe(&data, change, lang);
        let remove = set_what_if(Rc::new(move |s: &mut WhatIf| {
            if i < s.changes.len() {
                s.changes.remove(i);
            }
        }));
        // Focus goes to the change that takes this one's place, else the one
        // before, else back to 「この変更を追加」 (the button pressed is gone).
        let next = match (i + 1 < count, i) {
            (true, _) => format!("remove-change-{i}"),
            (false, 0) => "add-change".to_owned(),
            (false, _) => format!("remove-change-{}", i - 1),
        };
        html! {
            <li>
                { tags::span(text.clone()) }
                <button type="button" class="link-button" id={format!("remove-change-{i}")} aria-label={t.remove.replace("{change}", &text)}
                    onclick={Callback::from(move |_: MouseEvent| {
                        remove();
                        crate::dom::focus_after_render(next.clone());
                    })}>{ "×" }</button>
            </li>
        }
    });
    let saved_list = props
        .saved_what_ifs
        .iter()
        .map(|p| saved_item(p, t, &draft, &compared, &props.on_delete));
    let on_assume = {
        let assume = assume.clone();
        Callback::from(move |_: Event| assume.set(!*assume))
    };
    let on_try = {
        let (draft, data, name) = (draft.clone(), data.clone(), t.next_name);
        Callback::from(move |_: MouseEvent| {
            draft.set(Draft {
                id: None,
                what_if: connect_every_union(&data, name),
            });
        })
    };
    // The draft as saved, unchanged since: the planner can open it.
    let saved_as = draft.id.as_ref().and_then(|id| {
        props
            .saved_what_ifs
            .iter()
            .find(|p| &p.id == id && p.what_if == draft.what_if)
    });

    html! {
        <section class="view whatif-view" aria-labelledby={VIEW_TITLE_ID}>
            { heading }
            { tags::p_lead(texts.whatif.lead) }
            { next_step_box(lang, &data, (*headline).as_ref(), on_try) }
            <div class="whatif-layout">
                <div class="whatif-editor">
                    <fieldset class="step">
                        { tags::legend(tags::h3(t.editor_heading)) }
                        <div class="field">
                            <label for="what-if-name">{ t.name_label }</label>
                            <input id="what-if-name" type="text" value={draft.what_if.name.clone()} oninput={on_name} />
                        </div>
                        { tags::h4(t.changes_heading) }
                        if draft.what_if.changes.is_empty() {
                            { tags::p_hint(t.no_changes) }
                        } else {
                            <ol class="changes">{ for changes }</ol>
                        }
                        <div class="button-row">
                            <button type="button" class="primary" onclick={save(false)}>{ t.save }</button>
                            if draft.id.is_some() {
                                { tags::button(save(true), t.save_as_new) }
                            }
                            { tags::button(new_draft, t.new) }
                            { tags::button(export, t.export) }
                        </div>
                        if *saved_flash {
                            <p role="status" class="hint">{ t.saved }</p>
                        }
                        if let Some(saved) = saved_as {
                            <p><a href={format!("#/?p={}&ph={}", saved.id, saved.fingerprint())}>{ t.open_planner }</a></p>
                        }
                        <div class="field">
                            <label for="what-if-import">{ t.import_label }</label>
                            <input id="what-if-import" type="file" accept=".json,application/json" onchange={on_import} />
                        </div>
                        if let Some((file, problems)) = &*import_errors {
                            <div role="alert" class="problems">
                                { tags::p(t.import_failed.replace("{file}", file)) }
                                <ul>{ for problems.iter().map(|e| html! { { tags::li(e.clone()) } }) }</ul>
                            </div>
                        }
                    </fieldset>
                    <Composer {lang} data={data.clone()} {on_add} />
                    <section class="saved-what-ifs" aria-label={t.saved_heading}>
                        { tags::h3(t.saved_heading) }
                        if props.saved_what_ifs.is_empty() {
                            { tags::p_hint(t.none_saved) }
                        } else {
                            <ul>{ for saved_list }</ul>
                        }
                    </section>
                </div>
                <div class="whatif-results">
                    { tags::h3(t.results_heading) }
                    <label class="check rules">
                        <input type="checkbox" checked={*assume} onchange={on_assume} />
                        { t.assume_label }
                    </label>
                    if *assume {
                        <p class="assumption" role="note">{ tags::strong(pick(lang, &tsunagu_core::text::rules_name(rules))) }{ " " }{ t.assume_on }</p>
                    }
                    { match (*assessed).as_ref() {
                        Some((a, next)) => assessment_tables(&data, a, next, lang, *assume),
                        None => html! {
                            <p class="notice">{ t.too_large.replace("{f}", &data.facilities.len().to_string()) }</p>
                        },
                    } }
                </div>
            </div>
            { compare_section(&data, &comparisons, lang) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_app_gave_follow_the_language_and_typed_names_stay() {
        assert_eq!(app_name_in("新しい提案", Lang::En), Some("New what-if"));
        assert_eq!(app_name_in("New what-if", Lang::Ja), Some("新しい提案"));
        assert_eq!(
            app_name_in("全体でユニオンを繋げる", Lang::En),
            Some("Connect every union")
        );
        assert_eq!(
            app_name_in("Connect every union", Lang::Ja),
            Some("全体でユニオンを繋げる")
        );
        // Already in the language, or typed by the user: left alone.
        assert_eq!(app_name_in("新しい提案", Lang::Ja), None);
        assert_eq!(app_name_in("東区の案", Lang::En), None);
        assert_eq!(app_name_in("New what-if 2", Lang::Ja), None);
    }
}
