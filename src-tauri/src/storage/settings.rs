//! Small key/value settings of this device (e.g. the chosen language).

use super::Result;
use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::record::format_time;

/// The key under which the UI language is kept.
pub const LANGUAGE: &str = "language";
/// Whether the guided massage speaks its steps: on unless this holds [`OFF`].
pub const SPEECH: &str = "speech";
pub const ON: &str = "on";
pub const OFF: &str = "off";

pub fn get_setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

pub fn update_setting(
    conn: &Connection,
    key: &str,
    value: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![key, value, format_time(now)],
    )?;
    Ok(())
}
