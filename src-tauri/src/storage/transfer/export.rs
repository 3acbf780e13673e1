//! Gathering a family's records for a bundle, and counting them for the send screen.

use std::collections::HashSet;

use rusqlite::{Connection, params};
use serde_json::Value;

use super::*;
use crate::domain::bundle::{Line, TABLES};
use crate::domain::cohort::SessionStatus;

/// Statuses of sessions that are over: only those travel (a running session is still
/// being written by its own device).
fn done() -> String {
    format!("({})", SessionStatus::sql_list(&SessionStatus::DONE))
}

/// Which rows of a table belong to family `?1` and changed at or after `?2` (`''`
/// takes everything). Parents always travel with their children, so a partial bundle
/// still applies on its own.
fn family_filter(table: &str) -> String {
    match table {
        "family" => "id = ?1 AND ?2 = ?2".to_owned(),
        "cadre" => {
            "id IN (SELECT cadre_id FROM home_visit WHERE family_id = ?1 AND updated_at >= ?2)"
                .to_owned()
        }
        "consent" | "massage_plan" => "family_id = ?1 AND ?2 = ?2".to_owned(),
        "massage_session" => format!(
            "family_id = ?1 AND status IN {} AND (updated_at >= ?2 OR id IN
                (SELECT session_id FROM session_rating WHERE family_id = ?1 AND updated_at >= ?2))",
            done()
        ),
        "session_rating" => format!(
            "family_id = ?1 AND updated_at >= ?2 AND session_id IN
                (SELECT id FROM massage_session WHERE family_id = ?1 AND status IN {})",
            done()
        ),
        "visit_score" => {
            "visit_id IN (SELECT id FROM home_visit WHERE family_id = ?1 AND updated_at >= ?2)"
                .to_owned()
        }
        _ => "family_id = ?1 AND updated_at >= ?2".to_owned(),
    }
}

/// Every record of exactly these families that changed at or after `since`, with the
/// tombstones of their deleted records, in bundle order. There is no "every family on
/// the device": callers name the families a file may carry.
pub fn gather(conn: &Connection, family_ids: &[String], since: Option<&str>) -> Result<Vec<Line>> {
    let since = since.unwrap_or("");
    let mut seen = HashSet::new();
    let mut lines = Vec::new();
    for spec in TABLES {
        let sql = select_sql(spec, &family_filter(spec.name));
        let mut stmt = conn.prepare_cached(&sql)?;
        for family in family_ids {
            let bodies = stmt
                .query_map(params![family, since], |row| body_from_row(spec, row))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for body in bodies {
                let id = body
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                if !seen.insert((spec.name, id.clone())) {
                    continue;
                }
                let history = if spec.editable {
                    history_bodies(conn, spec.name, &id)?
                } else {
                    Vec::new()
                };
                lines.push(Line {
                    table: spec.name.to_owned(),
                    id,
                    body: Some(body),
                    history,
                    deleted: None,
                });
            }
        }
    }
    lines.extend(tombstones_of(conn, family_ids)?);
    Ok(lines)
}

/// How many lines [`gather`] would write, counted in SQL without reading the records
/// (the send screen shows it before anything is written).
pub fn count(conn: &Connection, family_ids: &[String], since: Option<&str>) -> Result<usize> {
    let since = since.unwrap_or("");
    let mut total = 0;
    // One cadre scores many families' visits but travels once: count her ids.
    let mut cadres = HashSet::new();
    for spec in TABLES {
        let filter = family_filter(spec.name);
        let counting = spec.name != "cadre";
        let sql = if counting {
            format!("SELECT count(*) FROM {} WHERE {filter}", spec.name)
        } else {
            format!("SELECT id FROM {} WHERE {filter}", spec.name)
        };
        let mut stmt = conn.prepare_cached(&sql)?;
        for family in family_ids {
            if counting {
                let n: i64 = stmt.query_row(params![family, since], |r| r.get(0))?;
                total += n.max(0) as usize;
            } else {
                let ids = stmt.query_map(params![family, since], |r| r.get::<_, String>(0))?;
                for id in ids {
                    cadres.insert(id?);
                }
            }
        }
    }
    Ok(total + cadres.len() + tombstones_of(conn, family_ids)?.len())
}
