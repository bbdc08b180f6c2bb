//! Fuzzes the JSON importer: any bytes must give a dataset or a list of
//! problems, never a panic, and an accepted dataset must export and import
//! back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(loaded) = tsunagu_core::import::import_json(bytes) {
        let text = tsunagu_core::export::export_json(&loaded.dataset).expect("export");
        let back = tsunagu_core::import::import_json(text.as_bytes()).expect("an export imports");
        assert_eq!(back.dataset, loaded.dataset);
    }
});
