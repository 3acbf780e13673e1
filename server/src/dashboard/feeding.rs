//! The answers of "what did the baby have yesterday" of every family in scope, oldest
//! first, for the overview's exclusive breastfeeding by month (counted by the core's
//! `feeding::by_month`).

use std::collections::HashMap;

use ayah_asi_core::feeding::RecallRow;
use deadpool_postgres::Pool;

use super::{DashboardError, IN_SCOPE, Scope, scoped_rows};

pub(crate) async fn recall_rows(
    pool: &Pool,
    scope: &Scope,
) -> Result<HashMap<String, Vec<RecallRow>>, DashboardError> {
    let sql = format!(
        "WITH {IN_SCOPE}
         SELECT r.family_id, r.body->>'recalled_on', r.body->>'items', r.body->>'ever_other',
                r.body->>'first_other_on'
         FROM fam JOIN record r ON r.family_id = fam.family_id AND r.table_name = 'feeding_recall'
         ORDER BY r.body->>'recalled_on', r.body->>'created_at'"
    );
    let rows = scoped_rows(pool, scope, &sql, &[]).await?;
    let mut by_family: HashMap<String, Vec<RecallRow>> = HashMap::new();
    for row in rows {
        by_family.entry(row.get(0)).or_default().push(RecallRow {
            recalled_on: row.get::<_, Option<String>>(1).unwrap_or_default(),
            items: row.get::<_, Option<String>>(2).unwrap_or_default(),
            ever_other: row.get(3),
            first_other_on: row.get(4),
        });
    }
    Ok(by_family)
}
