//! A bundle changes only the families it names. Files written by hand that reach into
//! another family's records on the cadre's device are refused whole, and change nothing.

mod common;
#[allow(dead_code)] // each test file uses its own part of the shared helpers
mod transfer_support;

use ayah_asi_lib::domain::bundle::{self, Deleted, Header, Line};
use ayah_asi_lib::storage::transfer::{self, ImportError};
use ayah_asi_lib::storage::{Store, cadre, now};
use common::store_with_family;
use serde_json::{Value, json};
use transfer_support::{give_stopped_session, visit};

/// The cadre's device: family A with a stopped session and a scored visit.
struct CadreDevice {
    store: Store,
    family_a: String,
    session_a: String,
    visit_a: String,
}

fn cadre_device() -> CadreDevice {
    let (store, family_a) = store_with_family();
    let device = store.device_id().to_owned();
    let session_a = give_stopped_session(&store, &family_a);
    let cadre_id =
        cadre::insert_cadre(store.conn(), "Bu Ani", "$argon2id$v=19$x", &device, now()).unwrap();
    let visit_a = visit(&store, &family_a, &cadre_id);
    CadreDevice {
        store,
        family_a,
        session_a,
        visit_a,
    }
}

/// A phone of family C: its own bundle's lines, as a hand-written file would start.
fn family_c_lines() -> (String, Vec<Line>) {
    let (phone, family_c) = store_with_family();
    let lines = transfer::gather(phone.conn(), std::slice::from_ref(&family_c), None).unwrap();
    (family_c, lines)
}

fn write(family_ids: &[String], lines: &[Line]) -> Vec<u8> {
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: "by hand".into(),
        device_id: "01a2b3c4-0000-7000-8000-000000000001".into(),
        family_ids: family_ids.to_vec(),
        created_at: ayah_asi_lib::domain::record::format_time(now()),
        since: None,
        counts: Default::default(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    };
    bundle::write(header, lines)
}

fn tombstone(table: &str, id: &str, family: &str) -> Line {
    Line {
        table: table.into(),
        id: id.into(),
        body: None,
        history: Vec::new(),
        deleted: Some(Deleted {
            at: ayah_asi_lib::domain::record::format_time(now()),
            device_id: "01a2b3c4-0000-7000-8000-000000000001".into(),
            family_id: Some(family.into()),
        }),
    }
}

fn record(table: &str, body: Value) -> Line {
    Line {
        table: table.into(),
        id: body["id"].as_str().unwrap().to_owned(),
        body: Some(serde_json::from_value(body).unwrap()),
        history: Vec::new(),
        deleted: None,
    }
}

/// Every row of every table.
fn dump(store: &Store) -> String {
    let conn = store.conn();
    let mut out = String::new();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for name in names {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {name}")).unwrap();
        let width = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..width {
                out.push_str(&format!("{:?}|", row.get_ref(i).unwrap()));
            }
            out.push('\n');
        }
    }
    out
}

/// Parses, plans and applies as the import command does; returns the refusal.
fn import(store: &mut Store, bytes: &[u8]) -> Result<usize, ImportError> {
    let parsed = bundle::parse(bytes, now()).expect("a well-formed file");
    store.with_tx(|tx| {
        let plan = transfer::plan(tx, &parsed)?;
        transfer::apply(tx, &parsed, &plan, now())
    })
}

fn refused_without_change(device: &mut CadreDevice, bytes: &[u8]) -> ImportError {
    let before = dump(&device.store);
    let refusal = import(&mut device.store, bytes).expect_err("the file must be refused");
    assert_eq!(
        dump(&device.store),
        before,
        "a refused file changed the database"
    );
    refusal
}

#[test]
fn a_tombstone_for_another_familys_record_is_refused() {
    // Before the fix, this file named only family C and deleted family A's session.
    let mut device = cadre_device();
    let (family_c, mut lines) = family_c_lines();
    lines.push(tombstone("massage_session", &device.session_a, &family_c));
    let refusal = refused_without_change(&mut device, &write(&[family_c], &lines));
    assert!(
        matches!(refusal, ImportError::OtherFamily { .. }),
        "{refusal:?}"
    );
}

#[test]
fn a_tombstone_of_a_family_the_header_does_not_name_is_refused() {
    let mut device = cadre_device();
    let (family_c, mut lines) = family_c_lines();
    let family_a = device.family_a.clone();
    lines.push(tombstone("family", &family_a, &family_a));
    let refusal = refused_without_change(&mut device, &write(&[family_c], &lines));
    assert!(
        matches!(refusal, ImportError::NotNamed { .. }),
        "{refusal:?}"
    );
}

#[test]
fn a_record_of_a_family_the_header_does_not_name_is_refused() {
    let mut device = cadre_device();
    let (family_c, mut lines) = family_c_lines();
    // Family A's milk status slipped into family C's file.
    lines.push(record(
        "milk_status",
        json!({
            "id": "01a2b3c4-0000-7000-8000-00000000aaaa",
            "device_id": "01a2b3c4-0000-7000-8000-000000000001",
            "created_at": ayah_asi_lib::domain::record::format_time(now()),
            "updated_at": ayah_asi_lib::domain::record::format_time(now()),
            "family_id": device.family_a,
            "recorded_on": now().date_naive().to_string(),
            "status": "tidak-ada",
            "indicators": "",
            "recorded_by": "mother",
            "kind": "follow-up",
        }),
    ));
    let refusal = refused_without_change(&mut device, &write(&[family_c], &lines));
    assert!(
        matches!(refusal, ImportError::NotNamed { .. }),
        "{refusal:?}"
    );
}

#[test]
fn a_child_claiming_its_family_but_pointing_into_another_is_refused() {
    let mut device = cadre_device();
    let (family_c, mut lines) = family_c_lines();
    let stamp = ayah_asi_lib::domain::record::format_time(now());
    // A rating "of family C" for family A's session.
    let mut rating = lines.clone();
    rating.push(record(
        "session_rating",
        json!({
            "id": "01a2b3c4-0000-7000-8000-00000000bbbb",
            "device_id": "01a2b3c4-0000-7000-8000-000000000001",
            "created_at": stamp, "updated_at": stamp,
            "session_id": device.session_a, "family_id": family_c,
            "version": 1, "answered_by": "mother", "skipped": 1,
            "comfort": null, "pain_before": null, "pain_after": null,
            "milk_flow": null, "note": null,
        }),
    ));
    let refusal = refused_without_change(
        &mut device,
        &write(std::slice::from_ref(&family_c), &rating),
    );
    assert!(
        matches!(refusal, ImportError::OtherFamily { .. }),
        "{refusal:?}"
    );
    // A visit score for family A's visit, in family C's file.
    lines.push(record(
        "visit_score",
        json!({
            "id": "01a2b3c4-0000-7000-8000-00000000cccc",
            "device_id": "01a2b3c4-0000-7000-8000-000000000001",
            "created_at": stamp, "updated_at": stamp,
            "visit_id": device.visit_a, "row_id": "not-on-spine", "score": 0, "note": null,
        }),
    ));
    let refusal = refused_without_change(&mut device, &write(&[family_c], &lines));
    assert!(
        matches!(refusal, ImportError::NotNamed { .. }),
        "{refusal:?}"
    );
}

#[test]
fn a_familys_own_file_still_applies() {
    let mut device = cadre_device();
    let (family_c, lines) = family_c_lines();
    let changed = import(&mut device.store, &write(&[family_c], &lines)).unwrap();
    assert!(changed >= 2, "family and consent at least: {changed}");
}
