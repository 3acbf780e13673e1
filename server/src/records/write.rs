//! Writing a push: what the plan decided, one statement per kind of write, the
//! deletions it carries, and what is the cadre's own (her posko, her test).

use ayah_asi_core::bundle::plan::Plan;
use ayah_asi_core::bundle::{Body, Bundle, Decision};
use deadpool_postgres::Transaction;
use serde_json::Value;
use tokio_postgres::types::Json;

use super::{SyncError, exec};
use crate::org::Device;

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
pub(super) async fn apply(
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
        // The scope check made sure a record here is of the deletion's own family.
        if *deletes {
            exec(
                tx,
                "DELETE FROM record WHERE table_name = $1 AND id = $2 AND family_id = $3",
                &[
                    &tombstone.table.name,
                    &tombstone.id,
                    &tombstone.deleted.family_id,
                ],
            )
            .await?;
        }
        let deleted = serde_json::to_value(&tombstone.deleted).unwrap_or(Value::Null);
        exec(
            tx,
            "INSERT INTO tombstone (table_name, id, family_id, deleted)
             VALUES ($1, $2, coalesce($3, ''), $4) ON CONFLICT DO NOTHING",
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

/// A cadre's posko from her phone, unless an as-new one is already here.
pub(super) async fn keep_posko(
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
pub(super) async fn keep_counselling(
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
