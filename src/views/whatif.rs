//! もしも: what-if saved what-ifs for the council. Compose a saved what-if from the
//! four kinds of change, see the reach matrix, the pairs reachable by ward
//! and the plans that get shorter, before and after; save saved what-ifs on the
//! device, export and import them as JSON, compare them side by side, and
//! open the planner under one (marked hypothetical).

use std::collections::BTreeSet;
use std::rc::Rc;

use tsunagu_core::access::Rules;
use tsunagu_core::model::{Dataset, FacilityId, HospitalId, UnionId};
use tsunagu_core::whatif::assess::{assess, cell, next_step, Assessment, NextStep};
use tsunagu_core::whatif::{apply_what_if, connect_every_union, Change, WhatIf};
use yew::prelude::*;

use crate::components::pick;
use crate::dataset_handle::DatasetHandle;
use crate::files;
use crate::i18n::{cost_text, Lang, WhatIfTexts};
use crate::lookup::{hospital_name, union_name};
use crate::route::VIEW_TITLE_ID;
use crate::saved_what_ifs::{self, next_id, SavedWhatIf};

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
    /// Saved saved what-ifs.
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

/// A change in words, with names from `data` (the dataset it applies to).
pub fn describe(data: &Dataset, change: &Change, t: &WhatIfTexts) -> String {
    let facility = |id: &FacilityId| {
        data.facilities
            .iter()
            .find(|f| &f.id == id)
            .map_or_else(|| id.0.clone(), |f| f.name.clone())
    };
    match change {
        Change::ConnectUnions { a, b } => t
            .change_connect
            .replace("{a}", &union_name(data, a))
            .replace("{b}", &union_name(data, b)),
        Change::AddAgreement { from, to } => t
            .change_agreement
            .replace("{from}", &hospital_name(data, from))
            .replace("{to}", &hospital_name(data, to)),
        Change::Join { facility: f, union } => t
            .change_join
            .replace("{facility}", &facility(f))
            .replace("{union}", &union_name(data, union)),
        Change::GoLive {
            hospital,
            union_name: name,
        } => t
            .change_golive
            .replace("{hospital}", &hospital_name(data, hospital))
            .replace("{union}", name),
    }
}

/// The visible word of a "verb: {name}" template (the name is in the
/// accessible name already).
fn verb(template: &str) -> String {
    template
        .replace("{name}", "")
        .trim_end_matches([':', '：', ' '])
        .to_owned()
}

fn relays_text(value: Option<u32>) -> String {
    value.map_or_else(|| "—".to_owned(), |r| r.to_string())
}

/// The reach matrix, before and after, in one table.
fn matrix_table(next: &Dataset, a: &Assessment, t: &WhatIfTexts) -> Html {
    html! {
        <div class="table-scroll">
            <table class="reach-matrix">
                <caption>{ t.matrix_heading }</caption>
                <thead>
                    <tr>
                        <td></td>
                        { for a.after.hospitals.iter().map(|h| {
                            let new = !a.before.hospitals.contains(h);
                            html! { <th scope="col">{ hospital_name(next, h) }{ if new { t.new_marker } else { "" } }</th> }
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for a.after.unions.iter().enumerate().map(|(u, union)| {
                        let new = !a.before.unions.contains(union);
                        html! {
                            <tr>
                                <th scope="row">{ union_name(next, union) }{ if new { t.new_marker } else { "" } }</th>
                                { for a.after.hospitals.iter().enumerate().map(|(h, hospital)| {
                                    let now = a.after.relays[u][h];
                                    let was = cell(&a.before, union, hospital).flatten();
                                    let changed = now != was;
                                    let text = if changed {
                                        format!("{}→{}", relays_text(was), relays_text(now))
                                    } else {
                                        relays_text(now)
                                    };
                                    let label = if now.is_none() { Some(t.unreachable) } else { None };
                                    html! {
                                        <td class={classes!("num", changed.then_some("changed"))} title={label}>
                                            { text }
                                        </td>
                                    }
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn pairs_table(data: &Dataset, a: &Assessment, t: &WhatIfTexts, lang: Lang) -> Html {
    html! {
        <table class="pairs">
            <caption>{ t.pairs_heading }</caption>
            <thead><tr><th scope="col">{ t.col_ward }</th><th scope="col">{ t.col_facilities }</th>
                <th scope="col">{ t.col_before }</th><th scope="col">{ t.col_after }</th><th scope="col">{ t.col_gain }</th></tr></thead>
            <tbody>
                { for a.pairs.iter().map(|w| {
                    let name = w.ward.as_ref().and_then(|id| data.ward(id)).map_or_else(
                        || t.no_ward.to_owned(),
                        |x| if lang == Lang::En { x.name_en.clone() } else { x.name.clone() },
                    );
                    html! {
                        <tr><th scope="row">{ name }</th><td class="num">{ w.facilities }</td>
                            <td class="num">{ w.before }</td><td class="num">{ w.after }</td>
                            <td class={classes!("num", (w.after > w.before).then_some("changed"))}>{ format!("+{}", w.after - w.before) }</td></tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

fn shorter_table(next: &Dataset, a: &Assessment, lang: Lang) -> Html {
    let t = &lang.texts().whatif_view;
    if a.shorter.is_empty() {
        return html! { <p>{ t.no_shorter }</p> };
    }
    let facility = |id: &FacilityId| {
        next.facilities
            .iter()
            .find(|f| &f.id == id)
            .map_or_else(|| id.0.clone(), |f| f.name.clone())
    };
    html! {
        <table class="shorter">
            <caption>{ t.plans_heading }</caption>
            <thead><tr><th scope="col">{ t.col_facility }</th><th scope="col">{ t.col_hospital }</th>
                <th scope="col">{ t.col_before }</th><th scope="col">{ t.col_after }</th></tr></thead>
            <tbody>
                { for a.shorter.iter().map(|s| html! {
                    <tr><td>{ facility(&s.facility) }</td><td>{ hospital_name(next, &s.hospital) }</td>
                        <td>{ cost_text(lang, s.before) }</td><td class="changed">{ cost_text(lang, s.after) }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

fn total_pairs(a: &Assessment) -> (usize, usize) {
    (
        a.pairs.iter().map(|w| w.before).sum(),
        a.pairs.iter().map(|w| w.after).sum(),
    )
}

fn summary(a: &Assessment, t: &WhatIfTexts) -> Html {
    let (before, after) = total_pairs(a);
    html! {
        <ul class="whatif-summary">
            <li>{ t.summary_cells.replace("{n}", &a.improved_cells.to_string()) }</li>
            <li>{ t.summary_pairs.replace("{before}", &before.to_string()).replace("{after}", &after.to_string()) }</li>
            <li>{ t.summary_plans.replace("{n}", &a.shorter.len().to_string()).replace("{total}", &a.plans_compared.to_string()) }</li>
            if a.plans_truncated {
                <li>{ t.plans_truncated.replace("{n}", &a.plans_compared.to_string()) }</li>
            }
        </ul>
    }
}

/// The report's next step in figures, under the confirmed rule: today and
/// with every union connected, for a facility in no union and for a TMNIT
/// member.
fn next_step_box(
    lang: Lang,
    data: &Dataset,
    step: Option<&NextStep>,
    on_try: Callback<MouseEvent>,
) -> Html {
    let t = &lang.texts().whatif_view;
    let Some(step) = step else {
        return html! {};
    };
    let union = union_name(data, &step.union);
    html! {
        <section class="next-step" aria-labelledby="next-step-heading">
            <h3 id="next-step-heading">{ t.next_heading }</h3>
            <p class="hint">{ t.next_lead.replace("{n}", &step.disclosing.to_string()) }</p>
            <div class="table-scroll">
                <table>
                    <caption class="visually-hidden">{ t.next_heading }</caption>
                    <thead><tr><td></td><th scope="col">{ t.next_today }</th><th scope="col">{ t.next_connected }</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">{ t.next_none }</th>
                            <td>{ cost_text(lang, step.none_before) }</td><td>{ cost_text(lang, step.none_after) }</td></tr>
                        <tr><th scope="row">{ t.next_member.replace("{union}", &union) }</th>
                            <td>{ cost_text(lang, step.member_before) }</td><td>{ cost_text(lang, step.member_after) }</td></tr>
                    </tbody>
                </table>
            </div>
            <div class="button-row">
                <button type="button" onclick={on_try}>{ t.next_try }</button>
            </div>
        </section>
    }
}

/// The change composer: a kind and its fields.
#[derive(Properties, PartialEq)]
struct ComposerProps {
    lang: Lang,
    data: DatasetHandle,
    on_add: Callback<Change>,
}

fn select(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    value: &str,
    on: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        on.emit(select.value());
    });
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select {id} {onchange}>
                { for options.into_iter().map(|(v, text)| {
                    let selected = v == value;
                    html! { <option {selected} value={v}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}

#[function_component(Composer)]
fn composer(props: &ComposerProps) -> Html {
    let t = &props.lang.texts().whatif_view;
    let data = &props.data;
    let kind = use_state(|| 0_usize);
    let first = use_state(String::new);
    let second = use_state(String::new);
    let name = use_state(String::new);
    let unions: Vec<(String, String)> = data
        .unions
        .iter()
        .map(|u| (u.id.0.clone(), u.name.clone()))
        .collect();
    let hospitals: Vec<(String, String)> = data
        .hospitals
        .iter()
        .map(|h| (h.id.0.clone(), h.name.clone()))
        .collect();
    let not_live: Vec<(String, String)> = data
        .hospitals
        .iter()
        .filter(|h| !h.discloses)
        .map(|h| (h.id.0.clone(), h.name.clone()))
        .collect();
    let facilities: Vec<(String, String)> = data
        .facilities
        .iter()
        .map(|f| (f.id.0.clone(), f.name.clone()))
        .collect();
    let (first_options, second_options, labels) = match *kind {
        0 => (unions.clone(), unions, (t.field_union_a, t.field_union_b)),
        1 => (hospitals.clone(), hospitals, (t.field_from, t.field_to)),
        2 => (facilities, unions, (t.field_facility, t.field_union)),
        _ => (not_live, Vec::new(), (t.field_hospital, t.field_union_name)),
    };
    // An unset select shows its first option; read it as chosen.
    let pick = |state: &UseStateHandle<String>, options: &[(String, String)]| {
        if options.iter().any(|(v, _)| v == &**state) {
            (**state).clone()
        } else {
            options.first().map(|(v, _)| v.clone()).unwrap_or_default()
        }
    };
    let a = pick(&first, &first_options);
    let b = pick(&second, &second_options);
    let setter = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let on_kind = {
        let (kind, first, second) = (kind.clone(), first.clone(), second.clone());
        Callback::from(move |v: String| {
            kind.set(v.parse().unwrap_or(0));
            first.set(String::new());
            second.set(String::new());
        })
    };
    let change = match *kind {
        0 if a != b => Some(Change::ConnectUnions {
            a: UnionId::from(a.as_str()),
            b: UnionId::from(b.as_str()),
        }),
        1 if a != b => Some(Change::AddAgreement {
            from: HospitalId::from(a.as_str()),
            to: HospitalId::from(b.as_str()),
        }),
        2 => Some(Change::Join {
            facility: FacilityId::from(a.as_str()),
            union: UnionId::from(b.as_str()),
        }),
        3 if !a.is_empty() => {
            let hospital = HospitalId::from(a.as_str());
            let default = props
                .lang
                .texts()
                .whatif_view
                .provisional_union
                .replace("{name}", &hospital_name(data, &hospital));
            Some(Change::GoLive {
                hospital,
                union_name: if name.trim().is_empty() {
                    default
                } else {
                    name.trim().to_owned()
                },
            })
        }
        _ => None,
    };
    let on_add = {
        let (on_add, change) = (props.on_add.clone(), change.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(change) = change.clone() {
                on_add.emit(change);
            }
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let kinds = vec![
        ("0".to_owned(), t.kind_connect.to_owned()),
        ("1".to_owned(), t.kind_agreement.to_owned()),
        ("2".to_owned(), t.kind_join.to_owned()),
        ("3".to_owned(), t.kind_golive.to_owned()),
    ];
    html! {
        <fieldset class="step">
            <legend><h3>{ t.add_heading }</h3></legend>
            { select("change-kind", t.kind_label, kinds, &kind.to_string(), on_kind) }
            { select("change-first", labels.0, first_options, &a, setter(&first)) }
            if *kind == 3 {
                <div class="field">
                    <label for="change-union-name">{ labels.1 }</label>
                    <input id="change-union-name" type="text" value={(*name).clone()} oninput={on_name} />
                </div>
            } else {
                { select("change-second", labels.1, second_options, &b, setter(&second)) }
            }
            <button type="button" class="primary" onclick={on_add} disabled={change.is_none()}>{ t.add }</button>
        </fieldset>
    }
}

/// The もしも view.
#[function_component(WhatIfView)]
pub fn whatif_view(props: &WhatIfViewProps) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let t = &texts.whatif_view;
    let draft = use_state(|| Draft {
        id: None,
        what_if: WhatIf {
            name: t.name_default.to_owned(),
            changes: Vec::new(),
        },
    });
    let compared = use_state(BTreeSet::<String>::new);
    let import_errors = use_state(Vec::<String>::new);
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
        return html! { <section class="view">{ heading }<p>{ texts.data_unavailable }</p></section> };
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
    let export = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let text = saved_what_ifs::export(&draft.what_if);
            let stem: String = draft
                .what_if
                .name
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            files::download(
                &format!("tsunagu-what-if-{stem}.json"),
                "application/json",
                text.as_bytes(),
            );
        })
    };
    let on_import = {
        let (draft, errors, data) = (draft.clone(), import_errors.clone(), data.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let (draft, errors, data) = (draft.clone(), errors.clone(), data.clone());
            #[cfg(target_arch = "wasm32")]
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let result = match files::read_bytes(&file).await {
                    Ok(bytes) => String::from_utf8(bytes).map_or_else(
                        |_| {
                            let why = tsunagu_core::text::not_utf8();
                            Err(vec![format!("{name}: {} / {}", why.ja, why.en)])
                        },
                        |text| saved_what_ifs::import(&name, &text, &data),
                    ),
                    Err(reason) => Err(vec![format!("{name}: {reason}")]),
                };
                match result {
                    Ok(what_if) => {
                        errors.set(Vec::new());
                        draft.set(Draft { id: None, what_if });
                    }
                    Err(problems) => errors.set(problems),
                }
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (file, draft, errors, data);
        })
    };
    let changes = draft.what_if.changes.iter().enumerate().map(|(i, change)| {
        let text = describe(&data, change, t);
        let remove = set_what_if(Rc::new(move |s: &mut WhatIf| {
            if i < s.changes.len() {
                s.changes.remove(i);
            }
        }));
        html! {
            <li>
                <span>{ text.clone() }</span>
                <button type="button" class="link-button" aria-label={t.remove.replace("{change}", &text)}
                    onclick={Callback::from(move |_: MouseEvent| remove())}>{ "×" }</button>
            </li>
        }
    });
    let saved_list = props.saved_what_ifs.iter().map(|p| {
        let open = {
            let (draft, p) = (draft.clone(), p.clone());
            Callback::from(move |_: MouseEvent| {
                draft.set(Draft {
                    id: Some(p.id.clone()),
                    what_if: p.what_if.clone(),
                });
            })
        };
        let delete = {
            let (on_delete, id, name) = (props.on_delete.clone(), p.id.clone(), p.what_if.name.clone());
            let question = t.delete_confirm.replace("{name}", &name);
            Callback::from(move |_: MouseEvent| {
                if files::confirm(&question) {
                    on_delete.emit(id.clone());
                }
            })
        };
        let toggle = {
            let (compared, id) = (compared.clone(), p.id.clone());
            Callback::from(move |_: Event| {
                let mut next = (*compared).clone();
                if !next.remove(&id) {
                    next.insert(id.clone());
                }
                compared.set(next);
            })
        };
        let check_id = format!("compare-{}", p.id);
        let name = &p.what_if.name;
        html! {
            <li class="saved-what-if">
                <span class="name">{ name.clone() }</span>
                <span class="meta">{ format!("{} {}", p.what_if.changes.len(), t.metric_changes) }</span>
                <button type="button" onclick={open} aria-label={t.open.replace("{name}", name)}>{ verb(t.open) }</button>
                <button type="button" onclick={delete} aria-label={t.delete.replace("{name}", name)}>{ verb(t.delete) }</button>
                <label for={check_id.clone()} class="check">
                    <input type="checkbox" id={check_id} checked={compared.contains(&p.id)} onchange={toggle}
                        aria-label={t.compare.replace("{name}", name)} />
                    { verb(t.compare) }
                </label>
            </li>
        }
    });
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
    let is_saved = draft.id.as_ref().is_some_and(|id| {
        props
            .saved_what_ifs
            .iter()
            .any(|p| &p.id == id && p.what_if == draft.what_if)
    });

    html! {
        <section class="view whatif-view" aria-labelledby={VIEW_TITLE_ID}>
            { heading }
            <p class="lead">{ texts.whatif.lead }</p>
            { next_step_box(lang, &data, (*headline).as_ref(), on_try) }
            <div class="whatif-layout">
                <div class="whatif-editor">
                    <fieldset class="step">
                        <legend><h3>{ t.editor_heading }</h3></legend>
                        <div class="field">
                            <label for="what-if-name">{ t.name_label }</label>
                            <input id="what-if-name" type="text" value={draft.what_if.name.clone()} oninput={on_name} />
                        </div>
                        <h4>{ t.changes_heading }</h4>
                        if draft.what_if.changes.is_empty() {
                            <p class="hint">{ t.no_changes }</p>
                        } else {
                            <ol class="changes">{ for changes }</ol>
                        }
                        <div class="button-row">
                            <button type="button" class="primary" onclick={save(false)}>{ t.save }</button>
                            if draft.id.is_some() {
                                <button type="button" onclick={save(true)}>{ t.save_as_new }</button>
                            }
                            <button type="button" onclick={new_draft}>{ t.new }</button>
                            <button type="button" onclick={export}>{ t.export }</button>
                        </div>
                        if *saved_flash {
                            <p role="status" class="hint">{ t.saved }</p>
                        }
                        if let (true, Some(id)) = (is_saved, &draft.id) {
                            <p><a href={format!("#/?p={id}")}>{ t.open_planner }</a></p>
                        }
                        <div class="field">
                            <label for="what-if-import">{ t.import_label }</label>
                            <input id="what-if-import" type="file" accept=".json,application/json" onchange={on_import} />
                        </div>
                        if !import_errors.is_empty() {
                            <div role="alert" class="problems">
                                <p>{ t.import_failed.replace("{file}", "") }</p>
                                <ul>{ for import_errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
                            </div>
                        }
                    </fieldset>
                    <Composer {lang} data={data.clone()} {on_add} />
                    <section class="saved-what-ifs" aria-label={t.saved_heading}>
                        <h3>{ t.saved_heading }</h3>
                        if props.saved_what_ifs.is_empty() {
                            <p class="hint">{ t.none_saved }</p>
                        } else {
                            <ul>{ for saved_list }</ul>
                        }
                    </section>
                </div>
                <div class="whatif-results">
                    <h3>{ t.results_heading }</h3>
                    <label class="check rules">
                        <input type="checkbox" checked={*assume} onchange={on_assume} />
                        { t.assume_label }
                    </label>
                    if *assume {
                        <p class="assumption" role="note"><strong>{ pick(lang, &tsunagu_core::text::rules_name(rules)) }</strong>{ " " }{ t.assume_on }</p>
                    }
                    { match (*assessed).as_ref() {
                        Some((a, next)) => html! {
                            <>
                                { summary(a, t) }
                                <p class="hint">{ t.matrix_lead }</p>
                                { matrix_table(next, a, t) }
                                { pairs_table(&data, a, t, lang) }
                                <p class="hint">{ t.pairs_note }</p>
                                { shorter_table(next, a, lang) }
                            </>
                        },
                        None => html! {
                            <p class="notice">{ t.too_large.replace("{f}", &data.facilities.len().to_string()) }</p>
                        },
                    } }
                </div>
            </div>
            <section class="compare" aria-labelledby="compare-heading">
                <h3 id="compare-heading">{ t.compare_heading }</h3>
                if comparisons.is_empty() {
                    <p class="hint">{ t.compare_lead }</p>
                } else {
                    <div class="table-scroll">
                        <table>
                            <caption class="visually-hidden">{ t.compare_heading }</caption>
                            <thead><tr><th scope="col">{ t.col_metric }</th>
                                { for comparisons.iter().map(|(p, _)| html! { <th scope="col">{ p.what_if.name.clone() }</th> }) }
                            </tr></thead>
                            <tbody>
                                <tr><th scope="row">{ t.metric_changes }</th>
                                    { for comparisons.iter().map(|(p, _)| html! {
                                        <td><ol>{ for p.what_if.changes.iter().map(|c| html! { <li>{ describe(&data, c, t) }</li> }) }</ol></td>
                                    }) }</tr>
                                <tr><th scope="row">{ t.metric_cells }</th>
                                    { for comparisons.iter().map(|(_, a)| html! { <td class="num">{ a.improved_cells }</td> }) }</tr>
                                <tr><th scope="row">{ t.metric_pairs }</th>
                                    { for comparisons.iter().map(|(_, a)| {
                                        let (before, after) = total_pairs(a);
                                        html! { <td class="num">{ format!("{before} → {after}") }</td> }
                                    }) }</tr>
                                <tr><th scope="row">{ t.metric_plans }</th>
                                    { for comparisons.iter().map(|(_, a)| html! { <td class="num">{ a.shorter.len() }</td> }) }</tr>
                            </tbody>
                        </table>
                    </div>
                }
            </section>
        </section>
    }
}
