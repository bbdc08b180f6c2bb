//! How an imported facilities list meets the data, in one of three modes,
//! and what it would change, field by field, before anything is applied.
//!
//! - [`ImportMode::AddUpdate`] (the default, the safe one): new facilities
//!   are added and matching ones updated. Nothing is removed: no facility,
//!   and no membership.
//! - [`ImportMode::Replace`]: the file is the complete list. Facilities it
//!   does not list are removed, and each is named in the plan, so that the
//!   app can list them before asking for an explicit confirmation.
//! - [`ImportMode::Roster`]: the file is one union's complete member list.
//!   Facilities missing from it leave that union, and only that union;
//!   facilities in it that the data lacks are added. Other unions and
//!   records are untouched.
//!
//! Nothing is guessed: a value the file does not give keeps the value the
//! data has, or stays unknown for a new facility, with a warning.

use serde::{Deserialize, Serialize};

use crate::import::{CsvImport, CsvRow};
use crate::model::{
    Dataset, Date, Facility, FacilityId, FacilityKind, Membership, UnionId, WardId,
};
use crate::validate::{validate, CsvPlace, Problem, ProblemKind, Severity, Target};

/// How a facilities file meets the data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", content = "union", rename_all = "snake_case")]
pub enum ImportMode {
    /// 追加・更新: add new facilities, update matching ones, remove nothing.
    #[default]
    AddUpdate,
    /// 置き換え: the file is the complete list; the others are removed.
    Replace,
    /// ユニオンの名簿: the file is this union's complete member list.
    Roster(UnionId),
}

/// One field of a facility that an import changes, before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum FieldChange {
    /// Its name.
    Name {
        /// As the data had it.
        before: String,
        /// As the file gives it.
        after: String,
    },
    /// Its kind.
    Kind {
        /// As the data had it.
        before: FacilityKind,
        /// As the file gives it.
        after: FacilityKind,
    },
    /// Its ward.
    Ward {
        /// As the data had it.
        before: Option<WardId>,
        /// As the file gives it.
        after: Option<WardId>,
    },
    /// Its unions: those it joins and those it leaves.
    Unions {
        /// Unions it joins.
        joined: Vec<UnionId>,
        /// Unions it leaves.
        left: Vec<UnionId>,
    },
}

/// A facility named in a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// Its id.
    pub id: FacilityId,
    /// Its name.
    pub name: String,
}

/// A facility the import updates, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Updated {
    /// The facility.
    pub facility: Named,
    /// Each field that changes.
    pub changes: Vec<FieldChange>,
}

/// Everything an import would do, before it is applied.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// The mode.
    pub mode: ImportMode,
    /// New facilities.
    pub added: Vec<Named>,
    /// Facilities whose fields change.
    pub updated: Vec<Updated>,
    /// Facilities the file lists without changing them: only their date of
    /// confirmation moves.
    pub unchanged: usize,
    /// Facilities that leave the roster's union (roster mode only).
    pub left_union: Vec<Named>,
    /// Facilities removed (replace mode only).
    pub removed: Vec<Named>,
    /// Values the file did not give, each on its line: they stay unknown.
    pub warnings: Vec<Problem>,
    /// The data after the import.
    pub dataset: Dataset,
}

/// What the import says about when and by whom its records were confirmed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// The day (`YYYY-MM-DD`); the caller's today by default.
    pub date: Option<Date>,
    /// Who, in free text (a union's office); none when not given.
    pub by: Option<String>,
}

/// What `import` would do to `data` in `mode`, with every facility the file
/// lists confirmed as `confirmation` says.
///
/// # Errors
/// A roster for a union the data lacks ([`ProblemKind::DanglingRef`]), a
/// date that is not `YYYY-MM-DD` ([`ProblemKind::BadDate`]), or any error
/// the result would fail validation with.
///
/// # Complexity
/// Linear in the facilities of the data and the file, plus validation.
pub fn plan_import(
    data: &Dataset,
    import: &CsvImport,
    mode: &ImportMode,
    confirmation: &Confirmation,
) -> Result<ImportPlan, Vec<Problem>> {
    check_request(data, mode, confirmation)?;

    let mut next = data.clone();
    next.sections.retain(|s| s.id != import.section.id);
    next.sections.push(import.section.clone());
    let position: std::collections::HashMap<FacilityId, usize> = next
        .facilities
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.clone(), i))
        .collect();
    let mut listed = vec![false; next.facilities.len()];
    let mut found = Found::default();
    found.warnings.extend(unknown_columns(import));
    let day = confirmation
        .date
        .as_ref()
        .map(|d| d.0.clone())
        .unwrap_or_default();
    found
        .warnings
        .extend(import.skipped_columns.iter().map(|(column, header)| {
            header_warning(
                *column,
                header,
                ProblemKind::ConfirmedColumnNotRead {
                    header: header.clone(),
                    date: day.clone(),
                },
            )
        }));
    let confirm = |f: &mut Facility| {
        f.confirmed.clone_from(&confirmation.date);
        f.confirmed_by.clone_from(&confirmation.by);
    };

    for (row, incoming) in import.rows.iter().zip(&import.facilities) {
        let mut incoming = incoming.clone();
        if let ImportMode::Roster(union) = mode {
            // A roster says one thing about unions: its members are in it.
            incoming.memberships = vec![Membership::stated(
                union.clone(),
                incoming.sources[0].clone(),
            )];
        }
        if let Some(&at) = row.matched.as_ref().and_then(|id| position.get(id)) {
            listed[at] = true;
            let existing = &mut next.facilities[at];
            let changes = update(existing, &incoming, row, mode);
            confirm(existing);
            if changes.is_empty() {
                found.unchanged += 1;
            } else {
                found.updated.push(Updated {
                    facility: named(existing),
                    changes,
                });
            }
        } else {
            not_given(row, &incoming.name, mode, &mut found.warnings);
            confirm(&mut incoming);
            found.added.push(named(&incoming));
            next.facilities.push(incoming);
        }
    }

    finish(&mut next, &listed, mode, &mut found);

    let problems: Vec<Problem> = validate(&next)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ImportPlan {
        mode: mode.clone(),
        added: found.added,
        updated: found.updated,
        unchanged: found.unchanged,
        left_union: found.left_union,
        removed: found.removed,
        warnings: found.warnings,
        dataset: next,
    })
}

/// What [`plan_import`] finds on its way, before the result is checked.
#[derive(Default)]
struct Found {
    added: Vec<Named>,
    updated: Vec<Updated>,
    unchanged: usize,
    left_union: Vec<Named>,
    removed: Vec<Named>,
    warnings: Vec<Problem>,
}

/// Refuses a roster for a union the data lacks, and a date that is not one.
fn check_request(
    data: &Dataset,
    mode: &ImportMode,
    confirmation: &Confirmation,
) -> Result<(), Vec<Problem>> {
    let mut errors = Vec::new();
    if let ImportMode::Roster(union) = mode {
        if data.union(union).is_none() {
            errors.push(Problem::error(
                "",
                ProblemKind::DanglingRef {
                    id: union.0.clone(),
                    target: Target::Union,
                },
            ));
        }
    }
    if let Some(date) = &confirmation.date {
        if date.parts().is_none() {
            errors.push(Problem::error(
                "",
                ProblemKind::BadDate {
                    value: date.0.clone(),
                },
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// What the mode does to the facilities the file left out: nothing, remove
/// them, or take them out of the roster's union.
fn finish(next: &mut Dataset, listed: &[bool], mode: &ImportMode, found: &mut Found) {
    match mode {
        ImportMode::AddUpdate => {}
        ImportMode::Replace => {
            let mut i = 0;
            next.facilities.retain(|f| {
                let keep = listed.get(i).is_none_or(|&l| l);
                if !keep {
                    found.removed.push(named(f));
                }
                i += 1;
                keep
            });
            // Council members pointing at removed facilities lose the link,
            // not the member.
            for member in &mut next.council.members {
                if member
                    .facility
                    .as_ref()
                    .is_some_and(|f| found.removed.iter().any(|r| &r.id == f))
                {
                    member.facility = None;
                }
            }
        }
        ImportMode::Roster(union) => {
            for (f, &in_file) in next.facilities.iter_mut().zip(listed) {
                if !in_file && f.memberships.iter().any(|m| &m.union == union) {
                    f.memberships.retain(|m| &m.union != union);
                    found.left_union.push(named(f));
                }
            }
        }
    }
}

fn named(f: &Facility) -> Named {
    Named {
        id: f.id.clone(),
        name: f.name.clone(),
    }
}

/// Applies what the file gives to a facility the data has, and says what
/// changed. What the file does not give is kept.
fn update(
    existing: &mut Facility,
    incoming: &Facility,
    row: &CsvRow,
    mode: &ImportMode,
) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    if existing.name != incoming.name {
        changes.push(FieldChange::Name {
            before: std::mem::replace(&mut existing.name, incoming.name.clone()),
            after: incoming.name.clone(),
        });
    }
    if row.kind_given && existing.kind != incoming.kind {
        changes.push(FieldChange::Kind {
            before: std::mem::replace(&mut existing.kind, incoming.kind),
            after: incoming.kind,
        });
    }
    if row.ward_given && existing.ward != incoming.ward {
        changes.push(FieldChange::Ward {
            before: std::mem::replace(&mut existing.ward, incoming.ward.clone()),
            after: incoming.ward.clone(),
        });
    }
    // Add-and-update and a roster only add memberships; replacing takes the
    // file's list when it has a unions column.
    let unions_given = row.unions_given || matches!(mode, ImportMode::Roster(_));
    if unions_given {
        let joined: Vec<Membership> = incoming
            .memberships
            .iter()
            .filter(|m| !existing.memberships.iter().any(|e| e.union == m.union))
            .cloned()
            .collect();
        let left: Vec<UnionId> = if *mode == ImportMode::Replace {
            existing
                .memberships
                .iter()
                .filter(|e| !incoming.memberships.iter().any(|m| m.union == e.union))
                .map(|e| e.union.clone())
                .collect()
        } else {
            Vec::new()
        };
        if !joined.is_empty() || !left.is_empty() {
            existing.memberships.retain(|e| !left.contains(&e.union));
            changes.push(FieldChange::Unions {
                joined: joined.iter().map(|m| m.union.clone()).collect(),
                left,
            });
            existing.memberships.extend(joined);
        }
    }
    changes
}

/// A warning about the file's column `column`, headed `header`.
fn header_warning(column: usize, header: &str, kind: ProblemKind) -> Problem {
    Problem::warning_in_csv(
        CsvPlace {
            line: 1,
            column,
            field: header.to_owned(),
            record: None,
        },
        kind,
    )
}

/// A warning for each column the file has that tsunagu does not read.
fn unknown_columns(import: &CsvImport) -> impl Iterator<Item = Problem> + '_ {
    import.unknown_columns.iter().map(|(column, header)| {
        header_warning(
            *column,
            header,
            ProblemKind::UnknownColumn {
                header: header.clone(),
            },
        )
    })
}

/// Warnings for the values a new facility's row leaves out.
fn not_given(row: &CsvRow, name: &str, mode: &ImportMode, warnings: &mut Vec<Problem>) {
    let warn = |column: &str| {
        Problem::warning_in_csv(
            CsvPlace {
                line: row.line,
                column: 0,
                field: String::new(),
                record: Some(name.to_owned()),
            },
            ProblemKind::NotGiven {
                column: column.to_owned(),
            },
        )
    };
    if !row.kind_given {
        warnings.push(warn(crate::text::csv::KIND_COLUMN));
    }
    if !row.ward_given {
        warnings.push(warn(crate::text::csv::WARD_COLUMN));
    }
    if !row.unions_given && !matches!(mode, ImportMode::Roster(_)) {
        warnings.push(warn(crate::text::csv::UNIONS_COLUMN));
    }
}
