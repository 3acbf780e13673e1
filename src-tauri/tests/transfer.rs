//! Records moving between devices in bundle files: a round trip family -> cadre ->
//! family, importing twice, edits made on both devices at once, an older version
//! arriving after a newer one, deletions, partial bundles, and every kind of bad file
//! refused without a change.

mod common;

use ayah_asi_lib::domain::bundle::{self, BundleError, Decision, Header};
use ayah_asi_lib::domain::checklist::{self, RowScore};
use ayah_asi_lib::domain::family::FamilyInput;
use ayah_asi_lib::domain::learning::{self, Answer, TestKind};
use ayah_asi_lib::domain::protocol::{MassagePlan, StopReason};
use ayah_asi_lib::domain::rating::{Author, MilkFlow, MilkStatus, Rating};
use ayah_asi_lib::domain::session::EventKind;
use ayah_asi_lib::storage::transfer::{self, ImportError};
use ayah_asi_lib::storage::{
    Store, cadre, families, follow_up, learning as learning_store, now, sessions,
};
use common::store_with_family;
use serde_json::Value;

fn export(store: &Store, families: &[String], since: Option<&str>) -> Vec<u8> {
    let lines = transfer::gather(store.conn(), families, since).unwrap();
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: "test".into(),
        device_id: store.device_id().to_owned(),
        family_ids: families.to_vec(),
        created_at: ayah_asi_lib::domain::record::format_time(now()),
        since: since.map(str::to_owned),
        counts: Default::default(),
        body_sha256: String::new(),
    };
    bundle::write(header, &lines)
}

#[derive(Debug)]
enum Refusal {
    Bundle(BundleError),
    Import(ImportError),
}

/// Parses, plans and applies in one transaction, as the import command does.
fn import(store: &mut Store, bytes: &[u8]) -> Result<(usize, transfer::Tally), Refusal> {
    let parsed = bundle::parse(bytes, now()).map_err(Refusal::Bundle)?;
    store
        .with_tx(|tx| {
            let plan = transfer::plan(tx, &parsed)?;
            let changed = transfer::apply(tx, &parsed, &plan, now())?;
            Ok::<_, ImportError>((changed, transfer::tally(&parsed, &plan)))
        })
        .map_err(Refusal::Import)
}

fn count(tally: &transfer::Tally, table: &str, decision: Decision) -> u64 {
    tally
        .get(table)
        .and_then(|d| d.get(&decision))
        .copied()
        .unwrap_or(0)
}

/// Every row of every table, to prove an import changed nothing.
fn dump(store: &Store) -> Vec<String> {
    let conn = store.conn();
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    let names: Vec<String> = tables
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut rows = Vec::new();
    for name in names {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {name} ORDER BY 1, 2"))
            .unwrap();
        let width = stmt.column_count();
        let mut query = stmt.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let cells: Vec<String> = (0..width)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            rows.push(format!("{name}: {}", cells.join(" | ")));
        }
    }
    rows
}

/// What travels of one family, as canonical bodies (so two devices can be compared).
fn travelling(store: &Store, family: &str) -> Vec<String> {
    let mut bodies: Vec<String> = transfer::gather(store.conn(), &[family.to_owned()], None)
        .unwrap()
        .iter()
        .map(|l| {
            format!(
                "{} {}",
                l.table,
                bundle::canonical(l.body.as_ref().unwrap())
            )
        })
        .collect();
    bodies.sort();
    bodies
}

fn give_rated_session(store: &Store, family: &str, comfort: u8) -> String {
    let device = store.device_id().to_owned();
    let session =
        sessions::create(store.conn(), family, MassagePlan::default(), &device, now()).unwrap();
    let stopped = sessions::TimedEvent {
        kind: EventKind::Stopped {
            reason: StopReason::MotherAsked,
        },
        active_ms: 1000,
        at: now(),
    };
    sessions::record_events(store.conn(), &session, &device, &[stopped], &[], now()).unwrap();
    let rating = Rating {
        skipped: false,
        comfort: Some(comfort),
        milk_flow: Some(MilkFlow::Drips),
        ..Rating::skipped()
    };
    follow_up::insert_rating(
        store.conn(),
        &session,
        1,
        Author::Mother,
        &rating,
        &device,
        now(),
    )
    .unwrap();
    session
}

/// A family's device with a plan edited once, two rated sessions, a milk status, a
/// lesson read and a pre-test.
fn family_device() -> (Store, String) {
    let (store, family) = store_with_family();
    let device = store.device_id().to_owned();
    sessions::set_plan(
        store.conn(),
        &family,
        MassagePlan::default(),
        &device,
        now(),
    )
    .unwrap();
    sessions::set_plan(
        store.conn(),
        &family,
        MassagePlan::new(180, 4).unwrap(),
        &device,
        now(),
    )
    .unwrap();
    give_rated_session(&store, &family, 4);
    give_rated_session(&store, &family, 5);
    let entry = follow_up::MilkStatusEntry {
        recorded_on: now().date_naive(),
        status: MilkStatus::TidakLancar,
        indicators: &["milk-drips"],
        author: Author::Mother,
    };
    follow_up::insert_milk_status(store.conn(), &family, &entry, &device, now()).unwrap();
    learning_store::mark_read(
        store.conn(),
        &family,
        learning::MASSAGE_LESSON,
        &device,
        now(),
    )
    .unwrap();
    let answers: Vec<Answer> = learning::STATEMENTS
        .iter()
        .map(|s| Answer {
            statement_id: s.id.to_owned(),
            answer: s.answer,
        })
        .collect();
    let graded = learning::grade(&answers).unwrap();
    learning_store::insert_attempt(
        store.conn(),
        &family,
        TestKind::Pre,
        &graded,
        &answers,
        &device,
        now(),
    )
    .unwrap();
    (store, family)
}

fn cadre_device() -> (Store, String) {
    let store = Store::open_in_memory().unwrap();
    let device = store.device_id().to_owned();
    let cadre_id = cadre::insert_cadre(
        store.conn(),
        "Bu Ani",
        "$argon2id$v=19$test",
        &device,
        now(),
    )
    .unwrap();
    (store, cadre_id)
}

fn visit(store: &Store, family: &str, cadre_id: &str) {
    let rows: Vec<RowScore> = checklist::ROWS
        .iter()
        .map(|row| RowScore {
            row_id: (*row).to_owned(),
            score: 2,
            note: None,
        })
        .collect();
    let score = checklist::score(&rows, 80);
    let new = cadre::NewVisit {
        family_id: family,
        cadre_id,
        visited_on: now().date_naive(),
        checklist_version: checklist::CHECKLIST_VERSION,
        score,
        rows: &rows,
        coaching_notes: Some("Bagus"),
        motivation: "cooperative",
        milk_status: Some("lancar"),
        amends: None,
    };
    let device = store.device_id().to_owned();
    cadre::insert_visit(store.conn(), &new, &device, now()).unwrap();
}

fn edit_family(store: &Store, family: &str, change: impl FnOnce(&mut FamilyInput)) {
    let current = families::get(store.conn(), family).unwrap().unwrap().family;
    let mut input = FamilyInput {
        father_name: current.father_name,
        mother_name: current.mother_name,
        baby_birth_date: current.baby_birth_date.to_string(),
        posyandu: current.posyandu,
        rw: current.rw,
        rt: current.rt,
        consent_given: true,
        ..FamilyInput::default()
    };
    change(&mut input);
    let valid = input.validate(now().date_naive()).unwrap();
    let device = store.device_id().to_owned();
    assert!(families::update(store.conn(), family, &valid, &device, now()).unwrap());
}

fn row_version(store: &Store, family: &str) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT row_version FROM family WHERE id = ?1",
            [family],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_family_round_trips_to_the_cadre_and_back_with_nothing_lost_or_doubled() {
    let (mut phone, family) = family_device();
    let (mut cadre_tablet, cadre_id) = cadre_device();

    let (changed, tally) = import(
        &mut cadre_tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "massage_session", Decision::New), 2);
    assert_eq!(count(&tally, "session_rating", Decision::New), 2);
    assert_eq!(count(&tally, "massage_plan", Decision::New), 1);
    assert_eq!(changed, travelling(&phone, &family).len());
    assert_eq!(
        travelling(&cadre_tablet, &family),
        travelling(&phone, &family)
    );
    // The plan's earlier version came along too.
    let history: i64 = cadre_tablet
        .conn()
        .query_row(
            "SELECT count(*) FROM record_history WHERE table_name = 'massage_plan'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(history, 1);
    // An imported family is not the cadre device's own.
    assert!(families::get_own(cadre_tablet.conn()).unwrap().is_none());

    // The cadre visits, corrects the posyandu name, and sends the family back.
    visit(&cadre_tablet, &family, &cadre_id);
    edit_family(&cadre_tablet, &family, |f| {
        f.posyandu = Some("Mawar 3".into())
    });
    assert_eq!(
        transfer::count(cadre_tablet.conn(), &[], None).unwrap(),
        transfer::gather(cadre_tablet.conn(), &[], None)
            .unwrap()
            .len(),
        "the count the send screen shows"
    );
    let (_, tally) = import(
        &mut phone,
        &export(&cadre_tablet, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "family", Decision::Updated), 1);
    assert_eq!(count(&tally, "home_visit", Decision::New), 1);
    assert_eq!(
        count(&tally, "visit_score", Decision::New),
        checklist::ROWS.len() as u64
    );
    assert_eq!(count(&tally, "cadre", Decision::New), 1);
    assert_eq!(count(&tally, "massage_session", Decision::Known), 2);
    assert_eq!(
        travelling(&phone, &family),
        travelling(&cadre_tablet, &family)
    );
    let own = families::get_own(phone.conn()).unwrap().unwrap();
    assert_eq!(own.family.posyandu.as_deref(), Some("Mawar 3"));
    assert_eq!(row_version(&phone, &family), 2);
    // The cadre is known on the phone by name only: no PIN can open cadre mode there.
    assert!(cadre::get_cadre(phone.conn()).unwrap().is_none());
}

#[test]
fn importing_the_same_bundle_twice_changes_nothing() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    let bytes = export(&phone, &[family], None);
    let (first, _) = import(&mut cadre_tablet, &bytes).unwrap();
    assert!(first > 0);
    let before = dump(&cadre_tablet);
    let (second, tally) = import(&mut cadre_tablet, &bytes).unwrap();
    assert_eq!(second, 0);
    assert!(
        tally
            .values()
            .all(|d| d.keys().all(|k| *k == Decision::Known))
    );
    assert_eq!(dump(&cadre_tablet), before);
}

#[test]
fn edits_made_on_both_devices_at_once_are_both_kept_until_the_cadre_chooses() {
    let (mut phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    import(
        &mut cadre_tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();

    edit_family(&phone, &family, |f| f.father_name = "Budi Santoso".into());
    edit_family(&cadre_tablet, &family, |f| f.rw = Some("4".into()));
    let from_phone = export(&phone, std::slice::from_ref(&family), None);
    let (_, tally) = import(&mut cadre_tablet, &from_phone).unwrap();
    assert_eq!(count(&tally, "family", Decision::Conflict), 1);
    // The cadre's own edit stays until she chooses; the phone's is kept aside.
    let here = families::get(cadre_tablet.conn(), &family)
        .unwrap()
        .unwrap()
        .family;
    assert_eq!(
        (here.father_name.as_str(), here.rw.as_deref()),
        ("Budi", Some("4"))
    );
    let conflicts = transfer::open_conflicts(cadre_tablet.conn()).unwrap();
    assert_eq!(conflicts.len(), 1);
    let fields: Vec<&str> = conflicts[0]
        .differences
        .iter()
        .map(|d| d.field.as_str())
        .collect();
    assert_eq!(fields, ["father_name", "rw"]);

    // The same bundle again does not add a second conflict.
    let (changed, _) = import(&mut cadre_tablet, &from_phone).unwrap();
    assert_eq!(changed, 0);
    assert_eq!(
        transfer::open_conflict_count(cadre_tablet.conn()).unwrap(),
        1
    );

    // She takes the father's version: it becomes version 3, above both.
    let device = cadre_tablet.device_id().to_owned();
    cadre_tablet
        .with_tx(|tx| transfer::resolve(tx, &conflicts[0].id, true, &device, now()))
        .unwrap();
    assert_eq!(
        transfer::open_conflict_count(cadre_tablet.conn()).unwrap(),
        0
    );
    assert_eq!(row_version(&cadre_tablet, &family), 3);
    let here = families::get(cadre_tablet.conn(), &family)
        .unwrap()
        .unwrap()
        .family;
    assert_eq!(here.father_name, "Budi Santoso");

    // Back on the phone the choice arrives as a plain update, not a new conflict.
    let (_, tally) = import(
        &mut phone,
        &export(&cadre_tablet, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "family", Decision::Updated), 1);
    assert_eq!(transfer::open_conflict_count(phone.conn()).unwrap(), 0);
    assert_eq!(
        travelling(&phone, &family),
        travelling(&cadre_tablet, &family)
    );
    // And the phone's bundle, made before the choice, is now older there.
    let (changed, tally) = import(&mut cadre_tablet, &from_phone).unwrap();
    assert_eq!(changed, 0);
    assert_eq!(count(&tally, "family", Decision::Known), 1);
}

#[test]
fn an_older_version_never_overwrites_a_newer_one() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    let old = export(&phone, std::slice::from_ref(&family), None);
    edit_family(&phone, &family, |f| f.posyandu = Some("Melati".into()));
    let new = export(&phone, std::slice::from_ref(&family), None);
    import(&mut cadre_tablet, &new).unwrap();
    let (changed, tally) = import(&mut cadre_tablet, &old).unwrap();
    assert_eq!(changed, 0);
    assert_eq!(count(&tally, "family", Decision::Older), 1);
    let here = families::get(cadre_tablet.conn(), &family)
        .unwrap()
        .unwrap()
        .family;
    assert_eq!(here.posyandu.as_deref(), Some("Melati"));
}

#[test]
fn a_partial_bundle_carries_only_what_changed_and_still_applies() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    import(
        &mut cadre_tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();
    let since = ayah_asi_lib::domain::record::format_time(now());
    std::thread::sleep(std::time::Duration::from_millis(5));
    give_rated_session(&phone, &family, 3);
    let partial = export(&phone, std::slice::from_ref(&family), Some(&since));
    // The send screen's count is what the bundle then holds.
    let lines = |since| {
        transfer::gather(phone.conn(), std::slice::from_ref(&family), since)
            .unwrap()
            .len()
    };
    let counted =
        |since| transfer::count(phone.conn(), std::slice::from_ref(&family), since).unwrap();
    assert_eq!(counted(Some(since.as_str())), lines(Some(since.as_str())));
    assert_eq!(counted(None), lines(None));
    let parsed = bundle::parse(&partial, now()).unwrap();
    let sessions = parsed
        .records
        .iter()
        .filter(|r| r.table.name == "massage_session")
        .count();
    assert_eq!(sessions, 1);
    let (changed, _) = import(&mut cadre_tablet, &partial).unwrap();
    assert_eq!(changed, 2); // the session and its rating
    assert_eq!(
        travelling(&cadre_tablet, &family),
        travelling(&phone, &family)
    );
}

#[test]
fn a_deleted_record_is_not_brought_back_and_its_deletion_travels() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    let bytes = export(&phone, std::slice::from_ref(&family), None);
    import(&mut cadre_tablet, &bytes).unwrap();
    let milk_id: String = phone
        .conn()
        .query_row(
            "SELECT id FROM milk_status WHERE family_id = ?1",
            [&family],
            |r| r.get(0),
        )
        .unwrap();
    let device = phone.device_id().to_owned();
    phone
        .conn()
        .execute("DELETE FROM milk_status WHERE id = ?1", [&milk_id])
        .unwrap();
    transfer::add_tombstone(
        phone.conn(),
        "milk_status",
        &milk_id,
        Some(&family),
        &device,
        now(),
    )
    .unwrap();

    let (_, tally) = import(
        &mut cadre_tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "deleted-milk_status", Decision::Deleted), 1);
    let left: i64 = cadre_tablet
        .conn()
        .query_row("SELECT count(*) FROM milk_status", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
    // The first bundle, still holding it, does not bring it back.
    let (changed, tally) = import(&mut cadre_tablet, &bytes).unwrap();
    assert_eq!(changed, 0);
    assert_eq!(count(&tally, "milk_status", Decision::Deleted), 1);
}

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
        ("newer format", newer.into_bytes(), |r| {
            matches!(r, Refusal::Bundle(BundleError::NewerFormat { version: 3 }))
        }),
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
    transfer::add_tombstone(
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
