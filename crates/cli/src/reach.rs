//! `tsunagu reach`: the reach matrix as JSON, fewest relays from each union
//! to each 開示病院, on the dataset or a what-if of it. Under a what-if the
//! output names it and marks, in `assumed`, each cell it gives or shortens.

use std::path::PathBuf;

use serde_json::json;
use tsunagu_core::access::Rules;
use tsunagu_core::graph::NetworkGraph;
use tsunagu_core::model::{HospitalId, UnionId};
use tsunagu_core::reach::reach_matrix;
use tsunagu_core::whatif::apply_what_if;

use crate::describe::{hospital_name, union_name};
use crate::error::CliError;
use crate::load::{load, load_what_if};
use crate::output::out;

pub fn reach(
    data: Option<&PathBuf>,
    what_if: Option<&PathBuf>,
    rules: Rules,
) -> Result<(), CliError> {
    let (_, data) = load(data)?;
    let what_if = load_what_if(what_if)?;
    let (next, links) = apply_what_if(&data, &what_if);
    let graph = NetworkGraph::build(&next, &links, rules);
    let matrix = reach_matrix(&next, &graph);
    let mut out = json!({
        "rules": rules.as_str(),
        "unions": matrix.unions.iter().map(|u| union_name(&next, u)).collect::<Vec<_>>(),
        "hospitals": matrix.hospitals.iter().map(|h| hospital_name(&next, h)).collect::<Vec<_>>(),
        "relays": matrix.relays,
    });
    if !what_if.changes.is_empty() {
        // Each cell the what-if gives or shortens rests on it: compared with
        // the report's data under the same rules, cell by cell by id.
        let report = reach_matrix(&data, &NetworkGraph::build(&data, &[], rules));
        let on_report = |u: &UnionId, h: &HospitalId| {
            let row = report.unions.iter().position(|x| x == u)?;
            let column = report.hospitals.iter().position(|x| x == h)?;
            report.relays[row][column]
        };
        let assumed: Vec<Vec<bool>> = matrix
            .unions
            .iter()
            .zip(&matrix.relays)
            .map(|(u, row)| {
                matrix
                    .hospitals
                    .iter()
                    .zip(row)
                    .map(|(h, cell)| cell.is_some_and(|d| on_report(u, h).is_none_or(|r| d < r)))
                    .collect()
            })
            .collect();
        out["what_if"] = json!({"name": what_if.name, "changes": what_if.changes.len()});
        out["assumed"] = json!(assumed);
    }
    out!("{out}");
    Ok(())
}
