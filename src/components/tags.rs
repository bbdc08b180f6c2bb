//! Elements that hold one child and nothing else (`<th scope="col">`,
//! `<h3>`, `<p class="hint">` …), each built by one shared function instead
//! of an `html!` expansion at every call site: the same DOM, less wasm.
//!
//! `html! { <h3>{ text }</h3> }` turns `text` into a node with `Into<Html>`
//! and builds the element in place; [`h3`] does the same conversion at the
//! call site and builds the element in [`element`], once for the whole app.

use yew::prelude::*;

/// Which element, with its fixed attributes.
#[derive(Clone, Copy)]
enum Tag {
    ColHead,
    Caption,
    Dd,
    Dt,
    H3,
    H4,
    H5,
    Legend,
    Li,
    P,
    PHint,
    PKind,
    PLead,
    PNote,
    Q,
    RowHead,
    Span,
    Strong,
    Summary,
    Td,
    TdNum,
}

/// The element holding `child`.
#[inline(never)]
fn element(tag: Tag, child: Html) -> Html {
    match tag {
        Tag::ColHead => html! { <th scope="col">{ child }</th> },
        Tag::Caption => html! { <caption>{ child }</caption> },
        Tag::Dd => html! { <dd>{ child }</dd> },
        Tag::Dt => html! { <dt>{ child }</dt> },
        Tag::H3 => html! { <h3>{ child }</h3> },
        Tag::H4 => html! { <h4>{ child }</h4> },
        Tag::H5 => html! { <h5>{ child }</h5> },
        Tag::Legend => html! { <legend>{ child }</legend> },
        Tag::Li => html! { <li>{ child }</li> },
        Tag::P => html! { <p>{ child }</p> },
        Tag::PHint => html! { <p class="hint">{ child }</p> },
        Tag::PKind => html! { <p class="kind">{ child }</p> },
        Tag::PLead => html! { <p class="lead">{ child }</p> },
        Tag::PNote => html! { <p class="note">{ child }</p> },
        Tag::Q => html! { <q>{ child }</q> },
        Tag::RowHead => html! { <th scope="row">{ child }</th> },
        Tag::Span => html! { <span>{ child }</span> },
        Tag::Strong => html! { <strong>{ child }</strong> },
        Tag::Summary => html! { <summary>{ child }</summary> },
        Tag::Td => html! { <td>{ child }</td> },
        Tag::TdNum => html! { <td class="num">{ child }</td> },
    }
}

/// `<th scope="col">…</th>`.
pub fn col_head(child: impl Into<Html>) -> Html {
    element(Tag::ColHead, child.into())
}

/// `<caption>…</caption>`.
pub fn caption(child: impl Into<Html>) -> Html {
    element(Tag::Caption, child.into())
}

/// `<dd>…</dd>`.
pub fn dd(child: impl Into<Html>) -> Html {
    element(Tag::Dd, child.into())
}

/// `<dt>…</dt>`.
pub fn dt(child: impl Into<Html>) -> Html {
    element(Tag::Dt, child.into())
}

/// `<h3>…</h3>`.
pub fn h3(child: impl Into<Html>) -> Html {
    element(Tag::H3, child.into())
}

/// `<h4>…</h4>`.
pub fn h4(child: impl Into<Html>) -> Html {
    element(Tag::H4, child.into())
}

/// `<h5>…</h5>`.
pub fn h5(child: impl Into<Html>) -> Html {
    element(Tag::H5, child.into())
}

/// `<legend>…</legend>`.
pub fn legend(child: impl Into<Html>) -> Html {
    element(Tag::Legend, child.into())
}

/// `<li>…</li>`.
pub fn li(child: impl Into<Html>) -> Html {
    element(Tag::Li, child.into())
}

/// `<p>…</p>`.
pub fn p(child: impl Into<Html>) -> Html {
    element(Tag::P, child.into())
}

/// `<p class="hint">…</p>`.
pub fn p_hint(child: impl Into<Html>) -> Html {
    element(Tag::PHint, child.into())
}

/// `<p class="kind">…</p>`.
pub fn p_kind(child: impl Into<Html>) -> Html {
    element(Tag::PKind, child.into())
}

/// `<p class="lead">…</p>`.
pub fn p_lead(child: impl Into<Html>) -> Html {
    element(Tag::PLead, child.into())
}

/// `<p class="note">…</p>`.
pub fn p_note(child: impl Into<Html>) -> Html {
    element(Tag::PNote, child.into())
}

/// `<q>…</q>`.
pub fn q(child: impl Into<Html>) -> Html {
    element(Tag::Q, child.into())
}

/// `<th scope="row">…</th>`.
pub fn row_head(child: impl Into<Html>) -> Html {
    element(Tag::RowHead, child.into())
}

/// `<button type="button" onclick={onclick}>…</button>`.
pub fn button(onclick: Callback<MouseEvent>, child: impl Into<Html>) -> Html {
    button_node(onclick, child.into())
}

#[inline(never)]
fn button_node(onclick: Callback<MouseEvent>, child: Html) -> Html {
    html! { <button type="button" {onclick}>{ child }</button> }
}

/// `<span>…</span>`.
pub fn span(child: impl Into<Html>) -> Html {
    element(Tag::Span, child.into())
}

/// `<strong>…</strong>`.
pub fn strong(child: impl Into<Html>) -> Html {
    element(Tag::Strong, child.into())
}

/// `<summary>…</summary>`.
pub fn summary(child: impl Into<Html>) -> Html {
    element(Tag::Summary, child.into())
}

/// `<td>…</td>`.
pub fn td(child: impl Into<Html>) -> Html {
    element(Tag::Td, child.into())
}

/// `<td class="num">…</td>`.
pub fn td_num(child: impl Into<Html>) -> Html {
    element(Tag::TdNum, child.into())
}

/// Markup as a string, for native tests of view functions.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub async fn render(node: Html) -> String {
    #[function_component]
    fn Wrap(props: &WrapProps) -> Html {
        props.node.clone()
    }
    #[derive(Properties, PartialEq)]
    struct WrapProps {
        node: Html,
    }
    yew::LocalServerRenderer::<Wrap>::with_props(WrapProps { node })
        .hydratable(false)
        .render()
        .await
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn each_helper_renders_what_its_html_did() {
        let pairs = [
            (col_head("a"), html! { <th scope="col">{ "a" }</th> }),
            (
                p_hint(String::from("b")),
                html! { <p class="hint">{ String::from("b") }</p> },
            ),
            (td_num(7), html! { <td class="num">{ 7 }</td> }),
            (
                h3(html! { <q>{ "c" }</q> }),
                html! { <h3><q>{ "c" }</q></h3> },
            ),
        ];
        for (helper, inline) in pairs {
            assert_eq!(render(helper).await, render(inline).await);
        }
    }
}
