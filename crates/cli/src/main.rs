//! The `tsunagu` command-line tool: a thin layer over `tsunagu-core`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::model::Dataset;
use tsunagu_core::stats::dataset_stats;
use tsunagu_core::validate::{load_dataset, Problem, Severity};

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

#[derive(Debug, Subcommand)]
enum Command {
    /// Checks a dataset and lists every problem (exit 0: valid; 1: invalid).
    Validate {
        /// The dataset to check; the bundled one when omitted.
        file: Option<PathBuf>,
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

/// The name to show for a dataset, and its text.
fn read(file: Option<&PathBuf>) -> Result<(String, String), ExitCode> {
    match file {
        None => Ok(("(bundled) sapporo.json".to_owned(), SAPPORO_JSON.to_owned())),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Ok((path.display().to_string(), text)),
            Err(error) => {
                eprintln!(
                    "{}: ファイルを読めません / cannot read the file: {error}",
                    path.display()
                );
                Err(ExitCode::from(2))
            }
        },
    }
}

fn print_problems(name: &str, problems: &[Problem]) {
    for problem in problems {
        eprintln!("{name} {problem}");
    }
}

/// Loads a dataset, printing its warnings, or every problem on failure.
fn load(file: Option<&PathBuf>) -> Result<(String, Dataset), ExitCode> {
    let (name, text) = read(file)?;
    match load_dataset(&text) {
        Ok(loaded) => {
            print_problems(&name, &loaded.warnings);
            Ok((name, loaded.dataset))
        }
        Err(problems) => {
            print_problems(&name, &problems);
            let errors = problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            eprintln!("{name}: {errors} 件のエラー / {errors} error(s)");
            Err(ExitCode::from(1))
        }
    }
}

fn validate(file: Option<&PathBuf>) -> Result<(), ExitCode> {
    let (name, data) = load(file)?;
    println!(
        "{name}: 有効 / valid — {} hospitals, {} unions, {} links, {} facilities, {} wards",
        data.hospitals.len(),
        data.unions.len(),
        data.links.len(),
        data.facilities.len(),
        data.wards.len()
    );
    Ok(())
}

fn stats(file: Option<&PathBuf>, json: bool) -> Result<(), ExitCode> {
    let (_, data) = load(file)?;
    let stats = dataset_stats(&data);
    if json {
        match serde_json::to_string_pretty(&stats) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("JSON を書けません / cannot write JSON: {error}");
                return Err(ExitCode::from(1));
            }
        }
        return Ok(());
    }
    println!(
        "{:<6} {:>10} {:>10} {:>8} {:>6} {:>6} {:>12}",
        "区", "人口", "世帯数", "面積km²", "医療機関", "閲覧施設", "閲覧/100機関"
    );
    for ward in &stats.wards {
        println!(
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
    println!(
        "{:<6} {:>10} {:>10} {:>8.2} {:>6} {:>6}",
        "合計", t.population, t.households, t.area_km2, t.institutions, t.viewing_facilities
    );
    println!();
    for d in &stats.designations {
        println!("{} {}/{} on ID-Link", d.name, d.on_idlink, d.total);
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Validate { file } => validate(file.as_ref()),
        Command::Stats { data, json } => stats(data.as_ref(), *json),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}
