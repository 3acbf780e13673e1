//! What the baby had yesterday: the recalls of one family, as the core reads them
//! (`domain::feeding`). One row per answer, never edited.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, params};

use super::Result;
use crate::domain::feeding::{self, Feeding, FoodItem, RecallRow};
use crate::domain::record::RecordMeta;

/// One answer, as the mother or the cadre gave it.
pub struct RecallEntry<'a> {
    pub recalled_on: NaiveDate,
    pub items: &'a [FoodItem],
    /// Since birth: was anything but breast milk ever given (`None`: not asked).
    pub ever_other: Option<bool>,
    pub first_other_on: Option<NaiveDate>,
    /// `mother` or `cadre` (`domain::feeding::RECORDERS`).
    pub recorded_by: &'static str,
}

pub fn insert_recall(
    conn: &Connection,
    family_id: &str,
    entry: &RecallEntry,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<String> {
    let m = RecordMeta::new(device_id, now);
    let items: Vec<&str> = entry.items.iter().map(|i| i.as_str()).collect();
    conn.execute(
        "INSERT INTO feeding_recall (id, device_id, created_at, updated_at, family_id,
             recalled_on, items, ever_other, first_other_on, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            family_id,
            entry.recalled_on.to_string(),
            items.join(","),
            entry.ever_other.map(|yes| if yes { "yes" } else { "no" }),
            entry.first_other_on.map(|d| d.to_string()),
            entry.recorded_by,
        ],
    )?;
    Ok(m.id)
}

/// The family's feeding record (`birth`: `None` before the birth), as the core reads
/// its stored answers (`feeding::from_rows`).
pub fn get_feeding(
    conn: &Connection,
    family_id: &str,
    birth: Option<NaiveDate>,
) -> Result<Feeding> {
    Ok(feeding::from_rows(
        birth,
        &list_recall_rows(conn, family_id)?,
    ))
}

/// The family's answers, oldest first.
pub fn list_recall_rows(conn: &Connection, family_id: &str) -> Result<Vec<RecallRow>> {
    let mut statement = conn.prepare_cached(
        "SELECT recalled_on, items, ever_other, first_other_on FROM feeding_recall
         WHERE family_id = ?1 ORDER BY recalled_on, created_at",
    )?;
    let rows = statement
        .query_map([family_id], |r| {
            Ok(RecallRow {
                recalled_on: r.get(0)?,
                items: r.get(1)?,
                ever_other: r.get(2)?,
                first_other_on: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
