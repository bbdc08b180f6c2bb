//! The report's printed totals against what the records add up to: a
//! disagreement is a warning, since the report itself may be wrong.

use super::problem::{Problem, ProblemKind};
use crate::model::Dataset;
use crate::stats::dataset_stats;

/// Warns where a printed total disagrees with what the records add up to.
pub(super) fn check_totals(data: &Dataset, problems: &mut Vec<Problem>) {
    let stats = dataset_stats(data);
    for (i, total) in data.printed_totals.iter().enumerate() {
        let Some(computed) = stats.totals.get(&total.key) else {
            continue;
        };
        if (computed - total.value).abs() > 0.005 {
            problems.push(Problem::warning(
                format!("/printed_totals/{i}/value"),
                ProblemKind::TotalMismatch {
                    key: total.key.clone(),
                    printed: total.as_written.clone(),
                    computed: format_number(computed),
                },
            ));
        }
    }
    for (i, ratio) in data.printed_ratios.iter().enumerate() {
        let Some(row) = stats
            .designations
            .iter()
            .find(|d| d.id == ratio.designation)
        else {
            continue;
        };
        if (row.on_idlink, row.total) != (ratio.on_idlink, ratio.total) {
            problems.push(Problem::warning(
                format!("/printed_ratios/{i}"),
                ProblemKind::TotalMismatch {
                    key: row.name.clone(),
                    printed: ratio.as_written.clone(),
                    computed: format!("{}/{}", row.on_idlink, row.total),
                },
            ));
        }
    }
}

/// A computed total as the report prints one: thousands grouped
/// (1,716,479), two decimals for an area.
fn format_number(value: f64) -> String {
    let plain = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    };
    let (whole, rest) = plain.split_at(plain.find('.').unwrap_or(plain.len()));
    let (sign, digits) = whole.split_at(usize::from(whole.starts_with('-')));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{rest}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_computed_total_is_grouped_as_the_report_prints_it() {
        assert_eq!(super::format_number(1_716_479.0), "1,716,479");
        assert_eq!(super::format_number(999.0), "999");
        assert_eq!(super::format_number(1121.26), "1,121.26");
        assert_eq!(super::format_number(-1234.0), "-1,234");
    }
}
