//! 経路プラン's step 3: the relay limit, the unions never to join and the
//! access rules.

use yew::prelude::*;

use super::PickerProps;
use crate::components::tags;

/// Step 3: the relay limit and the unions never to join.
pub(super) fn plan_options(props: &PickerProps) -> Html {
    let texts = &props.lang.texts().planner_view;
    let on_relays = {
        let (query, on_change) = (props.query.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = query.clone();
            next.max_relays = select.value().parse().ok();
            on_change.emit(next);
        })
    };
    let boxes = props.data.unions.iter().map(|u| {
        let checked = props.query.exclude.contains(&u.id.0);
        let mut next = props.query.clone();
        if checked {
            next.exclude.retain(|x| *x != u.id.0);
        } else {
            next.exclude.push(u.id.0.clone());
        }
        let onchange = props.on_change.reform(move |_: Event| next.clone());
        html! { <li><label class="check"><input type="checkbox" {checked} {onchange} />{ crate::lookup::union_label(u, props.lang) }</label></li> }
    });
    let on_assume = {
        let mut next = props.query.clone();
        next.assume_agreements = !props.query.assume_agreements;
        props.on_change.reform(move |_: Event| next.clone())
    };
    let relay_choice = |value: Option<u32>, label: String| {
        let selected = props.query.max_relays == value;
        html! { <option value={value.map(|v| v.to_string()).unwrap_or_default()} {selected}>{ label }</option> }
    };
    html! {
        <fieldset class="step">
            { tags::legend(tags::h3(texts.options_heading)) }
            <label class="field">
                { tags::span(texts.max_relays) }
                <select onchange={on_relays} aria-describedby="relays-hint">
                    { relay_choice(None, texts.relays_unlimited.to_owned()) }
                    { relay_choice(Some(0), texts.relays_direct.to_owned()) }
                    { for (1..=3).map(|n| relay_choice(Some(n), texts.relays_up_to.replace("{n}", &n.to_string()))) }
                </select>
            </label>
            <p class="note" id="relays-hint">{ texts.relays_hint }</p>
            <fieldset class="checks">
                { tags::legend(texts.exclude) }
                <ul>{ for boxes }</ul>
            </fieldset>
            <fieldset class="checks rules">
                { tags::legend(texts.rules_legend) }
                <label class="check">
                    <input type="checkbox" checked={props.query.assume_agreements} onchange={on_assume}
                        aria-describedby="assume-hint" />
                    { texts.assume_label }
                </label>
                <p class="note" id="assume-hint">{ texts.assume_hint }</p>
            </fieldset>
        </fieldset>
    }
}
