//! A table whose columns sort when their heading is pressed, with an optional
//! search box above it. Used by the データ and 地域 views.
//!
//! Each column heading is a button, so sorting works from the keyboard, and
//! the sorted column carries `aria-sort` for screen readers.

use std::cmp::Ordering;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::tags;
use crate::i18n::Lang;

/// What a cell sorts by.
#[derive(Clone, Debug, PartialEq)]
pub enum SortKey {
    /// Text, compared as written.
    Text(String),
    /// A number.
    Number(f64),
    /// Nothing known: sorts last either way.
    Missing,
}

impl SortKey {
    fn compare(&self, other: &Self) -> Ordering {
        match (self, other) {
            (SortKey::Number(a), SortKey::Number(b)) => a.total_cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Missing, SortKey::Missing) => Ordering::Equal,
            (SortKey::Missing, _) => Ordering::Greater,
            (_, SortKey::Missing) => Ordering::Less,
            (SortKey::Number(_), SortKey::Text(_)) => Ordering::Less,
            (SortKey::Text(_), SortKey::Number(_)) => Ordering::Greater,
        }
    }
}

/// A column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Its heading.
    pub label: AttrValue,
    /// Right-aligned, for numbers.
    pub numeric: bool,
    /// Whether pressing the heading sorts by this column.
    pub sortable: bool,
}

impl Column {
    /// A text column.
    pub fn text(label: &'static str) -> Self {
        Self {
            label: AttrValue::Static(label),
            numeric: false,
            sortable: true,
        }
    }

    /// A number column.
    pub fn number(label: &'static str) -> Self {
        Self {
            label: AttrValue::Static(label),
            numeric: true,
            sortable: true,
        }
    }

    /// A column that does not sort (sources, notes).
    pub fn plain(label: &'static str) -> Self {
        Self {
            label: AttrValue::Static(label),
            numeric: false,
            sortable: false,
        }
    }
}

/// A row: what it shows, what it sorts by, and the text a search looks in.
/// The first cell becomes the row's header (`<th scope="row">`).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// A stable key.
    pub key: AttrValue,
    /// One cell per column.
    pub cells: Vec<Html>,
    /// One sort key per column.
    pub sort: Vec<SortKey>,
    /// Text the search box matches against (names, aliases, places).
    pub search: String,
}

/// [`SortTable`]'s properties.
#[derive(Properties, PartialEq)]
pub struct SortTableProps {
    /// The UI language.
    pub lang: Lang,
    /// The table's caption: its accessible name.
    pub caption: AttrValue,
    /// The columns.
    pub columns: Rc<Vec<Column>>,
    /// The rows, in their natural order.
    pub rows: Rc<Vec<Row>>,
    /// Shown in `<tfoot>` (totals), if any.
    #[prop_or_default]
    pub footer: Option<Html>,
    /// Whether to show the search box.
    #[prop_or(true)]
    pub searchable: bool,
    /// The key of a row to highlight (a ward picked on its map).
    #[prop_or_default]
    pub highlight: Option<AttrValue>,
}

/// NFKC is not available without a large table, so search folds only what
/// matters most here: ASCII case and full-width ASCII.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Rows drawn at most: a network at Japan's scale has 180,000 facilities,
/// which no page can show at once; the search narrows them.
pub const MAX_ROWS: usize = 500;

/// A sortable, searchable table.
#[function_component(SortTable)]
pub fn sort_table(props: &SortTableProps) -> Html {
    let texts = &props.lang.texts().table;
    let sort = use_state(|| None::<(usize, bool)>);
    let query = use_state(String::new);

    let needle = fold(query.trim());
    let mut rows: Vec<&Row> = props
        .rows
        .iter()
        .filter(|row| needle.is_empty() || fold(&row.search).contains(&needle))
        .collect();
    if let Some((column, ascending)) = *sort {
        tsunagu_core::order::sort_by(&mut rows, |a, b| {
            let (Some(x), Some(y)) = (a.sort.get(column), b.sort.get(column)) else {
                return Ordering::Equal;
            };
            match (x, y) {
                (SortKey::Missing, _) | (_, SortKey::Missing) => x.compare(y),
                _ if ascending => x.compare(y),
                _ => y.compare(x),
            }
        });
    }

    let headers = props.columns.iter().enumerate().map(|(i, column)| {
        let state = match *sort {
            Some((c, true)) if c == i => "ascending",
            Some((c, false)) if c == i => "descending",
            _ => "none",
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| {
                let ascending = !matches!(*sort, Some((c, true)) if c == i);
                sort.set(Some((i, ascending)));
            })
        };
        let arrow = match state {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "↕",
        };
        if !column.sortable {
            return html! {
                <th scope="col" class="plain">{ column.label.clone() }</th>
            };
        }
        html! {
            <th scope="col" aria-sort={state} class={classes!(column.numeric.then_some("num"))}>
                <button type="button" class="sort" {onclick}>
                    { column.label.clone() }
                    <span class="sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    });

    let oninput = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
        })
    };
    let shown = texts
        .rows_shown
        .replace("{shown}", &rows.len().min(MAX_ROWS).to_string())
        .replace("{total}", &props.rows.len().to_string());
    let hidden = rows.len().saturating_sub(MAX_ROWS);
    let columns = &props.columns;

    html! {
        <div class="sort-table">
            if props.searchable {
                <div class="table-tools">
                    <label class="search">
                        { tags::span(texts.search_label) }
                        <input type="search" value={(*query).clone()} placeholder={texts.search_placeholder} {oninput} />
                    </label>
                    <span class="row-count" role="status">{ shown }</span>
                </div>
            }
            <div class="table-scroll">
                <table>
                    <caption>{ props.caption.clone() }<span class="visually-hidden">{ props.lang.paren(texts.sort_hint) }</span></caption>
                    <thead><tr>{ for headers }</tr></thead>
                    <tbody>
                        { for rows.iter().take(MAX_ROWS).map(|row| html! {
                            <tr key={row.key.to_string()} class={classes!((props.highlight.as_ref() == Some(&row.key)).then_some("highlighted"))}
                                data-key={row.key.clone()}>
                                { for row.cells.iter().zip(columns.iter()).enumerate().map(|(i, (cell, column))| {
                                    let class = classes!(column.numeric.then_some("num"));
                                    // The first column names the row, for screen readers.
                                    if i == 0 {
                                        html! { <th scope="row" {class}>{ cell.clone() }</th> }
                                    } else {
                                        html! { <td {class}>{ cell.clone() }</td> }
                                    }
                                }) }
                            </tr>
                        }) }
                        if rows.is_empty() {
                            <tr><td colspan={columns.len().to_string()}>{ texts.no_match }</td></tr>
                        }
                        if hidden > 0 {
                            <tr><td colspan={columns.len().to_string()} class="more">
                                { texts.more_rows.replace("{n}", &hidden.to_string()) }
                            </td></tr>
                        }
                    </tbody>
                    if let Some(footer) = &props.footer {
                        <tfoot>{ footer.clone() }</tfoot>
                    }
                </table>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_values_sort_after_numbers_and_text() {
        assert_eq!(
            SortKey::Missing.compare(&SortKey::Number(1.0)),
            Ordering::Greater
        );
        assert_eq!(
            SortKey::Number(2.0).compare(&SortKey::Number(10.0)),
            Ordering::Less
        );
        assert_eq!(
            SortKey::Text("a".into()).compare(&SortKey::Missing),
            Ordering::Less
        );
    }

    #[test]
    fn search_folds_case_and_full_width_letters() {
        assert_eq!(fold("ＫＫＲ札幌"), "kkr札幌");
        assert!(fold("NTT東日本札幌病院").contains(&fold("ｎｔｔ")));
    }
}
