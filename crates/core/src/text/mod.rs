//! Texts that the app and the CLI share, in Japanese and English: the access
//! rules, assumptions, why a target is out of reach, and the context line
//! for a hospital link. Each is a function of its values, so the two
//! languages cannot drift apart in what they say.

pub mod csv;
pub mod problem;

use crate::access::{Assumption, Rules};
use crate::model::{Dataset, LinkKind, Source, SourcedText, Text, Union, UnionId};

fn text(ja: impl Into<String>, en: impl Into<String>) -> Text {
    Text {
        ja: ja.into(),
        en: en.into(),
    }
}

/// Each printed total's key, with its name in Japanese and English.
const TOTAL_NAMES: &[(&str, &str, &str)] = &[
    ("population", "人口", "Population"),
    ("households", "世帯数", "Households"),
    ("area_km2", "面積（km²）", "Area (km²)"),
    (
        "hospitals",
        "病院数（医師会の表）",
        "Hospitals (medical association's table)",
    ),
    (
        "clinics",
        "診療所数（医師会の表）",
        "Clinics (medical association's table)",
    ),
    (
        "institutions",
        "医療機関数（医師会の表）",
        "Medical institutions (medical association's table)",
    ),
    (
        "association_members",
        "医師会会員数",
        "Medical association members",
    ),
    (
        "viewing_facilities",
        "ID-Link 閲覧施設",
        "ID-Link viewing facilities",
    ),
    (
        "disclosing_hospitals",
        "ID-Link 開示病院",
        "ID-Link disclosing hospitals",
    ),
    (
        "beds",
        "開示病院の病床数",
        "Beds of the disclosing hospitals",
    ),
    (
        "linked_institutions",
        "連携医療機関数",
        "Linked institutions",
    ),
    ("idlink_go_lives", "ID-Link 稼働", "ID-Link go-lives"),
    ("unions", "ユニオン発足", "Unions founded"),
    (
        "idlink_linked_facilities",
        "ID-Link 連携施設数",
        "ID-Link linked facilities",
    ),
    ("idlink_users", "利用者数", "Users"),
    (
        "disclosure_server_hospitals",
        "情報公開サーバー設置病院（はじめに）",
        "Hospitals with a disclosure server (introduction)",
    ),
    (
        "sapporo_population_approx",
        "札幌市の人口（はじめに）",
        "Sapporo's population (introduction)",
    ),
    (
        "hokkaido_population_approx",
        "北海道の人口（はじめに）",
        "Hokkaido's population (introduction)",
    ),
    (
        "council_hospitals",
        "連絡会の病院（はじめに）",
        "The council's hospitals (introduction)",
    ),
];

/// The name of the printed total `key` (`population`: 人口), for tables and
/// for the warning when the records add up to something else.
pub fn total_name(key: &str) -> Option<Text> {
    TOTAL_NAMES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, ja, en)| text(*ja, *en))
}

/// Words a facility's or union's name may be broken before when it takes
/// two lines in a picture (「みきファミリー｜クリニック」), rather than
/// inside one (「みきファミリークリニ｜ック」).
pub const NAME_BREAKS: &[&str] = &[
    "クリニック",
    "病院",
    "医院",
    "薬局",
    "協議会",
    "システム",
    "ネットワーク",
    "センター",
];

/// The word after a lower bound in a printed count: 「300以上」.
pub const AT_LEAST: &str = "以上";

/// After a year, as a month is written in Japanese (2023年5月).
pub const YEAR: char = '年';

/// After a month, as it is written in Japanese (2023年5月).
pub const MONTH: char = '月';

/// The rule set's name.
pub fn rules_name(rules: Rules) -> Text {
    match rules {
        Rules::Confirmed => text(
            "確認済みの規則：ユニオンの加入施設だけが、そのホスト病院の記録を閲覧できる",
            "Confirmed rule: only members of a union view its host hospital's records",
        ),
        Rules::AssumeAgreements => text(
            "未確認の仮定：病院間協定・ID-Link 連携病院の先も閲覧できるとみなす",
            "Unconfirmed assumption: hospital agreements and ID-Link partner links count as access",
        ),
    }
}

/// The short mark an answer under an assumption carries.
pub fn assumption_mark(assumption: Assumption) -> Text {
    match assumption {
        Assumption::Agreements => text(
            "未確認の仮定（病院間の連携を経由）",
            "Unconfirmed assumption (through a hospital-to-hospital link)",
        ),
        Assumption::WhatIf => text(
            "仮定（もしも：提案された変更）",
            "Hypothetical (what-if: a proposed change)",
        ),
    }
}

/// Why an assumption is not to be relied on.
pub fn assumption_caveat(assumption: Assumption) -> Text {
    match assumption {
        Assumption::Agreements => text(
            "報告書は、病院間協定や ID-Link 連携病院が、ユニオンの加入施設に相手病院の記録を開くとは述べていません。加入しないまま閲覧できると考えないでください。確認済みの規則では、記録を閲覧できるのはその病院が開くユニオンの加入施設だけで、ユニオンを開いていない病院の記録には届きません。このプランが連携の先に届くとしているのは、この仮定によるものです。",
            "The report never says that a hospital agreement or an ID-Link partner entry opens the partner's records to a union's member facilities. Do not count on viewing them without joining. Under the confirmed rules, only members of a union a hospital hosts can view its records, and a hospital that hosts no union cannot be reached; this plan reaches past a link only because of this assumption.",
        ),
        Assumption::WhatIf => text(
            "このプランは、もしもで提案された変更（ユニオンの接続、加入、稼働）の上に立ち、報告書のデータではまだそうなっていません。札幌のユニオンはまだ繋がっていません（報告書「次のステップ: 全体でユニオンを繋げる」）。",
            "This plan rests on a change the what-if proposes (connected unions, a membership, a go-live), which the report's data does not have yet. Sapporo's unions are not yet connected (the report's next step: 「全体でユニオンを繋げる」).",
        ),
    }
}

/// The consent caveat every answer carries.
pub fn consent_caveat() -> Text {
    text(
        "ユニオンに加入しても、閲覧できるのは同意した患者さんの記録だけです。報告書は市立札幌病院のすずらんネットについて、患者さんの同意が必要で、同意撤回の自由もあると述べています。同意の取り方はネットワークごとに違うので、加入するユニオンに確かめてください。",
        "Joining a union does not open every record: only those of patients who consent. The report says so of 市立札幌病院's すずらんネット (consent is needed, and may be withdrawn). How consent is taken differs between networks; ask the union you join.",
    )
}

/// A union the report says nothing about joining: ask its host.
pub fn ask_host() -> Text {
    text(
        "報告書にはこのユニオンへの加入方法の記載がありません。ホスト病院に問い合わせてください。",
        "The report says nothing about joining this union. Ask its host hospital.",
    )
}

/// The context line for a target that shares records with a partner:
/// 「北海道大学病院は手稲溪仁会病院と ID-Link で連携しています（…）」. Under
/// the confirmed rule it says the link does not reach the facility; under
/// the assumption, that whether it does is unconfirmed.
pub fn partner_note(target: &Text, partner: &Text, kind: LinkKind, rules: Rules) -> Text {
    let (ja_how, en_how) = match kind {
        LinkKind::Agreement => (
            "病院間協定を結んでいます",
            "has an inter-hospital agreement (病院間協定) with",
        ),
        LinkKind::IdlinkPartner => (" ID-Link で連携しています", "is linked on ID-Link with"),
    };
    let (ja_reach, en_reach) = match rules {
        Rules::Confirmed => (
            "病院間の連携で、貴施設の閲覧には及びません",
            "sharing between the two hospitals only; it does not extend to your facility",
        ),
        Rules::AssumeAgreements => (
            "病院間の連携です。貴施設の閲覧に及ぶかは未確認です",
            "sharing between the two hospitals; whether it extends to your facility is unconfirmed",
        ),
    };
    text(
        format!("{}は{}と{ja_how}（{ja_reach}）", target.ja, partner.ja),
        format!("{} {en_how} {} ({en_reach})", target.en, partner.en),
    )
}

/// Why a hospital that hosts no union cannot be viewed, and who to ask.
/// `partners` are the 開示病院 it has links with, already joined as a list
/// in each language.
pub fn hosts_no_union(target: &Text, partners: Option<&Text>) -> Text {
    let (ja_ask, en_ask) = match partners {
        Some(p) => (
            format!(
                "連携している開示病院（{}）に相談できますが、閲覧できるとは限りません。",
                p.ja
            ),
            format!(
                " You may ask the disclosing hospitals it is linked with ({}), but that does not promise access.",
                p.en
            ),
        ),
        None => (String::new(), String::new()),
    };
    text(
        format!(
            "{}がホストするユニオンは報告書にないため、加入すれば記録を閲覧できるユニオンを示せません。ID-Link で記録を開示しているか、どこに加入すればよいかは、この病院に確かめてください（報告書は開示病院を10施設としていますが、名前を挙げているのは7施設です）。{ja_ask}",
            target.ja
        ),
        format!(
            "The report names no union that {} hosts, so no union can be shown whose members view its records. Ask the hospital whether it discloses records on ID-Link and what to join (the report counts 10 disclosing hospitals but names only 7).{en_ask}",
            target.en
        ),
    )
}

/// Why a request cannot be planned, in each language.
pub fn plan_error(error: &crate::planner::PlanError) -> Text {
    use crate::planner::PlanError;
    match error {
        PlanError::UnknownFacility(id) => text(
            format!("施設「{id}」はデータにありません"),
            format!("no facility has the id \"{id}\""),
        ),
        PlanError::UnknownUnion(id) => text(
            format!("ユニオン「{id}」はデータにありません"),
            format!("no union has the id \"{id}\""),
        ),
        PlanError::UnknownHospital(id) => text(
            format!("病院「{id}」はデータにありません"),
            format!("no hospital has the id \"{id}\""),
        ),
        PlanError::NoTargets => text(
            "紹介先の病院が選ばれていません",
            "no target hospital was given",
        ),
    }
}

/// Why a target is out of reach, in each language, with the names the
/// reason needs: the target and the hospitals it shares with, and the
/// excluded unions. `hospital` and `union` give a record's name in each
/// language.
pub fn unreachable_reason(
    unreachable: &crate::planner::Unreachable,
    hospital: impl Fn(&crate::model::HospitalId) -> Text,
    union: impl Fn(&UnionId) -> Text,
) -> Text {
    use crate::planner::UnreachableReason;
    let relays = |n: u32| text(format!("{n} 回"), plural(n, "relay", "relays"));
    match &unreachable.reason {
        UnreachableReason::HostsNoUnion => {
            let partners: Vec<Text> = unreachable.shares_with.iter().map(&hospital).collect();
            let list = (!partners.is_empty()).then(|| join_list(&partners));
            hosts_no_union(&hospital(&unreachable.target), list.as_ref())
        }
        UnreachableReason::NoPath => text(
            "どのユニオンからも、病院間の連携をたどって届きません。",
            "No union reaches it, even through hospital links.",
        ),
        UnreachableReason::TooManyRelays { needed, allowed } => {
            let (needed, allowed) = (relays(*needed), relays(*allowed));
            text(
                format!(
                    "最短でも {}の中継が必要で、上限の {}を超えます。",
                    needed.ja, allowed.ja
                ),
                format!(
                    "It needs at least {}, more than the {} allowed.",
                    needed.en, allowed.en
                ),
            )
        }
        UnreachableReason::OnlyExcluded { unions } => {
            let names = join_list(&unions.iter().map(union).collect::<Vec<_>>());
            text(
                format!("除外したユニオン（{}）からしか届きません。", names.ja),
                format!("Only the excluded unions reach it ({}).", names.en),
            )
        }
    }
}

/// An English count with its noun in the right number: "1 relay", "2 relays".
fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A list joined as each language joins lists: 「A、B」 and "A, B".
pub fn join_list(items: &[Text]) -> Text {
    text(
        items
            .iter()
            .map(|t| t.ja.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        items
            .iter()
            .map(|t| t.en.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// What the report says about joining `union`, each passage sourced. When
/// the union's record says nothing, one line pointing to the host, sourced
/// to where the union is printed, so that every union has at least one.
pub fn how_to_join(union: &Union) -> Vec<SourcedText> {
    if !union.how_to_join.is_empty() {
        return union.how_to_join.clone();
    }
    let source = union.sources.first().cloned().unwrap_or_else(|| Source {
        section: crate::model::SectionId(String::new()),
        quote: None,
    });
    let text = ask_host();
    vec![SourcedText {
        ja: text.ja,
        en: text.en,
        source,
    }]
}

/// [`how_to_join`] for a union id, with the union's hosts; `None` for an
/// id the data lacks.
pub fn joining<'a>(data: &'a Dataset, union: &UnionId) -> Option<(&'a Union, Vec<SourcedText>)> {
    let record = data.union(union)?;
    Some((record, how_to_join(record)))
}

/// A what-if file that is not a what-if: where the reader stopped, and why.
pub fn what_if_unreadable(line: usize, column: usize, why: &str) -> Text {
    text(
        format!("{line}行 {column}列: 仮定の JSON として読めません"),
        format!("line {line}, column {column}: not a what-if file: {why}"),
    )
}

/// A data file (tsunagu's JSON) given where a what-if is read.
pub fn data_file_in_what_if() -> Text {
    text(
        "これはつなぐのデータのファイルで、提案のファイルではありません。「データ」の「ファイルを取り込む」で取り込んでください",
        "this is a tsunagu data file, not a what-if: import it in Data",
    )
}

/// A what-if naming a record the data lacks.
pub fn what_if_names_unknown(id: &str) -> Text {
    text(
        format!("「{id}」はデータにありません"),
        format!("\u{201c}{id}\u{201d} is not in the data"),
    )
}

/// A file that is not UTF-8 text where UTF-8 is required.
pub fn not_utf8() -> Text {
    text("UTF-8 ではありません", "not UTF-8")
}

/// The name the report's next step goes by as a what-if: the report's own
/// words, 「全体でユニオンを繋げる」.
pub fn connect_every_union_name() -> &'static str {
    "全体でユニオンを繋げる"
}

/// The section of records typed in by hand: its short heading and title.
pub fn typed_in_section() -> (&'static str, Text) {
    ("手入力", text("つなぐでの手入力", "Entered in tsunagu"))
}

/// The section of what a what-if adds: its short heading and title.
pub fn what_if_section() -> (&'static str, Text) {
    ("仮定", text("仮定（what-if）", "What-if"))
}

/// The title of the section of records imported from `file`.
pub fn imported_section(file: &str) -> Text {
    text(
        format!("取り込んだファイル: {file}"),
        format!("Imported file: {file}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_partner_note_reads_as_the_issue_asks() {
        let hokudai = text("北海道大学病院", "Hokkaido University Hospital");
        let teine = text("手稲溪仁会病院", "Teine Keijinkai Hospital");
        let note = partner_note(&hokudai, &teine, LinkKind::IdlinkPartner, Rules::Confirmed);
        assert_eq!(
            note.ja,
            "北海道大学病院は手稲溪仁会病院と ID-Link で連携しています（病院間の連携で、貴施設の閲覧には及びません）"
        );
        assert!(note
            .en
            .starts_with("Hokkaido University Hospital is linked on ID-Link with Teine"));
    }

    #[test]
    fn plan_errors_read_in_both_languages_and_english_matches_the_error() {
        use crate::planner::PlanError;
        let error = PlanError::UnknownHospital("atlantis".into());
        let said = plan_error(&error);
        assert_eq!(said.ja, "病院「atlantis」はデータにありません");
        assert_eq!(said.en, error.to_string());
        assert_eq!(
            plan_error(&PlanError::NoTargets).en,
            PlanError::NoTargets.to_string()
        );
    }

    #[test]
    fn lists_join_with_each_languages_separator() {
        let list = join_list(&[text("甲", "A"), text("乙", "B")]);
        assert_eq!((list.ja.as_str(), list.en.as_str()), ("甲、乙", "A, B"));
    }
}
