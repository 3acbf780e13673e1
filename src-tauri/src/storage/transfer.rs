//! Bundles in and out of the database: gathering a family's records, working out what
//! an incoming bundle would change, applying it in one transaction, and the pieces that
//! make records travel safely: the history of edited records, tombstones of deleted
//! ones, conflicts set aside for the cadre, and the log of transfers.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, FixedOffset};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;

use super::{Result, StorageError};
use crate::domain::bundle::{
    self, Body, Bundle, Decision, Deleted, Incoming, Line, Local, TABLES, TableSpec,
};
use crate::domain::record::{format_time, new_id};

/// Statuses of sessions that are over: only those travel (a running session is still
/// being written by its own device).
const DONE: &str = "('finished', 'stopped', 'not-started')";

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
            "family_id = ?1 AND status IN {DONE} AND (updated_at >= ?2 OR id IN
                (SELECT session_id FROM session_rating WHERE family_id = ?1 AND updated_at >= ?2))"
        ),
        "session_rating" => format!(
            "family_id = ?1 AND updated_at >= ?2 AND session_id IN
                (SELECT id FROM massage_session WHERE family_id = ?1 AND status IN {DONE})"
        ),
        "visit_score" => {
            "visit_id IN (SELECT id FROM home_visit WHERE family_id = ?1 AND updated_at >= ?2)"
                .to_owned()
        }
        _ => "family_id = ?1 AND updated_at >= ?2".to_owned(),
    }
}

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
    Ok(body)
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
pub fn keep_history(
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

/// Every record of these families (all families when `family_ids` is empty) that
/// changed at or after `since`, with the tombstones of deleted ones, in bundle order.
pub fn gather(conn: &Connection, family_ids: &[String], since: Option<&str>) -> Result<Vec<Line>> {
    let families = families_or_all(conn, family_ids)?;
    let since = since.unwrap_or("");
    let mut seen = HashSet::new();
    let mut lines = Vec::new();
    for spec in TABLES {
        let sql = select_sql(spec, &family_filter(spec.name));
        let mut stmt = conn.prepare_cached(&sql)?;
        for family in &families {
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
    let families = families_or_all(conn, family_ids)?;
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
        for family in &families {
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

fn families_or_all(conn: &Connection, family_ids: &[String]) -> Result<Vec<String>> {
    if family_ids.is_empty() {
        all_family_ids(conn)
    } else {
        Ok(family_ids.to_vec())
    }
}

fn all_family_ids(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT id FROM family ORDER BY created_at, id")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
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
        family_ids.is_empty()
            || line
                .deleted
                .as_ref()
                .and_then(|d| d.family_id.as_ref())
                .is_some_and(|f| family_ids.contains(f))
    };
    Ok(rows.into_iter().filter(wanted).collect())
}

/// Records a deletion so that no bundle brings the record back.
pub fn add_tombstone(
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

/// What this device holds that corresponds to an incoming record: the same id, else
/// the same natural key (e.g. a second plan made for the same family elsewhere).
fn local_of(conn: &Connection, incoming: &Incoming) -> Result<Option<Local>> {
    let spec = incoming.table;
    let mut body = read_body(conn, spec, &incoming.id)?;
    if body.is_none() && !spec.natural_key.is_empty() {
        let filter: Vec<String> = spec
            .natural_key
            .iter()
            .enumerate()
            .map(|(i, column)| format!("{column} = ?{}", i + 1))
            .collect();
        let sql = select_sql(spec, &filter.join(" AND "));
        let keys: Vec<SqlValue> = spec
            .natural_key
            .iter()
            .map(|c| sql_value(incoming.body.get(*c).unwrap_or(&Value::Null)))
            .collect();
        body = conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(keys), |row| {
                body_from_row(spec, row)
            })
            .optional()?;
    }
    let Some(body) = body else { return Ok(None) };
    let id = body
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let history = if spec.editable {
        let mut stmt = conn.prepare_cached(
            "SELECT hash FROM record_history WHERE table_name = ?1 AND record_id = ?2",
        )?;
        stmt.query_map(params![spec.name, id], |r| r.get(0))?
            .collect::<rusqlite::Result<HashSet<String>>>()?
    } else {
        HashSet::new()
    };
    Ok(Some(Local {
        hash: bundle::body_hash(&body),
        row_version: body.get("row_version").and_then(Value::as_i64).unwrap_or(1),
        id,
        history,
    }))
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

/// What applying a bundle would do, record by record.
#[derive(Debug, Clone)]
pub struct Plan {
    /// One per `bundle.records`, with the id of the local record it meets.
    pub decisions: Vec<(Decision, Option<Local>)>,
    /// One per `bundle.tombstones`: whether a local record would be deleted.
    pub deletes: Vec<bool>,
}

/// Why a bundle cannot be applied on this device (on top of [`bundle::BundleError`]).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A record refers to one that is neither here nor in the bundle.
    #[error("{table} {id} refers to a missing {parent}")]
    MissingParent {
        table: String,
        id: String,
        parent: String,
    },
    /// A record or tombstone belongs to no family the bundle's header names.
    #[error("{table} {id} belongs to no family the file names")]
    NotNamed { table: String, id: String },
    /// A record or tombstone meets a record of another family on this device.
    #[error("{table} {id} is another family's record here")]
    OtherFamily { table: String, id: String },
    /// The database refused a record (a rule the bundle schema does not express).
    #[error("{table} {id} refused: {detail}")]
    Refused {
        table: String,
        id: String,
        detail: String,
    },
}

impl From<rusqlite::Error> for ImportError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Storage(error.into())
    }
}

/// Works out what the bundle would change, without changing anything.
pub fn plan(conn: &Connection, bundle: &Bundle) -> std::result::Result<Plan, ImportError> {
    super::ownership::check(conn, bundle)?;
    let in_bundle: HashSet<(&str, &str)> = bundle
        .records
        .iter()
        .map(|r| (r.table.name, r.id.as_str()))
        .collect();
    let mut unapplied: HashSet<(&str, &str)> = HashSet::new();
    let mut decisions = Vec::with_capacity(bundle.records.len());
    for incoming in &bundle.records {
        let held = held_by_parent(conn, incoming, &in_bundle, &unapplied)?;
        let local = local_of(conn, incoming)?;
        let decision = if held {
            Decision::Held
        } else {
            let gone = tombstoned(conn, incoming.table.name, &incoming.id)?;
            let seen = exists(
                conn,
                "SELECT 1 FROM sync_conflict WHERE table_name = ?1 AND incoming_hash = ?2",
                incoming.table.name,
                &incoming.hash,
            )?;
            bundle::decide(incoming, local.as_ref(), gone, seen)
        };
        if matches!(
            decision,
            Decision::Conflict | Decision::Deleted | Decision::Held
        ) && local.as_ref().is_none_or(|l| l.id != incoming.id)
        {
            unapplied.insert((incoming.table.name, incoming.id.as_str()));
        }
        decisions.push((decision, local));
    }
    let deletes = bundle
        .tombstones
        .iter()
        .map(|t| row_exists(conn, t.table.name, &t.id))
        .collect::<Result<Vec<_>>>()?;
    Ok(Plan { decisions, deletes })
}

/// True when a parent of this record will not be here after the import (it waits on a
/// conflict or was deleted); an error when it is neither here nor in the bundle.
fn held_by_parent(
    conn: &Connection,
    incoming: &Incoming,
    in_bundle: &HashSet<(&str, &str)>,
    unapplied: &HashSet<(&str, &str)>,
) -> std::result::Result<bool, ImportError> {
    for (parent_table, column) in incoming.table.parents {
        let Some(parent_id) = incoming.body.get(*column).and_then(Value::as_str) else {
            continue;
        };
        if unapplied.contains(&(*parent_table, parent_id)) {
            return Ok(true);
        }
        if !in_bundle.contains(&(*parent_table, parent_id))
            && !row_exists(conn, parent_table, parent_id)?
        {
            if tombstoned(conn, parent_table, parent_id)? {
                return Ok(true);
            }
            return Err(ImportError::MissingParent {
                table: incoming.table.name.to_owned(),
                id: incoming.id.clone(),
                parent: (*parent_table).to_owned(),
            });
        }
    }
    Ok(false)
}

/// How many records of each kind an import adds, updates, keeps, sets aside...
pub type Tally = BTreeMap<String, BTreeMap<Decision, u64>>;

pub fn tally(bundle: &Bundle, plan: &Plan) -> Tally {
    let mut tally: Tally = BTreeMap::new();
    for (record, (decision, _)) in bundle.records.iter().zip(&plan.decisions) {
        *tally
            .entry(record.table.name.to_owned())
            .or_default()
            .entry(*decision)
            .or_insert(0) += 1;
    }
    for (tombstone, deletes) in bundle.tombstones.iter().zip(&plan.deletes) {
        let decision = if *deletes {
            Decision::Deleted
        } else {
            Decision::Known
        };
        *tally
            .entry(format!("deleted-{}", tombstone.table.name))
            .or_default()
            .entry(decision)
            .or_insert(0) += 1;
    }
    tally
}

/// How many records an import changes.
pub fn changes(plan: &Plan) -> usize {
    plan.decisions
        .iter()
        .filter(|(d, _)| matches!(d, Decision::New | Decision::Updated | Decision::Conflict))
        .count()
        + plan.deletes.iter().filter(|d| **d).count()
}

/// Applies a planned bundle. Call inside a transaction: a refusal part-way leaves
/// nothing behind.
pub fn apply(
    conn: &Connection,
    bundle: &Bundle,
    plan: &Plan,
    now: DateTime<FixedOffset>,
) -> std::result::Result<usize, ImportError> {
    let mut rated_sessions = HashSet::new();
    for (incoming, (decision, local)) in bundle.records.iter().zip(&plan.decisions) {
        let refused = |e: StorageError| ImportError::Refused {
            table: incoming.table.name.to_owned(),
            id: incoming.id.clone(),
            detail: e.to_string(),
        };
        match decision {
            Decision::New => {
                insert_record(conn, incoming.table, &incoming.body).map_err(refused)?;
                for (old, _) in &incoming.history {
                    insert_history(conn, incoming.table.name, &incoming.id, old, now)?;
                }
            }
            Decision::Updated => {
                keep_history(conn, incoming.table, &incoming.id, now)?;
                for (old, _) in &incoming.history {
                    insert_history(conn, incoming.table.name, &incoming.id, old, now)?;
                }
                update_record(conn, incoming.table, &incoming.id, &incoming.body)
                    .map_err(refused)?;
            }
            Decision::Conflict => {
                let local_id = local
                    .as_ref()
                    .map_or(incoming.id.as_str(), |l| l.id.as_str());
                set_aside(conn, incoming, local_id, now)?;
            }
            Decision::Known | Decision::Older | Decision::Deleted | Decision::Held => continue,
        }
        if incoming.table.name == "session_rating"
            && let Some(session) = incoming.body.get("session_id").and_then(Value::as_str)
        {
            rated_sessions.insert(session.to_owned());
        }
    }
    for (tombstone, deletes) in bundle.tombstones.iter().zip(&plan.deletes) {
        if *deletes {
            let sql = format!("DELETE FROM {} WHERE id = ?1", tombstone.table.name);
            conn.execute(&sql, [&tombstone.id])?;
        }
        conn.prepare_cached(
            "INSERT OR IGNORE INTO tombstone (table_name, record_id, family_id, deleted_at, device_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            tombstone.table.name,
            tombstone.id,
            tombstone.deleted.family_id,
            tombstone.deleted.at,
            tombstone.deleted.device_id
        ])?;
    }
    for session in &rated_sessions {
        mark_current_rating(conn, session)?;
    }
    let changed = changes(plan);
    if changed > 0 {
        log_transfer(
            conn,
            "import",
            &bundle.header.device_id,
            &bundle.file_sha256,
            &bundle.header.family_ids,
            changed,
            now,
        )?;
    }
    Ok(changed)
}

/// Columns the bundle does not carry, set by the receiving device.
fn local_columns(table: &str) -> &'static [(&'static str, &'static str)] {
    match table {
        // An imported family is not this device's own family.
        "family" => &[("registered_by", "'cadre'")],
        // Known by name only; the placeholder matches no PIN, so she cannot be
        // unlocked here.
        "cadre" => &[("pin_hash", "'$argon2id$imported-no-pin'"), ("local", "0")],
        _ => &[],
    }
}

fn insert_record(conn: &Connection, spec: &TableSpec, body: &Body) -> Result<()> {
    let mut columns: Vec<&str> = spec.column_names().collect();
    let mut values: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    for (column, value) in local_columns(spec.name) {
        columns.push(column);
        values.push((*value).to_owned());
    }
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        spec.name,
        columns.join(", "),
        values.join(", ")
    );
    let params: Vec<SqlValue> = spec
        .column_names()
        .map(|c| sql_value(body.get(c).unwrap_or(&Value::Null)))
        .collect();
    conn.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(params))?;
    Ok(())
}

/// Replaces every carried column of a record except its id.
fn update_record(conn: &Connection, spec: &TableSpec, id: &str, body: &Body) -> Result<()> {
    let columns: Vec<&str> = spec.column_names().filter(|c| *c != "id").collect();
    let sets: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 2))
        .collect();
    let sql = format!("UPDATE {} SET {} WHERE id = ?1", spec.name, sets.join(", "));
    let mut params = vec![SqlValue::Text(id.to_owned())];
    params.extend(
        columns
            .iter()
            .map(|c| sql_value(body.get(*c).unwrap_or(&Value::Null))),
    );
    conn.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(params))?;
    Ok(())
}

fn mark_current_rating(conn: &Connection, session_id: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE session_rating SET current = (version = (SELECT max(version) FROM session_rating r
             WHERE r.session_id = session_rating.session_id)) WHERE session_id = ?1",
    )?
    .execute([session_id])?;
    Ok(())
}

fn family_of(spec: &TableSpec, body: &Body) -> Option<String> {
    let column = if spec.name == "family" {
        "id"
    } else {
        "family_id"
    };
    body.get(column).and_then(Value::as_str).map(str::to_owned)
}

fn set_aside(
    conn: &Connection,
    incoming: &Incoming,
    local_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let device = incoming
        .body
        .get("device_id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    conn.prepare_cached(
        "INSERT OR IGNORE INTO sync_conflict (id, table_name, record_id, family_id, incoming_hash,
             incoming_body, incoming_device, found_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        new_id(),
        incoming.table.name,
        local_id,
        family_of(incoming.table, &incoming.body),
        incoming.hash,
        bundle::canonical(&incoming.body),
        device,
        format_time(now)
    ])?;
    Ok(())
}

pub fn log_transfer(
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

/// When this device last exported exactly these families (empty: all).
pub fn last_export(conn: &Connection, family_ids: &[String]) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT max(at) FROM transfer_log WHERE direction = 'export' AND family_ids = ?1",
        [family_ids.join(",")],
        |r| r.get(0),
    )?)
}

/// A field that differs between this device's version and the incoming one.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldDifference {
    pub field: String,
    pub local: Value,
    pub incoming: Value,
}

/// A conflict waiting for the cadre.
#[derive(Debug, Clone, Serialize)]
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

pub fn open_conflicts(conn: &Connection) -> Result<Vec<Conflict>> {
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

pub fn open_conflict_count(conn: &Connection) -> Result<u64> {
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

/// Sessions in the bundle: the first and last day they were given.
pub fn session_span(bundle: &Bundle) -> Option<(String, String)> {
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
pub fn family_names(conn: &Connection, bundle: &Bundle) -> Result<Vec<(String, String, String)>> {
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
