//! `tsunagu synth`: writes a synthetic network, deterministic for a seed,
//! and prints how many unions random queries on it need.

use std::path::PathBuf;

use tsunagu_core::access::Rules;
use tsunagu_core::synth::{join_distribution, synthesize, Scale};

use crate::error::CliError;
use crate::output::write_out;

pub fn synth(scale: &str, seed: u64, out: Option<&PathBuf>) -> Result<(), CliError> {
    let scale = if scale == "japan" {
        Scale::JAPAN
    } else {
        Scale::HOKKAIDO
    };
    let data = synthesize(scale, seed);
    // Under the assumption that agreements count, hospital links are edges
    // too: more paths and more relay thresholds, the harder case for the
    // planner, which is what a synthetic network is for.
    let spread = join_distribution(&data, 200, seed, Rules::AssumeAgreements);
    eprintln!(
        "{} hospitals, {} unions, {} facilities, {} links",
        data.hospitals.len(),
        data.unions.len(),
        data.facilities.len(),
        data.links.len()
    );
    eprintln!(
        "fewest unions to join over 200 random single-target queries (assuming agreements count, the harder case):"
    );
    for (k, n) in spread.counts.iter().enumerate() {
        eprintln!("  {k}: {n}");
    }
    eprintln!("  unreachable: {}", spread.unreachable);
    // Compact, so that a japan-scale file stays under the app's import limit.
    let json = serde_json::to_string(&data).map_err(CliError::Json)?;
    write_out(out, json.as_bytes())
}
