//! Push and pull. A push is a bundle: the core crate parses and checks it and plans it
//! with the same merge as the app; this module only answers the plan's questions from
//! PostgreSQL and writes the result, in one transaction. A pull returns a bundle.

use std::collections::{BTreeMap, HashMap, HashSet};

use ayah_asi_core::bundle::plan::{self, Holdings, Plan, Tally};
use ayah_asi_core::bundle::{
    self, Body, Bundle, BundleError, Decision, Deleted, Header, Incoming, Line, Local, TABLES,
};
use deadpool_postgres::{Pool, Transaction};
use serde_json::Value;

use crate::db::DbError;
use crate::org::Device;

/// How many changed records one pull returns at most; the app pulls again until none.
pub const PULL_LIMIT: i64 = 5000;

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

type Key = (String, String);

/// What the server holds for one bundle, read before planning (the plan is synchronous).
#[derive(Default)]
struct Snapshot {
    locals: HashMap<Key, Local>,
    /// Every record the bundle touches that is here, with its family.
    here: HashMap<Key, Option<String>>,
    tombstoned: HashSet<Key>,
    conflicts: HashSet<Key>,
}

impl Holdings for Snapshot {
    type Error = std::convert::Infallible;

    fn local_of(&self, incoming: &Incoming) -> Result<Option<Local>, Self::Error> {
        Ok(self
            .locals
            .get(&(incoming.table.name.to_owned(), incoming.id.clone()))
            .cloned())
    }
    fn exists(&self, table: &str, id: &str) -> Result<bool, Self::Error> {
        Ok(self.here.contains_key(&(table.to_owned(), id.to_owned())))
    }
    fn is_tombstoned(&self, table: &str, id: &str) -> Result<bool, Self::Error> {
        Ok(self.tombstoned.contains(&(table.to_owned(), id.to_owned())))
    }
    fn seen_conflict(&self, table: &str, hash: &str) -> Result<bool, Self::Error> {
        Ok(self
            .conflicts
            .contains(&(table.to_owned(), hash.to_owned())))
    }
}

fn body_of(value: Value) -> Body {
    match value {
        Value::Object(map) => map.into_iter().collect(),
        _ => Body::new(),
    }
}

/// Every (table, id) the plan may ask about: records, their parents, tombstones.
fn keys_of(bundle: &Bundle) -> (Vec<String>, Vec<String>) {
    let mut keys: HashSet<Key> = HashSet::new();
    for record in &bundle.records {
        keys.insert((record.table.name.to_owned(), record.id.clone()));
        for (parent, column) in record.table.parents {
            if let Some(id) = record.body.get(*column).and_then(Value::as_str) {
                keys.insert(((*parent).to_owned(), id.to_owned()));
            }
        }
    }
    for tombstone in &bundle.tombstones {
        keys.insert((tombstone.table.name.to_owned(), tombstone.id.clone()));
    }
    keys.into_iter().unzip()
}

async fn snapshot(tx: &Transaction<'_>, bundle: &Bundle) -> Result<Snapshot, SyncError> {
    let (tables, ids) = keys_of(bundle);
    let mut snap = Snapshot::default();
    let mut bodies: HashMap<Key, (Body, String)> = HashMap::new();
    for row in tx
        .query(
            "SELECT r.table_name, r.id, r.body, r.hash, r.family_id FROM record r
             JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON r.table_name = k.t AND r.id = k.i",
            &[&tables, &ids],
        )
        .await?
    {
        let key: Key = (row.get(0), row.get(1));
        snap.here.insert(key.clone(), row.get(4));
        bodies.insert(key, (body_of(row.get(2)), row.get(3)));
    }
    for row in tx
        .query(
            "SELECT t.table_name, t.id FROM tombstone t
             JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON t.table_name = k.t AND t.id = k.i",
            &[&tables, &ids],
        )
        .await?
    {
        snap.tombstoned.insert((row.get(0), row.get(1)));
    }
    let (conflict_tables, hashes): (Vec<String>, Vec<String>) = bundle
        .records
        .iter()
        .map(|r| (r.table.name.to_owned(), r.hash.clone()))
        .unzip();
    for row in tx
        .query(
            "SELECT c.table_name, c.incoming_hash FROM conflict c
             JOIN unnest($1::text[], $2::text[]) AS k(t, h) ON c.table_name = k.t AND c.incoming_hash = k.h",
            &[&conflict_tables, &hashes],
        )
        .await?
    {
        snap.conflicts.insert((row.get(0), row.get(1)));
    }
    for incoming in &bundle.records {
        let key = (incoming.table.name.to_owned(), incoming.id.clone());
        let found = match bodies.get(&key) {
            Some((body, hash)) => Some((incoming.id.clone(), body.clone(), hash.clone())),
            None => by_natural_key(tx, incoming).await?,
        };
        if let Some((id, body, hash)) = found {
            let history = if incoming.table.editable {
                tx.query(
                    "SELECT hash FROM record_history WHERE table_name = $1 AND id = $2",
                    &[&incoming.table.name, &id],
                )
                .await?
                .iter()
                .map(|r| r.get(0))
                .collect()
            } else {
                HashSet::new()
            };
            let row_version = body.get("row_version").and_then(Value::as_i64).unwrap_or(1);
            snap.locals.insert(
                key,
                Local {
                    id,
                    hash,
                    row_version,
                    history,
                },
            );
        }
    }
    Ok(snap)
}

/// The record here with the same natural key (e.g. a family's one plan made elsewhere).
async fn by_natural_key(
    tx: &Transaction<'_>,
    incoming: &Incoming,
) -> Result<Option<(String, Body, String)>, SyncError> {
    if incoming.table.natural_key.is_empty() {
        return Ok(None);
    }
    let key: serde_json::Map<String, Value> = incoming
        .table
        .natural_key
        .iter()
        .map(|c| {
            (
                (*c).to_owned(),
                incoming.body.get(*c).cloned().unwrap_or(Value::Null),
            )
        })
        .collect();
    let row = tx
        .query_opt(
            "SELECT id, body, hash FROM record WHERE table_name = $1 AND body @> $2 LIMIT 1",
            &[&incoming.table.name, &Value::Object(key)],
        )
        .await?;
    Ok(row.map(|r| (r.get(0), body_of(r.get(1)), r.get(2))))
}

/// The family a record belongs to: its own id, its `family_id`, or (a visit score) its
/// visit's, in the bundle or here; `None` for a cadre's name record.
fn family_of(
    incoming: &Incoming,
    in_bundle: &HashMap<Key, String>,
    snap: &Snapshot,
) -> Option<String> {
    let text = |c: &str| {
        incoming
            .body
            .get(c)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    match incoming.table.name {
        "family" => Some(incoming.id.clone()),
        "cadre" => None,
        "visit_score" => {
            let visit = (
                "home_visit".to_owned(),
                text("visit_id").unwrap_or_default(),
            );
            in_bundle
                .get(&visit)
                .cloned()
                .or_else(|| snap.here.get(&visit).cloned().flatten())
        }
        _ => text("family_id"),
    }
}

fn out_of_scope(table: &str, id: &str) -> SyncError {
    SyncError::OutOfScope {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

/// The families this device may change: a family's phone its own; a cadre's phone those
/// assigned to her, and new ones (not yet on the server), which become hers.
async fn check_scope(
    tx: &Transaction<'_>,
    device: &Device,
    bundle: &Bundle,
    snap: &Snapshot,
) -> Result<HashMap<Key, Option<String>>, SyncError> {
    let named = &bundle.header.family_ids;
    for family in named {
        let allowed = match &device.family_id {
            Some(own) => own == family,
            None => {
                let owner: Option<i64> = tx
                    .query_opt(
                        "SELECT cadre_id FROM family_assignment WHERE family_id = $1",
                        &[family],
                    )
                    .await?
                    .map(|r| r.get(0));
                owner.is_none_or(|cadre| cadre == device.cadre_id)
            }
        };
        if !allowed {
            return Err(out_of_scope("family", family));
        }
    }
    let mut families: HashMap<Key, String> = HashMap::new();
    let mut of_record = HashMap::new();
    for incoming in &bundle.records {
        let key = (incoming.table.name.to_owned(), incoming.id.clone());
        let family = family_of(incoming, &families, snap);
        match &family {
            Some(f) if named.contains(f) => {
                families.insert(key.clone(), f.clone());
            }
            Some(_) => return Err(out_of_scope(incoming.table.name, &incoming.id)),
            None if incoming.table.name == "cadre" => {}
            None => return Err(out_of_scope(incoming.table.name, &incoming.id)),
        }
        // A record already here must be of the same family.
        if snap.here.get(&key).is_some_and(|here| *here != family) {
            return Err(out_of_scope(incoming.table.name, &incoming.id));
        }
        of_record.insert(key, family);
    }
    for tombstone in &bundle.tombstones {
        let family = tombstone.deleted.family_id.clone().unwrap_or_default();
        if !named.contains(&family) {
            return Err(out_of_scope(tombstone.table.name, &tombstone.id));
        }
    }
    Ok(of_record)
}

/// Applies a push in one transaction and returns its tally (as JSON: table → decision →
/// count), or the tally of the same push applied before. A push that fails a check
/// changes nothing.
pub async fn push(
    pool: &Pool,
    device: &Device,
    push_id: &str,
    bytes: &[u8],
) -> Result<Value, SyncError> {
    let bundle = bundle::parse(bytes, chrono::Local::now().fixed_offset())?;
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    // One sync at a time per cadre's families: a family's phone and hers never interleave.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&device.cadre_id])
        .await?;
    if let Some(row) = tx
        .query_opt(
            "SELECT tally FROM push WHERE device_id = $1 AND push_id = $2",
            &[&device.id, &push_id],
        )
        .await?
    {
        return Ok(row.get(0));
    }
    // One read of what the bundle touches serves the scope check and the plan.
    let snap = snapshot(&tx, &bundle).await?;
    let families = check_scope(&tx, device, &bundle, &snap).await?;
    let planned = plan::plan(&snap, &bundle).map_err(|e| match e {
        plan::PlanError::MissingParent { table, id, parent } => {
            SyncError::MissingParent { table, id, parent }
        }
        plan::PlanError::Holdings(never) => match never {},
    })?;
    apply(&tx, device, &bundle, &planned, &families).await?;
    for family in &bundle.header.family_ids {
        tx.execute(
            "INSERT INTO family_assignment (family_id, cadre_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[family, &device.cadre_id],
        )
        .await?;
    }
    let tally: Tally = plan::tally(&bundle, &planned);
    let as_json = serde_json::to_value(&tally).unwrap_or(Value::Null);
    tx.execute(
        "INSERT INTO push (device_id, push_id, tally) VALUES ($1, $2, $3)",
        &[&device.id, &push_id, &as_json],
    )
    .await?;
    tx.execute(
        "UPDATE device SET last_sync_at = now() WHERE id = $1",
        &[&device.id],
    )
    .await?;
    tx.commit().await?;
    Ok(as_json)
}

async fn apply(
    tx: &Transaction<'_>,
    device: &Device,
    bundle: &Bundle,
    planned: &Plan,
    families: &HashMap<Key, Option<String>>,
) -> Result<(), SyncError> {
    for (incoming, (decision, local)) in bundle.records.iter().zip(&planned.decisions) {
        let table = incoming.table.name;
        let body = Value::Object(incoming.body.clone().into_iter().collect());
        let family = families
            .get(&(table.to_owned(), incoming.id.clone()))
            .cloned()
            .flatten();
        match decision {
            Decision::New => {
                tx.execute(
                    "INSERT INTO record (table_name, id, family_id, body, hash, pushed_by) VALUES ($1, $2, $3, $4, $5, $6)",
                    &[&table, &incoming.id, &family, &body, &incoming.hash, &device.id],
                )
                .await?;
                keep_history(tx, incoming).await?;
            }
            Decision::Updated => {
                tx.execute(
                    "INSERT INTO record_history (table_name, id, hash, body)
                     SELECT table_name, id, hash, body FROM record WHERE table_name = $1 AND id = $2
                     ON CONFLICT DO NOTHING",
                    &[&table, &incoming.id],
                )
                .await?;
                keep_history(tx, incoming).await?;
                tx.execute(
                    "UPDATE record SET body = $3, hash = $4, seq = nextval('change_seq'), pushed_by = $5
                     WHERE table_name = $1 AND id = $2",
                    &[&table, &incoming.id, &body, &incoming.hash, &device.id],
                )
                .await?;
            }
            Decision::Conflict => {
                let record_id = local.as_ref().map_or(incoming.id.clone(), |l| l.id.clone());
                tx.execute(
                    "INSERT INTO conflict (table_name, record_id, family_id, incoming_hash, body)
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                    &[&table, &record_id, &family, &incoming.hash, &body],
                )
                .await?;
            }
            Decision::Known | Decision::Older | Decision::Deleted | Decision::Held => {}
        }
    }
    for (tombstone, deletes) in bundle.tombstones.iter().zip(&planned.deletes) {
        if *deletes {
            tx.execute(
                "DELETE FROM record WHERE table_name = $1 AND id = $2",
                &[&tombstone.table.name, &tombstone.id],
            )
            .await?;
        }
        let deleted = serde_json::to_value(&tombstone.deleted).unwrap_or(Value::Null);
        tx.execute(
            "INSERT INTO tombstone (table_name, id, family_id, deleted) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            &[
                &tombstone.table.name,
                &tombstone.id,
                &tombstone.deleted.family_id,
                &deleted,
            ],
        )
        .await?;
    }
    Ok(())
}

async fn keep_history(tx: &Transaction<'_>, incoming: &Incoming) -> Result<(), SyncError> {
    for (old, hash) in &incoming.history {
        let old = Value::Object(old.clone().into_iter().collect());
        tx.execute(
            "INSERT INTO record_history (table_name, id, hash, body) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            &[&incoming.table.name, &incoming.id, hash, &old],
        )
        .await?;
    }
    Ok(())
}

/// The families a device receives: its own, or every family assigned to its cadre.
async fn families_of(tx: &Transaction<'_>, device: &Device) -> Result<Vec<String>, SyncError> {
    if let Some(own) = &device.family_id {
        return Ok(vec![own.clone()]);
    }
    Ok(tx
        .query(
            "SELECT family_id FROM family_assignment WHERE cadre_id = $1",
            &[&device.cadre_id],
        )
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

/// One pull's answer: a bundle, the cursor to ask from next time, and whether the pull
/// stopped at its size limit (ask again at once).
pub struct Pulled {
    pub bundle: Vec<u8>,
    pub cursor: i64,
    pub more: bool,
}

/// What changed for the device's families after `cursor`, as a bundle (records this
/// device pushed itself left out). Records and tombstones share one change number, so
/// a pull cut at its limit ends at a number below which nothing is left out.
pub async fn pull(pool: &Pool, device: &Device, cursor: i64) -> Result<Pulled, SyncError> {
    pull_at_most(pool, device, cursor, PULL_LIMIT).await
}

/// [`pull`] with at most `limit` records and `limit` tombstones.
pub async fn pull_at_most(
    pool: &Pool,
    device: &Device,
    cursor: i64,
    limit: i64,
) -> Result<Pulled, SyncError> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    // A push of her families holds this lock until it commits: waiting for it means a
    // change number handed out before ours but committed after can never be skipped.
    tx.execute(
        "SELECT pg_advisory_xact_lock_shared($1)",
        &[&device.cadre_id],
    )
    .await?;
    let families = families_of(&tx, device).await?;
    let max = limit;
    let limit = usize::try_from(max).unwrap_or(usize::MAX);
    let records = tx
        .query(
            "SELECT table_name, id, family_id, body, seq, pushed_by FROM record
             WHERE family_id = ANY($1) AND seq > $2 ORDER BY seq LIMIT $3",
            &[&families, &cursor, &max],
        )
        .await?;
    let mut bound = match records.last() {
        Some(last) if records.len() >= limit => last.get::<_, i64>(4),
        _ => i64::MAX,
    };
    let tombstones = tx
        .query(
            "SELECT table_name, id, family_id, deleted, seq FROM tombstone
             WHERE family_id = ANY($1) AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4",
            &[&families, &cursor, &bound, &max],
        )
        .await?;
    if let Some(last) = tombstones.last()
        && tombstones.len() >= limit
    {
        bound = last.get::<_, i64>(4);
    }
    let more = bound != i64::MAX;
    let mut next = cursor;
    let mut lines: Vec<(usize, Line)> = Vec::new();
    let mut named: Vec<String> = Vec::new();
    let mut cadres: Vec<String> = Vec::new();
    for row in records.iter().filter(|r| r.get::<_, i64>(4) <= bound) {
        let (table, id, family, body, seq, pushed_by): (
            String,
            String,
            Option<String>,
            Value,
            i64,
            Option<i64>,
        ) = (
            row.get(0),
            row.get(1),
            row.get(2),
            row.get(3),
            row.get(4),
            row.get(5),
        );
        next = next.max(seq);
        if pushed_by == Some(device.id) {
            continue;
        }
        let body = body_of(body);
        if table == "home_visit"
            && let Some(cadre) = body.get("cadre_id").and_then(Value::as_str)
        {
            cadres.push(cadre.to_owned());
        }
        if let Some(f) = family.filter(|f| !named.contains(f)) {
            named.push(f);
        }
        let history = history_of(&tx, &table, &id).await?;
        lines.push((
            table_order(&table),
            Line {
                table,
                id,
                body: Some(body),
                history,
                deleted: None,
            },
        ));
    }
    for row in tx
        .query(
            "SELECT id, body FROM record WHERE table_name = 'cadre' AND id = ANY($1)",
            &[&cadres],
        )
        .await?
    {
        let id: String = row.get(0);
        lines.push((
            table_order("cadre"),
            Line {
                table: "cadre".into(),
                id,
                body: Some(body_of(row.get(1))),
                history: vec![],
                deleted: None,
            },
        ));
    }
    for row in &tombstones {
        let (table, id, family, deleted, seq): (String, String, Option<String>, Value, i64) =
            (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
        next = next.max(seq);
        let Ok(deleted) = serde_json::from_value::<Deleted>(deleted) else {
            continue;
        };
        if let Some(f) = family.filter(|f| !named.contains(f)) {
            named.push(f);
        }
        lines.push((
            usize::MAX,
            Line {
                table,
                id,
                body: None,
                history: vec![],
                deleted: Some(deleted),
            },
        ));
    }
    if more {
        next = bound;
    }
    tx.execute(
        "UPDATE device SET last_sync_at = now() WHERE id = $1",
        &[&device.id],
    )
    .await?;
    tx.commit().await?;
    lines.sort_by_key(|(o, _)| *o);
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: concat!("server-", env!("CARGO_PKG_VERSION")).to_owned(),
        device_id: SERVER_DEVICE_ID.to_owned(),
        family_ids: named,
        created_at: ayah_asi_core::record::format_time(chrono::Local::now().fixed_offset()),
        since: None,
        counts: BTreeMap::new(),
        body_sha256: String::new(),
        posko: None,
    };
    let lines: Vec<Line> = lines.into_iter().map(|(_, l)| l).collect();
    Ok(Pulled {
        bundle: bundle::write(header, &lines),
        cursor: next,
        more,
    })
}

/// Where a table's records go in a bundle: parents before their children.
fn table_order(table: &str) -> usize {
    TABLES
        .iter()
        .position(|t| t.name == table)
        .unwrap_or(usize::MAX)
}

/// The server writes pulls under this device id (bundles name the writing device).
pub const SERVER_DEVICE_ID: &str = "00000000-0000-7000-8000-000000000001";

async fn history_of(tx: &Transaction<'_>, table: &str, id: &str) -> Result<Vec<Body>, SyncError> {
    let editable = TABLES.iter().any(|t| t.name == table && t.editable);
    if !editable {
        return Ok(Vec::new());
    }
    Ok(tx
        .query(
            "SELECT body FROM record_history WHERE table_name = $1 AND id = $2
             ORDER BY (body->>'row_version')::bigint NULLS FIRST",
            &[&table, &id],
        )
        .await?
        .into_iter()
        .map(|r| body_of(r.get(0)))
        .collect())
}
