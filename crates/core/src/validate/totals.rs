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

fn format_number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}
