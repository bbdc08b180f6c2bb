//! Fuzzes the CSV importer against the bundled dataset: any bytes must give
//! facilities or a list of problems, never a panic, and accepted facilities
//! must survive a CSV export and import unchanged.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tsunagu_core::import::{import_facilities_csv, with_facilities};
use tsunagu_core::model::Dataset;

/// The bundled dataset, read once rather than on every input.
fn bundled() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| tsunagu_core::validate::load_dataset(tsunagu_core::bundled::SAPPORO_JSON).expect("bundled").dataset)
}

fuzz_target!(|bytes: &[u8]| {
    let data = bundled();
    let same = |s: &str| s.to_owned();
    if let Ok(import) = import_facilities_csv(bytes, "fuzz.csv", data, &same) {
        let next = with_facilities(data, &import);
        let csv = tsunagu_core::export::export_facilities_csv(&next).expect("export");
        let again = import_facilities_csv(&csv, "fuzz.csv", &next, &same).expect("an export imports");
        let names = |list: &[tsunagu_core::model::Facility]| list.iter().map(|f| (f.id.clone(), f.name.clone())).collect::<Vec<_>>();
        assert_eq!(names(&again.facilities), names(&import.facilities));
    }
});
