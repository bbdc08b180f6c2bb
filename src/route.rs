//! The app's routes: each view and where it lives in the URL's fragment
//! (`#/network`, `#/?f=…&t=…`), the id of the heading that takes focus after
//! a move, and the hash router that reads and writes them.
//!
//! The router is the app's own, not `yew-router`: seven fixed paths in a
//! fragment need no route recogniser, and doing without it and its history
//! layer ships 17.8 KB less gzip (BENCHMARKS.md, "The fourth pass"). It
//! also leaves alone a fragment that is not a route, such as the skip
//! link's `#main`, where `yew-router`'s hash history panicked.

use std::rc::Rc;

use yew::prelude::*;

/// The five views, and where each lives in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// 経路プラン: the referral planner, the default view (`/`).
    Planner,
    /// ネットワーク: the network map (`/network`).
    Network,
    /// 成長: the growth timeline (`/growth`).
    Growth,
    /// もしも: saved what-ifs (`/whatif`).
    WhatIf,
    /// 地域: Sapporo's wards (`/wards`).
    Wards,
    /// データ: the dataset's tables (`/data`).
    Data,
    /// 発表モード: the presentation tour (`/present`).
    Present,
    /// Any other address (`/404`).
    NotFound,
}

impl Route {
    /// The views in navigation order.
    pub const VIEWS: [Route; 6] = [
        Route::Planner,
        Route::Network,
        Route::Growth,
        Route::WhatIf,
        Route::Wards,
        Route::Data,
    ];

    /// Its path inside the fragment.
    pub fn path(self) -> &'static str {
        match self {
            Route::Planner => "/",
            Route::Network => "/network",
            Route::Growth => "/growth",
            Route::WhatIf => "/whatif",
            Route::Wards => "/wards",
            Route::Data => "/data",
            Route::Present => "/present",
            Route::NotFound => "/404",
        }
    }

    /// The route at `path` (one trailing `/` allowed, as in `/network/`);
    /// any path that is no view's is [`Route::NotFound`].
    pub fn recognize(path: &str) -> Route {
        let path = match path.strip_suffix('/') {
            Some(trimmed) if !trimmed.is_empty() => trimmed,
            _ => path,
        };
        Route::VIEWS
            .into_iter()
            .chain([Route::Present])
            .find(|route| route.path() == path)
            .unwrap_or(Route::NotFound)
    }

    /// The `href` of a link to this route under hash routing.
    pub fn href(self) -> String {
        format!("#{}", self.path())
    }
}

/// The id of the current view's heading, which receives focus after
/// navigation so that screen readers announce the new view.
pub const VIEW_TITLE_ID: &str = "view-title";

/// Where the app is: a view, and the query that follows its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The view.
    pub route: Route,
    query: Rc<str>,
}

impl Default for Location {
    fn default() -> Self {
        Location::new(Route::Planner, "")
    }
}

impl Location {
    /// `route` with `query` (without its `?`).
    pub fn new(route: Route, query: &str) -> Self {
        Location {
            route,
            query: Rc::from(query),
        }
    }

    /// The location a URL's fragment names: `#/network`, `#/?f=…`, or an
    /// empty fragment for the planner. `None` for a fragment that is not a
    /// route (`#main`, the skip link's target).
    pub fn from_fragment(fragment: &str) -> Option<Self> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.is_empty() {
            return Some(Location::default());
        }
        if !fragment.starts_with('/') {
            return None;
        }
        // A second `#` ends the route, as it would end a URL.
        let fragment = fragment.split('#').next().unwrap_or_default();
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        Some(Location::new(Route::recognize(path), query))
    }

    /// The query, without its `?`.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The fragment that names it, `#` included.
    pub fn fragment(&self) -> String {
        if self.query.is_empty() {
            self.route.href()
        } else {
            format!("#{}?{}", self.route.path(), self.query)
        }
    }
}

/// A move to another location.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Move {
    to: Location,
    /// Replace the history entry instead of adding one.
    replace: bool,
}

/// What [`HashRouter`] gives the components under it.
#[derive(Clone, PartialEq)]
struct RouterContext {
    location: Location,
    moves: Callback<Move>,
}

/// Moves the app to another location, as [`use_navigator`] returns it.
#[derive(Clone, PartialEq)]
pub struct Navigator(Callback<Move>);

impl Navigator {
    /// Goes to `route`, adding a history entry (Back returns).
    pub fn push(&self, route: Route) {
        self.0.emit(Move {
            to: Location::new(route, ""),
            replace: false,
        });
    }

    /// Goes back to `location`, query and all, adding a history entry.
    pub fn push_location(&self, location: Location) {
        self.0.emit(Move {
            to: location,
            replace: false,
        });
    }

    /// Goes to `route` with `query`, adding a history entry: each choice
    /// made in the planner is one step of Back.
    pub fn push_with_query(&self, route: Route, query: &str) {
        self.0.emit(Move {
            to: Location::new(route, query),
            replace: false,
        });
    }
}

/// [`HashRouter`]'s properties.
#[derive(Properties, PartialEq)]
pub struct HashRouterProps {
    /// The app.
    pub children: Html,
    /// Where to start instead of the page's URL (native render tests,
    /// which have no page).
    #[prop_or_default]
    pub start: Option<Location>,
}

/// Routes by the URL's fragment: reads it at the start and whenever it
/// changes (a link, Back, an edited address), and writes it when the app
/// moves. A fragment that is no route (`#main`, `#foo`) leaves the app where
/// it was, and the URL is set back to where the app is, as is a fragment
/// written another way (none at all, `#/network/`): the address bar, a
/// reload and Back then always agree with what is shown. A path that is no
/// view's (`#/nowhere`) shows the not-found page and stays in the URL.
#[function_component(HashRouter)]
pub fn hash_router(props: &HashRouterProps) -> Html {
    let location = use_state_eq(|| props.start.clone().unwrap_or_else(page_location));
    // The location shown, for the listener, which outlives this render.
    let shown = use_mut_ref(Location::default);
    (*location).clone_into(&mut shown.borrow_mut());
    {
        let (location, shown) = (location.setter(), Rc::clone(&shown));
        use_effect_with((), move |()| {
            settle(&shown.borrow());
            browser::listen(move || {
                let fragment = browser::fragment();
                let next =
                    Location::from_fragment(&fragment).unwrap_or_else(|| shown.borrow().clone());
                settle(&next);
                location.set(next);
            })
        });
    }
    let moves = {
        let location = location.setter();
        (*use_memo((), move |()| {
            Callback::from(move |next: Move| {
                browser::write(&next.to.fragment(), next.replace);
                location.set(next.to);
            })
        }))
        .clone()
    };
    let context = RouterContext {
        location: (*location).clone(),
        moves,
    };
    html! {
        <ContextProvider<RouterContext> {context}>{ props.children.clone() }</ContextProvider<RouterContext>>
    }
}

/// The location the page's URL names; the planner for a fragment that is
/// no route.
fn page_location() -> Location {
    Location::from_fragment(&browser::fragment()).unwrap_or_default()
}

/// Makes the URL's fragment name `here` as the app writes it, in place of
/// the current history entry, if it does not already. An address that is no
/// view's is left as it was typed, so that it can be corrected.
fn settle(here: &Location) {
    if here.route == Route::NotFound {
        return;
    }
    let fragment = here.fragment();
    if browser::fragment() != fragment {
        browser::write(&fragment, true);
    }
}

/// The current location (the planner outside a [`HashRouter`]).
#[hook]
pub fn use_location() -> Location {
    use_context::<RouterContext>()
        .map(|router| router.location)
        .unwrap_or_default()
}

/// What moves the app elsewhere; `None` outside a [`HashRouter`].
#[hook]
pub fn use_navigator() -> Option<Navigator> {
    use_context::<RouterContext>().map(|router| Navigator(router.moves))
}

/// The page's URL and its events.
#[cfg(target_arch = "wasm32")]
mod browser {
    use gloo::events::EventListener;

    /// The URL's fragment, `#` included (empty when there is none).
    pub fn fragment() -> String {
        gloo::utils::window().location().hash().unwrap_or_default()
    }

    /// Writes `fragment` into the URL, in a new history entry or in place
    /// of the current one. Neither fires an event: the router sets its
    /// location itself.
    pub fn write(fragment: &str, replace: bool) {
        let Ok(history) = gloo::utils::window().history() else {
            return;
        };
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if replace {
            history.replace_state_with_url(&null, "", Some(fragment))
        } else {
            history.push_state_with_url(&null, "", Some(fragment))
        };
    }

    /// Calls `changed` on every change of the URL the page did not make:
    /// a link followed (`hashchange`), Back or Forward (`popstate`), until
    /// the returned function is called.
    pub fn listen(changed: impl Fn() + 'static) -> impl FnOnce() {
        let window = gloo::utils::window();
        let changed = std::rc::Rc::new(changed);
        let again = std::rc::Rc::clone(&changed);
        let listeners = [
            EventListener::new(&window, "hashchange", move |_| changed()),
            EventListener::new(&window, "popstate", move |_| again()),
        ];
        move || drop(listeners)
    }
}

/// Native builds (the render tests) have no page: the router keeps its
/// location in memory.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    pub fn fragment() -> String {
        String::new()
    }

    pub fn write(_fragment: &str, _replace: bool) {}

    pub fn listen(_changed: impl Fn() + 'static) -> impl FnOnce() {
        || {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_route_is_recognised_at_its_own_path_and_nothing_else_is() {
        for route in Route::VIEWS.into_iter().chain([Route::Present]) {
            assert_eq!(Route::recognize(route.path()), route);
        }
        assert_eq!(Route::recognize("/404"), Route::NotFound);
        assert_eq!(Route::recognize("/network/"), Route::Network);
        assert_eq!(Route::recognize("/present/"), Route::Present);
        for path in ["", "/nope", "/network//", "/Network", "network"] {
            assert_eq!(Route::recognize(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn fragments_name_a_route_and_its_query_and_others_are_left_alone() {
        let at = |fragment| Location::from_fragment(fragment);
        assert_eq!(at(""), Some(Location::new(Route::Planner, "")));
        assert_eq!(at("#"), Some(Location::new(Route::Planner, "")));
        assert_eq!(at("#/"), Some(Location::new(Route::Planner, "")));
        assert_eq!(
            at("#/?f=miki-family-clinic&t=hokudai"),
            Some(Location::new(
                Route::Planner,
                "f=miki-family-clinic&t=hokudai"
            ))
        );
        assert_eq!(at("#/wards"), Some(Location::new(Route::Wards, "")));
        assert_eq!(at("#/data?x=1#y"), Some(Location::new(Route::Data, "x=1")));
        assert_eq!(at("#/elsewhere"), Some(Location::new(Route::NotFound, "")));
        assert_eq!(at("#main"), None);
    }

    #[test]
    fn a_location_writes_the_fragment_it_is_read_from() {
        for fragment in ["#/", "#/network", "#/?f=a&t=b", "#/whatif?w=1"] {
            let location = Location::from_fragment(fragment).unwrap();
            assert_eq!(location.fragment(), fragment);
        }
    }
}
