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
            Place::Csv(p) => format!("{} 行目 {} 列（{}）", p.line, p.column, p.field),
        }
    }

    /// Where, in English: "line 4, column 3 (施設名)", the JSON pointer, or
    /// empty for the whole file.
    pub fn place_en(&self) -> String {
        match &self.place {
            Place::File => String::new(),
            Place::Json(pointer) => pointer.clone(),
            Place::Csv(p) if p.column == 0 => format!("line {}", p.line),
            Place::Csv(p) => format!("line {}, column {} ({})", p.line, p.column, p.field),
        }
    }

    /// The problem in Japanese.
    pub fn message_ja(&self) -> String {
        match &self.kind {
            ProblemKind::Syntax { line, column, message } => {
                format!("JSON として読めません（{line} 行 {column} 列）: {message}")
            }
            ProblemKind::UnknownSchema { found, expected } => format!(
                "スキーマのバージョン {found} は読めません。このつなぐが読めるのはバージョン {expected} です"
            ),
            ProblemKind::Shape { message } => format!("項目の形が正しくありません: {message}"),
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
            ProblemKind::UnknownColumn { header } => format!(
                "「{header}」の列は読み取らないため、その値は取り込みません（見出しのつづりを確かめてください）"
            ),
            ProblemKind::TotalMismatch { key, printed, computed } => format!(
                "報告書の「{key}」の合計は {printed} ですが、記録から計算すると {computed} です"
            ),
        }
    }
}

/// A kind of record in Japanese, as a problem names it.
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
