//! The navigation between the five views. Plain links to URL fragments, so
//! every view has an address and the browser's keyboard handling just works.
//! The planner's link carries its last query, so leaving it and coming back
//! shows the same plans.

use yew::prelude::*;

use crate::i18n::{Lang, Texts, ViewTexts};
use crate::route::Route;

/// What [`view_nav`] draws from.
pub struct ViewNavProps {
    /// The UI language.
    pub lang: Lang,
    /// The view shown now; its link is marked `aria-current="page"`.
    pub current: Route,
    /// The planner's last query string (without `?`), kept in its link.
    pub planner_query: AttrValue,
}

/// The texts of a routed view, or `None` for the not-found page.
pub fn view_texts(texts: &'static Texts, route: Route) -> Option<&'static ViewTexts> {
    match route {
        Route::Planner => Some(&texts.planner),
        Route::Network => Some(&texts.network),
        Route::Growth => Some(&texts.growth),
        Route::WhatIf => Some(&texts.whatif),
        Route::Wards => Some(&texts.wards),
        Route::Data => Some(&texts.data),
        Route::NotFound | Route::Present => None,
    }
}

/// The view navigation.
pub fn view_nav(props: &ViewNavProps) -> Html {
    let texts = props.lang.texts();
    let links = Route::VIEWS.into_iter().filter_map(|route| {
        let label = view_texts(texts, route)?.nav;
        let current = (route == props.current).then_some("page");
        let href = if route == Route::Planner && !props.planner_query.is_empty() {
            format!("{}?{}", route.href(), props.planner_query)
        } else {
            route.href()
        };
        Some(html! {
            <li><a {href} aria-current={current}>{ label }</a></li>
        })
    });
    html! {
        <nav class="view-nav" aria-label={texts.nav_label}>
            <ul>
                { for links }
                <li class="present-link"><a href={Route::Present.href()}>{ texts.present }</a></li>
            </ul>
        </nav>
    }
}
