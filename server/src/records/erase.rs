//! Erasing a family along the chain (UU PDP No. 27/2022): every record of it, their
//! replaced versions, its deletions, its clashes set aside, its unspent codes, its moves
//! and its handled alerts go, in one transaction with the audit line that says why.
//! What stays is its assignment (its id and cadre, marked erased) and one tombstone of
//! the family, pulled by every phone that holds it (the cadre's, the family's), which
//! then deletes its copy; the same tombstone holds back any record of the family a
//! phone sends later (the core's plan holds a record whose family is deleted).

use chrono::{DateTime, Utc};
use deadpool_postgres::{Pool, Transaction};

use super::{LOCK_FOR_PUSH, SERVER_DEVICE_ID, SyncError, exec, row_opt, rows};
use crate::audit::audit_line;

/// Why a family was erased, as the audit trail shows it (never a name or a free text:
/// the trail outlives the family).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErasureReason {
    /// "Hapus semua data keluarga" on the family's phone, or its cadre's "also from the
    /// server": a tombstone of the family in a push.
    AskedOnPhone,
    /// At the puskesmas, the mother asked in person.
    AskedInPerson,
    /// At the puskesmas, the mother withdrew her consent.
    ConsentWithdrawn,
    /// At the puskesmas, the family was entered by mistake (twice, say).
    EnteredByMistake,
    /// The server's retention: no record arrived for longer than it keeps a family.
    Retention,
}

impl ErasureReason {
    /// The reasons a midwife or the puskesmas may give on the family's page.
    pub const AT_PUSKESMAS: [Self; 3] = [
        Self::AskedInPerson,
        Self::ConsentWithdrawn,
        Self::EnteredByMistake,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Self::AskedOnPhone => "asked-on-phone",
            Self::AskedInPerson => "asked-in-person",
            Self::ConsentWithdrawn => "consent-withdrawn",
            Self::EnteredByMistake => "entered-by-mistake",
            Self::Retention => "retention",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        Self::AT_PUSKESMAS
            .into_iter()
            .chain([Self::AskedOnPhone, Self::Retention])
            .find(|r| r.word() == word)
    }
}

/// Who erased: the account (dashboard), the device (a push), or the server itself.
#[derive(Debug, Clone, Copy)]
pub enum ErasedBy {
    Account(i64),
    Device(i64),
    Server,
}

/// Erases one family inside `tx` and writes its audit line there. Returns how many
/// records went. Erasing an erased family again only renews its tombstone.
pub async fn erase_family(
    tx: &Transaction<'_>,
    family_id: &str,
    reason: ErasureReason,
    by: ErasedBy,
    address: &str,
) -> Result<u64, SyncError> {
    let family = family_id.to_owned();
    lock_family(tx, &family).await?;
    // Versions first, while the records and deletions still name their ids: a version
    // of a rating or a score carries no family id of its own. Each by an index.
    for sql in [
        "DELETE FROM record_history h USING record r WHERE r.family_id = $1
            AND h.table_name = r.table_name AND h.id = r.id",
        "DELETE FROM record_history h USING tombstone t WHERE t.family_id = $1
            AND h.table_name = t.table_name AND h.id = t.id",
        "DELETE FROM record_history WHERE body->>'family_id' = $1",
        "DELETE FROM record_history WHERE table_name = 'family' AND id = $1",
    ] {
        exec(tx, sql, &[&family]).await?;
    }
    // A handled alert's key names the family or one of its records.
    exec(
        tx,
        "DELETE FROM alert_handled WHERE split_part(alert_key, ':', 2) = $1
            OR split_part(alert_key, ':', 2) IN (SELECT id FROM record WHERE family_id = $1)",
        &[&family],
    )
    .await?;
    let records = exec(tx, "DELETE FROM record WHERE family_id = $1", &[&family]).await?;
    for sql in [
        "DELETE FROM tombstone WHERE family_id = $1",
        "DELETE FROM conflict WHERE family_id = $1",
        "DELETE FROM pairing_code WHERE family_id = $1",
        "DELETE FROM family_transfer WHERE family_id = $1",
    ] {
        exec(tx, sql, &[&family]).await?;
    }
    let now = Utc::now();
    let deleted = serde_json::json!({
        "at": ayah_asi_core::record::format_time(now.fixed_offset()),
        "device_id": SERVER_DEVICE_ID,
        "family_id": family,
    });
    exec(
        tx,
        "INSERT INTO tombstone (table_name, id, family_id, deleted) VALUES ('family', $1, $1, $2)",
        &[&family, &deleted],
    )
    .await?;
    exec(
        tx,
        "UPDATE family_assignment SET erased_at = now() WHERE family_id = $1",
        &[&family],
    )
    .await?;
    let (account, device) = match by {
        ErasedBy::Account(id) => (Some(id), None),
        ErasedBy::Device(id) => (None, Some(id)),
        ErasedBy::Server => (None, None),
    };
    let target = match device {
        Some(device) => format!(
            "family {family} ({}, device {device}, {records} records)",
            reason.word()
        ),
        None => format!("family {family} ({}, {records} records)", reason.word()),
    };
    audit_line(tx, account, "family-erased", &target, address).await?;
    Ok(records)
}

/// Takes the push lock of the family's cadre, as her pushes do, so that none of them
/// interleaves with the erasure.
pub(crate) async fn lock_family(tx: &Transaction<'_>, family: &str) -> Result<(), SyncError> {
    super::scope::lock_cadre_of(tx, family, LOCK_FOR_PUSH, None).await
}

/// The families of `families` that were erased: their records are held back.
pub(super) async fn erased_of(
    tx: &Transaction<'_>,
    families: &[String],
) -> Result<Vec<String>, SyncError> {
    Ok(rows(
        tx,
        "SELECT family_id FROM family_assignment
         WHERE family_id = ANY($1) AND erased_at IS NOT NULL",
        &[&families],
    )
    .await?
    .iter()
    .map(|r| r.get(0))
    .collect())
}

/// Erases every family whose last record arrived longer than `keep_days` before `now`,
/// each in its own transaction: one that fails (a deadlock with a push, say) is logged
/// and left for tomorrow, and stops none of the others. Returns how many were erased.
pub async fn erase_expired(
    pool: &Pool,
    now: DateTime<Utc>,
    keep_days: u32,
) -> Result<usize, SyncError> {
    let before = now - chrono::Duration::days(i64::from(keep_days));
    let mut client = pool.get().await?;
    let due: Vec<String> = client
        .query(
            "SELECT family_id FROM family_assignment
             WHERE erased_at IS NULL AND last_record_at < $1 ORDER BY last_record_at",
            &[&before],
        )
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut erased = 0;
    for family in due {
        match erase_if_still_due(&mut client, &family, before).await {
            Ok(true) => erased += 1,
            Ok(false) => {}
            Err(error) => {
                tracing::warn!(%error, family, "a family past its retention was not erased; tried again tomorrow");
            }
        }
    }
    Ok(erased)
}

/// One family of the retention: its cadre's push lock first (the order a push takes),
/// then whether it is still due (a record may have arrived since the list).
async fn erase_if_still_due(
    client: &mut deadpool_postgres::Object,
    family: &str,
    before: DateTime<Utc>,
) -> Result<bool, SyncError> {
    let tx = client.transaction().await?;
    lock_family(&tx, family).await?;
    let still = row_opt(
        &tx,
        "SELECT 1 FROM family_assignment WHERE family_id = $1
         AND erased_at IS NULL AND last_record_at < $2",
        &[&family, &before],
    )
    .await?;
    if still.is_none() {
        return Ok(false);
    }
    erase_family(&tx, family, ErasureReason::Retention, ErasedBy::Server, "").await?;
    tx.commit().await?;
    Ok(true)
}
