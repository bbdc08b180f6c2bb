//! データ's tables: which there are, their names, and their columns.

use crate::components::Column;
use crate::i18n::Texts;

/// The tables the view can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Table {
    Hospitals,
    Unions,
    Links,
    Facilities,
    Discrepancies,
}

impl Table {
    pub(super) const ALL: [Table; 5] = [
        Table::Hospitals,
        Table::Unions,
        Table::Links,
        Table::Facilities,
        Table::Discrepancies,
    ];

    pub(super) fn label(self, texts: &Texts) -> &'static str {
        let d = &texts.data_view;
        match self {
            Table::Hospitals => d.tab_hospitals,
            Table::Unions => d.tab_unions,
            Table::Links => d.tab_links,
            Table::Facilities => d.tab_facilities,
            Table::Discrepancies => d.tab_discrepancies,
        }
    }
}

pub(super) fn columns(table: Table, texts: &Texts) -> Vec<Column> {
    let d = &texts.data_view;
    let source = Column::plain(texts.table.source);
    match table {
        Table::Hospitals => vec![
            Column::text(d.col_name),
            Column::text(d.col_place),
            Column::text(d.col_discloses),
            Column::number(d.col_beds),
            Column::number(d.col_linked),
            Column::text(d.col_go_live),
            Column::text(d.col_designations),
            source,
        ],
        Table::Unions => vec![
            Column::text(d.col_name),
            Column::text(d.col_hosts),
            Column::text(d.col_founded),
            Column::plain(d.col_notes),
            source,
        ],
        Table::Links => vec![
            Column::text(d.col_from),
            Column::text(d.col_to),
            Column::text(d.col_kind),
            Column::text(d.col_region),
            source,
        ],
        Table::Facilities => vec![
            Column::text(d.col_name),
            Column::text(d.col_facility_kind),
            Column::text(texts.wards_view.col_ward),
            Column::text(d.col_unions),
            Column::text(texts.import.col_confirmed),
            source,
        ],
        Table::Discrepancies => {
            vec![
                Column::text(d.col_subject),
                Column::plain(d.col_readings),
                Column::plain(d.col_notes),
                source,
            ]
        }
    }
}
