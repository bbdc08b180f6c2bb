//! The `tsunagu` command-line tool: a thin layer over `tsunagu-core`. This
//! file holds the command line as clap reads it and hands each subcommand to
//! its module; a failure is printed here, once, and sets the exit status.

mod describe;
mod error;
mod export;
mod import;
mod load;
mod names;
mod output;
mod plan;
mod plan_json;
mod plan_text;
mod reach;
mod stats;
mod synth;
mod texts;
mod today;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
use tsunagu_core::access::Rules;

use crate::import::{ImportArgs, Mode};
use crate::plan::PlanArgs;

/// つなぐ — さっぽろ ID-Link 連携経路ナビ (command line).
///
/// Explores referral paths through Sapporo's ID-Link unions: which unions a
/// clinic must join to view the records of the hospitals it refers to.
#[derive(Debug, Parser)]
#[command(name = "tsunagu", version = tsunagu_core::VERSION, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// An unconfirmed assumption to plan under (`--assume`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Assume {
    /// 病院間協定 and ID-Link 連携病院 links relay records to member facilities
    /// (the report never says so: unconfirmed)
    Agreements,
}

/// The access rules for an optional `--assume`: the confirmed rule unless
/// an assumption is asked for.
fn rules_for(assume: Option<Assume>) -> Rules {
    match assume {
        None => Rules::Confirmed,
        Some(Assume::Agreements) => Rules::AssumeAgreements,
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Checks a dataset and lists every problem (exit 0: valid; 1: invalid).
    Validate {
        /// The dataset to check; the bundled one when omitted.
        file: Option<PathBuf>,
    },
    /// Plans which unions to join to view the target hospitals' records (exit 2: unknown name).
    ///
    /// By default only the confirmed rule counts: a facility views a
    /// hospital's records by belonging to a union the hospital hosts.
    #[command(group(ArgGroup::new("start").required(true).args(["from", "member_of"])))]
    Plan {
        /// The facility, by name, as in the data.
        #[arg(long)]
        from: Option<String>,
        /// A facility not in the data, by its current unions (comma-separated; "" for none).
        #[arg(long)]
        member_of: Option<String>,
        /// The target hospitals, comma-separated.
        #[arg(long, required = true)]
        to: String,
        /// The most union-to-union (or, with --assume agreements, hospital-to-hospital) relays allowed; 0 = direct disclosure only.
        #[arg(long)]
        max_relays: Option<u32>,
        /// Unions never to suggest joining, comma-separated.
        #[arg(long)]
        exclude: Option<String>,
        /// Also count hospital agreements and ID-Link partner links as access (an unconfirmed assumption; plans using one are marked). Default: the confirmed rule only.
        #[arg(long, value_enum)]
        assume: Option<Assume>,
        /// Plan on a what-if (JSON: {"name", "changes": [...]}, as for reach). Its connected unions count as access (plans using one are marked "what-if"); its agreements only with --assume agreements.
        #[arg(long)]
        what_if: Option<PathBuf>,
        /// The dataset; the bundled one when omitted.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Imports facilities from a CSV, or a whole dataset from JSON, and prints what changes (exit 1: the file is refused; 2: a flag, a name or a file cannot be used). Nothing is written unless the whole import succeeds.
    ///
    /// A CSV meets the data in one of three modes. add (the default) adds
    /// new facilities and updates those it matches (by ID, else by name and
    /// ward), removing nothing. replace takes the file as the complete list:
    /// every facility it leaves out is removed, and each is listed (giving
    /// the flag is the confirmation). roster takes it as the complete member
    /// list of the union named by --union: facilities it leaves out leave
    /// that union, and nothing else changes. Every facility the file lists is
    /// marked confirmed on --confirmed, today in Japan (UTC+9) when not given.
    ///
    /// A JSON file is a whole dataset and replaces the data: --mode, --union,
    /// --confirmed and --confirmed-by are for a CSV, and are refused with
    /// one (exit 2).
    Import {
        /// The CSV (施設名, 区, ユニオン, 種別, ID; 確認日 is ignored) or JSON file.
        file: PathBuf,
        /// How a CSV meets the data (default: add).
        #[arg(long, value_enum)]
        mode: Option<Mode>,
        /// The union whose member list the CSV is, by name, alias or id (with --mode roster only).
        #[arg(long, value_name = "NAME")]
        union: Option<String>,
        /// The day the CSV's facilities were confirmed (default: today in Japan, UTC+9).
        #[arg(long, value_name = "YYYY-MM-DD")]
        confirmed: Option<String>,
        /// Who confirmed them, in free text (a union's office, say).
        #[arg(long, value_name = "TEXT")]
        confirmed_by: Option<String>,
        /// The dataset to import into; the bundled one when omitted.
        #[arg(long, value_name = "DATA")]
        into: Option<PathBuf>,
        /// Where to write the new dataset; standard output when omitted.
        #[arg(long, value_name = "NEW")]
        out: Option<PathBuf>,
    },
    /// Writes a dataset's facilities as CSV (UTF-8 with a BOM), or the dataset as JSON (exit 2: unknown union).
    #[command(group(ArgGroup::new("format").required(true).args(["csv", "json"])))]
    Export {
        /// The dataset; the bundled one when omitted.
        data: Option<PathBuf>,
        /// Facilities as CSV: ID, 施設名, 種別, 区, ユニオン, 確認日 (the day each was last confirmed; the report's date when never since).
        #[arg(long)]
        csv: bool,
        /// The whole dataset as JSON.
        #[arg(long)]
        json: bool,
        /// Only this union's members, by name, alias or id (with --csv only).
        #[arg(long, value_name = "NAME")]
        union: Option<String>,
    },
    /// Prints the reach matrix: fewest relays from each union to each 開示病院 (null: unreachable).
    ///
    /// By default only the confirmed rule counts, so a union reaches its own
    /// hosts and, through connected unions, theirs.
    Reach {
        /// The dataset; the bundled one when omitted.
        #[arg(long)]
        data: Option<PathBuf>,
        /// A what-if (JSON: {"name", "changes": [...]}), see DATA.md; its connected unions count as access.
        #[arg(long)]
        what_if: Option<PathBuf>,
        /// Also count hospital agreements and ID-Link partner links as relays (an unconfirmed assumption). Default: the confirmed rule only.
        #[arg(long, value_enum)]
        assume: Option<Assume>,
        /// Print JSON (the only format).
        #[arg(long)]
        json: bool,
    },
    /// Writes a synthetic network (deterministic for a seed) and prints how
    /// many unions random queries need, assuming agreements count (the
    /// harder case for the planner).
    Synth {
        /// hokkaido (about 7,000 facilities) or japan (about 180,000).
        #[arg(long, value_parser = ["hokkaido", "japan"])]
        scale: String,
        /// The seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write it; standard output when omitted.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Prints figures computed from the records: per ward, totals, designations.
    Stats {
        /// The dataset; the bundled one when omitted.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Validate { file } => validate::validate(file.as_ref()),
        Command::Stats { data, json } => stats::stats(data.as_ref(), *json),
        Command::Synth { scale, seed, out } => synth::synth(scale, *seed, out.as_ref()),
        Command::Reach {
            data,
            what_if,
            assume,
            ..
        } => reach::reach(data.as_ref(), what_if.as_ref(), rules_for(*assume)),
        Command::Import {
            file,
            mode,
            union,
            confirmed,
            confirmed_by,
            into,
            out,
        } => import::import(&ImportArgs {
            file,
            mode: *mode,
            union: union.as_deref(),
            confirmed: confirmed.as_deref(),
            confirmed_by: confirmed_by.as_deref(),
            into: into.as_ref(),
            out: out.as_ref(),
        }),
        Command::Export {
            data, csv, union, ..
        } => export::export(data.as_ref(), *csv, union.as_deref()),
        Command::Plan {
            from,
            member_of,
            to,
            max_relays,
            exclude,
            assume,
            what_if,
            data,
            json,
        } => plan::plan(&PlanArgs {
            from: from.as_deref(),
            member_of: member_of.as_deref(),
            to,
            max_relays: *max_relays,
            exclude: exclude.as_deref(),
            rules: rules_for(*assume),
            what_if: what_if.as_ref(),
            data: data.as_ref(),
            json: *json,
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(error.exit_code())
        }
    }
}
