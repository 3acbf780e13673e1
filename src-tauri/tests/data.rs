//! The database file under trouble, and the family's own data: a garbage file, a file
//! from a newer app, a full disk, backups before migrations and every day (seven kept,
//! restorable), and deleting a family so its names are gone from the file, the WAL
//! and the backups.

use ayah_asi_lib::domain::family::FamilyInput;
use ayah_asi_lib::domain::protocol::MassagePlan;
use ayah_asi_lib::storage::{
    self, Problem, StorageError, Store, backup, families, now, privacy, sessions,
};

fn register(store: &mut Store, father: &str, mother: &str) -> String {
    let input = FamilyInput {
        father_name: father.into(),
        mother_name: mother.into(),
        baby_birth_date: now().date_naive().format("%Y-%m-%d").to_string(),
        posyandu: Some("Melati".into()),
        consent_given: true,
        ..FamilyInput::default()
    };
    let valid = input.validate(now().date_naive()).unwrap();
    let device = store.device_id().to_owned();
    store
        .with_tx(|tx| families::register(tx, valid, &device, now()))
        .unwrap()
        .meta
        .id
}

#[test]
fn a_garbage_file_is_reported_as_damaged_and_left_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(storage::DATABASE_FILE);
    let garbage: Vec<u8> = (0..50_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&file, &garbage).unwrap();
    let error = Store::open_in(dir.path()).err().expect("refused");
    assert_eq!(error.problem(), Problem::Damaged, "{error}");
    assert_eq!(std::fs::read(&file).unwrap(), garbage);
    // Starting fresh moves it aside, whole, and a new database opens.
    let aside = backup::set_aside(dir.path(), now()).unwrap();
    assert_eq!(
        std::fs::read(aside.join(storage::DATABASE_FILE)).unwrap(),
        garbage
    );
    assert!(Store::open_in(dir.path()).is_ok());
}

#[test]
fn a_file_from_a_newer_app_is_refused_without_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open_in(dir.path()).unwrap();
        register(&mut store, "Budi", "Siti");
        store
            .conn()
            .pragma_update(None, "user_version", 99)
            .unwrap();
    }
    let file = dir.path().join(storage::DATABASE_FILE);
    let before = std::fs::read(&file).unwrap();
    let error = Store::open_in(dir.path()).err().expect("refused");
    assert!(
        matches!(error, StorageError::NewerVersion { found: 99, .. }),
        "{error}"
    );
    assert_eq!(error.problem(), Problem::NewerVersion);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(
        backup::list(dir.path()).unwrap().is_empty(),
        "no migration, so no backup"
    );
    // What it holds can still be copied out, consistently.
    let copy = dir.path().join("copy.sqlite3");
    backup::save_copy(dir.path(), &copy).unwrap();
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let father: String = conn
        .query_row("SELECT father_name FROM family", [], |r| r.get(0))
        .unwrap();
    assert_eq!(father, "Budi");
}

#[test]
fn a_full_disk_refuses_the_write_with_its_own_message_and_keeps_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let family = register(&mut store, "Budi", "Siti");
    // SQLite's own ceiling on the file makes the disk "full" at its current size.
    let pages: i64 = store
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store
        .conn()
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    let device = store.device_id().to_owned();
    let result = store.with_tx(|tx| {
        for _ in 0..200 {
            sessions::insert_session(tx, &family, MassagePlan::default(), &device, now())?;
        }
        Ok::<_, StorageError>(())
    });
    let error = result.expect_err("the disk is full");
    assert_eq!(error.problem(), Problem::DiskFull, "{error}");
    let app_error = serde_json::to_value(ayah_asi_lib::AppError::from(error)).unwrap();
    assert_eq!(app_error["code"], "error-disk-full");
    let sessions: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM massage_session", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sessions, 0, "nothing half-written");
    assert!(families::get_own_family(store.conn()).unwrap().is_some());
}

#[test]
fn an_old_database_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut conn = rusqlite::Connection::open(dir.path().join(storage::DATABASE_FILE)).unwrap();
        storage::migrations().to_version(&mut conn, 7).unwrap();
    }
    Store::open_in(dir.path()).unwrap();
    let backups = backup::list(dir.path()).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        backups[0].reason,
        format!("before-migration-{}", storage::migrations_count())
    );
    let conn =
        rusqlite::Connection::open(backup::backup_dir(dir.path()).join(&backups[0].file)).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 7, "the backup is the database as it was before");
    // Opening again migrates nothing and backs up nothing more.
    Store::open_in(dir.path()).unwrap();
    assert_eq!(backup::list(dir.path()).unwrap().len(), 1);
}

#[test]
fn one_backup_a_day_seven_kept_and_a_restore_brings_the_old_data_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    register(&mut store, "Budi", "Siti");
    // As the app does it: from a read-only connection of its own, the store still open.
    assert!(backup::daily_in(dir.path(), now()).unwrap().is_some());
    assert!(
        backup::daily(store.conn(), dir.path(), now())
            .unwrap()
            .is_none(),
        "once a day"
    );
    for day in 1..=9 {
        backup::make(
            store.conn(),
            dir.path(),
            "daily",
            now() - chrono::Duration::days(day),
        )
        .unwrap();
    }
    let kept = backup::list(dir.path()).unwrap();
    assert_eq!(kept.len(), backup::KEEP);
    assert!(
        kept[0].file.contains(&now().format("%Y%m%d").to_string()),
        "the newest are kept"
    );

    // Restore today's backup after the family was edited.
    let family = families::get_own_family(store.conn()).unwrap().unwrap();
    let mut edited = family.family.clone();
    edited.father_name = "Budi Santoso".into();
    let device = store.device_id().to_owned();
    families::update_family(store.conn(), &family.meta.id, &edited, &device, now()).unwrap();
    drop(store);
    backup::put_back(dir.path(), &kept[0].file).unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    let restored = families::get_own_family(store.conn()).unwrap().unwrap();
    assert_eq!(restored.family.father_name, "Budi");
    assert!(
        backup::put_back(dir.path(), "../ayah-asi.sqlite3").is_err(),
        "only backup names"
    );
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn deleting_a_family_leaves_no_trace_of_its_names_in_the_file_wal_or_backups() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let keep = register(&mut store, "Andi", "Rina");
    let gone = register(&mut store, "Zulkarnaen", "Kartikasari");
    let device = store.device_id().to_owned();
    sessions::insert_session(store.conn(), &gone, MassagePlan::default(), &device, now()).unwrap();
    let mut edited = families::get_family(store.conn(), &gone)
        .unwrap()
        .unwrap()
        .family;
    edited.posyandu = Some("Kenanga".into());
    families::update_family(store.conn(), &gone, &edited, &device, now()).unwrap();
    backup::make(store.conn(), dir.path(), "daily", now()).unwrap();

    let data = privacy::get_family_data(store.conn(), &gone).unwrap();
    let json = privacy::as_json(&data);
    assert_eq!(json["family"][0]["father_name"], "Zulkarnaen");
    assert_eq!(json["massage_session"].as_array().unwrap().len(), 1);

    let deleted = store
        .with_tx(|tx| privacy::delete_family(tx, &gone, &device, now()))
        .unwrap();
    assert!(deleted >= 3);
    privacy::scrub(store.conn(), Some(dir.path()), now()).unwrap();

    let mut files = vec![dir.path().join(storage::DATABASE_FILE)];
    for side in ["-wal", "-shm"] {
        files.push(dir.path().join(format!("{}{side}", storage::DATABASE_FILE)));
    }
    for b in backup::list(dir.path()).unwrap() {
        files.push(backup::backup_dir(dir.path()).join(b.file));
    }
    for file in files.iter().filter(|f| f.exists()) {
        let bytes = std::fs::read(file).unwrap();
        for name in ["Zulkarnaen", "Kartikasari", "Kenanga"] {
            assert!(
                !contains(&bytes, name),
                "{name} is still in {}",
                file.display()
            );
        }
    }
    // The other family is untouched, and an old bundle cannot bring the deleted one back.
    assert!(families::get_family(store.conn(), &keep).unwrap().is_some());
    let tombstones: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM tombstone WHERE record_id = ?1",
            [&gone],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tombstones, 1);
}
