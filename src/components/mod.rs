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
pub use lang_switch::LangSwitch;
pub use network_map::{MapLayer, NetworkMap, ViewAction, ViewBox};
pub use notices::Notices;
pub use outside_layer::outside_layer;
pub use plan_card::{misprints, pick, plan_title, source_line, PlanCard};
pub use record_form::{FormKind, RecordForm};
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use sort_table::{Column, Row, SortKey, SortTable};
pub use view_nav::ViewNav;
pub use ward_map::{WardMap, WardValue};
