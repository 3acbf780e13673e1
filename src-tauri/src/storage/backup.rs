//! Local backups of the database: a consistent copy made with `VACUUM INTO` before
//! every migration, once a day, and before a restore; the newest seven are kept in
//! `<data folder>/backups/`. Restoring copies one back over the database (the caller
//! closes the connection first and reopens after).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::{DATABASE_FILE, Result, StorageError};

/// The folder inside the data folder that holds backups.
pub const BACKUP_DIR: &str = "backups";
/// How many backups are kept.
pub const KEEP: usize = 7;
const PREFIX: &str = "ayah-asi-";
const SUFFIX: &str = ".sqlite3";

/// One backup file, as the settings screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub file: String,
    /// `YYYY-MM-DD HH:MM:SS`, the device's local time when it was made.
    pub made_at: String,
    /// `daily`, `before-migration-N`, `before-restore`, `manual`.
    pub reason: String,
    pub bytes: u64,
}

pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

/// Copies the open database into a new backup file and prunes old ones.
pub fn make(
    conn: &Connection,
    data_dir: &Path,
    reason: &str,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf> {
    let dir = backup_dir(data_dir);
    std::fs::create_dir_all(&dir)?;
    let mut path = dir.join(format!(
        "{PREFIX}{}-{reason}{SUFFIX}",
        now.format("%Y%m%d-%H%M%S")
    ));
    // Two backups in the same second (a migration, then a restore) get distinct names.
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!(
            "{PREFIX}{}-{reason}-{n}{SUFFIX}",
            now.format("%Y%m%d-%H%M%S")
        ));
    }
    conn.execute("VACUUM INTO ?1", [path.to_string_lossy()])?;
    prune(&dir)?;
    Ok(path)
}

/// Makes today's backup unless one exists already. Returns the new file, if any.
pub fn daily(
    conn: &Connection,
    data_dir: &Path,
    now: DateTime<FixedOffset>,
) -> Result<Option<PathBuf>> {
    let today = format!("{PREFIX}{}", now.format("%Y%m%d"));
    let done = list(data_dir)?.iter().any(|b| b.file.starts_with(&today));
    if done {
        return Ok(None);
    }
    make(conn, data_dir, "daily", now).map(Some)
}

/// Like [`daily`], on a read-only connection of its own (the app's connection stays
/// free; WAL lets both read at once).
pub fn daily_in(data_dir: &Path, now: DateTime<FixedOffset>) -> Result<Option<PathBuf>> {
    let conn = Connection::open_with_flags(
        data_dir.join(DATABASE_FILE),
        OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    daily(&conn, data_dir, now)
}

/// Makes a backup by hand on a read-only connection of its own, so the app's
/// connection (and a running massage's saves) never waits for the copy.
pub fn make_in(data_dir: &Path, reason: &str, now: DateTime<FixedOffset>) -> Result<PathBuf> {
    let conn = Connection::open_with_flags(
        data_dir.join(DATABASE_FILE),
        OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    make(&conn, data_dir, reason, now)
}

/// Backups, newest first.
pub fn list(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backup_dir(data_dir);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut found: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok())
        .filter_map(|entry| {
            let file = entry.file_name().to_string_lossy().into_owned();
            let stem = file.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
            let (date, rest) = stem.split_at_checked(8)?;
            let time = rest.strip_prefix('-')?.get(..6)?;
            let reason = rest.get(8..)?.to_owned();
            let made_at = format!(
                "{}-{}-{} {}:{}:{}",
                &date[..4],
                &date[4..6],
                &date[6..],
                &time[..2],
                &time[2..4],
                &time[4..]
            );
            let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
            Some(BackupInfo {
                file,
                made_at,
                reason,
                bytes,
            })
        })
        .collect();
    found.sort_by(|a, b| b.file.cmp(&a.file));
    Ok(found)
}

fn prune(dir: &Path) -> Result<()> {
    let data_dir = dir.parent().unwrap_or(dir);
    for old in list(data_dir)?.into_iter().skip(KEEP) {
        std::fs::remove_file(dir.join(old.file))?;
    }
    Ok(())
}

/// Checks a backup opens and is intact, without changing it.
pub fn verify(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let result: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if result != "ok" {
        return Err(StorageError::Io(std::io::Error::other(format!(
            "backup check: {result}"
        ))));
    }
    Ok(())
}

/// Puts a backup in place of the database. The database must be closed; the backup is
/// checked first, and its WAL side files are removed so SQLite does not replay stale
/// pages over it.
pub fn put_back(data_dir: &Path, file: &str) -> Result<()> {
    // Only a plain file name from the backup folder: no paths from the UI.
    if file.contains(['/', '\\']) || !file.starts_with(PREFIX) || !file.ends_with(SUFFIX) {
        return Err(StorageError::Io(std::io::Error::other("not a backup name")));
    }
    let source = backup_dir(data_dir).join(file);
    verify(&source)?;
    let target = data_dir.join(DATABASE_FILE);
    let partial = data_dir.join(format!("{DATABASE_FILE}.restoring"));
    std::fs::copy(&source, &partial)?;
    for side in ["-wal", "-shm"] {
        let side_file = data_dir.join(format!("{DATABASE_FILE}{side}"));
        if side_file.exists() {
            std::fs::remove_file(side_file)?;
        }
    }
    std::fs::rename(partial, target)?;
    Ok(())
}

/// Moves an unreadable database (and its side files) into a dated folder next to it,
/// never deleting it, so a fresh one can be started. Returns the folder.
pub fn set_aside(data_dir: &Path, now: DateTime<FixedOffset>) -> Result<PathBuf> {
    let folder = data_dir.join(format!("unreadable-{}", now.format("%Y%m%d-%H%M%S")));
    std::fs::create_dir_all(&folder)?;
    for side in ["", "-wal", "-shm"] {
        let name = format!("{DATABASE_FILE}{side}");
        let file = data_dir.join(&name);
        if file.exists() {
            std::fs::rename(&file, folder.join(&name))?;
        }
    }
    Ok(folder)
}

/// A consistent copy of a database that this app cannot use (newer, partly damaged),
/// made read-only; falls back to copying the file as it is.
/// The PIN hash of this device's cadre, read from the database file directly (it may
/// not open for the app), when one can be read.
pub fn cadre_pin_hash(data_dir: &Path) -> Option<String> {
    let conn = Connection::open_with_flags(
        data_dir.join(DATABASE_FILE),
        OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .ok()?;
    conn.query_row("SELECT pin_hash FROM cadre WHERE local = 1", [], |r| {
        r.get(0)
    })
    .ok()
}

pub fn save_copy(data_dir: &Path, to: &Path) -> Result<()> {
    let source = data_dir.join(DATABASE_FILE);
    // VACUUM INTO refuses a file that exists: the save dialog's "replace" was agreed to.
    if to.exists() {
        std::fs::remove_file(to)?;
    }
    let vacuumed =
        Connection::open_with_flags(&source, OpenFlags::SQLITE_OPEN_READ_ONLY).and_then(|conn| {
            conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])
                .map(|_| ())
        });
    if vacuumed.is_err() {
        std::fs::copy(&source, to)?;
    }
    Ok(())
}
