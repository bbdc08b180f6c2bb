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
}
