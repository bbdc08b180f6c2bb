//! 地域: coverage by Sapporo ward. A sortable table, a bar chart that is the
//! table's picture (the table is its text twin), and how far each kind of
//! designated hospital is on ID-Link.

use std::rc::Rc;

use tsunagu_core::stats::{dataset_stats, Stats, WardStats};
use yew::prelude::*;

use super::ViewProps;
use crate::components::{Column, Row, SortKey, SortTable};
use crate::format::{decimal, thousands};
use crate::i18n::{Lang, WardsTexts};
use crate::route::VIEW_TITLE_ID;

/// What the chart measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Metric {
    Per100Institutions,
    Per100kPeople,
}

impl Metric {
    fn of(self, ward: &WardStats) -> Option<f64> {
        match self {
            Metric::Per100Institutions => ward.viewing_per_100_institutions,
            Metric::Per100kPeople => ward.viewing_per_100k_people,
        }
    }

    fn label(self, texts: &WardsTexts) -> &'static str {
        match self {
            Metric::Per100Institutions => texts.col_per_100,
            Metric::Per100kPeople => texts.col_per_100k,
        }
    }
}

#[allow(clippy::cast_precision_loss)] // counts are far below 2^52
fn number(n: i64) -> SortKey {
    SortKey::Number(n as f64)
}

fn ward_rows(stats: &Stats, lang: Lang) -> Vec<Row> {
    stats
        .wards
        .iter()
        .map(|w| {
            let name = if lang == Lang::En { w.name_en.clone() } else { w.name.clone() };
            let optional = |v: Option<f64>| v.map_or(SortKey::Missing, SortKey::Number);
            Row {
                key: w.id.0.clone().into(),
                search: format!("{} {} {}", w.name, w.name_en, w.disclosing_hospitals.join(" ")),
                cells: vec![
                    html! { name.clone() },
                    html! { thousands(w.population) },
                    html! { thousands(w.households) },
                    html! { decimal(w.area_km2, 2) },
                    html! { thousands(w.institutions) },
                    html! { thousands(w.viewing_facilities) },
                    html! { w.viewing_per_100_institutions.map(|v| decimal(v, 1)).unwrap_or_default() },
                    html! { w.viewing_per_100k_people.map(|v| decimal(v, 1)).unwrap_or_default() },
                    html! { lang.list(&w.disclosing_hospitals) },
                ],
                sort: vec![
                    SortKey::Text(name),
                    number(w.population),
                    number(w.households),
                    SortKey::Number(w.area_km2),
                    number(w.institutions),
                    number(w.viewing_facilities),
                    optional(w.viewing_per_100_institutions),
                    optional(w.viewing_per_100k_people),
                    SortKey::Text(w.disclosing_hospitals.join(" ")),
                ],
            }
        })
        .collect()
}

/// The 地域 view.
#[function_component(WardsView)]
pub fn wards_view(props: &ViewProps) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let w = &texts.wards_view;
    let stats = use_memo(props.data.clone(), |data| {
        data.as_ref().map(|data| Rc::new(dataset_stats(data)))
    });
    let metric = use_state(|| Metric::Per100Institutions);

    let Some(stats) = stats.as_ref().clone() else {
        return html! {
            <section class="view" aria-labelledby={VIEW_TITLE_ID}>
                <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.wards.title }</h2>
                <p role="alert">{ texts.data_unavailable }</p>
            </section>
        };
    };

    let columns = Rc::new(vec![
        Column::text(w.col_ward),
        Column::number(w.col_population),
        Column::number(w.col_households),
        Column::number(w.col_area),
        Column::number(w.col_institutions),
        Column::number(w.col_viewing),
        Column::number(w.col_per_100),
        Column::number(w.col_per_100k),
        Column::text(w.col_disclosing),
    ]);
    let t = &stats.totals;
    #[allow(clippy::cast_precision_loss)] // counts are far below 2^52
    let (per_100, per_100k) = (
        t.viewing_facilities as f64 * 100.0 / t.institutions.max(1) as f64,
        t.viewing_facilities as f64 * 100_000.0 / t.population.max(1) as f64,
    );
    let footer = html! {
        <tr>
            <th scope="row">{ w.total_row }</th>
            <td class="num">{ thousands(t.population) }</td>
            <td class="num">{ thousands(t.households) }</td>
            <td class="num">{ decimal(t.area_km2, 2) }</td>
            <td class="num">{ thousands(t.institutions) }</td>
            <td class="num">{ thousands(t.viewing_facilities) }</td>
            <td class="num">{ decimal(per_100, 1) }</td>
            <td class="num">{ decimal(per_100k, 1) }</td>
            <td>{ thousands(t.disclosing_hospitals) }</td>
        </tr>
    };

    html! {
        <section class="view" aria-labelledby={VIEW_TITLE_ID}>
            <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.wards.title }</h2>
            <p class="lead">{ texts.wards.lead }</p>
            <SortTable {lang} caption={w.table_caption} {columns} rows={Rc::new(ward_rows(&stats, lang))}
                footer={footer} searchable={false} />
            <p class="note">{ w.sources_note }</p>
            <WardChart {lang} stats={Rc::clone(&stats)} metric={*metric}
                on_metric={Callback::from(move |m| metric.set(m))} />
            <DesignationCoverage {lang} {stats} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WardChartProps {
    lang: Lang,
    stats: Rc<Stats>,
    metric: Metric,
    on_metric: Callback<Metric>,
}

/// A horizontal bar chart of one coverage measure per ward.
#[function_component(WardChart)]
fn ward_chart(props: &WardChartProps) -> Html {
    let w = &props.lang.texts().wards_view;
    let metric = props.metric;
    let values: Vec<(String, f64)> = props
        .stats
        .wards
        .iter()
        .map(|ward| {
            let name = if props.lang == Lang::En {
                ward.name_en.clone()
            } else {
                ward.name.clone()
            };
            (name, metric.of(ward).unwrap_or(0.0))
        })
        .collect();
    let max = values
        .iter()
        .map(|(_, v)| *v)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let (label_w, bar_w, row_h) = (90.0, 420.0, 30.0);
    #[allow(clippy::cast_precision_loss)] // ten wards
    let height = values.len() as f64 * row_h + 10.0;
    let title = format!("{} — {}", w.chart_heading, metric.label(w));

    let radios = [Metric::Per100Institutions, Metric::Per100kPeople]
        .into_iter()
        .map(|m| {
            let onchange = props.on_metric.reform(move |_: Event| m);
            html! {
                <label class="radio">
                    <input type="radio" name="ward-metric" checked={m == metric} {onchange} />
                    { m.label(w) }
                </label>
            }
        });

    html! {
        <section class="chart" aria-labelledby="ward-chart-heading">
            <h3 id="ward-chart-heading">{ w.chart_heading }</h3>
            <fieldset class="radios">
                <legend>{ w.chart_metric_label }</legend>
                { for radios }
            </fieldset>
            <svg class="bar-chart" viewBox={format!("0 0 {} {height}", label_w + bar_w + 70.0)}
                role="img" aria-label={title.clone()}>
                <title>{ title }</title>
                { for values.iter().enumerate().map(|(i, (name, value))| {
                    #[allow(clippy::cast_precision_loss)] // ten wards
                    let y = i as f64 * row_h + 5.0;
                    let width = value / max * bar_w;
                    html! {
                        <g>
                            <text x={(label_w - 8.0).to_string()} y={(y + row_h * 0.62).to_string()} text-anchor="end">{ name.clone() }</text>
                            <rect x={label_w.to_string()} y={(y + 4.0).to_string()} width={width.to_string()} height={(row_h - 8.0).to_string()} rx="3" />
                            <text x={(label_w + width + 6.0).to_string()} y={(y + row_h * 0.62).to_string()}>{ decimal(*value, 1) }</text>
                        </g>
                    }
                }) }
            </svg>
            <details class="twin">
                <summary>{ w.chart_summary }</summary>
                <ul>
                    { for values.iter().map(|(name, value)| html! { <li>{ format!("{name}: {}", decimal(*value, 1)) }</li> }) }
                </ul>
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DesignationCoverageProps {
    lang: Lang,
    stats: Rc<Stats>,
}

/// "救命救急センター 3/5 on ID-Link", naming the hospitals not yet on it.
#[function_component(DesignationCoverage)]
fn designation_coverage(props: &DesignationCoverageProps) -> Html {
    let w = &props.lang.texts().wards_view;
    html! {
        <section class="designations" aria-labelledby="designation-heading">
            <h3 id="designation-heading">{ w.designation_heading }</h3>
            <p>{ w.designation_lead }</p>
            <ul class="coverage-list">
                { for props.stats.designations.iter().map(|d| {
                    let name = if props.lang == Lang::En { d.name_en.clone() } else { d.name.clone() };
                    #[allow(clippy::cast_precision_loss)] // small counts
                    let share = d.on_idlink as f64 / d.total.max(1) as f64 * 100.0;
                    html! {
                        <li>
                            <p class="coverage-title"><strong>{ name }</strong>{ format!(" {}/{} {}", d.on_idlink, d.total, w.on_idlink) }</p>
                            <div class="meter" aria-hidden="true"><span style={format!("width: {share:.0}%")}></span></div>
                            <p class="coverage-missing">
                                if d.hospitals_not_on_idlink.is_empty() {
                                    { w.all_on }
                                } else {
                                    { format!("{}: {}", w.not_yet, props.lang.list(&d.hospitals_not_on_idlink)) }
                                }
                            </p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
