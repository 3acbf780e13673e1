//! Conflicts set aside by an import, shown to the cadre field by field, and her choice.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;

use super::*;
use crate::domain::bundle::{self, Body};
use crate::domain::record::format_time;

/// A field that differs between this device's version and the incoming one.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldDifference {
    pub field: String,
    /// A column's value: text, a number, or empty.
    #[ts(type = "string | number | null")]
    pub local: Value,
    #[ts(type = "string | number | null")]
    pub incoming: Value,
}

/// A conflict waiting for the cadre.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub id: String,
    pub table: String,
    pub record_id: String,
    pub family_id: Option<String>,
    pub incoming_device: String,
    pub found_at: String,
    pub differences: Vec<FieldDifference>,
}

/// Fields that say who and when, not what: not shown as differences.
const BOOKKEEPING: [&str; 5] = ["id", "device_id", "created_at", "updated_at", "row_version"];

pub fn list_open_conflicts(conn: &Connection) -> Result<Vec<Conflict>> {
    let mut stmt = conn.prepare(
        "SELECT id, table_name, record_id, family_id, incoming_body, incoming_device, found_at
         FROM sync_conflict WHERE resolved_at IS NULL ORDER BY found_at, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut conflicts = Vec::new();
    for (id, table, record_id, family_id, incoming, incoming_device, found_at) in rows {
        let Some(spec) = bundle::table(&table) else {
            continue;
        };
        let incoming: Body = serde_json::from_str(&incoming).unwrap_or_default();
        let local = read_body(conn, spec, &record_id)?.unwrap_or_default();
        let differences = spec
            .column_names()
            .filter(|c| !BOOKKEEPING.contains(c))
            .filter(|c| local.get(*c) != incoming.get(*c))
            .map(|c| FieldDifference {
                field: c.to_owned(),
                local: local.get(c).cloned().unwrap_or(Value::Null),
                incoming: incoming.get(c).cloned().unwrap_or(Value::Null),
            })
            .collect();
        conflicts.push(Conflict {
            id,
            table,
            record_id,
            family_id,
            incoming_device,
            found_at,
            differences,
        });
    }
    Ok(conflicts)
}

pub fn get_open_conflict_count(conn: &Connection) -> Result<u64> {
    let count: i64 = conn.query_row(
        "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    Ok(count.max(0) as u64)
}

/// Settles a conflict. For an edited record (the family, the plan) the chosen content
/// becomes a new version above both, with both competing versions in its history, so
/// the other device takes it as an update. Returns false if there was no such open
/// conflict.
pub fn resolve(
    conn: &Connection,
    conflict_id: &str,
    take_incoming: bool,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> std::result::Result<bool, ImportError> {
    let found: Option<(String, String, String)> = conn
        .query_row(
            "SELECT table_name, record_id, incoming_body FROM sync_conflict WHERE id = ?1 AND resolved_at IS NULL",
            [conflict_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((table, record_id, incoming)) = found else {
        return Ok(false);
    };
    let spec = bundle::table(&table).ok_or_else(|| ImportError::Refused {
        table: table.clone(),
        id: record_id.clone(),
        detail: "unknown table".to_owned(),
    })?;
    let incoming: Body = serde_json::from_str(&incoming).unwrap_or_default();
    let local = read_body(conn, spec, &record_id)?;
    if let Some(local) = local {
        let chosen = if take_incoming { &incoming } else { &local };
        if spec.editable {
            let version = |b: &Body| b.get("row_version").and_then(Value::as_i64).unwrap_or(1);
            insert_history(conn, spec.name, &record_id, &local, now)?;
            insert_history(conn, spec.name, &record_id, &incoming, now)?;
            let mut next = chosen.clone();
            next.insert("id".to_owned(), Value::from(record_id.clone()));
            next.insert(
                "row_version".to_owned(),
                Value::from(version(&local).max(version(&incoming)) + 1),
            );
            next.insert("updated_at".to_owned(), Value::from(format_time(now)));
            next.insert("device_id".to_owned(), Value::from(device_id));
            update_record(conn, spec, &record_id, &next)?;
        } else if take_incoming {
            insert_history(conn, spec.name, &record_id, &local, now)?;
            let mut next = incoming.clone();
            next.insert("id".to_owned(), Value::from(record_id.clone()));
            update_record(conn, spec, &record_id, &next)?;
        }
    }
    conn.execute(
        "UPDATE sync_conflict SET resolved_at = ?2, resolution = ?3 WHERE id = ?1",
        params![
            conflict_id,
            format_time(now),
            if take_incoming {
                "took-incoming"
            } else {
                "kept-local"
            }
        ],
    )?;
    Ok(true)
}
