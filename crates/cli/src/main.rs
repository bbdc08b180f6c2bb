//! The `tsunagu` command-line tool: a thin layer over `tsunagu-core`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
use serde_json::{json, Value};
use tsunagu_core::access::{self, Partner, Rules};
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::graph::{Edge, NetworkGraph, Node};
use tsunagu_core::model::{Dataset, Source, SourcedText, Text};
use tsunagu_core::model::{FacilityId, HospitalId, LinkKind, UnionId};
use tsunagu_core::names::{lookup, Kind, Lookup};
use tsunagu_core::planner::{
    plan_joins, Entry, PlanAnswer, PlanLimits, PlanRequest, Start, Unreachable, UnreachableReason,
};
use tsunagu_core::stats::dataset_stats;
use tsunagu_core::text;
use tsunagu_core::validate::{load_dataset, Problem, Severity};
use tsunagu_core::whatif::{apply_what_if, WhatIf};
use unicode_normalization::UnicodeNormalization;

/// `println!` that ends the program quietly when the reader has gone (a
/// closed pipe, as with `| head`) instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

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
    out!(
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
            Ok(text) => out!("{text}"),
            Err(error) => {
                eprintln!("JSON を書けません / cannot write JSON: {error}");
                return Err(ExitCode::from(1));
            }
        }
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

/// A text on one line, as the CLI prints both languages: 「ja / en」.
fn both(text: &Text) -> String {
    format!("{} / {}", text.ja, text.en)
}

fn text_json(text: &Text) -> Value {
    json!({"ja": text.ja, "en": text.en})
}

fn hospital_name(data: &Dataset, id: &HospitalId) -> String {
    data.hospitals
        .iter()
        .find(|h| &h.id == id)
        .map_or_else(|| id.0.clone(), |h| h.name.clone())
}

/// A hospital's name in both languages, for the core's shared texts.
fn hospital_text(data: &Dataset, id: &HospitalId) -> Text {
    data.hospital(id).map_or_else(
        || Text {
            ja: id.0.clone(),
            en: id.0.clone(),
        },
        |h| Text {
            ja: h.name.clone(),
            en: h.name_en.clone(),
        },
    )
}

fn union_name(data: &Dataset, id: &UnionId) -> String {
    data.unions
        .iter()
        .find(|u| &u.id == id)
        .map_or_else(|| id.0.clone(), |u| u.name.clone())
}

fn section_title(data: &Dataset, source: &Source) -> Option<String> {
    data.sections
        .iter()
        .find(|s| s.id == source.section)
        .map(|s| s.title.ja.clone())
}

fn source_json(data: &Dataset, source: &Source) -> Value {
    json!({
        "section": source.section.0,
        "title": section_title(data, source),
        "quote": source.quote,
    })
}

/// Where a passage is printed, for the text output: the section's title,
/// its id, and the quote.
fn source_line(data: &Dataset, source: &Source) -> String {
    let place = match section_title(data, source) {
        Some(title) => format!("{title} ({})", source.section.0),
        None => source.section.0.clone(),
    };
    let mut line = match &source.quote {
        Some(quote) => format!("{place} 「{quote}」"),
        None => place,
    };
    // Where the quote is a misprinted name, the data's note goes beside it.
    for (as_written, note) in tsunagu_core::access::misprints(data, source) {
        let _ = write!(line, " ※「{as_written}」: {} / {}", note.ja, note.en);
    }
    line
}

fn link_kind(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Agreement => "agreement",
        LinkKind::IdlinkPartner => "idlink_partner",
    }
}

/// Why a target is out of reach, in both languages.
fn explanation(data: &Dataset, unreachable: &Unreachable) -> Text {
    let split = |ja: String, en: String| Text { ja, en };
    match &unreachable.reason {
        UnreachableReason::HostsNoUnion => {
            let partners: Vec<Text> = unreachable
                .shares_with
                .iter()
                .map(|h| hospital_text(data, h))
                .collect();
            let list = (!partners.is_empty()).then(|| text::join_list(&partners));
            text::hosts_no_union(&hospital_text(data, &unreachable.target), list.as_ref())
        }
        UnreachableReason::NoPath => split(
            "どのユニオンからも、病院間の連携をたどって届きません".to_owned(),
            "no union reaches it, even through hospital links".to_owned(),
        ),
        UnreachableReason::TooManyRelays { needed, allowed } => split(
            format!("最短でも {needed} 回の中継が必要で、上限の {allowed} 回を超えます"),
            format!("it needs at least {needed} relays, more than the {allowed} allowed"),
        ),
        UnreachableReason::OnlyExcluded { unions } => {
            let names: Vec<String> = unions.iter().map(|u| union_name(data, u)).collect();
            split(
                format!("除外したユニオン（{}）からしか届きません", names.join("、")),
                format!("only the excluded unions reach it: {}", names.join(", ")),
            )
        }
    }
}

fn unreachable_json(data: &Dataset, unreachable: &Unreachable) -> Value {
    let mut out = json!({
        "target": hospital_name(data, &unreachable.target),
        "reason": unreachable.reason.code(),
        "explanation": text_json(&explanation(data, unreachable)),
        "shares_with": unreachable
            .shares_with
            .iter()
            .map(|h| hospital_name(data, h))
            .collect::<Vec<_>>(),
    });
    match &unreachable.reason {
        UnreachableReason::TooManyRelays { needed, allowed } => {
            out["needed"] = json!(needed);
            out["allowed"] = json!(allowed);
        }
        UnreachableReason::OnlyExcluded { unions } => {
            out["unions"] = json!(unions
                .iter()
                .map(|u| union_name(data, u))
                .collect::<Vec<_>>());
        }
        UnreachableReason::HostsNoUnion | UnreachableReason::NoPath => {}
    }
    out
}

/// What a plan's reader needs to join one union: its hosts, when it was
/// founded, how many institutions its first host links, and what the report
/// says about joining, each passage sourced.
struct Joining {
    union: String,
    hosts: Vec<String>,
    founded: Option<String>,
    linked_institutions: Option<String>,
    how: Vec<SourcedText>,
}

fn joining(data: &Dataset, union: &UnionId) -> Option<Joining> {
    let (record, how) = tsunagu_core::text::joining(data, union)?;
    let linked_institutions = record.hosts.first().and_then(|host| {
        data.hospitals
            .iter()
            .find(|h| &h.id == host)
            .and_then(|h| h.linked_institutions.first())
            .map(|reading| reading.as_written.clone())
    });
    Some(Joining {
        union: record.name.clone(),
        hosts: record
            .hosts
            .iter()
            .map(|h| hospital_name(data, h))
            .collect(),
        founded: record.founded.as_ref().map(|m| m.0.clone()),
        linked_institutions,
        how,
    })
}

fn joining_json(data: &Dataset, joining: &Joining) -> Value {
    json!({
        "union": joining.union,
        "hosts": joining.hosts,
        "founded": joining.founded,
        "linked_institutions": joining.linked_institutions,
        "how": joining.how.iter().map(|h| json!({
            "ja": h.ja,
            "en": h.en,
            "source": source_json(data, &h.source),
        })).collect::<Vec<_>>(),
    })
}

/// The hospital links of each target, each target once: context beside the
/// plans, never a way in.
fn context<'a>(data: &'a Dataset, targets: &'a [HospitalId]) -> Vec<(&'a HospitalId, Partner<'a>)> {
    let mut seen: Vec<&HospitalId> = Vec::new();
    let mut out = Vec::new();
    for target in targets {
        if seen.contains(&target) {
            continue;
        }
        seen.push(target);
        out.extend(
            access::partners(data, target)
                .into_iter()
                .map(|p| (target, p)),
        );
    }
    out
}

fn partner_note(
    data: &Dataset,
    target: &HospitalId,
    partner: &Partner<'_>,
    rules: tsunagu_core::access::Rules,
) -> Text {
    text::partner_note(
        &hospital_text(data, target),
        &hospital_text(data, partner.hospital),
        partner.link.kind,
        rules,
    )
}

fn edge_json(data: &Dataset, edge: &Edge) -> Value {
    match edge {
        Edge::MemberOf => json!({"kind": "member_of"}),
        Edge::HostedBy => json!({"kind": "hosted_by"}),
        Edge::UnionLink { label, source } => {
            let mut out = json!({"kind": "union_link", "label": label});
            if let Some(source) = source {
                out["source"] = source_json(data, source);
            }
            out
        }
        Edge::Link { kind, link, source } => json!({
            "kind": link_kind(*kind),
            "link": link.0,
            "source": source_json(data, source),
        }),
    }
}

fn answer_json(
    data: &Dataset,
    facility: &str,
    targets: &[HospitalId],
    answer: &PlanAnswer,
) -> Value {
    let names = |ids: &[UnionId]| ids.iter().map(|u| union_name(data, u)).collect::<Vec<_>>();
    let node_name = |node: &Node| match node {
        Node::Hospital(id) => hospital_name(data, id),
        Node::Union(id) => union_name(data, id),
        Node::Facility(id) => id.0.clone(),
    };
    json!({
        "rules": answer.rules.as_str(),
        "facility": facility,
        "members": names(&answer.members),
        "plans": answer.plans.iter().map(|plan| json!({
            "join": names(&plan.join),
            "relays": plan.relays,
            "assumptions": plan.assumptions,
            "alternatives": plan.alternatives.iter().map(|a| names(a)).collect::<Vec<_>>(),
            "alternatives_truncated": plan.alternatives_truncated,
            "exact": plan.exact,
            "lower_bound": plan.lower_bound,
            "joining": plan
                .join
                .iter()
                .filter_map(|u| joining(data, u))
                .map(|j| joining_json(data, &j))
                .collect::<Vec<_>>(),
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
        "unreachable": answer
            .unreachable
            .iter()
            .map(|u| unreachable_json(data, u))
            .collect::<Vec<_>>(),
        "context": context(data, targets)
            .into_iter()
            .map(|(target, partner)| json!({
                "target": hospital_name(data, target),
                "partner": hospital_name(data, partner.hospital),
                "kind": link_kind(partner.link.kind),
                "note": text_json(&partner_note(data, target, &partner, answer.rules)),
                "source": source_json(data, &partner.link.source),
            }))
            .collect::<Vec<_>>(),
        "caveat": both(&text::consent_caveat()),
    })
}

fn print_joining(data: &Dataset, joining: &Joining) {
    let unknown = "不明 / unknown";
    out!(
        "  ・{} — ホスト / host: {}; 発足 / founded: {}; 連携医療機関数 / linked institutions: {}",
        joining.union,
        joining.hosts.join("、"),
        joining.founded.as_deref().unwrap_or(unknown),
        joining.linked_institutions.as_deref().unwrap_or(unknown),
    );
    for how in &joining.how {
        out!("      {} / {}", how.ja, how.en);
        out!("        出典 / source: {}", source_line(data, &how.source));
    }
}

fn print_answer(data: &Dataset, facility: &str, targets: &[HospitalId], answer: &PlanAnswer) {
    let names = |ids: &[UnionId]| {
        ids.iter()
            .map(|u| union_name(data, u))
            .collect::<Vec<_>>()
            .join("、")
    };
    out!("{}", both(&text::rules_name(answer.rules)));
    out!("施設 / facility: {facility}");
    out!(
        "加入中 / member of: {}",
        if answer.members.is_empty() {
            "なし / none".to_owned()
        } else {
            names(&answer.members)
        }
    );
    if answer.plans.is_empty() {
        out!("条件に合うプランはありません / no plan meets the options.");
    }
    for plan in &answer.plans {
        out!("");
        if plan.join.is_empty() {
            out!(
                "■ 加入不要 / no union to join — 中継 / relays: 最大 {}",
                plan.relays
            );
        } else {
            out!(
                "■ {}ユニオンに加入 / join {}: {} — 中継 / relays: 最大 {}",
                plan.join.len(),
                plan.join.len(),
                names(&plan.join),
                plan.relays
            );
        }
        for &assumption in &plan.assumptions {
            out!("  ⚠ {}", both(&text::assumption_mark(assumption)));
            out!("    {}", both(&text::assumption_caveat(assumption)));
        }
        if !plan.exact {
            out!(
                "  (最善の候補。必要数の下限は {} / best found; at least {} are needed)",
                plan.lower_bound,
                plan.lower_bound
            );
        }
        for alternative in &plan.alternatives {
            out!("  別案 / or: {}", names(alternative));
        }
        for path in &plan.paths {
            let mut steps = vec![facility.to_owned(), union_name(data, &path.union)];
            steps.extend(path.hops.iter().map(|hop| match &hop.node {
                Node::Hospital(id) => hospital_name(data, id),
                Node::Union(id) => union_name(data, id),
                Node::Facility(id) => id.0.clone(),
            }));
            out!(
                "  → {} ({} relays): {}",
                hospital_name(data, &path.target),
                path.relays,
                steps.join(" → ")
            );
        }
        if !plan.join.is_empty() {
            out!("  加入方法 / how to join:");
            for joining in plan.join.iter().filter_map(|u| joining(data, u)) {
                print_joining(data, &joining);
            }
        }
    }
    for u in &answer.unreachable {
        out!(
            "\n× {}: {}",
            hospital_name(data, &u.target),
            both(&explanation(data, u))
        );
    }
    let context = context(data, targets);
    if !context.is_empty() {
        out!("\n病院間の連携（参考） / hospital links (context):");
        for (target, partner) in &context {
            out!(
                "  ・{}",
                both(&partner_note(data, target, partner, answer.rules))
            );
            out!(
                "    出典 / source: {}",
                source_line(data, &partner.link.source)
            );
        }
    }
    out!("\n{}", both(&text::consent_caveat()));
}

struct PlanArgs<'a> {
    from: Option<&'a str>,
    member_of: Option<&'a str>,
    to: &'a str,
    max_relays: Option<u32>,
    exclude: Option<&'a str>,
    rules: Rules,
    what_if: Option<&'a PathBuf>,
    data: Option<&'a PathBuf>,
    json: bool,
}

/// Reads a what-if; none is the empty what-if.
fn load_what_if(path: Option<&PathBuf>) -> Result<WhatIf, ExitCode> {
    let Some(path) = path else {
        return Ok(WhatIf::default());
    };
    let (name, text) = read(Some(path))?;
    serde_json::from_str(&text).map_err(|error| {
        eprintln!("{name}: 仮定を読めません / cannot read the what-if: {error}");
        ExitCode::from(1)
    })
}

fn plan(args: &PlanArgs<'_>) -> Result<(), ExitCode> {
    let (_, data) = load(args.data)?;
    let what_if = load_what_if(args.what_if)?;
    // Names resolve in the what-if's dataset, so that a facility it has
    // join a union plans from its new memberships.
    let (data, union_links) = apply_what_if(&data, &what_if);
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
    let graph = NetworkGraph::build(&data, &union_links, args.rules);
    let answer = plan_joins(&graph, &request, PlanLimits::default()).map_err(|error| {
        eprintln!("{error}");
        ExitCode::from(2)
    })?;
    if args.json {
        out!(
            "{}",
            answer_json(&data, &facility, &request.targets, &answer)
        );
    } else {
        print_answer(&data, &facility, &request.targets, &answer);
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

fn reach(data: Option<&PathBuf>, what_if: Option<&PathBuf>, rules: Rules) -> Result<(), ExitCode> {
    let (_, data) = load(data)?;
    let what_if = load_what_if(what_if)?;
    let (next, links) = apply_what_if(&data, &what_if);
    let graph = NetworkGraph::build(&next, &links, rules);
    let matrix = tsunagu_core::reach::reach_matrix(&next, &graph);
    let out = json!({
        "rules": rules.as_str(),
        "unions": matrix.unions.iter().map(|u| union_name(&next, u)).collect::<Vec<_>>(),
        "hospitals": matrix.hospitals.iter().map(|h| hospital_name(&next, h)).collect::<Vec<_>>(),
        "relays": matrix.relays,
    });
    out!("{out}");
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
        Command::Reach {
            data,
            what_if,
            assume,
            ..
        } => reach(data.as_ref(), what_if.as_ref(), rules_for(*assume)),
        Command::Import { file, into, out } => import(file, into.as_ref(), out.as_ref()),
        Command::Export { data, csv, .. } => export(data.as_ref(), *csv),
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
        } => plan(&PlanArgs {
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
        Err(code) => code,
    }
}
