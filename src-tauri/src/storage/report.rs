//! Loads, per family, the rows the posyandu report reads; the core decides the facts
//! (`domain::cohort`) and the sums (`domain::report`).

use rusqlite::{Connection, params};

use super::Result;
use crate::domain::cohort::{
    self, FamilyRow, FamilyRows, MilkRow, Period, QuizRow, SessionCount, VisitRow,
};
use crate::domain::report::CohortFamily;

/// Which families a report covers; the days are a [`Period`].
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only families of this posyandu (compared case-insensitively), or all.
    pub posyandu: Option<String>,
    /// Only families of this RW, or all.
    pub rw: Option<String>,
}

/// The facts of every family in the filter, by the core's rules (`cohort::facts`).
pub fn list_cohort(
    conn: &Connection,
    filter: &Filter,
    period: &Period,
) -> Result<Vec<CohortFamily>> {
    let rows = list_family_rows(conn, filter, period)?;
    Ok(cohort::families(&rows, period))
}

/// The rows the report reads of every family in the filter (and that this cadre may
/// see: her own report, not another cadre's).
pub fn list_family_rows(
    conn: &Connection,
    filter: &Filter,
    period: &Period,
) -> Result<Vec<FamilyRows>> {
    let sql = format!(
        "SELECT id, created_at, baby_birth_date, mother_age, mother_education, parity,
                pregnant IS NOT NULL FROM family
         WHERE substr(created_at, 1, 10) <= ?1 AND (?2 IS NULL OR lower(posyandu) = lower(?2))
           AND {}
           AND (?3 IS NULL OR ltrim(rw, '0') = ltrim(?3, '0'))",
        super::cadre::VISIBLE_TO_CADRE
    );
    let mut stmt = conn.prepare(&sql)?;
    let families: Vec<FamilyRow> = stmt
        .query_map(
            params![period.to.to_string(), filter.posyandu, filter.rw],
            |r| {
                Ok(FamilyRow {
                    id: r.get(0)?,
                    created_at: r.get(1)?,
                    baby_birth_date: r.get(2)?,
                    mother_age: r.get(3)?,
                    mother_education: r.get(4)?,
                    parity: r.get(5)?,
                    pregnant: r.get(6)?,
                })
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    families
        .into_iter()
        .map(|family| family_rows(conn, family, period))
        .collect()
}

fn family_rows(conn: &Connection, family: FamilyRow, period: &Period) -> Result<FamilyRows> {
    let id = family.id.clone();
    let visits = rows(
        conn,
        "SELECT id, original_id, version, visited_on, created_at, competent FROM home_visit
         WHERE family_id = ?1",
        [&id],
        |r| {
            Ok(VisitRow {
                id: r.get(0)?,
                original_id: r.get(1)?,
                version: r.get(2)?,
                visited_on: r.get(3)?,
                created_at: r.get(4)?,
                competent: r.get(5)?,
            })
        },
    )?;
    let latest_visit_scores = match cohort::latest_visit(&visits, period) {
        Some(visit) => rows(
            conn,
            "SELECT row_id, score FROM visit_score WHERE visit_id = ?1",
            [&visit.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?,
        None => Vec::new(),
    };
    // Times are RFC 3339 text starting with the date, so a plain comparison with a
    // date is a range the indexes can use (substr() would not be).
    let (from, until) = (period.from.to_string(), period.until().to_string());
    let count = |r: &rusqlite::Row| {
        Ok(SessionCount {
            status: r.get(0)?,
            given_by: r.get(1)?,
            count: r
                .get::<_, i64>(2)
                .map(|n| usize::try_from(n).unwrap_or(0))?,
        })
    };
    Ok(FamilyRows {
        recalls: super::feeding::list_recall_rows(conn, &id)?,
        milk: rows(
            conn,
            "SELECT id, recorded_on, created_at, status FROM milk_status WHERE family_id = ?1",
            [&id],
            |r| {
                Ok(MilkRow {
                    id: r.get(0)?,
                    recorded_on: r.get(1)?,
                    created_at: r.get(2)?,
                    status: r.get(3)?,
                })
            },
        )?,
        quizzes: rows(
            conn,
            "SELECT kind, score, created_at FROM quiz_attempt WHERE family_id = ?1",
            [&id],
            |r| {
                Ok(QuizRow {
                    kind: r.get(0)?,
                    score: r.get(1)?,
                    created_at: r.get(2)?,
                })
            },
        )?,
        trained_on: rows(
            conn,
            "SELECT trained_on FROM hands_on_training WHERE family_id = ?1",
            [&id],
            |r| r.get(0),
        )?,
        visits,
        latest_visit_scores,
        // `current` is kept by every write of a rating (its latest version): one range
        // of the covering index `session_rating_report`.
        comforts: rows(
            conn,
            "SELECT comfort FROM session_rating
             WHERE family_id = ?1 AND current = 1 AND created_at >= ?2 AND created_at < ?3
               AND skipped = 0 AND comfort IS NOT NULL",
            params![id, from, until],
            |r| r.get(0),
        )?,
        // Read from the index `massage_session_given` alone.
        sessions: rows(
            conn,
            "SELECT status, given_by, count(*) FROM massage_session
             WHERE family_id = ?1 AND created_at >= ?2 AND created_at < ?3
             GROUP BY status, given_by",
            params![id, from, until],
            count,
        )?,
        recent_sessions: rows(
            conn,
            "SELECT status, NULL, count(*) FROM massage_session
             WHERE family_id = ?1 AND created_at >= ?2 GROUP BY status",
            params![id, period.active_since.to_string()],
            count,
        )?,
        family,
    })
}

/// Every row of a cached query, mapped.
fn rows<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    map: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    // Cached: the report asks each of every family.
    let mut stmt = conn.prepare_cached(sql)?;
    let values = stmt
        .query_map(params, map)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(values)
}

/// The RW numbers on this device, for the report's filter.
pub fn list_rw_numbers(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT rw FROM family WHERE rw IS NOT NULL ORDER BY CAST(rw AS INTEGER)",
    )?;
    let numbers = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(numbers)
}

/// The posyandu names on this device, for the report's filter.
pub fn list_posyandu_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT posyandu FROM family WHERE posyandu IS NOT NULL ORDER BY lower(posyandu)",
    )?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}
