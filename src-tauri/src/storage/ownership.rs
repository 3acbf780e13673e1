//! A bundle changes only the families its header names: every record and every
//! tombstone must belong to one of them, directly (`family_id`, or the family's own
//! id) or through its parent (a visit score through its visit), and a record or
//! tombstone that meets a record already here must meet one of the same family.
//! Checked before anything is planned, so the preview and the import refuse alike.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;

use super::transfer::ImportError;
use crate::domain::bundle::{Bundle, Incoming};

/// The family a record of `table` with this id belongs to on this device, if it is here.
fn local_family(conn: &Connection, table: &str, id: &str) -> Result<Option<String>, ImportError> {
    let sql = match table {
        "family" => "SELECT id FROM family WHERE id = ?1".to_owned(),
        "cadre" => return Ok(None),
        "visit_score" => {
            "SELECT v.family_id FROM visit_score s JOIN home_visit v ON v.id = s.visit_id
             WHERE s.id = ?1"
                .to_owned()
        }
        _ => format!("SELECT family_id FROM {table} WHERE id = ?1"),
    };
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// The family an incoming record names: its own id, its `family_id`, or (a visit score)
/// its visit's family, found in the bundle or on this device.
fn incoming_family(
    conn: &Connection,
    record: &Incoming,
    in_bundle: &HashMap<(&str, &str), String>,
) -> Result<Option<String>, ImportError> {
    let text = |column: &str| record.body.get(column).and_then(Value::as_str);
    match record.table.name {
        "family" => Ok(Some(record.id.clone())),
        "cadre" => Ok(None),
        "visit_score" => {
            let Some(visit) = text("visit_id") else {
                return Ok(None);
            };
            match in_bundle.get(&("home_visit", visit)) {
                Some(family) => Ok(Some(family.clone())),
                None => local_family(conn, "home_visit", visit),
            }
        }
        _ => Ok(text("family_id").map(str::to_owned)),
    }
}

fn not_named(table: &str, id: &str) -> ImportError {
    ImportError::NotNamed {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

fn other_family(table: &str, id: &str) -> ImportError {
    ImportError::OtherFamily {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

/// Refuses the whole bundle if any line reaches beyond the families it names.
pub fn check(conn: &Connection, bundle: &Bundle) -> Result<(), ImportError> {
    let named: HashSet<&str> = bundle
        .header
        .family_ids
        .iter()
        .map(String::as_str)
        .collect();
    let mut families: HashMap<(&str, &str), String> = HashMap::new();
    let mut cadres_of_visits: HashSet<&str> = HashSet::new();
    for record in &bundle.records {
        let (table, id) = (record.table.name, record.id.as_str());
        if table == "cadre" {
            continue; // checked below: only the cadres of this bundle's visits travel
        }
        let family =
            incoming_family(conn, record, &families)?.ok_or_else(|| not_named(table, id))?;
        if !named.contains(family.as_str()) {
            return Err(not_named(table, id));
        }
        check_parents(conn, record, &family, &families)?;
        if local_family(conn, table, id)?.is_some_and(|here| here != family) {
            return Err(other_family(table, id));
        }
        if table == "home_visit"
            && let Some(cadre) = record.body.get("cadre_id").and_then(Value::as_str)
        {
            cadres_of_visits.insert(cadre);
        }
        families.insert((table, id), family);
    }
    if let Some(cadre) = bundle
        .records
        .iter()
        .find(|r| r.table.name == "cadre" && !cadres_of_visits.contains(r.id.as_str()))
    {
        return Err(not_named("cadre", &cadre.id));
    }
    for tombstone in &bundle.tombstones {
        let (table, id) = (tombstone.table.name, tombstone.id.as_str());
        let family = tombstone.deleted.family_id.as_deref().unwrap_or_default();
        if !named.contains(family) {
            return Err(not_named(table, id));
        }
        if local_family(conn, table, id)?.is_some_and(|here| here != family) {
            return Err(other_family(table, id));
        }
    }
    Ok(())
}

/// A child's parents (a rating's session, a visit score's visit) belong to its family.
fn check_parents(
    conn: &Connection,
    record: &Incoming,
    family: &str,
    families: &HashMap<(&str, &str), String>,
) -> Result<(), ImportError> {
    for (parent_table, column) in record.table.parents {
        if matches!(*parent_table, "family" | "cadre") {
            continue; // the family is the record's own; a cadre belongs to no family
        }
        let Some(parent) = record.body.get(*column).and_then(Value::as_str) else {
            continue;
        };
        let parent_family = match families.get(&(*parent_table, parent)) {
            Some(f) => Some(f.clone()),
            None => local_family(conn, parent_table, parent)?,
        };
        if parent_family.is_some_and(|f| f != family) {
            return Err(other_family(record.table.name, &record.id));
        }
    }
    Ok(())
}
