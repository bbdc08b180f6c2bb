//! The CLI's catalog of its own bilingual words; texts shared with the app
//! stay in `tsunagu_core::text`.
//!
//! Every label, heading and message that only the `tsunagu` command prints
//! is here, in Japanese and English, on one line as 「ja / en」. A fixed
//! label is a constant; a text with values is a function of them, so that
//! counts, plurals and lists are worked out here rather than patched into a
//! string. This is the only file of the CLI's shipped code whose string
//! literals hold Japanese. The layout (indentation, the marks →, ×, ⚠ and ■
//! that start a line) stays with the code that prints.

use std::fmt;
use std::path::Path;

use tsunagu_core::model::{Dataset, FacilityKind};
use tsunagu_core::names::Kind;
use tsunagu_core::text::csv::kind_label;

/// An English count with its noun in the right number: "1 relay",
/// "2 relays".
fn count<N: fmt::Display + PartialEq + From<u8>>(n: N, one: &str, many: &str) -> String {
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}

/// Record names (unions, hosts) as one list for both languages, joined
/// with 「、」: the names are Japanese, so the list reads as Japanese does,
/// and the English side of the line shows the same list.
pub fn names(items: &[String]) -> String {
    items.join("、")
}

/// One item of a list under a heading, marked as Japanese lists mark items:
/// 「・item」.
pub fn bullet(item: &str) -> String {
    format!("・{item}")
}

// The plan, as text.

/// The facility's label, before its name.
pub const FACILITY: &str = "施設 / facility";

/// The label before the unions the facility already belongs to.
pub const MEMBER_OF: &str = "加入中 / member of";

/// What stands for an empty list of unions.
pub const NONE: &str = "なし / none";

/// After a union the facility is a member of only in the what-if.
pub const PROPOSED_MEMBER: &str = "（もしも / what-if）";

/// The line under the rules when a what-if is applied: its name, how many
/// changes it makes, and that the plans it marks are no answer on the
/// report's data.
pub fn what_if_heading(name: &str, changes: usize) -> String {
    format!(
        "もしも（仮定）: {name}（変更 {changes} 件）。「仮定（もしも）」の付いたプランは、報告書のデータではなく、この仮定の上での答えです / What-if (assumed): {name} ({changes} {}). Plans marked \"what-if\" rest on it, not on the report's data.",
        if changes == 1 { "change" } else { "changes" }
    )
}

/// The label before the unions whose 幹事一覧 (officer list) names the
/// facility, which the report does not call memberships.
pub const OFFICER_LIST_ONLY: &str =
    "幹事一覧のみ（加入は要確認） / on the officer list only (membership unconfirmed)";

/// Why a union on [`OFFICER_LIST_ONLY`] is not counted as a membership.
pub const OFFICER_LIST_NOTE: &str = "報告書では幹事一覧に載っているだけで、会員だとは書かれていません。加入済みかどうかを、申し込む前にユニオンに確かめてください。 / The report only lists this facility on the union's officer list; it does not say it is a member. Ask the union whether you have already joined before you apply.";

/// How a facility given by `--member-of`, which is not in the data, is
/// named.
pub const NEW_FACILITY: &str = "新しい施設 (new facility)";

/// When the options leave no plan at all.
pub const NO_PLAN: &str = "条件に合うプランはありません / no plan meets the options.";

/// The label before another set of unions that does as well as the plan's.
pub const OR: &str = "別案 / or";

/// The heading over the unions to join, each with how to join it.
pub const HOW_TO_JOIN: &str = "加入方法 / how to join";

/// The label before where in the report a passage is printed.
pub const SOURCE: &str = "出典 / source";

/// The heading over the targets' hospital links, shown as context.
pub const HOSPITAL_LINKS: &str = "病院間の連携（参考） / hospital links (context)";

/// What stands for a figure the data does not have.
pub const UNKNOWN: &str = "不明 / unknown";

/// A plan's heading: the unions to join (none, or how many and which) and
/// the most relays any of its paths takes.
pub fn plan_heading(join: &[String], relays: u32) -> String {
    if join.is_empty() {
        format!("■ 加入不要 / no union to join — 中継 / relays: 最大 {relays}")
    } else {
        let n = join.len();
        format!(
            "■ {n}ユニオンに加入 / join {n}: {} — 中継 / relays: 最大 {relays}",
            names(join)
        )
    }
}

/// Said of a plan the planner could not prove the smallest: how many unions
/// are needed at the least.
pub fn best_found(lower_bound: usize) -> String {
    let verb = if lower_bound == 1 { "is" } else { "are" };
    format!("(最善の候補。必要数の下限は {lower_bound} / best found; at least {lower_bound} {verb} needed)")
}

/// One path of a plan: its target, how many relays it takes, and its steps
/// by name.
pub fn path(target: &str, relays: u32, steps: &[String]) -> String {
    format!(
        "→ {target} ({}): {}",
        count(relays, "relay", "relays"),
        steps.join(" → ")
    )
}

/// One union to join: its hosts, when it was founded and how many
/// institutions its first host links, each figure [`UNKNOWN`] when the data
/// lacks it.
pub fn joining(
    union: &str,
    hosts: &[String],
    founded: Option<&str>,
    linked_institutions: Option<&str>,
) -> String {
    format!(
        "{union} — ホスト / host: {}; 発足 / founded: {}; 連携医療機関数 / linked institutions: {}",
        names(hosts),
        founded.unwrap_or(UNKNOWN),
        linked_institutions.unwrap_or(UNKNOWN),
    )
}

/// A passage quoted from the report: 「quote」.
pub fn quote(text: &str) -> String {
    format!("「{text}」")
}

/// A name the quote prints differently, with the name the data uses, in
/// both languages.
pub fn misprint(as_written: &str, name: &str) -> String {
    format!(
        "※報告書のこの箇所では{}を{}と表記 / the report spells {} as {} here",
        quote(name),
        quote(as_written),
        quote(name),
        quote(as_written)
    )
}

// The other commands' reports.

/// The headers of the `stats` table's columns: ward, population,
/// households, area, institutions, viewing facilities, and viewing
/// facilities per 100 institutions.
pub const STATS_COLUMNS: [&str; 7] = [
    "区",
    "人口",
    "世帯数",
    "面積km²",
    "医療機関",
    "閲覧施設",
    "閲覧/100機関",
];

/// The label of the `stats` table's totals row.
pub const TOTAL: &str = "合計";

/// `validate`'s report on a dataset that loaded: what it holds.
pub fn valid(name: &str, data: &Dataset) -> String {
    format!(
        "{name}: 有効 / valid — {}, {}, {}, {}, {}",
        count(data.hospitals.len(), "hospital", "hospitals"),
        count(data.unions.len(), "union", "unions"),
        count(data.links.len(), "link", "links"),
        count(data.facilities.len(), "facility", "facilities"),
        count(data.wards.len(), "ward", "wards"),
    )
}

/// `import`'s report: how many facilities the imported file added, changed
/// and removed.
pub fn imported(name: &str, added: usize, changed: usize, removed: usize) -> String {
    format!(
        "{name}: 追加 {added} / 変更 {changed} / 削除 {removed} — added {added}, changed {changed}, removed {removed}"
    )
}

/// How a CSV import met the data, as its summary names it: add and update,
/// replace, or the roster of the union named.
pub fn import_mode(roster_of: Option<&str>, replace: bool) -> String {
    match (roster_of, replace) {
        (Some(union), _) => format!("{union} の名簿 / roster of {union}"),
        (None, true) => "置き換え / replace".to_owned(),
        (None, false) => "追加・更新 / add and update".to_owned(),
    }
}

/// How many facilities a CSV import touched, in each of the five ways.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// New facilities.
    pub added: usize,
    /// Facilities with a field changed.
    pub updated: usize,
    /// Facilities listed without a change.
    pub unchanged: usize,
    /// Facilities out of the roster's union.
    pub left_union: usize,
    /// Facilities removed.
    pub removed: usize,
}

/// The first line of a CSV import's summary: the file, how it met the data,
/// and the five counts.
pub fn csv_imported(name: &str, mode: &str, n: ImportCounts) -> String {
    let ImportCounts {
        added,
        updated,
        unchanged,
        left_union,
        removed,
    } = n;
    format!(
        "{name}（{mode}）: 追加 {added} 件、更新 {updated} 件、変更なし {unchanged} 件、ユニオンから外れる {left_union} 件、削除 {removed} 件 / {added} added, {updated} updated, {unchanged} unchanged, {left_union} left the union, {removed} removed"
    )
}

/// The day (and, when given, by whom) every facility the file lists is
/// marked confirmed.
pub fn confirmed_on(date: &str, by: Option<&str>) -> String {
    match by {
        Some(by) => format!("確認日 / confirmed: {date}（確認者 / by: {by}）"),
        None => format!("確認日 / confirmed: {date}"),
    }
}

/// The heading over the facilities an import updates.
pub fn updated_heading(n: usize) -> String {
    format!(
        "更新する施設 {n} 件 / {}:",
        count(n, "facility updated", "facilities updated")
    )
}

/// The heading over the facilities a replacing import removes.
pub fn removed_heading(n: usize) -> String {
    format!(
        "削除する施設 {n} 件 / {}:",
        count(n, "facility removed", "facilities removed")
    )
}

/// The heading over the facilities that leave the roster's union.
pub fn left_heading(union: &str, n: usize) -> String {
    let verb = if n == 1 { "leaves" } else { "leave" };
    format!(
        "{union} から外れる施設 {n} 件 / {} {verb} {union}:",
        count(n, "facility", "facilities")
    )
}

/// A facility in a list: its name, then its id.
pub fn facility_entry(name: &str, id: &str) -> String {
    bullet(&format!("{name} ({id})"))
}

/// A facility's kind in both languages.
pub fn kind(kind: FacilityKind) -> String {
    let en = match kind {
        FacilityKind::Hospital => "hospital",
        FacilityKind::Clinic => "clinic",
        FacilityKind::Pharmacy => "pharmacy",
        FacilityKind::Care => "care facility",
        FacilityKind::Unknown => "unknown",
    };
    format!("{} / {en}", kind_label(kind))
}

/// One field an import changes, the value before and after; which field it
/// is, in both languages.
pub fn field_change(field: Field, before: &str, after: &str) -> String {
    let label = match field {
        Field::Name => "施設名 / name",
        Field::Kind => "種別 / kind",
        Field::Ward => "区 / ward",
    };
    format!("{label}: {before} → {after}")
}

/// A facility's field that an import can change (the unions aside, which
/// [`unions_change`] says).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// 施設名.
    Name,
    /// 種別.
    Kind,
    /// 区.
    Ward,
}

/// The unions a facility joins and leaves in an import, by name; a side
/// with none is left out.
pub fn unions_change(joined: &[String], left: &[String]) -> String {
    let mut parts = Vec::new();
    if !joined.is_empty() {
        parts.push(format!("加入 / joins {}", names(joined)));
    }
    if !left.is_empty() {
        parts.push(format!("脱退 / leaves {}", names(left)));
    }
    format!("ユニオン / unions: {}", parts.join("; "))
}

// Errors (see `error.rs`).

/// A file that could not be read, and why.
pub fn cannot_read(path: &Path, why: impl fmt::Display) -> String {
    format!(
        "{}: ファイルを読めません / cannot read the file: {why}",
        path.display()
    )
}

/// A what-if file that is not a what-if, and where its JSON goes wrong.
pub fn cannot_read_what_if(name: &str, why: impl fmt::Display) -> String {
    format!("{name}: 仮定を読めません / cannot read the what-if: {why}")
}

/// `--to` named no hospital at all.
pub const NO_TARGETS: &str =
    "--to に病院を 1 つ以上指定してください / give at least one hospital with --to";

/// A result that could not be turned into JSON.
pub fn cannot_write_json(why: impl fmt::Display) -> String {
    format!("JSON を書けません / cannot write JSON: {why}")
}

/// Output that could not be encoded or written: the file, when there is
/// one (`None` for standard output or before any file), then why.
pub fn cannot_write(file: Option<&Path>, why: impl fmt::Display) -> String {
    match file {
        Some(path) => format!("書き出せません / cannot write: {}: {why}", path.display()),
        None => format!("書き出せません / cannot write: {why}"),
    }
}

/// A name typed after `flag` that matches no record of its kind, with the
/// closest names in the data, best first (joined with ", ", as typed lists
/// are).
pub fn unknown_name(flag: &str, kind: Kind, name: &str, suggestions: &[String]) -> String {
    let (ja, en) = match kind {
        Kind::Hospital => ("病院", "hospital"),
        Kind::Union => ("ユニオン", "union"),
        Kind::Facility => ("施設", "facility"),
    };
    format!(
        "{flag}: 「{name}」という{ja}は見つかりません / no {en} is named \"{name}\". 候補 / did you mean: {}",
        suggestions.join(", ")
    )
}

/// A flag's value that is not a date.
pub fn bad_date(flag: &str, value: &str) -> String {
    format!(
        "{flag} の「{value}」は日付（YYYY-MM-DD）ではありません。何も書き出していません / {flag}: \"{value}\" is not a date (YYYY-MM-DD); nothing was written"
    )
}

/// `--mode roster` without the union whose roster the file is.
pub const ROSTER_NEEDS_UNION: &str =
    "--mode roster には --union でユニオンを指定してください / --mode roster needs the union: give --union NAME";

/// `import --union` without `--mode roster`.
pub const UNION_NEEDS_ROSTER: &str =
    "--union は --mode roster と使います / --union goes with --mode roster (the file is that union's member list)";

/// `export --union` without `--csv`.
pub const UNION_NEEDS_CSV: &str =
    "--union は --csv と使います / --union goes with --csv (one union's members as CSV)";

/// Flags for a CSV given with a JSON file, which replaces the whole dataset.
pub fn csv_only(flags: &[&str]) -> String {
    let verb = if flags.len() == 1 { "applies" } else { "apply" };
    format!(
        "{} は CSV にだけ使えます。JSON ファイルはデータ全体を置き換えます / {} {verb} to a CSV only: a JSON file replaces the whole dataset",
        flags.join("、"),
        flags.join(", ")
    )
}

/// The last line under a dataset's problems: how many are errors. The
/// English keeps "error(s)" whatever the count, as tests/cli.rs pins it.
pub fn dataset_errors(name: &str, errors: usize) -> String {
    format!("{name}: {errors} 件のエラー / {errors} error(s)")
}

/// The last line under a rejected import's problems: how many there are,
/// and that nothing was written.
pub fn import_rejected(name: &str, errors: usize) -> String {
    format!(
        "{name}: {errors} 件のエラー。何も変更していません / {}; nothing was changed",
        count(errors, "error", "errors")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_agree_with_their_number() {
        assert_eq!(count(0_usize, "relay", "relays"), "0 relays");
        assert_eq!(count(1_u32, "relay", "relays"), "1 relay");
        assert_eq!(count(2_u32, "relay", "relays"), "2 relays");
        assert_eq!(
            import_rejected("a.csv", 1),
            "a.csv: 1 件のエラー。何も変更していません / 1 error; nothing was changed"
        );
        assert!(import_rejected("a.csv", 2).ends_with("/ 2 errors; nothing was changed"));
        assert!(best_found(1).ends_with("at least 1 is needed)"));
        assert!(best_found(3).ends_with("at least 3 are needed)"));
    }

    #[test]
    fn a_plan_heading_counts_and_lists_its_unions() {
        assert_eq!(
            plan_heading(&[], 1),
            "■ 加入不要 / no union to join — 中継 / relays: 最大 1"
        );
        let join = ["A".to_owned(), "B".to_owned()];
        assert_eq!(
            plan_heading(&join, 0),
            "■ 2ユニオンに加入 / join 2: A、B — 中継 / relays: 最大 0"
        );
        assert_eq!(
            path("H", 1, &["F".to_owned(), "U".to_owned(), "H".to_owned()]),
            "→ H (1 relay): F → U → H"
        );
    }

    #[test]
    fn a_write_error_names_its_file_only_when_there_is_one() {
        assert_eq!(
            cannot_write(Some(Path::new("out.json")), "full"),
            "書き出せません / cannot write: out.json: full"
        );
        assert_eq!(
            cannot_write(None, "full"),
            "書き出せません / cannot write: full"
        );
    }
}
