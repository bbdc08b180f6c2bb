//! The app's routes: each view and where it lives in the URL's fragment
//! (`#/network`), and the id of the heading that takes focus after a move.

use yew_router::prelude::*;

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
    /// もしも: saved what-ifs.
    #[at("/whatif")]
    WhatIf,
    /// 地域: Sapporo's wards.
    #[at("/wards")]
    Wards,
    /// データ: the dataset's tables.
    #[at("/data")]
    Data,
    /// 発表モード: the presentation tour.
    #[at("/present")]
    Present,
    /// Any other address.
    #[not_found]
    #[at("/404")]
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

    /// The `href` of a link to this route under hash routing.
    pub fn href(self) -> String {
        format!("#{}", self.to_path())
    }
}

/// The id of the current view's heading, which receives focus after
/// navigation so that screen readers announce the new view.
pub const VIEW_TITLE_ID: &str = "view-title";
