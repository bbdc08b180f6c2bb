//! Native render tests: the shell rendered to HTML with yew's `ssr` feature,
//! one route and one language at a time, as a browser would first see it.
#![cfg(not(target_arch = "wasm32"))]

use tsunagu::i18n::Lang;
use tsunagu::{HashRouter, Location, Route, Shell};
use yew::prelude::*;
use yew::LocalServerRenderer;

#[derive(Properties, PartialEq)]
struct AtProps {
    path: AttrValue,
    lang: Lang,
}

/// The shell under a router that starts at `path` (`/wards`, `/?f=…`).
#[function_component(At)]
fn at(props: &AtProps) -> Html {
    let start = Location::from_fragment(&props.path).expect("a route's path");
    html! {
        <HashRouter start={Some(start)}>
            <Shell initial_lang={props.lang} />
        </HashRouter>
    }
}

async fn render(path: &str, lang: Lang) -> String {
    LocalServerRenderer::<At>::with_props(AtProps {
        path: AttrValue::from(path.to_owned()),
        lang,
    })
    .hydratable(false)
    .render()
    .await
}

/// The text of the element that carries `id="view-title"`.
fn view_title(html: &str) -> &str {
    let start = html.find(r#"id="view-title""#).expect("a view title");
    let open_end = start + html[start..].find('>').expect("end of the tag") + 1;
    let close = open_end + html[open_end..].find("</h2>").expect("closing tag");
    &html[open_end..close]
}

fn check(path: &str, lang: Lang, expected_title: &str) {
    let html = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(render(path, lang));
    assert_eq!(
        view_title(&html),
        expected_title,
        "at {path} in {lang:?}:\n{html}"
    );
}

#[test]
fn every_view_renders_its_own_heading_in_japanese() {
    check("/", Lang::Ja, "経路プラン");
    check("/network", Lang::Ja, "ネットワーク");
    check("/growth", Lang::Ja, "成長");
    check("/wards", Lang::Ja, "地域");
    check("/data", Lang::Ja, "データ");
}

#[test]
fn every_view_renders_its_own_heading_in_english() {
    check("/", Lang::En, "Referral plans");
    check("/network", Lang::En, "Network");
    check("/growth", Lang::En, "Growth");
    check("/wards", Lang::En, "Wards");
    check("/data", Lang::En, "Data");
}

#[test]
fn an_unknown_address_says_so_and_links_back() {
    check("/nowhere", Lang::Ja, "ページが見つかりません");
    check("/nowhere", Lang::En, "Page not found");
}

#[tokio::test(flavor = "current_thread")]
async fn the_header_carries_the_full_title_and_the_navigation_marks_the_current_view() {
    let html = render("/growth", Lang::Ja).await;
    assert!(
        // 「ID-Link」 is kept on one line.
        html.contains(
            r#"<h1>つなぐ — さっぽろ <span class="nowrap">ID-Link</span> 連携経路ナビ</h1>"#
        ),
        "{html}"
    );
    assert!(
        html.contains(r##"<a href="#/growth" aria-current="page">成長</a>"##),
        "{html}"
    );
    assert!(
        html.contains(r##"<a href="#/network">ネットワーク</a>"##),
        "{html}"
    );
    assert_eq!(html.matches("aria-current").count(), 1, "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn the_language_switch_presses_the_current_language() {
    let html = render("/", Lang::En).await;
    assert!(
        html.contains(r#"<button type="button" lang="en" aria-pressed="true">English</button>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<button type="button" lang="ja" aria-pressed="false">日本語</button>"#),
        "{html}"
    );
}

#[test]
fn every_view_has_a_link_in_the_navigation() {
    for route in Route::VIEWS {
        assert!(route.href().starts_with("#/"), "{route:?}");
        assert_eq!(Route::recognize(route.path()), route);
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_wards_view_renders_the_bundled_figures() {
    let html = render("/wards", Lang::Ja).await;
    // 中央区: the association's East (185) and West (140) rows together.
    assert!(html.contains("<th scope=\"row\">中央区</th>"), "{html}");
    assert!(html.contains(">325<"), "{html}");
    assert!(html.contains(">1,959,512<"), "{html}");
    assert!(html.contains(" 3/5 が ID-Link に参加"), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn the_wards_view_prints_the_reports_totals_beside_the_records() {
    let html = render("/wards", Lang::Ja).await;
    let section = &html[html.find("報告書に印刷された合計").expect("the totals")..];
    // Totals with no parts in the records, typed from the report's table.
    assert!(
        section.contains("<th scope=\"row\">利用者数</th><td class=\"num\">29,180"),
        "{section}"
    );
    assert!(
        section.contains("<th scope=\"row\">ID-Link 連携施設数</th><td class=\"num\">221"),
        "{section}"
    );
    assert!(section.contains("3,687"), "{section}");
    // Printed 「4,022 以上」, and the records' sum is a lower bound too
    // (NTT東日本札幌病院's 300以上, がんセンター's 調査中).
    let linked = &section[section.find("連携医療機関数</th>").expect("the row")..];
    let linked = &linked[..linked.find("</tr>").expect("the row ends")];
    assert!(
        linked.contains("<td class=\"num\">4,022 以上</td><td class=\"num\">4,022 以上</td>"),
        "{linked}"
    );
    // The introduction's 10施設 stands with the table's 7 beside it.
    assert!(
        section.contains("10施設<span class=\"other-reading\">報告書の別の箇所では 7</span>"),
        "{section}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn the_maps_table_twin_has_no_column_of_blanks() {
    // On the Hokkaido map no point carries a count: the points' table has
    // no count column (the links' table keeps its own).
    let html = render("/network", Lang::Ja).await;
    let nodes = &html[html.find("図の点（").expect("the points' table")..];
    let head = &nodes[..nodes.find("</thead>").expect("its head")];
    assert!(!head.contains("件数"), "{head}");
    assert!(head.contains("種類"), "{head}");
}

#[tokio::test(flavor = "current_thread")]
async fn the_data_view_renders_hospitals_with_sources_and_flags() {
    let html = render("/data", Lang::En).await;
    assert!(html.contains("Hokkaido University Hospital"), "{html}");
    assert!(html.contains("1,714 / 1,719"), "{html}");
    assert!(
        html.contains("The report disagrees with itself here"),
        "{html}"
    );
    assert!(html.contains("Hokkaido University Hospital page"), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn the_planner_renders_the_plans_a_shared_link_asks_for() {
    // Under the confirmed rule みきファミリークリニック (TMNIT, 天使's 協議会,
    // 市立札幌's union) must join 北大's own ICTネットワーク: the ID-Link
    // links of 北大 to 手稲溪仁会 and 天使 are context, never a way in.
    let html = render("/?f=miki-family-clinic&t=hokudai", Lang::Ja).await;
    assert!(!html.contains("加入不要</h4>"), "{html}");
    assert!(
        html.contains(">1 ユニオンに加入: ICTネットワーク</h4>"),
        "{html}"
    );
    assert!(
        html.contains("申込先：北海道大学病院<")
            && html.contains("担当の窓口は報告書に記載がないため、病院に確かめてください。"),
        "{html}"
    );
    assert!(
        html.contains("北海道大学病院は手稲溪仁会病院、市立函館病院、"),
        "{html}"
    );
    assert!(html.contains("貴施設の閲覧には及びません"), "{html}");
    // 北大's count is printed twice, differently: both, and why.
    assert!(html.contains("1,714 / 1,719"), "{html}");
    assert!(html.contains("報告書の箇所によって値が違うため"), "{html}");
    assert!(!html.contains("未確認の仮定（"), "{html}");
    assert!(
        html.contains("閲覧できるのは同意した患者さんの記録だけ"),
        "{html}"
    );
    assert!(html.contains("報告書の外の情報"), "{html}");
    assert!(
        html.contains("#/?f=miki-family-clinic&amp;t=hokudai"),
        "{html}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn the_planner_marks_plans_under_the_assumption() {
    // With the assumption on, 北大 is one relay from 手稲溪仁会 (TMNIT's host):
    // nothing to join, and the card says it rests on an unconfirmed assumption.
    let html = render("/?f=miki-family-clinic&t=hokudai&a=agreements", Lang::Ja).await;
    // Never a bare 「加入不要」 on an assumption: not in the title, not in
    // what to apply for, not in the print button's name.
    assert!(!html.contains(">加入不要</h4>"), "{html}");
    assert!(html.contains(">仮定が正しければ加入不要</h4>"), "{html}");
    assert!(!html.contains("申し込みは不要です（"), "{html}");
    assert!(
        html.contains("仮定が正しければ、申し込みは不要です。仮定が誤りなら、このプランでは記録を閲覧できません。"),
        "{html}"
    );
    // The confirmed rules' answer is said beside it, on the page and on the
    // assumed card (printed with it): join ICTネットワーク.
    assert_eq!(
        html.matches("確認済みの規則での答え：1 ユニオンに加入: ICTネットワーク。")
            .count(),
        2,
        "{html}"
    );
    // The plan on confirmed steps comes first.
    assert!(
        html.find(">1 ユニオンに加入: ICTネットワーク</h4>")
            < html.find(">仮定が正しければ加入不要</h4>"),
        "{html}"
    );
    assert!(
        html.contains("aria-label=\"印刷：仮定が正しければ加入不要\""),
        "{html}"
    );
    // The assumed hop (手稲溪仁会 → 北大 by ID-Link) is marked in the steps,
    // the picture's name and the printed line.
    assert!(
        html.contains("ID-Link 連携病院（仮定）: </span>北海道大学病院"),
        "{html}"
    );
    assert!(
        html.contains("aria-label=\"北海道大学病院 への経路（仮定）\""),
        "{html}"
    );
    assert!(
        html.contains("→ 手稲溪仁会病院 → 北海道大学病院（仮定）<ul class=\"path-sources\">"),
        "{html}"
    );
    // The misprint 「手稲深仁会病院」 says which hospital it means, in
    // plain words, not the data's note on how the name was chosen.
    assert!(
        html.contains(
            "報告書のこの箇所では「手稲溪仁会病院」を「手稲深仁会病院」と表記しています。"
        ),
        "{html}"
    );
    assert!(!html.contains("aliases"), "{html}");
    assert!(
        html.contains("未確認の仮定（病院間の連携を経由）"),
        "{html}"
    );
    assert!(html.contains("data-assumptions=\"agreements\""), "{html}");
    assert!(
        html.contains("#/?f=miki-family-clinic&amp;t=hokudai&amp;a=agreements"),
        "{html}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_hospital_hosting_no_union_is_explained_with_whom_to_ask() {
    let html = render("/?m=&t=hakodate-municipal", Lang::En).await;
    assert!(html.contains("data-reason=\"hosts_no_union\""), "{html}");
    assert!(html.contains("The report names no union that"), "{html}");
    assert!(
        html.contains("Hokkaido University Hospital, Teine Keijinkai Hospital"),
        "{html}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn the_planner_ignores_parts_of_a_link_that_name_nothing() {
    let html = render("/?f=ghost&t=hokudai,atlantis", Lang::En).await;
    assert!(
        html.contains("Parts of the link that name nothing in the data were ignored."),
        "{html}"
    );
    assert!(
        html.contains("Choose your facility and at least one hospital"),
        "{html}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn the_plan_chain_is_drawn_at_whole_coordinates() {
    // みきファミリークリニック → ICTネットワーク → 北大: three boxes 150 wide,
    // 44 apart, 50 high (room for a name on two lines), from x = 2; the arrows
    // at mid-height, y = 27.
    let html = render("/?f=miki-family-clinic&t=hokudai", Lang::Ja).await;
    let start = html.find(r#"class="chain-scroll"><svg"#).expect("a chain");
    let svg = &html[start..start + html[start..].find("</svg>").expect("its end")];
    assert!(svg.contains(r#"viewBox="0 0 542 80""#), "{svg}");
    assert!(svg.contains(r#"style="max-width: 542px""#), "{svg}");
    for x in ["2", "196", "390"] {
        assert!(
            svg.contains(&format!(r#"x="{x}" y="2" width="150" height="50""#)),
            "{x}: {svg}"
        );
    }
    for (x1, x2, tip) in [("152", "190", "194"), ("346", "384", "388")] {
        assert!(
            svg.contains(&format!(r#"x1="{x1}" y1="27" x2="{x2}" y2="27""#)),
            "{svg}"
        );
        assert!(
            svg.contains(&format!(r#"d="M{tip} 27 l-7 -5 v10 z""#)),
            "{svg}"
        );
    }
    // A name that fits sits on one line at y = 32; みきファミリークリニック
    // (12 wide characters, 10 to a line) takes two, 16 apart.
    for (x, ys) in [
        ("77", &["24", "40"][..]),
        ("271", &["32"]),
        ("465", &["32"]),
    ] {
        for y in ys {
            assert!(svg.contains(&format!(r#"x="{x}" y="{y}""#)), "{x}: {svg}");
        }
        assert!(svg.contains(&format!(r#"x="{x}" y="70""#)), "{x}: {svg}");
    }
    assert_eq!(svg.matches("<rect").count(), 3, "{svg}");
    assert_eq!(svg.matches("<line").count(), 2, "{svg}");
}

#[tokio::test(flavor = "current_thread")]
async fn growth_totals_count_in_english_by_the_number() {
    // The first frame is 2012年2月: TMNIT in Hokkaido founded, nothing live
    // (as the e2e test reads it in Japanese).
    let html = render("/growth", Lang::En).await;
    assert!(
        html.contains("0 disclosing hospitals live, 1 union founded"),
        "{html}"
    );
    assert!(!html.contains("1 unions"), "{html}");
    let html = render("/growth", Lang::Ja).await;
    assert!(
        html.contains("稼働した開示病院 0・発足したユニオン 1"),
        "{html}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn under_the_assumption_the_confirmed_plan_comes_first_whole() {
    // みきファミリークリニック (TMNIT, by its UNION label) to 市立函館 and 北大. The confirmed rules: join
    // ICTネットワーク for 北大; 市立函館 hosts no union, out of reach. The
    // assumption reaches both through 手稲溪仁会's links with nothing to join,
    // but that must never be the only card, nor the first.
    let html = render(
        "/?f=miki-family-clinic&t=hakodate-municipal,hokudai&a=agreements",
        Lang::Ja,
    )
    .await;
    let first = &html[html.find("<article").expect("a card")..];
    let first = &first[..first.find("</article>").expect("its end")];
    assert!(
        first.contains(">1 ユニオンに加入: ICTネットワーク</h4>"),
        "{first}"
    );
    assert!(first.contains("確認済みのプラン："), "{first}");
    assert!(!first.contains("仮定"), "{first}");
    // Its checklist lists 市立函館 apart, and its link reopens it without
    // the assumption.
    assert!(first.contains("<strong>市立函館病院</strong>"), "{first}");
    assert!(
        first.contains("f=miki-family-clinic&amp;t=hakodate-municipal,hokudai</dd>"),
        "{first}"
    );
    assert!(html.contains(">仮定が正しければ加入不要</h4>"), "{html}");
    // No sentence ends twice.
    assert!(!html.contains("。。"), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn the_confirmed_answer_of_nothing_reads_as_one_sentence() {
    // ていね泌尿器科 to 市立函館 alone: no plan under the confirmed rules.
    let html = render(
        "/?f=teine-hinyokika&t=hakodate-municipal&a=agreements",
        Lang::Ja,
    )
    .await;
    assert!(
        html.contains("確認済みの規則での答え：この条件で届く加入プランはありません。"),
        "{html}"
    );
    assert!(!html.contains("。。"), "{html}");
    let en = render(
        "/?f=teine-hinyokika&t=hakodate-municipal&a=agreements",
        Lang::En,
    )
    .await;
    assert!(!en.contains(".."), "{en}");
}

#[tokio::test(flavor = "current_thread")]
async fn a_printed_plan_keeps_the_targets_it_does_not_reach() {
    // 市立函館病院 hosts no union: the card's checklist lists it apart, with
    // why, beside 北大, which the plan reaches.
    let html = render("/?m=&t=hokudai,hakodate-municipal", Lang::Ja).await;
    let card = &html[html.find("<article").expect("a plan card")..];
    let head = &card[..card.find("</dl>").expect("the checklist's facts")];
    assert!(
        head.contains("<dt>紹介先</dt><dd>北海道大学病院</dd>"),
        "{head}"
    );
    assert!(head.contains("<dt>届かない紹介先</dt>"), "{head}");
    assert!(
        head.contains(
            "<li><strong>市立函館病院</strong>：市立函館病院がホストするユニオンは報告書にないため"
        ),
        "{head}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_facility_only_on_a_unions_officer_list_is_told_to_check_not_told_it_need_not_join() {
    // 札幌秀友会病院 is on TMNIT's 幹事一覧; the report never says it is a
    // member. To 手稲溪仁会 (TMNIT's host) the plan is to join TMNIT, with
    // the officer list cited and a word to ask first: never 「加入不要」.
    let html = render("/?f=shuyukai&t=teine", Lang::Ja).await;
    let card = &html[html.find("<article").expect("a card")..];
    let card = &card[..card.find("</article>").expect("its end")];
    assert!(!card.contains("加入不要"), "{card}");
    assert!(
        card.contains(">1 ユニオンに加入: TMNIT in Hokkaido</h4>"),
        "{card}"
    );
    assert!(
        card.contains("幹事一覧にこの施設が載っているだけ"),
        "{card}"
    );
    assert!(card.contains("札幌秀友会病院 顧問 藤原 秀俊"), "{card}");
    // The union's box names whose 連携医療機関数 it gives.
    assert!(card.contains("手稲溪仁会病院の連携医療機関数"), "{card}");
}
