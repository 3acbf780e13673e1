//! Upgrading keeps data: a database made by an earlier schema migrates to the latest
//! without losing a row.

use ayah_asi_lib::storage::{self, Store, families};
use rusqlite::Connection;

#[test]
fn a_database_at_schema_1_upgrades_and_keeps_its_family() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(storage::DATABASE_FILE);
    {
        let mut conn = Connection::open(&path).unwrap();
        storage::migrations().to_version(&mut conn, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO device VALUES (1, '0193a1b2-0000-7000-8000-0000000000aa', '2026-01-01T08:00:00.000+07:00');
             INSERT INTO family VALUES ('0193a1b2-0000-7000-8000-000000000001', '0193a1b2-0000-7000-8000-0000000000aa',
                 '2026-01-01T08:00:00.000+07:00', '2026-01-01T08:00:00.000+07:00', 'Budi', 'Siti', '2025-12-20',
                 NULL, '11', NULL);
             INSERT INTO consent VALUES ('0193a1b2-0000-7000-8000-000000000002', '0193a1b2-0000-7000-8000-0000000000aa',
                 '2026-01-01T08:00:00.000+07:00', '2026-01-01T08:00:00.000+07:00', '0193a1b2-0000-7000-8000-000000000001',
                 'health-data', 'health-data-v1', '2026-01-01T08:00:00.000+07:00');",
        )
        .unwrap();
    }
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.device_id(), "0193a1b2-0000-7000-8000-0000000000aa");
    let family = families::get_own(store.conn()).unwrap().unwrap();
    assert_eq!(family.family.father_name, "Budi");
    assert_eq!(
        families::consents_of(store.conn(), &family.meta.id)
            .unwrap()
            .len(),
        1
    );
    let version: i64 = store
        .conn()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version as usize, storage::migrations_count());
}

#[test]
fn a_database_at_schema_7_gains_record_versions_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(storage::DATABASE_FILE);
    {
        let mut conn = Connection::open(&path).unwrap();
        storage::migrations().to_version(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO device VALUES (1, '0193a1b2-0000-7000-8000-0000000000aa', '2026-01-01T08:00:00.000+07:00');
             INSERT INTO family (id, device_id, created_at, updated_at, father_name, mother_name, baby_birth_date)
                 VALUES ('0193a1b2-0000-7000-8000-000000000001', '0193a1b2-0000-7000-8000-0000000000aa',
                 '2026-01-01T08:00:00.000+07:00', '2026-01-01T08:00:00.000+07:00', 'Budi', 'Siti', '2025-12-20');
             INSERT INTO massage_plan VALUES ('0193a1b2-0000-7000-8000-000000000003', '0193a1b2-0000-7000-8000-0000000000aa',
                 '2026-01-01T08:00:00.000+07:00', '2026-01-02T08:00:00.000+07:00', '0193a1b2-0000-7000-8000-000000000001', 180, 4);
             INSERT INTO cadre (id, device_id, created_at, updated_at, name, pin_hash)
                 VALUES ('0193a1b2-0000-7000-8000-000000000004', '0193a1b2-0000-7000-8000-0000000000aa',
                 '2026-01-01T08:00:00.000+07:00', '2026-01-01T08:00:00.000+07:00', 'Ani', '$argon2id$x');",
        )
        .unwrap();
    }
    let store = Store::open_in(dir.path()).unwrap();
    let row: (i64, i64, i64, String) = store
        .conn()
        .query_row(
            "SELECT f.row_version, p.row_version, p.passes, c.name
             FROM family f, massage_plan p, cadre c WHERE c.local = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(row, (1, 1, 4, "Ani".to_owned()));
    assert!(storage::cadre::get_cadre(store.conn()).unwrap().is_some());
}
