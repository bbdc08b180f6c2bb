//! `tsunagu stats`: figures computed from the records, per ward, in total
//! and per designation, as a table or as JSON.

use std::path::PathBuf;

use tsunagu_core::stats::dataset_stats;

use crate::error::CliError;
use crate::load::load;
use crate::output::out;

pub fn stats(file: Option<&PathBuf>, json: bool) -> Result<(), CliError> {
    let (_, data) = load(file)?;
    let stats = dataset_stats(&data);
    if json {
        let text = serde_json::to_string_pretty(&stats).map_err(CliError::Json)?;
        out!("{text}");
        return Ok(());
    }
    out!(
        "{:<6} {:>10} {:>10} {:>8} {:>6} {:>6} {:>12}",
        "区",
        "人口",
        "世帯数",
        "面積km²",
        "医療機関",
        "閲覧施設",
        "閲覧/100機関"
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
        "合計",
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
