//! A what-if's changes read from JSON exactly as serde's own reader for an
//! enum tagged inside the object read them before (kept here as the
//! reference): the same values from the same texts, and for a bad text an
//! error with the same message. Only where serde places the error differs,
//! so positions are not compared. (Both also take a change written as an
//! array, which tsunagu never writes; the two read its items differently.)

use serde::Deserialize;
use tsunagu_core::model::{FacilityId, HospitalId, UnionId};
use tsunagu_core::whatif::Change;

/// `Change` as it was derived before: serde's internally tagged reader.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Reference {
    ConnectUnions {
        a: UnionId,
        b: UnionId,
    },
    AddAgreement {
        from: HospitalId,
        to: HospitalId,
    },
    Join {
        facility: FacilityId,
        union: UnionId,
    },
    GoLive {
        hospital: HospitalId,
        union_name: String,
    },
}

impl From<Reference> for Change {
    fn from(reference: Reference) -> Self {
        match reference {
            Reference::ConnectUnions { a, b } => Change::ConnectUnions { a, b },
            Reference::AddAgreement { from, to } => Change::AddAgreement { from, to },
            Reference::Join { facility, union } => Change::Join { facility, union },
            Reference::GoLive {
                hospital,
                union_name,
            } => Change::GoLive {
                hospital,
                union_name,
            },
        }
    }
}

/// `serde_json`'s message without its " at line L column C". Where a whole
/// change is refused, the reference called it by its type ("internally
/// tagged enum Reference"); the reader now says what a change is.
fn message(error: &serde_json::Error) -> String {
    let text = error.to_string().replace(
        "internally tagged enum Reference",
        "a change (an object with its `kind`)",
    );
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

fn read_both(text: &str) -> (Result<Change, String>, Result<Change, String>) {
    let ours = serde_json::from_str::<Change>(text).map_err(|e| message(&e));
    let reference = serde_json::from_str::<Reference>(text)
        .map(Change::from)
        .map_err(|e| message(&e));
    (ours, reference)
}

#[test]
fn good_changes_read_as_the_reference_reads_them_and_write_back_the_same() {
    let texts = [
        r#"{"kind":"connect_unions","a":"u1","b":"u2"}"#,
        r#"{"b":"u2","a":"u1","kind":"connect_unions"}"#,
        r#"{"kind":"add_agreement","from":"h1","to":"h2"}"#,
        r#"{"kind":"join","facility":"f1","union":"u1"}"#,
        r#"{"kind":"go_live","hospital":"h9","union_name":"新ユニオン"}"#,
        // Fields of other kinds, and unknown ones, are ignored.
        r#"{"kind":"join","facility":"f1","union":"u1","a":"u3","note":1}"#,
    ];
    for text in texts {
        let (ours, reference) = read_both(text);
        let ours = ours.unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(Ok(ours.clone()), reference, "{text}");
        // Written back, it reads the same.
        let written = serde_json::to_string(&ours).unwrap();
        assert!(written.starts_with(r#"{"kind":""#), "{written}");
        assert_eq!(serde_json::from_str::<Change>(&written).unwrap(), ours);
    }
}

#[test]
fn bad_changes_give_the_reference_messages() {
    let texts = [
        r#"{"a":"u1","b":"u2"}"#,
        r#"{"kind":"ferry","a":"u1","b":"u2"}"#,
        r#"{"kind":7}"#,
        r#"{"kind":"connect_unions","a":"u1"}"#,
        r#"{"kind":"add_agreement","to":"h2"}"#,
        r#"{"kind":"join","facility":"f1"}"#,
        r#"{"kind":"go_live","hospital":"h9"}"#,
        r#"{"kind":"join","facility":7,"union":"u1"}"#,
        r#"{"kind":"go_live","hospital":"h9","union_name":null}"#,
        r#""join""#,
    ];
    for text in texts {
        let (ours, reference) = read_both(text);
        let reference = reference.expect_err(text);
        let ours = ours.expect_err(text);
        assert_eq!(ours, reference, "{text}");
    }
}
