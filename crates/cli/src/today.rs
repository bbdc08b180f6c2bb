//! Today's date, for `import --confirmed`'s default, from the system clock
//! with the standard library alone: the civil (proleptic Gregorian) date of
//! the days since the Unix epoch, in Japan Standard Time.

use std::time::{SystemTime, UNIX_EPOCH};

use tsunagu_core::model::Date;

const SECONDS_PER_DAY: i64 = 86_400;

/// Japan Standard Time: UTC+9 all year (Japan keeps no daylight saving).
const JST_OFFSET_SECONDS: i64 = 9 * 3_600;

/// Today in Japan, as `YYYY-MM-DD`.
///
/// Japan's day rather than the machine's: the records are Sapporo's unions,
/// confirmed with their offices on Japanese days, and Japan's offset never
/// changes, so no time-zone crate is needed (the standard library has none).
pub fn today() -> Date {
    // A clock set before 1970 counts back, rather than failing an import.
    let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
    };
    date_in_japan(seconds)
}

/// The date in Japan `seconds` after 1970-01-01 00:00 UTC.
fn date_in_japan(seconds: i64) -> Date {
    let (year, month, day) = civil_from_days(
        seconds
            .saturating_add(JST_OFFSET_SECONDS)
            .div_euclid(SECONDS_PER_DAY),
    );
    Date(format!("{year:04}-{month:02}-{day:02}"))
}

/// The year, month and day of a count of days since 1970-01-01 (negative
/// before it). Howard Hinnant's `civil_from_days`: counting in 400-year eras
/// that start on 1 March puts the leap day last, so each era repeats exactly
/// and each month's start is a linear formula of the day of the year.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // 719,468 days from 0000-03-01 to 1970-01-01.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097); // [0, 146096]
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365; // [0, 399]
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100); // [0, 365]
    let march_month = (5 * day_of_year + 2) / 153; // [0, 11], 0 = March
    let day = day_of_year - (153 * march_month + 2) / 5 + 1; // [1, 31]
    let month = if march_month < 10 {
        march_month + 3
    } else {
        march_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both are in range by construction: a month in 1..=12, a day in 1..=31.
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Days since 1970-01-01 as `date -u -d DAY +%s` / 86400 gives them.
    #[test]
    fn known_days_give_their_dates() {
        for (days, date) in [
            (0, (1970, 1, 1)),
            (-1, (1969, 12, 31)),
            (59, (1970, 3, 1)),
            (11_016, (2000, 2, 29)),
            (11_017, (2000, 3, 1)),
            (19_661, (2023, 10, 31)),
            (19_782, (2024, 2, 29)),
            (47_541, (2100, 3, 1)),
            (-719_468, (0, 3, 1)),
        ] {
            assert_eq!(civil_from_days(days), date, "day {days}");
        }
    }

    #[test]
    fn consecutive_days_are_consecutive_dates() {
        // Every day of the years a dataset's dates may have (1900, not leap,
        // to 2100, not leap; 2000 is): each date follows the one before and
        // is a valid date.
        let mut previous = civil_from_days(-25_567);
        assert_eq!(previous, (1900, 1, 1));
        for days in -25_566..=47_846 {
            let (y, m, d) = civil_from_days(days);
            let (py, pm, pd) = previous;
            // A new month starts only after the last day of the one before.
            let month_ended = Date(format!("{py:04}-{pm:02}-{:02}", pd + 1))
                .parts()
                .is_none();
            let next_day = (y, m) == (py, pm) && d == pd + 1;
            let next_month = y == py && m == pm + 1 && d == 1 && month_ended;
            let next_year = y == py + 1 && (m, d) == (1, 1) && (pm, pd) == (12, 31);
            assert!(
                next_day || next_month || next_year,
                "{previous:?} → {:?}",
                (y, m, d)
            );
            let text = format!("{y:04}-{m:02}-{d:02}");
            assert!(Date(text.clone()).parts().is_some(), "{text}");
            previous = (y, m, d);
        }
        assert_eq!(previous, (2100, 12, 31));
    }

    /// Seconds as `date -u -d '2026-11-30 15:00' +%s` gives them.
    #[test]
    fn the_day_turns_at_midnight_in_japan_not_in_utc() {
        // 2026-11-30 14:59:59 UTC is 23:59:59 in Sapporo; a second later it
        // is 00:00 on 1 December there, while UTC is still on the 30th.
        assert_eq!(date_in_japan(1_796_050_799).0, "2026-11-30");
        assert_eq!(date_in_japan(1_796_050_800).0, "2026-12-01");
        assert_eq!(date_in_japan(0).0, "1970-01-01");
        assert_eq!(date_in_japan(-9 * 3_600 - 1).0, "1969-12-31");
    }

    #[test]
    fn today_is_a_date() {
        let today = today();
        assert!(today.parts().is_some(), "{today:?}");
    }
}
