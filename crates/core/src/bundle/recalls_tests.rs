use super::*;
use crate::bundle::{Header, Incoming, owner};

const FAMILY: &str = "0193a1b2-0000-7000-8000-000000000001";

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn body(pairs: &[(&str, Value)]) -> Body {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn family(birth: &str, pregnant: bool, history: &[&str]) -> Incoming {
    let version = |birth: &str| {
        body(&[
            ("id", FAMILY.into()),
            ("baby_birth_date", birth.into()),
            ("pregnant", i64::from(pregnant).into()),
        ])
    };
    Incoming {
        table: owner::table("family").unwrap(),
        id: FAMILY.into(),
        body: version(birth),
        hash: String::new(),
        row_version: 1,
        history: history
            .iter()
            .map(|b| (version(b), String::new()))
            .collect(),
    }
}

fn recall(on: &str, items: &str, first_other_on: Option<&str>) -> Incoming {
    Incoming {
        table: owner::table(TABLE).unwrap(),
        id: "0193a1b2-0000-7000-8000-000000000101".into(),
        body: body(&[
            ("family_id", FAMILY.into()),
            ("recalled_on", on.into()),
            ("items", items.into()),
            (
                "first_other_on",
                first_other_on.map_or(Value::Null, Value::from),
            ),
        ]),
        hash: String::new(),
        row_version: 1,
        history: Vec::new(),
    }
}

fn bundle(records: Vec<Incoming>) -> Bundle {
    Bundle {
        header: Header {
            format: String::new(),
            format_version: 6,
            app_version: String::new(),
            device_id: String::new(),
            family_ids: vec![FAMILY.into()],
            created_at: String::new(),
            since: None,
            counts: Default::default(),
            body_sha256: String::new(),
            posko: None,
            counselling: Vec::new(),
        },
        records,
        tombstones: Vec::new(),
        file_sha256: String::new(),
    }
}

fn checked(records: Vec<Incoming>, stored: &[(&str, bool)]) -> Result<(), RecallError> {
    let stored: HashMap<String, Vec<Born>> = HashMap::from([(
        FAMILY.to_owned(),
        stored
            .iter()
            .map(|(b, pregnant)| Born {
                birth: day(b),
                pregnant: *pregnant,
            })
            .collect(),
    )]);
    check_recalls(&bundle(records), &stored, day("2026-12-07")).map_err(|r| r.error)
}

#[test]
fn a_recall_is_checked_against_the_birth_the_bundle_carries() {
    let born = || family("2026-11-01", false, &[]);
    let ok = checked(
        vec![
            born(),
            recall("2026-12-01", "breast-milk,water", Some("2026-11-20")),
        ],
        &[],
    );
    assert_eq!(ok, Ok(()));
    // The day recalled (the day before the answer) before the birth.
    let early = checked(vec![born(), recall("2026-11-01", "breast-milk", None)], &[]);
    assert_eq!(early, Err(RecallError::BeforeBirth));
    // Still to come, past the store's today and the day a phone's clock may run ahead.
    let ahead = checked(vec![born(), recall("2026-12-08", "breast-milk", None)], &[]);
    assert_eq!(ahead, Ok(()));
    let later = checked(vec![born(), recall("2026-12-09", "breast-milk", None)], &[]);
    assert_eq!(later, Err(RecallError::Future));
    // The first day of anything but breast milk before the birth, or after the answer.
    for first in ["2026-10-31", "2026-12-02"] {
        let wrong = checked(
            vec![born(), recall("2026-12-01", "water", Some(first))],
            &[],
        );
        assert_eq!(wrong, Err(RecallError::FirstOtherOutOfRange), "{first}");
    }
    let nothing = checked(vec![born(), recall("2026-12-01", "", None)], &[]);
    assert_eq!(nothing, Err(RecallError::Empty));
}

#[test]
fn six_months_and_a_baby_still_expected_are_refused() {
    let older = checked(
        vec![
            family("2026-05-01", false, &[]),
            recall("2026-11-02", "breast-milk", None),
        ],
        &[],
    );
    assert_eq!(older, Err(RecallError::SixMonthsOrOlder));
    let expected = checked(
        vec![
            family("2026-11-01", true, &[]),
            recall("2026-12-01", "breast-milk", None),
        ],
        &[],
    );
    assert_eq!(expected, Err(RecallError::BeforeBirth));
}

#[test]
fn a_birth_corrected_after_the_recall_does_not_refuse_it() {
    // Recalled when the birth read 1 November; corrected to 25 November since.
    let corrected = family("2026-11-25", false, &["2026-11-01"]);
    let taken = checked(
        vec![corrected, recall("2026-11-20", "breast-milk", None)],
        &[],
    );
    assert_eq!(taken, Ok(()));
    // The same, with the older version kept by the store instead.
    let taken = checked(
        vec![
            family("2026-11-25", false, &[]),
            recall("2026-11-20", "breast-milk", None),
        ],
        &[("2026-11-01", false)],
    );
    assert_eq!(taken, Ok(()));
}

#[test]
fn the_stored_birth_serves_a_recall_sent_without_its_family() {
    let alone = || vec![recall("2026-12-01", "breast-milk", None)];
    assert_eq!(checked(alone(), &[("2026-11-01", false)]), Ok(()));
    assert_eq!(
        checked(alone(), &[("2026-12-05", false)]),
        Err(RecallError::BeforeBirth)
    );
    assert_eq!(
        checked(alone(), &[("2027-01-01", true)]),
        Err(RecallError::BeforeBirth)
    );
    // Known nowhere: the plan refuses the missing parent.
    assert_eq!(checked(alone(), &[]), Ok(()));
    assert_eq!(
        families_with_recalls(&bundle(alone())),
        vec![FAMILY.to_owned()]
    );
}
