//! Numbers and printed counts as the UI shows them.

use tsunagu_core::model::{Bound, CountReading};

use crate::i18n::TableTexts;

/// `1959512` → `"1,959,512"`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A number with a fixed count of decimals.
pub fn decimal(value: f64, digits: usize) -> String {
    format!("{value:.digits$}")
}

/// A printed count in the UI's words: "1,714", "300 以上", "不明".
pub fn reading(reading: &CountReading, texts: &TableTexts) -> String {
    match (reading.bound, reading.value) {
        (Bound::Exact, Some(value)) => thousands(value),
        (Bound::AtLeast, Some(value)) => format!("{} {}", thousands(value), texts.at_least),
        _ => texts.unknown.to_owned(),
    }
}

/// A `YYYY-MM` month in the UI's language: `2016年6月`, `Jun 2016`.
pub fn month_label(month: &str, lang: crate::i18n::Lang) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some((year, m)) = month.split_once('-') else {
        return month.to_owned();
    };
    let Ok(m) = m.parse::<usize>() else {
        return month.to_owned();
    };
    match lang {
        crate::i18n::Lang::Ja => format!("{year}年{m}月"),
        crate::i18n::Lang::En => EN
            .get(m.wrapping_sub(1))
            .map_or_else(|| month.to_owned(), |name| format!("{name} {year}")),
    }
}

/// An English count with its noun in the right number: "1 union", "2 unions".
pub fn count_en(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits_in_threes() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_959_512), "1,959,512");
        assert_eq!(thousands(-4_022), "-4,022");
    }

    #[test]
    fn months_read_naturally_in_each_language() {
        use crate::i18n::Lang;
        assert_eq!(month_label("2016-06", Lang::Ja), "2016年6月");
        assert_eq!(month_label("2016-06", Lang::En), "Jun 2016");
        assert_eq!(month_label("2016-13", Lang::En), "2016-13");
        assert_eq!(month_label("soon", Lang::Ja), "soon");
    }
}
