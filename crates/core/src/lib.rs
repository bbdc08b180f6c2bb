//! tsunagu-core: the domain of tsunagu, with no web dependencies.
//!
//! It holds the ID-Link network model (`model`), reading and checking it
//! (`validate`), figures computed from it (`stats`) and the bundled dataset
//! (`bundled`); the access rules (`access`); the network as a graph
//! (`graph`), laid out for fast queries (`index`, `reach`); the referral
//! planner (`planner`); what-ifs (`whatif`), the growth timeline
//! (`timeline`), imports and exports, synthetic networks (`synth`); and the
//! texts the app and the CLI share (`text`). The web app and the CLI are
//! thin layers over it; the compiler keeps the boundary, since this crate
//! cannot name a web crate.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod access;
pub mod algo;
pub mod bundled;
pub mod diff;
pub mod edit;
pub mod export;
pub mod graph;
pub mod import;
pub mod index;
pub mod merge;
pub mod model;
pub mod names;
pub mod order;
pub mod outside;
pub mod planner;
pub mod reach;
pub mod stats;
pub mod synth;
pub mod text;
pub mod timeline;
pub mod validate;
pub mod whatif;

/// The version of tsunagu, shared by the app and the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
