//! Push and pull. A push is a bundle: the core crate parses and checks it, decides
//! whose each record is (`bundle::owner`) and plans it with the same merge as the app;
//! this module only answers their questions from PostgreSQL and writes the result, in
//! one transaction. A pull returns a bundle. By job: what the server holds for a bundle
//! (`snapshot`), what a device may change (`scope`), writing a push (`write`), and
//! pulling (`pull`).

mod erase;
mod pull;
mod scope;
mod snapshot;
mod write;

pub(crate) use erase::lock_family;
pub use erase::{ErasedBy, ErasureReason, erase_expired, erase_family};
pub use pull::{
    PULL_LIMIT, PULL_PAGE_BYTES, PageLimit, Pulled, SERVER_DEVICE_ID, pull, pull_at_most,
};

use ayah_asi_core::bundle::plan::{self, Tally};
use ayah_asi_core::bundle::{self, BundleError, Decision};
use deadpool_postgres::{Pool, Transaction};
use serde_json::Value;

use crate::db::DbError;
use crate::org::Device;

type Params<'a> = [&'a (dyn tokio_postgres::types::ToSql + Sync)];

// Statements are prepared once per connection and kept: a push runs some ten of them,
// and parsing and planning each anew cost more than running it.
pub(crate) async fn exec(
    tx: &Transaction<'_>,
    sql: &str,
    params: &Params<'_>,
) -> Result<u64, SyncError> {
    let statement = tx.prepare_cached(sql).await?;
    Ok(tx.execute(&statement, params).await?)
}

pub(crate) async fn rows(
    tx: &Transaction<'_>,
    sql: &str,
    params: &Params<'_>,
) -> Result<Vec<tokio_postgres::Row>, SyncError> {
    let statement = tx.prepare_cached(sql).await?;
    Ok(tx.query(&statement, params).await?)
}

pub(crate) async fn row_opt(
    tx: &Transaction<'_>,
    sql: &str,
    params: &Params<'_>,
) -> Result<Option<tokio_postgres::Row>, SyncError> {
    let statement = tx.prepare_cached(sql).await?;
    Ok(tx.query_opt(&statement, params).await?)
}

// A sync's statements look records up by key, where a plan made once serves every
// sync. Left to choose, PostgreSQL planned two of them anew at each call (a tenth of
// its time in a burst of pushes, make bench-server); `set_config(..., true)` holds for
// this transaction only, so the dashboard's queries keep choosing their own plans.
pub(crate) const LOCK_FOR_PUSH: &str =
    "SELECT set_config('plan_cache_mode', 'force_generic_plan', true),
    pg_advisory_xact_lock($1)";
pub(crate) const LOCK_FOR_PULL: &str =
    "SELECT set_config('plan_cache_mode', 'force_generic_plan', true),
    pg_advisory_xact_lock_shared($1)";

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// A record or family outside what this device may change.
    #[error("{table} {id} is outside this device's families")]
    OutOfScope { table: String, id: String },
    #[error("{table} {id} refers to a missing {parent}")]
    MissingParent {
        table: String,
        id: String,
        parent: String,
    },
    /// Records of a family whose mother agreed to no consent text that names the server.
    #[error("family {family} has no consent that names the server")]
    ConsentNeeded { family: String },
    /// What the baby had yesterday, refused against its birth as the app refuses it.
    #[error(transparent)]
    Recall(#[from] bundle::recalls::RecallRefused),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<tokio_postgres::Error> for SyncError {
    fn from(error: tokio_postgres::Error) -> Self {
        Self::Db(error.into())
    }
}

impl From<deadpool_postgres::PoolError> for SyncError {
    fn from(error: deadpool_postgres::PoolError) -> Self {
        Self::Db(error.into())
    }
}

pub(crate) type Key = (String, String);

/// Notes that the device synced (the dashboard shows phones that stopped).
pub(crate) async fn touch(tx: &Transaction<'_>, device: &Device) -> Result<(), SyncError> {
    exec(
        tx,
        "UPDATE device SET last_sync_at = now() WHERE id = $1",
        &[&device.id],
    )
    .await?;
    Ok(())
}

/// Refused: a record or family outside what this device may change.
pub(crate) fn out_of_scope(table: &str, id: &str) -> SyncError {
    SyncError::OutOfScope {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

/// What the server holds for one bundle, read before planning (the plan is synchronous).
/// Applies a push in one transaction and returns its tally (as JSON: table → decision →
/// count), or the tally of the same push applied before. A push that fails a check
/// changes nothing.
pub async fn push(
    pool: &Pool,
    device: &Device,
    push_id: &str,
    bytes: &[u8],
    address: &str,
) -> Result<Value, SyncError> {
    let mut bundle = bundle::parse(bytes, chrono::Local::now().fixed_offset())?;
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    // One sync at a time per cadre's families: a family's phone and hers never interleave.
    scope::lock_families(&tx, device, LOCK_FOR_PUSH).await?;
    if let Some(row) = row_opt(
        &tx,
        "SELECT tally FROM push WHERE device_id = $1 AND push_id = $2",
        &[&device.id, &push_id],
    )
    .await?
    {
        return Ok(row.get(0));
    }
    // One read of what the bundle touches serves the scope check and the plan.
    let mut snap = snapshot::snapshot(&tx, &bundle).await?;
    let mut scope = scope::check_scope(&tx, device, &bundle, &snap).await?;
    leave_out_erased(&tx, &mut bundle, &mut scope.of_record).await?;
    snap.keep_tombstones_of(&bundle, &scope.of_record);
    let planned = plan::plan(&snap, &bundle).map_err(|e| match e {
        plan::PlanError::MissingParent { table, id, parent } => {
            SyncError::MissingParent { table, id, parent }
        }
        plan::PlanError::Holdings(never) => match never {},
    })?;
    check_consent(&tx, &bundle, &planned, &scope.of_record).await?;
    scope::check_writers(device, &bundle, &planned, &snap)?;
    write::apply(&tx, device, &bundle, &planned, &scope.of_record).await?;
    // After the write, against the births now kept: a refusal rolls it all back.
    check_recalls(&tx, &bundle).await?;
    if !scope.unassigned.is_empty() {
        exec(
            &tx,
            "INSERT INTO family_assignment (family_id, cadre_id)
             SELECT f, $2 FROM unnest($1::text[]) AS f ON CONFLICT DO NOTHING",
            &[&scope.unassigned, &device.cadre_id],
        )
        .await?;
    }
    // A deletion of the family itself is its erasure: everything of it goes. (A family
    // the server first hears of in this push has nothing here to erase: its tombstone
    // alone holds back what comes of it later.)
    for family in bundle
        .tombstones
        .iter()
        .filter(|t| t.table.name == "family" && !scope.unassigned.contains(&t.id))
    {
        erase::erase_family(
            &tx,
            &family.id,
            ErasureReason::AskedOnPhone,
            ErasedBy::Device(device.id),
            address,
        )
        .await?;
    }
    // The server's retention counts from the last record that arrived new or changed
    // (a phone sending old records again does not keep a family longer).
    let changed: Vec<Option<String>> = scope
        .of_record
        .iter()
        .zip(&planned.decisions)
        .map(|(family, (decision, _))| {
            matches!(
                decision,
                Decision::New | Decision::Updated | Decision::Conflict
            )
            .then(|| family.clone())
            .flatten()
        })
        .collect();
    let arrived: Vec<&String> = families_of(&changed);
    if !arrived.is_empty() {
        exec(
            &tx,
            "UPDATE family_assignment SET last_record_at = now()
             WHERE family_id = ANY($1) AND erased_at IS NULL",
            &[&arrived],
        )
        .await?;
    }
    // What is the cadre's own (her posko, her test) comes only from her phone.
    if device.family_id.is_none() {
        if let Some(posko) = &bundle.header.posko {
            write::keep_posko(&tx, device.cadre_id, posko).await?;
        }
        write::keep_counselling(&tx, device.cadre_id, &bundle.header.counselling).await?;
    }
    let tally: Tally = plan::tally(&bundle, &planned);
    let as_json = serde_json::to_value(&tally).unwrap_or(Value::Null);
    exec(
        &tx,
        "INSERT INTO push (device_id, push_id, tally) VALUES ($1, $2, $3)",
        &[&device.id, &push_id, &as_json],
    )
    .await?;
    touch(&tx, device).await?;
    tx.commit().await?;
    Ok(as_json)
}

/// The families the bundle's records belong to, once each.
fn families_of(of_record: &[Option<String>]) -> Vec<&String> {
    let mut families: Vec<&String> = of_record.iter().flatten().collect();
    families.sort();
    families.dedup();
    families
}

/// Leaves out what a push carries of an erased family (a phone that sent it before its
/// pull brought the erasure): nothing of it comes back, and the push goes through, so
/// the phone's next pull deletes its copy.
async fn leave_out_erased(
    tx: &Transaction<'_>,
    bundle: &mut bundle::Bundle,
    of_record: &mut Vec<Option<String>>,
) -> Result<(), SyncError> {
    let mut named: Vec<String> = families_of(of_record).into_iter().cloned().collect();
    named.extend(
        bundle
            .tombstones
            .iter()
            .filter_map(|t| t.deleted.family_id.clone()),
    );
    let erased = erase::erased_of(tx, &named).await?;
    if erased.is_empty() {
        return Ok(());
    }
    let is_erased = |family: &Option<String>| family.as_ref().is_some_and(|f| erased.contains(f));
    let kept: Vec<bool> = of_record.iter().map(|f| !is_erased(f)).collect();
    let mut keep = kept.iter();
    bundle
        .records
        .retain(|_| keep.next().copied().unwrap_or(true));
    of_record.retain(|f| !is_erased(f));
    bundle
        .tombstones
        .retain(|t| !is_erased(&t.deleted.family_id));
    Ok(())
}

/// Refuses a feeding recall that no birth of its family allows (the core's rule, as the
/// app's command applies it), asked of every version of the family record the server
/// keeps, this push's written ones included (a birth date may be corrected after a
/// recall; a version only the push says, and the server does not keep, never counts).
async fn check_recalls(tx: &Transaction<'_>, bundle: &bundle::Bundle) -> Result<(), SyncError> {
    use bundle::recalls::{self, Births};
    let families = recalls::families_with_recalls(bundle);
    if families.is_empty() {
        return Ok(());
    }
    let mut births = Births::default();
    for row in rows(
        tx,
        "SELECT id, body->>'baby_birth_date', body->>'pregnant' FROM record
         WHERE table_name = 'family' AND id = ANY($1)
         UNION ALL
         SELECT id, body->>'baby_birth_date', body->>'pregnant' FROM record_history
         WHERE table_name = 'family' AND id = ANY($1)",
        &[&families],
    )
    .await?
    {
        let pregnant = row.get::<_, Option<String>>(2).as_deref() == Some("1");
        births.note(
            row.get(0),
            row.get::<_, Option<String>>(1).as_deref(),
            pregnant,
        );
    }
    let today = chrono::Local::now().date_naive();
    Ok(recalls::check_recalls(bundle, &births, today)?)
}

/// Refuses records of a family whose mother agreed to no consent text that names the
/// server (`family::SERVER_CONSENT_VERSIONS`): one in this push that will be stored
/// (not set aside, held or deleted), or one held here already.
async fn check_consent(
    tx: &Transaction<'_>,
    bundle: &bundle::Bundle,
    planned: &plan::Plan,
    of_record: &[Option<String>],
) -> Result<(), SyncError> {
    use ayah_asi_core::family::{SERVER_CONSENT_VERSIONS, consent_names_server};
    let families = families_of(of_record);
    if families.is_empty() {
        return Ok(());
    }
    let mut agreed: Vec<String> = bundle
        .records
        .iter()
        .zip(of_record)
        .zip(&planned.decisions)
        .filter(|(_, (decision, _))| {
            !matches!(
                decision,
                Decision::Conflict | Decision::Held | Decision::Deleted
            )
        })
        .map(|(pair, _)| pair)
        .filter(|(r, _)| r.table.name == "consent")
        .filter(|(r, _)| {
            r.body
                .get("text_version")
                .and_then(Value::as_str)
                .is_some_and(consent_names_server)
        })
        .filter_map(|(_, f)| f.clone())
        .collect();
    let versions: Vec<&str> = SERVER_CONSENT_VERSIONS.to_vec();
    for row in rows(
        tx,
        "SELECT DISTINCT family_id FROM record WHERE table_name = 'consent'
         AND family_id = ANY($1) AND body->>'text_version' = ANY($2)",
        &[&families, &versions],
    )
    .await?
    {
        agreed.push(row.get(0));
    }
    match families.into_iter().find(|f| !agreed.contains(f)) {
        Some(family) => Err(SyncError::ConsentNeeded {
            family: family.clone(),
        }),
        None => Ok(()),
    }
}
