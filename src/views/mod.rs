//! The routed screens, one file each: 経路プラン, ネットワーク, 成長, 地域, データ.

mod data;
mod growth;
mod network;
mod not_found;
mod planner;
mod present;
mod wards;
mod whatif;

pub use data::{DataView, DataViewProps};
pub use growth::GrowthView;
pub use network::NetworkView;
pub use not_found::not_found_view;
pub use planner::PlannerView;
pub use present::PresentView;
pub use wards::WardsView;
pub use whatif::{describe, WhatIfView, WhatIfViewProps};

use std::rc::Rc;

use yew::Properties;

use crate::dataset_handle::DatasetHandle;
use crate::i18n::Lang;
use crate::saved_what_ifs::SavedWhatIf;

/// What every view is given by the shell.
#[derive(Properties, PartialEq)]
pub struct ViewProps {
    /// The UI language.
    pub lang: Lang,
    /// The dataset, or `None` when it could not be loaded.
    #[prop_or_default]
    pub data: Option<DatasetHandle>,
    /// The saved what-ifs (the planner can run under one).
    #[prop_or_default]
    pub saved_what_ifs: Rc<Vec<SavedWhatIf>>,
    /// Whether this is the page's first view, opened from a link: the
    /// planner then draws a shared link's plan first (see `PlannerView`).
    /// `App`'s shell sets it for the view the page opens on, until it is left.
    #[prop_or_default]
    pub first_view: bool,
    /// Where the page was before this view, query and all (発表モード's Esc
    /// goes back there, to the very plan it was opened from), if anywhere.
    #[prop_or_default]
    pub came_from: Option<crate::route::Location>,
    /// Whether the data was changed on this device (an edit or an import):
    /// 発表モード, drawn without the page frame, then says so on every slide.
    #[prop_or_default]
    pub edited: bool,
}
