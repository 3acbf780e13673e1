//! After the massage: the mother's ratings, milk production status, reminder settings,
//! and the session history they feed.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Result;
use crate::domain::cohort::SessionStatus;
use crate::domain::history::{Outcome, SessionSummary};
use crate::domain::protocol::Giver;
use crate::domain::rating::{Author, MilkFlow, MilkStatus, Rating};
use crate::domain::record::{RecordMeta, format_time};
use crate::domain::reminder::ReminderSettings;

/// The current (latest) rating of a session, with who gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRating {
    pub version: u32,
    pub answered_by: String,
    pub answered_at: String,
    pub rating: Rating,
}

/// Adds version `version` of a session's rating.
pub fn insert_rating(
    conn: &Connection,
    session_id: &str,
    version: u32,
    author: Author,
    rating: &Rating,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let m = RecordMeta::new(device_id, now);
    // Only the newest version is current (the report reads current ratings by family).
    conn.execute(
        "UPDATE session_rating SET current = 0 WHERE session_id = ?1",
        [session_id],
    )?;
    conn.execute(
        "INSERT INTO session_rating (id, device_id, created_at, updated_at, session_id, version, answered_by,
             skipped, comfort, pain_before, pain_after, milk_flow, note, family_id, current)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                 (SELECT family_id FROM massage_session WHERE id = ?5), 1)",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            session_id,
            version,
            author.as_str(),
            rating.skipped,
            rating.comfort,
            rating.pain_before,
            rating.pain_after,
            rating.milk_flow.map(|f| f.as_str()),
            rating.note
        ],
    )?;
    Ok(())
}

pub fn get_current_rating(conn: &Connection, session_id: &str) -> Result<Option<StoredRating>> {
    Ok(conn
        .query_row(
            "SELECT version, answered_by, created_at, skipped, comfort, pain_before, pain_after, milk_flow, note
             FROM session_rating WHERE session_id = ?1 ORDER BY version DESC LIMIT 1",
            [session_id],
            |r| {
                Ok(StoredRating {
                    version: r.get(0)?,
                    answered_by: r.get(1)?,
                    answered_at: r.get(2)?,
                    rating: rating_from(r, 3)?,
                })
            },
        )
        .optional()?)
}

/// Reads skipped, comfort, pain before/after, milk flow and note from column `at` on.
fn rating_from(row: &Row, at: usize) -> rusqlite::Result<Rating> {
    let flow: Option<String> = row.get(at + 4)?;
    Ok(Rating {
        skipped: row.get(at)?,
        comfort: row.get(at + 1)?,
        pain_before: row.get(at + 2)?,
        pain_after: row.get(at + 3)?,
        milk_flow: flow.as_deref().and_then(MilkFlow::parse),
        note: row.get(at + 5)?,
    })
}

/// Every session of the family since `since`, newest first, with its current rating.
pub fn list_session_summaries(
    conn: &Connection,
    family_id: &str,
    since: DateTime<FixedOffset>,
) -> Result<Vec<SessionSummary>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT s.id, coalesce(s.started_at, s.created_at), s.status, s.stop_reason,
                r.skipped, r.comfort, r.pain_before, r.pain_after, r.milk_flow, r.note, s.given_by
         FROM massage_session s
         LEFT JOIN session_rating r ON r.session_id = s.id
              AND r.version = (SELECT max(version) FROM session_rating WHERE session_id = s.id)
         WHERE s.family_id = ?1 AND s.status IN ({})
           AND s.created_at >= ?2
         ORDER BY s.created_at DESC",
        SessionStatus::sql_list(&SessionStatus::DONE)
    ))?;
    let rows = stmt.query_map(params![family_id, format_time(since)], |r| {
        let at: String = r.get(1)?;
        let status: String = r.get(2)?;
        let rated: Option<bool> = r.get(4)?;
        let given_by: Option<String> = r.get(10)?;
        Ok((
            r.get::<_, String>(0)?,
            at,
            status,
            r.get(3)?,
            rated.map(|_| rating_from(r, 4)).transpose()?,
            given_by.as_deref().and_then(Giver::parse),
        ))
    })?;
    let mut summaries = Vec::new();
    for row in rows {
        let (id, at, status, stop_reason, rating, given_by) = row?;
        let Ok(at) = DateTime::parse_from_rfc3339(&at) else {
            continue;
        };
        let outcome = match status.as_str() {
            "finished" => Outcome::Finished,
            "stopped" => Outcome::Stopped,
            _ => Outcome::NotStarted,
        };
        summaries.push(SessionSummary {
            id,
            at,
            outcome,
            stop_reason,
            rating,
            given_by,
        });
    }
    Ok(summaries)
}

/// One milk production status, as recorded.
pub struct MilkStatusEntry<'a> {
    pub recorded_on: NaiveDate,
    pub status: MilkStatus,
    pub indicators: &'a [&'static str],
    pub author: Author,
}

/// Records a status; the family's first one is its enrolment status.
pub fn insert_milk_status(
    conn: &Connection,
    family_id: &str,
    entry: &MilkStatusEntry,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let m = RecordMeta::new(device_id, now);
    let earlier: i64 = conn.query_row(
        "SELECT count(*) FROM milk_status WHERE family_id = ?1",
        [family_id],
        |r| r.get(0),
    )?;
    let kind = if earlier == 0 {
        "enrolment"
    } else {
        "follow-up"
    };
    conn.execute(
        "INSERT INTO milk_status (id, device_id, created_at, updated_at, family_id, recorded_on, status,
             indicators, recorded_by, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            family_id,
            entry.recorded_on.format("%Y-%m-%d").to_string(),
            entry.status.as_str(),
            entry.indicators.join(","),
            entry.author.as_str(),
            kind
        ],
    )?;
    Ok(())
}

/// The latest milk status: its date, status and recorder.
pub fn get_latest_milk_status(
    conn: &Connection,
    family_id: &str,
) -> Result<Option<(NaiveDate, MilkStatus, String)>> {
    let row: Option<(String, String, String)> = conn
        .query_row(
            "SELECT recorded_on, status, recorded_by FROM milk_status WHERE family_id = ?1
             ORDER BY recorded_on DESC, created_at DESC LIMIT 1",
            [family_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(row.and_then(|(on, status, by)| {
        Some((
            NaiveDate::parse_from_str(&on, "%Y-%m-%d").ok()?,
            MilkStatus::parse(&status)?,
            by,
        ))
    }))
}

pub fn get_reminders(conn: &Connection, family_id: &str) -> Result<ReminderSettings> {
    let row: Option<(bool, String, String)> = conn
        .query_row(
            "SELECT enabled, morning, evening FROM reminder_settings WHERE family_id = ?1",
            [family_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(row
        .and_then(|(enabled, morning, evening)| {
            ReminderSettings::parse(enabled, &morning, &evening).ok()
        })
        .unwrap_or_default())
}

pub fn update_reminders(
    conn: &Connection,
    family_id: &str,
    settings: &ReminderSettings,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let m = RecordMeta::new(device_id, now);
    conn.execute(
        "INSERT INTO reminder_settings (id, device_id, created_at, updated_at, family_id, enabled, morning, evening)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (family_id) DO UPDATE SET enabled = excluded.enabled, morning = excluded.morning,
             evening = excluded.evening, updated_at = excluded.updated_at, device_id = excluded.device_id",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            family_id,
            settings.enabled,
            settings.morning.format("%H:%M").to_string(),
            settings.evening.format("%H:%M").to_string()
        ],
    )?;
    Ok(())
}

/// When today's and recent sessions began (running, finished or stopped), for
/// reminders: a session under way counts as today's.
pub fn list_started_session_times(
    conn: &Connection,
    family_id: &str,
    since: DateTime<FixedOffset>,
) -> Result<Vec<DateTime<FixedOffset>>> {
    let begun = [
        SessionStatus::Running,
        SessionStatus::Finished,
        SessionStatus::Stopped,
    ];
    let mut stmt = conn.prepare(&format!(
        "SELECT started_at FROM massage_session
         WHERE family_id = ?1 AND started_at IS NOT NULL AND status IN ({})
           AND created_at >= ?2",
        SessionStatus::sql_list(&begun)
    ))?;
    let times = stmt
        .query_map(params![family_id, format_time(since)], |r| {
            r.get::<_, String>(0)
        })?
        .filter_map(|t| t.ok().and_then(|t| DateTime::parse_from_rfc3339(&t).ok()))
        .collect();
    Ok(times)
}
