//! The organisation and pairing: puskesmas, posyandu and cadres (made with the command
//! line for now), one-time pairing codes, paired devices and their tokens.

use deadpool_postgres::Pool;

use crate::db::DbError;
use crate::secret;

/// Pairing codes expire after this long.
pub const CODE_HOURS: i64 = 24;

#[derive(Debug, thiserror::Error)]
pub enum OrgError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("the pairing code is unknown, used or expired")]
    BadCode,
    #[error("not this device's family")]
    NotYours,
    #[error(transparent)]
    Random(#[from] secret::NoRandom),
}

impl From<tokio_postgres::Error> for OrgError {
    fn from(error: tokio_postgres::Error) -> Self {
        Self::Db(error.into())
    }
}

impl From<deadpool_postgres::PoolError> for OrgError {
    fn from(error: deadpool_postgres::PoolError) -> Self {
        Self::Db(error.into())
    }
}

/// A paired device and what it may sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    pub id: i64,
    pub cadre_id: i64,
    /// A family's phone: only this family.
    pub family_id: Option<String>,
}

pub async fn add_puskesmas(pool: &Pool, name: &str) -> Result<i64, OrgError> {
    let client = pool.get().await?;
    let row = client
        .query_one(
            "INSERT INTO puskesmas (name) VALUES ($1) RETURNING id",
            &[&name],
        )
        .await?;
    Ok(row.get(0))
}

/// A district (Dinas Kesehatan) above the puskesmas.
pub async fn add_district(pool: &Pool, name: &str) -> Result<i64, OrgError> {
    let client = pool.get().await?;
    let row = client
        .query_one(
            "INSERT INTO district (name) VALUES ($1) RETURNING id",
            &[&name],
        )
        .await?;
    Ok(row.get(0))
}

/// Places the puskesmas of this name in the district of this name (both by name, as
/// the command line gives them).
pub async fn set_district(pool: &Pool, puskesmas: &str, district: &str) -> Result<(), OrgError> {
    let client = pool.get().await?;
    let district_id: i64 = client
        .query_opt("SELECT id FROM district WHERE name = $1", &[&district])
        .await?
        .ok_or(OrgError::NotFound("district"))?
        .get(0);
    let changed = client
        .execute(
            "UPDATE puskesmas SET district_id = $2 WHERE name = $1",
            &[&puskesmas, &district_id],
        )
        .await?;
    if changed == 0 {
        return Err(OrgError::NotFound("puskesmas"));
    }
    Ok(())
}

pub async fn add_posyandu(pool: &Pool, puskesmas: &str, name: &str) -> Result<i64, OrgError> {
    let client = pool.get().await?;
    let row = client
        .query_opt(
            "INSERT INTO posyandu (puskesmas_id, name)
             SELECT id, $2 FROM puskesmas WHERE name = $1 RETURNING id",
            &[&puskesmas, &name],
        )
        .await?
        .ok_or(OrgError::NotFound("puskesmas"))?;
    Ok(row.get(0))
}

pub async fn add_cadre(pool: &Pool, posyandu_id: i64, name: &str) -> Result<i64, OrgError> {
    let client = pool.get().await?;
    let row = client
        .query_opt(
            "INSERT INTO cadre (posyandu_id, name) SELECT id, $2 FROM posyandu WHERE id = $1 RETURNING id",
            &[&posyandu_id, &name],
        )
        .await?
        .ok_or(OrgError::NotFound("posyandu"))?;
    Ok(row.get(0))
}

/// A one-time code for the cadre's phone, or (with `family_id`) a family's phone of hers.
pub async fn make_pairing_code(
    pool: &Pool,
    cadre_id: i64,
    family_id: Option<&str>,
) -> Result<String, OrgError> {
    insert_code(pool, cadre_id, family_id, None).await
}

/// A code, remembering the phone that asked for it (`made_by`): revoking that phone
/// voids it while unspent.
async fn insert_code(
    pool: &Pool,
    cadre_id: i64,
    family_id: Option<&str>,
    made_by: Option<i64>,
) -> Result<String, OrgError> {
    let code = secret::pairing_code()?;
    let client = pool.get().await?;
    // Codes a day past their time are of no use to anyone: they go, so asking for codes
    // never fills the disk.
    client
        .execute(
            "DELETE FROM pairing_code WHERE used_at IS NULL AND expires_at < now() - interval '1 day'",
            &[],
        )
        .await?;
    // One statement: a family's code only while the family is this cadre's.
    let made = client
        .execute(
            "INSERT INTO pairing_code (code_hash, cadre_id, family_id, expires_at, made_by)
             SELECT $1, id, $3, now() + make_interval(hours => $4), $5 FROM cadre WHERE id = $2
               AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM family_assignment a
                    WHERE a.family_id = $3 AND a.cadre_id = $2 AND a.erased_at IS NULL))",
            &[
                &secret::hash(&code),
                &cadre_id,
                &family_id,
                &(CODE_HOURS as i32),
                &made_by,
            ],
        )
        .await?;
    if made == 0 {
        return Err(OrgError::NotFound("cadre"));
    }
    Ok(code)
}

pub use ayah_asi_core::sync::wire::Paired;

/// Spends a code (once, before it expires) and returns the new device's token.
/// Pairs a phone with a one-time code; the audit trail shows the pairing (which cadre,
/// a family's phone or hers, from where), for the admin's pairings too.
pub async fn pair(
    pool: &Pool,
    code: &str,
    app_version: &str,
    address: &str,
) -> Result<Paired, OrgError> {
    let token = secret::device_token()?;
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    // A family's code pairs only while its family is still its cadre's (a move voids
    // codes, and this closes the race with one made just before).
    let spent = tx
        .query_opt(
            "UPDATE pairing_code c SET used_at = now()
             WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
               AND (c.family_id IS NULL OR EXISTS (SELECT 1 FROM family_assignment a
                    WHERE a.family_id = c.family_id AND a.cadre_id = c.cadre_id
                      AND a.erased_at IS NULL))
             RETURNING cadre_id, family_id, made_by",
            &[&secret::hash(code)],
        )
        .await?
        .ok_or(OrgError::BadCode)?;
    let (cadre_id, family_id, made_by): (i64, Option<String>, Option<i64>) =
        (spent.get(0), spent.get(1), spent.get(2));
    let device: i64 = tx
        .query_one(
            "INSERT INTO device (token_hash, cadre_id, family_id, app_version, paired_by)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            &[
                &secret::hash(&token),
                &cadre_id,
                &family_id,
                &app_version,
                &made_by,
            ],
        )
        .await?
        .get(0);
    let whose = match &family_id {
        Some(_) => "a family's phone",
        None => "the cadre's phone",
    };
    crate::audit::audit_line(
        &tx,
        None,
        "device-paired",
        &format!("device {device}: {whose}, cadre {cadre_id}"),
        address,
    )
    .await?;
    tx.commit().await?;
    Ok(Paired { token, family_id })
}

/// A code for a family's phone, asked for by her cadre's phone: only for a family
/// assigned to that cadre (her phone has pushed it, or it was moved to her).
pub async fn make_family_code(
    pool: &Pool,
    device: &Device,
    family_id: &str,
) -> Result<String, OrgError> {
    if device.family_id.is_some() {
        return Err(OrgError::NotYours);
    }
    insert_code(pool, device.cadre_id, Some(family_id), Some(device.id))
        .await
        .map_err(|e| match e {
            OrgError::NotFound(_) => OrgError::NotYours,
            other => other,
        })
}

/// The device a token belongs to, unless it was revoked.
pub async fn device_of(pool: &Pool, token: &str) -> Result<Option<Device>, OrgError> {
    let client = pool.get().await?;
    // Asked before every push and pull: prepared once per connection.
    let statement = client
        .prepare_cached(
            "SELECT id, cadre_id, family_id FROM device WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .await?;
    let row = client
        .query_opt(&statement, &[&secret::hash(token)])
        .await?;
    Ok(row.map(|r| Device {
        id: r.get(0),
        cadre_id: r.get(1),
        family_id: r.get(2),
    }))
}

/// Refuses a device from now on (its records stay), voids the unspent codes it asked
/// for, and revokes the family phones those codes paired (a stolen cadre's phone leaves
/// no door open behind it; the family's cadre gives it a new code).
pub async fn revoke(pool: &Pool, device_id: i64) -> Result<(), OrgError> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let changed = tx
        .execute(
            "UPDATE device SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL",
            &[&device_id],
        )
        .await?;
    if changed == 0 {
        return Err(OrgError::NotFound("device"));
    }
    tx.execute(
        "UPDATE pairing_code SET expires_at = now() WHERE made_by = $1 AND used_at IS NULL",
        &[&device_id],
    )
    .await?;
    tx.execute(
        "UPDATE device SET revoked_at = now() WHERE paired_by = $1 AND revoked_at IS NULL",
        &[&device_id],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves a family to another cadre: an explicit act, recorded with who did it. The new
/// cadre's phone receives the family's records at its next pull; the old one's no more.
pub async fn move_family(
    pool: &Pool,
    family_id: &str,
    to_cadre: i64,
    by_whom: &str,
) -> Result<(), OrgError> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let from: i64 = tx
        .query_opt(
            "SELECT cadre_id FROM family_assignment WHERE family_id = $1 FOR UPDATE",
            &[&family_id],
        )
        .await?
        .ok_or(OrgError::NotFound("family"))?
        .get(0);
    // Both cadres' syncs wait for the move (in one order, so two moves never deadlock):
    // no pull numbers past a record the move renumbers.
    for cadre in [from.min(to_cadre), from.max(to_cadre)] {
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&cadre])
            .await?;
    }
    let moved = tx
        .execute(
            "UPDATE family_assignment SET cadre_id = c.id, assigned_at = now()
             FROM cadre c WHERE c.id = $2 AND family_assignment.family_id = $1",
            &[&family_id, &to_cadre],
        )
        .await?;
    if moved == 0 {
        return Err(OrgError::NotFound("cadre"));
    }
    tx.execute(
        "INSERT INTO family_transfer (family_id, from_cadre, to_cadre, by_whom) VALUES ($1, $2, $3, $4)",
        &[&family_id, &from, &to_cadre, &by_whom],
    )
    .await?;
    // Her records and deletions reach the new cadre from the start, whatever their
    // change number.
    for renumber in [
        "UPDATE record SET seq = nextval('change_seq') WHERE family_id = $1",
        "UPDATE tombstone SET seq = nextval('change_seq') WHERE family_id = $1",
    ] {
        tx.execute(renumber, &[&family_id]).await?;
    }
    // The old cadre's doors into the family close: her unspent codes for it, and the
    // family phones paired through her (the new cadre gives the family a new code).
    tx.execute(
        "UPDATE pairing_code SET expires_at = now() WHERE family_id = $1 AND used_at IS NULL",
        &[&family_id],
    )
    .await?;
    tx.execute(
        "UPDATE device SET revoked_at = now()
         WHERE family_id = $1 AND cadre_id = $2 AND revoked_at IS NULL",
        &[&family_id, &from],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
