use super::*;
use crate::bundle::{Body, Header, Incoming, owner};

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

/// `stored`: the versions the store keeps, (birth date, still expected).
fn checked(records: Vec<Incoming>, stored: &[(&str, bool)]) -> Result<(), RecallError> {
    let mut births = Births::default();
    for (birth, pregnant) in stored {
        births.note(FAMILY, Some(birth), *pregnant);
    }
    check_recalls(&bundle(records), &births, day("2026-12-07")).map_err(|r| r.error)
}

#[test]
fn a_recall_is_checked_against_the_birth_the_store_keeps() {
    let born = &[("2026-11-01", false)];
    let ok = checked(
        vec![recall(
            "2026-12-01",
            "breast-milk,water",
            Some("2026-11-20"),
        )],
        born,
    );
    assert_eq!(ok, Ok(()));
    // The day recalled (the day before the answer) before the birth.
    let early = checked(vec![recall("2026-11-01", "breast-milk", None)], born);
    assert_eq!(early, Err(RecallError::BeforeBirth));
    // Still to come, past the store's today and the day a phone's clock may run ahead.
    let ahead = checked(vec![recall("2026-12-08", "breast-milk", None)], born);
    assert_eq!(ahead, Ok(()));
    let later = checked(vec![recall("2026-12-09", "breast-milk", None)], born);
    assert_eq!(later, Err(RecallError::Future));
    // The first day of anything but breast milk before the birth, or after the answer.
    for first in ["2026-10-31", "2026-12-02"] {
        let wrong = checked(vec![recall("2026-12-01", "water", Some(first))], born);
        assert_eq!(wrong, Err(RecallError::FirstOtherOutOfRange), "{first}");
    }
    let nothing = checked(vec![recall("2026-12-01", "", None)], born);
    assert_eq!(nothing, Err(RecallError::Empty));
}

#[test]
fn six_months_and_a_baby_still_expected_are_refused() {
    let older = checked(
        vec![recall("2026-11-02", "breast-milk", None)],
        &[("2026-05-01", false)],
    );
    assert_eq!(older, Err(RecallError::SixMonthsOrOlder));
    let expected = checked(
        vec![recall("2026-12-01", "breast-milk", None)],
        &[("2027-01-01", true)],
    );
    assert_eq!(expected, Err(RecallError::BeforeBirth));
}

#[test]
fn a_birth_corrected_after_the_recall_does_not_refuse_it() {
    // Recalled when the birth read 1 November; corrected to 25 November since.
    let kept = &[("2026-11-25", false), ("2026-11-01", false)];
    let taken = checked(vec![recall("2026-11-20", "breast-milk", None)], kept);
    assert_eq!(taken, Ok(()));
    // Refused under every version: the reason is the latest birth's.
    let refused = checked(vec![recall("2026-10-20", "breast-milk", None)], kept);
    assert_eq!(refused, Err(RecallError::BeforeBirth));
}

#[test]
fn a_birth_only_the_bundle_says_never_counts() {
    // The bundle carries the family with a made-up earlier birth in its history (a
    // version the store will not keep): only the kept birth is asked.
    let forged = family("2026-11-25", false, &["2026-10-01", "2026-09-01"]);
    let refused = checked(
        vec![forged, recall("2026-11-20", "breast-milk", None)],
        &[("2026-11-25", false)],
    );
    assert_eq!(refused, Err(RecallError::BeforeBirth));
    // A family kept nowhere: the plan refuses its missing parent, not this check.
    assert_eq!(
        checked(vec![recall("2026-12-01", "breast-milk", None)], &[]),
        { Ok(()) }
    );
    assert_eq!(
        families_with_recalls(&bundle(vec![recall("2026-12-01", "breast-milk", None)])),
        vec![FAMILY.to_owned()]
    );
}

#[test]
fn thousands_of_kept_versions_are_tried_only_near_the_day_recalled() {
    // Every day of ten years kept as a birth (as a store pumped up by pushes would):
    // the check still tries a few hundred, and finds the one that allows it.
    let mut births = Births::default();
    let mut birth = day("2016-12-01");
    while birth < day("2026-12-01") {
        births.note(FAMILY, Some(&birth.to_string()), false);
        birth = birth.succ_opt().unwrap();
    }
    let many: Vec<Incoming> = (0..2_000)
        .map(|_| recall("2026-12-01", "breast-milk", None))
        .collect();
    assert_eq!(
        check_recalls(&bundle(many), &births, day("2026-12-07")),
        Ok(())
    );
}
