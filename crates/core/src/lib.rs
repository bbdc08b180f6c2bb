//! tsunagu-core: the domain of tsunagu, with no web dependencies.
//!
//! It will hold the ID-Link network model, its validation, the graph and the
//! referral planner. The web app and the CLI are thin layers over it; the
//! compiler keeps the boundary, since this crate cannot name a web crate.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

/// The version of tsunagu, shared by the app and the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
