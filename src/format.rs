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

/// A number with a fixed count of decimals, its whole part grouped as
/// [`thousands`] groups it: `1121.264` → `"1,121.26"`.
pub fn decimal(value: f64, digits: usize) -> String {
    let text = format!("{value:.digits$}");
    let (sign, unsigned) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |t| ("-", t));
    let (whole, fraction) = unsigned.split_at(unsigned.find('.').unwrap_or(unsigned.len()));
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out.push_str(fraction);
    out
}

/// A printed count in the UI's words: "1,714", "300 以上", "不明".
pub fn reading(reading: &CountReading, texts: &TableTexts) -> String {
    match (reading.bound, reading.value) {
        (Bound::Exact, Some(value)) => thousands(value),
        (Bound::AtLeast, Some(value)) => format!("{} {}", thousands(value), texts.at_least),
        _ => texts.unknown.to_owned(),
    }
}

/// Every printed reading of a count, as the data view shows them:
/// 「1,714 / 1,719」; equal readings from two places are shown once
/// (天使病院's 262 and 262 read 「262」), differing ones all.
pub fn readings(readings: &[CountReading], texts: &TableTexts) -> Vec<String> {
    let mut shown: Vec<String> = Vec::new();
    for text in readings.iter().map(|r| reading(r, texts)) {
        if !shown.contains(&text) {
            shown.push(text);
        }
    }
    shown
}

/// Today, as `YYYY-MM-DD` in the device's time zone.
#[cfg(target_arch = "wasm32")]
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Native builds (render tests) have no clock to ask: the report's day.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> String {
    "2023-10-31".to_owned()
}

/// The day `months` months before `day` (`YYYY-MM-DD`), the day of the
/// month kept where the month has it (else its last day is near enough: the
/// 28th). `None` for a day that is not `YYYY-MM-DD`.
pub fn months_before(day: &str, months: u32) -> Option<String> {
    let (year, rest) = day.split_once('-')?;
    let (month, date) = rest.split_once('-')?;
    let (year, month, date): (i64, i64, u32) =
        (year.parse().ok()?, month.parse().ok()?, date.parse().ok()?);
    let index = year * 12 + (month - 1) - i64::from(months);
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    Some(format!("{year:04}-{month:02}-{:02}", date.min(28)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_group_their_whole_part_and_round_first() {
        assert_eq!(decimal(1121.264, 2), "1,121.26");
        assert_eq!(decimal(56.04, 1), "56.0");
        assert_eq!(decimal(999.96, 1), "1,000.0");
        assert_eq!(decimal(-1234.5, 1), "-1,234.5");
        assert_eq!(decimal(1_959_512.0, 0), "1,959,512");
        assert_eq!(decimal(0.05, 2), "0.05");
    }

    #[test]
    fn months_before_goes_back_across_years() {
        assert_eq!(
            months_before("2026-11-30", 6).as_deref(),
            Some("2026-05-28")
        );
        assert_eq!(
            months_before("2026-03-15", 12).as_deref(),
            Some("2025-03-15")
        );
        assert_eq!(
            months_before("2026-01-05", 1).as_deref(),
            Some("2025-12-05")
        );
        assert_eq!(months_before("soon", 1), None);
    }

    #[test]
    fn thousands_groups_digits_in_threes() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_959_512), "1,959,512");
        assert_eq!(thousands(-4_022), "-4,022");
    }
}
