//! The dataset that ships with tsunagu: the council's report as data,
//! compiled in so that the app needs no fetch and works offline.

/// `assets/data/sapporo.json`, as text.
pub const SAPPORO_JSON: &str = include_str!("../../../assets/data/sapporo.json");
