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
