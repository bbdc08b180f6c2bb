//! The dataset: Sapporo's ID-Link network as the council's report describes
//! it, as plain serde types. DATA.md documents every field.
//!
//! Records refer to each other by id newtypes, never by position. Every
//! record carries its [`Source`]: the report's section, and the words quoted
//! from it. Counts keep what the report wrote (`"300以上"`, `"調査中"`) next
//! to what it means, so a lower bound or an unknown is never read as a number.

use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written in the dataset.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }
    };
}

id_newtype!(
    /// Names a section of the source report.
    SectionId
);
id_newtype!(
    /// Names a 区 (ward) of Sapporo.
    WardId
);
id_newtype!(
    /// Names a hospital: a 開示病院 or any other hospital the report names.
    HospitalId
);
id_newtype!(
    /// Names an ID-Link ユニオン (union).
    UnionId
);
id_newtype!(
    /// Names a hospital-to-hospital link.
    LinkId
);
id_newtype!(
    /// Names a member facility (閲覧施設) the report names.
    FacilityId
);
id_newtype!(
    /// Names a designation such as 救命救急センター.
    DesignationId
);
id_newtype!(
    /// Names a recorded discrepancy in the report.
    DiscrepancyId
);

/// A month, written `YYYY-MM`. Kept as written; `validate` checks it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Month(pub String);

impl Month {
    /// The year and month, if the text is a valid `YYYY-MM` between 1900 and 2100.
    pub fn parts(&self) -> Option<(u16, u8)> {
        parse_month(&self.0)
    }
}

/// A calendar date, written `YYYY-MM-DD`. Kept as written; `validate` checks it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Date(pub String);

impl Date {
    /// The year, month and day, if the text is a valid `YYYY-MM-DD`.
    pub fn parts(&self) -> Option<(u16, u8, u8)> {
        let (month, day) = self.0.rsplit_once('-')?;
        let (year, month) = parse_month(month)?;
        let day: u8 = exact_digits(day, 2)?.parse().ok()?;
        let days = match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (1..=days).contains(&day).then_some((year, month, day))
    }
}

fn exact_digits(text: &str, len: usize) -> Option<&str> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then_some(text)
}

fn parse_month(text: &str) -> Option<(u16, u8)> {
    let (year, month) = text.split_once('-')?;
    let year: u16 = exact_digits(year, 4)?.parse().ok()?;
    let month: u8 = exact_digits(month, 2)?.parse().ok()?;
    ((1900..=2100).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}

/// A text in Japanese, with an English rendering.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// 日本語.
    pub ja: String,
    /// English.
    pub en: String,
}

/// A text in Japanese and English, with where the report prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcedText {
    /// 日本語: the report's words, or a close paraphrase of them.
    pub ja: String,
    /// English.
    pub en: String,
    /// Where it is printed.
    pub source: Source,
}

/// Where in the report a fact is printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The report's section.
    pub section: SectionId,
    /// The words as printed, when they help to find the fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// Implements `Deserialize` for a unit-only enum from its names (as
/// `rename_all = "snake_case"` writes them).
///
/// Records are read from text only (see `validate::load_dataset`). A derived
/// impl asks for `deserialize_enum`, and `serde_json`'s text reader answers a
/// number there with a bare "expected value", where reading a
/// `serde_json::Value` said "invalid type: integer `7`, expected string or
/// map". Reading through `deserialize_any` keeps the latter message, and
/// accepts the same inputs as before: the name, or a map from the name to
/// `null`.
macro_rules! unit_enum_from_names {
    ($name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Names;
                impl<'de> serde::de::Visitor<'de> for Names {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("string or map")
                    }

                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$name, E> {
                        match text {
                            $($text => Ok($name::$variant),)+
                            _ => Err(E::unknown_variant(text, &[$($text),+])),
                        }
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$name, A::Error> {
                        use serde::de::{Error, IgnoredAny, Unexpected};
                        let single = || A::Error::invalid_value(Unexpected::Map, &"map with a single key");
                        let Some(key) = map.next_key::<String>()? else {
                            return Err(single());
                        };
                        map.next_value::<()>()?;
                        if map.next_key::<IgnoredAny>()?.is_some() {
                            return Err(single());
                        }
                        self.visit_str(&key)
                    }
                }
                deserializer.deserialize_any(Names)
            }
        }
    };
}

/// How a printed count is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
// Deserialize: `unit_enum_from_names!` below.
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The number as printed.
    Exact,
    /// At least the number ("300以上").
    AtLeast,
    /// Not known ("調査中", "—"): never zero.
    Unknown,
}

unit_enum_from_names!(Bound { Exact = "exact", AtLeast = "at_least", Unknown = "unknown" });

impl Bound {
    /// The name the data writes: `exact`, `at_least` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::AtLeast => "at_least",
            Bound::Unknown => "unknown",
        }
    }
}

/// One printed reading of a count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountReading {
    /// The count as printed, such as `"1,714"`, `"300以上"` or `"調査中"`.
    pub as_written: String,
    /// The number, or `None` when [`Bound::Unknown`].
    pub value: Option<i64>,
    /// How to read `value`.
    pub bound: Bound,
    /// Where it is printed.
    pub source: Source,
}

/// How precise a position is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
// Deserialize: `unit_enum_from_names!` below.
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Somewhere in the ward: the point stands for the ward (± a few km).
    WardCentroid,
    /// Somewhere in the city (± 5 km or more).
    CityCentroid,
}

unit_enum_from_names!(Precision { WardCentroid = "ward_centroid", CityCentroid = "city_centroid" });

/// A position for the map, with how much to trust it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coords {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// What the point stands for.
    pub precision: Precision,
}

/// Metadata about the dataset and the report it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// A short name for the dataset.
    pub id: String,
    /// The dataset's title.
    pub title: Text,
    /// The report's title, as printed.
    pub source_title: String,
    /// The report's author, as printed.
    pub source_author: String,
    /// The day the report's figures describe (the council's founding meeting).
    pub source_date: Date,
}

/// A section of the report, by its heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The section's id, used by [`Source::section`].
    pub id: SectionId,
    /// The heading as printed (tables without one are named by their columns).
    pub heading: String,
    /// A short title for the UI, in both languages.
    pub title: Text,
    /// Where it is in the report (its order among the headings).
    pub position: u32,
}

/// A row of the Sapporo medical association's table of institutions.
/// 中央区 has two rows, 中央区東 and 中央区西; every other ward has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssociationRow {
    /// The row's name as printed ("中央区東").
    pub name: String,
    /// 病院: hospitals.
    pub hospitals: i64,
    /// 診療所: clinics.
    pub clinics: i64,
    /// 医療機関数: medical institutions.
    pub institutions: i64,
    /// 医師会会員数: members of the medical association.
    pub members: i64,
}

/// One of Sapporo's ten 区 (wards).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ward {
    /// The ward's id.
    pub id: WardId,
    /// Its name ("中央区").
    pub name: String,
    /// Its English name ("Chuo").
    pub name_en: String,
    /// 面積, km².
    pub area_km2: f64,
    /// 世帯数: households.
    pub households: i64,
    /// 人口: population.
    pub population: i64,
    /// ID-Link 閲覧施設: facilities in the ward that view records on ID-Link.
    pub viewing_facilities: i64,
    /// The medical association's rows for this ward.
    pub association_rows: Vec<AssociationRow>,
    /// Where to draw it.
    pub coords: Coords,
    /// Where its figures are printed.
    pub sources: Vec<Source>,
}

/// A designation a hospital holds, as printed on its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignationClaim {
    /// The words as printed ("地域がん診療連携拠点病院").
    pub label: String,
    /// The designation they stand for, when it is one the dataset defines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designation: Option<DesignationId>,
    /// Where it is printed.
    pub source: Source,
}

/// A note on a record, in both languages.
pub type Note = Text;

/// A hospital: one of the seven ID-Link 開示病院, a partner hospital outside
/// Sapporo, or a designated hospital in Sapporo that the report does not
/// list as a 開示病院.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hospital {
    /// The hospital's id.
    pub id: HospitalId,
    /// The name as the report mostly writes it.
    pub name: String,
    /// Other spellings and names the report uses (手稲渓仁会病院, 手稲深仁会病院).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// English name.
    pub name_en: String,
    /// Whether it is an ID-Link 開示病院 in the report's table.
    pub discloses: bool,
    /// Its ward, for a hospital in Sapporo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ward: Option<WardId>,
    /// Its city ("函館市"), when the report says or implies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Its 医療圏 (medical region), when the report says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// 病床数: beds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<i64>,
    /// 連携医療機関数 as printed; several readings when the report disagrees with itself.
    #[serde(default)]
    pub linked_institutions: Vec<CountReading>,
    /// ID-Link 稼働: the month its ID-Link disclosure went live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idlink_go_live: Option<Month>,
    /// Designations printed on its page.
    #[serde(default)]
    pub designations: Vec<DesignationClaim>,
    /// Where to draw it. `None` when the report does not place it at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coords: Option<Coords>,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Where it is printed.
    pub sources: Vec<Source>,
}

/// A count at a date ("32施設, 2022年9月21日現在").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedCount {
    /// The day the count describes.
    pub as_of: Date,
    /// The count.
    pub count: i64,
    /// Where it is printed.
    pub source: Source,
}

/// An event in a union's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEvent {
    /// When.
    pub month: Month,
    /// What happened.
    pub text: Text,
    /// Where it is printed.
    pub source: Source,
}

impl Dataset {
    /// The hospital with this id.
    ///
    /// # Complexity
    /// O(hospitals): a scan, fine for a view's few look-ups; index the
    /// records for many.
    pub fn hospital(&self, id: &HospitalId) -> Option<&Hospital> {
        self.hospitals.iter().find(|h| &h.id == id)
    }

    /// The union with this id (a scan, as [`Dataset::hospital`]).
    pub fn union(&self, id: &UnionId) -> Option<&Union> {
        self.unions.iter().find(|u| &u.id == id)
    }

    /// The facility with this id (a scan, as [`Dataset::hospital`]).
    pub fn facility(&self, id: &FacilityId) -> Option<&Facility> {
        self.facilities.iter().find(|f| &f.id == id)
    }

    /// The ward with this id (a scan, as [`Dataset::hospital`]).
    pub fn ward(&self, id: &WardId) -> Option<&Ward> {
        self.wards.iter().find(|w| &w.id == id)
    }

    /// The report's section with this id (a scan, as [`Dataset::hospital`]).
    pub fn section(&self, id: &SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| &s.id == id)
    }

    /// A hospital's name, or its id when the data lacks it.
    pub fn hospital_name(&self, id: &HospitalId) -> String {
        self.hospital(id)
            .map_or_else(|| id.0.clone(), |h| h.name.clone())
    }

    /// A hospital's name in Japanese and English, for the shared texts (its
    /// id in both when the data lacks it).
    pub fn hospital_names(&self, id: &HospitalId) -> Text {
        self.hospital(id).map_or_else(
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

    /// A facility's name, or its id when the data lacks it.
    pub fn facility_name(&self, id: &FacilityId) -> String {
        self.facility(id)
            .map_or_else(|| id.0.clone(), |f| f.name.clone())
    }

    /// The hospital link with this id (a scan, as [`Dataset::hospital`]).
    pub fn link(&self, id: &LinkId) -> Option<&Link> {
        self.links.iter().find(|l| &l.id == id)
    }

    /// A union's name, or its id when the data lacks it.
    pub fn union_name(&self, id: &UnionId) -> String {
        self.union(id)
            .map_or_else(|| id.0.clone(), |u| u.name.clone())
    }

    /// A union's printed name and its English rendering (the printed name
    /// again where the data has none; the id in both if unknown).
    pub fn union_names(&self, id: &UnionId) -> Text {
        self.union(id).map_or_else(
            || Text {
                ja: id.0.clone(),
                en: id.0.clone(),
            },
            Union::names,
        )
    }

    /// The ids of the 開示病院, in the dataset's order.
    pub fn disclosing_ids(&self) -> Vec<HospitalId> {
        self.hospitals
            .iter()
            .filter(|h| h.discloses)
            .map(|h| h.id.clone())
            .collect()
    }

    /// The 医療圏 the hospitals name, sorted, each once.
    pub fn regions(&self) -> Vec<String> {
        let mut regions: Vec<String> = self
            .hospitals
            .iter()
            .filter_map(|h| h.region.clone())
            .collect();
        crate::order::sort(&mut regions);
        regions.dedup();
        regions
    }

    /// Adds a section (for records that do not come from the report: hand
    /// edits, what-ifs) unless one with its id is there.
    pub fn ensure_section(&mut self, id: &str, heading: &str, title: Text, position: u32) {
        if !self.sections.iter().any(|s| s.id.0 == id) {
            self.sections.push(Section {
                id: SectionId(id.to_owned()),
                heading: heading.to_owned(),
                title,
                position,
            });
        }
    }
}

impl Union {
    /// Its printed name and its English rendering (the printed name again
    /// where it has none: a blank rendering is no rendering).
    pub fn names(&self) -> Text {
        Text {
            ja: self.name.clone(),
            en: self
                .name_en
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| self.name.clone()),
        }
    }

    /// A union with just an id, a name, its hosts and one source.
    pub fn new(id: UnionId, name: String, hosts: Vec<HospitalId>, source: Source) -> Self {
        Self {
            id,
            name,
            name_en: None,
            aliases: Vec::new(),
            hosts,
            founded: None,
            how_to_join: Vec::new(),
            registered_facilities: Vec::new(),
            history: Vec::new(),
            notes: Vec::new(),
            sources: vec![source],
        }
    }
}

/// An ID-Link ユニオン: the group of facilities that may view a hospital's
/// records, with patient consent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Union {
    /// The union's id.
    pub id: UnionId,
    /// The name the report prints on the UNION label.
    pub name: String,
    /// Its English name: a rendering (the report has none), shown in the
    /// English UI beside the printed name. Omitted, the printed name serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Other names the report uses.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The hospitals whose records its members view; at least one.
    pub hosts: Vec<HospitalId>,
    /// ユニオン発足: the month it was founded, if printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<Month>,
    /// What the report says about joining it, each passage quoted with its
    /// source (会則, a hospital's page). Empty when the report says nothing;
    /// [`crate::text::how_to_join`] then falls back on the report's general
    /// advice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub how_to_join: Vec<SourcedText>,
    /// Registered facilities, as counted at a date.
    #[serde(default)]
    pub registered_facilities: Vec<DatedCount>,
    /// Its history, oldest first.
    #[serde(default)]
    pub history: Vec<HistoryEvent>,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Where it is printed.
    pub sources: Vec<Source>,
}

/// What a hospital-to-hospital link is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
// Deserialize: `unit_enum_from_names!` below.
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// 病院間協定: an inter-hospital agreement.
    Agreement,
    /// An entry in a hospital's list of ID-Link 連携病院.
    IdlinkPartner,
}

unit_enum_from_names!(LinkKind { Agreement = "agreement", IdlinkPartner = "idlink_partner" });

/// A link between two hospitals along which records can be relayed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The link's id.
    pub id: LinkId,
    /// What it is.
    pub kind: LinkKind,
    /// The hospital whose page lists it.
    pub from: HospitalId,
    /// The partner.
    pub to: HospitalId,
    /// `true` when it runs only from `from` to `to`. Links are two-way
    /// unless the data says otherwise.
    #[serde(default)]
    pub directed: bool,
    /// The 医療圏 the report groups it under, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_group: Option<String>,
    /// Where it is printed, with the partner's name as written there.
    pub source: Source,
}

/// A recorded connection between two unions (ユニオン間の接続): members of
/// one view what the other's hosts disclose. Only an explicit agreement makes
/// one, and the report records none: connecting the unions is the council's
/// next step (「全体でユニオンを繋げる」). what-ifs propose them as
/// [`crate::graph::UnionLink`]s instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnionConnection {
    /// The connection's id.
    pub id: LinkId,
    /// One union.
    pub a: UnionId,
    /// The other.
    pub b: UnionId,
    /// `true` when it runs only from `a` to `b`.
    #[serde(default)]
    pub directed: bool,
    /// Where the agreement is recorded.
    pub source: Source,
}

/// What kind of institution a facility is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
// Deserialize: `unit_enum_from_names!` below.
#[serde(rename_all = "snake_case")]
pub enum FacilityKind {
    /// A hospital that views records (not a disclosing one).
    Hospital,
    /// 診療所: a clinic.
    Clinic,
    /// 薬局: a pharmacy.
    Pharmacy,
    /// A care facility.
    Care,
    /// Not known: an import that did not say (never guessed).
    Unknown,
}

unit_enum_from_names!(FacilityKind {
    Hospital = "hospital",
    Clinic = "clinic",
    Pharmacy = "pharmacy",
    Care = "care",
    Unknown = "unknown"
});

/// A facility's membership of a union.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// The union.
    pub union: UnionId,
    /// Where the report shows it.
    pub source: Source,
    /// How the report shows it: said outright (a UNION label, an import),
    /// or only inferred (the facility is on the union's 幹事一覧).
    #[serde(default, skip_serializing_if = "MembershipBasis::is_stated")]
    pub basis: MembershipBasis,
}

impl Membership {
    /// A membership said outright, at `source`.
    pub fn stated(union: UnionId, source: Source) -> Self {
        Self {
            union,
            source,
            basis: MembershipBasis::Stated,
        }
    }

    /// Whether it counts as membership: only one said outright lets the
    /// facility view the union's hosts' records. An inferred one is
    /// shown, marked, and the facility told to check it.
    pub fn is_stated(&self) -> bool {
        self.basis.is_stated()
    }
}

/// How the report shows a membership.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
// Deserialize: `unit_enum_from_names!` below.
#[serde(rename_all = "snake_case")]
pub enum MembershipBasis {
    /// Said outright: a UNION label on the facility's page, a roster, an
    /// import, an edit.
    #[default]
    Stated,
    /// Inferred: someone at the facility is on the union's 幹事一覧
    /// (officer list). The report does not say the facility is a member.
    OfficerList,
}

unit_enum_from_names!(MembershipBasis { Stated = "stated", OfficerList = "officer_list" });

impl MembershipBasis {
    /// Whether the membership is said outright.
    pub fn is_stated(&self) -> bool {
        *self == Self::Stated
    }
}

/// A member facility the report names. The report mostly gives counts; only
/// the facilities it names are records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facility {
    /// The facility's id.
    pub id: FacilityId,
    /// Its name as printed.
    pub name: String,
    /// What it is.
    pub kind: FacilityKind,
    /// Its ward, when the report places it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ward: Option<WardId>,
    /// The unions it belongs to.
    pub memberships: Vec<Membership>,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Where it is printed.
    pub sources: Vec<Source>,
    /// When the record was last confirmed (an import or a hand edit sets it). Without one,
    /// the record is as of the report: [`Meta::source_date`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed: Option<Date>,
    /// Who confirmed it, in free text (a union's office, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_by: Option<String>,
}

impl Facility {
    /// When the record was last confirmed: its own date, or the report's.
    pub fn confirmed_on<'a>(&'a self, meta: &'a Meta) -> &'a Date {
        self.confirmed.as_ref().unwrap_or(&meta.source_date)
    }
}

/// A designation such as 救命救急センター.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Designation {
    /// The designation's id.
    pub id: DesignationId,
    /// Its name as the report prints it.
    pub name: String,
    /// English name.
    pub name_en: String,
}

/// A cell entry of the report's table of Sapporo's designated hospitals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignationListing {
    /// The table's column.
    pub designation: DesignationId,
    /// The hospital listed.
    pub hospital: HospitalId,
    /// The table's row, as printed ("中央区(東・西)").
    pub row: String,
    /// Where it is printed.
    pub source: Source,
}

/// A ratio printed under the designation table ("3/5": 3 of 5 on ID-Link).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintedRatio {
    /// The column.
    pub designation: DesignationId,
    /// As printed.
    pub as_written: String,
    /// Hospitals of the column on ID-Link.
    pub on_idlink: i64,
    /// Hospitals in the column.
    pub total: i64,
    /// Where it is printed.
    pub source: Source,
}

/// A total printed in the report, kept to check the records against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrintedTotal {
    /// What it totals (`population`, `beds`, …; DATA.md lists them).
    pub key: String,
    /// As printed ("4,022 以上").
    pub as_written: String,
    /// The number.
    pub value: f64,
    /// How to read it.
    pub bound: Bound,
    /// Where it is printed.
    pub source: Source,
}

/// A dated event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// When (`YYYY-MM-DD`).
    pub date: Date,
    /// What happened.
    pub text: Text,
    /// Where it is printed.
    pub source: Source,
}

/// A place where the report disagrees with itself. Both readings are kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discrepancy {
    /// The discrepancy's id.
    pub id: DiscrepancyId,
    /// The record concerned, as a JSON pointer into the dataset ("/hospitals/2").
    pub subject: String,
    /// The field concerned.
    pub field: String,
    /// Each reading, with its source.
    pub readings: Vec<Reading>,
    /// What the data does about it.
    pub note: Text,
}

/// One of the differing readings of a discrepancy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    /// As printed.
    pub as_written: String,
    /// Where.
    pub source: Source,
}

/// An institution on the さっぽろID-Link連絡会, with how many 世話人 it sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilMember {
    /// The institution's name as printed.
    pub name: String,
    /// The hospital, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hospital: Option<HospitalId>,
    /// The facility, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility: Option<FacilityId>,
    /// 世話人 (officers) from this institution.
    pub officers: i64,
}

/// さっぽろID-Link連絡会: the council of the seven hospitals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    /// Its name.
    pub name: String,
    /// 発足: its founding day.
    pub founded: Date,
    /// The hospital that hosts its secretariat (事務局).
    pub secretariat: HospitalId,
    /// Institutions with officers on it.
    pub members: Vec<CouncilMember>,
    /// Observer organisations (オブザーバー).
    pub observers: Vec<String>,
    /// Where it is printed.
    pub sources: Vec<Source>,
}

/// A whole dataset in tsunagu's format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Must be [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// About the dataset.
    pub meta: Meta,
    /// The report's sections, for sources to point at.
    pub sections: Vec<Section>,
    /// Sapporo's ten wards.
    pub wards: Vec<Ward>,
    /// Hospitals.
    pub hospitals: Vec<Hospital>,
    /// Unions.
    pub unions: Vec<Union>,
    /// Hospital-to-hospital links: context, never access on their own
    /// (see [`crate::access`]).
    pub links: Vec<Link>,
    /// Recorded union-to-union connections (none in the report).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub union_links: Vec<UnionConnection>,
    /// Named member facilities.
    pub facilities: Vec<Facility>,
    /// Designations.
    pub designations: Vec<Designation>,
    /// The table of Sapporo's designated hospitals.
    pub designation_listings: Vec<DesignationListing>,
    /// The ratios printed under that table.
    pub printed_ratios: Vec<PrintedRatio>,
    /// Totals printed in the report.
    pub printed_totals: Vec<PrintedTotal>,
    /// The council.
    pub council: Council,
    /// Dated events not recorded elsewhere.
    pub milestones: Vec<Milestone>,
    /// Where the report disagrees with itself.
    pub discrepancies: Vec<Discrepancy>,
}

/// The section that sources what a what-if adds ([`crate::whatif`]); a
/// path through a record sourced here rests on the what-if.
pub const WHAT_IF_SECTION: &str = "what_if";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_enums_read_from_text_as_they_did_from_values() {
        // What the derived impl said when records were read from `Value`s.
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Derived {
            Agreement,
            IdlinkPartner,
        }
        let from_text =
            |text: &str| serde_json::from_str::<LinkKind>(text).map_err(|e| e.to_string());
        let from_value = |text: &str| {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            Derived::deserialize(&value).map_err(|e| e.to_string())
        };
        assert_eq!(
            from_text(r#""idlink_partner""#),
            Ok(LinkKind::IdlinkPartner)
        );
        assert_eq!(from_text(r#"{"agreement": null}"#), Ok(LinkKind::Agreement));
        for bad in ["7", r#""friend""#, "{}", r#"{"agreement": 1}"#, "[]"] {
            let text = from_text(bad).unwrap_err();
            let value = from_value(bad).unwrap_err();
            // Text adds " at line L column C", which `validate` strips.
            assert!(text.starts_with(&value), "{bad}: {text} / {value}");
        }
    }

    #[test]
    fn months_parse_only_when_well_formed() {
        assert_eq!(Month("2012-03".into()).parts(), Some((2012, 3)));
        for bad in [
            "2012-3",
            "2012-13",
            "2012-00",
            "12-03",
            "2012/03",
            "",
            "1899-12",
            "２０１２-03",
        ] {
            assert_eq!(Month(bad.into()).parts(), None, "{bad}");
        }
    }

    #[test]
    fn dates_know_month_lengths_and_leap_years() {
        assert_eq!(Date("2023-10-31".into()).parts(), Some((2023, 10, 31)));
        assert_eq!(Date("2024-02-29".into()).parts(), Some((2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2023-09-31",
            "2023-10-32",
            "2023-10-1",
            "2023-10",
            "1900-02-29",
        ] {
            assert_eq!(Date(bad.into()).parts(), None, "{bad}");
        }
    }
}
