//! `tsunagu plan`: resolves the typed names, plans which unions to join, and
//! prints the answer as text or JSON.

use std::path::PathBuf;

use tsunagu_core::access::Rules;
use tsunagu_core::graph::NetworkGraph;
use tsunagu_core::model::{FacilityId, HospitalId, UnionId};
use tsunagu_core::names::Kind;
use tsunagu_core::planner::{plan_joins, PlanLimits, PlanRequest, Start};
use tsunagu_core::whatif::apply_what_if;

use crate::describe::Basis;
use crate::error::CliError;
use crate::load::{load, load_what_if};
use crate::names::{resolve, split_list};
use crate::output::out;
use crate::plan_json::answer_json;
use crate::plan_text::print_answer;
use crate::texts;

/// The `plan` command's options, as parsed.
pub struct PlanArgs<'a> {
    pub from: Option<&'a str>,
    pub member_of: Option<&'a str>,
    pub to: &'a str,
    pub max_relays: Option<u32>,
    pub exclude: Option<&'a str>,
    pub rules: Rules,
    pub what_if: Option<&'a PathBuf>,
    pub data: Option<&'a PathBuf>,
    pub json: bool,
}

pub fn plan(args: &PlanArgs<'_>) -> Result<(), CliError> {
    let (_, data) = load(args.data)?;
    let what_if = load_what_if(args.what_if)?;
    // Names resolve in the what-if's dataset, so that a facility it has
    // join a union plans from its new memberships.
    let (data, union_links) = apply_what_if(&data, &what_if);
    let (start, facility) = match (args.from, args.member_of) {
        (Some(name), _) => {
            let id = resolve(&data, Kind::Facility, "--from", &[name])?.remove(0);
            let facility = data
                .facility(&FacilityId(id.clone()))
                .map_or(id.clone(), |f| f.name.clone());
            (Start::Facility(FacilityId(id)), facility)
        }
        (None, member_of) => {
            let unions = resolve(
                &data,
                Kind::Union,
                "--member-of",
                &split_list(member_of.unwrap_or_default()),
            )?;
            (
                Start::Members(unions.into_iter().map(UnionId).collect()),
                texts::NEW_FACILITY.to_owned(),
            )
        }
    };
    let targets = resolve(&data, Kind::Hospital, "--to", &split_list(args.to))?;
    if targets.is_empty() {
        return Err(CliError::NoTargets);
    }
    let exclude = resolve(
        &data,
        Kind::Union,
        "--exclude",
        &split_list(args.exclude.unwrap_or_default()),
    )?;
    let request = PlanRequest {
        start,
        targets: targets.into_iter().map(HospitalId).collect(),
        max_relays: args.max_relays,
        exclude: exclude.into_iter().map(UnionId).collect(),
    };
    let graph = NetworkGraph::build(&data, &union_links, args.rules);
    let answer = plan_joins(&graph, &request, PlanLimits::default())?;
    let basis = Basis {
        facility: match &request.start {
            Start::Facility(id) => Some(id),
            Start::Members(_) => None,
        },
        what_if: Some(&what_if).filter(|w| !w.changes.is_empty()),
    };
    if args.json {
        out!(
            "{}",
            answer_json(&data, &basis, &facility, &request.targets, &answer)
        );
    } else {
        print_answer(&data, &basis, &facility, &request.targets, &answer);
    }
    Ok(())
}
