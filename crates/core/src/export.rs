//! Writing the data back out: the whole dataset as JSON, and the facilities
//! with their unions as CSV that Excel opens correctly (UTF-8 with a BOM,
//! CRLF line ends, Japanese headers), all of them or one union's members.
//! Importing what is exported gives the same data back.

use crate::model::{Dataset, UnionId};
use crate::text::csv::{kind_label, EXPORT_HEADER};

/// The dataset as pretty JSON in tsunagu's format.
///
/// # Errors
/// Only if serde cannot write a value (it always can for these types).
pub fn export_json(data: &Dataset) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(data).map(|text| text + "\n")
}

/// The facilities as CSV: `ID,施設名,種別,区,ユニオン,幹事一覧のみ（加入は要確認）,確認日`,
/// unions by name separated by `;`; every facility, as
/// [`export_facilities_csv_for`] writes them with no union.
///
/// # Errors
/// None: the `Result` is kept from when `csv::Writer` could fail, so callers
/// need not change.
pub fn export_facilities_csv(data: &Dataset) -> Result<Vec<u8>, csv::Error> {
    Ok(export_facilities_csv_for(data, None))
}

/// The facilities as CSV, UTF-8 with a BOM: every facility, or with
/// `union` only that union's members (a union the data lacks has none, so
/// only the header is written). The columns are `ID,施設名,種別,区,ユニオン,
/// 幹事一覧のみ（加入は要確認）,確認日`: the unions the facility is said to
/// belong to, by name separated by `;`; the unions whose 幹事一覧 (officer
/// list) is all that puts it there, which the report does not call
/// membership; and the day the record was last confirmed, or the report's
/// `meta.source_date` for a record never confirmed since. The importer reads
/// the first six and ignores 確認日, so what is exported imports back to the
/// same facilities and memberships.
///
/// Written by hand rather than with `csv::Writer`, with the same output (its
/// default quoting: a field is quoted when it holds `,`, `"`, CR or LF). The
/// writer can be told to quote non-numeric fields, so it carries Rust's whole
/// float parser and its tables, about 25 KB of the app's wasm, even unused.
///
/// ```
/// use tsunagu_core::bundled::SAPPORO_JSON;
/// use tsunagu_core::export::export_facilities_csv_for;
/// use tsunagu_core::model::UnionId;
/// use tsunagu_core::validate::load_dataset;
///
/// let data = load_dataset(SAPPORO_JSON).unwrap().dataset;
/// let csv = export_facilities_csv_for(&data, Some(&UnionId::from("tenshi-council")));
/// let text = String::from_utf8(csv).unwrap();
/// // The header, then the union's one named member, as of the report.
/// assert_eq!(text.lines().count(), 2);
/// assert!(text.lines().nth(1).unwrap().starts_with("miki-family-clinic,"));
/// assert!(text.ends_with(",2023-10-31\r\n"));
/// ```
///
/// # Complexity
/// Linear in the facilities and their memberships, times a scan of the
/// unions and wards for each name.
pub fn export_facilities_csv_for(data: &Dataset, union: Option<&UnionId>) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    write_record(&mut bytes, &EXPORT_HEADER);
    let members = data.facilities.iter().filter(|facility| {
        union.is_none_or(|union| facility.memberships.iter().any(|m| &m.union == union))
    });
    for facility in members {
        let ward = facility
            .ward
            .as_ref()
            .map(|id| data.ward(id).map_or(id.0.as_str(), |w| w.name.as_str()))
            .unwrap_or_default();
        // Said outright, then only inferred from a 幹事一覧: two columns, so
        // no roster says a facility is a member when the report does not.
        let unions = |stated: bool| {
            facility
                .memberships
                .iter()
                .filter(|m| m.is_stated() == stated)
                .map(|m| {
                    data.union(&m.union)
                        .map_or(m.union.as_str(), |u| u.name.as_str())
                })
                .collect::<Vec<&str>>()
                .join(";")
        };
        write_record(
            &mut bytes,
            &[
                facility.id.as_str(),
                facility.name.as_str(),
                kind_label(facility.kind),
                ward,
                &unions(true),
                &unions(false),
                &facility.confirmed_on(&data.meta).0,
            ],
        );
    }
    bytes
}

/// Whether a spreadsheet would take `field` for a formula (`=1+2`,
/// `@SUM(A1)`, `+…`, `-…`, or one behind a tab or CR): written with a
/// leading `'`, which Excel shows as text and the importer takes off again.
pub fn looks_like_a_formula(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One CSV record and its CRLF, quoting only the fields that need it, and
/// no field a spreadsheet would run as a formula.
fn write_record(out: &mut Vec<u8>, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let escaped;
        let field = if looks_like_a_formula(field) {
            escaped = format!("'{field}");
            escaped.as_str()
        } else {
            field
        };
        if field
            .bytes()
            .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
        {
            out.push(b'"');
            out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
            out.push(b'"');
        } else {
            out.extend_from_slice(field.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_written_as_csv_writer_wrote_them() {
        let records: [&[&str]; 4] = [
            &["ID", "施設名", "種別", "区", "ユニオン"],
            &["a,b", "say \"hi\"", "line\nbreak", "cr\rhere", ""],
            &["", "", "", "", ""],
            &["1.5", "#x", " lead", "tail ", "a;b"],
        ];
        let mut ours = Vec::new();
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for record in records {
            write_record(&mut ours, record);
            writer.write_record(record).unwrap();
        }
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(writer.into_inner().unwrap()).unwrap()
        );
    }
}
