//! Bundles in and out of the database: gathering a family's records, working out what
//! an incoming bundle would change, applying it in one transaction, and the pieces that
//! make records travel safely: the history of edited records, tombstones of deleted
//! ones, conflicts set aside for the cadre, and the log of transfers.

mod conflicts;
mod export;
mod import;

pub use conflicts::*;
pub use export::*;
pub use import::*;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::{Result, StorageError};
use crate::domain::bundle::{self, Body, Bundle, Deleted, Line, TableSpec};
use crate::domain::record::{format_time, new_id};

fn select_sql(spec: &TableSpec, filter: &str) -> String {
    let columns: Vec<&str> = spec.column_names().collect();
    format!(
        "SELECT {} FROM {} WHERE {filter} ORDER BY created_at, id",
        columns.join(", "),
        spec.name
    )
}

/// A SQLite value as JSON (no table here holds blobs).
pub(super) fn json_value(value: ValueRef) -> Value {
    match value {
        ValueRef::Null | ValueRef::Blob(_) => Value::Null,
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
    }
}

fn body_from_row(spec: &TableSpec, row: &rusqlite::Row) -> rusqlite::Result<Body> {
    let mut body = Body::new();
    for (index, name) in spec.column_names().enumerate() {
        body.insert(name.to_owned(), json_value(row.get_ref(index)?));
    }
    Ok(bundle::without_null_later_columns(spec, body))
}

fn sql_value(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(SqlValue::Integer)
            .or_else(|| n.as_f64().map(SqlValue::Real))
            .unwrap_or(SqlValue::Null),
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

/// The current body of a record on this device.
pub fn read_body(conn: &Connection, spec: &TableSpec, id: &str) -> Result<Option<Body>> {
    let sql = select_sql(spec, "id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |row| body_from_row(spec, row))
        .optional()?)
}

fn history_bodies(conn: &Connection, table: &str, id: &str) -> Result<Vec<Body>> {
    let mut stmt = conn.prepare_cached(
        "SELECT body FROM record_history WHERE table_name = ?1 AND record_id = ?2 ORDER BY row_version, kept_at",
    )?;
    let texts = stmt
        .query_map(params![table, id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(texts
        .iter()
        .filter_map(|t| serde_json::from_str(t).ok())
        .collect())
}

/// Keeps the current version of an editable record in its history, before an edit.
pub fn insert_current_into_history(
    conn: &Connection,
    spec: &TableSpec,
    id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    if let Some(body) = read_body(conn, spec, id)? {
        insert_history(conn, spec.name, id, &body, now)?;
    }
    Ok(())
}

fn insert_history(
    conn: &Connection,
    table: &str,
    id: &str,
    body: &Body,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let version = body.get("row_version").and_then(Value::as_i64).unwrap_or(1);
    conn.prepare_cached(
        "INSERT OR IGNORE INTO record_history (table_name, record_id, row_version, hash, body, kept_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![table, id, version, bundle::body_hash(body), bundle::canonical(body), format_time(now)])?;
    Ok(())
}

fn tombstones_of(conn: &Connection, family_ids: &[String]) -> Result<Vec<Line>> {
    let mut stmt = conn.prepare(
        "SELECT table_name, record_id, deleted_at, device_id, family_id FROM tombstone ORDER BY deleted_at",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Line {
                table: r.get(0)?,
                id: r.get(1)?,
                body: None,
                history: Vec::new(),
                deleted: Some(Deleted {
                    at: r.get(2)?,
                    device_id: r.get(3)?,
                    family_id: r.get(4)?,
                }),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let wanted = |line: &Line| {
        line.deleted
            .as_ref()
            .and_then(|d| d.family_id.as_ref())
            .is_some_and(|f| family_ids.contains(f))
    };
    Ok(rows.into_iter().filter(wanted).collect())
}

/// Records a deletion so that no bundle brings the record back.
pub fn insert_tombstone(
    conn: &Connection,
    table: &str,
    id: &str,
    family_id: Option<&str>,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO tombstone (table_name, record_id, family_id, deleted_at, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![table, id, family_id, format_time(now), device_id])?;
    Ok(())
}

fn exists(conn: &Connection, sql: &str, a: &str, b: &str) -> Result<bool> {
    Ok(conn.prepare_cached(sql)?.exists(params![a, b])?)
}

fn tombstoned(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    exists(
        conn,
        "SELECT 1 FROM tombstone WHERE table_name = ?1 AND record_id = ?2",
        table,
        id,
    )
}

fn row_exists(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = ?1 AND ?2 = ?2");
    exists(conn, &sql, id, "")
}

pub fn insert_transfer_log(
    conn: &Connection,
    direction: &str,
    bundle_device: &str,
    bundle_hash: &str,
    family_ids: &[String],
    records: usize,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO transfer_log (id, direction, at, bundle_device, bundle_hash, family_ids, records)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![new_id(), direction, format_time(now), bundle_device, bundle_hash, family_ids.join(","), records as i64],
    )?;
    Ok(())
}

/// When this device last exported exactly these families.
pub fn get_last_export(conn: &Connection, family_ids: &[String]) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT max(at) FROM transfer_log WHERE direction = 'export' AND family_ids = ?1",
        [family_ids.join(",")],
        |r| r.get(0),
    )?)
}

/// Sessions in the bundle: the first and last day they were given.
pub fn get_session_span(bundle: &Bundle) -> Option<(String, String)> {
    let days: Vec<&str> = bundle
        .records
        .iter()
        .filter(|r| r.table.name == "massage_session")
        .filter_map(|r| r.body.get("created_at").and_then(Value::as_str))
        .map(|t| t.get(..10).unwrap_or(t))
        .collect();
    let first = days.iter().min()?;
    let last = days.iter().max()?;
    Some(((*first).to_owned(), (*last).to_owned()))
}

/// Names of the families a bundle concerns: from the bundle, else from this device.
pub fn list_family_names(
    conn: &Connection,
    bundle: &Bundle,
) -> Result<Vec<(String, String, String)>> {
    let mut from_bundle: HashMap<&str, (String, String)> = HashMap::new();
    for record in bundle.records.iter().filter(|r| r.table.name == "family") {
        let name = |c: &str| {
            record
                .body
                .get(c)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        from_bundle.insert(
            record.id.as_str(),
            (name("father_name"), name("mother_name")),
        );
    }
    let mut names = Vec::new();
    for id in &bundle.header.family_ids {
        let pair = match from_bundle.get(id.as_str()) {
            Some(pair) => Some(pair.clone()),
            None => conn
                .query_row(
                    "SELECT father_name, mother_name FROM family WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?,
        };
        if let Some((father, mother)) = pair {
            names.push((id.clone(), father, mother));
        }
    }
    Ok(names)
}
