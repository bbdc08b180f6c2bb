//! UI languages and the table of every visible string, one file per language.
//!
//! Components never hold literal UI text: they ask `lang.texts()` for the
//! [`Texts`] of the current language. Because `Texts` is a struct, a string
//! added for one language and forgotten in the other is a compile error.

mod en;
mod ja;

use serde::{Deserialize, Serialize};

/// A language the UI can be shown in. Japanese is the default: the users are
/// clinics in Sapporo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// 日本語.
    #[default]
    #[serde(rename = "ja")]
    Ja,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every language, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and for storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Parses a BCP 47 tag written by [`Lang::code`]; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language's own name, shown on the switch in that language.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
        }
    }

    /// Every UI string in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Ja => &ja::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }
}

/// The words of one view: its name in the navigation, its heading and what it
/// shows.
#[derive(Debug, PartialEq, Eq)]
pub struct ViewTexts {
    /// Short label for the navigation.
    pub nav: &'static str,
    /// The view's heading.
    pub title: &'static str,
    /// One paragraph: what this view is for.
    pub lead: &'static str,
}

/// Every string the UI shows, for one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Texts {
    /// The document title and the header's title.
    pub app_title: &'static str,
    /// A line under the title.
    pub tagline: &'static str,
    /// The skip link's text.
    pub skip_to_main: &'static str,
    /// The accessible name of the view navigation.
    pub nav_label: &'static str,
    /// The link to presentation mode.
    pub present: &'static str,
    /// The accessible name of the language switch.
    pub lang_switch_label: &'static str,
    /// 経路プラン.
    pub planner: ViewTexts,
    /// ネットワーク.
    pub network: ViewTexts,
    /// 成長.
    pub growth: ViewTexts,
    /// もしも.
    pub whatif: ViewTexts,
    /// 地域.
    pub wards: ViewTexts,
    /// データ.
    pub data: ViewTexts,
    /// The 地域 view's words.
    pub wards_view: WardsTexts,
    /// The データ view's words.
    pub data_view: DataTexts,
    /// Words shared by tables.
    pub table: TableTexts,
    /// The 経路プラン view's words.
    pub planner_view: PlannerTexts,
    /// Words for importing, exporting, editing and storage.
    pub upkeep: UpkeepTexts,
    /// Words for an import's preview, freshness and rosters.
    pub import: ImportTexts,
    /// The ネットワーク view's words.
    pub network_view: NetworkTexts,
    /// The 成長 view's words.
    pub growth_view: GrowthTexts,
    /// The もしも view's words.
    pub whatif_view: WhatIfTexts,
    /// 発表モード's slides.
    pub present_view: PresentTexts,
    /// Shown when the bundled dataset cannot be read.
    pub data_unavailable: &'static str,
    /// The heading of the page shown for an unknown address.
    pub not_found_title: &'static str,
    /// The text of that page.
    pub not_found_lead: &'static str,
    /// The link back to the planner from that page.
    pub not_found_back: &'static str,
    /// The footer's note on where the data comes from.
    pub footer_source: &'static str,
    /// The footer's privacy promise.
    pub footer_privacy: &'static str,
}

/// The 経路プラン view's words. Templates hold `{n}`, `{unions}`, `{target}`
/// and the like, replaced by the view.
#[derive(Debug, PartialEq, Eq)]
pub struct PlannerTexts {
    /// Step 1's heading.
    pub start_heading: &'static str,
    /// The choice between a listed facility and an unlisted one.
    pub start_mode_label: &'static str,
    /// A facility in the data.
    pub start_listed: &'static str,
    /// 一覧にない施設.
    pub start_unlisted: &'static str,
    /// The facility search box's label.
    pub facility_search: &'static str,
    /// Its placeholder.
    pub facility_placeholder: &'static str,
    /// The selected facility, before its name.
    pub facility_chosen: &'static str,
    /// The button that clears the chosen facility.
    pub facility_change: &'static str,
    /// The note that the data names few facilities.
    pub facility_note: &'static str,
    /// The unlisted facility's ward.
    pub ward_label: &'static str,
    /// "Not specified" in the ward list.
    pub ward_unspecified: &'static str,
    /// The unlisted facility's current unions.
    pub current_unions: &'static str,
    /// When it belongs to none.
    pub no_unions_hint: &'static str,
    /// Step 2's heading.
    pub targets_heading: &'static str,
    /// The hospital search box's label.
    pub target_search: &'static str,
    /// Its placeholder.
    pub target_placeholder: &'static str,
    /// Before the chosen targets.
    pub chosen_targets: &'static str,
    /// When none is chosen.
    pub no_targets: &'static str,
    /// The remove button's accessible name: "{name} を外す".
    pub remove_target: &'static str,
    /// The add-by-filter row's label.
    pub add_by_filter: &'static str,
    /// Filter kind: designation.
    pub by_designation: &'static str,
    /// Filter kind: medical region.
    pub by_region: &'static str,
    /// Filter kind: ward.
    pub by_ward: &'static str,
    /// The button that adds every hospital of the filter: `{hospitals}`.
    pub add_all: &'static str,
    /// The button that clears every target.
    pub clear_targets: &'static str,
    /// Shown for a hospital that is not an ID-Link 開示病院.
    pub not_disclosing: &'static str,
    /// Step 3's heading.
    pub options_heading: &'static str,
    /// The relay limit's label.
    pub max_relays: &'static str,
    /// No limit.
    pub relays_unlimited: &'static str,
    /// 0 relays.
    pub relays_direct: &'static str,
    /// "{n} 回まで".
    pub relays_up_to: &'static str,
    /// The excluded unions' label.
    pub exclude: &'static str,
    /// The results' heading.
    pub results_heading: &'static str,
    /// What a screen reader hears once a plan is done: how many plans
    /// ({n}) and the first one's title ({title}).
    pub results_status: &'static str,
    /// Added to [`Self::results_status`] when targets are out of reach.
    pub results_status_unreachable: &'static str,
    /// Shown before the user has chosen a start and a target.
    pub results_empty: &'static str,
    /// Card title for a plan that joins nothing.
    pub plan_none: &'static str,
    /// Card title for a plan that joins nothing only if its assumptions
    /// hold: never a bare 「加入不要」.
    pub plan_none_assumed: &'static str,
    /// A plan with nothing to join on a what-if alone.
    pub plan_none_what_if: &'static str,
    /// Card title for a plan: `{unions}` (a count) and their `{names}`.
    pub plan_join: &'static str,
    /// Card title for a plan that rests on an assumption: `{unions}`,
    /// `{names}`.
    pub plan_join_assumed: &'static str,
    /// As `plan_join_assumed`, on a what-if alone: "{unions}", "{names}".
    pub plan_join_what_if: &'static str,
    /// The most relays: `{relays}` (a count).
    pub plan_relays: &'static str,
    /// The most relays when that is none.
    pub plan_direct: &'static str,
    /// Relays explained: 0.
    pub explain_direct: &'static str,
    /// Relays explained: n > 0.
    pub explain_relays: &'static str,
    /// Relays explained on a plan that rests on an assumption: n > 0.
    pub explain_relays_assumed: &'static str,
    /// On a card planned on the report's data under the confirmed rules,
    /// when the page also shows plans on an assumption or a what-if.
    pub confirmed_card_note: &'static str,
    /// Before the list of alternatives.
    pub alternatives: &'static str,
    /// When alternatives were truncated.
    pub alternatives_more: &'static str,
    /// When the plan is the best found, not proved.
    pub inexact: &'static str,
    /// The path heading: `{target}` and `{relays}` (a count).
    pub path_to: &'static str,
    /// Step: the facility.
    pub step_start: &'static str,
    /// Step: already a member of the union.
    pub step_member: &'static str,
    /// Step: join the union.
    pub step_join: &'static str,
    /// Step: the union's host discloses.
    pub step_host: &'static str,
    /// Step: an inter-hospital agreement.
    pub step_agreement: &'static str,
    /// Step: an ID-Link partner entry.
    pub step_partner: &'static str,
    /// Step: a link between unions.
    pub step_union_link: &'static str,
    /// After a step that is an assumption: 「（仮定）」.
    pub step_assumed: &'static str,
    /// The path picture's accessible name: "{target} への経路".
    pub chain_label: &'static str,
    /// Before unreachable targets.
    pub unreachable_heading: &'static str,
    /// The consent caveat on every answer.
    pub caveat: &'static str,
    /// The print button.
    pub print: &'static str,
    /// After copying.
    pub copied: &'static str,
    /// The copy-link button.
    pub copy_button: &'static str,
    /// When the browser refused to copy.
    pub copy_failed: &'static str,
    /// The shared link box's label.
    pub share_label: &'static str,
    /// "Your facility" in paths for an unlisted facility.
    pub new_facility: &'static str,
    /// Shown when no plan exists under the options.
    pub no_plan: &'static str,
    /// The same inside a sentence (no full stop).
    pub no_plan_inline: &'static str,
    /// The sources heading in a card.
    pub sources: &'static str,
    /// Before one source.
    pub source: &'static str,
    /// When a shared link named records the data does not have.
    pub link_ignored: &'static str,
    /// While planning.
    pub computing: &'static str,
    /// Progress: "{done}", "{total}" thresholds and "{nodes}" search nodes.
    pub progress: &'static str,
    /// The cancel button.
    pub cancel: &'static str,
    /// After cancelling.
    pub cancelled: &'static str,
    /// When planning failed: "{reason}".
    pub failed: &'static str,
    /// The access-rules switch's legend.
    pub rules_legend: &'static str,
    /// The assumption checkbox.
    pub assume_label: &'static str,
    /// Under the checkbox: what the default rule is.
    pub assume_hint: &'static str,
    /// Above the results when the assumption is on.
    pub assumption_banner: &'static str,
    /// The banner when the assumption is on but no plan uses it.
    pub assumption_banner_unused: &'static str,
    /// A union's joining steps' heading.
    pub how_to_join: &'static str,
    /// The contact: "{host}".
    pub apply_to: &'static str,
    /// Founding month label.
    pub union_founded: &'static str,
    /// 連携医療機関数 label.
    pub union_linked: &'static str,
    /// A union's registered facilities as the report counts them, "{date}".
    pub union_registered: &'static str,
    /// Under a union the facility is on the 幹事一覧 of, but not said to
    /// belong to: "{union}".
    pub officer_list_only: &'static str,
    /// Before the report's quoted words.
    pub from_report: &'static str,
    /// Heading of the hospital links shown as context.
    pub context_heading: &'static str,
    /// The same heading under the assumption, where the plans use the links.
    pub context_heading_assumed: &'static str,
    /// Under the outside layer's heading.
    pub outside_note: &'static str,
    /// A membership step's source label.
    pub source_member: &'static str,
    /// A hosting step's source label.
    pub source_host: &'static str,
    /// A note on a quote that prints a name differently: `{name}` as the
    /// data has it, `{as_written}` as the quote prints it.
    pub misprint: &'static str,
    /// The printed checklist's title.
    pub print_title: &'static str,
    /// Printed: the facility.
    pub print_facility: &'static str,
    /// Printed: its ward.
    pub print_ward: &'static str,
    /// Printed: the targets.
    pub print_targets: &'static str,
    /// The form's summary: `{n}` plans.
    pub summary_plans: &'static str,
    /// The form's summary: `{n}` of them rest on an assumption.
    pub summary_assumed: &'static str,
    /// As `summary_assumed`, for the plans on a saved what-if: "{n}".
    pub summary_what_if: &'static str,
    /// The form's summary: `{n}` targets out of reach.
    pub summary_unreachable: &'static str,
    /// The button from the form to the plans.
    pub to_plans: &'static str,
    /// Under the relay limit: when relays arise at all.
    pub relays_hint: &'static str,
    /// How to move through a pick list from the keyboard.
    pub list_keys: &'static str,
    /// Under the assumption, the confirmed rules' answer: `{plans}`.
    pub confirmed_plans: &'static str,
    /// Between plan titles in that line.
    pub plans_separator: &'static str,
    /// After it, the targets the confirmed rules do not reach: `{targets}`.
    pub confirmed_unreachable: &'static str,
    /// The facility search found nothing.
    pub no_facility_found: &'static str,
    /// The hospital search found nothing.
    pub no_hospital_found: &'static str,
    /// Printed: the targets out of reach, before each one's reason.
    pub print_unreachable: &'static str,
    /// Printed: unions to apply to.
    pub print_apply: &'static str,
    /// Once under the unions to apply to: whom to apply to, and that the
    /// report names no office.
    pub apply_office: &'static str,
    /// Under a union's facts, when the report prints a count twice,
    /// differently.
    pub readings_differ: &'static str,
    /// Printed: nothing to apply for.
    pub print_none: &'static str,
    /// Printed: nothing to apply for if the plan's assumptions hold.
    pub print_none_assumed: &'static str,
    /// As `print_none_assumed`, on a what-if alone.
    pub print_none_what_if: &'static str,
    /// Printed: the rules.
    pub print_rules: &'static str,
    /// Printed: the rules under a saved what-if, `{rules}` and `{name}`.
    pub print_rules_what_if: &'static str,
    /// Printed: "{title}", "{date}".
    pub print_data: &'static str,
    /// Printed: the link.
    pub print_link: &'static str,
    /// Printed: the checkbox column's label.
    pub print_checkbox: &'static str,
    /// A value not given.
    pub unknown: &'static str,
    /// A facility in no union.
    pub no_unions: &'static str,
    /// In the facility pick list, after the ward of a facility in no union.
    pub pick_no_unions: &'static str,
}

/// Words for an import's preview, records' freshness and union rosters.
#[derive(Debug, PartialEq, Eq)]
pub struct ImportTexts {
    /// How to import
    pub mode_legend: &'static str,
    /// Add and update (default): add new facilities and update matching ones. Nothing is removed.
    pub mode_add: &'static str,
    /// Replace: the file is the complete list of facilities; those it leaves out are removed.
    pub mode_replace: &'static str,
    /// One union's roster: the file is one union's complete member list. Facilities it leaves out leave that union, and only that one.
    pub mode_roster: &'static str,
    /// The roster's union
    pub roster_union: &'static str,
    /// Confirmed on
    pub confirmed_label: &'static str,
    /// Confirmed by (optional)
    pub confirmed_by_label: &'static str,
    /// e.g. the union's office
    pub confirmed_by_hint: &'static str,
    /// {added} added, {updated} updated, {unchanged} unchanged, {left} leave the union, {removed} removed
    pub summary: &'static str,
    /// Facilities removed ({n})
    pub removed_heading: &'static str,
    /// Facilities leaving {union} ({n})
    pub left_heading: &'static str,
    /// Facilities added ({n})
    pub added_heading: &'static str,
    /// Facilities updated ({n})
    pub updated_heading: &'static str,
    /// Values the file does not give (left unknown)
    pub warnings_heading: &'static str,
    /// Kind
    pub field_kind_change: &'static str,
    /// Ward
    pub field_ward_change: &'static str,
    /// Joins
    pub field_unions_joined: &'static str,
    /// Leaves
    pub field_unions_left: &'static str,
    /// Name
    pub field_name_change: &'static str,
    /// After an added facility: the `{ward}` and `{unions}` its row was
    /// matched to.
    pub added_matched: &'static str,
    /// none
    pub none_value: &'static str,
    /// Remove {n} and replace
    pub confirm_replace: &'static str,
    /// I have checked the {n} to be removed
    pub replace_check: &'static str,
    /// Undo history lasts while this page is open: a reload clears it, though the data itself stays saved on this device.
    pub history_note: &'static str,
    /// Confirmed
    pub col_confirmed: &'static str,
    /// Show only records not confirmed in the last {months} months
    pub stale_label: &'static str,
    /// Months
    pub stale_months: &'static str,
    /// Export a union's roster
    pub roster_heading: &'static str,
    /// Roster as CSV (for Excel)
    pub roster_csv: &'static str,
    /// Print the roster (A4)
    pub roster_print: &'static str,
    /// {union}: members
    pub roster_title: &'static str,
    /// Host: {hosts} / Made on: {date} / {count}
    pub roster_meta: &'static str,
    /// The data lists no members of this union.
    pub roster_none: &'static str,
}

/// Words for keeping the data: import, export, edit, undo, storage notices.
#[derive(Debug, PartialEq, Eq)]
pub struct UpkeepTexts {
    /// The tools' heading.
    pub heading: &'static str,
    /// The data is the report's.
    pub status_report: &'static str,
    /// The data has been changed on this device.
    pub status_edited: &'static str,
    /// Above every view but データ, when the data was changed on this
    /// device: it is not the report's as printed.
    pub edited_everywhere: &'static str,
    /// The link from `edited_everywhere` to データ.
    pub edited_review: &'static str,
    /// The file picker's label.
    pub import_label: &'static str,
    /// What files are accepted, and the size limit: "{limit}".
    pub import_hint: &'static str,
    /// While reading a file.
    pub reading: &'static str,
    /// Before the list of an import's problems: "{file}", "{n}".
    pub import_failed: &'static str,
    /// Said under the problems: nothing changed.
    pub nothing_changed: &'static str,
    /// The preview's heading: "{file}".
    pub preview_heading: &'static str,
    /// Added / changed / removed, with "{n}".
    pub added: &'static str,
    /// Changed.
    pub changed: &'static str,
    /// Removed.
    pub removed: &'static str,
    /// When the import changes nothing.
    pub no_change: &'static str,
    /// Above a whole-dataset (JSON) import's changes: it replaces the data.
    pub replaces_all: &'static str,
    /// Confirm the import.
    pub confirm_import: &'static str,
    /// Drop the import.
    pub cancel_import: &'static str,
    /// Export as JSON.
    pub export_json: &'static str,
    /// Export facilities as CSV.
    pub export_csv: &'static str,
    /// Undo.
    pub undo: &'static str,
    /// Redo.
    pub redo: &'static str,
    /// Reset to the report's data.
    pub reset: &'static str,
    /// The reset confirmation question.
    pub reset_confirm: &'static str,
    /// Notice: stored data was damaged.
    pub damaged: &'static str,
    /// Download the damaged copy.
    pub download_damaged: &'static str,
    /// Notice: storage full.
    pub storage_full: &'static str,
    /// Close a notice.
    pub dismiss: &'static str,
    /// Notice: a new version is ready.
    pub update_ready: &'static str,
    /// Reload into the new version.
    pub update_now: &'static str,
    /// Add a facility.
    pub add_facility: &'static str,
    /// Add a union.
    pub add_union: &'static str,
    /// Add a link.
    pub add_link: &'static str,
    /// Add a hospital.
    pub add_hospital: &'static str,
    /// A hospital's English name.
    pub field_name_en: &'static str,
    /// Whether a hospital discloses its records on ID-Link.
    pub field_discloses: &'static str,
    /// A hospital's city, outside Sapporo.
    pub field_city: &'static str,
    /// A hospital's ID-Link go-live month.
    pub field_go_live: &'static str,
    /// Under a hospital's 連携医療機関数: what it holds, "{readings}".
    pub linked_hint: &'static str,
    /// A 連携医療機関数 or 病床数 that is not a count: "{field}".
    pub bad_count: &'static str,
    /// A month field that does not read as one; "{field}" is its label.
    pub bad_month: &'static str,
    /// Edit a record: "{name} を編集".
    pub edit: &'static str,
    /// Remove a record: "{name} を削除".
    pub remove: &'static str,
    /// The edit button's own words, within its accessible name `edit`
    /// (words rather than an icon: the emoji 🗑 drew as an empty box where
    /// no emoji font is installed).
    pub edit_button: &'static str,
    /// The remove button's own words, within `remove`.
    pub remove_button: &'static str,
    /// Confirmation before removing: "{name}".
    pub remove_confirm: &'static str,
    /// The actions column.
    pub actions: &'static str,
    /// Save a form.
    pub save: &'static str,
    /// Close a form without saving.
    pub cancel: &'static str,
    /// Before an edit's problems.
    pub edit_failed: &'static str,
    /// Field: name.
    pub field_name: &'static str,
    /// Field: host hospitals.
    pub field_hosts: &'static str,
    /// Field: founded month.
    pub field_founded: &'static str,
    /// Field: one-way.
    pub field_directed: &'static str,
    /// Under a facility form's 確認日: the day the record held before,
    /// "{date}" (the report's day when it was never confirmed since).
    pub confirmed_before: &'static str,
    /// Shown when a name is missing.
    pub name_required: &'static str,
    /// Said once an edit is saved: "{name}" is the record's.
    pub saved: &'static str,
    /// Said when the name typed is another record's: "{name}".
    pub duplicate_name: &'static str,
    /// Keyboard shortcuts hint.
    pub shortcuts: &'static str,
}

/// Words shared by every sortable, searchable table.
#[derive(Debug, PartialEq, Eq)]
pub struct TableTexts {
    /// Said of a column sorted ascending, for screen readers.
    pub sort_hint: &'static str,
    /// The search box's label.
    pub search_label: &'static str,
    /// Its placeholder.
    pub search_placeholder: &'static str,
    /// "{shown} of {total} rows shown": a template; both placeholders are replaced.
    pub rows_shown: &'static str,
    /// Shown when a search matches nothing.
    pub no_match: &'static str,
    /// Below a list cut short: "{n}" more; the search narrows them.
    pub more_rows: &'static str,
    /// The source column's heading.
    pub source: &'static str,
    /// The badge on a record the report disagrees with itself about.
    pub discrepancy_badge: &'static str,
    /// Shown for an unknown figure.
    pub unknown: &'static str,
    /// Marks a lower bound ("以上").
    pub at_least: &'static str,
    /// After a union a facility is only on the 幹事一覧 of.
    pub officer_list_mark: &'static str,
    /// After a union a facility belongs to only under a saved what-if.
    pub what_if_mark: &'static str,
}

/// The 地域 view's words.
#[derive(Debug, PartialEq, Eq)]
pub struct WardsTexts {
    /// The coverage table's caption.
    pub table_caption: &'static str,
    /// Column: ward.
    pub col_ward: &'static str,
    /// Column: population.
    pub col_population: &'static str,
    /// Column: households.
    pub col_households: &'static str,
    /// Column: area.
    pub col_area: &'static str,
    /// Column: medical institutions.
    pub col_institutions: &'static str,
    /// Column: viewing facilities.
    pub col_viewing: &'static str,
    /// Column: viewing facilities per 100 institutions.
    pub col_per_100: &'static str,
    /// Column: viewing facilities per 100,000 people.
    pub col_per_100k: &'static str,
    /// Column: disclosing hospitals in the ward.
    pub col_disclosing: &'static str,
    /// The totals row's label.
    pub total_row: &'static str,
    /// The chart's heading.
    pub chart_heading: &'static str,
    /// The chart metric switch's label.
    pub chart_metric_label: &'static str,
    /// The chart's text twin, before the list of values.
    pub chart_summary: &'static str,
    /// The designation section's heading.
    pub designation_heading: &'static str,
    /// Its lead.
    pub designation_lead: &'static str,
    /// "on ID-Link" after a ratio.
    pub on_idlink: &'static str,
    /// Before the names of hospitals not yet on ID-Link.
    pub not_yet: &'static str,
    /// When every hospital in a column is on ID-Link.
    pub all_on: &'static str,
    /// Where the figures come from.
    pub sources_note: &'static str,
    /// The printed totals' heading.
    pub totals_heading: &'static str,
    /// What the printed totals table shows.
    pub totals_hint: &'static str,
    /// Its columns: item, as printed, from the records, where printed.
    pub totals_cols: [&'static str; 4],
    /// Where the records do not add up to a total (a total only; the hint
    /// says what it means).
    pub totals_not_computed: &'static str,
    /// Where the report prints the same total otherwise: `{readings}`.
    pub totals_other_reading: &'static str,
    /// The ward map's heading.
    pub map_heading: &'static str,
    /// The ward map's legend.
    pub map_legend: &'static str,
    /// The legend's entry for a ward without a figure.
    pub map_no_figure: &'static str,
    /// What picking a ward on the map does.
    pub map_hint: &'static str,
}

/// The データ view's words.
#[derive(Debug, PartialEq, Eq)]
pub struct DataTexts {
    /// The label of the table switch.
    pub tabs_label: &'static str,
    /// Tab: hospitals.
    pub tab_hospitals: &'static str,
    /// Tab: unions.
    pub tab_unions: &'static str,
    /// Tab: links.
    pub tab_links: &'static str,
    /// Tab: facilities.
    pub tab_facilities: &'static str,
    /// Tab: discrepancies.
    pub tab_discrepancies: &'static str,
    /// Column: name.
    pub col_name: &'static str,
    /// Column: ward or city.
    pub col_place: &'static str,
    /// Column: on ID-Link.
    pub col_discloses: &'static str,
    /// Column: beds.
    pub col_beds: &'static str,
    /// Column: linked institutions.
    pub col_linked: &'static str,
    /// Column: go-live.
    pub col_go_live: &'static str,
    /// Column: designations.
    pub col_designations: &'static str,
    /// Column: host hospitals.
    pub col_hosts: &'static str,
    /// Column: founded.
    pub col_founded: &'static str,
    /// Column: notes.
    pub col_notes: &'static str,
    /// Column: link kind.
    pub col_kind: &'static str,
    /// Column: link from.
    pub col_from: &'static str,
    /// Column: link to.
    pub col_to: &'static str,
    /// Column: medical region.
    pub col_region: &'static str,
    /// Column: facility kind.
    pub col_facility_kind: &'static str,
    /// Column: unions.
    pub col_unions: &'static str,
    /// Column: the record concerned.
    pub col_subject: &'static str,
    /// A discrepancy's record when it is one of the report's printed totals
    /// (followed by the total's key, `disclosing_hospitals`).
    pub printed_total_subject: &'static str,
    /// Column: the readings.
    pub col_readings: &'static str,
    /// "yes" in the on-ID-Link column.
    pub yes: &'static str,
    /// "no" in the on-ID-Link column.
    pub no: &'static str,
    /// Link kind: agreement.
    pub kind_agreement: &'static str,
    /// Link kind: ID-Link partner.
    pub kind_partner: &'static str,
    /// Facility kinds: hospital, clinic, pharmacy, care.
    pub facility_kinds: [&'static str; 5],
    /// Shown under the facility table: the report names few facilities.
    pub facilities_note: &'static str,
    /// Shown under the link table: links are two-way unless marked.
    pub links_note: &'static str,
}

/// The ネットワーク view's words.
#[derive(Debug, PartialEq, Eq)]
pub struct NetworkTexts {
    /// The level switch's label.
    pub level_label: &'static str,
    /// Level: all of Hokkaido.
    pub level_hokkaido: &'static str,
    /// Level: Sapporo by ward.
    pub level_sapporo: &'static str,
    /// The search box's label.
    pub search_label: &'static str,
    /// Its placeholder.
    pub search_placeholder: &'static str,
    /// `{matches}` (a count) nodes match.
    pub matches: &'static str,
    /// The filters' heading.
    pub filters_heading: &'static str,
    /// Filter: designation.
    pub designation_label: &'static str,
    /// Filter: region.
    pub region_label: &'static str,
    /// "All" in a filter.
    pub all: &'static str,
    /// Filter: edge kinds.
    pub edges_label: &'static str,
    /// Edge: hosting.
    pub edge_hosting: &'static str,
    /// Edge: membership.
    pub edge_membership: &'static str,
    /// Edge: agreement.
    pub edge_agreement: &'static str,
    /// Edge: ID-Link partner.
    pub edge_partner: &'static str,
    /// The legend's heading.
    pub legend_heading: &'static str,
    /// Legend: disclosing hospital.
    pub legend_disclosing: &'static str,
    /// Legend: other hospital.
    pub legend_hospital: &'static str,
    /// Legend: union.
    pub legend_union: &'static str,
    /// Legend: facility.
    pub legend_facility: &'static str,
    /// Legend: ward bubble.
    pub legend_ward: &'static str,
    /// The map's accessible name.
    pub map_label: &'static str,
    /// How to use the map from the keyboard.
    pub map_help: &'static str,
    /// Zoom in.
    pub zoom_in: &'static str,
    /// Zoom out.
    pub zoom_out: &'static str,
    /// Whole map.
    pub zoom_reset: &'static str,
    /// Save as SVG.
    pub export_svg: &'static str,
    /// Save as PNG.
    pub export_png: &'static str,
    /// The details panel's heading.
    pub details_heading: &'static str,
    /// Shown before anything is selected.
    pub details_empty: &'static str,
    /// Close the details.
    pub close: &'static str,
    /// Kind: disclosing hospital.
    pub kind_disclosing: &'static str,
    /// Kind: other hospital.
    pub kind_hospital: &'static str,
    /// Kind: union.
    pub kind_union: &'static str,
    /// Kind: facility.
    pub kind_facility: &'static str,
    /// Kind: ward.
    pub kind_ward: &'static str,
    /// A ward card's hospitals that do not disclose records.
    pub ward_other_hospitals: &'static str,
    /// Kind: region.
    pub kind_region: &'static str,
    /// Details: links to other hospitals.
    pub links: &'static str,
    /// After 「0 件が一致」 on Hokkaido's map when a facility has the name.
    pub facility_on_sapporo: &'static str,
    /// Under the links: sharing between the two hospitals only.
    pub links_note: &'static str,
    /// A list with nothing in it (no designation listed).
    pub none_listed: &'static str,
    /// Details: named member facilities.
    pub members: &'static str,
    /// Details: unions hosted.
    pub hosted: &'static str,
    /// Details: population.
    pub population: &'static str,
    /// The table twin's summary.
    pub table_heading: &'static str,
    /// Caption of the nodes table: "{n}".
    pub nodes_caption: &'static str,
    /// Caption of the edges table: "{n}".
    pub edges_caption: &'static str,
    /// Column: kind.
    pub col_kind: &'static str,
    /// Column: one end.
    pub col_from: &'static str,
    /// Column: the other end.
    pub col_to: &'static str,
    /// Column: name.
    pub col_name: &'static str,
    /// Column: count.
    pub col_count: &'static str,
    /// Notice for aggregated data: "{h}", "{u}", "{f}".
    pub aggregated: &'static str,
    /// Label for hospitals without a known place.
    pub unknown_place: &'static str,
    /// Where the outline comes from.
    pub outline_source: &'static str,
}

/// The 成長 view's words.
#[derive(Debug, PartialEq, Eq)]
pub struct GrowthTexts {
    /// Play.
    pub play: &'static str,
    /// Pause.
    pub pause: &'static str,
    /// Previous month.
    pub prev: &'static str,
    /// Next month.
    pub next: &'static str,
    /// First month.
    pub first: &'static str,
    /// Last month.
    pub last: &'static str,
    /// The month slider's label.
    pub slider_label: &'static str,
    /// "{month}" as of.
    pub frame_heading: &'static str,
    /// This month's events.
    pub events_heading: &'static str,
    /// When nothing happened this month.
    pub no_events: &'static str,
    /// `{h}` hospitals live, `{u}` unions founded; each a [`Lang::tally`].
    pub totals: &'static str,
    /// The charts' heading.
    pub chart_heading: &'static str,
    /// Chart: disclosing hospitals.
    pub chart_disclosing: &'static str,
    /// Chart: unions.
    pub chart_unions: &'static str,
    /// Chart: linked institutions where known.
    pub chart_linked: &'static str,
    /// Why hospitals' counts are not charted.
    pub chart_linked_note: &'static str,
    /// The charts' table twin caption.
    pub chart_table: &'static str,
    /// Column: month.
    pub col_month: &'static str,
    /// Undated records' heading.
    pub unknown_heading: &'static str,
    /// Why they are not on the timeline.
    pub unknown_lead: &'static str,
    /// Milestones' heading.
    pub milestones_heading: &'static str,
    /// Save this frame as PNG.
    pub export_png: &'static str,
    /// Keyboard help.
    pub keys_help: &'static str,
    /// The frame map's accessible name.
    pub map_label: &'static str,
    /// An event: `{name}` goes live.
    pub event_go_live: &'static str,
    /// An event: union `{name}` is founded.
    pub event_founded: &'static str,
    /// An event: the council `{name}` is founded on `{date}`.
    pub event_council: &'static str,
}

/// The もしも (what-if) view's words. Templates hold `{n}`, `{name}` and the like.
#[derive(Debug, PartialEq, Eq)]
pub struct WhatIfTexts {
    /// Compose a what-if
    pub editor_heading: &'static str,
    /// What-if name
    pub name_label: &'static str,
    /// New what-if
    pub name_default: &'static str,
    /// Changes
    pub changes_heading: &'static str,
    /// No changes yet. Add one below.
    pub no_changes: &'static str,
    /// Add a change
    pub add_heading: &'static str,
    /// Kind of change
    pub kind_label: &'static str,
    /// Connect two unions
    pub kind_connect: &'static str,
    /// Add an inter-hospital agreement
    pub kind_agreement: &'static str,
    /// A facility joins a union
    pub kind_join: &'static str,
    /// A hospital goes live with its own union
    pub kind_golive: &'static str,
    /// Union A
    pub field_union_a: &'static str,
    /// Union B
    pub field_union_b: &'static str,
    /// Hospital A
    pub field_from: &'static str,
    /// Hospital B
    pub field_to: &'static str,
    /// Facility
    pub field_facility: &'static str,
    /// Union
    pub field_union: &'static str,
    /// Hospital
    pub field_hospital: &'static str,
    /// New union's name
    pub field_union_name: &'static str,
    /// Add this change
    pub add: &'static str,
    /// Why a change cannot be added: the same union or hospital twice.
    pub same_twice: &'static str,
    /// Remove: {change}
    pub remove: &'static str,
    /// Connect “{a}” and “{b}”
    pub change_connect: &'static str,
    /// Agreement between {from} and {to}
    pub change_agreement: &'static str,
    /// {facility} joins “{union}”
    pub change_join: &'static str,
    /// {hospital} goes live with “{union}”
    pub change_golive: &'static str,
    /// Save on this device
    pub save: &'static str,
    /// Save as a new what-if
    pub save_as_new: &'static str,
    /// New what-if
    pub new: &'static str,
    /// Saved.
    pub saved: &'static str,
    /// Export JSON
    pub export: &'static str,
    /// Import a what-if JSON
    pub import_label: &'static str,
    /// Could not read {file} (nothing changed):
    pub import_failed: &'static str,
    /// Saved what-ifs
    pub saved_heading: &'static str,
    /// No Saved what-ifs yet.
    pub none_saved: &'static str,
    /// Open: {name}
    pub open: &'static str,
    /// Delete: {name}
    pub delete: &'static str,
    /// Delete the what-if “{name}”?
    pub delete_confirm: &'static str,
    /// Compare: {name}
    pub compare: &'static str,
    /// See referral plans under this what-if (hypothetical)
    pub open_planner: &'static str,
    /// What this what-if changes
    pub results_heading: &'static str,
    /// Reach-matrix cells that improve: {n}
    pub summary_cells: &'static str,
    /// (facility, disclosing hospital) pairs reachable without joining a unio
    pub summary_pairs: &'static str,
    /// Plans that get shorter: {n} ({total} pairs compared)
    pub summary_plans: &'static str,
    /// The data is large: only the first {n} pairs were compared.
    pub plans_truncated: &'static str,
    /// Reach matrix (relays)
    pub matrix_heading: &'static str,
    /// Rows are unions, columns disclosing hospitals. Each cell is how many r
    pub matrix_lead: &'static str,
    /// unreachable
    pub unreachable: &'static str,
    ///  (new)
    pub new_marker: &'static str,
    /// Pairs reachable without joining, by ward
    pub pairs_heading: &'static str,
    /// Ward
    pub col_ward: &'static str,
    /// Facilities
    pub col_facilities: &'static str,
    /// A table's caption under the assumption: `{caption}`.
    pub assumed_caption: &'static str,
    /// The 「現在」 column under the assumption.
    pub col_before_assumed: &'static str,
    /// Now
    pub col_before: &'static str,
    /// Proposed
    pub col_after: &'static str,
    /// Gain
    pub col_gain: &'static str,
    /// No ward given
    pub no_ward: &'static str,
    /// Counts only the facilities the report names (it does not break down ea
    pub pairs_note: &'static str,
    /// Plans that get shorter
    pub plans_heading: &'static str,
    /// Facility
    pub col_facility: &'static str,
    /// Disclosing hospital
    pub col_hospital: &'static str,
    /// No plan gets shorter.
    pub no_shorter: &'static str,
    /// Compare what-ifs
    pub compare_heading: &'static str,
    /// Tick “Compare” on Saved what-ifs to set them side by side here.
    pub compare_lead: &'static str,
    /// Measure
    pub col_metric: &'static str,
    /// Changes
    pub metric_changes: &'static str,
    /// A saved what-if's number of changes: "{n}".
    pub changes_count: &'static str,
    /// Cells that improve
    pub metric_cells: &'static str,
    /// Pairs reachable without joining (proposed)
    pub metric_pairs: &'static str,
    /// Plans that get shorter
    pub metric_plans: &'static str,
    /// The data is large ({f} facilities), so this page does not compute it.
    pub too_large: &'static str,
    /// Hypothetical plans: the what-if “{name}” is applied. This is not the
    pub hypothetical_banner: &'static str,
    /// Leave the hypothesis
    pub hypothetical_leave: &'static str,
    /// The what-if in this link is not saved on this device, so the real dat
    pub unknown_what_if: &'static str,
    /// The device's storage is full: the what-if was not saved.
    pub storage_full: &'static str,
    /// The next-step headline's heading.
    pub next_heading: &'static str,
    /// Under it: the rules used.
    pub next_lead: &'static str,
    /// Row: a facility in no union.
    pub next_none: &'static str,
    /// Row: a member of "{union}".
    pub next_member: &'static str,
    /// Column: today.
    pub next_today: &'static str,
    /// Column: with every union connected.
    pub next_connected: &'static str,
    /// Button: load the next step as the draft.
    pub next_try: &'static str,
    /// The next step's what-if name.
    pub next_name: &'static str,
    /// A new union's default name: `{name}` (provisional).
    pub provisional_union: &'static str,
    /// The assumption switch.
    pub assume_label: &'static str,
    /// Shown while the assumption is on.
    pub assume_on: &'static str,
}

/// 発表モード's words. The tour shows every slide in Japanese, with the
/// English under it when the UI is in English.
#[derive(Debug, PartialEq, Eq)]
pub struct PresentTexts {
    /// A growth slide's running totals: `{live}` hospitals live, `{unions}`
    /// unions; each a [`Lang::tally`].
    pub totals: &'static str,
    /// Unions the report does not date: `{names}`.
    pub undated_unions: &'static str,
    /// The sample plan's slide: from `{name}` to `{to}`.
    pub example_title: &'static str,
    /// The next-step slide's title.
    pub next_title: &'static str,
    /// Today: all `{n}` disclosing hospitals, a facility in no union `{none}`, a member of `{union}` `{member}`.
    pub next_today: &'static str,
    /// With every union connected: `{none}`, `{union}`, `{member}`.
    pub next_connected: &'static str,
    /// The report's caution on the next step.
    pub next_slowly: &'static str,
    /// The keys, at the foot of every slide.
    pub help: &'static str,
    /// The button to the previous slide.
    pub previous: &'static str,
    /// The button to the next slide.
    pub next: &'static str,
    /// The button that leaves the deck (as Esc does).
    pub exit: &'static str,
    /// The reach matrix today.
    pub reach_today: &'static str,
    /// The reach matrix with every union connected.
    pub reach_connected: &'static str,
    /// How to read the reach matrix.
    pub reach_key: &'static str,
    /// The deck's navigation, for assistive technology.
    pub slides_label: &'static str,
}

/// What a count counts, for [`Lang::count`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noun {
    /// 中継 (relay).
    Relay,
    /// ユニオン.
    Union,
    /// 病院.
    Hospital,
    /// A problem in a file.
    Problem,
    /// A search match.
    Match,
    /// 開示病院 (a disclosing hospital).
    DisclosingHospital,
    /// A (facility, hospital) pair compared.
    Pair,
    /// A facility (a member of a union).
    Facility,
}

impl Lang {
    /// A count with its noun, as each language says it: 「1 回」 and
    /// "1 relay", 「2 ユニオン」 and "2 unions".
    pub fn count(self, n: usize, noun: Noun) -> String {
        match self {
            Lang::Ja => {
                let unit = match noun {
                    Noun::Relay => "回",
                    Noun::Union => "ユニオン",
                    Noun::Hospital => "病院",
                    Noun::Problem | Noun::Match => "件",
                    Noun::DisclosingHospital => "か所",
                    Noun::Pair => "組",
                    Noun::Facility => "施設",
                };
                format!("{n} {unit}")
            }
            Lang::En => {
                let (one, many) = match noun {
                    Noun::Relay => ("relay", "relays"),
                    Noun::Union => ("union", "unions"),
                    Noun::Hospital => ("hospital", "hospitals"),
                    Noun::Problem => ("problem", "problems"),
                    Noun::Match => ("match", "matches"),
                    Noun::DisclosingHospital => ("disclosing hospital", "disclosing hospitals"),
                    Noun::Pair => ("pair", "pairs"),
                    Noun::Facility => ("facility", "facilities"),
                };
                count_en(n, one, many)
            }
        }
    }

    /// A count where the sentence around it names the noun in Japanese but
    /// English needs it by the number: 「3」, "3 unions" and "1 union".
    pub fn tally(self, n: usize, noun: Noun) -> String {
        match self {
            Lang::Ja => n.to_string(),
            Lang::En => self.count(n, noun),
        }
    }

    /// A place the report names, a city or a 医療圏, as this language
    /// writes it: in English the romanised name of each place in the
    /// report, else as the report writes it.
    pub fn place(self, name: &str) -> String {
        let en = match (self, name) {
            (Lang::Ja, _) => None,
            (Lang::En, "札幌" | "札幌市") => Some("Sapporo"),
            (Lang::En, "南渡島") => Some("Minami-Oshima"),
            (Lang::En, "函館市") => Some("Hakodate"),
            (Lang::En, "苫小牧市") => Some("Tomakomai"),
            (Lang::En, "釧路" | "釧路市") => Some("Kushiro"),
            (Lang::En, _) => None,
        };
        en.map_or_else(|| name.to_owned(), str::to_owned)
    }

    /// A `YYYY-MM` month as this language writes it: 「2016年6月」, "Jun 2016";
    /// anything else as it is.
    pub fn month(self, month: &str) -> String {
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let Some((year, m)) = month.split_once('-') else {
            return month.to_owned();
        };
        let Ok(m) = m.parse::<usize>() else {
            return month.to_owned();
        };
        match self {
            Lang::Ja => format!("{year}年{m}月"),
            Lang::En => EN
                .get(m.wrapping_sub(1))
                .map_or_else(|| month.to_owned(), |name| format!("{name} {year}")),
        }
    }

    /// A day, `YYYY-MM-DD`, as each language writes it: 「2022年9月21日」,
    /// "21 Sep 2022"; anything else as it is.
    pub fn day(self, day: &str) -> String {
        let mut parts = day.splitn(3, '-');
        let (Some(year), Some(month), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return day.to_owned();
        };
        let Ok(d) = d.parse::<u32>() else {
            return day.to_owned();
        };
        let month = self.month(&format!("{year}-{month}"));
        match self {
            Lang::Ja => format!("{month}{d}日"),
            Lang::En => format!("{d} {month}"),
        }
    }

    /// Names joined as each language lists them: 「A、B」, "A, B".
    pub fn list(self, items: &[String]) -> String {
        items.join(match self {
            Lang::Ja => "、",
            Lang::En => ", ",
        })
    }

    /// A note in brackets after what it qualifies: 「（注）」, " (note)".
    pub fn paren(self, note: &str) -> String {
        let (open, close) = self.brackets();
        format!("{open}{note}{close}")
    }

    /// The brackets around a note, for a note that is markup: 「（」「）」,
    /// " (" and ")".
    pub fn brackets(self) -> (&'static str, &'static str) {
        match self {
            Lang::Ja => ("（", "）"),
            Lang::En => (" (", ")"),
        }
    }

    /// What comes between a label and its value when the value is markup:
    /// 「：」, ": ".
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Ja => "：",
            Lang::En => ": ",
        }
    }

    /// A label and its value: 「印刷：A」, "Print: A".
    pub fn labelled(self, label: &str, value: &str) -> String {
        match self {
            Lang::Ja => format!("{label}：{value}"),
            Lang::En => format!("{label}: {value}"),
        }
    }

    /// A button that adds something: 「＋ 病院」, "+ Hospital".
    pub fn add_button(self, what: &str) -> String {
        match self {
            Lang::Ja => format!("＋ {what}"),
            Lang::En => format!("+ {what}"),
        }
    }

    /// A ward of Sapporo as a place: 「札幌市中央区」, "中央区, Sapporo".
    pub fn sapporo_ward(self, ward: &str) -> String {
        match self {
            Lang::Ja => format!("札幌市{ward}"),
            Lang::En => format!("{ward}, Sapporo"),
        }
    }
}

/// An English count with its noun in the right number: "1 union", "2 unions".
fn count_en(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The cost of a plan in words: 「3 ユニオンに加入（中継 最大 1 回）」,
/// "join 3 unions (at most 1 relay)", and 「（中継なし）」, "(no relay)",
/// when no plan needs one; `None` is out of reach.
pub fn cost_text(lang: Lang, cost: Option<(usize, u32)>) -> String {
    let Some((k, r)) = cost else {
        return match lang {
            Lang::Ja => "届かない",
            Lang::En => "out of reach",
        }
        .to_owned();
    };
    let relays = match (lang, r) {
        (Lang::Ja, 0) => "中継なし".to_owned(),
        (Lang::En, 0) => "no relay".to_owned(),
        (Lang::Ja, r) => format!("中継 最大 {r} 回"),
        (Lang::En, r) => format!("at most {}", count_en(r as usize, "relay", "relays")),
    };
    match (lang, k) {
        (Lang::Ja, 0) => format!("加入不要（{relays}）"),
        (Lang::En, 0) => format!("no union to join ({relays})"),
        (Lang::Ja, k) => format!("{k} ユニオンに加入（{relays}）"),
        (Lang::En, k) => format!("join {} ({relays})", count_en(k, "union", "unions")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_as_each_language_writes_them() {
        assert_eq!(Lang::Ja.day("2022-09-21"), "2022年9月21日");
        assert_eq!(Lang::En.day("2022-09-21"), "21 Sep 2022");
        assert_eq!(Lang::Ja.day("2023-10"), "2023-10");
    }

    #[test]
    fn the_consent_caveat_is_the_one_the_cli_prints() {
        let shared = tsunagu_core::text::consent_caveat();
        assert_eq!(Lang::Ja.texts().planner_view.caveat, shared.ja);
        assert_eq!(Lang::En.texts().planner_view.caveat, shared.en);
    }

    #[test]
    fn the_row_buttons_words_are_within_their_accessible_names() {
        // WCAG 2.5.3 (label in name): speech users say what they see.
        for lang in Lang::ALL {
            let t = &lang.texts().upkeep;
            assert!(
                t.edit.replace("{name}", "X").contains(t.edit_button),
                "{lang:?}"
            );
            assert!(
                t.remove.replace("{name}", "X").contains(t.remove_button),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn months_read_naturally_in_each_language() {
        assert_eq!(Lang::Ja.month("2016-06"), "2016年6月");
        assert_eq!(Lang::En.month("2016-06"), "Jun 2016");
        assert_eq!(Lang::En.month("2016-13"), "2016-13");
        assert_eq!(Lang::Ja.month("soon"), "soon");
    }

    #[test]
    fn counts_and_lists_follow_each_language() {
        assert_eq!(Lang::En.count(1, Noun::Relay), "1 relay");
        assert_eq!(Lang::En.count(2, Noun::Problem), "2 problems");
        assert_eq!(Lang::En.count(1, Noun::Match), "1 match");
        assert_eq!(Lang::Ja.count(3, Noun::Union), "3 ユニオン");
        assert_eq!(Lang::En.tally(1, Noun::Union), "1 union");
        assert_eq!(
            Lang::En.tally(0, Noun::DisclosingHospital),
            "0 disclosing hospitals"
        );
        assert_eq!(Lang::Ja.tally(1, Noun::Union), "1");
        assert_eq!(Lang::En.place("南渡島"), "Minami-Oshima");
        assert_eq!(Lang::En.place("釧路市"), "Kushiro");
        assert_eq!(Lang::En.place("上川中部"), "上川中部");
        assert_eq!(Lang::Ja.place("苫小牧市"), "苫小牧市");
        let names = ["A".to_owned(), "B".to_owned()];
        assert_eq!(Lang::En.list(&names), "A, B");
        assert_eq!(Lang::Ja.list(&names), "A、B");
    }

    #[test]
    fn plan_costs_read_in_each_language() {
        assert_eq!(
            cost_text(Lang::Ja, Some((7, 0))),
            "7 ユニオンに加入（中継なし）"
        );
        assert_eq!(
            cost_text(Lang::En, Some((2, 0))),
            "join 2 unions (no relay)"
        );
        assert_eq!(
            cost_text(Lang::Ja, Some((2, 1))),
            "2 ユニオンに加入（中継 最大 1 回）"
        );
        assert_eq!(
            cost_text(Lang::En, Some((1, 1))),
            "join 1 union (at most 1 relay)"
        );
        assert_eq!(
            cost_text(Lang::En, Some((0, 2))),
            "no union to join (at most 2 relays)"
        );
        assert_eq!(cost_text(Lang::Ja, None), "届かない");
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_rejected() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn the_languages_differ_in_every_view_label() {
        let (ja, en) = (Lang::Ja.texts(), Lang::En.texts());
        for (a, b) in [
            (&ja.planner, &en.planner),
            (&ja.network, &en.network),
            (&ja.growth, &en.growth),
            (&ja.whatif, &en.whatif),
            (&ja.wards, &en.wards),
            (&ja.data, &en.data),
        ] {
            assert_ne!(a.nav, b.nav);
            assert_ne!(a.title, b.title);
        }
        assert_ne!(ja.app_title, en.app_title);
    }
}
