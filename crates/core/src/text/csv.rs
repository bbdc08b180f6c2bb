//! The words of the facilities CSV: the headers accepted for each column,
//! the words for a facility's kind, and the header tsunagu writes. They are
//! the file format's vocabulary, in the Japanese that union offices write.

use crate::model::FacilityKind;

/// The columns a facilities CSV may have, with the header names accepted.
pub const COLUMNS: [(&str, &[&str]); 6] = [
    ("id", &["id", "ＩＤ", "施設id", "施設ID"]),
    (
        "name",
        &["name", "施設名", "名称", "医療機関名", "facility"],
    ),
    ("kind", &["kind", "type", "種別", "種類"]),
    ("ward", &["ward", "区"]),
    ("unions", &["unions", "union", "ユニオン", "加入ユニオン"]),
    (
        "officer_lists",
        &[
            OFFICER_LIST_COLUMN,
            "幹事一覧のみ",
            "officer list only",
            "officer_lists",
        ],
    ),
];

/// The header of the unions a facility is only on the 幹事一覧 (officer
/// list) of: the report does not say it is a member, so tsunagu's export
/// keeps them out of the ユニオン column, and a union office reading the
/// roster sees they are still to be confirmed.
pub const OFFICER_LIST_COLUMN: &str = "幹事一覧のみ（加入は要確認）";

/// Headers the importer knows and leaves alone on purpose: the day of
/// confirmation that tsunagu's own export writes (an import records its own
/// day instead). Any other header it does not read is warned about.
pub const SKIPPED_COLUMNS: [&str; 2] = ["確認日", "confirmed"];

/// The kind column's usual header, as a warning names it when a row leaves
/// it out.
pub const KIND_COLUMN: &str = "種別";

/// The ward column's usual header (see [`KIND_COLUMN`]).
pub const WARD_COLUMN: &str = "区";

/// The unions column's usual header (see [`KIND_COLUMN`]).
pub const UNIONS_COLUMN: &str = "ユニオン";

/// The name column's headers, as a problem names them when it is missing.
pub const NAME_COLUMN: &str = "施設名 / name";

/// The header tsunagu writes when it exports facilities: the six columns
/// the importer reads, then the day each record was last confirmed (which
/// the importer ignores).
pub const EXPORT_HEADER: [&str; 7] = [
    "ID",
    "施設名",
    "種別",
    "区",
    "ユニオン",
    OFFICER_LIST_COLUMN,
    "確認日",
];

/// The kind a cell names, in Japanese or English (an empty cell names none:
/// the caller leaves the kind unknown).
pub fn kind_of(text: &str) -> Option<FacilityKind> {
    // ASCII folding matches exactly what Unicode folding would for these
    // words, with less code in the wasm.
    match text.trim().to_ascii_lowercase().as_str() {
        "診療所" | "クリニック" | "clinic" => Some(FacilityKind::Clinic),
        "病院" | "hospital" => Some(FacilityKind::Hospital),
        "薬局" | "保険薬局" | "pharmacy" => Some(FacilityKind::Pharmacy),
        "介護施設" | "介護" | "care" => Some(FacilityKind::Care),
        "不明" | "unknown" => Some(FacilityKind::Unknown),
        _ => None,
    }
}

/// The name a CSV gives a facility kind, in Japanese.
pub fn kind_label(kind: FacilityKind) -> &'static str {
    match kind {
        FacilityKind::Clinic => "診療所",
        FacilityKind::Hospital => "病院",
        FacilityKind::Pharmacy => "薬局",
        FacilityKind::Care => "介護施設",
        FacilityKind::Unknown => "不明",
    }
}

/// A ward of Sapporo with its city, as an address writes it: 「札幌市中央区」.
pub fn ward_with_city(ward: &str) -> String {
    format!("札幌市{ward}")
}
