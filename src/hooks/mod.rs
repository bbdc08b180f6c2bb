//! Custom hooks: effects on the document that several components share.

mod use_document_lang;
mod use_focus_on_change;

pub use use_document_lang::use_document_lang;
pub use use_focus_on_change::use_focus_on_change;
