//! `tsunagu-bench`: the native half of the benchmarks (see BENCHMARKS.md).
//!
//! One process: builds the Japan-scale synthetic network, then times each
//! workload after a warm-up, printing median and p95 per query as markdown
//! and writing them as JSON for `scripts/bench.mjs`, which adds the browser
//! half and checks the goals. Exits 1 if a checksum disagrees or a native
//! ratio goal (3: exact vs brute force; 4: reach matrix vs one search per
//! facility) is missed.
//!
//! ```text
//! tsunagu-bench [--seed N] [--json FILE] [--quick]
//! tsunagu-bench --serve [--seed N]   # one pass per line read (see `serve`)
//! ```

// Checksums and times are sums and counts far below 2^52, exact in an f64.
#![allow(clippy::cast_precision_loss)]

use std::process::ExitCode;
use std::time::Instant;

use serde_json::{json, Value};
use tsunagu_bench::{
    greedy_vs_exact, parse_pass, reach_checksum, records_checksum, BruteForce, Workload,
    CANDIDATES, MULTI_TARGETS,
};

/// Median and p95 of per-query times over timed passes, in milliseconds.
struct Stats {
    median: f64,
    p95: f64,
    samples: usize,
    per_pass: usize,
}

impl Stats {
    fn json(&self) -> Value {
        json!({"median_ms": self.median, "p95_ms": self.p95, "samples": self.samples, "per_pass": self.per_pass})
    }
}

/// The value at `percent` of sorted `xs` (nearest rank).
fn quantile(xs: &[f64], percent: usize) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let rank = (percent * xs.len()).div_ceil(100);
    xs[rank.clamp(1, xs.len()) - 1]
}

/// Runs `pass` `warm` times untimed, then `samples` times timed; each pass
/// answers `per_pass` queries. `check` turns an answer into its checksum
/// outside the timing; a pass whose checksum differs fails the run.
fn measure_with<T>(
    warm: usize,
    samples: usize,
    per_pass: usize,
    mut pass: impl FnMut() -> T,
    mut check: impl FnMut(&T) -> f64,
) -> Result<(Stats, f64), String> {
    let first = check(&pass());
    let same = |sum: f64| {
        if sum.to_bits() == first.to_bits() {
            Ok(())
        } else {
            Err(format!(
                "checksum changed between passes: {first} then {sum}"
            ))
        }
    };
    for _ in 1..warm {
        same(check(&pass()))?;
    }
    let mut times = Vec::with_capacity(samples);
    for _ in 0..samples {
        let start = Instant::now();
        let answer = pass();
        let ms = start.elapsed().as_secs_f64() * 1_000.0;
        same(check(&answer))?;
        times.push(ms / per_pass.max(1) as f64);
    }
    times.sort_by(f64::total_cmp);
    Ok((
        Stats {
            median: quantile(&times, 50),
            p95: quantile(&times, 95),
            samples,
            per_pass,
        },
        first,
    ))
}

/// [`measure_with`] for passes that return their checksum.
fn measure(
    warm: usize,
    samples: usize,
    per_pass: usize,
    pass: impl FnMut() -> f64,
) -> Result<(Stats, f64), String> {
    measure_with(warm, samples, per_pass, pass, |&sum| sum)
}

fn row(name: &str, stats: &Stats, checksum: f64) -> String {
    format!(
        "| {name} | {:.4} | {:.4} | {} × {} | {checksum} |",
        stats.median, stats.p95, stats.samples, stats.per_pass
    )
}

#[allow(clippy::too_many_lines)] // the workloads in order, each printed as it finishes
fn run(seed: u64, quick: bool) -> Result<(Value, bool), String> {
    let scale = |full: usize, small: usize| if quick { small } else { full };
    let started = Instant::now();
    let workload = Workload::japan(seed);
    let build_index = {
        let start = Instant::now();
        let _ = tsunagu_core::index::NetworkIndex::build(&workload.data, &[], tsunagu_bench::RULES);
        start.elapsed().as_secs_f64() * 1_000.0
    };
    eprintln!(
        "japan seed {seed}: {} facilities, {} unions, {} hospitals ({} 開示病院), {} links; made in {:.1} s",
        workload.data.facilities.len(),
        workload.data.unions.len(),
        workload.data.hospitals.len(),
        workload.index.disclosing().len(),
        workload.data.links.len(),
        started.elapsed().as_secs_f64()
    );
    let mut ok = true;
    let mut out = json!({"seed": seed, "build_index_ms": build_index});
    println!("### Native (release, this process)\n");
    println!("| workload | median ms/query | p95 ms/query | passes × queries | checksum |");
    println!("|---|---|---|---|---|");

    let queries = workload.pairs.len();
    let (plan, plan_sum) = measure(3, scale(15, 3), queries, || workload.plan_pass())?;
    println!("{}", row("single-target plan", &plan, plan_sum));
    let (all, all_sum) = measure(3, scale(30, 3), workload.facilities.len(), || {
        workload.facility_to_all_pass()
    })?;
    println!("{}", row("facility → every hospital", &all, all_sum));
    let (pair, pair_sum) = measure(3, scale(30, 3), queries, || {
        workload.facility_to_hospital_pass()
    })?;
    println!("{}", row("facility → hospital", &pair, pair_sum));

    // Ratio 4: the reach matrix (and facility counts) against one search per facility.
    let mut counts = Vec::new();
    let (reach, reach_sum) = measure_with(
        2,
        scale(15, 3),
        1,
        || workload.reach_pass(),
        |(matrix, c)| {
            counts.clone_from(c);
            reach_checksum(matrix, c)
        },
    )?;
    println!(
        "{}",
        row("reach matrix (dense) + facility counts", &reach, reach_sum)
    );
    let mut fast_counts = Vec::new();
    let (fast, fast_sum) = measure(2, scale(15, 3), 1, || {
        fast_counts = workload.counts_pass();
        fast_counts.iter().sum::<u64>() as f64
    })?;
    println!(
        "{}",
        row("reach bitsets → facility counts", &fast, fast_sum)
    );
    let (recompute, recompute_sum) = measure(2, scale(15, 3), 1, || {
        let matrix = workload.recompute_pass();
        matrix.relays.iter().flatten().flatten().count() as f64
    })?;
    println!(
        "{}",
        row(
            "what-if recompute (index of records + matrix)",
            &recompute,
            recompute_sum
        )
    );
    let mut baseline_counts = Vec::new();
    let (baseline, baseline_sum) = measure(1, scale(5, 1), 1, || {
        baseline_counts = workload.per_facility_counts();
        baseline_counts.iter().sum::<u64>() as f64
    })?;
    println!(
        "{}",
        row("one search per facility (counts)", &baseline, baseline_sum)
    );
    let counts_agree = counts == baseline_counts && fast_counts == baseline_counts;

    // Ratio 3: exact multi-target search against brute force.
    let multi = workload.multi.len();
    let (exact, exact_sum) = measure(2, scale(10, 2), multi, || workload.multi_exact_pass().0)?;
    println!(
        "{}",
        row(
            &format!("multi-target exact ({CANDIDATES} candidates)"),
            &exact,
            exact_sum
        )
    );
    let mut brute = BruteForce::new(&workload.data);
    let mut brute_frontiers = Vec::new();
    let (brute_stats, brute_sum) = measure(1, scale(3, 1), multi, || {
        brute_frontiers = workload.multi.iter().map(|q| brute.frontier(q)).collect();
        tsunagu_bench::frontier_checksum(&brute_frontiers)
    })?;
    println!(
        "{}",
        row(
            &format!("brute force (2^{CANDIDATES} subsets)"),
            &brute_stats,
            brute_sum
        )
    );
    let frontiers_agree = workload.multi_exact_pass().1 == brute_frontiers;

    // Parsing and validating the dataset's JSON.
    let text = serde_json::to_string(&workload.data).map_err(|e| e.to_string())?;
    // Each pass's dataset is freed after its time is taken (`measure_with`).
    let (parse, parse_sum) = measure_with(
        1,
        scale(5, 1),
        1,
        || parse_pass(&text),
        |d| records_checksum(d.as_ref()),
    )?;
    println!("{}", row("parse + validate JSON", &parse, parse_sum));
    println!();
    println!(
        "Index build (once per dataset or what-if): {build_index:.1} ms; JSON {:.1} MB.\n",
        text.len() as f64 / 1e6
    );

    // The greedy plan's gap on fixed seeds.
    let mut gaps = Vec::new();
    for s in [seed, seed + 1, seed + 2] {
        let w = if s == seed {
            None
        } else {
            Some(Workload::japan(s))
        };
        let w = w.as_ref().unwrap_or(&workload);
        gaps.extend(greedy_vs_exact(w));
    }
    let worse = gaps.iter().filter(|(g, e)| g > e).count();
    let max_gap = gaps.iter().map(|(g, e)| g - e).max().unwrap_or(0);
    let mean_gap: f64 =
        gaps.iter().map(|(g, e)| (g - e) as f64).sum::<f64>() / gaps.len().max(1) as f64;
    let mean_exact: f64 =
        gaps.iter().map(|&(_, e)| e as f64).sum::<f64>() / gaps.len().max(1) as f64;

    let ratio3 = brute_stats.median / exact.median;
    let ratio4 = baseline.median / fast.median;
    println!("### Native ratio goals\n");
    println!("| goal | measured | target | result |");
    println!("|---|---|---|---|");
    let verdict = |pass: bool| if pass { "pass" } else { "**FAIL**" };
    let pass3 = frontiers_agree && ratio3 >= 10.0;
    let pass4 = counts_agree && ratio4 >= 100.0;
    println!(
        "| 3. brute force ÷ exact, same frontier ({multi} queries, {CANDIDATES} candidates, {MULTI_TARGETS} targets) | {ratio3:.0}× (frontiers {}) | ≥ 10× | {} |",
        if frontiers_agree { "equal" } else { "DIFFER" },
        verdict(pass3)
    );
    println!(
        "| 4. one search per facility ÷ reach bitsets → counts, same counts | {ratio4:.0}× (counts {}) | ≥ 100× | {} |",
        if counts_agree { "equal" } else { "DIFFER" },
        verdict(pass4)
    );
    println!();
    println!(
        "Greedy plan vs exact at each frontier point, seeds {seed}–{}: {} points, optimum {mean_exact:.2} unions on average; greedy larger at {worse}, mean gap {mean_gap:.3}, max gap {max_gap} union(s).\n",
        seed + 2,
        gaps.len()
    );
    ok &= pass3 && pass4;

    out["native"] = json!({
        "plan": plan.json(), "plan_checksum": plan_sum,
        "facility_to_all": all.json(), "facility_to_all_checksum": all_sum,
        "facility_to_hospital": pair.json(), "facility_to_hospital_checksum": pair_sum,
        "reach": reach.json(), "reach_checksum": reach_sum,
        "recompute": recompute.json(), "recompute_checksum": recompute_sum,
        "per_facility": baseline.json(), "counts": fast.json(),
        "multi_exact": exact.json(), "brute_force": brute_stats.json(),
        "parse": parse.json(), "parse_checksum": parse_sum,
    });
    out["ratio3"] = json!({"value": ratio3, "agree": frontiers_agree, "pass": pass3});
    out["ratio4"] = json!({"value": ratio4, "agree": counts_agree, "pass": pass4});
    out["greedy"] = json!({"points": gaps.len(), "worse": worse, "mean_gap": mean_gap, "max_gap": max_gap, "mean_exact": mean_exact});
    Ok((out, ok))
}

/// `--serve`: builds the workload once, then for each line read (`plan`,
/// `all`, `pair`, `counts`) runs one pass and prints `ms-per-query checksum`,
/// so `scripts/bench.mjs` can alternate native and wasm passes under the
/// same load.
fn serve(seed: u64) -> ExitCode {
    use std::io::{BufRead, Write};
    let workload = Workload::japan(seed);
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "ready")
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let start = Instant::now();
        let (sum, per_pass) = match line.trim() {
            "plan" => (workload.plan_pass(), workload.pairs.len()),
            "all" => (workload.facility_to_all_pass(), workload.facilities.len()),
            "pair" => (
                workload.facility_to_hospital_pass(),
                workload.search_pairs.len(),
            ),
            "counts" => (workload.counts_pass().iter().sum::<u64>() as f64, 1),
            _ => break,
        };
        let ms = start.elapsed().as_secs_f64() * 1_000.0 / per_pass.max(1) as f64;
        if writeln!(stdout, "{ms} {sum}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let seed = value("--seed").and_then(|s| s.parse().ok()).unwrap_or(1);
    let quick = args.iter().any(|a| a == "--quick");
    if args.iter().any(|a| a == "--serve") {
        return serve(seed);
    }
    match run(seed, quick) {
        Ok((out, ok)) => {
            if let Some(path) = value("--json") {
                if let Err(e) = std::fs::write(path, out.to_string()) {
                    eprintln!("{path}: {e}");
                    return ExitCode::from(2);
                }
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                eprintln!("a native ratio goal was missed or a checksum disagreed");
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("benchmark failed: {e}");
            ExitCode::from(1)
        }
    }
}
