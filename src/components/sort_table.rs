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
    /// The index of the record the row shows in its collection: what a
    /// table's [`DrawCells`] reads.
    pub record: usize,
    /// One cell per column, or none when the table draws its cells with
    /// [`DrawCells`].
    pub cells: Vec<Html>,
    /// One sort key per column.
    pub sort: Vec<SortKey>,
    /// Text the search box matches against (names, aliases, places).
    pub search: String,
}

/// Draws the cells of the rows a table shows, and only those: a national
/// file's 180,000 facilities sort and search as rows of keys and text, and
/// only the [`MAX_ROWS`] drawn get cells (with their buttons and sources).
/// Given the rows shown, it returns one cell per column for each.
#[derive(Clone)]
pub struct DrawCells(Rc<DrawFn>);

/// The function a [`DrawCells`] holds.
type DrawFn = dyn Fn(&[&Row]) -> Vec<Vec<Html>>;

impl DrawCells {
    /// Wraps a function from the rows shown to their cells.
    pub fn new(draw: impl Fn(&[&Row]) -> Vec<Vec<Html>> + 'static) -> Self {
        Self(Rc::new(draw))
    }
}

impl PartialEq for DrawCells {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
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
    /// Draws the cells of the rows shown; without it, each row's own
    /// `cells` are shown.
    #[prop_or_default]
    pub draw: Option<DrawCells>,
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
    // The rows' search text, folded once per set of rows and only when a
    // search asks for it, not on every keystroke: 180,000 facilities.
    let folded_cache = use_mut_ref(|| None::<(Rc<Vec<Row>>, Rc<Vec<String>>)>);
    if folded_cache
        .borrow()
        .as_ref()
        .is_some_and(|(rows, _)| !Rc::ptr_eq(rows, &props.rows))
    {
        // Rows replaced: let the old ones and their text go now.
        *folded_cache.borrow_mut() = None;
    }
    let folded = (!needle.is_empty()).then(|| {
        let mut cache = folded_cache.borrow_mut();
        match &*cache {
            Some((rows, folded)) if Rc::ptr_eq(rows, &props.rows) => Rc::clone(folded),
            _ => {
                let folded: Rc<Vec<String>> =
                    Rc::new(props.rows.iter().map(|row| fold(&row.search)).collect());
                *cache = Some((Rc::clone(&props.rows), Rc::clone(&folded)));
                folded
            }
        }
    });
    let mut rows: Vec<&Row> = props
        .rows
        .iter()
        .zip(0..)
        .filter(|&(_, i)| folded.as_ref().is_none_or(|f| f[i].contains(&needle)))
        .map(|(row, _)| row)
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
        // Each arrow starts with a word joiner, which keeps it on its
        // label's last line when the heading wraps.
        let arrow = match state {
            "ascending" => "\u{2060}▲",
            "descending" => "\u{2060}▼",
            _ => "\u{2060}↕",
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
    rows.truncate(MAX_ROWS);
    let cells: Vec<Vec<Html>> = match &props.draw {
        Some(draw) => (draw.0)(&rows),
        None => rows.iter().map(|row| row.cells.clone()).collect(),
    };

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
                        { for rows.iter().zip(cells).map(|(row, cells)| html! {
                            <tr key={row.key.to_string()} class={classes!((props.highlight.as_ref() == Some(&row.key)).then_some("highlighted"))}
                                data-key={row.key.clone()}>
                                { for cells.into_iter().zip(columns.iter()).enumerate().map(|(i, (cell, column))| {
                                    let class = classes!(column.numeric.then_some("num"));
                                    // The first column names the row, for screen readers.
                                    if i == 0 {
                                        html! { <th scope="row" {class}>{ cell }</th> }
                                    } else {
                                        html! { <td {class}>{ cell }</td> }
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

    #[cfg(not(target_arch = "wasm32"))]
    #[tokio::test(flavor = "current_thread")]
    async fn a_table_with_draw_cells_draws_the_rows_shown_and_no_others() {
        use std::cell::RefCell;

        let asked = Rc::new(RefCell::new(Vec::new()));
        let draw = {
            let asked = Rc::clone(&asked);
            DrawCells::new(move |shown: &[&Row]| {
                asked
                    .borrow_mut()
                    .push(shown.iter().map(|r| r.record).collect::<Vec<_>>());
                shown
                    .iter()
                    .map(|r| vec![html! { format!("name {}", r.record) }, html! { "x" }])
                    .collect()
            })
        };
        // 600 rows whose records run backwards, so a row's record is not
        // its place in the table.
        let rows: Vec<Row> = (0..600_u32)
            .map(|i| Row {
                key: AttrValue::from(format!("k{i}")),
                record: 599 - i as usize,
                cells: Vec::new(),
                sort: vec![SortKey::Number(f64::from(i)), SortKey::Missing],
                search: format!("row {i}"),
            })
            .collect();
        let props = SortTableProps {
            lang: Lang::Ja,
            caption: AttrValue::Static("t"),
            columns: Rc::new(vec![Column::number("n"), Column::plain("x")]),
            rows: Rc::new(rows),
            footer: None,
            searchable: true,
            highlight: None,
            draw: Some(draw),
        };
        let html = yew::LocalServerRenderer::<SortTable>::with_props(props)
            .hydratable(false)
            .render()
            .await;
        // Drawn once, for the first MAX_ROWS rows in their order.
        let expected: Vec<usize> = (0..MAX_ROWS).map(|i| 599 - i).collect();
        assert_eq!(*asked.borrow(), vec![expected]);
        assert!(
            html.contains(r#"<th scope="row" class="num">name 599</th>"#),
            "{html}"
        );
        assert!(html.contains(">name 100<"), "{html}");
        assert!(
            !html.contains(">name 99<"),
            "the 501st row is not drawn: {html}"
        );
        assert!(html.contains("ほかに 100 件あります"), "{html}");
        assert!(html.contains("600 件中 500 件を表示"), "{html}");
    }

    #[test]
    fn search_folds_case_and_full_width_letters() {
        assert_eq!(fold("ＫＫＲ札幌"), "kkr札幌");
        assert!(fold("NTT東日本札幌病院").contains(&fold("ｎｔｔ")));
    }
}
