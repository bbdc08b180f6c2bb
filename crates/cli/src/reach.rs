//! `tsunagu reach`: the reach matrix as JSON, fewest relays from each union
//! to each 開示病院, on the dataset or a what-if of it.

use std::path::PathBuf;

use serde_json::json;
use tsunagu_core::access::Rules;
use tsunagu_core::graph::NetworkGraph;
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
    let out = json!({
        "rules": rules.as_str(),
        "unions": matrix.unions.iter().map(|u| union_name(&next, u)).collect::<Vec<_>>(),
        "hospitals": matrix.hospitals.iter().map(|h| hospital_name(&next, h)).collect::<Vec<_>>(),
        "relays": matrix.relays,
    });
    out!("{out}");
    Ok(())
}
