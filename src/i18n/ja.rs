//! 日本語の UI 文字列 (the Japanese UI strings).

use super::{Texts, ViewTexts};

/// すべての UI 文字列.
pub const TEXTS: Texts = Texts {
    app_title: "つなぐ — さっぽろ ID-Link 連携経路ナビ",
    tagline: "どのユニオンに加入すれば、紹介先の病院の診療情報を見られるか",
    skip_to_main: "本文へ移動",
    nav_label: "表示の切り替え",
    lang_switch_label: "表示言語",
    coming_heading: "準備中",
    planner: ViewTexts {
        nav: "経路プラン",
        title: "経路プラン",
        lead: "診療所・薬局・介護施設が、紹介先の開示病院の診療情報を ID-Link で閲覧するために、どのユニオンに加入すればよいかを調べます。",
        coming: "自施設と紹介先の病院（複数可）を選ぶと、加入が必要なユニオンの組み合わせを、経路と出典つきで示します。印刷や共有もできるようになります。",
    },
    network: ViewTexts {
        nav: "ネットワーク",
        title: "ネットワーク",
        lead: "開示病院・ユニオン・病院間協定・連携施設のつながりを地図の上に示します。",
        coming: "北海道全体と札幌市の区ごとの 2 段階の地図、凡例、検索と絞り込み、表での一覧、SVG・PNG での書き出しを準備しています。",
    },
    growth: ViewTexts {
        nav: "成長",
        title: "成長",
        lead: "ID-Link の稼働とユニオンの発足を、最初の稼働から「さっぽろID-Link連絡会」発足（2023年10月31日）まで時系列でたどります。",
        coming: "再生・一時停止・コマ送りのできる年表と、開示病院数・ユニオン数・連携医療機関数の累積グラフを準備しています。",
    },
    wards: ViewTexts {
        nav: "地域",
        title: "地域",
        lead: "札幌市の 10 区ごとに、人口・医療機関数と ID-Link 閲覧施設の広がりを比べます。",
        coming: "区ごとの閲覧施設の割合（医療機関 100 施設あたり・人口 10 万人あたり）の表とグラフ、救命救急センターなど指定病院の ID-Link 参加状況を準備しています。",
    },
    data: ViewTexts {
        nav: "データ",
        title: "データ",
        lead: "このアプリが使うデータ（病院・ユニオン・連携・施設）を、出典とともに一覧で確かめます。",
        coming: "並べ替えと検索のできる表、報告資料内の記載の食い違いの表示、CSV・JSON の取り込みと書き出しを準備しています。",
    },
    not_found_title: "ページが見つかりません",
    not_found_lead: "このアドレスに対応する画面はありません。",
    not_found_back: "経路プランへ戻る",
    footer_source: "出典：さっぽろID-Link連絡会「札幌市のID-Link開示病院 相互の連携体制の構築について」（2023年）",
    footer_privacy: "このアプリはすべて端末の中で動き、データを外部へ送信しません。",
};
