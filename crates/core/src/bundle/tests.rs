use super::*;
use chrono::{DateTime, FixedOffset, TimeZone};

fn now() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .and_then(|wib| wib.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).single())
        .unwrap()
}

fn family_body(name: &str, version: i64) -> Body {
    let mut body = Body::new();
    for (key, value) in [
        ("id", Value::from("0193a1b2-0000-7000-8000-000000000001")),
        (
            "device_id",
            Value::from("0193a1b2-0000-7000-8000-0000000000aa"),
        ),
        ("created_at", Value::from("2026-11-01T08:00:00.000+07:00")),
        ("updated_at", Value::from("2026-11-01T08:00:00.000+07:00")),
        ("row_version", Value::from(version)),
        ("father_name", Value::from(name)),
        ("mother_name", Value::from("Siti")),
        ("baby_birth_date", Value::from("2026-10-20")),
        ("posyandu", Value::Null),
        ("rw", Value::Null),
        ("rt", Value::Null),
        ("mother_age", Value::Null),
        ("mother_education", Value::Null),
        ("parity", Value::Null),
    ] {
        body.insert(key.to_owned(), value);
    }
    body
}

fn header() -> Header {
    Header {
        format: String::new(),
        format_version: 0,
        app_version: "0.1.0".into(),
        device_id: "0193a1b2-0000-7000-8000-0000000000aa".into(),
        family_ids: vec!["0193a1b2-0000-7000-8000-000000000001".into()],
        created_at: "2026-11-22T09:00:00.000+07:00".into(),
        since: None,
        counts: BTreeMap::new(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    }
}

fn line(body: Body, history: Vec<Body>) -> Line {
    Line {
        table: "family".into(),
        id: "0193a1b2-0000-7000-8000-000000000001".into(),
        body: Some(body),
        history,
        deleted: None,
    }
}

#[test]
fn a_written_bundle_parses_back_to_the_same_records() {
    let bytes = write(
        header(),
        &[line(family_body("Budi", 2), vec![family_body("Bud", 1)])],
    );
    let bundle = parse(&bytes, now()).unwrap();
    assert_eq!(bundle.header.counts.get("family"), Some(&1));
    assert_eq!(bundle.records[0].row_version, 2);
    assert_eq!(bundle.records[0].hash, body_hash(&family_body("Budi", 2)));
    assert_eq!(
        bundle.records[0].history[0].1,
        body_hash(&family_body("Bud", 1))
    );
    assert_eq!(bundle.file_sha256, sha256_hex(&bytes));
}

#[test]
fn the_canonical_form_sorts_keys_so_equal_records_hash_equal() {
    let text = canonical(&family_body("Budi", 1));
    assert!(text.starts_with("{\"baby_birth_date\":\"2026-10-20\","));
    assert_eq!(
        body_hash(&family_body("Budi", 1)),
        body_hash(&family_body("Budi", 1))
    );
    assert_ne!(
        body_hash(&family_body("Budi", 1)),
        body_hash(&family_body("Budi", 2))
    );
}

#[test]
fn a_family_breaking_the_registration_rules_is_refused() {
    let mut body = family_body("Budi", 1);
    body.insert("baby_birth_date".into(), Value::from("2023-01-01"));
    let bytes = write(header(), &[line(body, vec![])]);
    assert!(matches!(
        parse(&bytes, now()),
        Err(BundleError::InvalidRecord { .. })
    ));
    let padded = write(header(), &[line(family_body(" Budi", 1), vec![])]);
    assert!(matches!(
        parse(&padded, now()),
        Err(BundleError::InvalidRecord { .. })
    ));
}

#[test]
fn history_of_another_record_is_refused() {
    let mut other = family_body("Bud", 1);
    other.insert(
        "id".into(),
        Value::from("0193a1b2-0000-7000-8000-000000000009"),
    );
    let bytes = write(header(), &[line(family_body("Budi", 2), vec![other])]);
    assert!(matches!(
        parse(&bytes, now()),
        Err(BundleError::InvalidRecord { .. })
    ));
}

fn incoming(name: &str, version: i64, history: &[&str]) -> Incoming {
    let bytes = write(
        header(),
        &[line(
            family_body(name, version),
            history
                .iter()
                .enumerate()
                .map(|(i, n)| family_body(n, i as i64 + 1))
                .collect(),
        )],
    );
    parse(&bytes, now()).unwrap().records.remove(0)
}

fn local(name: &str, version: i64, history: &[&str]) -> Local {
    Local {
        id: "0193a1b2-0000-7000-8000-000000000001".into(),
        hash: body_hash(&family_body(name, version)),
        row_version: version,
        history: history
            .iter()
            .enumerate()
            .map(|(i, n)| body_hash(&family_body(n, i as i64 + 1)))
            .collect(),
    }
}

#[test]
fn decisions_follow_the_version_history() {
    let v2 = incoming("Budi", 2, &["Bud"]);
    assert_eq!(decide(&v2, None, false, false), Decision::New);
    assert_eq!(
        decide(&v2, Some(&local("Budi", 2, &["Bud"])), false, false),
        Decision::Known
    );
    assert_eq!(
        decide(&v2, Some(&local("Bud", 1, &[])), false, false),
        Decision::Updated
    );
    assert_eq!(
        decide(
            &incoming("Bud", 1, &[]),
            Some(&local("Budi", 2, &["Bud"])),
            false,
            false
        ),
        Decision::Older
    );
    assert_eq!(
        decide(&v2, Some(&local("Budiman", 2, &["Bud"])), false, false),
        Decision::Conflict
    );
    assert_eq!(
        decide(&v2, Some(&local("Budiman", 2, &["Bud"])), false, true),
        Decision::Known
    );
    assert_eq!(decide(&v2, None, true, false), Decision::Deleted);
}

#[test]
fn a_pregnancy_travels_and_a_record_without_the_new_column_reads_as_before() {
    // A family enrolled in pregnancy: the date is the expected one, weeks after the file.
    let mut pregnant = family_body("Budi", 1);
    pregnant.insert("baby_birth_date".into(), Value::from("2027-01-15"));
    pregnant.insert("pregnant".into(), Value::from(1));
    let bytes = write(header(), &[line(pregnant.clone(), vec![])]);
    let bundle = parse(&bytes, now()).unwrap();
    assert_eq!(
        bundle.records[0].body.get("pregnant"),
        Some(&Value::from(1))
    );
    // Without the flag the same date would be a birth in the future: refused.
    pregnant.remove("pregnant");
    let refused = parse(&write(header(), &[line(pregnant, vec![])]), now());
    assert!(
        matches!(refused, Err(BundleError::InvalidRecord { .. })),
        "{refused:?}"
    );
    // Null or absent: the same record, the same hash as a format-2 file gave it.
    let mut with_null = family_body("Budi", 1);
    with_null.insert("pregnant".into(), Value::Null);
    let from_null = parse(&write(header(), &[line(with_null, vec![])]), now()).unwrap();
    assert_eq!(
        from_null.records[0].hash,
        body_hash(&family_body("Budi", 1))
    );
}

#[test]
fn a_header_posko_is_read_and_a_broken_one_refuses_the_file() {
    let notice = crate::posko::PoskoInput {
        place: "Balai RW 11".into(),
        weekday: 6,
        starts_at: "08:00".into(),
        ends_at: "10:00".into(),
        contact: Some("0812".into()),
    }
    .validate("Bu Rina", "2026-11-22T14:00:00.000+07:00")
    .unwrap();
    let mut with_posko = header();
    with_posko.posko = Some(notice.clone());
    let bundle = parse(&write(with_posko.clone(), &[]), now()).unwrap();
    assert_eq!(bundle.header.posko, Some(notice.clone()));
    let mut broken = notice;
    broken.ends_at = "07:00".into();
    with_posko.posko = Some(broken);
    assert!(parse(&write(with_posko, &[]), now()).is_err());
}
