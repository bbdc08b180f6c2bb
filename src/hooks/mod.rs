//! Custom hooks: effects on the document that several components share, and
//! planning and reading imports off the UI thread.

mod use_document_keys;
mod use_document_lang;
mod use_focus_on_change;
mod use_import;
mod use_plan;

pub use use_document_keys::{key_target_tag, use_document_keys};
pub use use_document_lang::use_document_lang;
pub use use_focus_on_change::use_focus_on_change;
pub use use_import::{use_import, ImportHandle};
pub use use_plan::{
    plans_on_page, use_plan, PlanFailure, PlanHandle, PlanStatus, PAGE_PLAN_RECORDS,
};
