//! Importing the council's files and exporting them again: CSV in the
//! encodings and shapes spreadsheets write, every problem at once, and
//! round trips that give back exactly what went out.

use proptest::prelude::*;
use tsunagu_core::bundled::SAPPORO_JSON;
use tsunagu_core::diff::{diff, RecordKind};
use tsunagu_core::edit::{apply_edit, edit_source, Edit};
use tsunagu_core::export::{export_facilities_csv, export_facilities_csv_for, export_json};
use tsunagu_core::import::{
    check_size, import_facilities_csv, import_json, with_facilities, MAX_IMPORT_BYTES,
};
use tsunagu_core::model::{
    Dataset, Date, Facility, FacilityId, FacilityKind, Membership, MembershipBasis, UnionId, WardId,
};
use tsunagu_core::validate::{load_dataset, CsvPlace, Place, ProblemKind};

fn bundled() -> Dataset {
    load_dataset(SAPPORO_JSON).expect("valid").dataset
}

fn same(text: &str) -> String {
    text.to_owned()
}

fn shift_jis(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn a_shift_jis_csv_with_crlf_quotes_and_newlines_imports() {
    let text = "施設名,区,ユニオン,種別\r\n\
                \"さっぽろ内科, 循環器科\",手稲区,TMNIT in Hokkaido;すずらんネット,診療所\r\n\
                \"みなみ薬局\r\n本店\",南区,ICTネットワーク,薬局\r\n\
                ひがし在宅クリニック,東区,,\r\n";
    let import =
        import_facilities_csv(&shift_jis(text), "members.csv", &bundled(), &same).expect("imports");
    let names: Vec<&str> = import.facilities.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "さっぽろ内科, 循環器科",
            "みなみ薬局\n本店",
            "ひがし在宅クリニック"
        ]
    );
    let first = &import.facilities[0];
    assert_eq!(first.ward, Some(WardId::from("teine")));
    let unions: Vec<&str> = first.memberships.iter().map(|m| m.union.as_str()).collect();
    assert_eq!(unions, ["tmnit", "shiritsu-suzuran"]);
    assert_eq!(import.facilities[1].kind, FacilityKind::Pharmacy);
    assert!(import.facilities[2].memberships.is_empty());
    assert_eq!(import.section.id.as_str(), "import:members.csv");
}

#[test]
fn english_headers_and_a_utf8_bom_are_accepted() {
    let text = "\u{FEFF}Name,Ward,Unions,Kind,ID\nA Clinic,Kita,hokudai-ict,clinic,a-clinic\n";
    let import =
        import_facilities_csv(text.as_bytes(), "en.csv", &bundled(), &same).expect("imports");
    assert_eq!(import.facilities[0].id, FacilityId::from("a-clinic"));
    assert_eq!(import.facilities[0].ward, Some(WardId::from("kita")));
}

#[test]
fn every_bad_cell_is_reported_at_once_with_its_line_and_column() {
    let text = "施設名,区,ユニオン,種別\n\
                ,北区,,\n\
                あ内科,北区,ないユニオン,\n\
                い内科,月面区,,\n\
                う内科,北区,,宇宙船\n";
    let problems =
        import_facilities_csv(text.as_bytes(), "bad.csv", &bundled(), &same).expect_err("rejected");
    let found: Vec<(String, String)> = problems
        .iter()
        .map(|p| (p.place_en(), p.message_en()))
        .collect();
    assert_eq!(found.len(), 4, "{found:#?}");
    assert_eq!(found[0].0, "line 2, column 1 (施設名)");
    assert!(found[0].1.contains("name is empty"));
    assert_eq!(found[1].0, "line 3 (あ内科), column 3 (ユニオン)");
    assert!(found[1].1.contains("\"ないユニオン\" names no union"));
    assert_eq!(found[2].0, "line 4 (い内科), column 2 (区)");
    assert!(found[2].1.contains("names no ward"));
    assert_eq!(found[3].0, "line 5 (う内科), column 4 (種別)");
    assert!(problems.iter().all(|p| !p.message_ja().is_empty()));
}

#[test]
fn line_numbers_count_crlf_and_multi_line_fields() {
    let text = "施設名,区\r\nよい内科,北区\r\n\"二行の\r\n内科\",北区\r\nわるい内科,火星区\r\n";
    let problems = import_facilities_csv(text.as_bytes(), "crlf.csv", &bundled(), &same)
        .expect_err("bad ward");
    assert_eq!(problems[0].place_en(), "line 5 (わるい内科), column 2 (区)");
}

#[test]
fn a_quote_that_is_never_closed_is_refused_at_its_cell() {
    // A stray " at the start of row 3's name: the csv reader alone would
    // read the rest of the file as that one name.
    let text = "施設名,区,ユニオン\nしろいし薬局,白石区,ICTネットワーク\n\"とじない,北区,ICTネットワーク\nつぎの薬局,北区,\n";
    let problems = import_facilities_csv(text.as_bytes(), "quote.csv", &bundled(), &same)
        .expect_err("refused");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::UnclosedQuote);
    assert_eq!(problems[0].place_ja(), "3 行目 1 列（施設名）");
    assert_eq!(problems[0].place_en(), "line 3, column 1 (施設名)");
    // Quotes that open at a cell's start and close, with "" inside and a
    // line break, and a quote in the middle of a cell, are fine.
    let fine = "施設名,区\n\"みき \"\"ファミリー\"\"\n薬局\",北区\nA\"B,北区\n";
    import_facilities_csv(fine.as_bytes(), "fine.csv", &bundled(), &same).expect("imports");
}

#[test]
fn a_row_without_an_id_keeps_the_id_of_the_facility_with_its_name() {
    let text = "施設名,ユニオン\nみきファミリークリニック,TMNIT in Hokkaido\n";
    let import =
        import_facilities_csv(text.as_bytes(), "same.csv", &bundled(), &same).expect("imports");
    assert_eq!(
        import.facilities[0].id,
        FacilityId::from("miki-family-clinic")
    );
}

#[test]
fn a_csv_without_a_name_column_is_refused() {
    let problems = import_facilities_csv(
        "区,ユニオン\n北区,\n".as_bytes(),
        "x.csv",
        &bundled(),
        &same,
    )
    .expect_err("no name column");
    assert!(matches!(
        problems[0].kind,
        ProblemKind::MissingColumn { .. }
    ));
}

#[test]
fn a_cell_s_place_is_said_in_each_language() {
    let csv = "施設名,区\nテスト診療所,どこか区\n";
    let problems = import_facilities_csv(csv.as_bytes(), "x.csv", &bundled(), &same)
        .expect_err("an unknown ward");
    // The row's facility is named, as a JSON record is.
    assert_eq!(problems[0].place_ja(), "2 行目（テスト診療所）2 列（区）");
    assert_eq!(
        problems[0].place_en(),
        "line 2 (テスト診療所), column 2 (区)"
    );
    assert_eq!(
        problems[0].place,
        Place::Csv(CsvPlace {
            line: 2,
            column: 2,
            field: "区".into(),
            record: Some("テスト診療所".into()),
        })
    );
}

#[test]
fn an_empty_file_is_said_to_be_empty() {
    for bytes in [&b""[..], b"\xEF\xBB\xBF", b"  \r\n\n"] {
        let problems =
            import_facilities_csv(bytes, "empty.csv", &bundled(), &same).expect_err("empty");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, ProblemKind::EmptyFile);
        assert_eq!(problems[0].message_ja(), "ファイルが空です");
        let problems = import_json(bytes).expect_err("empty");
        assert_eq!(problems[0].kind, ProblemKind::EmptyFile);
        assert!(problems[0].to_string().contains("the file is empty"));
    }
}

#[test]
fn bytes_that_are_no_text_and_files_over_the_limit_are_refused() {
    let problems =
        import_facilities_csv(&[0x82, 0xFF, 0xFE, 0x00, 0x81], "x.csv", &bundled(), &same)
            .expect_err("binary");
    assert_eq!(problems[0].kind, ProblemKind::Encoding);
    assert!(check_size(MAX_IMPORT_BYTES).is_ok());
    let problems = check_size(MAX_IMPORT_BYTES + 1).expect_err("too large");
    assert!(problems[0].message_ja().contains("大きすぎます"));
}

#[test]
fn a_csv_import_previews_as_added_changed_and_removed() {
    let data = bundled();
    let text = "ID,施設名,種別,区,ユニオン\n\
                miki-family-clinic,みきファミリークリニック,診療所,東区,TMNIT in Hokkaido\n\
                ,新しいクリニック,診療所,北区,\n";
    let import =
        import_facilities_csv(text.as_bytes(), "council.csv", &data, &same).expect("imports");
    let next = with_facilities(&data, &import);
    let change = diff(&data, &next);
    assert_eq!(
        change
            .added
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["新しいクリニック"]
    );
    assert_eq!(
        change
            .changed
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["みきファミリークリニック"]
    );
    assert_eq!(change.removed.len(), data.facilities.len() - 1);
    assert!(change
        .removed
        .iter()
        .all(|c| c.kind == RecordKind::Facility));
    assert!(tsunagu_core::validate::validate(&next)
        .iter()
        .all(|p| p.severity != tsunagu_core::validate::Severity::Error));
}

#[test]
fn edits_are_validated_and_removing_a_union_removes_its_memberships() {
    let data = bundled();
    let mut facility = data.facilities[0].clone();
    facility.memberships.push(Membership::stated(
        UnionId::from("no-such-union"),
        edit_source(),
    ));
    let problems = apply_edit(&data, &Edit::PutFacility(facility)).expect_err("dangling union");
    assert!(
        problems[0].place_en().ends_with("/union"),
        "{:?}",
        problems[0].place
    );

    let next = apply_edit(&data, &Edit::RemoveUnion(UnionId::from("tmnit"))).expect("valid");
    assert!(next
        .facilities
        .iter()
        .all(|f| f.memberships.iter().all(|m| m.union.as_str() != "tmnit")));
    assert_eq!(next.unions.len(), data.unions.len() - 1);
}

/// The data rows of an exported CSV, each split into its (unquoted) cells.
fn exported_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{FEFF}').expect("a BOM");
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("ID,施設名,種別,区,ユニオン,幹事一覧のみ（加入は要確認）,確認日")
    );
    lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

#[test]
fn a_union_s_export_lists_only_its_members_with_the_day_each_was_confirmed() {
    // The report names nine facilities: the eight in TMNIT's 幹事一覧 and
    // みきファミリークリニック, which is also in 札幌医療情報共有システム協議会
    // and 市立札幌病院's union.
    let mut data = bundled();
    let tmnit = exported_rows(&export_facilities_csv_for(
        &data,
        Some(&UnionId::from("tmnit")),
    ));
    assert_eq!(tmnit.len(), 9);
    // Only みきファミリークリニック's page says it is a member (its UNION
    // label); the eight on the 幹事一覧 are listed apart, to be confirmed.
    let (said, officers): (Vec<_>, Vec<_>) = tmnit
        .iter()
        .partition(|row| row[4].contains("TMNIT in Hokkaido"));
    assert_eq!(said.len(), 1);
    assert_eq!(said[0][0], "miki-family-clinic");
    assert_eq!(said[0][5], "");
    assert_eq!(officers.len(), 8);
    assert!(officers
        .iter()
        .all(|row| row[4].is_empty() && row[5] == "TMNIT in Hokkaido"));
    let tenshi = exported_rows(&export_facilities_csv_for(
        &data,
        Some(&UnionId::from("tenshi-council")),
    ));
    assert_eq!(tenshi.len(), 1);
    assert_eq!(tenshi[0][0], "miki-family-clinic");
    assert_eq!(tenshi[0][1], "みきファミリークリニック");
    // Never confirmed since: as of the report.
    assert_eq!(tenshi[0][6], "2023-10-31");
    // A union no facility is named in, and one the data lacks: the header only.
    for union in ["kkr-union", "no-such-union"] {
        assert!(exported_rows(&export_facilities_csv_for(
            &data,
            Some(&UnionId::from(union))
        ))
        .is_empty());
    }
    // A record's own date wins over the report's.
    data.facilities[8].confirmed = Some(Date("2026-11-30".into()));
    let tenshi = exported_rows(&export_facilities_csv_for(
        &data,
        Some(&UnionId::from("tenshi-council")),
    ));
    assert_eq!(tenshi[0][6], "2026-11-30");
    // Without a union, every facility, as export_facilities_csv writes them.
    assert_eq!(
        export_facilities_csv_for(&data, None),
        export_facilities_csv(&data).expect("csv")
    );
}

#[test]
fn an_export_with_its_date_column_imports_back_to_the_same_facilities() {
    let data = bundled();
    let bytes = export_facilities_csv_for(&data, Some(&UnionId::from("tmnit")));
    let back = import_facilities_csv(&bytes, "tmnit.csv", &data, &same).expect("imports");
    let ids: Vec<&str> = back.facilities.iter().map(|f| f.id.as_str()).collect();
    let expected: Vec<&str> = data.facilities.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert!(back.rows.iter().all(|row| row.matched.is_some()));
    // And the same memberships, an officer list's still only inferred.
    for (back, before) in back.facilities.iter().zip(&data.facilities) {
        let unions = |f: &Facility| {
            f.memberships
                .iter()
                .map(|m| (m.union.clone(), m.basis))
                .collect::<Vec<_>>()
        };
        assert_eq!(unions(back), unions(before), "{}", before.id.as_str());
    }
}

/// A name with everything that trips CSV up: commas, quotes, newlines, CJK.
fn tricky_name() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "内科", "ク", ",", "\"", "\n", " ", "a", "Ｂ", "・", "薬局", "1",
        ]),
        1..8,
    )
    .prop_map(|parts| parts.concat())
    .prop_filter("a name has a visible character", |n| !n.trim().is_empty())
}

fn facilities(data: &Dataset) -> impl Strategy<Value = Vec<Facility>> {
    let unions: Vec<UnionId> = data.unions.iter().map(|u| u.id.clone()).collect();
    let wards: Vec<Option<WardId>> = std::iter::once(None)
        .chain(data.wards.iter().map(|w| Some(w.id.clone())))
        .collect();
    prop::collection::vec(
        (
            tricky_name(),
            prop::sample::select(vec![
                FacilityKind::Clinic,
                FacilityKind::Hospital,
                FacilityKind::Pharmacy,
                FacilityKind::Care,
                FacilityKind::Unknown,
            ]),
            prop::sample::select(wards),
            prop::sample::subsequence(unions.clone(), 0..=unions.len()),
            prop::collection::vec(any::<bool>(), unions.len()),
        ),
        0..12,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (name, kind, ward, unions, inferred))| Facility {
                id: FacilityId(format!("f{i}")),
                name: name.trim().to_owned(),
                kind,
                ward,
                memberships: unions
                    .into_iter()
                    .zip(inferred)
                    .map(|(union, inferred)| Membership {
                        basis: if inferred {
                            MembershipBasis::OfficerList
                        } else {
                            MembershipBasis::Stated
                        },
                        ..Membership::stated(union, edit_source())
                    })
                    .collect(),
                notes: Vec::new(),
                sources: Vec::new(),
                confirmed: None,
                confirmed_by: None,
            })
            .collect()
    })
}

/// The bundled dataset with `list` as its facilities, made valid: the
/// hand-entry section exists and council members keep only listed facilities.
fn valid_with(list: Vec<Facility>) -> Dataset {
    let mut data = bundled();
    data.facilities = list;
    for member in &mut data.council.members {
        member.facility = None;
    }
    let first = data.facilities.first().cloned();
    let data = match first {
        Some(facility) => apply_edit(&data, &Edit::PutFacility(facility)).expect("a valid dataset"),
        None => data,
    };
    assert!(tsunagu_core::validate::validate(&data)
        .iter()
        .all(|p| p.severity != tsunagu_core::validate::Severity::Error));
    data
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn json_export_then_import_gives_the_same_dataset(list in facilities(&bundled())) {
        let data = valid_with(list);
        let bytes = export_json(&data).expect("json");
        let back = import_json(bytes.as_bytes()).expect("imports").dataset;
        prop_assert_eq!(back, data);
    }

    #[test]
    fn csv_export_then_import_gives_the_same_facilities(list in facilities(&bundled())) {
        let mut data = bundled();
        data.facilities = list;
        let bytes = export_facilities_csv(&data).expect("csv");
        prop_assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let back = import_facilities_csv(&bytes, "round.csv", &data, &same).expect("imports");
        let strip = |f: &Facility| (f.id.clone(), f.name.clone(), f.kind, f.ward.clone(),
            // In any order: the export writes the stated ones first.
            f.memberships.iter().map(|m| (m.union.clone(), m.is_stated())).collect::<std::collections::BTreeSet<_>>());
        let before: Vec<_> = data.facilities.iter().map(strip).collect();
        let after: Vec<_> = back.facilities.iter().map(strip).collect();
        prop_assert_eq!(after, before);
    }
}

#[test]
fn a_name_a_spreadsheet_would_run_is_exported_as_text_and_read_back_as_it_was() {
    // Names from an imported file are the council's: one that starts like
    // a formula must not run when the export is opened in Excel.
    let mut data = bundled();
    let names = [
        "=1+2 クリニック",
        "@SUM(A1) 薬局",
        "+81 内科",
        "-みなみ 歯科",
    ];
    for (i, name) in names.iter().enumerate() {
        data.facilities[i].name = (*name).to_owned();
    }
    let bytes = export_facilities_csv_for(&data, None);
    let rows = exported_rows(&bytes);
    for name in names {
        let row = rows.iter().find(|r| r[1].ends_with(name)).expect(name);
        assert_eq!(row[1], format!("'{name}"), "written as text");
    }
    // Read back, the names are as they were: nothing changes.
    let import = import_facilities_csv(&bytes, "export.csv", &data, &same).expect("reads");
    for name in names {
        assert!(import.facilities.iter().any(|f| f.name == name), "{name}");
    }
    // A name that only starts with a quote keeps it.
    assert!(!tsunagu_core::export::looks_like_a_formula("'みき"));
}
