//! The audit trail: who did what to what, from where. What comes from outside is cut
//! to a stated length, so one request cannot fill the trail.

use deadpool_postgres::{Pool, Transaction};

use crate::db::DbError;

/// The longest audit target and address kept: what comes from outside (a typed login,
/// a client address) is cut to it, so one request cannot fill the trail.
pub const AUDIT_TEXT_MAX: usize = 120;

fn cut(text: &str) -> String {
    text.chars().take(AUDIT_TEXT_MAX).collect()
}

/// Records who did what to what, from where.
pub async fn audit(
    pool: &Pool,
    account: Option<i64>,
    action: &str,
    target: &str,
    address: &str,
) -> Result<(), DbError> {
    let client = pool.get().await?;
    client
        .execute(
            AUDIT_INSERT,
            &[&account, &action, &cut(target), &cut(address)],
        )
        .await?;
    Ok(())
}

const AUDIT_INSERT: &str =
    "INSERT INTO audit (account_id, action, target, address) VALUES ($1, $2, $3, $4)";

/// The audit line of an act written in `tx`, so the two stand or fall together.
pub(crate) async fn audit_in(
    tx: &Transaction<'_>,
    account: Option<i64>,
    action: &str,
    target: &str,
    address: &str,
) -> Result<(), DbError> {
    Ok(audit_line(tx, account, action, target, address).await?)
}

/// [`audit_in`] for callers with errors of their own (a push's, an erasure's).
pub(crate) async fn audit_line(
    tx: &Transaction<'_>,
    account: Option<i64>,
    action: &str,
    target: &str,
    address: &str,
) -> Result<(), tokio_postgres::Error> {
    tx.execute(
        AUDIT_INSERT,
        &[&account, &action, &cut(target), &cut(address)],
    )
    .await?;
    Ok(())
}
