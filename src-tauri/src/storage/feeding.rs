//! What the baby had yesterday: the recalls of one family, as the core reads them
//! (`domain::feeding`). One row per answer, never edited.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, params};

use super::Result;
use crate::domain::feeding::{Feeding, FoodItem, Recall};
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

/// The family's feeding record: every recall, and the earliest day the family said
/// anything but breast milk was first given. `birth` is `None` before the birth.
pub fn get_feeding(
    conn: &Connection,
    family_id: &str,
    birth: Option<NaiveDate>,
) -> Result<Feeding> {
    let mut statement = conn.prepare(
        "SELECT recalled_on, items, ever_other, first_other_on FROM feeding_recall
         WHERE family_id = ?1 ORDER BY recalled_on, created_at",
    )?;
    let rows = statement.query_map([family_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    let mut feeding = Feeding {
        birth,
        ..Feeding::default()
    };
    for row in rows {
        let (recalled_on, items, ever_other, first_other_on) = row?;
        let Some(recalled_on) = date(&recalled_on) else {
            continue;
        };
        feeding.recalls.push(Recall {
            recalled_on,
            items: items.split(',').filter_map(FoodItem::parse).collect(),
        });
        if ever_other.as_deref() == Some("yes") {
            // "Yes, but I do not remember when": known by the day of the answer.
            let first = first_other_on
                .as_deref()
                .and_then(date)
                .unwrap_or(recalled_on);
            feeding.first_other_on = Some(feeding.first_other_on.map_or(first, |f| f.min(first)));
        }
    }
    Ok(feeding)
}

/// Whether the family already answered the since-birth question (yes or no).
pub fn has_since_birth_answer(conn: &Connection, family_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM feeding_recall WHERE family_id = ?1 AND ever_other IS NOT NULL)",
        [family_id],
        |r| r.get(0),
    )?)
}
