//! Writing the data back out: the whole dataset as JSON, and the facilities
//! with their unions as CSV that Excel opens correctly (UTF-8 with a BOM,
//! CRLF line ends, Japanese headers). Importing what is exported gives the
//! same data back.

use crate::import::kind_label;
use crate::model::Dataset;

/// The dataset as pretty JSON in tsunagu's format.
///
/// # Errors
/// Only if serde cannot write a value (it always can for these types).
pub fn export_json(data: &Dataset) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(data).map(|text| text + "\n")
}

/// The facilities as CSV: `ID,施設名,種別,区,ユニオン`, unions by name
/// separated by `;`.
///
/// # Errors
/// Only if the CSV writer fails on memory (it does not in practice).
pub fn export_facilities_csv(data: &Dataset) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(["ID", "施設名", "種別", "区", "ユニオン"])?;
    for facility in &data.facilities {
        let ward = facility
            .ward
            .as_ref()
            .map(|id| {
                data.wards
                    .iter()
                    .find(|w| &w.id == id)
                    .map_or(id.0.as_str(), |w| w.name.as_str())
            })
            .unwrap_or_default();
        let unions: Vec<&str> = facility
            .memberships
            .iter()
            .map(|m| {
                data.unions
                    .iter()
                    .find(|u| u.id == m.union)
                    .map_or(m.union.as_str(), |u| u.name.as_str())
            })
            .collect();
        writer.write_record([
            facility.id.as_str(),
            facility.name.as_str(),
            kind_label(facility.kind),
            ward,
            &unions.join(";"),
        ])?;
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(
        writer
            .into_inner()
            .map_err(csv::IntoInnerError::into_error)?,
    );
    Ok(bytes)
}
