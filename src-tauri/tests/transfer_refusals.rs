//! Bundle files that must be refused whole, with nothing changed: damaged, tampered,
//! truncated, oversized, newer-format files, impossible values, records whose parent is
//! nowhere; and files of the first format version, which are still read.

mod common;
#[path = "transfer_support/mod.rs"]
#[allow(dead_code)] // each test file uses its own part of the shared helpers
mod support;

use ayah_asi_lib::domain::bundle::{self, BundleError, Decision};
use ayah_asi_lib::storage::transfer::ImportError;
use serde_json::Value;
use support::*;

/// Rewrites a bundle's body line by line and fixes its hash and counts, so that only
/// the record check can catch what was changed.
fn rewrite(bytes: &[u8], change: impl Fn(&mut Value)) -> Vec<u8> {
    let text = std::str::from_utf8(bytes).unwrap();
    let (header, body) = text.split_once('\n').unwrap();
    let mut header: Header = serde_json::from_str(header).unwrap();
    let lines: Vec<bundle::Line> = body
        .lines()
        .map(|l| {
            let mut value: Value = serde_json::from_str(l).unwrap();
            change(&mut value);
            serde_json::from_value(value).unwrap()
        })
        .collect();
    header.app_version = "tampered".into();
    bundle::write(header, &lines)
}

fn set_field(table: &'static str, field: &'static str, to: Value) -> impl Fn(&mut Value) {
    move |line| {
        if line["table"] == table {
            line["body"][field] = to.clone();
        }
    }
}

#[test]
fn every_bad_bundle_is_refused_and_changes_nothing() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    let good = export(&phone, std::slice::from_ref(&family), None);
    let before = dump(&cadre_tablet);

    let mut newer = String::from_utf8(good.clone()).unwrap();
    let current = format!("\"format_version\":{}", bundle::FORMAT_VERSION);
    let next = format!("\"format_version\":{}", bundle::FORMAT_VERSION + 1);
    assert!(newer.contains(&current));
    newer = newer.replacen(&current, &next, 1);
    let mut tampered = good.clone();
    let at = tampered.windows(6).position(|w| w == b"\"Budi\"").unwrap();
    tampered[at + 1] = b'R';
    let mut oversized = good.clone();
    oversized.resize(bundle::MAX_BUNDLE_BYTES as usize + 1, b' ');
    let cases: Vec<(&str, Vec<u8>, Expected)> = vec![
        ("empty file", Vec::new(), |r| {
            matches!(r, Refusal::Bundle(BundleError::NotABundle))
        }),
        (
            "a photo",
            vec![0xff, 0xd8, 0xff, 0xe0, b'\n', 1, 2, 3],
            |r| matches!(r, Refusal::Bundle(BundleError::NotABundle)),
        ),
        (
            "other JSON",
            b"{\"format\":\"something-else\"}\n".to_vec(),
            |r| matches!(r, Refusal::Bundle(BundleError::NotABundle)),
        ),
        ("truncated", good[..good.len() - 40].to_vec(), |r| {
            matches!(r, Refusal::Bundle(BundleError::Damaged))
        }),
        ("tampered", tampered, |r| {
            matches!(r, Refusal::Bundle(BundleError::Damaged))
        }),
        (
            "newer format",
            newer.into_bytes(),
            |r| matches!(r, Refusal::Bundle(BundleError::NewerFormat { version }) if *version == bundle::FORMAT_VERSION + 1),
        ),
        ("over 20 MB", oversized, |r| {
            matches!(r, Refusal::Bundle(BundleError::TooLarge { .. }))
        }),
        (
            "comfort 9",
            rewrite(&good, set_field("session_rating", "comfort", 9.into())),
            invalid_record,
        ),
        (
            "birth in the future",
            rewrite(
                &good,
                set_field("family", "baby_birth_date", "2999-01-01".into()),
            ),
            invalid_record,
        ),
        (
            "time in the future",
            rewrite(
                &good,
                set_field(
                    "milk_status",
                    "created_at",
                    "2999-01-01T00:00:00.000+07:00".into(),
                ),
            ),
            invalid_record,
        ),
        (
            "a 61-character name",
            rewrite(
                &good,
                set_field("family", "mother_name", "x".repeat(61).into()),
            ),
            invalid_record,
        ),
        (
            "wrong type",
            rewrite(&good, set_field("massage_plan", "passes", "four".into())),
            invalid_record,
        ),
        (
            "unknown status",
            rewrite(
                &good,
                set_field("massage_session", "status", "running".into()),
            ),
            invalid_record,
        ),
        (
            "bad id",
            rewrite(
                &good,
                set_field("lesson_read", "device_id", "not-an-id".into()),
            ),
            invalid_record,
        ),
        (
            "skip with answers",
            rewrite(&good, set_field("session_rating", "skipped", 1.into())),
            invalid_record,
        ),
        (
            "unknown field",
            rewrite(&good, set_field("family", "pin_hash", "x".into())),
            invalid_record,
        ),
        (
            "unknown table",
            rewrite(&good, |l| {
                if l["table"] == "quiz_attempt" {
                    l["table"] = "cadre_pin".into()
                }
            }),
            invalid_record,
        ),
    ];
    for (name, bytes, expected) in cases {
        let result = import(&mut cadre_tablet, &bytes);
        match &result {
            Err(refusal) => assert!(
                expected(refusal),
                "{name}: refused for the wrong reason: {refusal:?}"
            ),
            Ok(_) => panic!("{name}: was not refused"),
        }
        assert_eq!(dump(&cadre_tablet), before, "{name}: changed the database");
    }
}

/// What a refusal must be.
type Expected = fn(&Refusal) -> bool;

fn invalid_record(refusal: &Refusal) -> bool {
    matches!(refusal, Refusal::Bundle(BundleError::InvalidRecord { .. }))
}

#[test]
fn a_record_whose_parent_is_nowhere_is_refused() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    let good = export(&phone, &[family], None);
    // Drop the sessions: their ratings now point at nothing.
    let text = String::from_utf8(good).unwrap();
    let (header, body) = text.split_once('\n').unwrap();
    let header: Header = serde_json::from_str(header).unwrap();
    let lines: Vec<bundle::Line> = body
        .lines()
        .map(|l| serde_json::from_str::<bundle::Line>(l).unwrap())
        .filter(|l| l.table != "massage_session")
        .collect();
    let before = dump(&cadre_tablet);
    let result = import(&mut cadre_tablet, &bundle::write(header, &lines));
    assert!(
        matches!(
            result,
            Err(Refusal::Import(ImportError::MissingParent { .. }))
        ),
        "{result:?}"
    );
    assert_eq!(dump(&cadre_tablet), before);
}

/// Writes the body of a realistic bundle as the fuzzer's seed (`cargo test -- --ignored`).
#[test]
#[ignore = "writes fuzz/corpus; run by hand when the format changes"]
fn write_the_fuzz_seed() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, cadre_id) = cadre_device();
    import(
        &mut cadre_tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();
    visit(&cadre_tablet, &family, &cadre_id);
    edit_family(&cadre_tablet, &family, |f| {
        f.posyandu = Some("Mawar".into())
    });
    let device = cadre_tablet.device_id().to_owned();
    transfer::insert_tombstone(
        cadre_tablet.conn(),
        "milk_status",
        &family,
        Some(&family),
        &device,
        now(),
    )
    .unwrap();
    let bytes = export(&cadre_tablet, std::slice::from_ref(&family), None);
    let body = bytes.splitn(2, |b| *b == b'\n').nth(1).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/bundle");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("seed-round-trip-body"), body).unwrap();
    std::fs::write(dir.join("seed-whole-file"), &bytes).unwrap();
}

#[test]
fn a_file_of_the_first_format_version_is_still_read() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    let current = String::from_utf8(export(&phone, std::slice::from_ref(&family), None)).unwrap();
    let first = current.replacen(
        &format!("\"format_version\":{}", bundle::FORMAT_VERSION),
        "\"format_version\":1",
        1,
    );
    assert_ne!(first, current);
    let (_, tally) = import(&mut cadre_tablet, first.as_bytes()).unwrap();
    assert_eq!(count(&tally, "family", Decision::New), 1);
}

#[test]
fn a_feeding_recall_no_birth_allows_is_refused_as_the_server_refuses_it() {
    use ayah_asi_lib::domain::feeding::FoodItem;
    use ayah_asi_lib::storage::feeding::{RecallEntry, insert_recall};
    let (phone, family) = family_device();
    let entry = RecallEntry {
        recalled_on: now().date_naive(),
        items: &[FoodItem::BreastMilk],
        ever_other: Some(false),
        first_other_on: None,
        recorded_by: "mother",
    };
    insert_recall(phone.conn(), &family, &entry, phone.device_id(), now()).unwrap();
    // The baby here was born today: as if born ten days ago, the answer is right.
    let born = (now().date_naive() - chrono::Duration::days(10)).to_string();
    let good = rewrite(
        &export(&phone, std::slice::from_ref(&family), None),
        set_field("family", "baby_birth_date", born.into()),
    );
    let (mut cadre_tablet, _) = cadre_device();
    let before = dump(&cadre_tablet);
    let before_birth = rewrite(
        &good,
        set_field("feeding_recall", "recalled_on", "2000-01-02".into()),
    );
    let refused = import(&mut cadre_tablet, &before_birth);
    assert!(
        matches!(&refused, Err(Refusal::Import(ImportError::Refused { table, detail, .. }))
            if table == "feeding_recall" && detail.contains("before the birth")),
        "{refused:?}"
    );
    let nothing = rewrite(&good, set_field("feeding_recall", "items", "".into()));
    assert!(matches!(
        import(&mut cadre_tablet, &nothing),
        Err(Refusal::Bundle(BundleError::InvalidRecord { .. }))
    ));
    assert_eq!(dump(&cadre_tablet), before);
    // As the phone wrote it: taken; and again, checked against the birth kept here.
    import(&mut cadre_tablet, &good).unwrap();
    import(&mut cadre_tablet, &good).unwrap();
}
