//! The benchmark workloads for the browser: the same core and the same
//! queries as the native `tsunagu-bench`, exported with wasm-bindgen for
//! `scripts/bench-page.mjs`, which times each pass with `performance.now()`
//! and runs graphology on the exported graph. Never shipped with the app.

// Checksums and times are sums and counts far below 2^52, exact in an f64.
#![allow(clippy::cast_precision_loss)]

use wasm_bindgen::prelude::wasm_bindgen;

use tsunagu_bench::{
    dataset_json, export, parse_pass, reach_checksum, read_pass, rebuild_index, records_checksum,
    validate_pass, Dataset, ReachMatrix, Workload,
};

/// The Japan-scale network, its index and its queries, held by the page.
#[wasm_bindgen]
pub struct Bench {
    workload: Workload,
    json: String,
    /// The last parse's dataset, kept so that freeing it is not timed.
    parsed: Option<Dataset>,
    reach: Option<(ReachMatrix, Vec<u64>)>,
}

#[wasm_bindgen]
impl Bench {
    /// Builds the network for `seed` (as `tsunagu synth --scale japan`).
    #[wasm_bindgen(constructor)]
    pub fn new(seed: u32) -> Bench {
        Bench {
            workload: Workload::japan(u64::from(seed)),
            json: String::new(),
            parsed: None,
            reach: None,
        }
    }

    /// Single-target plans over the fixed pairs; returns the checksum.
    pub fn plan_pass(&self) -> f64 {
        self.workload.plan_pass()
    }

    /// One facility to every hospital; returns the checksum.
    pub fn facility_to_all_pass(&self) -> f64 {
        self.workload.facility_to_all_pass()
    }

    /// Facility to hospital over the fixed pairs; returns the checksum.
    pub fn facility_to_hospital_pass(&self) -> f64 {
        self.workload.facility_to_hospital_pass()
    }

    /// The reach matrix and facility counts, kept for [`Bench::reach_checksum`].
    pub fn reach_pass(&mut self) {
        self.reach = Some(self.workload.reach_pass());
    }

    /// The checksum of the last [`Bench::reach_pass`] (not timed).
    pub fn reach_checksum(&self) -> f64 {
        self.reach
            .as_ref()
            .map_or(-1.0, |(matrix, counts)| reach_checksum(matrix, counts))
    }

    /// A what-if recompute: index the records without facilities, then the
    /// reach matrix; returns the number of reachable cells.
    pub fn recompute_pass(&self) -> f64 {
        let matrix = self.workload.recompute_pass();
        matrix.relays.iter().flatten().flatten().count() as f64
    }

    /// Rebuilds the whole index, facilities included; returns its union count.
    pub fn index_pass(&self) -> f64 {
        rebuild_index(&self.workload) as f64
    }

    /// Serialises the dataset once, for [`Bench::parse_pass`]; returns its bytes.
    pub fn prepare_json(&mut self) -> f64 {
        self.json = dataset_json(&self.workload);
        self.json.len() as f64
    }

    /// Parses and validates the JSON made by [`Bench::prepare_json`] and
    /// keeps the dataset; returns its checksum. Call [`Bench::release`]
    /// first, outside the timing: a load keeps what it read.
    pub fn parse_pass(&mut self) -> f64 {
        self.parsed = parse_pass(&self.json);
        records_checksum(self.parsed.as_ref())
    }

    /// Only the read of [`Bench::parse_pass`]: the JSON into the types.
    pub fn read_pass(&mut self) -> f64 {
        self.parsed = read_pass(&self.json);
        records_checksum(self.parsed.as_ref())
    }

    /// Only the checks of [`Bench::parse_pass`], on records already read.
    pub fn validate_pass(&self) -> f64 {
        validate_pass(&self.workload.data)
    }

    /// Frees the last parse's dataset (the page times it apart).
    pub fn release(&mut self) {
        self.parsed = None;
    }

    /// Queries per pass of the plan, pair and facility workloads.
    pub fn queries(&self) -> usize {
        self.workload.pairs.len()
    }

    /// Hospitals, unions and facilities in the exported graph.
    pub fn export_counts(&self) -> Vec<u32> {
        export(&self.workload).counts.to_vec()
    }

    /// The exported graph's edges as `(from, to, relays)` triples.
    pub fn export_edges(&self) -> Vec<u32> {
        export(&self.workload).edges
    }

    /// The facility nodes of the one-to-every-hospital queries.
    pub fn export_facilities(&self) -> Vec<u32> {
        export(&self.workload).facilities
    }

    /// The `(facility, hospital)` node pairs, flattened.
    pub fn export_pairs(&self) -> Vec<u32> {
        export(&self.workload).pairs
    }
}
