//! This device's sync state with the puskesmas server: the pull cursor, what was pushed
//! and acknowledged, the push in flight, and how the last sync went. The token is not
//! here (see `crate::sync::pairing`).

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::domain::record::format_time;
use crate::domain::sync::{SyncCounts, SyncFailure};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncState {
    pub server_address: String,
    pub pull_cursor: i64,
    pub pushed_since: Option<String>,
    pub pending_push: Option<PendingPush>,
    pub last_success_at: Option<String>,
    pub last_attempt_at: Option<String>,
    pub last_failure: Option<SyncFailure>,
    /// The message id of the last failure (the server's reason, when it gave one).
    pub last_failure_code: Option<String>,
    pub last_counts: SyncCounts,
    /// The server reads gzipped pushes.
    pub takes_gzip: bool,
}

/// A push whose answer has not come back: it is sent again under the same id, and
/// records changed after `at` wait for the next push.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingPush {
    pub id: String,
    pub at: String,
}

fn failure_from(text: Option<String>) -> Option<SyncFailure> {
    serde_json::from_value(serde_json::Value::String(text?)).ok()
}

fn failure_text(failure: SyncFailure) -> String {
    serde_json::to_value(failure)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub fn get_sync_state(conn: &Connection) -> Result<Option<SyncState>> {
    Ok(conn
        .query_row(
            "SELECT server_address, pull_cursor, pushed_since, pending_push_id, pending_push_at,
                    last_success_at, last_attempt_at, last_failure, last_failure_code,
                    last_sent, last_received, last_to_choose, takes_gzip
             FROM server_sync WHERE id = 1",
            [],
            |r| {
                let pending: (Option<String>, Option<String>) = (r.get(3)?, r.get(4)?);
                Ok(SyncState {
                    server_address: r.get(0)?,
                    pull_cursor: r.get(1)?,
                    pushed_since: r.get(2)?,
                    pending_push: match pending {
                        (Some(id), Some(at)) => Some(PendingPush { id, at }),
                        _ => None,
                    },
                    last_success_at: r.get(5)?,
                    last_attempt_at: r.get(6)?,
                    last_failure: failure_from(r.get(7)?),
                    last_failure_code: r.get(8)?,
                    last_counts: SyncCounts {
                        sent: r.get::<_, i64>(9)?.max(0) as u64,
                        received: r.get::<_, i64>(10)?.max(0) as u64,
                        to_choose: r.get::<_, i64>(11)?.max(0) as u64,
                    },
                    takes_gzip: r.get(12)?,
                })
            },
        )
        .optional()?)
}

/// A fresh start with a (new) server: nothing pulled, nothing acknowledged, so the first
/// push carries every record of the device's families.
pub fn reset_sync_state(conn: &Connection, server_address: &str) -> Result<()> {
    conn.execute("DELETE FROM server_push_due", [])?;
    conn.execute("DELETE FROM server_push_page", [])?;
    conn.execute("DELETE FROM server_family_elsewhere", [])?;
    conn.execute(
        "INSERT OR REPLACE INTO server_sync (id, server_address) VALUES (1, ?1)",
        [server_address],
    )?;
    Ok(())
}

/// Unpaired: the state goes (the records stay).
pub fn delete_sync_state(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM server_push_due", [])?;
    conn.execute("DELETE FROM server_push_page", [])?;
    conn.execute("DELETE FROM server_family_elsewhere", [])?;
    // No server to tell any more: the status stops saying an erasure waits.
    conn.execute("DELETE FROM server_erasure_due", [])?;
    conn.execute("DELETE FROM server_sync", [])?;
    Ok(())
}

/// The push to send: the one in flight if there is one, else a new one starting `now`
/// under `new_id`. Committed before anything is sent, so a retry after a crash reuses it.
pub fn begin_push(
    conn: &Connection,
    new_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<PendingPush> {
    conn.execute(
        "UPDATE server_sync SET pending_push_id = ?1, pending_push_at = ?2
         WHERE id = 1 AND pending_push_id IS NULL",
        params![new_id, format_time(now)],
    )?;
    Ok(conn.query_row(
        "SELECT pending_push_id, pending_push_at FROM server_sync
         WHERE id = 1 AND pending_push_id IS NOT NULL",
        [],
        |r| {
            Ok(PendingPush {
                id: r.get(0)?,
                at: r.get(1)?,
            })
        },
    )?)
}

/// The server acknowledged the push: what changed before it started is on the server.
pub fn finish_push(conn: &Connection, push: &PendingPush) -> Result<()> {
    conn.execute(
        "UPDATE server_sync SET pushed_since = pending_push_at, pending_push_id = NULL,
             pending_push_at = NULL
         WHERE id = 1 AND pending_push_id = ?1",
        [&push.id],
    )?;
    // A family held back until the mother agrees to the text that names the server
    // stays due: once she does, all of it goes, whatever its age.
    let versions = super::families::server_consent_versions();
    conn.execute(
        "DELETE FROM server_push_due WHERE since <= ?1 AND EXISTS (SELECT 1 FROM consent c
            WHERE c.family_id = server_push_due.family_id
              AND c.text_version IN (SELECT value FROM json_each(?2)))",
        params![&push.at, versions],
    )?;
    conn.execute(
        "DELETE FROM server_erasure_due WHERE asked_at <= ?1",
        [&push.at],
    )?;
    conn.execute("DELETE FROM server_push_page", [])?;
    Ok(())
}

/// A family deleted here whose erasure must reach the server with the next push (its
/// tombstone is here already).
pub fn insert_erasure_due(
    conn: &Connection,
    family_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO server_erasure_due (family_id, asked_at) VALUES (?1, ?2)
         ON CONFLICT (family_id) DO UPDATE SET asked_at = excluded.asked_at",
        params![family_id, format_time(now)],
    )?;
    Ok(())
}

/// Families whose erasure has not reached the server yet.
pub fn list_erasure_due(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT family_id FROM server_erasure_due ORDER BY family_id")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// The server said it reads gzipped pushes.
pub fn update_takes_gzip(conn: &Connection) -> Result<()> {
    conn.execute("UPDATE server_sync SET takes_gzip = 1 WHERE id = 1", [])?;
    Ok(())
}

/// The server acknowledged this page of the push in flight.
pub fn insert_pushed_page(
    conn: &Connection,
    page_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO server_push_page (page_id, acknowledged_at) VALUES (?1, ?2)",
        params![page_id, format_time(now)],
    )?;
    Ok(())
}

/// The pages of the push in flight the server has acknowledged.
pub fn list_pushed_pages(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT page_id FROM server_push_page")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// These families changed by a file: their records keep the times they were made
/// elsewhere, so the next push takes all of theirs, whatever their age.
pub fn insert_push_due(
    conn: &Connection,
    family_ids: &[String],
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let paired: bool = conn
        .prepare_cached("SELECT 1 FROM server_sync WHERE id = 1")?
        .exists([])?;
    if !paired {
        return Ok(());
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO server_push_due (family_id, since) SELECT id, ?2 FROM family WHERE id = ?1
         ON CONFLICT (family_id) DO UPDATE SET since = excluded.since",
    )?;
    for family in family_ids {
        insert.execute(params![family, format_time(now)])?;
    }
    Ok(())
}

pub fn list_push_due(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT family_id FROM server_push_due ORDER BY family_id")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// The server says this family is another cadre's now: this phone stops sending it.
pub fn insert_family_elsewhere(
    conn: &Connection,
    family_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO server_family_elsewhere (family_id, noticed_at)
         SELECT id, ?2 FROM family WHERE id = ?1",
        params![family_id, format_time(now)],
    )?;
    Ok(())
}

/// A family came back with a pull (moved to this cadre again): send it again, whole.
pub fn delete_family_elsewhere(
    conn: &Connection,
    family_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let was = conn.execute(
        "DELETE FROM server_family_elsewhere WHERE family_id = ?1",
        [family_id],
    )?;
    if was > 0 {
        insert_push_due(conn, &[family_id.to_owned()], now)?;
    }
    Ok(())
}

pub fn list_families_elsewhere(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT family_id FROM server_family_elsewhere ORDER BY family_id")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Call in the transaction that applied the pull: the cursor moves only with it.
pub fn update_pull_cursor(conn: &Connection, cursor: i64) -> Result<()> {
    conn.execute(
        "UPDATE server_sync SET pull_cursor = max(pull_cursor, ?1) WHERE id = 1",
        [cursor],
    )?;
    Ok(())
}

pub fn update_attempt(conn: &Connection, now: DateTime<FixedOffset>) -> Result<()> {
    conn.execute(
        "UPDATE server_sync SET last_attempt_at = ?1 WHERE id = 1",
        [format_time(now)],
    )?;
    Ok(())
}

pub fn update_success(
    conn: &Connection,
    now: DateTime<FixedOffset>,
    counts: SyncCounts,
) -> Result<()> {
    conn.execute(
        "UPDATE server_sync SET last_success_at = ?1, last_attempt_at = ?1, last_failure = NULL,
             last_failure_code = NULL, last_sent = ?2, last_received = ?3, last_to_choose = ?4
         WHERE id = 1",
        params![
            format_time(now),
            counts.sent as i64,
            counts.received as i64,
            counts.to_choose as i64
        ],
    )?;
    Ok(())
}

pub fn update_failure(
    conn: &Connection,
    now: DateTime<FixedOffset>,
    failure: SyncFailure,
    code: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE server_sync SET last_attempt_at = ?1, last_failure = ?2, last_failure_code = ?3
         WHERE id = 1",
        params![format_time(now), failure_text(failure), code],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Store;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn a_push_in_flight_is_reused_until_acknowledged() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        reset_sync_state(conn, "http://127.0.0.1:8080").unwrap();
        let id = "01a2370b-0000-7000-8000-000000000001";
        let first = begin_push(conn, id, at("2026-12-02T10:00:00+07:00")).unwrap();
        let again = begin_push(
            conn,
            "01a2370b-0000-7000-8000-000000000002",
            at("2026-12-02T11:00:00+07:00"),
        )
        .unwrap();
        assert_eq!(first, again, "the answer never came: the same push again");
        finish_push(conn, &first).unwrap();
        let state = get_sync_state(conn).unwrap().unwrap();
        assert_eq!(state.pending_push, None);
        assert_eq!(
            state.pushed_since.as_deref(),
            Some("2026-12-02T10:00:00.000+07:00"),
            "acknowledged from when the push was gathered, not when it was answered"
        );
    }

    #[test]
    fn failures_and_successes_are_remembered() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        reset_sync_state(conn, "http://127.0.0.1:8080").unwrap();
        update_failure(
            conn,
            at("2026-12-02T10:00:00+07:00"),
            SyncFailure::Unreachable,
            "error-server-unreachable",
        )
        .unwrap();
        let state = get_sync_state(conn).unwrap().unwrap();
        assert_eq!(state.last_failure, Some(SyncFailure::Unreachable));
        assert_eq!(state.last_success_at, None);
        let counts = SyncCounts {
            sent: 12,
            received: 3,
            to_choose: 1,
        };
        update_success(conn, at("2026-12-02T10:05:00+07:00"), counts).unwrap();
        let state = get_sync_state(conn).unwrap().unwrap();
        assert_eq!(state.last_failure, None);
        assert_eq!(state.last_counts, counts);
        delete_sync_state(conn).unwrap();
        assert_eq!(get_sync_state(conn).unwrap(), None);
    }
}
