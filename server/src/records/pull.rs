//! Pulling: what changed for a device's families after its cursor, as a bundle.

use std::collections::BTreeMap;

use ayah_asi_core::bundle::{self, Body, Deleted, Header, Line, TABLES};
use deadpool_postgres::{Pool, Transaction};
use serde_json::Value;

use super::snapshot::body_of;
use super::{LOCK_FOR_PULL, SyncError, row_opt, rows, scope};
use crate::org::Device;

/// How many changed records one pull returns at most; the app pulls again until none.
pub const PULL_LIMIT: i64 = 5000;
/// About how many bytes of records one pull returns at most (at least one record,
/// whatever its size): well below what the app takes in one bundle
/// (`bundle::MAX_BUNDLE_BYTES`), and a page a slow line can carry before it drops.
pub const PULL_PAGE_BYTES: usize = 2 * 1024 * 1024;

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
    /// Records handed over (their bodies: deletions not counted), for the audit trail.
    pub records: usize,
    /// Families they belong to.
    pub families: usize,
}

/// A page's bounds: at most `records` records and as many tombstones, and about
/// `bytes` bytes.
#[derive(Debug, Clone, Copy)]
pub struct PageLimit {
    pub records: i64,
    pub bytes: usize,
}

impl Default for PageLimit {
    fn default() -> Self {
        Self {
            records: PULL_LIMIT,
            bytes: PULL_PAGE_BYTES,
        }
    }
}

/// What changed for the device's families after `cursor`, as a bundle (records this
/// device pushed itself left out). Records and tombstones share one change number, so
/// a pull cut at its limit ends at a number below which nothing is left out.
pub async fn pull(pool: &Pool, device: &Device, cursor: i64) -> Result<Pulled, SyncError> {
    pull_at_most(pool, device, cursor, PageLimit::default()).await
}

/// One line of a page, with its change number and where it goes in the bundle.
struct Paged {
    order: usize,
    seq: i64,
    family: Option<String>,
    line: Line,
}

/// [`pull`] within `limit`.
pub async fn pull_at_most(
    pool: &Pool,
    device: &Device,
    cursor: i64,
    limit: PageLimit,
) -> Result<Pulled, SyncError> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    // A push of her families holds this lock until it commits: waiting for it means a
    // change number handed out before ours but committed after can never be skipped.
    scope::lock_families(&tx, device, LOCK_FOR_PULL).await?;
    let families = families_of(&tx, device).await?;
    let max = limit.records;
    let count = usize::try_from(max).unwrap_or(usize::MAX);
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
        Some(last) if records.len() >= count => last.get::<_, i64>(4),
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
        && tombstones.len() >= count
    {
        bound = last.get::<_, i64>(4);
    }
    let mut next = cursor;
    let mut lines: Vec<Paged> = Vec::new();
    let mut bytes = 0usize;
    for row in records.iter().filter(|r| r.get::<_, i64>(4) <= bound) {
        let (table, id, family, body, seq): (String, String, Option<String>, Option<Value>, i64) =
            (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
        // No body: this device's own push.
        let Some(body) = body else {
            next = next.max(seq);
            continue;
        };
        let history = history_of(&tx, &table, &id).await?;
        let line = Line {
            table,
            id,
            body: Some(body_of(body)),
            history,
            deleted: None,
        };
        let size = serde_json::to_vec(&line).map_or(0, |v| v.len());
        // Past the page's bytes: this record starts the next page.
        if bytes + size > limit.bytes && !lines.is_empty() {
            bound = next;
            break;
        }
        bytes += size;
        next = next.max(seq);
        lines.push(Paged {
            order: table_order(&line.table),
            seq,
            family,
            line,
        });
    }
    for row in tombstones.iter().filter(|r| r.get::<_, i64>(4) <= bound) {
        let (table, id, family, deleted, seq): (String, String, Option<String>, Value, i64) =
            (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
        next = next.max(seq);
        let Ok(deleted) = serde_json::from_value::<Deleted>(deleted) else {
            continue;
        };
        lines.push(Paged {
            order: usize::MAX,
            seq,
            family,
            line: Line {
                table,
                id,
                body: None,
                history: vec![],
                deleted: Some(deleted),
            },
        });
    }
    let more = bound != i64::MAX;
    if more {
        next = bound;
    }
    lines.sort_by_key(|p| p.seq);
    let mut named: Vec<String> = Vec::new();
    for family in lines.iter().filter_map(|p| p.family.as_ref()) {
        if !named.contains(family) {
            named.push(family.clone());
        }
    }
    // The cadres whose visits the page holds, so a family's phone can name its cadre.
    let cadres: Vec<String> = lines
        .iter()
        .filter(|p| p.line.table == "home_visit")
        .filter_map(|p| {
            p.line
                .body
                .as_ref()?
                .get("cadre_id")?
                .as_str()
                .map(str::to_owned)
        })
        .collect();
    for row in rows(
        &tx,
        "SELECT id, body FROM record WHERE table_name = 'cadre' AND id = ANY($1)",
        &[&cadres],
    )
    .await?
    {
        lines.push(Paged {
            order: table_order("cadre"),
            seq: 0,
            family: None,
            line: Line {
                table: "cadre".into(),
                id: row.get(0),
                body: Some(body_of(row.get(1))),
                history: vec![],
                deleted: None,
            },
        });
    }
    let posko = posko_for(&tx, device).await?;
    super::touch(&tx, device).await?;
    tx.commit().await?;
    // Parents before their children (a stable sort: within a table, in change order).
    lines.sort_by_key(|p| p.order);
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
    let lines: Vec<Line> = lines.into_iter().map(|p| p.line).collect();
    let records = lines.iter().filter(|l| l.body.is_some()).count();
    let families = header.family_ids.len();
    Ok(Pulled {
        bundle: bundle::write(header, &lines),
        cursor: next,
        more,
        records,
        families,
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
