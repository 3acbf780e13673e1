//! When each family in scope gave its sessions over the last weeks: what the overview's
//! weekly pictures count (the counting is the core's `cadre::weekly_counts`).

use std::collections::HashMap;

use ayah_asi_core::cohort::SessionStatus;
use chrono::{DateTime, Duration, FixedOffset};
use deadpool_postgres::Pool;

use super::{DashboardError, IN_SCOPE, Scope, scoped_rows};

/// The start times of the sessions given (finished or stopped) in the `weeks` weeks up
/// to `now`, by family, for every family in scope.
pub(crate) async fn given_times(
    pool: &Pool,
    scope: &Scope,
    now: DateTime<FixedOffset>,
    weeks: u32,
) -> Result<HashMap<String, Vec<DateTime<FixedOffset>>>, DashboardError> {
    // A day more than the weeks: phones write their own offsets, and the core's count
    // keeps only what falls inside.
    let since = (now - Duration::days(7 * i64::from(weeks) + 1))
        .date_naive()
        .to_string();
    let given = SessionStatus::sql_list(&SessionStatus::GIVEN);
    let sql = format!(
        "WITH {IN_SCOPE}
         SELECT s.family_id, s.made_at FROM fam
         JOIN record s ON s.family_id = fam.family_id AND s.table_name = 'massage_session'
         WHERE s.made_at >= $3 AND s.session_status IN ({given})"
    );
    let rows = scoped_rows(pool, scope, &sql, &[&since]).await?;
    let mut times: HashMap<String, Vec<DateTime<FixedOffset>>> = HashMap::new();
    for row in rows {
        let made_at: Option<String> = row.get(1);
        if let Some(at) = made_at.and_then(|t| DateTime::parse_from_rfc3339(&t).ok()) {
            times.entry(row.get(0)).or_default().push(at);
        }
    }
    Ok(times)
}
