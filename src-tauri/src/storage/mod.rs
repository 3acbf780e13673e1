//! The one place that speaks SQL. No Tauri here: functions take a connection or a
//! transaction, so they run the same in the app, in tests and in benchmarks.

pub mod backup;
pub mod cadre;
pub mod families;
pub mod feeding;
pub mod follow_up;
pub mod learning;
mod ownership;
pub mod posko;
pub mod privacy;
pub mod report;
pub mod sessions;
pub mod settings;
pub mod sync_state;
pub mod transfer;

use chrono::{DateTime, FixedOffset, Local};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rusqlite_migration::Migrations;
use std::path::Path;

use crate::domain::record::{format_time, new_id};

/// File name of the database inside the data folder.
pub const DATABASE_FILE: &str = "ayah-asi.sqlite3";

/// Schema changes, one folder each (`NNN-name/up.sql`), in order. Never edit a released
/// migration: add the next one (`tests/migrations.rs` holds the released ones' hashes).
static MIGRATIONS_DIR: include_dir::Dir =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/migrations");

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// SQLite refused or failed a statement.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The schema could not be brought up to date.
    #[error("migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// The data folder could not be created.
    #[error("data folder: {0}")]
    Io(#[from] std::io::Error),
    /// SQLite could only open the file read-only (a read-only folder or disk).
    #[error("the database can only be read, not written")]
    ReadOnly,
    /// The database was written by a newer version of the app.
    #[error("the database is at schema {found}; this app knows {known}")]
    NewerVersion { found: i64, known: usize },
}

/// What kind of trouble the database is in, for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(rename = "StorageProblemKind")]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    ReadOnly,
    DiskFull,
    Damaged,
    NewerVersion,
    Other,
}

impl StorageError {
    pub fn problem(&self) -> Problem {
        use rusqlite::ErrorCode;
        let sqlite = |e: &rusqlite::Error| e.sqlite_error_code();
        let io = |e: &std::io::Error| match e.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                Problem::ReadOnly
            }
            std::io::ErrorKind::StorageFull => Problem::DiskFull,
            _ => Problem::Other,
        };
        let from_sqlite = |code: Option<ErrorCode>| match code {
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                Problem::ReadOnly
            }
            Some(ErrorCode::DiskFull) => Problem::DiskFull,
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Problem::Damaged,
            _ => Problem::Other,
        };
        match self {
            Self::Sqlite(e) => from_sqlite(sqlite(e)),
            Self::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => {
                from_sqlite(sqlite(err))
            }
            Self::Migration(_) => Problem::Other,
            Self::Io(e) => io(e),
            Self::NewerVersion { .. } => Problem::NewerVersion,
            Self::ReadOnly => Problem::ReadOnly,
        }
    }
}

pub type Result<T> = std::result::Result<T, StorageError>;

/// The migrations as `rusqlite_migration` wants them, embedded from their folder.
pub fn migrations() -> Migrations<'static> {
    // The folder is embedded at build time and checked by the tests: it always loads.
    Migrations::from_directory(&MIGRATIONS_DIR)
        .unwrap_or_else(|error| panic!("the embedded migrations folder is malformed: {error}"))
}

/// How many migrations there are (the latest schema version).
pub fn migrations_count() -> usize {
    MIGRATIONS_DIR.dirs().count()
}

/// Each migration's folder name and SQL text, in order (for the tests that guard
/// released migrations against edits).
pub fn migration_sources() -> Vec<(&'static str, &'static str)> {
    let mut sources: Vec<(&'static str, &'static str)> = MIGRATIONS_DIR
        .dirs()
        .filter_map(|dir| {
            let name = dir.path().file_name()?.to_str()?;
            let up = dir.files().find(|f| f.path().ends_with("up.sql"))?;
            Some((name, up.contents_utf8()?))
        })
        .collect();
    sources.sort();
    sources
}

/// An open, migrated database and the id of the device it lives on.
pub struct Store {
    conn: Connection,
    device_id: String,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and migrates it.
    pub fn open_in(data_dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(data_dir)?;
        Self::setup(
            Connection::open(data_dir.join(DATABASE_FILE))?,
            Some(data_dir),
        )
    }

    /// A private in-memory database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?, None)
    }

    /// Configures, refuses a newer schema, backs up before migrating an existing
    /// database, migrates.
    fn setup(mut conn: Connection, data_dir: Option<&Path>) -> Result<Self> {
        // Read the version before anything writes (switching to WAL rewrites the header):
        // a newer app's file must stay exactly as it was.
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let known = migrations_count();
        if found > known as i64 {
            return Err(StorageError::NewerVersion { found, known });
        }
        configure(&conn)?;
        // On a read-only folder SQLite may still open the file, read-only, and every
        // save would fail later: say so now instead.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StorageError::ReadOnly);
        }
        if let Some(dir) = data_dir
            && found > 0
            && (found as usize) < known
        {
            backup::make(&conn, dir, &format!("before-migration-{}", known), now())?;
        }
        migrations().to_latest(&mut conn)?;
        let device_id = ensure_device_id(&conn, now())?;
        Ok(Self { conn, device_id })
    }

    /// This device's id, written into every record it creates.
    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` in one transaction: all of its writes land, or none do.
    pub fn with_tx<T, E>(
        &mut self,
        work: impl FnOnce(&Transaction) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<StorageError>,
    {
        let tx = self.conn.transaction().map_err(StorageError::from)?;
        let value = work(&tx)?;
        tx.commit().map_err(StorageError::from)?;
        Ok(value)
    }
}

/// Per-connection settings: they are not stored in the file, so every open sets them.
fn configure(conn: &Connection) -> Result<()> {
    // WAL keeps readers and the writer apart; FULL syncs every commit so an
    // acknowledged write survives a power cut.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted rows are overwritten, not just unlinked: health data asked to be deleted
    // must not linger in free pages.
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// The device id is made once, on the first open, and never changes.
fn ensure_device_id(conn: &Connection, now: DateTime<FixedOffset>) -> Result<String> {
    let existing: Option<String> = conn
        .query_row("SELECT id FROM device WHERE singleton = 1", [], |row| {
            row.get(0)
        })
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let id = new_id();
    conn.execute(
        "INSERT INTO device (singleton, id, created_at) VALUES (1, ?1, ?2)",
        params![id, format_time(now)],
    )?;
    Ok(id)
}

/// The current local time with its UTC offset.
pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn pragmas_are_set_on_a_file_database() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let mode: String = store
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        let sync: i64 = store
            .conn()
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        let fk: i64 = store
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
    }

    #[test]
    fn the_device_id_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let first = Store::open_in(dir.path()).unwrap().device_id().to_owned();
        let second = Store::open_in(dir.path()).unwrap().device_id().to_owned();
        assert_eq!(first, second);
        assert_eq!(uuid::Uuid::parse_str(&first).unwrap().get_version_num(), 7);
    }

    #[test]
    fn every_table_is_strict() {
        let store = Store::open_in_memory().unwrap();
        let mut stmt = store
            .conn()
            .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
            .unwrap();
        let tables: Vec<(String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert!(!tables.is_empty());
        for (name, strict) in tables {
            assert_eq!(strict, 1, "table {name} is not STRICT");
        }
    }
}
