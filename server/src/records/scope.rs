//! What a push may change. Whose each record is comes from the core (`bundle::owner`,
//! the app's import asks the same); here the server adds what only it knows: which
//! families this device may change now, and which tables its kind of phone may write.

use ayah_asi_core::bundle::owner::{self, OwnerError};
use ayah_asi_core::bundle::plan::Plan;
use ayah_asi_core::bundle::{Bundle, Decision};
use deadpool_postgres::Transaction;

use super::snapshot::Snapshot;
use super::{SyncError, exec, out_of_scope, row_opt, rows};
use crate::org::Device;

/// What a push may change: each record's family, in the bundle's order, and the named
/// families not yet assigned to anyone (they become the device's cadre's).
pub(super) struct Scope {
    pub of_record: Vec<Option<String>>,
    pub unassigned: Vec<String>,
}

/// Takes the lock that orders syncs of the device's families (`lock` is
/// `LOCK_FOR_PUSH` or `LOCK_FOR_PULL`): the lock of the cadre who has them now. A
/// family's phone follows its family, so a move (which holds both cadres' locks) never
/// lets its pushes interleave with the new cadre's pulls.
pub(super) async fn lock_families(
    tx: &Transaction<'_>,
    device: &Device,
    lock: &str,
) -> Result<(), SyncError> {
    match &device.family_id {
        Some(family) => lock_cadre_of(tx, family, lock, Some(device.cadre_id)).await,
        None => {
            exec(tx, lock, &[&device.cadre_id]).await?;
            Ok(())
        }
    }
}

/// Takes `lock` of the cadre `family` is assigned to (`unassigned`'s when it is none's;
/// nothing when that is `None` too), asked again once locked: a move may have finished
/// in between. A lock taken again in the same transaction is already held.
pub(crate) async fn lock_cadre_of(
    tx: &Transaction<'_>,
    family: &str,
    lock: &str,
    unassigned: Option<i64>,
) -> Result<(), SyncError> {
    let mut locked = Vec::new();
    loop {
        let Some(cadre) = assigned_cadre(tx, family).await?.or(unassigned) else {
            return Ok(());
        };
        if locked.contains(&cadre) {
            return Ok(());
        }
        exec(tx, lock, &[&cadre]).await?;
        locked.push(cadre);
    }
}

/// The cadre a family is assigned to now, if any.
async fn assigned_cadre(tx: &Transaction<'_>, family: &str) -> Result<Option<i64>, SyncError> {
    Ok(row_opt(
        tx,
        "SELECT cadre_id FROM family_assignment WHERE family_id = $1",
        &[&family],
    )
    .await?
    .map(|r| r.get(0)))
}

/// The families this device may change: a family's phone its own; a cadre's phone those
/// assigned to her, and new ones (not yet on the server), which become hers. Every
/// record and deletion must then be of those families, as the core decides it.
pub(super) async fn check_scope(
    tx: &Transaction<'_>,
    device: &Device,
    bundle: &Bundle,
    snap: &Snapshot,
) -> Result<Scope, SyncError> {
    let named = &bundle.header.family_ids;
    if let Some(own) = &device.family_id
        && let Some(other) = named.iter().find(|f| *f != own)
    {
        return Err(out_of_scope("family", other));
    }
    // One read for every named family: whose is it now?
    let mut unassigned: Vec<String> = named.clone();
    for row in rows(
        tx,
        "SELECT family_id, cadre_id FROM family_assignment WHERE family_id = ANY($1)",
        &[named],
    )
    .await?
    {
        let (family, cadre): (String, i64) = (row.get(0), row.get(1));
        // A family's phone follows its family to whichever cadre has it now.
        if device.family_id.is_none() && cadre != device.cadre_id {
            return Err(out_of_scope("family", &family));
        }
        unassigned.retain(|f| *f != family);
    }
    let of_record = owner::check(snap, bundle).map_err(|error| match error {
        OwnerError::NotNamed { table, id } | OwnerError::OtherFamily { table, id } => {
            SyncError::OutOfScope { table, id }
        }
        OwnerError::Store(never) => match never {},
    })?;
    Ok(Scope {
        of_record,
        unassigned,
    })
}

/// A family's phone adds, changes or deletes nothing of what only a cadre writes (her
/// visits, their scores, trainings). The same records coming back unchanged from a
/// family's phone (it received them) are "known" and pass.
pub(super) fn check_writers(
    device: &Device,
    bundle: &Bundle,
    planned: &Plan,
    snap: &Snapshot,
) -> Result<(), SyncError> {
    let family_phone = device.family_id.is_some();
    for (record, (decision, _)) in bundle.records.iter().zip(&planned.decisions) {
        let changes = matches!(
            decision,
            Decision::New | Decision::Updated | Decision::Conflict
        );
        if changes && !owner::may_write(record.table, family_phone) {
            return Err(out_of_scope(record.table.name, &record.id));
        }
    }
    // A deletion of what only a cadre writes: from a family's phone only when the server
    // already has the very same deletion (it sends back what it received). A deletion of
    // such a record not yet here would stop the cadre's record when it comes.
    for tombstone in &bundle.tombstones {
        let family = tombstone.deleted.family_id.as_deref().unwrap_or_default();
        if !owner::may_write(tombstone.table, family_phone)
            && !snap.has_tombstone(tombstone.table.name, &tombstone.id, family)
        {
            return Err(out_of_scope(tombstone.table.name, &tombstone.id));
        }
    }
    Ok(())
}
