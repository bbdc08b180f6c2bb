//! The root component: the store, the page frame and routing between views.
//!
//! Routes live in the URL's fragment (`#/network`), so links can be shared,
//! the browser's back button works, and the app also runs from `file://`.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{SiteFooter, SiteHeader, ViewNav};
use crate::hooks::{use_document_lang, use_focus_on_change};
use crate::i18n::Lang;
use crate::state::{Action, AppState};
use crate::storage;
use crate::views::{DataView, GrowthView, NetworkView, NotFoundView, PlannerView, WardsView};

/// The five views, and where each lives in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// 経路プラン: the referral planner, the default view.
    #[at("/")]
    Planner,
    /// ネットワーク: the network map.
    #[at("/network")]
    Network,
    /// 成長: the growth timeline.
    #[at("/growth")]
    Growth,
    /// 地域: Sapporo's wards.
    #[at("/wards")]
    Wards,
    /// データ: the dataset's tables.
    #[at("/data")]
    Data,
    /// Any other address.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The views in navigation order.
    pub const VIEWS: [Route; 5] = [
        Route::Planner,
        Route::Network,
        Route::Growth,
        Route::Wards,
        Route::Data,
    ];

    /// The `href` of a link to this route under hash routing.
    pub fn href(self) -> String {
        format!("#{}", self.to_path())
    }
}

/// The id of the current view's heading, which receives focus after
/// navigation so that screen readers announce the new view.
pub const VIEW_TITLE_ID: &str = "view-title";

/// The app as the browser runs it: the language remembered from the last
/// visit, and routes read from the URL's fragment.
#[function_component(App)]
pub fn app() -> Html {
    let initial_lang = *use_memo((), |()| storage::load_lang().unwrap_or_default());
    html! {
        <HashRouter>
            <Shell {initial_lang} />
        </HashRouter>
    }
}

/// [`Shell`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The language to start in.
    #[prop_or_default]
    pub initial_lang: Lang,
}

/// The page frame inside a router: header, navigation, the current view and
/// the footer. Tests render it under a memory router.
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    let state = use_reducer(|| AppState::new(props.initial_lang));
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let lang = state.lang;

    use_document_lang(lang);
    use_effect_with(lang, |lang| storage::save_lang(*lang));
    use_focus_on_change(route, VIEW_TITLE_ID);

    let on_lang = {
        let state = state.dispatcher();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    let texts = lang.texts();
    let data = state.data.clone();
    let view = match route {
        Route::Planner => html! { <PlannerView {lang} {data} /> },
        Route::Network => html! { <NetworkView {lang} {data} /> },
        Route::Growth => html! { <GrowthView {lang} {data} /> },
        Route::Wards => html! { <WardsView {lang} {data} /> },
        Route::Data => html! { <DataView {lang} {data} /> },
        Route::NotFound => html! { <NotFoundView {lang} /> },
    };

    html! {
        <>
            <a class="skip-link" href="#main">{ texts.skip_to_main }</a>
            <SiteHeader {lang} {on_lang} />
            <ViewNav {lang} current={route} />
            <main id="main" tabindex="-1">{ view }</main>
            <SiteFooter {lang} />
        </>
    }
}
