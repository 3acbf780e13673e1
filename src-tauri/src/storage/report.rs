//! Gathers, per family, what the posyandu report tabulates (domain::report does the sums).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::domain::checklist;
use crate::domain::protocol::Giver;
use crate::domain::rating::MilkStatus;
use crate::domain::report::{CohortFamily, LatestVisit};

/// Which families and which days a report covers.
#[derive(Debug, Clone)]
pub struct Scope {
    /// Only families of this posyandu (compared case-insensitively), or all.
    pub posyandu: Option<String>,
    /// Only families of this RW, or all.
    pub rw: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// "Active" means a session since this day.
    pub active_since: NaiveDate,
}

/// A family's id, enrolment day and the mother's characteristics.
struct Enrolled {
    id: String,
    /// Enrolment, or the birth when it came later (a family enrolled in pregnancy):
    /// the programme counts from the birth (in SQL, the rule of `Family::plan_start`).
    enrolled_on: String,
    mother_age: Option<u8>,
    mother_education: Option<String>,
    parity: Option<String>,
    pregnant: bool,
}

/// The facts of every family in scope.
pub fn list_cohort(conn: &Connection, scope: &Scope) -> Result<Vec<CohortFamily>> {
    // Only the families this cadre may see (her own report, not another cadre's).
    let sql = format!(
        "SELECT id, max(substr(created_at, 1, 10), baby_birth_date), mother_age, mother_education, parity,
                pregnant IS NOT NULL FROM family
         WHERE substr(created_at, 1, 10) <= ?1 AND (?2 IS NULL OR lower(posyandu) = lower(?2))
           AND {}
           AND (?3 IS NULL OR ltrim(rw, '0') = ltrim(?3, '0'))
         ORDER BY created_at",
        super::cadre::VISIBLE_TO_CADRE
    );
    let mut stmt = conn.prepare(&sql)?;
    let to = scope.to.to_string();
    let families: Vec<Enrolled> = stmt
        .query_map(params![to, scope.posyandu, scope.rw], |r| {
            Ok(Enrolled {
                id: r.get(0)?,
                enrolled_on: r.get(1)?,
                mother_age: r.get(2)?,
                mother_education: r.get(3)?,
                parity: r.get(4)?,
                pregnant: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    families
        .into_iter()
        .map(|family| {
            let Enrolled {
                id,
                enrolled_on,
                mother_age,
                mother_education,
                parity,
                pregnant,
            } = family;
            let (milk_before, milk_after) = milk_before_after(conn, &id, &enrolled_on, scope)?;
            let (pre_score, post_score) = super::learning::get_scores(conn, &id)?;
            Ok(CohortFamily {
                mother_age,
                mother_education,
                parity,
                trained: super::learning::get_trained_by(conn, &id, &scope.to.to_string())?,
                post_tested: post_score.is_some(),
                pregnant,
                // Times are RFC 3339 text starting with the date, so a plain comparison
                // with a date is a range the index can use (substr() would not be).
                active: conn
                    .prepare_cached(
                        "SELECT EXISTS (SELECT 1 FROM massage_session WHERE family_id = ?1
                             AND created_at >= ?2 AND status IN ('finished', 'stopped'))",
                    )?
                    .query_row(params![id, scope.active_since.to_string()], |r| r.get(0))?,
                milk_before,
                milk_after,
                pre_score,
                post_score,
                latest_visit: latest_visit(conn, &id, scope)?,
                comforts: comforts(conn, &id, scope)?,
                sessions_by: sessions_by(conn, &id, scope)?,
            })
        })
        .collect()
}

/// "Before": the first status on or after enrolment; "after": the latest in the period,
/// if it is a later record than "before".
fn milk_before_after(
    conn: &Connection,
    family: &str,
    enrolled: &str,
    scope: &Scope,
) -> Result<(Option<MilkStatus>, Option<MilkStatus>)> {
    let first: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT id, status FROM milk_status WHERE family_id = ?1 AND recorded_on >= ?2
             ORDER BY recorded_on, created_at LIMIT 1",
        )?
        .query_row(params![family, enrolled], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let latest: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT id, status FROM milk_status WHERE family_id = ?1 AND recorded_on BETWEEN ?2 AND ?3
             ORDER BY recorded_on DESC, created_at DESC LIMIT 1",
        )?
        .query_row(params![family, scope.from.to_string(), scope.to.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let before = first.as_ref().and_then(|(_, s)| MilkStatus::parse(s));
    let after = match (&first, latest) {
        (Some((first_id, _)), Some((latest_id, status))) if *first_id != latest_id => {
            MilkStatus::parse(&status)
        }
        _ => None,
    };
    Ok((before, after))
}

fn latest_visit(conn: &Connection, family: &str, scope: &Scope) -> Result<Option<LatestVisit>> {
    let visit: Option<(String, bool)> = conn
        .prepare_cached(
            "SELECT v.id, v.competent FROM home_visit v
             WHERE v.family_id = ?1 AND v.visited_on <= ?2
               AND v.version = (SELECT max(version) FROM home_visit w WHERE w.original_id = v.original_id)
             ORDER BY v.visited_on DESC, v.created_at DESC LIMIT 1",
        )?
        .query_row(params![family, scope.to.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((id, competent)) = visit else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT row_id, score FROM visit_score WHERE visit_id = ?1 AND score < 2 ORDER BY row_id",
    )?;
    let failed: Vec<(String, u8)> = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(LatestVisit {
        competent,
        critical_failed: failed
            .iter()
            .any(|(row, score)| *score == 0 && checklist::is_critical(row)),
        failed_rows: failed.into_iter().map(|(row, _)| row).collect(),
    }))
}

fn comforts(conn: &Connection, family: &str, scope: &Scope) -> Result<Vec<u8>> {
    // One range of the covering index `session_rating_report` per family. A rating is
    // given right after its session, so its own time stands for the session's.
    let mut stmt = conn.prepare_cached(
        "SELECT comfort FROM session_rating
         WHERE family_id = ?1 AND current = 1 AND created_at >= ?2 AND created_at < ?3 AND skipped = 0",
    )?;
    let until = scope.to.succ_opt().unwrap_or(scope.to).to_string();
    let values = stmt
        .query_map(params![family, scope.from.to_string(), until], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(values)
}

/// Sessions given in the period (finished or stopped), counted by who gave them; read
/// from the index `massage_session_given` alone.
fn sessions_by(
    conn: &Connection,
    family: &str,
    scope: &Scope,
) -> Result<Vec<(Option<Giver>, usize)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT given_by, count(*) FROM massage_session
         WHERE family_id = ?1 AND created_at >= ?2 AND created_at < ?3
           AND status IN ('finished', 'stopped')
         GROUP BY given_by",
    )?;
    let until = scope.to.succ_opt().unwrap_or(scope.to).to_string();
    let counts = stmt
        .query_map(params![family, scope.from.to_string(), until], |r| {
            let giver: Option<String> = r.get(0)?;
            let count: i64 = r.get(1)?;
            Ok((
                giver.as_deref().and_then(Giver::parse),
                usize::try_from(count).unwrap_or(0),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(counts)
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
