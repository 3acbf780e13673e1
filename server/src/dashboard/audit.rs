//! The audit trail as the audit page shows it: newest first, within the puskesmas.

use chrono::{DateTime, Utc};
use deadpool_postgres::Pool;

use super::{DashboardError, Scope};

#[derive(Debug, Clone)]
pub struct AuditLine {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The account's name; `None` for unknown logins and the command line.
    pub who: Option<String>,
    pub action: String,
    pub target: String,
    pub address: String,
}

/// The latest `limit` entries of accounts of the puskesmas (and failed logins of
/// unknown accounts, which belong to no puskesmas, for staff who watch for attacks),
/// older than entry `before` when given (the next page).
pub async fn latest(
    pool: &Pool,
    scope: &Scope,
    limit: i64,
    before: Option<i64>,
) -> Result<Vec<AuditLine>, DashboardError> {
    let rows = pool
        .get()
        .await?
        .query(
            "SELECT u.id, u.at, a.name, u.action, u.target, u.address FROM audit u
             LEFT JOIN account a ON a.id = u.account_id
             WHERE (a.puskesmas_id = $1 OR u.account_id IS NULL) AND u.id < $3
             ORDER BY u.id DESC LIMIT $2",
            &[&scope.puskesmas_id, &limit, &before.unwrap_or(i64::MAX)],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| AuditLine {
            id: r.get(0),
            at: r.get(1),
            who: r.get(2),
            action: r.get(3),
            target: r.get(4),
            address: r.get(5),
        })
        .collect())
}
