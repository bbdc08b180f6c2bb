//! Planner what-ifs on the bundled data, each worked out by hand from the
//! report: which unions host which hospital, and which links the report
//! prints (Teine's 病院間協定 and Hokudai's ID-Link 連携病院 list).
//!
//! The bundled data, as the hand calculations below use it. Unions, in the
//! dataset's order, each hosted by one 開示病院:
//!
//! ```text
//!  tmnit → teine            hokudai-ict → hokudai      tenshi-council → tenshi
//!  gan-center-system → gan-center     kkr-union → kkr
//!  ntt-union → ntt          shiritsu-suzuran → shiritsu
//! ```
//!
//! Hospital links (two-way): 手稲溪仁会 has agreements with 北大, がんセンター,
//! four Hakodate and two Kushiro hospitals; 北大's ID-Link list names 手稲,
//! 天使, 市立函館, 函館中央, 市立釧路, 釧路赤十字, 苫小牧市立 and 王子.
//! 市立札幌, NTT and KKR link to nobody. The report records no union
//! connection. みきファミリークリニック is in TMNIT, 天使's 協議会 and すずらんネット.
//!
//! Under the confirmed rule only hosting and union connections count, so a
//! facility sees a 開示病院 only through a union it hosts; assuming
//! agreements, every hospital link is one more relay.

use tsunagu_core::access::{Assumption, Rules};
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::graph::{Edge, NetworkGraph};
use tsunagu_core::index::NetworkIndex;
use tsunagu_core::model::{
    Dataset, FacilityId, HospitalId, LinkId, SectionId, Source, UnionConnection, UnionId,
};
use tsunagu_core::planner::{
    hop_id, plan_joins, plan_joins_indexed, Entry, PlanAnswer, PlanError, PlanLimits, PlanRequest,
    Start, UnreachableReason,
};
use tsunagu_core::validate::{load_dataset, validate, Severity};
use tsunagu_core::whatif::{apply_what_if, Change, WhatIf};

use Assumption::{Agreements, WhatIf as Proposed};
use Rules::{AssumeAgreements, Confirmed};

/// Every union, in the dataset's order.
const ALL_UNIONS: [&str; 7] = [
    "tmnit",
    "hokudai-ict",
    "tenshi-council",
    "gan-center-system",
    "kkr-union",
    "ntt-union",
    "shiritsu-suzuran",
];

/// The seven 開示病院, in the dataset's order.
const ALL_DISCLOSING: [&str; 7] = [
    "shiritsu",
    "ntt",
    "hokudai",
    "tenshi",
    "gan-center",
    "kkr",
    "teine",
];

fn bundled() -> Dataset {
    load_dataset(SAPPORO_JSON)
        .expect("the bundled dataset loads")
        .dataset
}

fn request(
    start: Start,
    targets: &[&str],
    max_relays: Option<u32>,
    exclude: &[&str],
) -> PlanRequest {
    PlanRequest {
        start,
        targets: targets.iter().map(|&t| HospitalId::from(t)).collect(),
        max_relays,
        exclude: exclude.iter().map(|&u| UnionId::from(u)).collect(),
    }
}

fn new_facility(unions: &[&str]) -> Start {
    Start::Members(unions.iter().map(|&u| UnionId::from(u)).collect())
}

/// A frontier point: the unions to join, the max relays, every alternative
/// set, and the assumptions the plan's paths rest on.
type Point<'a> = (Vec<&'a str>, u32, Vec<Vec<&'a str>>, Vec<Assumption>);
/// A frontier point as the tests write it.
type Expected<'a> = (&'a [&'a str], u32, &'a [&'a [&'a str]], &'a [Assumption]);

/// The frontier as (unions to join, max relays, alternatives, assumptions).
fn frontier(answer: &PlanAnswer) -> Vec<Point<'_>> {
    answer
        .plans
        .iter()
        .map(|p| {
            (
                p.join.iter().map(UnionId::as_str).collect(),
                p.relays,
                p.alternatives
                    .iter()
                    .map(|a| a.iter().map(UnionId::as_str).collect())
                    .collect(),
                p.assumptions.clone(),
            )
        })
        .collect()
}

/// The unreachable targets as (target, reason, the 開示病院 it shares with).
fn unreachable(answer: &PlanAnswer) -> Vec<(&str, UnreachableReason, Vec<&str>)> {
    answer
        .unreachable
        .iter()
        .map(|u| {
            (
                u.target.as_str(),
                u.reason.clone(),
                u.shares_with.iter().map(HospitalId::as_str).collect(),
            )
        })
        .collect()
}

fn only_excluded(unions: &[&str]) -> UnreachableReason {
    UnreachableReason::OnlyExcluded {
        unions: unions.iter().map(|&u| UnionId::from(u)).collect(),
    }
}

/// Plans `req` on `data` under `rules`, after `what_if` if given, and
/// checks the frontier. The graph and the prepared index must agree.
fn check_on(
    data: &Dataset,
    rules: Rules,
    what_if: Option<&WhatIf>,
    req: &PlanRequest,
    expected: &[Expected<'_>],
) -> PlanAnswer {
    let (data, links) = match what_if {
        Some(what_if) => apply_what_if(data, what_if),
        None => (data.clone(), Vec::new()),
    };
    let graph = NetworkGraph::build(&data, &links, rules);
    let answer = plan_joins(&graph, req, PlanLimits::default()).expect("a valid request");
    let index = NetworkIndex::build(&data, &links, rules);
    let indexed = plan_joins_indexed(&index, req, PlanLimits::default()).expect("valid");
    assert_eq!(indexed, answer, "the index and the graph disagree");
    assert_eq!(answer.rules, rules);
    let expected: Vec<Point<'_>> = expected
        .iter()
        .map(|(j, r, alts, assumptions)| {
            (
                j.to_vec(),
                *r,
                alts.iter().map(|a| a.to_vec()).collect(),
                assumptions.to_vec(),
            )
        })
        .collect();
    assert_eq!(frontier(&answer), expected);
    assert!(answer.plans.iter().all(|p| p.exact));
    answer
}

/// [`check_on`] on the bundled data.
fn check(
    rules: Rules,
    what_if: Option<&WhatIf>,
    req: &PlanRequest,
    expected: &[Expected<'_>],
) -> PlanAnswer {
    check_on(&bundled(), rules, what_if, req, expected)
}

/// The council's next step, 「全体でユニオンを繋げる」, as a what-if: every
/// pair of the seven unions connected (21 connections).
fn every_union_connected() -> WhatIf {
    let mut changes = Vec::new();
    for (i, a) in ALL_UNIONS.iter().enumerate() {
        for b in &ALL_UNIONS[i + 1..] {
            changes.push(Change::ConnectUnions {
                a: UnionId::from(*a),
                b: UnionId::from(*b),
            });
        }
    }
    assert_eq!(changes.len(), 21);
    WhatIf {
        name: "全体でユニオンを繋げる".into(),
        changes,
    }
}

#[test]
fn miki_family_clinic_joins_hokudai_s_own_union_under_the_confirmed_rule() {
    // None of みき's three unions (TMNIT, 天使's 協議会, すずらんネット) is
    // hosted by 北大, and the report records no union connection, so the
    // only way in is to join the union 北大 hosts: ICT, at 0 relays. 手稲's
    // agreement and 北大's ID-Link list are between the hospitals only.
    let answer = check(
        Confirmed,
        None,
        &request(
            Start::Facility(FacilityId::from("miki-family-clinic")),
            &["hokudai"],
            None,
            &[],
        ),
        &[(&["hokudai-ict"], 0, &[], &[])],
    );
    assert_eq!(answer.members.len(), 3);
    assert!(answer.unreachable.is_empty());
    let path = &answer.plans[0].paths[0];
    assert_eq!(
        (path.union.as_str(), path.entry, path.relays),
        ("hokudai-ict", Entry::Join, 0)
    );
    assert_eq!(path.hops.len(), 1);
    assert_eq!(path.hops[0].edge, Edge::HostedBy);
    assert_eq!(hop_id(&path.hops[0]), "hokudai");
}

#[test]
fn miki_family_clinic_reaches_hokudai_through_teine_when_agreements_are_assumed() {
    // Assuming agreements: 手稲溪仁会 (TMNIT's host) and 天使病院 (the 協議会's)
    // are both on Hokudai's ID-Link list: one relay with nothing joined,
    // resting on the agreements assumption; joining Hokudai's ICTネットワーク
    // gives direct disclosure, which rests on nothing.
    let answer = check(
        AssumeAgreements,
        None,
        &request(
            Start::Facility(FacilityId::from("miki-family-clinic")),
            &["hokudai"],
            None,
            &[],
        ),
        &[
            (&[], 1, &[], &[Agreements]),
            (&["hokudai-ict"], 0, &[], &[]),
        ],
    );
    assert_eq!(answer.members.len(), 3);
    let path = &answer.plans[0].paths[0];
    assert_eq!(path.relays, 1);
    assert_eq!(path.entry, Entry::Member);
    assert_eq!(path.hops.last().map(hop_id), Some("hokudai"));
    assert!(matches!(
        path.hops.last().map(|h| &h.edge),
        Some(Edge::Link { .. })
    ));
}

#[test]
fn direct_disclosure_only_means_joining_the_hospitals_own_union() {
    // With no relay allowed, both rule sets agree: ICT is the only union
    // 北大 hosts.
    for rules in [Confirmed, AssumeAgreements] {
        check(
            rules,
            None,
            &request(new_facility(&[]), &["hokudai"], Some(0), &[]),
            &[(&["hokudai-ict"], 0, &[], &[])],
        );
    }
}

#[test]
fn a_hospital_hosting_no_union_cannot_be_reached_under_the_confirmed_rule() {
    // 王子総合病院 appears only on Hokudai's list and hosts no union: under
    // the confirmed rule nothing reaches it, relays or not. Its one link
    // partner among the 開示病院 is 北大.
    for max_relays in [None, Some(0), Some(3)] {
        let answer = check(
            Confirmed,
            None,
            &request(new_facility(&[]), &["oji"], max_relays, &[]),
            &[],
        );
        assert_eq!(
            unreachable(&answer),
            [("oji", UnreachableReason::HostsNoUnion, vec!["hokudai"])],
            "{max_relays:?}"
        );
    }
}

#[test]
fn a_hospital_hosting_no_union_needs_a_relay_when_agreements_are_assumed() {
    // Direct disclosure only: no union hosts 王子, but assuming agreements
    // ICT reaches it through 北大's list in one relay, so the relay limit
    // is what stops it.
    let answer = check(
        AssumeAgreements,
        None,
        &request(new_facility(&[]), &["oji"], Some(0), &[]),
        &[],
    );
    assert_eq!(
        unreachable(&answer),
        [(
            "oji",
            UnreachableReason::TooManyRelays {
                needed: 1,
                allowed: 0
            },
            vec!["hokudai"]
        )]
    );
    // With relays allowed, Hokudai's own union reaches it in one (ICT → 北大
    // → 王子); TMNIT and 天使's 協議会 need two.
    check(
        AssumeAgreements,
        None,
        &request(new_facility(&[]), &["oji"], None, &[]),
        &[(&["hokudai-ict"], 1, &[], &[Agreements])],
    );
}

/// The がん診療連携拠点病院 column: 札幌医大, JA札幌厚生 and 恵佑会 are not on
/// ID-Link, host no union and link to nobody.
const CANCER_BASES: [&str; 8] = [
    "shiritsu",
    "hokudai",
    "gan-center",
    "kkr",
    "teine",
    "sapmed",
    "ja-kosei",
    "keiyukai",
];

fn cancer_bases_off_idlink(answer: &PlanAnswer) {
    let mut off: Vec<(&str, UnreachableReason, Vec<&str>)> = unreachable(answer);
    off.sort_by(|a, b| a.0.cmp(b.0));
    let hosts_none = |h| (h, UnreachableReason::HostsNoUnion, Vec::new());
    assert_eq!(
        off,
        [
            hosts_none("ja-kosei"),
            hosts_none("keiyukai"),
            hosts_none("sapmed")
        ]
    );
}

#[test]
fn every_cancer_base_hospital_needs_its_own_union_under_the_confirmed_rule() {
    // Five of the eight are 開示病院, each hosting one union: five unions,
    // direct disclosure, nothing assumed.
    let answer = check(
        Confirmed,
        None,
        &request(new_facility(&[]), &CANCER_BASES, None, &[]),
        &[(
            &[
                "tmnit",
                "hokudai-ict",
                "gan-center-system",
                "kkr-union",
                "shiritsu-suzuran",
            ],
            0,
            &[],
            &[],
        )],
    );
    cancer_bases_off_idlink(&answer);
}

#[test]
fn every_cancer_base_hospital_needs_three_unions_or_five_when_agreements_are_assumed() {
    // 市立札幌 and KKR link to nobody, so their own unions are needed; TMNIT
    // reaches 手稲 (0), 北大 and がんセンター (1 each, 手稲's agreements).
    let answer = check(
        AssumeAgreements,
        None,
        &request(new_facility(&[]), &CANCER_BASES, None, &[]),
        &[
            (
                &["tmnit", "kkr-union", "shiritsu-suzuran"],
                1,
                &[],
                &[Agreements],
            ),
            (
                &[
                    "tmnit",
                    "hokudai-ict",
                    "gan-center-system",
                    "kkr-union",
                    "shiritsu-suzuran",
                ],
                0,
                &[],
                &[],
            ),
        ],
    );
    // No union hosts them and, assuming agreements, no link leads to them
    // either.
    cancer_bases_off_idlink(&answer);
}

#[test]
fn excluding_tmnit_leaves_teine_out_of_reach_under_the_confirmed_rule() {
    // Only TMNIT is hosted by 手稲, so excluding it leaves 手稲 to excluded
    // unions only; 手稲 shares records with 北大 and がんセンター (its
    // agreements; 北大's list too). The other four need their own unions.
    let answer = check(
        Confirmed,
        None,
        &request(
            new_facility(&[]),
            &["shiritsu", "hokudai", "gan-center", "kkr", "teine"],
            None,
            &["tmnit"],
        ),
        &[(
            &[
                "hokudai-ict",
                "gan-center-system",
                "kkr-union",
                "shiritsu-suzuran",
            ],
            0,
            &[],
            &[],
        )],
    );
    assert_eq!(
        unreachable(&answer),
        [(
            "teine",
            only_excluded(&["tmnit"]),
            vec!["hokudai", "gan-center"]
        )]
    );
}

#[test]
fn excluding_tmnit_costs_relays_and_shows_alternatives_when_agreements_are_assumed() {
    // Without TMNIT, 手稲 is reached through Hokudai (ICT → 北大 → 手稲) or
    // がんセンター's agreement; 天使's 協議会 reaches 北大 in one.
    check(
        AssumeAgreements,
        None,
        &request(
            new_facility(&[]),
            &["shiritsu", "hokudai", "gan-center", "kkr", "teine"],
            None,
            &["tmnit"],
        ),
        &[
            (
                &["hokudai-ict", "kkr-union", "shiritsu-suzuran"],
                2,
                &[&["gan-center-system", "kkr-union", "shiritsu-suzuran"]],
                &[Agreements],
            ),
            (
                &[
                    "hokudai-ict",
                    "gan-center-system",
                    "kkr-union",
                    "shiritsu-suzuran",
                ],
                1,
                &[&[
                    "tenshi-council",
                    "gan-center-system",
                    "kkr-union",
                    "shiritsu-suzuran",
                ]],
                &[Agreements],
            ),
        ],
    );
}

#[test]
fn a_member_of_the_target_s_union_needs_nothing() {
    for rules in [Confirmed, AssumeAgreements] {
        check(
            rules,
            None,
            &request(new_facility(&["tmnit"]), &["teine"], None, &[]),
            &[(&[], 0, &[], &[])],
        );
    }
}

#[test]
fn hakodate_is_out_of_reach_under_the_confirmed_rule_and_says_whom_to_ask() {
    // 市立函館病院 hosts no union. Teine's 病院間協定 (南渡島医療圏) and
    // Hokudai's 連携病院 list both name it: those two 開示病院, in the
    // dataset's order (北大 before 手稲), are whom to ask.
    let answer = check(
        Confirmed,
        None,
        &request(new_facility(&[]), &["hakodate-municipal"], None, &[]),
        &[],
    );
    assert_eq!(
        unreachable(&answer),
        [(
            "hakodate-municipal",
            UnreachableReason::HostsNoUnion,
            vec!["hokudai", "teine"]
        )]
    );
}

#[test]
fn hakodate_is_reached_through_teine_s_agreement_or_hokudai_s_list_when_assumed() {
    // TMNIT → 手稲 → 市立函館 or ICT → 北大 → 市立函館: one relay each.
    check(
        AssumeAgreements,
        None,
        &request(new_facility(&[]), &["hakodate-municipal"], None, &[]),
        &[(&["tmnit"], 1, &[&["hokudai-ict"]], &[Agreements])],
    );
}

#[test]
fn a_new_clinic_needs_one_union_per_hospital_under_the_confirmed_rule() {
    // The issue's headline: 北大, 手稲 and 市立札幌 each host one union, and
    // nothing else opens them, so exactly one plan: their three unions.
    check(
        Confirmed,
        None,
        &request(
            new_facility(&[]),
            &["hokudai", "teine", "shiritsu"],
            None,
            &[],
        ),
        &[(&["tmnit", "hokudai-ict", "shiritsu-suzuran"], 0, &[], &[])],
    );
    // Assuming agreements, TMNIT (手稲 0, 北大 1) or ICT (北大 0, 手稲 1)
    // covers two of them, so two unions at one relay.
    check(
        AssumeAgreements,
        None,
        &request(
            new_facility(&[]),
            &["hokudai", "teine", "shiritsu"],
            None,
            &[],
        ),
        &[
            (
                &["tmnit", "shiritsu-suzuran"],
                1,
                &[&["hokudai-ict", "shiritsu-suzuran"]],
                &[Agreements],
            ),
            (&["tmnit", "hokudai-ict", "shiritsu-suzuran"], 0, &[], &[]),
        ],
    );
}

#[test]
fn a_new_clinic_needs_seven_unions_for_all_seven_disclosing_hospitals() {
    // One union per 開示病院, no union connection: all seven.
    check(
        Confirmed,
        None,
        &request(new_facility(&[]), &ALL_DISCLOSING, None, &[]),
        &[(&ALL_UNIONS, 0, &[], &[])],
    );
}

#[test]
fn a_tmnit_member_needs_six_unions_for_all_seven_disclosing_hospitals() {
    // TMNIT already opens 手稲; the other six need their own unions.
    let six: &[&str] = &ALL_UNIONS[1..];
    let answer = check(
        Confirmed,
        None,
        &request(new_facility(&["tmnit"]), &ALL_DISCLOSING, None, &[]),
        &[(six, 0, &[], &[])],
    );
    assert_eq!(answer.members, [UnionId::from("tmnit")]);
}

#[test]
fn a_facility_only_on_tmnits_officer_list_is_not_counted_a_member() {
    // 秀友会 is on TMNIT's 幹事一覧; the report never says it is a member,
    // so no plan may rest on it: all seven unions, TMNIT included.
    let answer = check(
        Confirmed,
        None,
        &request(
            Start::Facility(FacilityId::from("shuyukai")),
            &ALL_DISCLOSING,
            None,
            &[],
        ),
        &[(&ALL_UNIONS, 0, &[], &[])],
    );
    assert!(answer.members.is_empty(), "{:?}", answer.members);
}

#[test]
fn with_every_union_connected_a_new_clinic_needs_one_union() {
    // Every union links to every other, so any one union reaches its own
    // host at 0 relays and the six others at 1 (union → union → host): one
    // union is enough, and every single union is an alternative. Those
    // paths cross proposed links: the plan rests on the what-if. Without
    // relays it is still seven unions, resting on nothing.
    let alternatives: Vec<&[&str]> = ALL_UNIONS[1..].iter().map(std::slice::from_ref).collect();
    let what_if = every_union_connected();
    let answer = check(
        Confirmed,
        Some(&what_if),
        &request(new_facility(&[]), &ALL_DISCLOSING, None, &[]),
        &[
            (&["tmnit"], 1, &alternatives, &[Proposed]),
            (&ALL_UNIONS, 0, &[], &[]),
        ],
    );
    // 手稲 through TMNIT itself; the others through one proposed link each.
    for path in &answer.plans[0].paths {
        let crossed = path
            .hops
            .iter()
            .filter(|h| matches!(h.edge, Edge::UnionLink { source: None, .. }))
            .count();
        let expected = usize::from(path.target.as_str() != "teine");
        assert_eq!(crossed, expected, "{}", path.target);
        assert_eq!(path.relays, u32::try_from(expected).unwrap_or(u32::MAX));
    }
}

#[test]
fn with_every_union_connected_a_tmnit_member_needs_no_union() {
    // TMNIT reaches 手稲 at 0 and, through one proposed link, every other
    // host at 1: nothing to join. Direct disclosure still needs the six.
    check(
        Confirmed,
        Some(&every_union_connected()),
        &request(new_facility(&["tmnit"]), &ALL_DISCLOSING, None, &[]),
        &[(&[], 1, &[], &[Proposed]), (&ALL_UNIONS[1..], 0, &[], &[])],
    );
}

#[test]
fn a_proposed_agreement_is_not_a_way_in_under_the_confirmed_rule() {
    // A 病院間協定 between 市立札幌 and 北大 shares records between the two
    // hospitals only: a すずらんネット member still joins ICT for 北大.
    let what_if = WhatIf {
        name: "市立札幌–北大の協定".into(),
        changes: vec![Change::AddAgreement {
            from: HospitalId::from("shiritsu"),
            to: HospitalId::from("hokudai"),
        }],
    };
    let req = request(new_facility(&["shiritsu-suzuran"]), &["hokudai"], None, &[]);
    check(
        Confirmed,
        Some(&what_if),
        &req,
        &[(&["hokudai-ict"], 0, &[], &[])],
    );
    // Assuming agreements it does change the plan: すずらん → 市立札幌 → 北大
    // at one relay with nothing joined, where before 市立札幌 linked to
    // nobody. That relay is an agreement only the what-if proposes, so the
    // plan rests on both assumptions.
    check(
        AssumeAgreements,
        None,
        &req,
        &[(&["hokudai-ict"], 0, &[], &[])],
    );
    check(
        AssumeAgreements,
        Some(&what_if),
        &req,
        &[
            (&[], 1, &[], &[Agreements, Proposed]),
            (&["hokudai-ict"], 0, &[], &[]),
        ],
    );
}

fn recorded_connection(a: &str, b: &str, directed: bool) -> Dataset {
    let mut data = bundled();
    data.union_links.push(UnionConnection {
        id: LinkId::from(format!("{a}-{b}").as_str()),
        a: UnionId::from(a),
        b: UnionId::from(b),
        directed,
        source: Source {
            section: SectionId::from("next-step"),
            quote: Some("全体でユニオンを繋げる".into()),
        },
    });
    let errors: Vec<_> = validate(&data)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    data
}

#[test]
fn a_recorded_union_connection_counts_and_rests_on_nothing() {
    // Suppose TMNIT and ICT sign a connection and the data records it: a
    // TMNIT member then sees 北大 through it (TMNIT → ICT → 北大, one relay)
    // under the confirmed rule, with no assumption, since it is recorded.
    let data = recorded_connection("tmnit", "hokudai-ict", false);
    let answer = check_on(
        &data,
        Confirmed,
        None,
        &request(new_facility(&["tmnit"]), &["hokudai"], None, &[]),
        &[(&[], 1, &[], &[]), (&["hokudai-ict"], 0, &[], &[])],
    );
    let hops = &answer.plans[0].paths[0].hops;
    assert!(matches!(
        &hops[0].edge,
        Edge::UnionLink { source: Some(s), label } if s.section.as_str() == "next-step" && label == "tmnit-hokudai-ict"
    ));
    // Two-way: an ICT member sees 手稲 the same way.
    check_on(
        &data,
        Confirmed,
        None,
        &request(new_facility(&["hokudai-ict"]), &["teine"], None, &[]),
        &[(&[], 1, &[], &[]), (&["tmnit"], 0, &[], &[])],
    );
}

#[test]
fn a_one_way_recorded_connection_opens_one_way_only() {
    // TMNIT → ICT only: TMNIT's members see 北大, ICT's do not see 手稲.
    let data = recorded_connection("tmnit", "hokudai-ict", true);
    check_on(
        &data,
        Confirmed,
        None,
        &request(new_facility(&["tmnit"]), &["hokudai"], None, &[]),
        &[(&[], 1, &[], &[]), (&["hokudai-ict"], 0, &[], &[])],
    );
    check_on(
        &data,
        Confirmed,
        None,
        &request(new_facility(&["hokudai-ict"]), &["teine"], None, &[]),
        &[(&["tmnit"], 0, &[], &[])],
    );
}

#[test]
fn only_excluded_unions_reaching_a_target_is_said_plainly() {
    // KKR links to nobody: only its own union reaches it, under either rule.
    for rules in [Confirmed, AssumeAgreements] {
        let answer = check(
            rules,
            None,
            &request(new_facility(&[]), &["kkr"], None, &["kkr-union"]),
            &[],
        );
        assert_eq!(
            unreachable(&answer),
            [("kkr", only_excluded(&["kkr-union"]), vec![])]
        );
    }
}

#[test]
fn excluding_hokudai_s_union_leaves_hokudai_out_of_reach_under_the_confirmed_rule() {
    // Only ICT is hosted by 北大; 北大 shares records with 天使 and 手稲
    // (its ID-Link list, and 手稲's agreement), in the dataset's order.
    let answer = check(
        Confirmed,
        None,
        &request(new_facility(&[]), &["hokudai"], None, &["hokudai-ict"]),
        &[],
    );
    assert_eq!(
        unreachable(&answer),
        [(
            "hokudai",
            only_excluded(&["hokudai-ict"]),
            vec!["tenshi", "teine"]
        )]
    );
    // Assuming agreements, TMNIT (via 手稲) or 天使's 協議会 (via 天使) relay it.
    check(
        AssumeAgreements,
        None,
        &request(new_facility(&[]), &["hokudai"], None, &["hokudai-ict"]),
        &[(&["tmnit"], 1, &[&["tenshi-council"]], &[Agreements])],
    );
}

#[test]
fn bad_requests_are_errors_not_panics() {
    let data = bundled();
    for rules in [Confirmed, AssumeAgreements] {
        let graph = NetworkGraph::build(&data, &[], rules);
        let plan = |req: PlanRequest| plan_joins(&graph, &req, PlanLimits::default());
        assert_eq!(
            plan(request(new_facility(&[]), &[], None, &[])),
            Err(PlanError::NoTargets)
        );
        assert_eq!(
            plan(request(new_facility(&["nope"]), &["kkr"], None, &[])),
            Err(PlanError::UnknownUnion(UnionId::from("nope")))
        );
        assert_eq!(
            plan(request(new_facility(&[]), &["atlantis"], None, &[])),
            Err(PlanError::UnknownHospital(HospitalId::from("atlantis")))
        );
        assert_eq!(
            plan(request(
                Start::Facility(FacilityId::from("ghost")),
                &["kkr"],
                None,
                &[]
            )),
            Err(PlanError::UnknownFacility(FacilityId::from("ghost")))
        );
    }
}

#[test]
fn a_membership_a_what_if_supposes_is_marked_as_the_what_if() {
    // 札幌秀友会病院 is on TMNIT's 幹事一覧 only: on the report's data it is a
    // member of nothing, so it must join 北大's ICTネットワーク.
    let shuyukai = || Start::Facility(FacilityId::from("shuyukai"));
    check(
        Confirmed,
        None,
        &request(shuyukai(), &["hokudai"], None, &[]),
        &[(&["hokudai-ict"], 0, &[], &[])],
    );
    // Supposing it joins, nothing is left to join, but only on the what-if:
    // that 加入不要 is no answer on the report's data.
    let joins = WhatIf {
        name: "秀友会がICTネットワークに加入".into(),
        changes: vec![Change::Join {
            facility: FacilityId::from("shuyukai"),
            union: UnionId::from("hokudai-ict"),
        }],
    };
    check(
        Confirmed,
        Some(&joins),
        &request(shuyukai(), &["hokudai"], None, &[]),
        &[(&[], 0, &[], &[Proposed])],
    );
    // Supposing it joins TMNIT, whose 幹事一覧 names it, it is a member then,
    // on the what-if.
    let joins_tmnit = WhatIf {
        name: "秀友会がTMNITに加入".into(),
        changes: vec![Change::Join {
            facility: FacilityId::from("shuyukai"),
            union: UnionId::from("tmnit"),
        }],
    };
    check(
        Confirmed,
        Some(&joins_tmnit),
        &request(shuyukai(), &["teine"], None, &[]),
        &[(&[], 0, &[], &[Proposed])],
    );
    // A plan on the same what-if that uses nothing it supposes is unmarked:
    // 手稲溪仁会 is TMNIT's, which the facility must still join.
    check(
        Confirmed,
        Some(&joins),
        &request(shuyukai(), &["teine"], None, &[]),
        &[(&["tmnit"], 0, &[], &[])],
    );
}

#[test]
fn a_union_a_what_if_supposes_goes_live_is_marked_as_the_what_if() {
    // 札幌医科大学附属病院 hosts no union in the report: out of reach.
    let answer = check(
        Confirmed,
        None,
        &request(new_facility(&[]), &["sapmed"], None, &[]),
        &[],
    );
    assert_eq!(unreachable(&answer)[0].1, UnreachableReason::HostsNoUnion);
    // Supposing it goes live with a union of its own (id whatif-0), joining
    // that union, or being in it, rests on the what-if.
    let goes_live = WhatIf {
        name: "札幌医大が稼働".into(),
        changes: vec![Change::GoLive {
            hospital: HospitalId::from("sapmed"),
            union_name: "札幌医大ネット（仮）".into(),
        }],
    };
    check(
        Confirmed,
        Some(&goes_live),
        &request(new_facility(&[]), &["sapmed"], None, &[]),
        &[(&["whatif-0"], 0, &[], &[Proposed])],
    );
    check(
        Confirmed,
        Some(&goes_live),
        &request(new_facility(&["whatif-0"]), &["sapmed"], None, &[]),
        &[(&[], 0, &[], &[Proposed])],
    );
    // Reached through a link from the supposed union, under the assumption,
    // the plan rests on both.
    let teine_member = WhatIf {
        name: "札幌医大が稼働し、手稲溪仁会と協定".into(),
        changes: vec![
            Change::GoLive {
                hospital: HospitalId::from("sapmed"),
                union_name: "札幌医大ネット（仮）".into(),
            },
            Change::AddAgreement {
                from: HospitalId::from("sapmed"),
                to: HospitalId::from("teine"),
            },
        ],
    };
    check(
        AssumeAgreements,
        Some(&teine_member),
        &request(new_facility(&["whatif-0"]), &["teine"], None, &[]),
        &[
            (&[], 1, &[], &[Agreements, Proposed]),
            (&["tmnit"], 0, &[], &[]),
        ],
    );
}
