//! 地域: coverage by Sapporo ward. A choropleth of the ten wards beside a
//! sortable table (its text twin; picking a ward highlights its row), a bar
//! chart of the same measure, and how far each kind of designated hospital
//! is on ID-Link.

use std::rc::Rc;

use tsunagu_core::model::{Bound, Dataset};
use tsunagu_core::stats::{dataset_stats, Stats, WardStats};
use yew::prelude::*;

use super::ViewProps;
use crate::components::tags;
use crate::components::{Column, Row, SortKey, SortTable, WardMap, WardValue};
use crate::dataset_handle::DatasetHandle;
use crate::format::{decimal, thousands};
use crate::i18n::{Lang, WardsTexts};
use crate::lookup::hospital_label;
use crate::route::VIEW_TITLE_ID;

/// What the chart measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Metric {
    Per100Institutions,
    Per100kPeople,
    Count,
}

impl Metric {
    const ALL: [Metric; 3] = [
        Metric::Per100Institutions,
        Metric::Per100kPeople,
        Metric::Count,
    ];

    #[allow(clippy::cast_precision_loss)] // counts are far below 2^52
    fn of(self, ward: &WardStats) -> Option<f64> {
        match self {
            Metric::Per100Institutions => ward.viewing_per_100_institutions,
            Metric::Per100kPeople => ward.viewing_per_100k_people,
            Metric::Count => Some(ward.viewing_facilities as f64),
        }
    }

    /// The value as the table writes it.
    fn shown(self, ward: &WardStats) -> String {
        match self {
            Metric::Count => thousands(ward.viewing_facilities),
            _ => self.of(ward).map(|v| decimal(v, 1)).unwrap_or_default(),
        }
    }

    fn label(self, texts: &WardsTexts) -> &'static str {
        match self {
            Metric::Per100Institutions => texts.col_per_100,
            Metric::Per100kPeople => texts.col_per_100k,
            Metric::Count => texts.col_viewing,
        }
    }
}

#[allow(clippy::cast_precision_loss)] // counts are far below 2^52
fn number(n: i64) -> SortKey {
    SortKey::Number(n as f64)
}

/// The report's hospital names (as the statistics carry them) in `lang`: in
/// English each hospital's English name where the data has one.
fn hospital_names_in(data: &Dataset, names: &[String], lang: Lang) -> Vec<String> {
    names
        .iter()
        .map(|name| {
            data.hospitals
                .iter()
                .find(|h| &h.name == name)
                .map_or_else(|| name.clone(), |h| hospital_label(h, lang))
        })
        .collect()
}

fn ward_rows(data: &Dataset, stats: &Stats, lang: Lang) -> Vec<Row> {
    stats
        .wards
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let name = if lang == Lang::En { w.name_en.clone() } else { w.name.clone() };
            let optional = |v: Option<f64>| v.map_or(SortKey::Missing, SortKey::Number);
            let disclosing = lang.list(&hospital_names_in(data, &w.disclosing_hospitals, lang));
            Row {
                key: w.id.0.clone().into(),
                record: i,
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
                    html! { disclosing.clone() },
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
                    SortKey::Text(disclosing),
                ],
            }
        })
        .collect()
}

/// Each ward shape's (code, name).
fn shapes_names(shapes: &crate::map::WardShapes) -> Vec<(String, String)> {
    shapes
        .wards
        .iter()
        .map(|w| (w.code.clone(), w.name.clone()))
        .collect()
}

/// Each ward's value on the map, matched to its shape by the ward's name as
/// the report and the boundary data both write it (中央区).
fn map_values(
    stats: &Stats,
    metric: Metric,
    lang: Lang,
    shapes: &[(String, String)],
) -> Vec<WardValue> {
    stats
        .wards
        .iter()
        .filter_map(|ward| {
            let (code, _) = shapes.iter().find(|(_, name)| *name == ward.name)?;
            Some(WardValue {
                code: code.clone(),
                key: ward.id.0.clone().into(),
                name: if lang == Lang::En {
                    ward.name_en.clone()
                } else {
                    ward.name.clone()
                },
                value: metric.of(ward),
                shown: metric.shown(ward),
            })
        })
        .collect()
}

/// The measure's switch, shared by the map and the chart.
fn metric_radios(lang: Lang, metric: Metric, set: &UseStateHandle<Metric>) -> Html {
    let w = &lang.texts().wards_view;
    html! {
        <fieldset class="radios">
            { tags::legend(w.chart_metric_label) }
            { for Metric::ALL.into_iter().map(|m| {
                let set = set.clone();
                let onchange = Callback::from(move |_: Event| set.set(m));
                html! {
                    <label class="radio">
                        <input type="radio" name="map-metric" checked={m == metric} {onchange} />
                        { m.label(w) }
                    </label>
                }
            }) }
        </fieldset>
    }
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
    let picked = use_state(|| None::<AttrValue>);
    let shapes = use_memo((), |()| crate::map::sapporo_wards().map(Rc::new));

    let (Some(stats), Some(data)) = (stats.as_ref().clone(), props.data.as_ref()) else {
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
            { tags::row_head(w.total_row) }
            { tags::td_num(thousands(t.population)) }
            { tags::td_num(thousands(t.households)) }
            { tags::td_num(decimal(t.area_km2, 2)) }
            { tags::td_num(thousands(t.institutions)) }
            { tags::td_num(thousands(t.viewing_facilities)) }
            { tags::td_num(decimal(per_100, 1)) }
            { tags::td_num(decimal(per_100k, 1)) }
            { tags::td(thousands(t.disclosing_hospitals)) }
        </tr>
    };

    let map = (*shapes).clone().map(|shapes| {
        let values = Rc::new(map_values(&stats, *metric, lang, &shapes_names(&shapes)));
        let on_select = {
            let picked = picked.clone();
            Callback::from(move |key: AttrValue| {
                let same = picked.as_ref() == Some(&key);
                picked.set((!same).then_some(key));
            })
        };
        html! {
            <section class="ward-map-section" aria-labelledby="ward-map-heading">
                <h3 id="ward-map-heading">{ w.map_heading }</h3>
                { metric_radios(lang, *metric, &metric) }
                { tags::p_hint(w.map_hint) }
                <WardMap {lang} {shapes} {values} measure={AttrValue::from(metric.label(w))}
                    selected={(*picked).clone()} {on_select} />
            </section>
        }
    });

    html! {
        <section class="view" aria-labelledby={VIEW_TITLE_ID}>
            <h2 id={VIEW_TITLE_ID} tabindex="-1">{ texts.wards.title }</h2>
            { tags::p_lead(texts.wards.lead) }
            // The map and the chart side by side, both drawn by the measure the
            // map's radios choose; the table below them has the full width.
            <div class={classes!("wards-layout", map.is_some().then_some("with-map"))}>
                { map }
                <WardChart {lang} stats={Rc::clone(&stats)} metric={*metric} />
            </div>
            <div class="wards-table">
                <SortTable {lang} caption={w.table_caption} {columns} rows={Rc::new(ward_rows(data, &stats, lang))}
                    footer={footer} searchable={false} highlight={(*picked).clone()} />
                { tags::p_note(w.sources_note) }
            </div>
            { printed_totals(data, &stats, lang) }
            <DesignationCoverage {lang} {stats} data={data.clone()} />
        </section>
    }
}

/// The report's printed totals beside what the records add up to, each
/// with where it is printed and any other reading the report gives of it
/// (its introduction's 「10施設」 against the table's 7 開示病院).
fn printed_totals(data: &Dataset, stats: &Stats, lang: Lang) -> Html {
    let w = &lang.texts().wards_view;
    if data.printed_totals.is_empty() {
        return html! {};
    }
    let rows = data.printed_totals.iter().enumerate().map(|(i, total)| {
        let name = tsunagu_core::text::total_name(&total.key)
            .map_or_else(|| total.key.clone(), |name| crate::components::pick(lang, &name));
        let computed = stats.totals.get(&total.key).map_or_else(
            || w.totals_not_computed.to_owned(),
            |v| {
                let shown = if v.fract() == 0.0 {
                    #[allow(clippy::cast_possible_truncation)] // a whole count
                    thousands(v as i64)
                } else {
                    decimal(v, 2)
                };
                // A sum of lower bounds is one too: 「4,022 以上」.
                match stats.totals.bound(&total.key) {
                    Bound::Exact => shown,
                    _ => format!("{shown} {}", lang.texts().table.at_least),
                }
            },
        );
        let pointer = format!("/printed_totals/{i}");
        let others: Vec<String> = data
            .discrepancies
            .iter()
            .filter(|d| d.subject == pointer)
            .flat_map(|d| d.readings.iter().map(|r| r.as_written.clone()))
            .filter(|r| *r != total.as_written)
            .collect();
        html! {
            <tr>
                { tags::row_head(name) }
                <td class="num">
                    { total.as_written.clone() }
                    if !others.is_empty() {
                        <span class="other-reading">{ w.totals_other_reading.replace("{readings}", &lang.list(&others)) }</span>
                    }
                </td>
                { tags::td_num(computed) }
                <td>{ crate::components::source_line(data, &total.source, lang) }</td>
            </tr>
        }
    });
    html! {
        <section class="printed-totals" aria-labelledby="printed-totals-heading">
            <h3 id="printed-totals-heading">{ w.totals_heading }</h3>
            { tags::p_hint(w.totals_hint) }
            <div class="table-scroll">
                <table>
                    <caption class="visually-hidden">{ w.totals_heading }</caption>
                    <thead><tr>{ for w.totals_cols.iter().map(|c| html! { <th scope="col" class="plain">{ *c }</th> }) }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WardChartProps {
    lang: Lang,
    stats: Rc<Stats>,
    metric: Metric,
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

    html! {
        <section class="chart" aria-labelledby="ward-chart-heading">
            <h3 id="ward-chart-heading">{ w.chart_heading }</h3>
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
                { tags::summary(w.chart_summary) }
                <ul>
                    { for values.iter().map(|(name, value)| html! { { tags::li(format!("{name}: {}", decimal(*value, 1))) } }) }
                </ul>
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DesignationCoverageProps {
    lang: Lang,
    stats: Rc<Stats>,
    data: DatasetHandle,
}

/// "救命救急センター 3/5 on ID-Link", naming the hospitals not yet on it.
#[function_component(DesignationCoverage)]
fn designation_coverage(props: &DesignationCoverageProps) -> Html {
    let w = &props.lang.texts().wards_view;
    html! {
        <section class="designations" aria-labelledby="designation-heading">
            <h3 id="designation-heading">{ w.designation_heading }</h3>
            { tags::p(w.designation_lead) }
            <ul class="coverage-list">
                { for props.stats.designations.iter().map(|d| {
                    let name = if props.lang == Lang::En { d.name_en.clone() } else { d.name.clone() };
                    #[allow(clippy::cast_precision_loss)] // small counts
                    let share = d.on_idlink as f64 / d.total.max(1) as f64 * 100.0;
                    html! {
                        <li>
                            <p class="coverage-title">{ tags::strong(name) }{ format!(" {}/{} {}", d.on_idlink, d.total, w.on_idlink) }</p>
                            <div class="meter" aria-hidden="true"><span style={format!("width: {share:.0}%")}></span></div>
                            <p class="coverage-missing">
                                if d.hospitals_not_on_idlink.is_empty() {
                                    { w.all_on }
                                } else {
                                    { format!("{}: {}", w.not_yet, props.lang.list(&hospital_names_in(&props.data, &d.hospitals_not_on_idlink, props.lang))) }
                                }
                            </p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
