//! Tidy checks on the repository itself (after rust-analyzer's `tidy.rs`):
//! every Rust file says what it is for, the core stays free of web crates,
//! the pinned tool versions agree wherever a tool insists on a copy, the two
//! languages' catalogs carry the same placeholders, ARCHITECTURE.md names
//! every module, no module imports itself through others, and Japanese
//! appears only in the catalogs and the data.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A file's shipped lines, numbered from 1: everything before its unit
/// tests, which sit at the bottom under `#[cfg(test)]` and are not shipped.
fn shipped_lines(file: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(file).unwrap_or_default();
    let shipped = text.split("#[cfg(test)]").next().unwrap_or_default();
    shipped
        .lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.to_owned()))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_doc_line_saying_what_it_is_for() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "crates", "benches", "fuzz/fuzz_targets"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(files.len() > 10, "found only {files:?}");
    let undocumented: Vec<_> = files
        .iter()
        .filter(|file| {
            !fs::read_to_string(file)
                .unwrap_or_default()
                .starts_with("//!")
        })
        .collect();
    assert!(
        undocumented.is_empty(),
        "files without a leading `//!` line: {undocumented:?}"
    );
}

/// The names in one `[section]` of a Cargo manifest, one per `name = …` line.
fn section_keys(manifest: &str, section: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut inside = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line == section;
        } else if inside {
            if let Some((key, _)) = line.split_once('=') {
                keys.push(key.trim().trim_end_matches(".workspace").to_owned());
            }
        }
    }
    keys
}

#[test]
fn the_core_depends_on_nothing_from_the_web() {
    let manifest = read("crates/core/Cargo.toml");
    let deps = section_keys(&manifest, "[dependencies]");
    assert!(
        !deps.is_empty(),
        "the parser found no dependencies in crates/core/Cargo.toml"
    );
    let is_web = |dep: &str| {
        dep.starts_with("yew")
            || dep.starts_with("gloo")
            || dep.starts_with("wasm-bindgen")
            || matches!(dep, "web-sys" | "js-sys")
    };
    let web: Vec<_> = deps.iter().filter(|dep| is_web(dep)).collect();
    assert!(
        web.is_empty(),
        "tsunagu-core depends on web crates: {web:?}"
    );
}

/// `KEY=value` from scripts/versions.sh.
fn pinned(key: &str) -> String {
    read("scripts/versions.sh")
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("{key} is not in scripts/versions.sh"))
        .trim_matches('"')
        .to_owned()
}

#[test]
fn tool_versions_agree_with_scripts_versions_sh() {
    let wasm_bindgen = pinned("WASM_BINDGEN_VERSION");
    assert!(
        read("Cargo.toml").contains(&format!("wasm-bindgen = \"={wasm_bindgen}\"")),
        "Cargo.toml's wasm-bindgen pin"
    );
    let trunk = read("Trunk.toml");
    assert!(
        trunk.contains(&format!("wasm_bindgen = \"{wasm_bindgen}\"")),
        "Trunk.toml's wasm_bindgen"
    );

    let binaryen = pinned("BINARYEN_VERSION");
    let major = binaryen.split('.').next().unwrap_or_default();
    assert!(
        trunk.contains(&format!("wasm_opt = \"version_{major}\"")),
        "Trunk.toml's wasm_opt"
    );

    let package = read("package.json");
    for (name, key) in [
        ("binaryen", "BINARYEN_VERSION"),
        ("playwright-core", "PLAYWRIGHT_CORE_VERSION"),
        ("axe-core", "AXE_CORE_VERSION"),
    ] {
        let want = format!("\"{name}\": \"{}\"", pinned(key));
        assert!(package.contains(&want), "package.json should pin {want}");
    }
    assert!(
        !package.contains("\"playwright\":"),
        "the `playwright` package downloads a browser"
    );
}

/// Each call of the standard sort on a new element type adds a copy of it
/// (about 4 KB) to the wasm; shipped code sorts through `tsunagu_core::order`.
/// The query engine (`graph.rs`, `index/`, `reach.rs`, `algo/`) keeps the standard
/// sort: it runs inside benchmarked searches, where `order`'s extra
/// allocations per call would cost more than the bytes saved.
#[test]
fn shipped_code_sorts_through_core_order() {
    let mut files = Vec::new();
    for dir in ["src", "crates/core/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    let calls = [
        ".sort(",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_unstable",
        ".sort_by_cached_key(",
    ];
    let offenders: Vec<String> = files
        .iter()
        .filter(|file| {
            let path = file.to_string_lossy().replace('\\', "/");
            ![
                "crates/core/src/order.rs",
                "crates/core/src/graph.rs",
                "crates/core/src/reach.rs",
            ]
            .iter()
            .any(|exempt| path.ends_with(exempt))
                && !path.contains("crates/core/src/algo/")
                && !path.contains("crates/core/src/index/")
        })
        .flat_map(|file| {
            shipped_lines(file)
                .into_iter()
                .filter(|(_, line)| calls.iter().any(|call| line.contains(call)))
                .map(|(n, line)| format!("{}:{n}: {}", file.display(), line.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "use tsunagu_core::order instead of the standard sort: {offenders:#?}"
    );
}

/// Each catalog entry as (key, its `{placeholders}` sorted), in file order.
/// An entry is a `key: "text",` line; texts never span lines.
fn catalog_entries(path: &str) -> Vec<(String, Vec<String>)> {
    read(path)
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let (key, rest) = line.split_once(": \"")?;
            if !key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return None;
            }
            let mut holes: Vec<String> = rest
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}'))
                .map(|(name, _)| name.to_owned())
                .filter(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .collect();
            holes.sort();
            Some((key.to_owned(), holes))
        })
        .collect()
}

#[test]
fn both_languages_carry_the_same_placeholders() {
    let ja = catalog_entries("src/i18n/ja.rs");
    let en = catalog_entries("src/i18n/en.rs");
    assert!(
        ja.len() > 300,
        "the catalog reader found only {} entries",
        ja.len()
    );
    assert_eq!(
        ja.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        en.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        "the two catalogs list the same keys in the same order"
    );
    let differ: Vec<String> = ja
        .iter()
        .zip(&en)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((key, a), (_, b))| format!("{key}: ja {a:?} / en {b:?}"))
        .collect();
    assert!(differ.is_empty(), "placeholders differ: {differ:#?}");
}

/// `plan_card` → `PlanCard`.
fn camel(stem: &str) -> String {
    stem.split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

#[test]
fn architecture_md_names_every_module() {
    let doc = read("ARCHITECTURE.md");
    let mut files = Vec::new();
    for dir in ["src", "crates/core/src", "crates/cli/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    let missing: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let name = file.file_name()?.to_str()?;
            let stem = name.strip_suffix(".rs")?;
            if matches!(stem, "mod" | "lib" | "main") {
                return None;
            }
            // By file name, by module name, or by the component it holds.
            let named = doc.contains(name)
                || doc.contains(&format!("`{stem}`"))
                || doc.contains(&format!("{stem}/"))
                || doc.contains(&format!("`{}", camel(stem)));
            (!named).then(|| file.display().to_string())
        })
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md should say what these are for: {missing:#?}"
    );
}

/// The top-level modules of the crate at `dir` and, for each, the modules
/// its shipped code names as `crate::…` (comments and unit tests aside).
fn module_imports(
    dir: &str,
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let base = root().join(dir);
    let mut files = Vec::new();
    rust_files(&base, &mut files);
    let mut imports =
        std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
    for file in files {
        let relative = file
            .strip_prefix(&base)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        let top = relative
            .split('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_owned();
        if matches!(top.as_str(), "lib" | "main") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap_or_default();
        let shipped = text.split("#[cfg(test)]").next().unwrap_or_default();
        let entry = imports.entry(top.clone()).or_default();
        for line in shipped
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
        {
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != top {
                    entry.insert(name);
                }
            }
        }
    }
    imports
}

/// A cycle through `start`, if its imports lead back to it.
fn cycle_through(
    imports: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    start: &str,
) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_owned()]];
    let mut seen = std::collections::BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last()?.clone();
        for next in imports.get(&last).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

/// The modules form layers: no module's shipped code reaches itself through
/// `crate::` imports (the index and the what-if, storage and state, used to).
#[test]
fn modules_do_not_import_each_other_in_a_cycle() {
    for dir in ["src", "crates/core/src"] {
        let imports = module_imports(dir);
        assert!(imports.len() > 8, "{dir}: found only {imports:?}");
        assert!(
            imports.values().any(|names| !names.is_empty()),
            "{dir}: the scan found no imports at all"
        );
        let cycles: Vec<String> = imports
            .keys()
            .filter_map(|module| cycle_through(&imports, module))
            .map(|cycle| cycle.join(" → "))
            .collect();
        assert!(cycles.is_empty(), "{dir}: import cycles: {cycles:#?}");
    }
}

/// Whether `c` is Japanese: kana, kanji, or full-width punctuation and forms.
fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}')
}

/// The string literals on a line of code (comments aside), roughly: what lies
/// between unescaped double quotes.
fn literals(line: &str) -> Vec<String> {
    let code = match line.find("//") {
        // A `//` inside a string (a URL) is not a comment.
        Some(at) if line[..at].matches('"').count() % 2 == 0 => &line[..at],
        _ => line,
    };
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut escaped = false;
    for c in code.chars() {
        match (&mut current, c) {
            (Some(text), _) if escaped => {
                text.push(c);
                escaped = false;
            }
            (Some(_), '\\') => escaped = true,
            (Some(_), '"') => out.extend(current.take()),
            (Some(text), _) => text.push(c),
            (None, '"') => current = Some(String::new()),
            (None, _) => {}
        }
    }
    out
}

/// Every user-facing word is in a catalog: `src/i18n/` for the app,
/// `tsunagu_core::text` for what the app and the CLI share, and the CLI's
/// `texts.rs` for its own. Japanese anywhere else in shipped code is a text
/// that escaped the catalog (and so has no English, or the wrong one).
/// The data (the bundled report, the synthetic networks) is not text.
#[test]
fn japanese_lives_only_in_the_catalogs_and_the_data() {
    let catalogs = [
        "src/i18n/",
        "crates/core/src/text/",
        "crates/cli/src/texts.rs",
        "crates/core/src/synth.rs",
    ];
    let mut files = Vec::new();
    for dir in ["src", "crates/core/src", "crates/cli/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    let mut seen = 0;
    let offenders: Vec<String> = files
        .iter()
        .filter(|file| {
            let path = file.to_string_lossy().replace('\\', "/");
            !catalogs.iter().any(|catalog| path.contains(catalog))
        })
        .flat_map(|file| {
            shipped_lines(file)
                .into_iter()
                .filter(|(_, line)| !line.trim_start().starts_with("//"))
                .flat_map(|(n, line)| {
                    literals(&line)
                        .into_iter()
                        .filter(|l| l.chars().any(is_japanese))
                        .map(move |l| format!("{}:{n}: \"{l}\"", file.display()))
                })
                .collect::<Vec<_>>()
        })
        .inspect(|_| seen += 1)
        .collect();
    assert!(
        literals(r#"let a = "札幌"; // "x""#) == ["札幌"] && files.len() > 20,
        "the scan itself is broken"
    );
    assert!(
        offenders.is_empty(),
        "Japanese outside the catalogs ({seen}): {offenders:#?}"
    );
}

#[test]
fn the_planners_side_by_side_width_is_the_stylesheets_breakpoint() {
    // `PlannerView` decides in Rust what the stylesheet lays out: whether a
    // shared link's plan is drawn before the form, or the page opens at it.
    let planner = read("src/views/planner/mod.rs");
    let width = planner
        .lines()
        .find_map(|l| l.trim().strip_prefix("const SIDE_BY_SIDE_PX: f64 = "))
        .and_then(|rest| rest.trim_end_matches(';').parse::<f64>().ok())
        .expect("SIDE_BY_SIDE_PX in src/views/planner/mod.rs");
    let css = read("assets/style.css");
    let rule = format!("@media (min-width: {width}px) {{ .planner-grid {{ grid-template-columns:");
    assert!(
        css.contains(&rule),
        "assets/style.css lays out .planner-grid side by side from another width than SIDE_BY_SIDE_PX ({width})"
    );
}
