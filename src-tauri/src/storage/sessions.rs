//! Guided massage sessions: the session row, its transitions and its passes.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::domain::protocol::{Giver, MassagePlan, PROTOCOL_VERSION, StopReason};
use crate::domain::record::{RecordMeta, format_time};
use crate::domain::session::EventKind;

/// An engine event with its wall-clock time.
#[derive(Debug, Clone, Copy)]
pub struct TimedEvent {
    pub kind: EventKind,
    pub active_ms: u64,
    pub at: DateTime<FixedOffset>,
}

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub id: String,
    pub family_id: String,
    pub protocol_version: String,
    pub plan: MassagePlan,
    pub status: String,
    pub stop_reason: Option<String>,
    pub safety_flags: Option<String>,
    pub started_at: Option<String>,
    pub ended_at: Option<String>,
    pub last_active_ms: u64,
    /// Who gave it; `None` before it started, and for sessions recorded before 011.
    pub given_by: Option<Giver>,
}

/// One pass as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassRow {
    pub pass: u32,
    pub started_at: String,
    pub ended_at: Option<String>,
    pub paused_ms: u64,
}

/// A session the app was killed in the middle of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    pub id: String,
    pub plan: MassagePlan,
    /// When its last transition happened.
    pub last_at: String,
    /// The pass to give again (`passes + 1` when only the closing steps were left).
    pub resume_pass: u32,
}

/// The family's plan, or the default one when none was set.
pub fn get_plan(conn: &Connection, family_id: &str) -> Result<MassagePlan> {
    let stored: Option<(u32, u32)> = conn
        .query_row(
            "SELECT pass_seconds, passes FROM massage_plan WHERE family_id = ?1",
            [family_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(stored
        .and_then(|(s, p)| MassagePlan::new(s, p))
        .unwrap_or_default())
}

pub fn update_plan(
    conn: &Connection,
    family_id: &str,
    plan: MassagePlan,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let existing: Option<(String, u32, u32)> = conn
        .query_row(
            "SELECT id, pass_seconds, passes FROM massage_plan WHERE family_id = ?1",
            [family_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    match existing {
        Some((_, seconds, passes)) if (seconds, passes) == (plan.pass_seconds, plan.passes) => {}
        // An edit is a new version; the one it replaces is kept (it may travel).
        Some((id, _, _)) => {
            let spec = crate::domain::bundle::table("massage_plan");
            if let Some(spec) = spec {
                super::transfer::insert_current_into_history(conn, spec, &id, now)?;
            }
            conn.execute(
                "UPDATE massage_plan SET pass_seconds = ?2, passes = ?3, updated_at = ?4, device_id = ?5,
                     row_version = row_version + 1 WHERE id = ?1",
                params![id, plan.pass_seconds, plan.passes, format_time(now), device_id],
            )?;
        }
        None => {
            let meta = RecordMeta::new(device_id, now);
            conn.execute(
                "INSERT INTO massage_plan (id, device_id, created_at, updated_at, family_id, pass_seconds, passes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![meta.id, meta.device_id, meta.created_at, meta.updated_at, family_id, plan.pass_seconds, plan.passes],
            )?;
        }
    }
    Ok(())
}

/// A new session in preparation, with the family's plan and the current protocol.
pub fn insert_session(
    conn: &Connection,
    family_id: &str,
    plan: MassagePlan,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<String> {
    let meta = RecordMeta::new(device_id, now);
    conn.execute(
        "INSERT INTO massage_session (id, device_id, created_at, updated_at, family_id,
             protocol_version, pass_seconds, passes, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'preparing')",
        params![
            meta.id,
            meta.device_id,
            meta.created_at,
            meta.updated_at,
            family_id,
            PROTOCOL_VERSION,
            plan.pass_seconds,
            plan.passes
        ],
    )?;
    Ok(meta.id)
}

/// Records who is about to give the session (chosen on the preparation screen).
pub fn update_giver(conn: &Connection, session_id: &str, giver: Giver) -> Result<()> {
    conn.execute(
        "UPDATE massage_session SET given_by = ?2 WHERE id = ?1",
        params![session_id, giver.as_str()],
    )?;
    Ok(())
}

/// Who gave the family's latest session that names a giver: the choice the preparation
/// screen offers first, so a grandmother who massages every day taps nothing.
pub fn get_last_giver(conn: &Connection, family_id: &str) -> Result<Option<Giver>> {
    let giver: Option<String> = conn
        .query_row(
            "SELECT given_by FROM massage_session
             WHERE family_id = ?1 AND given_by IS NOT NULL
             ORDER BY created_at DESC LIMIT 1",
            [family_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(giver.as_deref().and_then(Giver::parse))
}

/// Keeps a session that never started, with why (no consent, a safety "yes", interrupted).
pub fn update_not_started(
    conn: &Connection,
    session_id: &str,
    reason: StopReason,
    safety_flags: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let stamp = format_time(now);
    conn.execute(
        "UPDATE massage_session SET status = 'not-started', stop_reason = ?2, safety_flags = ?3,
             ended_at = ?4, updated_at = ?4
         WHERE id = ?1 AND status = 'preparing'",
        params![session_id, reason.as_str(), safety_flags, stamp],
    )?;
    Ok(())
}

/// Writes a batch of transitions: the events themselves, the passes they open and
/// close, and the session's status. `paused_ms` holds each pass's paused time so far.
/// Call inside a transaction so that a batch lands whole.
pub fn insert_events(
    conn: &Connection,
    session_id: &str,
    device_id: &str,
    events: &[TimedEvent],
    paused_ms: &[u64],
    now: DateTime<FixedOffset>,
) -> Result<()> {
    for event in events {
        insert_event(conn, session_id, device_id, event, now)?;
        apply_event(conn, session_id, device_id, event, now)?;
    }
    for (index, paused) in paused_ms.iter().enumerate() {
        conn.execute(
            "UPDATE session_pass SET paused_ms = ?3 WHERE session_id = ?1 AND pass = ?2 AND paused_ms <> ?3",
            params![session_id, index as u32 + 1, *paused as i64],
        )?;
    }
    let last_active = events.iter().map(|e| e.active_ms).max().unwrap_or(0);
    conn.execute(
        "UPDATE massage_session SET updated_at = ?2, last_active_ms = max(last_active_ms, ?3) WHERE id = ?1",
        params![session_id, format_time(now), last_active as i64],
    )?;
    Ok(())
}

fn insert_event(
    conn: &Connection,
    session_id: &str,
    device_id: &str,
    event: &TimedEvent,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let meta = RecordMeta::new(device_id, now);
    conn.execute(
        "INSERT INTO session_event (id, device_id, created_at, updated_at, session_id, kind, pass, at, active_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            meta.id,
            meta.device_id,
            meta.created_at,
            meta.updated_at,
            session_id,
            event.kind.name(),
            event.kind.pass(),
            format_time(event.at),
            event.active_ms as i64
        ],
    )?;
    Ok(())
}

fn apply_event(
    conn: &Connection,
    session_id: &str,
    device_id: &str,
    event: &TimedEvent,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let at = format_time(event.at);
    match event.kind {
        EventKind::Started => {
            conn.execute(
                "UPDATE massage_session SET status = 'running', started_at = coalesce(started_at, ?2) WHERE id = ?1",
                params![session_id, at],
            )?;
        }
        EventKind::PassStarted { pass } => {
            let meta = RecordMeta::new(device_id, now);
            conn.execute(
                "INSERT INTO session_pass (id, device_id, created_at, updated_at, session_id, pass, started_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (session_id, pass) DO UPDATE SET started_at = excluded.started_at,
                     ended_at = NULL, paused_ms = 0, updated_at = excluded.updated_at",
                params![meta.id, meta.device_id, meta.created_at, meta.updated_at, session_id, pass, at],
            )?;
        }
        EventKind::PassEnded { pass } => {
            conn.execute(
                "UPDATE session_pass SET ended_at = ?3, updated_at = ?4 WHERE session_id = ?1 AND pass = ?2",
                params![session_id, pass, at, format_time(now)],
            )?;
        }
        EventKind::Finished => {
            conn.execute(
                "UPDATE massage_session SET status = 'finished', ended_at = ?2 WHERE id = ?1",
                params![session_id, at],
            )?;
        }
        EventKind::Stopped { reason } => {
            conn.execute(
                "UPDATE massage_session SET status = 'stopped', stop_reason = ?2, ended_at = ?3 WHERE id = ?1",
                params![session_id, reason.as_str(), at],
            )?;
        }
        EventKind::CountdownStarted { .. }
        | EventKind::PassHalfway { .. }
        | EventKind::Paused
        | EventKind::Resumed
        | EventKind::ClosingStarted => {}
    }
    Ok(())
}

pub fn get_session(conn: &Connection, session_id: &str) -> Result<Option<SessionRow>> {
    Ok(conn
        .query_row(
            "SELECT id, family_id, protocol_version, pass_seconds, passes, status, stop_reason,
                    safety_flags, started_at, ended_at, last_active_ms, given_by
             FROM massage_session WHERE id = ?1",
            [session_id],
            |r| {
                Ok(SessionRow {
                    id: r.get(0)?,
                    family_id: r.get(1)?,
                    protocol_version: r.get(2)?,
                    plan: MassagePlan {
                        pass_seconds: r.get(3)?,
                        passes: r.get(4)?,
                    },
                    status: r.get(5)?,
                    stop_reason: r.get(6)?,
                    safety_flags: r.get(7)?,
                    started_at: r.get(8)?,
                    ended_at: r.get(9)?,
                    last_active_ms: r.get::<_, i64>(10)?.max(0) as u64,
                    given_by: r
                        .get::<_, Option<String>>(11)?
                        .as_deref()
                        .and_then(Giver::parse),
                })
            },
        )
        .optional()?)
}

pub fn list_passes(conn: &Connection, session_id: &str) -> Result<Vec<PassRow>> {
    let mut stmt = conn.prepare(
        "SELECT pass, started_at, ended_at, paused_ms FROM session_pass WHERE session_id = ?1 ORDER BY pass",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok(PassRow {
            pass: r.get(0)?,
            started_at: r.get(1)?,
            ended_at: r.get(2)?,
            paused_ms: r.get::<_, i64>(3)?.max(0) as u64,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The kinds of a session's events in the order they happened.
pub fn list_event_kinds(conn: &Connection, session_id: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT kind FROM session_event WHERE session_id = ?1 ORDER BY at, rowid")?;
    let rows = stmt.query_map([session_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A session left running by a killed app, if any (the newest one).
pub fn get_unfinished(conn: &Connection) -> Result<Option<Unfinished>> {
    let row: Option<(String, u32, u32, Option<String>, String)> = conn
        .query_row(
            "SELECT s.id, s.pass_seconds, s.passes,
                    (SELECT max(e.at) FROM session_event e WHERE e.session_id = s.id),
                    s.updated_at
             FROM massage_session s WHERE s.status = 'running'
             ORDER BY s.created_at DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((id, pass_seconds, passes, last_event_at, updated_at)) = row else {
        return Ok(None);
    };
    let plan = MassagePlan {
        pass_seconds,
        passes,
    };
    let done: u32 = conn.query_row(
        "SELECT count(*) FROM session_pass WHERE session_id = ?1 AND ended_at IS NOT NULL",
        [&id],
        |r| r.get(0),
    )?;
    Ok(Some(Unfinished {
        id,
        plan,
        last_at: last_event_at.unwrap_or(updated_at),
        resume_pass: done + 1,
    }))
}

/// Sessions abandoned during preparation (the app closed before the first pass) are
/// kept as not started, interrupted.
pub fn update_abandoned_preparations(
    conn: &Connection,
    now: DateTime<FixedOffset>,
) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE massage_session SET status = 'not-started', stop_reason = 'interrupted',
             ended_at = ?1, updated_at = ?1
         WHERE status = 'preparing'",
        [format_time(now)],
    )?)
}
