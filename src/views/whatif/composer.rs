//! もしも's change composer: the kind of change and its fields, and a
//! button that adds it to the draft.

use tsunagu_core::model::{FacilityId, HospitalId, UnionId};
use tsunagu_core::whatif::Change;
use yew::prelude::*;

use crate::components::tags;
use crate::dataset_handle::DatasetHandle;
use crate::i18n::Lang;
use crate::lookup::{hospital_label, hospital_name};

/// The change composer: a kind and its fields.
#[derive(Properties, PartialEq)]
pub(super) struct ComposerProps {
    pub(super) lang: Lang,
    pub(super) data: DatasetHandle,
    pub(super) on_add: Callback<Change>,
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
pub(super) fn composer(props: &ComposerProps) -> Html {
    let t = &props.lang.texts().whatif_view;
    let data = &props.data;
    let kind = use_state(|| 0_usize);
    let first = use_state(String::new);
    let second = use_state(String::new);
    let name = use_state(String::new);
    // Names in the UI's language (in English, the English ones the data has).
    let lang = props.lang;
    let unions: Vec<(String, String)> = data
        .unions
        .iter()
        .map(|u| {
            let names = u.names();
            (
                u.id.0.clone(),
                if lang == Lang::En { names.en } else { names.ja },
            )
        })
        .collect();
    let hospitals: Vec<(String, String)> = data
        .hospitals
        .iter()
        .map(|h| (h.id.0.clone(), hospital_label(h, lang)))
        .collect();
    let not_live: Vec<(String, String)> = data
        .hospitals
        .iter()
        .filter(|h| !h.discloses)
        .map(|h| (h.id.0.clone(), hospital_label(h, lang)))
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
    let same = matches!(*kind, 0 | 1) && !a.is_empty() && a == b;
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
            { tags::legend(tags::h3(t.add_heading)) }
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
            <button id="add-change" type="button" class="primary" onclick={on_add} disabled={change.is_none()}
                aria-describedby={same.then_some("change-same")}>{ t.add }</button>
            // Why the button is off: the same record twice connects nothing.
            if same {
                <p id="change-same" class="hint" role="status">{ t.same_twice }</p>
            }
        </fieldset>
    }
}
