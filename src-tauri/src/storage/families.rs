//! The family profile and its consent records.

use super::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::domain::family::Family;
use crate::domain::record::RecordMeta;

/// A family as stored, with its record identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyRecord {
    pub meta: RecordMeta,
    pub family: Family,
}

/// The mother's consent to record her health data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    pub meta: RecordMeta,
    pub family_id: String,
    pub text_version: String,
    pub given_at: String,
}

pub fn insert_family(conn: &Connection, record: &FamilyRecord) -> Result<()> {
    let (m, f) = (&record.meta, &record.family);
    conn.execute(
        "INSERT INTO family (id, device_id, created_at, updated_at, father_name, mother_name,
                             baby_birth_date, posyandu, rw, rt, mother_age, mother_education, parity,
                             pregnant)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            f.father_name,
            f.mother_name,
            f.baby_birth_date.format("%Y-%m-%d").to_string(),
            f.posyandu,
            f.rw,
            f.rt,
            f.characteristics.mother_age,
            f.characteristics.mother_education,
            f.characteristics.parity,
            f.pregnant.then_some(1)
        ],
    )?;
    Ok(())
}

pub fn insert_consent(conn: &Connection, consent: &ConsentRecord) -> Result<()> {
    let m = &consent.meta;
    conn.execute(
        "INSERT INTO consent (id, device_id, created_at, updated_at, family_id, kind,
                              text_version, given_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'health-data', ?6, ?7)",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            consent.family_id,
            consent.text_version,
            consent.given_at
        ],
    )?;
    Ok(())
}

/// The family this device was set up for (not one a cadre registered on it).
pub fn get_own_family(conn: &Connection) -> Result<Option<FamilyRecord>> {
    Ok(conn
        .query_row(
            "SELECT id, device_id, created_at, updated_at, father_name, mother_name,
                    baby_birth_date, posyandu, rw, rt, mother_age, mother_education, parity, pregnant
             FROM family WHERE registered_by = 'family' ORDER BY created_at, id LIMIT 1",
            [],
            family_from_row,
        )
        .optional()?)
}

/// How many families registered themselves on this device (onboarding runs once).
pub fn get_own_family_count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM family WHERE registered_by = 'family'",
        [],
        |row| row.get(0),
    )?)
}

pub fn get_family(conn: &Connection, id: &str) -> Result<Option<FamilyRecord>> {
    Ok(conn
        .query_row(
            "SELECT id, device_id, created_at, updated_at, father_name, mother_name,
                    baby_birth_date, posyandu, rw, rt, mother_age, mother_education, parity, pregnant
             FROM family WHERE id = ?1",
            [id],
            family_from_row,
        )
        .optional()?)
}

/// Every family on this device, its own and those a cadre registered.
pub fn list_families(conn: &Connection) -> Result<Vec<FamilyRecord>> {
    let mut stmt = conn.prepare(
        "SELECT id, device_id, created_at, updated_at, father_name, mother_name,
                baby_birth_date, posyandu, rw, rt, mother_age, mother_education, parity, pregnant
         FROM family ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([], family_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Saves an edit of a family's profile as its next version, keeping the one it
/// replaces. Returns false when nothing changed. Call inside a transaction.
pub fn update_family(
    conn: &Connection,
    id: &str,
    family: &Family,
    device_id: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<bool> {
    match get_family(conn, id)? {
        Some(current) if current.family == *family => return Ok(false),
        Some(_) => {}
        None => return Ok(false),
    }
    if let Some(spec) = crate::domain::bundle::table("family") {
        super::transfer::insert_current_into_history(conn, spec, id, now)?;
    }
    let c = &family.characteristics;
    conn.execute(
        "UPDATE family SET father_name = ?2, mother_name = ?3, baby_birth_date = ?4, posyandu = ?5,
             rw = ?6, rt = ?7, mother_age = ?8, mother_education = ?9, parity = ?10,
             updated_at = ?11, device_id = ?12, pregnant = ?13, row_version = row_version + 1
         WHERE id = ?1",
        params![
            id,
            family.father_name,
            family.mother_name,
            family.baby_birth_date.format("%Y-%m-%d").to_string(),
            family.posyandu,
            family.rw,
            family.rt,
            c.mother_age,
            c.mother_education,
            c.parity,
            crate::domain::record::format_time(now),
            device_id,
            family.pregnant.then_some(1)
        ],
    )?;
    Ok(true)
}

/// The families cadre mode shows (see [`super::cadre::VISIBLE_TO_CADRE`]).
pub fn list_families_visible_to_cadre(conn: &Connection) -> Result<Vec<FamilyRecord>> {
    let sql = format!(
        "SELECT id, device_id, created_at, updated_at, father_name, mother_name,
                baby_birth_date, posyandu, rw, rt, mother_age, mother_education, parity, pregnant
         FROM family WHERE {} ORDER BY created_at, id",
        super::cadre::VISIBLE_TO_CADRE
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], family_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks a family as registered by a cadre (on her device) rather than by itself.
pub fn update_registered_by_cadre(conn: &Connection, id: &str) -> Result<()> {
    conn.execute(
        "UPDATE family SET registered_by = 'cadre' WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

pub fn list_consents(conn: &Connection, family_id: &str) -> Result<Vec<ConsentRecord>> {
    let mut stmt = conn.prepare(
        "SELECT id, device_id, created_at, updated_at, family_id, text_version, given_at
         FROM consent WHERE family_id = ?1 ORDER BY given_at",
    )?;
    let rows = stmt.query_map([family_id], |row| {
        Ok(ConsentRecord {
            meta: meta_from_row(row)?,
            family_id: row.get(4)?,
            text_version: row.get(5)?,
            given_at: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn family_from_row(row: &Row) -> rusqlite::Result<FamilyRecord> {
    let birth: String = row.get(6)?;
    let baby_birth_date = NaiveDate::parse_from_str(&birth, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(FamilyRecord {
        meta: meta_from_row(row)?,
        family: Family {
            father_name: row.get(4)?,
            mother_name: row.get(5)?,
            baby_birth_date,
            pregnant: row.get::<_, Option<i64>>(13)?.is_some(),
            posyandu: row.get(7)?,
            rw: row.get(8)?,
            rt: row.get(9)?,
            characteristics: crate::domain::family::Characteristics {
                mother_age: row.get(10)?,
                mother_education: row.get(11)?,
                parity: row.get(12)?,
            },
        },
    })
}

/// Reads the four identity columns, which every record table puts first.
fn meta_from_row(row: &Row) -> rusqlite::Result<RecordMeta> {
    Ok(RecordMeta {
        id: row.get(0)?,
        device_id: row.get(1)?,
        created_at: row.get(2)?,
        updated_at: row.get(3)?,
    })
}

/// Stores a new family and the mother's consent to the current consent text, both
/// written now on `device_id`. Call inside a transaction.
pub fn register(
    conn: &Connection,
    family: Family,
    device_id: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<FamilyRecord> {
    let record = FamilyRecord {
        meta: RecordMeta::new(device_id, now),
        family,
    };
    insert_family(conn, &record)?;
    insert_current_consent(conn, &record.meta.id, device_id, now)?;
    Ok(record)
}

/// Records the mother's consent to the current consent text, given now.
pub fn insert_current_consent(
    conn: &Connection,
    family_id: &str,
    device_id: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<()> {
    let meta = RecordMeta::new(device_id, now);
    let given_at = meta.created_at.clone();
    insert_consent(
        conn,
        &ConsentRecord {
            meta,
            family_id: family_id.to_owned(),
            text_version: crate::domain::family::CONSENT_TEXT_VERSION.to_owned(),
            given_at,
        },
    )
}

/// Whether the family's mother agreed to the consent text as it reads now.
pub fn get_consent_is_current(conn: &Connection, family_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM consent WHERE family_id = ?1 AND text_version = ?2)",
        params![family_id, crate::domain::family::CONSENT_TEXT_VERSION],
        |r| r.get(0),
    )?)
}

/// The core's `family::SERVER_CONSENT_VERSIONS` as a JSON array, for SQL's `json_each`.
pub(super) fn server_consent_versions() -> String {
    serde_json::to_string(&crate::domain::family::SERVER_CONSENT_VERSIONS).unwrap_or_default()
}

/// Of these families, those whose mother agreed to a consent text that names the
/// puskesmas server (the core's `family::SERVER_CONSENT_VERSIONS`): only they are pushed.
pub fn list_with_server_consent(
    conn: &Connection,
    family_ids: &[String],
) -> Result<std::collections::HashSet<String>> {
    let versions = server_consent_versions();
    let mut stmt = conn.prepare_cached(
        "SELECT 1 FROM consent WHERE family_id = ?1
         AND text_version IN (SELECT value FROM json_each(?2))",
    )?;
    let mut agreed = std::collections::HashSet::new();
    for family in family_ids {
        if stmt.exists(params![family, versions])? {
            agreed.insert(family.clone());
        }
    }
    Ok(agreed)
}
