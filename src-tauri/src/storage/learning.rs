//! Lessons read and knowledge test attempts.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::domain::learning::{Answer, Graded, QUIZ_VERSION, TestKind};
use crate::domain::record::RecordMeta;

pub fn insert_lesson_read(
    conn: &Connection,
    family_id: &str,
    lesson_id: &str,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let m = RecordMeta::new(device_id, now);
    conn.execute(
        "INSERT INTO lesson_read (id, device_id, created_at, updated_at, family_id, lesson_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (family_id, lesson_id) DO NOTHING",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            family_id,
            lesson_id
        ],
    )?;
    Ok(())
}

pub fn list_lessons_read(conn: &Connection, family_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT lesson_id FROM lesson_read WHERE family_id = ?1")?;
    let ids = stmt
        .query_map([family_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub fn insert_attempt(
    conn: &Connection,
    family_id: &str,
    kind: TestKind,
    graded: &Graded,
    answers: &[Answer],
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let m = RecordMeta::new(device_id, now);
    let answers = answers
        .iter()
        .map(|a| format!("{}:{}", a.statement_id, u8::from(a.answer)))
        .collect::<Vec<_>>()
        .join(",");
    conn.execute(
        "INSERT INTO quiz_attempt (id, device_id, created_at, updated_at, family_id, quiz_version, kind, correct, score, answers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![m.id, m.device_id, m.created_at, m.updated_at, family_id, QUIZ_VERSION, kind.as_str(), graded.correct, graded.score, answers],
    )?;
    Ok(())
}

/// The family's first pre-test score and latest post-test score, if taken.
pub fn get_scores(conn: &Connection, family_id: &str) -> Result<(Option<u8>, Option<u8>)> {
    let first = |kind: &str, order: &str| -> Result<Option<u8>> {
        let sql = format!(
            "SELECT score FROM quiz_attempt WHERE family_id = ?1 AND kind = ?2 ORDER BY created_at {order} LIMIT 1"
        );
        // Cached: the report asks this of every family.
        Ok(conn
            .prepare_cached(&sql)?
            .query_row(params![family_id, kind], |r| r.get(0))
            .optional()?)
    };
    Ok((first("pre", "ASC")?, first("post", "DESC")?))
}
