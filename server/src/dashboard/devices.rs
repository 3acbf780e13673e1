//! Cadres and their phones: each cadre's paired devices (last sync, app version),
//! families assigned to her; pairing codes, revoking and moving a family, each only
//! within the scope (the org functions do the act).

use chrono::{DateTime, Utc};
use deadpool_postgres::Pool;

use super::{DashboardError, Scope, scoped_rows};
use crate::org;

#[derive(Debug, Clone)]
pub struct CadreLine {
    pub id: i64,
    pub name: String,
    pub posyandu: String,
    pub families: i64,
    pub devices: Vec<DeviceLine>,
}

#[derive(Debug, Clone)]
pub struct DeviceLine {
    pub id: i64,
    /// A family's phone: the father's name; `None`: the cadre's own phone.
    pub family: Option<String>,
    pub paired_at: DateTime<Utc>,
    pub last_sync_at: Option<DateTime<Utc>>,
    pub app_version: Option<String>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The families assigned to each cadre in scope: (cadre, family id, father's name).
pub async fn families_by_cadre(
    pool: &Pool,
    scope: &Scope,
) -> Result<Vec<(i64, String, String)>, DashboardError> {
    let rows = scoped_rows(
        pool,
        scope,
        &format!(
            "WITH {}
             SELECT fam.cadre_id, fam.family_id, coalesce(f.body->>'father_name', '')
             FROM fam JOIN record f ON f.table_name = 'family' AND f.id = fam.family_id
             ORDER BY lower(f.body->>'father_name')",
            super::IN_SCOPE
        ),
        &[],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

/// Every cadre in scope with her devices, by posyandu and name.
pub async fn list(pool: &Pool, scope: &Scope) -> Result<Vec<CadreLine>, DashboardError> {
    let cadres = scoped_rows(
        pool,
        scope,
        concat!(
            "SELECT c.id, c.name, p.name,
                (SELECT count(*) FROM family_assignment a
                 WHERE a.cadre_id = c.id AND a.erased_at IS NULL)
         FROM cadre c JOIN posyandu p ON p.id = c.posyandu_id
         WHERE ",
            posyandu_in_scope!(),
            "
         ORDER BY p.name, c.name"
        ),
        &[],
    )
    .await?;
    let devices = scoped_rows(
        pool,
        scope,
        concat!(
            "SELECT d.id, d.cadre_id,
                CASE WHEN d.family_id IS NOT NULL THEN coalesce(f.body->>'father_name', '') END,
                d.paired_at, d.last_sync_at,
                d.app_version, d.revoked_at
         FROM device d JOIN cadre c ON c.id = d.cadre_id JOIN posyandu p ON p.id = c.posyandu_id
         LEFT JOIN record f ON f.table_name = 'family' AND f.id = d.family_id
         WHERE ",
            posyandu_in_scope!(),
            "
         ORDER BY d.revoked_at NULLS FIRST, d.paired_at"
        ),
        &[],
    )
    .await?;
    Ok(cadres
        .iter()
        .map(|c| {
            let id: i64 = c.get(0);
            CadreLine {
                id,
                name: c.get(1),
                posyandu: c.get(2),
                families: c.get(3),
                devices: devices
                    .iter()
                    .filter(|d| d.get::<_, i64>(1) == id)
                    .map(|d| DeviceLine {
                        id: d.get(0),
                        family: d.get(2),
                        paired_at: d.get(3),
                        last_sync_at: d.get(4),
                        app_version: d.get(5),
                        revoked_at: d.get(6),
                    })
                    .collect(),
            }
        })
        .collect())
}

async fn cadre_in_scope(pool: &Pool, scope: &Scope, cadre: i64) -> Result<(), DashboardError> {
    let found = scoped_rows(
        pool,
        scope,
        concat!(
            "SELECT 1 FROM cadre c JOIN posyandu p ON p.id = c.posyandu_id
         WHERE ",
            posyandu_in_scope!(),
            " AND c.id = $3"
        ),
        &[&cadre],
    )
    .await?;
    if found.is_empty() {
        return Err(DashboardError::NotFound);
    }
    Ok(())
}

/// A one-time pairing code for a cadre's phone, if she is in scope.
pub async fn pairing_code(
    pool: &Pool,
    scope: &Scope,
    cadre: i64,
) -> Result<String, DashboardError> {
    cadre_in_scope(pool, scope, cadre).await?;
    Ok(org::make_pairing_code(pool, cadre, None).await?)
}

/// Revokes a device of a cadre in scope.
pub async fn revoke(pool: &Pool, scope: &Scope, device: i64) -> Result<(), DashboardError> {
    let owner = pool
        .get()
        .await?
        .query_opt("SELECT cadre_id FROM device WHERE id = $1", &[&device])
        .await?
        .ok_or(DashboardError::NotFound)?;
    cadre_in_scope(pool, scope, owner.get(0)).await?;
    Ok(org::revoke(pool, device).await?)
}

/// Moves a family (of a cadre in scope) to another cadre in scope, recorded as `by`.
pub async fn move_family(
    pool: &Pool,
    scope: &Scope,
    family: &str,
    to_cadre: i64,
    by: &str,
) -> Result<(), DashboardError> {
    let from = pool
        .get()
        .await?
        .query_opt(
            "SELECT cadre_id FROM family_assignment WHERE family_id = $1 AND erased_at IS NULL",
            &[&family],
        )
        .await?
        .ok_or(DashboardError::NotFound)?;
    cadre_in_scope(pool, scope, from.get(0)).await?;
    cadre_in_scope(pool, scope, to_cadre).await?;
    Ok(org::move_family(pool, family, to_cadre, by).await?)
}

/// The longest cadre's name (the core's rule, which the table checks too).
pub const CADRE_NAME_MAX: usize = ayah_asi_core::cadre::NAME_MAX;
/// The longest posyandu's name (the table's check).
pub const POSYANDU_NAME_MAX: usize = 120;

/// A new cadre in a posyandu of the scope; `None` when the name is empty or too long.
pub async fn add_cadre(
    pool: &Pool,
    scope: &Scope,
    posyandu: i64,
    name: &str,
) -> Result<Option<i64>, DashboardError> {
    let name = name.trim();
    if !ayah_asi_core::cadre::is_valid_name(name) {
        return Ok(None);
    }
    let in_scope = scoped_rows(
        pool,
        scope,
        concat!(
            "SELECT 1 FROM posyandu p WHERE ",
            posyandu_in_scope!(),
            " AND p.id = $3"
        ),
        &[&posyandu],
    )
    .await?;
    if in_scope.is_empty() {
        return Err(DashboardError::NotFound);
    }
    Ok(Some(org::add_cadre(pool, posyandu, name).await?))
}

/// A new posyandu of the puskesmas; `None` when the name is empty, too long or taken.
pub async fn add_posyandu(
    pool: &Pool,
    puskesmas_id: i64,
    name: &str,
) -> Result<Option<i64>, DashboardError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > POSYANDU_NAME_MAX {
        return Ok(None);
    }
    let row = pool
        .get()
        .await?
        .query_opt(
            "INSERT INTO posyandu (puskesmas_id, name) VALUES ($1, $2)
             ON CONFLICT (puskesmas_id, name) DO NOTHING RETURNING id",
            &[&puskesmas_id, &name],
        )
        .await?;
    Ok(row.map(|r| r.get(0)))
}

/// Erases a family of the scope at the puskesmas (the mother asked in person): its cadre,
/// read once her pushes are locked out, must be in the scope, and the family not erased
/// already.
pub async fn erase_family(
    pool: &Pool,
    scope: &Scope,
    family: &str,
    reason: crate::records::ErasureReason,
    account: i64,
    address: &str,
) -> Result<u64, DashboardError> {
    let from_sync = |e: crate::records::SyncError| match e {
        crate::records::SyncError::Db(db) => DashboardError::Db(db),
        _ => DashboardError::NotFound,
    };
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    crate::records::lock_family(&tx, family)
        .await
        .map_err(from_sync)?;
    let cadre = tx
        .query_opt(
            "SELECT cadre_id FROM family_assignment WHERE family_id = $1 AND erased_at IS NULL",
            &[&family],
        )
        .await?
        .ok_or(DashboardError::NotFound)?;
    cadre_in_scope(pool, scope, cadre.get(0)).await?;
    let records = crate::records::erase_family(
        &tx,
        family,
        reason,
        crate::records::ErasedBy::Account(account),
        address,
    )
    .await
    .map_err(from_sync)?;
    tx.commit().await?;
    Ok(records)
}
