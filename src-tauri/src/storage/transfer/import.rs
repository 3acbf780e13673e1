//! Importing a bundle: what it would change (the plan), its tally, and applying it in
//! the caller's transaction, setting clashing versions aside for the cadre.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::*;
use crate::domain::bundle::owner::OwnerError;
use crate::domain::bundle::{self, Body, Bundle, Decision, Incoming, Local, TableSpec};
use crate::domain::record::{format_time, new_id};

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

pub use crate::domain::bundle::plan::{Plan, Tally, changes, tally};

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

/// What this device holds, as the core crate's plan asks it.
struct Here<'a>(&'a Connection);

impl bundle::plan::Holdings for Here<'_> {
    type Error = StorageError;

    fn local_of(&self, incoming: &Incoming) -> Result<Option<Local>> {
        local_of(self.0, incoming)
    }
    fn exists(&self, table: &str, id: &str) -> Result<bool> {
        row_exists(self.0, table, id)
    }
    fn is_tombstoned(&self, table: &str, id: &str) -> Result<bool> {
        tombstoned(self.0, table, id)
    }
    fn seen_conflict(&self, table: &str, hash: &str) -> Result<bool> {
        exists(
            self.0,
            "SELECT 1 FROM sync_conflict WHERE table_name = ?1 AND incoming_hash = ?2",
            table,
            hash,
        )
    }
}

/// Works out what the bundle would change, without changing anything: the ownership
/// rule here, then the core crate's plan (the server plans with the same code).
pub fn plan(conn: &Connection, bundle: &Bundle) -> std::result::Result<Plan, ImportError> {
    crate::storage::ownership::check(conn, bundle).map_err(|error| match error {
        OwnerError::NotNamed { table, id } => ImportError::NotNamed { table, id },
        OwnerError::OtherFamily { table, id } => ImportError::OtherFamily { table, id },
        OwnerError::Store(error) => error.into(),
    })?;
    bundle::plan::plan(&Here(conn), bundle).map_err(|error| match error {
        bundle::plan::PlanError::MissingParent { table, id, parent } => {
            ImportError::MissingParent { table, id, parent }
        }
        bundle::plan::PlanError::Holdings(error) => ImportError::Storage(error),
    })
}

/// Refuses a feeding recall that no birth of its family allows: the core's rule, asked
/// after the bundle is written (in the caller's transaction) of every version of the
/// family record kept here (the server's push asks the same).
fn check_recalls(conn: &Connection, bundle: &Bundle) -> std::result::Result<(), ImportError> {
    use crate::domain::bundle::recalls::{self, Births};
    let mut births = Births::default();
    let mut kept = conn.prepare_cached(
        "SELECT baby_birth_date, pregnant FROM family WHERE id = ?1
         UNION ALL
         SELECT json_extract(body, '$.baby_birth_date'), json_extract(body, '$.pregnant')
         FROM record_history WHERE table_name = 'family' AND record_id = ?1",
    )?;
    for family in recalls::families_with_recalls(bundle) {
        // `pregnant` is a later column: NULL on a family of before it, a born baby.
        let versions = kept.query_map([&family], |r| {
            Ok((r.get::<_, Option<String>>(0)?, r.get::<_, Option<i64>>(1)?))
        })?;
        for version in versions {
            let (birth, pregnant) = version?;
            births.note(&family, birth.as_deref(), pregnant == Some(1));
        }
    }
    let today = crate::storage::now().date_naive();
    recalls::check_recalls(bundle, &births, today).map_err(|refused| ImportError::Refused {
        table: "feeding_recall".to_owned(),
        id: refused.id,
        detail: refused.error.to_string(),
    })
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
                insert_current_into_history(conn, incoming.table, &incoming.id, now)?;
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
    // Against the births now kept here: a refusal takes the whole bundle back.
    check_recalls(conn, bundle)?;
    let changed = changes(plan);
    if changed > 0 {
        insert_transfer_log(
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
pub(super) fn update_record(
    conn: &Connection,
    spec: &TableSpec,
    id: &str,
    body: &Body,
) -> Result<()> {
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

/// The family of a record set aside, by its table's owner (a visit score's through its
/// visit here).
fn family_of(conn: &Connection, spec: &TableSpec, body: &Body) -> Option<String> {
    let id = body.get("id").and_then(Value::as_str).unwrap_or_default();
    crate::domain::bundle::owner::family_of(spec, id, body, |parent, parent_id| {
        conn.prepare_cached(&format!("SELECT family_id FROM {parent} WHERE id = ?1"))
            .and_then(|mut s| s.query_row([parent_id], |r| r.get(0)))
            .ok()
    })
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
        family_of(conn, incoming.table, &incoming.body),
        incoming.hash,
        bundle::canonical(&incoming.body),
        device,
        format_time(now)
    ])?;
    Ok(())
}
