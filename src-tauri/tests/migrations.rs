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
    let family = families::get_own_family(store.conn()).unwrap().unwrap();
    assert_eq!(family.family.father_name, "Budi");
    assert_eq!(
        families::list_consents(store.conn(), &family.meta.id)
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

/// Released migrations and the SHA-256 of their `up.sql`: a database in the field ran
/// exactly this SQL, so editing one would leave it different from a new database. Add
/// the next migration instead, and its line here when it is released.
const RELEASED: &[(&str, &str)] = &[
    (
        "001-foundation",
        "bf6b80bcc8a9b193ea63b5b93f9b4445f35d61149d06d89618390de92cd7b0f4",
    ),
    (
        "002-massage-sessions",
        "c78a913c68a2f13023804b4cf29838471416d9b8807be879d62e23383fdfa8ff",
    ),
    (
        "003-ratings-milk-reminders",
        "4b2b76825dc8416cbbcecbd2d0ffd717752fefffa0402e0cd4fa9eae610f2668",
    ),
    (
        "004-cadre-visits",
        "256610f5942b8ea6b392e35948a0db68fb6678336dcbc88b125dceba80255493",
    ),
    (
        "005-learning",
        "f6a7550bcc846e3eb4d1d50cdff2af8de33b049bdc8f3a5970dcd298be77ed0d",
    ),
    (
        "006-mother-characteristics",
        "82d8549327640f16e0f1fd47cc05dd00a14f439c36055fc4f93b2bcf9fd613d4",
    ),
    (
        "007-report-indexes",
        "b967d560cf857a989864d932c8d0f080da81aa893872b9cdca96c09649eecb58",
    ),
    (
        "008-transfer",
        "cae72ad33412168397f3af5c8642d42c2b9bc7b4852fc6498275be630ae09139",
    ),
    (
        "009-cadre-families",
        "b171d2ec81ae624497c675c1d1705cf362f100feab65e964b5263890d3f55ea0",
    ),
    (
        "010-pregnancy",
        "8e473d936426674f09fcf40111dec61f3817b7507db57235e93e55f632995bac",
    ),
    (
        "011-who-massages",
        "64f2c77d83af983366d605fcdc7dc4d180aa1d6415b7c59fc171060d1ad34f63",
    ),
    (
        "012-programme-training",
        "dfa358bfff6912c9b0f89a26978153fd2c7e47d47ccd1dab35d536706b1c9ed8",
    ),
    (
        "013-posko",
        "9ec52e7b4655954d1b5c5efa771d46549b5d47d05d5eea670f5fc6610b0f3f6d",
    ),
];

#[test]
fn released_migrations_are_never_edited_and_come_in_order() {
    use sha2::{Digest, Sha256};
    let sources = storage::migration_sources();
    for (number, (name, sql)) in sources.iter().enumerate() {
        assert!(
            name.starts_with(&format!("{:03}-", number + 1)),
            "migration {name} is out of order or a number is missing"
        );
        if let Some((_, released)) = RELEASED.iter().find(|(n, _)| n == name) {
            let hash: String = Sha256::digest(sql.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(
                &hash, released,
                "released migration {name} was edited: add a new migration instead"
            );
        }
    }
    for (name, _) in RELEASED {
        assert!(
            sources.iter().any(|(n, _)| n == name),
            "released migration {name} is gone"
        );
    }
    assert_eq!(storage::migrations_count(), sources.len());
}

/// The rows written right after migration `n` (`tests/fixtures/data-after-NNN.sql`).
fn data_after(n: usize) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/data-after-{n:03}.sql"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every row of every table, column by column, as text: what a table held at the old
/// schema must be there, unchanged, after the upgrade.
fn rows_by_table(conn: &Connection) -> Vec<(String, Vec<String>, Vec<String>)> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|table| {
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT * FROM {table}"))
                .unwrap()
                .column_names()
                .iter()
                .map(|c| (*c).to_owned())
                .collect();
            let rows = rows_of(conn, &table, &columns);
            (table, columns, rows)
        })
        .collect()
}

/// The same rows, but only the columns named (those a table had at the old schema).
fn rows_of(conn: &Connection, table: &str, columns: &[String]) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {} FROM {table} ORDER BY {}",
            columns.join(", "),
            if columns.len() > 1 { "1, 2" } else { "1" }
        ))
        .unwrap();
    let mut rows = Vec::new();
    let mut query = stmt.query([]).unwrap();
    while let Some(row) = query.next().unwrap() {
        let cells: Vec<String> = (0..columns.len())
            .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
            .collect();
        rows.push(cells.join(" | "));
    }
    rows
}

#[test]
fn a_database_at_every_released_schema_upgrades_and_keeps_every_row() {
    let latest = storage::migrations_count();
    for schema in 1..=latest {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(storage::DATABASE_FILE);
        let before = {
            let mut conn = Connection::open(&path).unwrap();
            for step in 1..=schema {
                storage::migrations().to_version(&mut conn, step).unwrap();
                conn.execute_batch(&data_after(step))
                    .unwrap_or_else(|e| panic!("data after {step}: {e}"));
            }
            rows_by_table(&conn)
        };
        let store = Store::open_in(dir.path()).unwrap();
        let conn = store.conn();
        for (table, columns, rows) in &before {
            assert_eq!(
                &rows_of(conn, table, columns),
                rows,
                "schema {schema}: {table} changed in the upgrade"
            );
        }
        // The app reads it: its own family, and (from schema 4 on) the cadre's list.
        let own = families::get_own_family(conn)
            .unwrap()
            .expect("the own family");
        assert!(
            own.family.father_name.starts_with("Budi"),
            "schema {schema}"
        );
        if schema >= 4 {
            let list =
                ayah_asi_lib::commands::cadre::family_list(&store, "", storage::now()).unwrap();
            // From schema 10 the fixture adds a family enrolled in pregnancy.
            let families = if schema >= 10 { 3 } else { 2 };
            assert_eq!(
                list.len(),
                families,
                "schema {schema}: every family in the cadre's list"
            );
        }
        if schema == latest {
            for (table, _, rows) in rows_by_table(conn) {
                assert!(!rows.is_empty(), "the newest fixture leaves {table} empty");
            }
        }
    }
}
