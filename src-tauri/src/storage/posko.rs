//! The posko Ayah ASI: the one the cadre set on her device, or the one a family's phone
//! received; and the father's questions for it.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::domain::posko::PoskoNotice;
use crate::domain::record::RecordMeta;

/// The posko on this device, and whether its own cadre set it.
pub fn get_posko(conn: &Connection) -> Result<Option<(PoskoNotice, bool)>> {
    Ok(conn
        .query_row(
            "SELECT cadre_name, place, weekday, starts_at, ends_at, contact, updated_at, own
             FROM posko WHERE id = 1",
            [],
            |r| {
                Ok((
                    PoskoNotice {
                        cadre_name: r.get(0)?,
                        place: r.get(1)?,
                        weekday: r.get(2)?,
                        starts_at: r.get(3)?,
                        ends_at: r.get(4)?,
                        contact: r.get(5)?,
                        updated_at: r.get(6)?,
                    },
                    r.get(7)?,
                ))
            },
        )
        .optional()?)
}

/// The posko this device's cadre set, to send with her bundles.
pub fn get_own_posko(conn: &Connection) -> Result<Option<PoskoNotice>> {
    Ok(get_posko(conn)?.filter(|(_, own)| *own).map(|(p, _)| p))
}

fn write(conn: &Connection, notice: &PoskoNotice, own: bool) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO posko (id, own, cadre_name, place, weekday, starts_at, ends_at, contact, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            own,
            notice.cadre_name,
            notice.place,
            notice.weekday,
            notice.starts_at,
            notice.ends_at,
            notice.contact,
            notice.updated_at
        ],
    )?;
    Ok(())
}

/// The cadre sets (or changes) her posko.
pub fn update_own_posko(conn: &Connection, notice: &PoskoNotice) -> Result<()> {
    write(conn, notice, true)
}

/// Whether a received posko would be kept: not over this device's cadre's own, and
/// later than the one here.
pub fn get_received_is_news(conn: &Connection, notice: &PoskoNotice) -> Result<bool> {
    Ok(match get_posko(conn)? {
        Some((_, true)) => false,
        Some((here, false)) => is_later(&notice.updated_at, &here.updated_at),
        None => true,
    })
}

/// A posko received in a bundle: kept when it is news (see above). Returns whether.
pub fn update_received_posko(conn: &Connection, notice: &PoskoNotice) -> Result<bool> {
    let news = get_received_is_news(conn, notice)?;
    if news {
        write(conn, notice, false)?;
    }
    Ok(news)
}

fn is_later(a: &str, b: &str) -> bool {
    match (
        DateTime::parse_from_rfc3339(a),
        DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => a > b,
        _ => false,
    }
}

/// A question the father noted for the posko.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(rename = "PoskoQuestion")]
#[serde(rename_all = "camelCase")]
pub struct QuestionRow {
    pub id: String,
    pub asked_at: String,
    pub question: String,
}

pub fn insert_question(
    conn: &Connection,
    family_id: &str,
    question: &str,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<String> {
    let m = RecordMeta::new(device_id, now);
    conn.execute(
        "INSERT INTO posko_question (id, device_id, created_at, updated_at, family_id, question)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            family_id,
            question
        ],
    )?;
    Ok(m.id)
}

/// The family's questions, newest first.
pub fn list_questions(conn: &Connection, family_id: &str) -> Result<Vec<QuestionRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, created_at, question FROM posko_question WHERE family_id = ?1
         ORDER BY created_at DESC",
    )?;
    let rows = stmt
        .query_map([family_id], |r| {
            Ok(QuestionRow {
                id: r.get(0)?,
                asked_at: r.get(1)?,
                question: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
