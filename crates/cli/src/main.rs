//! The `tsunagu` command-line tool: a thin layer over `tsunagu-core`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand};
use serde_json::{json, Value};
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::graph::{Edge, NetworkGraph, Node};
use tsunagu_core::model::Dataset;
use tsunagu_core::model::{FacilityId, HospitalId, LinkKind, UnionId};
use tsunagu_core::names::{lookup, Kind, Lookup};
use tsunagu_core::planner::{
    plan_joins, Entry, PlanAnswer, PlanLimits, PlanRequest, Start, UnreachableReason,
};
use tsunagu_core::stats::dataset_stats;
use tsunagu_core::validate::{load_dataset, Problem, Severity};
use unicode_normalization::UnicodeNormalization;

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
    /// Plans which unions to join to reach the target hospitals (exit 2: unknown name).
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
        /// The most hospital-to-hospital (or union-to-union) relays allowed; 0 = direct disclosure only.
        #[arg(long)]
        max_relays: Option<u32>,
        /// Unions never to suggest joining, comma-separated.
        #[arg(long)]
        exclude: Option<String>,
        /// The dataset; the bundled one when omitted.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Imports facilities from a CSV (or a whole dataset from JSON) into a dataset.
    Import {
        /// The CSV (施設名, 区, ユニオン, 種別, ID) or JSON file.
        file: PathBuf,
        /// The dataset to import into; the bundled one when omitted.
        #[arg(long)]
        into: Option<PathBuf>,
        /// Where to write the new dataset; standard output when omitted.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Writes a dataset's facilities as CSV (UTF-8 with a BOM), or the dataset as JSON.
    #[command(group(ArgGroup::new("format").required(true).args(["csv", "json"])))]
    Export {
        /// The dataset; the bundled one when omitted.
        data: Option<PathBuf>,
        /// Facilities and their unions as CSV.
        #[arg(long)]
        csv: bool,
        /// The whole dataset as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Prints the reach matrix: fewest relays from each union to each 開示病院 (null: unreachable).
    Reach {
        /// The dataset; the bundled one when omitted.
        #[arg(long)]
        data: Option<PathBuf>,
        /// A what-if scenario (JSON: {"name", "changes": [...]}), see DATA.md.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Print JSON (the only format).
        #[arg(long)]
        json: bool,
    },
    /// Writes a synthetic network (deterministic for a seed) and prints how
    /// many unions random queries need.
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

fn nfkc(text: &str) -> String {
    text.nfkc().collect()
}

/// Splits a comma-separated list (ASCII or full-width commas), dropping blanks.
fn split_list(list: &str) -> Vec<&str> {
    list.split([',', '，', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Resolves names to ids, or prints what was not found (with suggestions) and exits 2.
fn resolve(data: &Dataset, kind: Kind, names: &[&str]) -> Result<Vec<String>, ExitCode> {
    let mut ids = Vec::new();
    let mut failed = false;
    for name in names {
        match lookup(data, kind, name, &nfkc) {
            Lookup::Found(id) => ids.push(id),
            Lookup::NotFound { suggestions } => {
                let (ja, en) = match kind {
                    Kind::Hospital => ("病院", "hospital"),
                    Kind::Union => ("ユニオン", "union"),
                    Kind::Facility => ("施設", "facility"),
                };
                eprintln!(
                    "「{name}」という{ja}は見つかりません / no {en} is named \"{name}\". 候補 / did you mean: {}",
                    suggestions.join(", ")
                );
                failed = true;
            }
        }
    }
    if failed {
        Err(ExitCode::from(2))
    } else {
        Ok(ids)
    }
}

const NEW_FACILITY: &str = "新しい施設 (new facility)";
const CAVEAT: &str = "ユニオンへの加入で情報共有が可能になりますが、患者さんごとの同意が必要です。 / Joining a union makes sharing possible, but each patient must still consent.";

fn hospital_name(data: &Dataset, id: &HospitalId) -> String {
    data.hospitals
        .iter()
        .find(|h| &h.id == id)
        .map_or_else(|| id.0.clone(), |h| h.name.clone())
}

fn union_name(data: &Dataset, id: &UnionId) -> String {
    data.unions
        .iter()
        .find(|u| &u.id == id)
        .map_or_else(|| id.0.clone(), |u| u.name.clone())
}

fn reason_text(data: &Dataset, reason: &UnreachableReason) -> String {
    match reason {
        UnreachableReason::HostsNoUnion => "この病院を開示元とするユニオンがデータにないため、中継なし（直接開示）では届きません / no union in the data has this hospital as its host, so it cannot be reached by direct disclosure (0 relays)".to_owned(),
        UnreachableReason::NoPath => "どのユニオンからも、病院間の連携をたどって届きません / no union reaches it, even through hospital links".to_owned(),
        UnreachableReason::TooManyRelays { needed, allowed } => format!(
            "最短でも {needed} 回の中継が必要で、上限の {allowed} 回を超えます / it needs at least {needed} relays, more than the {allowed} allowed"
        ),
        UnreachableReason::OnlyExcluded { unions } => {
            let names: Vec<String> = unions.iter().map(|u| union_name(data, u)).collect();
            format!(
                "除外したユニオン（{}）からしか届きません / only the excluded unions reach it: {}",
                names.join("、"),
                names.join(", ")
            )
        }
    }
}

fn edge_json(data: &Dataset, edge: &Edge) -> Value {
    match edge {
        Edge::MemberOf => json!({"kind": "member_of"}),
        Edge::HostedBy => json!({"kind": "hosted_by"}),
        Edge::UnionLink { label } => json!({"kind": "union_link", "label": label}),
        Edge::Link { kind, link, source } => {
            let section = data
                .sections
                .iter()
                .find(|s| s.id == source.section)
                .map(|s| s.title.ja.clone());
            json!({
                "kind": match kind { LinkKind::Agreement => "agreement", LinkKind::IdlinkPartner => "idlink_partner" },
                "link": link.0,
                "source": {"section": source.section.0, "title": section, "quote": source.quote},
            })
        }
    }
}

fn answer_json(data: &Dataset, facility: &str, answer: &PlanAnswer) -> Value {
    let names = |ids: &[UnionId]| ids.iter().map(|u| union_name(data, u)).collect::<Vec<_>>();
    let node_name = |node: &Node| match node {
        Node::Hospital(id) => hospital_name(data, id),
        Node::Union(id) => union_name(data, id),
        Node::Facility(id) => id.0.clone(),
    };
    json!({
        "facility": facility,
        "members": names(&answer.members),
        "plans": answer.plans.iter().map(|plan| json!({
            "join": names(&plan.join),
            "relays": plan.relays,
            "alternatives": plan.alternatives.iter().map(|a| names(a)).collect::<Vec<_>>(),
            "alternatives_truncated": plan.alternatives_truncated,
            "exact": plan.exact,
            "lower_bound": plan.lower_bound,
            "paths": plan.paths.iter().map(|path| {
                let mut steps = vec![facility.to_owned(), union_name(data, &path.union)];
                steps.extend(path.hops.iter().map(|hop| node_name(&hop.node)));
                json!({
                    "target": hospital_name(data, &path.target),
                    "relays": path.relays,
                    "steps": steps,
                    "entry": match path.entry { Entry::Member => "member", Entry::Join => "join" },
                    "hops": path.hops.iter().map(|hop| json!({"to": node_name(&hop.node), "via": edge_json(data, &hop.edge)})).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "unreachable": answer.unreachable.iter().map(|u| json!({
            "target": hospital_name(data, &u.target),
            "reason": reason_text(data, &u.reason),
        })).collect::<Vec<_>>(),
        "caveat": CAVEAT,
    })
}

fn print_answer(data: &Dataset, facility: &str, answer: &PlanAnswer) {
    let names = |ids: &[UnionId]| {
        ids.iter()
            .map(|u| union_name(data, u))
            .collect::<Vec<_>>()
            .join("、")
    };
    println!("施設 / facility: {facility}");
    println!(
        "加入中 / member of: {}",
        if answer.members.is_empty() {
            "なし / none".to_owned()
        } else {
            names(&answer.members)
        }
    );
    if answer.plans.is_empty() {
        println!("条件に合うプランはありません / no plan meets the options.");
    }
    for plan in &answer.plans {
        println!();
        if plan.join.is_empty() {
            println!(
                "■ 加入不要 / no union to join — 中継 / relays: 最大 {}",
                plan.relays
            );
        } else {
            println!(
                "■ {}ユニオンに加入 / join {}: {} — 中継 / relays: 最大 {}",
                plan.join.len(),
                plan.join.len(),
                names(&plan.join),
                plan.relays
            );
        }
        if !plan.exact {
            println!(
                "  (最善の候補。必要数の下限は {} / best found; at least {} are needed)",
                plan.lower_bound, plan.lower_bound
            );
        }
        for alternative in &plan.alternatives {
            println!("  別案 / or: {}", names(alternative));
        }
        for path in &plan.paths {
            let mut steps = vec![facility.to_owned(), union_name(data, &path.union)];
            steps.extend(path.hops.iter().map(|hop| match &hop.node {
                Node::Hospital(id) => hospital_name(data, id),
                Node::Union(id) => union_name(data, id),
                Node::Facility(id) => id.0.clone(),
            }));
            println!(
                "  → {} ({} relays): {}",
                hospital_name(data, &path.target),
                path.relays,
                steps.join(" → ")
            );
        }
    }
    for u in &answer.unreachable {
        println!(
            "\n× {}: {}",
            hospital_name(data, &u.target),
            reason_text(data, &u.reason)
        );
    }
    println!("\n{CAVEAT}");
}

struct PlanArgs<'a> {
    from: Option<&'a str>,
    member_of: Option<&'a str>,
    to: &'a str,
    max_relays: Option<u32>,
    exclude: Option<&'a str>,
    data: Option<&'a PathBuf>,
    json: bool,
}

fn plan(args: &PlanArgs<'_>) -> Result<(), ExitCode> {
    let (_, data) = load(args.data)?;
    let (start, facility) = match (args.from, args.member_of) {
        (Some(name), _) => {
            let id = resolve(&data, Kind::Facility, &[name])?.remove(0);
            let facility = data
                .facilities
                .iter()
                .find(|f| f.id.0 == id)
                .map_or(id.clone(), |f| f.name.clone());
            (Start::Facility(FacilityId(id)), facility)
        }
        (None, member_of) => {
            let unions = resolve(
                &data,
                Kind::Union,
                &split_list(member_of.unwrap_or_default()),
            )?;
            (
                Start::Members(unions.into_iter().map(UnionId).collect()),
                NEW_FACILITY.to_owned(),
            )
        }
    };
    let targets = resolve(&data, Kind::Hospital, &split_list(args.to))?;
    if targets.is_empty() {
        eprintln!("--to に病院を 1 つ以上指定してください / give at least one hospital with --to");
        return Err(ExitCode::from(2));
    }
    let exclude = resolve(
        &data,
        Kind::Union,
        &split_list(args.exclude.unwrap_or_default()),
    )?;
    let request = PlanRequest {
        start,
        targets: targets.into_iter().map(HospitalId).collect(),
        max_relays: args.max_relays,
        exclude: exclude.into_iter().map(UnionId).collect(),
    };
    let graph = NetworkGraph::build(&data, &[]);
    let answer = plan_joins(&graph, &request, PlanLimits::default()).map_err(|error| {
        eprintln!("{error}");
        ExitCode::from(2)
    })?;
    if args.json {
        println!("{}", answer_json(&data, &facility, &answer));
    } else {
        print_answer(&data, &facility, &answer);
    }
    Ok(())
}

fn write_out(out: Option<&PathBuf>, bytes: &[u8]) -> Result<(), ExitCode> {
    use std::io::Write as _;
    let written = match out {
        Some(path) => std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display())),
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| e.to_string()),
    };
    written.map_err(|error| {
        eprintln!("書き出せません / cannot write: {error}");
        ExitCode::from(2)
    })
}

fn import(file: &PathBuf, into: Option<&PathBuf>, out: Option<&PathBuf>) -> Result<(), ExitCode> {
    let (_, data) = load(into)?;
    let bytes = std::fs::read(file).map_err(|error| {
        eprintln!(
            "{}: ファイルを読めません / cannot read the file: {error}",
            file.display()
        );
        ExitCode::from(2)
    })?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let is_json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let result = if is_json {
        tsunagu_core::import::import_json(&bytes).map(|loaded| loaded.dataset)
    } else {
        tsunagu_core::import::import_facilities_csv(&bytes, &name, &data, &nfkc)
            .map(|import| tsunagu_core::import::with_facilities(&data, &import))
    };
    let next = result.map_err(|problems| {
        print_problems(&name, &problems);
        eprintln!(
            "{name}: {} 件のエラー。何も変更していません / {} error(s); nothing was changed",
            problems.len(),
            problems.len()
        );
        ExitCode::from(1)
    })?;
    let change = tsunagu_core::diff::diff(&data, &next);
    eprintln!(
        "{name}: 追加 {} / 変更 {} / 削除 {} — added {}, changed {}, removed {}",
        change.added.len(),
        change.changed.len(),
        change.removed.len(),
        change.added.len(),
        change.changed.len(),
        change.removed.len()
    );
    let json = tsunagu_core::export::export_json(&next).map_err(|error| {
        eprintln!("JSON を書けません / cannot write JSON: {error}");
        ExitCode::from(1)
    })?;
    write_out(out, json.as_bytes())
}

fn export(data: Option<&PathBuf>, csv: bool) -> Result<(), ExitCode> {
    let (_, data) = load(data)?;
    let bytes = if csv {
        tsunagu_core::export::export_facilities_csv(&data).map_err(|e| e.to_string())
    } else {
        tsunagu_core::export::export_json(&data)
            .map(String::into_bytes)
            .map_err(|e| e.to_string())
    };
    let bytes = bytes.map_err(|error| {
        eprintln!("書き出せません / cannot write: {error}");
        ExitCode::from(1)
    })?;
    write_out(None, &bytes)
}

fn reach(data: Option<&PathBuf>, scenario: Option<&PathBuf>) -> Result<(), ExitCode> {
    let (_, data) = load(data)?;
    let scenario = match scenario {
        None => tsunagu_core::whatif::Scenario::default(),
        Some(path) => {
            let (name, text) = read(Some(path))?;
            serde_json::from_str(&text).map_err(|error| {
                eprintln!("{name}: 仮定を読めません / cannot read the scenario: {error}");
                ExitCode::from(1)
            })?
        }
    };
    let (next, links) = tsunagu_core::whatif::apply_scenario(&data, &scenario);
    let graph = NetworkGraph::build(&next, &links);
    let matrix = tsunagu_core::whatif::reach_matrix(&next, &graph);
    let out = json!({
        "unions": matrix.unions.iter().map(|u| union_name(&next, u)).collect::<Vec<_>>(),
        "hospitals": matrix.hospitals.iter().map(|h| hospital_name(&next, h)).collect::<Vec<_>>(),
        "relays": matrix.relays,
    });
    println!("{out}");
    Ok(())
}

fn synth(scale: &str, seed: u64, out: Option<&PathBuf>) -> Result<(), ExitCode> {
    use tsunagu_core::synth::{join_distribution, synthesize, Scale};
    let scale = if scale == "japan" {
        Scale::JAPAN
    } else {
        Scale::HOKKAIDO
    };
    let data = synthesize(scale, seed);
    let spread = join_distribution(&data, 200, seed);
    eprintln!(
        "{} hospitals, {} unions, {} facilities, {} links",
        data.hospitals.len(),
        data.unions.len(),
        data.facilities.len(),
        data.links.len()
    );
    eprintln!("fewest unions to join over 200 random single-target queries:");
    for (k, n) in spread.counts.iter().enumerate() {
        eprintln!("  {k}: {n}");
    }
    eprintln!("  unreachable: {}", spread.unreachable);
    // Compact, so that a japan-scale file stays under the app's import limit.
    let json = serde_json::to_string(&data).map_err(|error| {
        eprintln!("JSON を書けません / cannot write JSON: {error}");
        ExitCode::from(1)
    })?;
    write_out(out, json.as_bytes())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Validate { file } => validate(file.as_ref()),
        Command::Stats { data, json } => stats(data.as_ref(), *json),
        Command::Synth { scale, seed, out } => synth(scale, *seed, out.as_ref()),
        Command::Reach { data, scenario, .. } => reach(data.as_ref(), scenario.as_ref()),
        Command::Import { file, into, out } => import(file, into.as_ref(), out.as_ref()),
        Command::Export { data, csv, .. } => export(data.as_ref(), *csv),
        Command::Plan {
            from,
            member_of,
            to,
            max_relays,
            exclude,
            data,
            json,
        } => plan(&PlanArgs {
            from: from.as_deref(),
            member_of: member_of.as_deref(),
            to,
            max_relays: *max_relays,
            exclude: exclude.as_deref(),
            data: data.as_ref(),
            json: *json,
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}
