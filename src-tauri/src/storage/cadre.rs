//! Cadre mode: the cadre profile with her PIN hash and wrong-attempt count, and home
//! visits with their row scores.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

use super::Result;
use crate::domain::cadre::Risk;
use crate::domain::checklist::{Band, PastVisit, RowScore, Score};
use crate::domain::cohort::SessionStatus;
use crate::domain::protocol::Giver;
use crate::domain::record::{RecordMeta, format_time};

/// The cadre who uses this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CadreRow {
    pub id: String,
    pub name: String,
    pub pin_hash: String,
    pub failed_attempts: u32,
    pub last_failure_at: Option<String>,
    pub competent_percent: u8,
}

pub fn get_cadre(conn: &Connection) -> Result<Option<CadreRow>> {
    Ok(conn
        .query_row(
            "SELECT id, name, pin_hash, failed_attempts, last_failure_at, competent_percent
             FROM cadre WHERE local = 1 ORDER BY created_at LIMIT 1",
            [],
            |r| {
                Ok(CadreRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    pin_hash: r.get(2)?,
                    failed_attempts: r.get(3)?,
                    last_failure_at: r.get(4)?,
                    competent_percent: r.get(5)?,
                })
            },
        )
        .optional()?)
}

pub fn insert_cadre(
    conn: &Connection,
    name: &str,
    pin_hash: &str,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<String> {
    let m = RecordMeta::new(device_id, now);
    conn.execute(
        "INSERT INTO cadre (id, device_id, created_at, updated_at, name, pin_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![m.id, m.device_id, m.created_at, m.updated_at, name, pin_hash],
    )?;
    Ok(m.id)
}

/// Counts a wrong PIN (kept across restarts, so closing the app does not reset the wait).
pub fn update_pin_failure(
    conn: &Connection,
    cadre_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<u32> {
    conn.execute(
        "UPDATE cadre SET failed_attempts = failed_attempts + 1, last_failure_at = ?2 WHERE id = ?1",
        params![cadre_id, format_time(now)],
    )?;
    Ok(conn.query_row(
        "SELECT failed_attempts FROM cadre WHERE id = ?1",
        [cadre_id],
        |r| r.get(0),
    )?)
}

pub fn update_pin_reset(conn: &Connection, cadre_id: &str) -> Result<()> {
    conn.execute(
        "UPDATE cadre SET failed_attempts = 0, last_failure_at = NULL WHERE id = ?1",
        [cadre_id],
    )?;
    Ok(())
}

/// A home visit to store.
#[derive(Debug, Clone)]
pub struct NewVisit<'a> {
    pub family_id: &'a str,
    pub cadre_id: &'a str,
    pub visited_on: NaiveDate,
    pub checklist_version: &'a str,
    pub score: Score,
    pub rows: &'a [RowScore],
    pub coaching_notes: Option<&'a str>,
    pub motivation: &'a str,
    pub milk_status: Option<&'a str>,
    pub observed: Option<Giver>,
    /// For an amendment: the visit's first version and the reason.
    pub amends: Option<(&'a str, &'a str)>,
}

fn band_name(band: Band) -> &'static str {
    match band {
        Band::Baik => "baik",
        Band::Cukup => "cukup",
        Band::Kurang => "kurang",
    }
}

/// Stores a visit and its rows; call inside a transaction. Returns (id, version).
pub fn insert_visit(
    conn: &Connection,
    visit: &NewVisit,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<(String, u32)> {
    let m = RecordMeta::new(device_id, now);
    let (original_id, version, reason) = match visit.amends {
        None => (m.id.clone(), 1, None),
        Some((original, reason)) => {
            let latest: u32 = conn.query_row(
                "SELECT max(version) FROM home_visit WHERE original_id = ?1",
                [original],
                |r| r.get(0),
            )?;
            (original.to_owned(), latest + 1, Some(reason))
        }
    };
    conn.execute(
        "INSERT INTO home_visit (id, device_id, created_at, updated_at, original_id, version, amend_reason,
             family_id, cadre_id, visited_on, checklist_version, total, maximum, percent, band, competent,
             coaching_notes, motivation, milk_status, observed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            original_id,
            version,
            reason,
            visit.family_id,
            visit.cadre_id,
            visit.visited_on.format("%Y-%m-%d").to_string(),
            visit.checklist_version,
            visit.score.total,
            visit.score.maximum,
            visit.score.percent,
            band_name(visit.score.band),
            visit.score.competent,
            visit.coaching_notes,
            visit.motivation,
            visit.milk_status,
            visit.observed.map(|g| g.as_str())
        ],
    )?;
    for row in visit.rows {
        let rm = RecordMeta::new(device_id, now);
        conn.execute(
            "INSERT INTO visit_score (id, device_id, created_at, updated_at, visit_id, row_id, score, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![rm.id, rm.device_id, rm.created_at, rm.updated_at, m.id, row.row_id, row.score, row.note],
        )?;
    }
    Ok((m.id, version))
}

/// A visit as the review shows it (the current version of each).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(rename = "VisitView")]
#[serde(rename_all = "camelCase")]
pub struct VisitRow {
    pub id: String,
    pub original_id: String,
    pub version: u32,
    pub amend_reason: Option<String>,
    pub visited_on: NaiveDate,
    pub checklist_version: String,
    pub percent: u8,
    pub band: String,
    pub competent: bool,
    pub coaching_notes: Option<String>,
    pub motivation: String,
    pub milk_status: Option<String>,
    /// Whom she watched massage; `None` on visits recorded before this was asked.
    pub observed: Option<Giver>,
    pub cadre_name: String,
    pub rows: Vec<RowScore>,
    /// Critical rows scored 0 (only checklist versions that have them).
    pub critical_failed: Vec<String>,
}

/// The family's visits, oldest first, each at its latest version.
pub fn list_visits(conn: &Connection, family_id: &str) -> Result<Vec<VisitRow>> {
    let mut stmt = conn.prepare(
        "SELECT v.id, v.original_id, v.version, v.amend_reason, v.visited_on, v.checklist_version,
                v.percent, v.band, v.competent, v.coaching_notes, v.motivation, c.name, v.milk_status,
                v.observed
         FROM home_visit v JOIN cadre c ON c.id = v.cadre_id
         WHERE v.family_id = ?1
           AND v.version = (SELECT max(version) FROM home_visit w WHERE w.original_id = v.original_id)
         ORDER BY v.visited_on, v.created_at",
    )?;
    let visits = stmt
        .query_map([family_id], |r| {
            let on: String = r.get(4)?;
            Ok(VisitRow {
                id: r.get(0)?,
                original_id: r.get(1)?,
                version: r.get(2)?,
                amend_reason: r.get(3)?,
                visited_on: NaiveDate::parse_from_str(&on, "%Y-%m-%d").unwrap_or(NaiveDate::MIN),
                checklist_version: r.get(5)?,
                percent: r.get(6)?,
                band: r.get(7)?,
                competent: r.get(8)?,
                coaching_notes: r.get(9)?,
                motivation: r.get(10)?,
                cadre_name: r.get(11)?,
                milk_status: r.get(12)?,
                observed: r
                    .get::<_, Option<String>>(13)?
                    .as_deref()
                    .and_then(Giver::parse),
                rows: Vec::new(),
                critical_failed: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut rows_stmt =
        conn.prepare("SELECT row_id, score, note FROM visit_score WHERE visit_id = ?1")?;
    visits
        .into_iter()
        .map(|mut visit| {
            visit.rows = rows_stmt
                .query_map([&visit.id], |r| {
                    Ok(RowScore {
                        row_id: r.get(0)?,
                        score: r.get(1)?,
                        note: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            visit.critical_failed = crate::domain::checklist::critical_failures(&visit.rows);
            Ok(visit)
        })
        .collect()
}

/// Every version of one visit, for the record of amendments.
pub fn count_visit_versions(conn: &Connection, original_id: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM home_visit WHERE original_id = ?1",
        [original_id],
        |r| r.get(0),
    )?)
}

/// Trend input from visit rows.
pub fn as_past_visits(visits: &[VisitRow]) -> Vec<PastVisit> {
    visits
        .iter()
        .map(|v| PastVisit {
            visited_on: v.visited_on,
            rows: v.rows.clone(),
        })
        .collect()
}

/// Families cadre mode may show: the device's own family, and those assigned to this
/// device's cadre. An SQL condition on `family` (its `id` and `registered_by`).
pub const VISIBLE_TO_CADRE: &str = "(family.registered_by = 'family' OR family.id IN
    (SELECT family_id FROM cadre_family WHERE cadre_id IN (SELECT id FROM cadre WHERE local = 1)))";

/// Assigns a family to this device's cadre (she registered or imported it).
pub fn insert_assignment(
    conn: &Connection,
    family_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO cadre_family (cadre_id, family_id, assigned_at)
         SELECT id, ?1, ?2 FROM cadre WHERE local = 1",
    )?
    .execute(params![family_id, format_time(now)])?;
    Ok(())
}

/// The ids of every family cadre mode may show (hers, and the device's own).
pub fn list_visible_family_ids(conn: &Connection) -> Result<Vec<String>> {
    let sql = format!("SELECT id FROM family WHERE {VISIBLE_TO_CADRE} ORDER BY created_at, id");
    let ids = conn
        .prepare_cached(&sql)?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Whether cadre mode may show this family.
pub fn get_visible(conn: &Connection, family_id: &str) -> Result<bool> {
    let sql = format!("SELECT 1 FROM family WHERE id = ?1 AND {VISIBLE_TO_CADRE}");
    Ok(conn.prepare_cached(&sql)?.exists([family_id])?)
}

/// A visit as the families list needs it (its current version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentVisit {
    pub visited_on: NaiveDate,
    pub percent: u8,
    /// When the visit was first saved (an amendment keeps the original's time).
    pub saved_at: String,
}

/// Every family's two latest visits (current versions), oldest first, in one query.
pub fn list_recent_visits(conn: &Connection) -> Result<HashMap<String, Vec<RecentVisit>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.family_id, v.visited_on, v.percent,
                coalesce((SELECT o.created_at FROM home_visit o WHERE o.id = v.original_id), v.created_at)
         FROM home_visit v
         WHERE v.version = (SELECT max(version) FROM home_visit w WHERE w.original_id = v.original_id)
         ORDER BY v.family_id, v.visited_on, v.created_at",
    )?;
    let mut by_family: HashMap<String, Vec<RecentVisit>> = HashMap::new();
    let rows = stmt.query_map([], |r| {
        let on: String = r.get(1)?;
        Ok((
            r.get::<_, String>(0)?,
            RecentVisit {
                visited_on: NaiveDate::parse_from_str(&on, "%Y-%m-%d").unwrap_or(NaiveDate::MIN),
                percent: r.get(2)?,
                saved_at: r.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (family, visit) = row?;
        let visits = by_family.entry(family).or_default();
        visits.push(visit);
        if visits.len() > 2 {
            visits.remove(0);
        }
    }
    Ok(by_family)
}

/// Sessions given (finished or stopped) per family since `since`: a range of the
/// (family, created_at, status) index.
pub fn list_sessions_given_since(
    conn: &Connection,
    family_id: &str,
    since: DateTime<FixedOffset>,
) -> Result<u32> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM massage_session WHERE family_id = ?1 AND created_at >= ?2
                 AND status IN ({})",
            SessionStatus::sql_list(&SessionStatus::GIVEN)
        ))?
        .query_row(params![family_id, format_time(since)], |r| r.get(0))?)
}

/// Risk signs recorded at or after `since` (RFC 3339), and what the safety checks among
/// them found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RiskSigns {
    /// Most important first ([`Risk`]'s order).
    pub risks: Vec<Risk>,
    /// The "yes" answers of the safety stops, each once: danger signs first, then in
    /// question order.
    pub safety_findings: Vec<&'static str>,
}

/// Risk signs recorded at or after `since` (RFC 3339): sessions stopped for pain or
/// by the safety check (a danger sign apart from other findings), and milk production
/// recorded as "tidak ada". Ranges of the (family, created_at) indexes.
pub fn list_risks_since(conn: &Connection, family_id: &str, since: &str) -> Result<RiskSigns> {
    let mut signs = RiskSigns::default();
    let mut stops = conn.prepare_cached(
        "SELECT stop_reason, coalesce(safety_flags, '') FROM massage_session
         WHERE family_id = ?1 AND created_at >= ?2 AND stop_reason IN ('pain', 'safety')",
    )?;
    let rows = stops.query_map(params![family_id, since], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut add = |risk: Risk| {
        if !signs.risks.contains(&risk) {
            signs.risks.push(risk);
        }
    };
    let mut found: Vec<&'static str> = Vec::new();
    for row in rows {
        let (reason, flags) = row?;
        if reason == "pain" {
            add(Risk::PainStop);
            continue;
        }
        let findings = crate::domain::protocol::safety_findings(&flags);
        // A danger sign is named on its own; other findings of the same check (or a
        // stop whose findings are unknown) as a safety stop beside it.
        let (urgent, calm): (Vec<&str>, Vec<&str>) = findings
            .iter()
            .partition(|f| crate::domain::protocol::is_urgent(f));
        if !urgent.is_empty() {
            add(Risk::DangerSign);
        }
        if !calm.is_empty() || urgent.is_empty() {
            add(Risk::SafetyStop);
        }
        found.extend(findings);
    }
    signs.safety_findings = found;
    let no_milk: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM milk_status
             WHERE family_id = ?1 AND created_at >= ?2 AND status = 'tidak-ada')",
        )?
        .query_row(params![family_id, since], |r| r.get(0))?;
    if no_milk {
        signs.risks.push(Risk::NoMilk);
    }
    signs.risks.sort();
    // In question order across every stop, danger signs first.
    let all = signs.safety_findings.join(",");
    signs.safety_findings = crate::domain::protocol::safety_findings(&all);
    signs
        .safety_findings
        .sort_by_key(|f| !crate::domain::protocol::is_urgent(f));
    Ok(signs)
}

/// When each session given (finished or stopped) since `since` began.
pub fn list_given_session_times(
    conn: &Connection,
    family_id: &str,
    since: DateTime<FixedOffset>,
) -> Result<Vec<DateTime<FixedOffset>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT created_at FROM massage_session WHERE family_id = ?1 AND created_at >= ?2
             AND status IN ({})",
        SessionStatus::sql_list(&SessionStatus::GIVEN)
    ))?;
    let times = stmt
        .query_map(params![family_id, format_time(since)], |r| {
            r.get::<_, String>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(times
        .iter()
        .filter_map(|t| DateTime::parse_from_rfc3339(t).ok())
        .collect())
}

/// The milk flow the mother reported last (her latest current answer), if any: the
/// newest end of the family's range in the report index.
pub fn get_last_milk_flow(conn: &Connection, family_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT milk_flow FROM session_rating
             WHERE family_id = ?1 AND current = 1 AND skipped = 0
             ORDER BY created_at DESC LIMIT 1",
        )?
        .query_row([family_id], |r| r.get(0))
        .optional()?
        .flatten())
}
