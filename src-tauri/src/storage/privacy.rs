//! A family's right to its data (UU PDP No. 27/2022): everything stored about it, as
//! machine-readable tables, and deleting all of it so that no trace of the names is
//! left in the database file, its WAL or the backups.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use rusqlite::Connection;
use serde_json::Value;

use super::{Result, backup, transfer};

/// Tables kept only on this device (a session's engine log, the reminders), after the
/// travelling table they belong with, and how their rows are found from the family id.
const LOCAL_TABLES: &[(&str, &str, &str)] = &[
    ("massage_plan", "reminder_settings", "family_id = ?1"),
    (
        "massage_session",
        "session_event",
        "session_id IN (SELECT id FROM massage_session WHERE family_id = ?1)",
    ),
    (
        "massage_session",
        "session_pass",
        "session_id IN (SELECT id FROM massage_session WHERE family_id = ?1)",
    ),
];

/// Every table holding a family's data, and how its rows are found from the family id:
/// the travelling tables as their owner says (`ownership::family_condition`, the same
/// rule the import checks), each followed by the local tables that belong with it.
fn family_tables() -> Vec<(&'static str, String)> {
    let mut tables = Vec::new();
    for spec in crate::domain::bundle::TABLES {
        let Some(condition) = super::ownership::family_condition(spec.name) else {
            continue;
        };
        tables.push((spec.name, condition));
        for (after, local, condition) in LOCAL_TABLES {
            if *after == spec.name {
                tables.push((*local, (*condition).to_owned()));
            }
        }
    }
    tables
}

/// One table of a family's data: its column names and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    pub name: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Everything stored about one family, table by table.
pub fn get_family_data(conn: &Connection, family_id: &str) -> Result<Vec<DataTable>> {
    let mut tables = Vec::new();
    for (name, filter) in family_tables() {
        let mut stmt = conn.prepare(&format!(
            "SELECT * FROM {name} WHERE {filter} ORDER BY rowid"
        ))?;
        let columns: Vec<String> = stmt
            .column_names()
            .iter()
            .map(|c| (*c).to_owned())
            .collect();
        let width = columns.len();
        let rows = stmt
            .query_map([family_id], |row| {
                (0..width)
                    .map(|i| Ok(transfer::json_value(row.get_ref(i)?)))
                    .collect::<rusqlite::Result<Vec<Value>>>()
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        tables.push(DataTable {
            name,
            columns,
            rows,
        });
    }
    Ok(tables)
}

/// The family's data as one JSON document: `{ "table": [ {column: value} ] }`.
pub fn as_json(tables: &[DataTable]) -> Value {
    let mut document = serde_json::Map::new();
    for table in tables {
        let rows: Vec<Value> = table
            .rows
            .iter()
            .map(|row| {
                Value::Object(
                    table
                        .columns
                        .iter()
                        .cloned()
                        .zip(row.iter().cloned())
                        .collect(),
                )
            })
            .collect();
        document.insert(table.name.to_owned(), Value::Array(rows));
    }
    Value::Object(document)
}

/// Deletes every record of a family (one transaction; the caller provides it), with
/// the versions and conflicts that name it, and leaves a tombstone without names so an
/// old bundle cannot bring the family back. Returns how many rows went.
pub fn delete_family(
    conn: &Connection,
    family_id: &str,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<usize> {
    let counted: usize = get_family_data(conn, family_id)?
        .iter()
        .map(|t| t.rows.len())
        .sum();
    conn.execute(
        "DELETE FROM record_history WHERE record_id = ?1
            OR record_id IN (SELECT id FROM massage_plan WHERE family_id = ?1)",
        [family_id],
    )?;
    conn.execute(
        "DELETE FROM sync_conflict WHERE family_id = ?1",
        [family_id],
    )?;
    // Children go with the family (ON DELETE CASCADE).
    conn.execute("DELETE FROM family WHERE id = ?1", [family_id])?;
    transfer::insert_tombstone(conn, "family", family_id, Some(family_id), device_id, now)?;
    Ok(counted)
}

/// After a deletion: rebuilds the file so freed pages keep no old text, empties the
/// WAL, and replaces the backups (which still hold the family) with one fresh copy.
pub fn scrub(conn: &Connection, data_dir: Option<&Path>, now: DateTime<FixedOffset>) -> Result<()> {
    conn.execute_batch("VACUUM;")?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    if let Some(dir) = data_dir {
        for old in backup::list(dir)? {
            std::fs::remove_file(backup::backup_dir(dir).join(old.file))?;
        }
        backup::make(conn, dir, "after-deletion", now)?;
    }
    Ok(())
}
