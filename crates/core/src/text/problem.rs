//! The words for a dataset's or an imported file's problems: what is wrong
//! and where, in Japanese and English, for the app and the CLI alike.

use crate::validate::{CountRule, Place, Problem, ProblemKind, Severity, Target};

impl Problem {
    /// Where, in Japanese: 「4 行目 3 列（施設名）」, the JSON pointer, or
    /// empty for the whole file.
    pub fn place_ja(&self) -> String {
        match &self.place {
            Place::File => String::new(),
            Place::Json(pointer) => pointer.clone(),
            Place::Csv(p) if p.column == 0 => format!("{} 行目", p.line),
            Place::Csv(p) => match &p.record {
                Some(name) => format!("{} 行目（{name}）{} 列（{}）", p.line, p.column, p.field),
                None => format!("{} 行目 {} 列（{}）", p.line, p.column, p.field),
            },
        }
    }

    /// Where, in English: "line 4, column 3 (施設名)", the JSON pointer, or
    /// empty for the whole file.
    pub fn place_en(&self) -> String {
        match &self.place {
            Place::File => String::new(),
            Place::Json(pointer) => pointer.clone(),
            Place::Csv(p) if p.column == 0 => format!("line {}", p.line),
            Place::Csv(p) => match &p.record {
                Some(name) => format!(
                    "line {} ({name}), column {} ({})",
                    p.line, p.column, p.field
                ),
                None => format!("line {}, column {} ({})", p.line, p.column, p.field),
            },
        }
    }

    /// The problem in English.
    pub fn message_en(&self) -> String {
        match &self.kind {
            // A printed total by its name, not the data's key.
            ProblemKind::TotalMismatch {
                key,
                printed,
                computed,
            } => format!(
                "the report prints {printed} for \"{}\", but the records add up to {computed}",
                super::total_name(key).map_or_else(|| key.clone(), |name| name.en)
            ),
            kind => kind.to_string(),
        }
    }

    /// The problem in Japanese.
    pub fn message_ja(&self) -> String {
        match &self.kind {
            ProblemKind::Syntax { line, column, message } => {
                format!("JSON として読めません（{line} 行 {column} 列）: {}", syntax_ja(message))
            }
            ProblemKind::UnknownSchema { found, expected } => format!(
                "スキーマのバージョン {found} は読めません。このつなぐが読めるのはバージョン {expected} です"
            ),
            ProblemKind::Shape { message } => shape_ja(message),
            ProblemKind::DuplicateId { id, first } => {
                format!("ID「{id}」が重複しています（{first} でも使われています）")
            }
            ProblemKind::DanglingRef { id, target } => {
                format!("「{id}」という{}はありません", target_ja(*target))
            }
            ProblemKind::BadMonth { value } => {
                format!("「{value}」は年月（YYYY-MM）として正しくありません")
            }
            ProblemKind::BadDate { value } => {
                format!("「{value}」は日付（YYYY-MM-DD）として正しくありません")
            }
            ProblemKind::Negative { value } => format!("{value} は負の数です。数は負になりません"),
            ProblemKind::CountBound { bound, rule } => {
                let rule = match rule {
                    CountRule::HasValue => "値が必要です",
                    CountRule::NoValue => "値を持てません（null にしてください）",
                };
                format!("bound が「{}」の数は{rule}", bound.as_str())
            }
            ProblemKind::Empty => "空にはできません".to_owned(),
            ProblemKind::EmptyFile => "ファイルが空です".to_owned(),
            ProblemKind::SelfLink => "連携は異なる 2 つの病院を結ぶ必要があります".to_owned(),
            ProblemKind::SelfUnionLink => {
                "ユニオン間の接続は異なる 2 つのユニオンを結ぶ必要があります".to_owned()
            }
            ProblemKind::OutsideJapan { lat, lon } => format!("座標 ({lat}, {lon}) は日本国内ではありません"),
            ProblemKind::TooLarge { size, limit } => {
                format!("ファイルが大きすぎます（{size} バイト）。取り込めるのは {limit} バイトまでです")
            }
            ProblemKind::Encoding => "UTF-8 でも Shift_JIS でもない文字が含まれています".to_owned(),
            ProblemKind::MissingColumn { names } => format!("見出し行に「{names}」の列がありません"),
            ProblemKind::UnclosedQuote => {
                "このセルの引用符（\"）が閉じられていません。ファイルの残りがこのセル 1 つとして読まれてしまいます".to_owned()
            }
            ProblemKind::EmptyName => "名前が空です".to_owned(),
            ProblemKind::BadId { value } => {
                format!("「{value}」は ID に使えません（英数字・-・_ のみ）")
            }
            ProblemKind::UnknownValue { value } => format!("「{value}」はこの列に書ける値ではありません"),
            ProblemKind::NotGiven { column } => {
                format!("「{column}」が書かれていないため、推測せず空のままにします")
            }
            ProblemKind::ConfirmedColumnNotRead { header, date } => format!(
                "「{header}」の列は読み取りません。このファイルに載っている施設はすべて、取り込んだ日（{date}）に確認したものとして記録します"
            ),
            ProblemKind::WhatIfFile => "これは「もしも」の提案のファイルです。データとしてではなく、「もしも」の「提案の JSON を読み込む」で開いてください".to_owned(),
            ProblemKind::UnknownColumn { header } => format!(
                "「{header}」の列は読み取らないため、その値は取り込みません（見出しのつづりを確かめてください）"
            ),
            ProblemKind::TotalMismatch { key, printed, computed } => format!(
                "報告書の「{}」の合計は {printed} ですが、記録から計算すると {computed} です",
                super::total_name(key).map_or_else(|| key.clone(), |name| name.ja)
            ),
        }
    }
}

/// A kind of record in Japanese, as a problem names it.
/// A record list's name by its key in the data, in Japanese and English.
fn list_name(key: &str) -> Option<(&'static str, &'static str)> {
    Some(match key {
        "hospitals" => ("病院", "hospital"),
        "unions" => ("ユニオン", "union"),
        "links" => ("病院間の連携", "link"),
        "facilities" => ("施設", "facility"),
        "wards" => ("区", "ward"),
        "sections" => ("章", "section"),
        "discrepancies" => ("食い違い", "discrepancy"),
        "designations" => ("指定", "designation"),
        "memberships" => ("加入ユニオン", "membership"),
        "hosts" => ("開示病院", "host"),
        "linked_institutions" => ("連携医療機関数", "linked-institutions reading"),
        "sources" => ("出典", "source"),
        _ => return None,
    })
}

/// A JSON pointer in words, counting from 1 as a reader does, with the
/// pointer itself after them for whoever opens the file:
/// `/facilities/1/memberships/0/union` in a file whose second facility is
/// ていね泌尿器科 reads 「施設 2 件目（ていね泌尿器科）の加入ユニオン 1 件目の
/// 「union」（/facilities/1/memberships/0/union）」, or in English
/// "facility 2 (ていね泌尿器科), membership 1, "union"
/// (/facilities/1/memberships/0/union)". `record` is the name of the
/// record the pointer falls in, when known.
pub fn json_place(pointer: &str, record: Option<&str>, lang_en: bool) -> String {
    let segments: Vec<&str> = pointer
        .strip_prefix('/')
        .map_or_else(Vec::new, |p| p.split('/').collect());
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let key = segments[i];
        let index = segments.get(i + 1).and_then(|n| n.parse::<usize>().ok());
        let part = match (index, list_name(key)) {
            (Some(n), named) => {
                let (ja, en) = named.unwrap_or((key, key));
                i += 1;
                // The record's name, after the first list's position.
                let name = record.filter(|_| parts.is_empty());
                match (lang_en, name) {
                    (true, Some(name)) => format!("{en} {} ({name})", n + 1),
                    (true, None) => format!("{en} {}", n + 1),
                    (false, Some(name)) => format!("{ja} {} 件目（{name}）", n + 1),
                    (false, None) => format!("{ja} {} 件目", n + 1),
                }
            }
            (None, _) => {
                if lang_en {
                    format!("\"{key}\"")
                } else {
                    format!("「{key}」")
                }
            }
        };
        parts.push(part);
        i += 1;
    }
    if parts.is_empty() {
        return pointer.to_owned();
    }
    if lang_en {
        format!("{} ({pointer})", parts.join(", "))
    } else {
        format!("{}（{pointer}）", parts.join("の"))
    }
}

fn target_ja(target: Target) -> &'static str {
    match target {
        Target::Section => "報告書の節",
        Target::Ward => "区",
        Target::Hospital => "病院",
        Target::Union => "ユニオン",
        Target::Facility => "施設",
        Target::Designation => "指定",
        Target::Link => "連携",
        Target::Discrepancy => "記載の食い違い",
    }
}

/// `error /unions/3/hosts/0: 「x」という病院はありません / "x" names no hospital`:
/// the place in English and the message in both languages, as the CLI prints it.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = match self.place_en() {
            place if place.is_empty() => "(file)".to_owned(),
            place => place,
        };
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{level} {place}: {} / {}",
            self.message_ja(),
            self.message_en()
        )
    }
}

/// A shape problem in Japanese. The reader's (serde's) messages are in
/// English and follow a few patterns: those are said in plain Japanese, with
/// the names and values as written; anything else keeps serde's words after
/// a Japanese lead.
fn shape_ja(message: &str) -> String {
    let between = |s: &str, open: &str, close: &str| -> Option<String> {
        let start = s.find(open)? + open.len();
        let end = start + s[start..].find(close)?;
        Some(s[start..end].to_owned())
    };
    if message == "missing field `schema_version`" {
        return "「schema_version」の項目がありません。つなぐのデータファイル（JSON）ではないようです。施設の一覧なら CSV で取り込めます".to_owned();
    }
    if message == "the file must hold one JSON object" {
        return "ファイル全体が JSON のオブジェクト 1 つになっていません".to_owned();
    }
    if message == "the file does not match tsunagu's format" {
        return "つなぐのデータの形式と合いません".to_owned();
    }
    if let Some(field) = message
        .strip_prefix("missing field ")
        .and_then(|m| between(m, "`", "`"))
    {
        return format!("必要な項目「{field}」がありません");
    }
    if let Some(field) = message
        .strip_prefix("unknown field ")
        .and_then(|m| between(m, "`", "`"))
    {
        return format!("「{field}」という項目は読めません（つづりを確かめてください）");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        if let Some(value) = between(rest, "`", "`") {
            let allowed: Vec<String> = rest
                .split_once("expected ")
                .map(|(_, list)| {
                    list.trim_start_matches("one of ")
                        .split(", ")
                        .map(|v| v.trim_matches('`').to_owned())
                        .collect()
                })
                .unwrap_or_default();
            return if allowed.is_empty() {
                format!("「{value}」はここに書ける値ではありません")
            } else {
                format!(
                    "「{value}」はここに書ける値ではありません（書ける値：{}）",
                    allowed.join("、")
                )
            };
        }
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|m| m.split_once(", expected "))
    {
        return format!(
            "{}が書かれていますが、{}が必要です",
            found_ja(found),
            expected_ja(expected)
        );
    }
    format!("項目の形が正しくありません: {message}")
}

/// A JSON syntax error in Japanese, from `serde_json`'s English (which
/// is kept, in brackets, for one it does not know).
fn syntax_ja(message: &str) -> String {
    // serde_json ends its message with the place, which is said apart.
    let message = message.split(" at line ").next().unwrap_or(message);
    let ja = match message {
        "EOF while parsing a string" => {
            "文字列の途中でファイルが終わっています（閉じる \" がありません）"
        }
        "EOF while parsing a list" => {
            "配列の途中でファイルが終わっています（閉じる ] がありません）"
        }
        "EOF while parsing an object" => {
            "オブジェクトの途中でファイルが終わっています（閉じる } がありません）"
        }
        "EOF while parsing a value" => "値の途中でファイルが終わっています",
        "expected value" => "ここには値が必要です",
        "expected `,` or `]`" => "ここには , か ] が必要です",
        "expected `,` or `}`" => "ここには , か } が必要です",
        "expected `:`" => "ここには : が必要です",
        "key must be a string" => "項目名は \" で囲んだ文字列にしてください",
        "trailing comma" => "最後の , のあとに値がありません（余分な , を消してください）",
        "trailing characters" => "JSON の終わりのあとに余分な文字があります",
        "invalid escape" => "\\ のあとの文字が正しくありません",
        "invalid number" => "数値として読めません",
        "number out of range" => "数値が大きすぎます",
        "invalid unicode code point" => "\\u のあとの文字コードが正しくありません",
        _ if message.starts_with("control character") => {
            "文字列の中に改行やタブなどの制御文字がそのまま入っています"
        }
        _ => return format!("JSON の書き方が正しくありません（{message}）"),
    };
    ja.to_owned()
}

/// What serde found, in Japanese: `string "三百"` → 文字列 "三百".
fn found_ja(found: &str) -> String {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    let value = value.trim_matches('`');
    let kind = match kind {
        "string" => "文字列",
        "integer" => "整数",
        "floating" => return format!("小数 {}", value.trim_start_matches("point ")),
        "boolean" => "真偽値",
        "null" => return "null".to_owned(),
        "map" => return "オブジェクト（{…}）".to_owned(),
        "sequence" => return "配列（[…]）".to_owned(),
        other => other,
    };
    if value.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind} {value}")
    }
}

/// What serde expected, in Japanese: `i64` → 整数.
fn expected_ja(expected: &str) -> String {
    match expected {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => {
            "整数".to_owned()
        }
        "f32" | "f64" => "数値".to_owned(),
        "a string" => "文字列".to_owned(),
        "a boolean" => "true か false".to_owned(),
        "a sequence" => "配列（[…]）".to_owned(),
        "a map" => "オブジェクト（{…}）".to_owned(),
        other if other.starts_with("struct ") => "オブジェクト（{…}）".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_json_pointer_reads_in_words_counting_from_one() {
        use super::json_place;
        let pointer = "/facilities/1/memberships/0/union";
        assert_eq!(
            json_place(pointer, Some("ていね泌尿器科"), false),
            "施設 2 件目（ていね泌尿器科）の加入ユニオン 1 件目の「union」（/facilities/1/memberships/0/union）"
        );
        assert_eq!(
            json_place(pointer, Some("ていね泌尿器科"), true),
            "facility 2 (ていね泌尿器科), membership 1, \"union\" (/facilities/1/memberships/0/union)"
        );
        assert_eq!(
            json_place("/hospitals/0/beds", None, false),
            "病院 1 件目の「beds」（/hospitals/0/beds）"
        );
        assert_eq!(
            json_place("/schema_version", None, true),
            "\"schema_version\" (/schema_version)"
        );
        // A list the words do not know keeps its key.
        assert_eq!(json_place("/extras/2", None, true), "extras 3 (/extras/2)");
        assert_eq!(json_place("", None, false), "");
    }

    use super::shape_ja;

    #[test]
    fn a_file_cut_short_reads_in_plain_japanese_with_its_place() {
        let problems =
            crate::validate::load_dataset(r#"{"schema_version": 1, "meta": {"title": "abc"#)
                .expect_err("cut short");
        assert_eq!(
            problems[0].message_ja(),
            "JSON として読めません（1 行 44 列）: 文字列の途中でファイルが終わっています（閉じる \" がありません）"
        );
        let problems =
            crate::validate::load_dataset("{\"schema_version\": 1,}").expect_err("a comma");
        assert!(
            problems[0]
                .message_ja()
                .contains("余分な , を消してください"),
            "{}",
            problems[0].message_ja()
        );
        // One it does not know keeps serde's words, in brackets.
        assert_eq!(
            super::syntax_ja("something new at line 3 column 4"),
            "JSON の書き方が正しくありません（something new）"
        );
    }

    #[test]
    fn serde_s_messages_read_in_plain_japanese() {
        assert_eq!(
            shape_ja("invalid type: string \"三百\", expected i64"),
            "文字列 \"三百\"が書かれていますが、整数が必要です"
        );
        assert_eq!(
            shape_ja("missing field `name`"),
            "必要な項目「name」がありません"
        );
        assert_eq!(
            shape_ja("unknown variant `hospitl`, expected one of `clinic`, `pharmacy`"),
            "「hospitl」はここに書ける値ではありません（書ける値：clinic、pharmacy）"
        );
        assert_eq!(
            shape_ja("unknown field `nmae`, expected `id` or `name`"),
            "「nmae」という項目は読めません（つづりを確かめてください）"
        );
        assert!(shape_ja("missing field `schema_version`").contains("つなぐのデータファイル"));
        // As a real file's problem reads: a bed count written in words.
        let text = crate::bundled::SAPPORO_JSON.replacen(
            "\"beds\": ",
            "\"beds\": \"三百\", \"x_beds\": ",
            1,
        );
        let problems = crate::validate::load_dataset(&text).expect_err("a bed count in words");
        let beds = problems
            .iter()
            .find(|p| p.place_ja().ends_with("/beds"))
            .expect("the bed count's problem");
        assert_eq!(
            beds.message_ja(),
            "文字列 \"三百\"が書かれていますが、整数が必要です"
        );
        // Anything else keeps serde's words, after a Japanese lead.
        assert_eq!(
            shape_ja("invalid length 1, expected 2"),
            "項目の形が正しくありません: invalid length 1, expected 2"
        );
    }
}
