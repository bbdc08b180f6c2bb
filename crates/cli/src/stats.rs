//! `tsunagu stats`: figures computed from the records, per ward, in total
//! and per designation, as a table or as JSON.

use std::path::PathBuf;

use tsunagu_core::stats::dataset_stats;

use crate::error::CliError;
use crate::load::load;
use crate::output::out;
use crate::texts;

pub fn stats(file: Option<&PathBuf>, json: bool) -> Result<(), CliError> {
    let (_, data) = load(file)?;
    let stats = dataset_stats(&data);
    if json {
        let text = serde_json::to_string_pretty(&stats).map_err(CliError::Json)?;
        out!("{text}");
        return Ok(());
    }
    let header = texts::STATS_COLUMNS;
    out!(
        "{:<6} {:>10} {:>10} {:>8} {:>6} {:>6} {:>12}",
        header[0],
        header[1],
        header[2],
        header[3],
        header[4],
        header[5],
        header[6]
    );
    for ward in &stats.wards {
        out!(
            "{:<6} {:>10} {:>10} {:>8.2} {:>6} {:>6} {:>12.1}",
            ward.name,
            ward.population,
            ward.households,
            ward.area_km2,
            ward.institutions,
            ward.viewing_facilities,
            ward.viewing_per_100_institutions.unwrap_or(f64::NAN)
        );
    }
    let t = &stats.totals;
    out!(
        "{:<6} {:>10} {:>10} {:>8.2} {:>6} {:>6}",
        texts::TOTAL,
        t.population,
        t.households,
        t.area_km2,
        t.institutions,
        t.viewing_facilities
    );
    out!("");
    for d in &stats.designations {
        out!("{} {}/{} on ID-Link", d.name, d.on_idlink, d.total);
    }
    Ok(())
}
