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
use tokio_postgres::types::Json;

use crate::db::DbError;
use crate::org::Device;

type Params<'a> = [&'a (dyn tokio_postgres::types::ToSql + Sync)];

// Statements are prepared once per connection and kept: a push runs some ten of them,
// and parsing and planning each anew cost more than running it.
async fn exec(tx: &Transaction<'_>, sql: &str, params: &Params<'_>) -> Result<u64, SyncError> {
    let statement = tx.prepare_cached(sql).await?;
    Ok(tx.execute(&statement, params).await?)
}

async fn rows(
    tx: &Transaction<'_>,
    sql: &str,
    params: &Params<'_>,
) -> Result<Vec<tokio_postgres::Row>, SyncError> {
    let statement = tx.prepare_cached(sql).await?;
    Ok(tx.query(&statement, params).await?)
}

async fn row_opt(
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
const LOCK_FOR_PUSH: &str = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true),
    pg_advisory_xact_lock($1)";
const LOCK_FOR_PULL: &str = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true),
    pg_advisory_xact_lock_shared($1)";

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

/// A record here as the merge compares it: its id, hash and version (not its body).
type Here = (String, String, i64);

/// The version a stored body carries, read by PostgreSQL so that bodies need not travel
/// for the comparison: as the core reads it (`row_version` when a whole number, else 1).
const ROW_VERSION: &str = "coalesce(CASE WHEN r.body->>'row_version' ~ '^-?[0-9]{1,18}$'
    THEN (r.body->>'row_version')::bigint END, 1)";

async fn snapshot(tx: &Transaction<'_>, bundle: &Bundle) -> Result<Snapshot, SyncError> {
    let (tables, ids) = keys_of(bundle);
    let mut snap = Snapshot::default();
    let mut by_id: HashMap<Key, (String, i64)> = HashMap::new();
    let sql = format!(
        "SELECT r.table_name, r.id, r.hash, r.family_id, {ROW_VERSION} FROM record r
             JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON r.table_name = k.t AND r.id = k.i"
    );
    for row in rows(tx, &sql, &[&tables, &ids]).await? {
        let key: Key = (row.get(0), row.get(1));
        snap.here.insert(key.clone(), row.get(3));
        by_id.insert(key, (row.get(2), row.get(4)));
    }
    for row in rows(
        tx,
        "SELECT t.table_name, t.id FROM tombstone t
             JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON t.table_name = k.t AND t.id = k.i",
        &[&tables, &ids],
    )
    .await?
    {
        snap.tombstoned.insert((row.get(0), row.get(1)));
    }
    let mut by_key = by_natural_keys(tx, bundle, &by_id).await?;
    let mut found: Vec<(Key, Here)> = Vec::new();
    let (mut conflict_tables, mut hashes) = (Vec::new(), Vec::new());
    for (n, incoming) in bundle.records.iter().enumerate() {
        let key = (incoming.table.name.to_owned(), incoming.id.clone());
        let here = match by_id.get(&key) {
            Some((hash, version)) => Some((incoming.id.clone(), hash.clone(), *version)),
            None => by_key.remove(&n),
        };
        if let Some(here) = here {
            found.push((key, here));
            conflict_tables.push(incoming.table.name.to_owned());
            hashes.push(incoming.hash.clone());
        }
    }
    // A clash set aside before matters only where a record is here (see `decide`).
    if !hashes.is_empty() {
        for row in rows(
            tx,
            "SELECT c.table_name, c.incoming_hash FROM conflict c
             JOIN unnest($1::text[], $2::text[]) AS k(t, h) ON c.table_name = k.t AND c.incoming_hash = k.h",
            &[&conflict_tables, &hashes],
        )
        .await?
        {
            snap.conflicts.insert((row.get(0), row.get(1)));
        }
    }
    let mut histories = histories_of(tx, &found).await?;
    for (key, (id, hash, row_version)) in found {
        let history = histories
            .remove(&(key.0.clone(), id.clone()))
            .unwrap_or_default();
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
    Ok(snap)
}

/// The hashes of the replaced versions of these records (editable tables only), in
/// one query.
async fn histories_of(
    tx: &Transaction<'_>,
    found: &[(Key, Here)],
) -> Result<HashMap<Key, HashSet<String>>, SyncError> {
    let (tables, ids): (Vec<String>, Vec<String>) = found
        .iter()
        .filter(|(key, _)| TABLES.iter().any(|t| t.name == key.0 && t.editable))
        .map(|(key, (id, ..))| (key.0.clone(), id.clone()))
        .unzip();
    let mut histories: HashMap<Key, HashSet<String>> = HashMap::new();
    if tables.is_empty() {
        return Ok(histories);
    }
    for row in rows(
        tx,
        "SELECT h.table_name, h.id, h.hash FROM record_history h
             JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON h.table_name = k.t AND h.id = k.i",
        &[&tables, &ids],
    )
    .await?
    {
        histories
            .entry((row.get(0), row.get(1)))
            .or_default()
            .insert(row.get(2));
    }
    Ok(histories)
}

/// A natural key's value as the index compares it (`body->>'column'`).
fn key_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Records here with the same natural key as incoming records not here by id (e.g. a
/// family's one plan made on another device), by the incoming record's position: one
/// query per table, through the table's key index (migration 003).
async fn by_natural_keys(
    tx: &Transaction<'_>,
    bundle: &Bundle,
    by_id: &HashMap<Key, (String, i64)>,
) -> Result<HashMap<usize, Here>, SyncError> {
    let mut found = HashMap::new();
    for table in TABLES.iter().filter(|t| !t.natural_key.is_empty()) {
        let mut positions: Vec<i32> = Vec::new();
        let mut columns: Vec<Vec<String>> = vec![Vec::new(); table.natural_key.len()];
        for (n, incoming) in bundle.records.iter().enumerate() {
            if incoming.table.name != table.name
                || by_id.contains_key(&(table.name.to_owned(), incoming.id.clone()))
            {
                continue;
            }
            let values: Option<Vec<String>> = table
                .natural_key
                .iter()
                .map(|c| key_text(incoming.body.get(*c)))
                .collect();
            if let Some(values) = values {
                positions.push(i32::try_from(n).unwrap_or(i32::MAX));
                for (column, value) in columns.iter_mut().zip(values) {
                    column.push(value);
                }
            }
        }
        if positions.is_empty() {
            continue;
        }
        // Names come from the static schema, never from input.
        let arrays: Vec<String> = (1..=columns.len())
            .map(|i| format!("${i}::text[]"))
            .collect();
        let names: Vec<String> = (0..columns.len()).map(|i| format!("k{i}")).collect();
        let matches: Vec<String> = table
            .natural_key
            .iter()
            .enumerate()
            .map(|(i, c)| format!("r.body->>'{c}' = k.k{i}"))
            .collect();
        let sql = format!(
            "SELECT k.n, r.id, r.hash, {ROW_VERSION} FROM unnest({}, ${}::int[]) AS k({}, n)
             JOIN record r ON r.table_name = '{}' AND {}",
            arrays.join(", "),
            columns.len() + 1,
            names.join(", "),
            table.name,
            matches.join(" AND ")
        );
        let mut params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = Vec::new();
        for column in &columns {
            params.push(column);
        }
        params.push(&positions);
        for row in rows(tx, &sql, &params).await? {
            let n: i32 = row.get(0);
            found
                .entry(usize::try_from(n).unwrap_or(usize::MAX))
                .or_insert_with(|| (row.get(1), row.get(2), row.get(3)));
        }
    }
    Ok(found)
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

/// What a push may change: each record's family, in the bundle's order, and the named
/// families not yet assigned to anyone (they become the device's cadre's).
struct Scope {
    of_record: Vec<Option<String>>,
    unassigned: Vec<String>,
}

/// The families this device may change: a family's phone its own; a cadre's phone those
/// assigned to her, and new ones (not yet on the server), which become hers.
async fn check_scope(
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
    let mut families: HashMap<Key, String> = HashMap::new();
    let mut of_record = Vec::with_capacity(bundle.records.len());
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
        of_record.push(family);
    }
    for tombstone in &bundle.tombstones {
        let family = tombstone.deleted.family_id.clone().unwrap_or_default();
        if !named.contains(&family) {
            return Err(out_of_scope(tombstone.table.name, &tombstone.id));
        }
    }
    Ok(Scope {
        of_record,
        unassigned,
    })
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
    exec(&tx, LOCK_FOR_PUSH, &[&device.cadre_id]).await?;
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
    let snap = snapshot(&tx, &bundle).await?;
    let scope = check_scope(&tx, device, &bundle, &snap).await?;
    let planned = plan::plan(&snap, &bundle).map_err(|e| match e {
        plan::PlanError::MissingParent { table, id, parent } => {
            SyncError::MissingParent { table, id, parent }
        }
        plan::PlanError::Holdings(never) => match never {},
    })?;
    apply(&tx, device, &bundle, &planned, &scope.of_record).await?;
    if !scope.unassigned.is_empty() {
        exec(
            &tx,
            "INSERT INTO family_assignment (family_id, cadre_id)
             SELECT f, $2 FROM unnest($1::text[]) AS f ON CONFLICT DO NOTHING",
            &[&scope.unassigned, &device.cadre_id],
        )
        .await?;
    }
    // What is the cadre's own (her posko, her test) comes only from her phone.
    if device.family_id.is_none() {
        if let Some(posko) = &bundle.header.posko {
            keep_posko(&tx, device.cadre_id, posko).await?;
        }
        keep_counselling(&tx, device.cadre_id, &bundle.header.counselling).await?;
    }
    let tally: Tally = plan::tally(&bundle, &planned);
    let as_json = serde_json::to_value(&tally).unwrap_or(Value::Null);
    exec(
        &tx,
        "INSERT INTO push (device_id, push_id, tally) VALUES ($1, $2, $3)",
        &[&device.id, &push_id, &as_json],
    )
    .await?;
    exec(
        &tx,
        "UPDATE device SET last_sync_at = now() WHERE id = $1",
        &[&device.id],
    )
    .await?;
    tx.commit().await?;
    Ok(as_json)
}

/// A cadre's posko from her phone, unless an as-new one is already here.
async fn keep_posko(
    tx: &Transaction<'_>,
    cadre_id: i64,
    posko: &ayah_asi_core::posko::PoskoNotice,
) -> Result<(), SyncError> {
    let Ok(at) = chrono::DateTime::parse_from_rfc3339(&posko.updated_at) else {
        return Ok(());
    };
    let notice = serde_json::to_value(posko).unwrap_or(Value::Null);
    exec(
        tx,
        "INSERT INTO cadre_posko (cadre_id, notice, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (cadre_id) DO UPDATE SET notice = excluded.notice, updated_at = excluded.updated_at
         WHERE cadre_posko.updated_at < excluded.updated_at",
        &[&cadre_id, &notice, &at],
    )
    .await?;
    Ok(())
}

/// The tests of the cadres on her phone, as it reports them now (first pre-test, latest
/// post-test: a report replaces the one before).
async fn keep_counselling(
    tx: &Transaction<'_>,
    cadre_id: i64,
    counselling: &[ayah_asi_core::learning::CadreCounselling],
) -> Result<(), SyncError> {
    if counselling.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = counselling.iter().map(|c| c.cadre_id.as_str()).collect();
    let names: Vec<&str> = counselling.iter().map(|c| c.name.as_str()).collect();
    let score = |s: Option<u8>| s.map(i16::from);
    let pre: Vec<Option<i16>> = counselling.iter().map(|c| score(c.pre)).collect();
    let post: Vec<Option<i16>> = counselling.iter().map(|c| score(c.post)).collect();
    exec(
        tx,
        "INSERT INTO cadre_counselling (cadre_id, app_cadre_id, name, pre, post)
         SELECT $1, k.i, k.n, k.pre, k.post
         FROM unnest($2::text[], $3::text[], $4::smallint[], $5::smallint[]) AS k(i, n, pre, post)
         ON CONFLICT (cadre_id, app_cadre_id) DO UPDATE SET name = excluded.name,
             pre = excluded.pre, post = excluded.post, reported_at = now()",
        &[&cadre_id, &ids, &names, &pre, &post],
    )
    .await?;
    Ok(())
}

/// The posko of the cadre a family's phone's family is assigned to now.
async fn posko_for(
    tx: &Transaction<'_>,
    device: &Device,
) -> Result<Option<ayah_asi_core::posko::PoskoNotice>, SyncError> {
    let Some(family) = &device.family_id else {
        return Ok(None);
    };
    let row = row_opt(
        tx,
        "SELECT p.notice FROM cadre_posko p
         JOIN family_assignment a ON a.cadre_id = p.cadre_id WHERE a.family_id = $1",
        &[family],
    )
    .await?;
    Ok(row.and_then(|r| serde_json::from_value(r.get::<_, Value>(0)).ok()))
}

/// The rows a push writes, gathered so that each kind is one statement.
#[derive(Default)]
struct Writes<'a> {
    new: Rows<'a>,
    updated: Rows<'a>,
    history: Rows<'a>,
    conflicts: Rows<'a>,
}

/// Columns of many rows: table, id, family, body (sent as JSON straight from the
/// bundle, not copied), hash.
#[derive(Default)]
struct Rows<'a> {
    tables: Vec<&'a str>,
    ids: Vec<&'a str>,
    families: Vec<Option<&'a str>>,
    bodies: Vec<Json<&'a Body>>,
    hashes: Vec<&'a str>,
}

impl<'a> Rows<'a> {
    fn push(
        &mut self,
        table: &'a str,
        id: &'a str,
        family: Option<&'a str>,
        body: &'a Body,
        hash: &'a str,
    ) {
        self.tables.push(table);
        self.ids.push(id);
        self.families.push(family);
        self.bodies.push(Json(body));
        self.hashes.push(hash);
    }

    fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Writes what the plan decided, one statement per kind of write (a cadre's day is
/// some 150 records: one round trip each would be most of the push's time).
async fn apply(
    tx: &Transaction<'_>,
    device: &Device,
    bundle: &Bundle,
    planned: &Plan,
    families: &[Option<String>],
) -> Result<(), SyncError> {
    let mut writes = Writes::default();
    let each = bundle.records.iter().zip(&planned.decisions).zip(families);
    for ((incoming, (decision, local)), family) in each {
        let table = incoming.table.name;
        let family = family.as_deref();
        let body = &incoming.body;
        match decision {
            Decision::New | Decision::Updated => {
                for (old, hash) in &incoming.history {
                    writes.history.push(table, &incoming.id, None, old, hash);
                }
                let rows = if *decision == Decision::New {
                    &mut writes.new
                } else {
                    &mut writes.updated
                };
                rows.push(table, &incoming.id, family, body, &incoming.hash);
            }
            Decision::Conflict => {
                let record_id = local
                    .as_ref()
                    .map_or(incoming.id.as_str(), |l| l.id.as_str());
                writes
                    .conflicts
                    .push(table, record_id, family, body, &incoming.hash);
            }
            Decision::Known | Decision::Older | Decision::Deleted | Decision::Held => {}
        }
    }
    write_rows(tx, device, &writes).await?;
    apply_tombstones(tx, bundle, planned).await
}

async fn write_rows(
    tx: &Transaction<'_>,
    device: &Device,
    writes: &Writes<'_>,
) -> Result<(), SyncError> {
    if !writes.updated.is_empty() {
        // The version being replaced joins the history first.
        let u = &writes.updated;
        exec(
            tx,
            "INSERT INTO record_history (table_name, id, hash, body)
             SELECT r.table_name, r.id, r.hash, r.body FROM record r
             JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON r.table_name = k.t AND r.id = k.i
             ON CONFLICT DO NOTHING",
            &[&u.tables, &u.ids],
        )
        .await?;
        exec(tx,
            "UPDATE record r SET body = k.b, hash = k.h, seq = nextval('change_seq'), pushed_by = $5
             FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[]) AS k(t, i, b, h)
             WHERE r.table_name = k.t AND r.id = k.i",
            &[&u.tables, &u.ids, &u.bodies, &u.hashes, &device.id],
        )
        .await?;
    }
    if !writes.new.is_empty() {
        let n = &writes.new;
        exec(tx,
            "INSERT INTO record (table_name, id, family_id, body, hash, pushed_by)
             SELECT k.t, k.i, k.f, k.b, k.h, $6
             FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[]) AS k(t, i, f, b, h)",
            &[&n.tables, &n.ids, &n.families, &n.bodies, &n.hashes, &device.id],
        )
        .await?;
    }
    if !writes.history.is_empty() {
        let h = &writes.history;
        exec(
            tx,
            "INSERT INTO record_history (table_name, id, hash, body)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
             ON CONFLICT DO NOTHING",
            &[&h.tables, &h.ids, &h.hashes, &h.bodies],
        )
        .await?;
    }
    if !writes.conflicts.is_empty() {
        let c = &writes.conflicts;
        exec(
            tx,
            "INSERT INTO conflict (table_name, record_id, family_id, incoming_hash, body)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
             ON CONFLICT DO NOTHING",
            &[&c.tables, &c.ids, &c.families, &c.hashes, &c.bodies],
        )
        .await?;
    }
    Ok(())
}

async fn apply_tombstones(
    tx: &Transaction<'_>,
    bundle: &Bundle,
    planned: &Plan,
) -> Result<(), SyncError> {
    for (tombstone, deletes) in bundle.tombstones.iter().zip(&planned.deletes) {
        if *deletes {
            exec(
                tx,
                "DELETE FROM record WHERE table_name = $1 AND id = $2",
                &[&tombstone.table.name, &tombstone.id],
            )
            .await?;
        }
        let deleted = serde_json::to_value(&tombstone.deleted).unwrap_or(Value::Null);
        exec(
            tx,
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

/// The families a device receives: its own, or every family assigned to its cadre.
async fn families_of(tx: &Transaction<'_>, device: &Device) -> Result<Vec<String>, SyncError> {
    if let Some(own) = &device.family_id {
        return Ok(vec![own.clone()]);
    }
    Ok(rows(
        tx,
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
    exec(&tx, LOCK_FOR_PULL, &[&device.cadre_id]).await?;
    let families = families_of(&tx, device).await?;
    let max = limit;
    let limit = usize::try_from(max).unwrap_or(usize::MAX);
    // The device's own pushes are not sent back (their bodies not even read: her own day
    // would be most of what she pulls), but they count towards the limit and the cursor
    // moves past them: one scan serves both.
    let records = rows(
        &tx,
        "SELECT table_name, id, family_id,
                CASE WHEN pushed_by IS DISTINCT FROM $4 THEN body END, seq FROM record
             WHERE family_id = ANY($1) AND seq > $2 ORDER BY seq LIMIT $3",
        &[&families, &cursor, &max, &device.id],
    )
    .await?;
    let mut bound = match records.last() {
        Some(last) if records.len() >= limit => last.get::<_, i64>(4),
        _ => i64::MAX,
    };
    let tombstones = rows(
        &tx,
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
        let (table, id, family, body, seq): (String, String, Option<String>, Option<Value>, i64) =
            (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
        next = next.max(seq);
        // No body: this device's own push.
        let Some(body) = body else {
            continue;
        };
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
    for row in rows(
        &tx,
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
    let posko = posko_for(&tx, device).await?;
    exec(
        &tx,
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
        posko,
        counselling: Vec::new(),
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
    Ok(rows(
        tx,
        "SELECT body FROM record_history WHERE table_name = $1 AND id = $2
             ORDER BY (body->>'row_version')::bigint NULLS FIRST",
        &[&table, &id],
    )
    .await?
    .into_iter()
    .map(|r| body_of(r.get(0)))
    .collect())
}
