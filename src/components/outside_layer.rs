//! The outside layer: facts from outside the report, each cited, shown
//! apart from the report's facts, on the planner and in a printed plan.

use std::cell::OnceCell;
use std::rc::Rc;

use tsunagu_core::outside::OutsideFacts;
use yew::prelude::*;

use super::pick;
use crate::components::tags;
use crate::i18n::Lang;
use crate::page_data::PageData;

/// Facts from outside the report, each cited, always apart from the
/// report's facts. On the page (`labelled`, its heading with an id) every
/// fact; in a printed checklist only those about applying: joining,
/// consent and fees.
pub fn outside_layer(lang: Lang, labelled: bool) -> Html {
    let texts = &lang.texts().planner_view;
    let Some(layer) = facts() else {
        return html! {};
    };
    html! {
        <section class="outside" aria-labelledby={labelled.then_some("outside-heading")}>
            <h3 id={labelled.then_some("outside-heading")}>{ pick(lang, &layer.title) }</h3>
            { tags::p_note(texts.outside_note) }
            <ul>
                { for layer.facts.iter().filter(|f| labelled || f.topic != "agreements").map(|f| html! {
                    <li data-fact={f.id.clone()} data-topic={f.topic.clone()}>
                        { pick(lang, &f.text) }
                        <cite>{ format!(" — {}{} {}", f.citation.title, lang.paren(&f.citation.publisher), f.citation.address) }</cite>
                    </li>
                }) }
            </ul>
        </section>
    }
}

thread_local! {
    /// The page's outside facts, read once: every card's printed part and
    /// the planner's own section show them.
    static FACTS: OnceCell<Option<Rc<OutsideFacts>>> = const { OnceCell::new() };
}

/// The page's outside facts (`None` when the page lacks them).
fn facts() -> Option<Rc<OutsideFacts>> {
    FACTS.with(|facts| {
        facts
            .get_or_init(|| {
                PageData::Outside
                    .text()
                    .and_then(|text| tsunagu_core::outside::parse(&text))
                    .map(Rc::new)
            })
            .clone()
    })
}
