//! Loads what the posyandu report reads of each family from the server's records: the
//! same rows the app's own report (`src-tauri/src/storage/report.rs`) loads from its
//! SQLite file. The core decides the facts (`cohort::facts`) and the sums
//! (`report::build`), so the tables are the same from either.

use std::collections::HashMap;

use ayah_asi_core::cohort::{
    self, FamilyRow, FamilyRows, MilkRow, Period, QuizRow, SessionCount, VisitRow,
};
use ayah_asi_core::feeding::RecallRow;
use ayah_asi_core::report::{CadreScores, CohortFamily};
use deadpool_postgres::Pool;
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

use super::{DashboardError, IN_SCOPE, Scope, scoped_rows};

/// Which families a report covers (within the reader's scope); the days are a
/// [`Period`].
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub posyandu_id: Option<i64>,
    pub cadre_id: Option<i64>,
    pub rw: Option<String>,
}

/// The families a report covers: in scope and filter, enrolled by the period's end.
/// Each family's record is looked up by its id (`OFFSET 0` keeps the subquery apart):
/// joined, the planner merged a posyandu's families with every family record of the
/// district (docs/scaling.md).
const FAMILIES: &str = "
    families AS (
        SELECT fam.family_id AS id, f.body
        FROM fam CROSS JOIN LATERAL (
            SELECT r.body FROM record r
            WHERE r.table_name = 'family' AND r.id = fam.family_id OFFSET 0) f
        WHERE substr(f.body->>'created_at', 1, 10) <= $3
          AND ($4::bigint IS NULL OR fam.posyandu_id = $4)
          AND ($5::bigint IS NULL OR fam.cadre_id = $5)
          AND ($6::text IS NULL OR ltrim(f.body->>'rw', '0') = ltrim($6, '0')))";

/// The cadres' own tests as their phones reported them, for the report's cadres table:
/// every cadre of the posyandu in scope (or the one cadre asked for), by name. As in the
/// app, a cadre's test belongs to no period.
pub async fn cadre_tests(
    pool: &Pool,
    scope: &Scope,
    filter: &Filter,
) -> Result<Vec<CadreScores>, DashboardError> {
    let rows = scoped_rows(
        pool,
        scope,
        concat!(
            "SELECT k.name, k.pre, k.post FROM cadre_counselling k
         JOIN cadre c ON c.id = k.cadre_id JOIN posyandu p ON p.id = c.posyandu_id
         WHERE ",
            posyandu_in_scope!(),
            "
           AND ($3::bigint IS NULL OR p.id = $3) AND ($4::bigint IS NULL OR c.id = $4)
         ORDER BY k.name, k.app_cadre_id"
        ),
        &[&filter.posyandu_id, &filter.cadre_id],
    )
    .await?;
    let score = |s: Option<i16>| s.and_then(|s| u8::try_from(s).ok());
    Ok(rows
        .iter()
        .map(|row| CadreScores {
            name: row.get(0),
            pre: score(row.get(1)),
            post: score(row.get(2)),
        })
        .collect())
}

/// The facts of every family the filter and period cover, by the core's rules
/// (`cohort::facts`), oldest enrolment first.
pub async fn list(
    pool: &Pool,
    scope: &Scope,
    filter: &Filter,
    period: &Period,
) -> Result<Vec<CohortFamily>, DashboardError> {
    let rows = list_family_rows(pool, scope, filter, period).await?;
    Ok(cohort::families(&rows, period))
}

/// The rows the report reads of every family the filter covers (and the reader may
/// see), each question asked once for all of them.
pub async fn list_family_rows(
    pool: &Pool,
    scope: &Scope,
    filter: &Filter,
    period: &Period,
) -> Result<Vec<FamilyRows>, DashboardError> {
    let to = period.to.to_string();
    let from = period.from.to_string();
    let until = period.until().to_string();
    let active_since = period.active_since.to_string();
    let rw = filter
        .rw
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let with = format!("WITH {IN_SCOPE}, {FAMILIES}");
    let base: [&(dyn ToSql + Sync); 4] = [&to, &filter.posyandu_id, &filter.cadre_id, &rw];
    let query = |sql: &str| format!("{with} {sql}");
    let of_table = |table: &str, columns: &str| {
        query(&format!(
            "SELECT r.family_id, {columns} FROM families
             JOIN record r ON r.family_id = families.id AND r.table_name = '{table}'"
        ))
    };

    let families_sql = query(
        "SELECT id, body->>'created_at', body->>'baby_birth_date', (body->>'mother_age')::int,
                body->>'mother_education', body->>'parity', body->>'pregnant' IS NOT NULL
         FROM families",
    );
    let families = scoped_rows(pool, scope, &families_sql, &base);
    let milk_sql = of_table(
        "milk_status",
        "r.id, r.body->>'recorded_on', r.body->>'created_at', r.body->>'status'",
    );
    let milk = scoped_rows(pool, scope, &milk_sql, &base);
    let quizzes_sql = of_table(
        "quiz_attempt",
        "r.body->>'kind', (r.body->>'score')::int, r.body->>'created_at'",
    );
    let quizzes = scoped_rows(pool, scope, &quizzes_sql, &base);
    // The answers oldest first, as the app's loader reads them.
    let recalls_sql = format!(
        "{} ORDER BY r.body->>'recalled_on', r.body->>'created_at'",
        of_table(
            "feeding_recall",
            "r.body->>'recalled_on', r.body->>'items', r.body->>'ever_other', r.body->>'first_other_on'",
        )
    );
    let recalls = scoped_rows(pool, scope, &recalls_sql, &base);
    let trained_sql = of_table("hands_on_training", "r.body->>'trained_on'");
    let trained = scoped_rows(pool, scope, &trained_sql, &base);
    let visits_sql = of_table(
        "home_visit",
        "r.id, r.body->>'original_id', (r.body->>'version')::int, r.body->>'visited_on',
         r.body->>'created_at', r.body->>'competent' = '1'",
    );
    let visits = scoped_rows(pool, scope, &visits_sql, &base);
    let ratings_sql = query(
        "SELECT r.family_id, r.rating_comfort
         FROM families JOIN record r ON r.family_id = families.id AND r.table_name = 'session_rating'
         -- NULL when she skipped (migration 007): the index alone answers.
         WHERE r.made_at >= $7 AND r.made_at < $8 AND r.rating_comfort IS NOT NULL
           -- The current rating: no later version of it. Later versions are rare
           -- and have their own small index (migration 010).
           AND NOT EXISTS (SELECT 1 FROM record n WHERE n.table_name = 'session_rating'
               AND n.rating_version > 1
               AND n.rating_session = r.rating_session AND n.rating_version > r.rating_version
               AND n.family_id = r.family_id)",
    );
    // The report's period: $7 to $8.
    let in_period: [&(dyn ToSql + Sync); 6] = [
        &to,
        &filter.posyandu_id,
        &filter.cadre_id,
        &rw,
        &from,
        &until,
    ];
    let ratings = scoped_rows(pool, scope, &ratings_sql, &in_period);
    let sessions_sql = query(
        "SELECT r.family_id, r.session_status, r.given_by, count(*)
         FROM families JOIN record r ON r.family_id = families.id AND r.table_name = 'massage_session'
         WHERE r.made_at >= $7 AND r.made_at < $8
         GROUP BY r.family_id, r.session_status, r.given_by",
    );
    let sessions = scoped_rows(pool, scope, &sessions_sql, &in_period);
    let recent_sql = query(
        "SELECT r.family_id, r.session_status, NULL::text, count(*)
         FROM families JOIN record r ON r.family_id = families.id AND r.table_name = 'massage_session'
         WHERE r.made_at >= $7
         GROUP BY r.family_id, r.session_status",
    );
    let since: [&(dyn ToSql + Sync); 5] = [
        &to,
        &filter.posyandu_id,
        &filter.cadre_id,
        &rw,
        &active_since,
    ];
    let recent = scoped_rows(pool, scope, &recent_sql, &since);

    // Independent questions, each on its own connection: the report takes as long as
    // the slowest, not the sum.
    let (families, milk, quizzes, trained, visits, ratings, sessions, recent, recalls) = tokio::try_join!(
        families, milk, quizzes, trained, visits, ratings, sessions, recent, recalls
    )?;

    let mut of: HashMap<String, FamilyRows> = HashMap::new();
    for r in &families {
        let id: String = r.get(0);
        let family = FamilyRow {
            id: id.clone(),
            created_at: text(r, 1),
            baby_birth_date: text(r, 2),
            mother_age: small(r.get(3)),
            mother_education: r.get(4),
            parity: r.get(5),
            pregnant: r.get(6),
        };
        of.insert(
            id,
            FamilyRows {
                family,
                ..FamilyRows::default()
            },
        );
    }
    add_each(&mut of, &milk, |f, r| {
        f.milk.push(MilkRow {
            id: r.get(1),
            recorded_on: text(r, 2),
            created_at: text(r, 3),
            status: text(r, 4),
        });
    });
    add_each(&mut of, &quizzes, |f, r| {
        f.quizzes.push(QuizRow {
            kind: text(r, 1),
            score: small(r.get(2)),
            created_at: text(r, 3),
        });
    });
    add_each(&mut of, &trained, |f, r| f.trained_on.push(text(r, 1)));
    add_each(&mut of, &recalls, |f, r| {
        f.recalls.push(RecallRow {
            recalled_on: text(r, 1),
            items: text(r, 2),
            ever_other: r.get(3),
            first_other_on: r.get(4),
        });
    });
    add_each(&mut of, &visits, |f, r| {
        f.visits.push(VisitRow {
            id: r.get(1),
            original_id: text(r, 2),
            version: r
                .get::<_, Option<i32>>(3)
                .and_then(|v| u32::try_from(v).ok())
                .unwrap_or(0),
            visited_on: text(r, 4),
            created_at: text(r, 5),
            competent: r.get::<_, Option<bool>>(6).unwrap_or(false),
        });
    });
    add_each(&mut of, &ratings, |f, r| {
        if let Some(comfort) = small(r.get(1)) {
            f.comforts.push(comfort);
        }
    });
    let count = |r: &Row| SessionCount {
        status: text(r, 1),
        given_by: r.get(2),
        count: usize::try_from(r.get::<_, i64>(3)).unwrap_or(0),
    };
    add_each(&mut of, &sessions, |f, r| f.sessions.push(count(r)));
    add_each(&mut of, &recent, |f, r| f.recent_sessions.push(count(r)));

    let mut rows: Vec<FamilyRows> = of.into_values().collect();
    add_visit_scores(pool, scope, &with, &base, &mut rows, period).await?;
    Ok(rows)
}

/// Adds each row to its family's rows (the first column is the family's id).
fn add_each(
    of: &mut HashMap<String, FamilyRows>,
    rows: &[Row],
    mut add: impl FnMut(&mut FamilyRows, &Row),
) {
    for r in rows {
        if let Some(family) = of.get_mut(&r.get::<_, String>(0)) {
            add(family, r);
        }
    }
}

/// The scores of each family's latest visit, which the core chose.
async fn add_visit_scores(
    pool: &Pool,
    scope: &Scope,
    with: &str,
    base: &[&(dyn ToSql + Sync); 4],
    rows: &mut [FamilyRows],
    period: &Period,
) -> Result<(), DashboardError> {
    // Each family's chosen visit, in the order of `rows`.
    let chosen: Vec<Option<String>> = rows
        .iter()
        .map(|r| cohort::latest_visit(&r.visits, period).map(|v| v.id.clone()))
        .collect();
    let latest: Vec<String> = chosen.iter().flatten().cloned().collect();
    if latest.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "{with} SELECT s.body->>'visit_id', s.body->>'row_id', (s.body->>'score')::int
         FROM families JOIN record s ON s.family_id = families.id AND s.table_name = 'visit_score'
         WHERE s.body->>'visit_id' = ANY($7)"
    );
    let params: [&(dyn ToSql + Sync); 5] = [base[0], base[1], base[2], base[3], &latest];
    let scores = scoped_rows(pool, scope, &sql, &params).await?;
    let mut of_visit: HashMap<String, Vec<(String, u8)>> = HashMap::new();
    for r in &scores {
        if let Some(score) = small(r.get(2)) {
            of_visit
                .entry(text(r, 0))
                .or_default()
                .push((text(r, 1), score));
        }
    }
    for (family, visit) in rows.iter_mut().zip(chosen) {
        if let Some(visit) = visit {
            family.latest_visit_scores = of_visit.remove(&visit).unwrap_or_default();
        }
    }
    Ok(())
}

/// A text column, `""` when NULL (a record that passed the bundle's checks has it).
fn text(row: &Row, column: usize) -> String {
    row.get::<_, Option<String>>(column).unwrap_or_default()
}

fn small(value: Option<i32>) -> Option<u8> {
    value.and_then(|v| u8::try_from(v).ok())
}
