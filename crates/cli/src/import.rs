//! `tsunagu import`: meets a dataset with a CSV of facilities in one of the
//! core's three modes (add and update, replace, one union's roster), or
//! replaces it with a JSON file's, and says on standard error what changed.
//! Every flag and name is checked before anything is read, and nothing is
//! written unless the whole import succeeds.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use tsunagu_core::diff::diff;
use tsunagu_core::export::export_json;
use tsunagu_core::import::{import_facilities_csv, import_json};
use tsunagu_core::merge::{plan_import, Confirmation, FieldChange, ImportMode, ImportPlan};
use tsunagu_core::model::{Dataset, Date, UnionId, WardId};
use tsunagu_core::names::Kind;

use crate::error::{CliError, Usage};
use crate::load::load;
use crate::names::{nfkc, resolve};
use crate::output::write_out;
use crate::texts::{self, Field, ImportCounts};
use crate::today::today;

/// How a CSV meets the data (`--mode`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// 追加・更新: add new facilities and update matching ones; nothing is removed
    #[default]
    Add,
    /// 置き換え: the file is the complete list; every facility it leaves out is removed (and listed)
    Replace,
    /// ユニオンの名簿: the file is one union's complete member list (--union); only that union's memberships change
    Roster,
}

/// What `tsunagu import` was asked to do.
#[derive(Debug)]
pub struct ImportArgs<'a> {
    /// The CSV or JSON file.
    pub file: &'a PathBuf,
    /// `--mode`, when given (a JSON file refuses it).
    pub mode: Option<Mode>,
    /// `--union`: the roster's union, as typed.
    pub union: Option<&'a str>,
    /// `--confirmed`, as typed.
    pub confirmed: Option<&'a str>,
    /// `--confirmed-by`.
    pub confirmed_by: Option<&'a str>,
    /// `--into`: the dataset; the bundled one when `None`.
    pub into: Option<&'a PathBuf>,
    /// `--out`: where the new dataset goes; standard output when `None`.
    pub out: Option<&'a PathBuf>,
}

pub fn import(args: &ImportArgs) -> Result<(), CliError> {
    let file = args.file;
    let is_json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    // The command line is checked first, so a mistyped flag costs no read.
    let confirmation = if is_json {
        refuse_csv_flags(args)?;
        None
    } else {
        check_mode(args.mode.unwrap_or_default(), args.union)?;
        Some(confirmation(args.confirmed, args.confirmed_by)?)
    };
    let (_, data) = load(args.into)?;
    let bytes = std::fs::read(file).map_err(|source| CliError::Unreadable {
        path: file.clone(),
        source,
    })?;
    let name = display_name(file);
    let rejected = |problems| CliError::RejectedImport {
        name: name.clone(),
        problems,
    };

    let Some(confirmation) = confirmation else {
        let next = import_json(&bytes).map_err(rejected)?.dataset;
        let change = diff(&data, &next);
        write(&next, args.out)?;
        eprintln!(
            "{}",
            texts::imported(
                &name,
                change.added.len(),
                change.changed.len(),
                change.removed.len()
            )
        );
        return Ok(());
    };

    let mode = match (args.mode.unwrap_or_default(), args.union) {
        (Mode::Add, _) => ImportMode::AddUpdate,
        (Mode::Replace, _) => ImportMode::Replace,
        (Mode::Roster, union) => {
            // check_mode has made sure a roster names its union.
            let union = union.unwrap_or_default();
            let id = resolve(&data, Kind::Union, "--union", &[union])?.remove(0);
            ImportMode::Roster(UnionId(id))
        }
    };
    let import = import_facilities_csv(&bytes, &name, &data, &nfkc).map_err(rejected)?;
    let plan = plan_import(&data, &import, &mode, &confirmation).map_err(rejected)?;
    write(&plan.dataset, args.out)?;
    for line in summary(&name, &plan, &data, &confirmation) {
        eprintln!("{line}");
    }
    Ok(())
}

/// The file as the user sees it, without its folders: problems name it so.
fn display_name(file: &Path) -> String {
    file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A JSON file is a whole dataset and replaces the data: the CSV's flags
/// would be silently meaningless, so they are refused, each named.
fn refuse_csv_flags(args: &ImportArgs) -> Result<(), CliError> {
    let given: Vec<&'static str> = [
        ("--mode", args.mode.is_some()),
        ("--union", args.union.is_some()),
        ("--confirmed", args.confirmed.is_some()),
        ("--confirmed-by", args.confirmed_by.is_some()),
    ]
    .into_iter()
    .filter_map(|(flag, given)| given.then_some(flag))
    .collect();
    if given.is_empty() {
        Ok(())
    } else {
        Err(CliError::Usage(Usage::CsvOnly(given)))
    }
}

/// A roster needs its union, and only a roster takes one.
fn check_mode(mode: Mode, union: Option<&str>) -> Result<(), CliError> {
    match (mode, union) {
        (Mode::Roster, None) => Err(CliError::Usage(Usage::RosterNeedsUnion)),
        (Mode::Add | Mode::Replace, Some(_)) => Err(CliError::Usage(Usage::UnionNeedsRoster)),
        _ => Ok(()),
    }
}

/// The confirmation every listed facility gets: `--confirmed` (today when
/// not given) and `--confirmed-by` (none when blank).
fn confirmation(date: Option<&str>, by: Option<&str>) -> Result<Confirmation, CliError> {
    let date = match date {
        None => today(),
        Some(typed) => {
            let date = Date(typed.trim().to_owned());
            if date.parts().is_none() {
                return Err(CliError::BadDate {
                    flag: "--confirmed",
                    value: typed.to_owned(),
                });
            }
            date
        }
    };
    let by = by
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(str::to_owned);
    Ok(Confirmation {
        date: Some(date),
        by,
    })
}

fn write(data: &Dataset, out: Option<&PathBuf>) -> Result<(), CliError> {
    let json = export_json(data).map_err(CliError::Json)?;
    write_out(out, json.as_bytes())
}

/// What a CSV import did, line by line: the counts; the confirmation; each
/// updated facility with each field before and after; the facilities that
/// left the roster's union or were removed, by name and id; and each value
/// the file did not give, with its line. `before` is the data imported
/// into, for the names of what was there.
fn summary(
    name: &str,
    plan: &ImportPlan,
    before: &Dataset,
    confirmation: &Confirmation,
) -> Vec<String> {
    let after = &plan.dataset;
    let roster_of = match &plan.mode {
        ImportMode::Roster(union) => Some(after.union_name(union)),
        ImportMode::AddUpdate | ImportMode::Replace => None,
    };
    let counts = ImportCounts {
        added: plan.added.len(),
        updated: plan.updated.len(),
        unchanged: plan.unchanged,
        left_union: plan.left_union.len(),
        removed: plan.removed.len(),
    };
    let mode = texts::import_mode(roster_of.as_deref(), plan.mode == ImportMode::Replace);
    let mut lines = vec![texts::csv_imported(name, &mode, counts)];
    if let Some(date) = &confirmation.date {
        lines.push(texts::confirmed_on(&date.0, confirmation.by.as_deref()));
    }
    if !plan.updated.is_empty() {
        lines.push(texts::updated_heading(plan.updated.len()));
        for updated in &plan.updated {
            let facility = &updated.facility;
            lines.push(texts::facility_entry(&facility.name, facility.id.as_str()));
            // Indented under the facility it belongs to.
            lines.extend(
                updated
                    .changes
                    .iter()
                    .map(|change| format!("  {}", describe_change(change, before, after))),
            );
        }
    }
    if let Some(union) = &roster_of {
        if !plan.left_union.is_empty() {
            lines.push(texts::left_heading(union, plan.left_union.len()));
            lines.extend(
                plan.left_union
                    .iter()
                    .map(|f| texts::facility_entry(&f.name, f.id.as_str())),
            );
        }
    }
    if !plan.removed.is_empty() {
        lines.push(texts::removed_heading(plan.removed.len()));
        lines.extend(
            plan.removed
                .iter()
                .map(|f| texts::facility_entry(&f.name, f.id.as_str())),
        );
    }
    lines.extend(plan.warnings.iter().map(|w| format!("{name} {w}")));
    lines
}

/// One field's change, its values by name in both languages.
fn describe_change(change: &FieldChange, before: &Dataset, after: &Dataset) -> String {
    let ward = |data: &Dataset, id: &Option<WardId>| match id {
        Some(id) => data
            .ward(id)
            .map_or_else(|| id.0.clone(), |w| w.name.clone()),
        None => texts::NONE.to_owned(),
    };
    let unions =
        |ids: &[UnionId]| -> Vec<String> { ids.iter().map(|id| after.union_name(id)).collect() };
    match change {
        FieldChange::Name { before, after } => texts::field_change(Field::Name, before, after),
        FieldChange::Kind {
            before: was,
            after: is,
        } => texts::field_change(Field::Kind, &texts::kind(*was), &texts::kind(*is)),
        FieldChange::Ward {
            before: was,
            after: is,
        } => texts::field_change(Field::Ward, &ward(before, was), &ward(after, is)),
        FieldChange::Unions { joined, left } => {
            texts::unions_change(&unions(joined), &unions(left))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tsunagu_core::bundled::SAPPORO_JSON;
    use tsunagu_core::import::import_facilities_csv_text;
    use tsunagu_core::validate::load_dataset;

    fn plan(text: &str, mode: &ImportMode) -> (Dataset, ImportPlan, Confirmation) {
        let data = load_dataset(SAPPORO_JSON).expect("valid").dataset;
        let import = import_facilities_csv_text(text, "m.csv", &data, &nfkc).expect("reads");
        let confirmation = confirmation(Some("2026-11-30"), Some("事務局")).expect("a date");
        let plan = plan_import(&data, &import, mode, &confirmation).expect("plans");
        (data, plan, confirmation)
    }

    #[test]
    fn the_summary_says_each_change_field_by_field() {
        let text = "施設名,区,種別,ユニオン\nみきファミリークリニック,東区,病院,ICTネットワーク\nしろいし薬局,,,\n";
        let (data, plan, confirmation) = plan(text, &ImportMode::AddUpdate);
        let lines = summary("m.csv", &plan, &data, &confirmation);
        assert_eq!(
            lines[..6],
            [
                "m.csv（追加・更新 / add and update）: 追加 1 件、更新 1 件、変更なし 0 件、ユニオンから外れる 0 件、削除 0 件 / 1 added, 1 updated, 0 unchanged, 0 left the union, 0 removed",
                "確認日 / confirmed: 2026-11-30（確認者 / by: 事務局）",
                "更新する施設 1 件 / 1 facility updated:",
                "・みきファミリークリニック (miki-family-clinic)",
                "  種別 / kind: 診療所 / clinic → 病院 / hospital",
                "  ユニオン / unions: 加入 / joins ICTネットワーク",
            ]
        );
        // しろいし薬局 gives neither kind nor ward: two warnings on its line.
        assert_eq!(lines.len(), 8, "{lines:#?}");
        assert!(
            lines[6].starts_with("m.csv warning line 3: 「種別」"),
            "{}",
            lines[6]
        );
        assert!(
            lines[7].starts_with("m.csv warning line 3: 「区」"),
            "{}",
            lines[7]
        );
    }

    #[test]
    fn a_roster_lists_who_left_and_a_replace_who_was_removed() {
        let text = "ID,施設名\nmiki-family-clinic,みきファミリークリニック\n";
        let (data, roster, confirmation) = plan(text, &ImportMode::Roster(UnionId::from("tmnit")));
        let lines = summary("m.csv", &roster, &data, &confirmation);
        assert!(lines[0].contains("TMNIT in Hokkaido の名簿 / roster of TMNIT in Hokkaido"));
        assert!(lines[0].contains("8 left the union"), "{}", lines[0]);
        assert_eq!(
            lines[2],
            "TMNIT in Hokkaido から外れる施設 8 件 / 8 facilities leave TMNIT in Hokkaido:"
        );
        assert_eq!(lines[3], "・札幌秀友会病院 (shuyukai)");
        assert_eq!(lines.len(), 3 + 8);

        let (data, replace, confirmation) = plan(text, &ImportMode::Replace);
        let lines = summary("m.csv", &replace, &data, &confirmation);
        assert!(lines[0].contains("（置き換え / replace）"));
        assert_eq!(lines[2], "削除する施設 8 件 / 8 facilities removed:");
        assert_eq!(lines.len(), 3 + 8);
    }

    #[test]
    fn a_roster_needs_its_union_and_only_a_roster_takes_one() {
        assert!(matches!(
            check_mode(Mode::Roster, None),
            Err(CliError::Usage(Usage::RosterNeedsUnion))
        ));
        assert!(matches!(
            check_mode(Mode::Add, Some("tmnit")),
            Err(CliError::Usage(Usage::UnionNeedsRoster))
        ));
        assert!(check_mode(Mode::Roster, Some("tmnit")).is_ok());
        assert!(check_mode(Mode::Replace, None).is_ok());
    }

    #[test]
    fn a_date_must_be_one_and_a_blank_confirmer_is_none() {
        for bad in ["2026-02-30", "2026/11/30", "30-11-2026", "yesterday", ""] {
            assert!(
                matches!(confirmation(Some(bad), None), Err(CliError::BadDate { value, .. }) if value == bad),
                "{bad}"
            );
        }
        let given = confirmation(Some("2024-02-29"), Some("  ")).expect("a leap day");
        assert_eq!(given.date, Some(Date("2024-02-29".into())));
        assert_eq!(given.by, None);
        assert!(confirmation(None, None).expect("today").date.is_some());
    }
}
