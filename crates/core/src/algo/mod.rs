//! Graph-independent algorithms the planner stands on, one per file.

pub mod cover;

pub use cover::{min_covers, min_covers_with_progress, CoverProblem, CoverResult};
