//! Reusable pieces of the page frame and of the views.

mod data_tools;
mod import_preview;
mod lang_switch;
mod network_map;
mod notices;
mod outside_layer;
mod plan_card;
mod record_form;
mod site_footer;
mod site_header;
mod sort_table;
pub mod tags;
mod view_nav;
mod ward_map;

pub use data_tools::{problem_item, DataCommand, DataTools};
pub use import_preview::ImportPreview;
pub use lang_switch::{lang_switch, LangSwitchProps};
pub use network_map::{MapLayer, NetworkMap, ViewAction, ViewBox};
pub use notices::{notices, NoticesProps};
pub use outside_layer::outside_layer;
pub use plan_card::{
    misprints, pick, plan_card, plan_title, relays_line, source_line, PlanCardProps,
};
pub use record_form::{FormKind, RecordForm};
pub use site_footer::{site_footer, SiteFooterProps};
pub use site_header::{site_header, SiteHeaderProps};
pub use sort_table::{Column, DrawCells, Row, SortKey, SortTable};
pub use view_nav::{view_nav, view_texts, ViewNavProps};
pub use ward_map::{WardMap, WardValue};
