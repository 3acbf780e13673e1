//! What the server holds for one bundle, read once before planning (the plan is
//! synchronous): the records it touches with their families, their parents, the
//! tombstones of their ids, the clashes set aside before, and the versions they replaced.

use std::collections::{HashMap, HashSet};

use ayah_asi_core::bundle::owner::Families;
use ayah_asi_core::bundle::plan::Holdings;
use ayah_asi_core::bundle::{Body, Bundle, Incoming, Local, TABLES};
use deadpool_postgres::Transaction;
use serde_json::Value;

use super::{Key, SyncError, rows};

/// What the server holds for one bundle, read before planning (the plan is synchronous).
#[derive(Default)]
pub(super) struct Snapshot {
    locals: HashMap<Key, Local>,
    /// Every record the bundle touches that is here, with its family.
    here: HashMap<Key, Option<String>>,
    /// The families whose deletions of these ids are here.
    tombs: HashMap<Key, Vec<String>>,
    /// The ids deleted in the family the bundle's record of them belongs to: only these
    /// stop a record ([`Snapshot::keep_tombstones_of`]).
    tombstoned: HashSet<Key>,
    conflicts: HashSet<Key>,
}

impl Snapshot {
    /// Whether the server holds this deletion, filed under this family.
    pub(super) fn has_tombstone(&self, table: &str, id: &str, family: &str) -> bool {
        self.tombs
            .get(&(table.to_owned(), id.to_owned()))
            .is_some_and(|families| families.iter().any(|f| f == family))
    }

    /// Keeps, of the tombstones here, those of the same family as the bundle's record of
    /// that id (or the record whose parent it is): a deletion filed under one family
    /// never stops another family's record.
    pub(super) fn keep_tombstones_of(&mut self, bundle: &Bundle, families: &[Option<String>]) {
        for (record, family) in bundle.records.iter().zip(families) {
            let Some(family) = family else { continue };
            let parents = record.table.parents.iter().filter_map(|(table, column)| {
                let id = record.body.get(*column).and_then(Value::as_str)?;
                Some(((*table).to_owned(), id.to_owned()))
            });
            let own = (record.table.name.to_owned(), record.id.clone());
            for key in std::iter::once(own).chain(parents) {
                if self.tombs.get(&key).is_some_and(|f| f.contains(family)) {
                    self.tombstoned.insert(key);
                }
            }
        }
    }
}

impl Families for Snapshot {
    type Error = std::convert::Infallible;

    fn family_here(&self, table: &str, id: &str) -> Result<Option<Option<String>>, Self::Error> {
        Ok(self.here.get(&(table.to_owned(), id.to_owned())).cloned())
    }
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

pub(super) fn body_of(value: Value) -> Body {
    match value {
        Value::Object(map) => map.into_iter().collect(),
        _ => Body::new(),
    }
}

/// Every (table, id) the plan and the scope check may ask about: records, their parents
/// and the records they amend, tombstones.
fn keys_of(bundle: &Bundle) -> (Vec<String>, Vec<String>) {
    let mut keys: HashSet<Key> = HashSet::new();
    for record in &bundle.records {
        keys.insert((record.table.name.to_owned(), record.id.clone()));
        for (parent, column) in record.table.parents.iter().chain(record.table.same_family) {
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

pub(super) async fn snapshot(tx: &Transaction<'_>, bundle: &Bundle) -> Result<Snapshot, SyncError> {
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
        "SELECT t.table_name, t.id, t.family_id FROM tombstone t
             JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON t.table_name = k.t AND t.id = k.i",
        &[&tables, &ids],
    )
    .await?
    {
        snap.tombs
            .entry((row.get(0), row.get(1)))
            .or_default()
            .push(row.get(2));
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
            "SELECT k.n, r.id, r.hash, {ROW_VERSION}, r.family_id FROM unnest({}, ${}::int[]) AS k({}, n)
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
            let n = usize::try_from(row.get::<_, i32>(0)).unwrap_or(usize::MAX);
            // A record meets its own family's fact only (the scope check refuses links
            // across families; a key that matches another family's record meets nothing).
            let here_family: Option<String> = row.get(4);
            let incoming = bundle.records.get(n);
            let family = incoming
                .and_then(|r| r.body.get("family_id"))
                .and_then(Value::as_str);
            if family.is_some() && here_family.as_deref() != family {
                continue;
            }
            found
                .entry(n)
                .or_insert_with(|| (row.get(1), row.get(2), row.get(3)));
        }
    }
    Ok(found)
}
