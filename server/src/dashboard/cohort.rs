//! What the posyandu report needs of each family, from the server's records: the same
//! facts, by the same rules, as the app's own report (`src-tauri/src/storage/report.rs`)
//! gathers from its SQLite file, so that the core crate's `report::build` gives the same
//! tables from either. Times are compared as the app compares them: as the text the
//! phone wrote, which starts with its local date.

use std::collections::HashMap;

use ayah_asi_core::checklist;
use ayah_asi_core::protocol::Giver;
use ayah_asi_core::rating::MilkStatus;
use ayah_asi_core::report::{CadreScores, CohortFamily, LatestVisit};
use chrono::NaiveDate;
use deadpool_postgres::Pool;

use super::{DashboardError, IN_SCOPE, Scope, scoped_rows};

/// Which families and days a report covers (within the reader's scope).
#[derive(Debug, Clone)]
pub struct Period {
    pub posyandu_id: Option<i64>,
    pub cadre_id: Option<i64>,
    pub rw: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// "Active" means a session since this day.
    pub active_since: NaiveDate,
}

/// The families a report covers: in scope and filter, enrolled by the period's end.
/// Each family's record is looked up by its id (`OFFSET 0` keeps the subquery apart):
/// joined, the planner merged a posyandu's 200 families with all 10,000 family records
/// of the district, 90 ms of each of the report's questions (make bench-district).
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
    period: &Period,
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
        &[&period.posyandu_id, &period.cadre_id],
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

/// The facts of every family the period covers, oldest enrolment first.
pub async fn list(
    pool: &Pool,
    scope: &Scope,
    period: &Period,
) -> Result<Vec<CohortFamily>, DashboardError> {
    let to = period.to.to_string();
    let from = period.from.to_string();
    let until = period.to.succ_opt().unwrap_or(period.to).to_string();
    let active_since = period.active_since.to_string();
    let rw = period
        .rw
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let with = format!("WITH {IN_SCOPE}, {FAMILIES}");
    let base: [&(dyn tokio_postgres::types::ToSql + Sync); 4] =
        [&to, &period.posyandu_id, &period.cadre_id, &rw];
    let query = |sql: &str| format!("{with} {sql}");

    let families_sql = query(
        "SELECT id, greatest(substr(body->>'created_at', 1, 10), body->>'baby_birth_date'),
                    (body->>'mother_age')::int, body->>'mother_education', body->>'parity',
                    body->>'pregnant' IS NOT NULL
             FROM families ORDER BY body->>'created_at'",
    );
    let families = scoped_rows(pool, scope, &families_sql, &base);
    let milk_sql = query(
        "SELECT r.family_id, r.id, r.body->>'recorded_on', r.body->>'status'
             FROM families JOIN record r ON r.family_id = families.id AND r.table_name = 'milk_status'
             ORDER BY r.body->>'recorded_on', r.body->>'created_at'",
    );
    let milk = scoped_rows(pool, scope, &milk_sql, &base);
    let quizzes_sql = query(
        "SELECT r.family_id, r.body->>'kind', (r.body->>'score')::int
             FROM families JOIN record r ON r.family_id = families.id AND r.table_name = 'quiz_attempt'
             ORDER BY r.body->>'created_at'",
    );
    let quizzes = scoped_rows(pool, scope, &quizzes_sql, &base);
    let trained_sql = query(
        "SELECT DISTINCT r.family_id
             FROM families JOIN record r ON r.family_id = families.id AND r.table_name = 'hands_on_training'
             WHERE r.body->>'trained_on' <= $3",
    );
    let trained = scoped_rows(pool, scope, &trained_sql, &base);
    let visits = latest_visits(pool, scope, &with, &base);
    let comforts_sql = query(
        "SELECT r.family_id, r.rating_comfort
             FROM families JOIN record r ON r.family_id = families.id AND r.table_name = 'session_rating'
             WHERE r.made_at >= $7 AND r.made_at < $8 AND r.rating_comfort IS NOT NULL
               -- The current rating: no later version of it. Later versions are rare
               -- and have their own small index (migration 010).
               AND NOT EXISTS (SELECT 1 FROM record n WHERE n.table_name = 'session_rating'
                   AND n.rating_version > 1
                   AND n.rating_session = r.rating_session AND n.rating_version > r.rating_version
                   AND n.family_id = r.family_id)",
    );
    // The report's period: $7 to $8.
    let in_period: [&(dyn tokio_postgres::types::ToSql + Sync); 6] = [
        &to,
        &period.posyandu_id,
        &period.cadre_id,
        &rw,
        &from,
        &until,
    ];
    let comforts = scoped_rows(pool, scope, &comforts_sql, &in_period);
    let sessions_sql = query(
        "SELECT r.family_id, r.given_by, count(*)
             FROM families JOIN record r ON r.family_id = families.id AND r.table_name = 'massage_session'
             WHERE r.session_status IN ('finished', 'stopped')
               AND r.made_at >= $7 AND r.made_at < $8
             GROUP BY r.family_id, r.given_by",
    );
    let sessions = scoped_rows(pool, scope, &sessions_sql, &in_period);
    let active_sql = query(
        "SELECT DISTINCT r.family_id
             FROM families JOIN record r ON r.family_id = families.id AND r.table_name = 'massage_session'
             WHERE r.session_status IN ('finished', 'stopped') AND r.made_at >= $7",
    );
    let active_params: [&(dyn tokio_postgres::types::ToSql + Sync); 5] = [
        &to,
        &period.posyandu_id,
        &period.cadre_id,
        &rw,
        &active_since,
    ];
    let active = scoped_rows(pool, scope, &active_sql, &active_params);

    // Independent questions, each on its own connection: the report takes as long as
    // the slowest, not the sum (make bench-district).
    let (families, milk, quizzes, trained, visits, comforts, sessions, active) = tokio::try_join!(
        families, milk, quizzes, trained, visits, comforts, sessions, active
    )?;

    let mut milk_of: HashMap<String, Vec<(String, String, String)>> = HashMap::new();
    for r in &milk {
        milk_of.entry(r.get(0)).or_default().push((
            r.get(1),
            r.get::<_, Option<String>>(2).unwrap_or_default(),
            r.get::<_, Option<String>>(3).unwrap_or_default(),
        ));
    }
    let mut quiz_of: HashMap<String, (Option<u8>, Option<u8>)> = HashMap::new();
    for r in &quizzes {
        let entry = quiz_of.entry(r.get(0)).or_default();
        let score = r
            .get::<_, Option<i32>>(2)
            .and_then(|s| u8::try_from(s).ok());
        match r.get::<_, Option<String>>(1).as_deref() {
            // The first pre-test, the latest post-test (rows come oldest first).
            Some("pre") if entry.0.is_none() => entry.0 = score,
            Some("post") => entry.1 = score,
            _ => {}
        }
    }
    let trained: Vec<String> = trained.iter().map(|r| r.get(0)).collect();
    let mut comforts_of: HashMap<String, Vec<u8>> = HashMap::new();
    for r in &comforts {
        if let Some(c) = r
            .get::<_, Option<i32>>(1)
            .and_then(|c| u8::try_from(c).ok())
        {
            comforts_of.entry(r.get(0)).or_default().push(c);
        }
    }
    let mut sessions_of: HashMap<String, Vec<(Option<Giver>, usize)>> = HashMap::new();
    for r in &sessions {
        let giver = r
            .get::<_, Option<String>>(1)
            .as_deref()
            .and_then(Giver::parse);
        let count = usize::try_from(r.get::<_, i64>(2)).unwrap_or(0);
        sessions_of
            .entry(r.get(0))
            .or_default()
            .push((giver, count));
    }
    let active: Vec<String> = active.iter().map(|r| r.get(0)).collect();

    Ok(families
        .iter()
        .map(|row| {
            let id: String = row.get(0);
            let enrolled: String = row.get::<_, Option<String>>(1).unwrap_or_default();
            let (milk_before, milk_after) = milk_before_after(
                milk_of.get(&id).map_or(&[][..], Vec::as_slice),
                &enrolled,
                period,
            );
            let (pre_score, post_score) = quiz_of.get(&id).copied().unwrap_or_default();
            let sessions_by = sessions_of.remove(&id).unwrap_or_default();
            CohortFamily {
                mother_age: row
                    .get::<_, Option<i32>>(2)
                    .and_then(|a| u8::try_from(a).ok()),
                mother_education: row.get(3),
                parity: row.get(4),
                trained: trained.contains(&id),
                post_tested: post_score.is_some(),
                active: active.contains(&id),
                pregnant: row.get(5),
                milk_before,
                milk_after,
                pre_score,
                post_score,
                latest_visit: visits.get(&id).cloned(),
                comforts: comforts_of.remove(&id).unwrap_or_default(),
                sessions_by,
            }
        })
        .collect())
}

/// "Before": the first status on or after enrolment; "after": the latest in the period,
/// when it is a later record than "before". `statuses`: (id, day, status), in the order
/// of their day and creation.
fn milk_before_after(
    statuses: &[(String, String, String)],
    enrolled: &str,
    period: &Period,
) -> (Option<MilkStatus>, Option<MilkStatus>) {
    let (from, to) = (period.from.to_string(), period.to.to_string());
    let first = statuses.iter().find(|(_, on, _)| on.as_str() >= enrolled);
    let latest = statuses
        .iter()
        .rev()
        .find(|(_, on, _)| on.as_str() >= from.as_str() && on.as_str() <= to.as_str());
    let before = first.and_then(|(_, _, s)| MilkStatus::parse(s));
    let after = match (first, latest) {
        (Some((first_id, _, _)), Some((latest_id, _, status))) if first_id != latest_id => {
            MilkStatus::parse(status)
        }
        _ => None,
    };
    (before, after)
}

/// Each family's latest visit by the period's end (the latest version of it), with the
/// rows scored below 2.
async fn latest_visits(
    pool: &Pool,
    scope: &Scope,
    with: &str,
    base: &[&(dyn tokio_postgres::types::ToSql + Sync); 4],
) -> Result<HashMap<String, LatestVisit>, DashboardError> {
    let rows = scoped_rows(
        pool,
        scope,
        &format!(
            "{with},
             -- Each family's latest visit first; its rows then, for those visits only
             -- (measured at district size: 2.2 s when every visit's rows were read).
             latest AS (
                 SELECT DISTINCT ON (v.family_id) v.family_id, v.id, v.body->>'competent' = '1' AS competent
                 FROM families JOIN record v ON v.family_id = families.id AND v.table_name = 'home_visit'
                 WHERE v.body->>'visited_on' <= $3
                   -- The visit's current version, asked per visit through the visits' key
                   -- index (as NOT EXISTS the planner could hash every visit of the
                   -- district: 420 ms of a posyandu's report).
                   AND (v.body->>'version')::int = (SELECT max((w.body->>'version')::int)
                       FROM record w WHERE w.table_name = 'home_visit'
                         AND w.family_id = v.family_id
                         AND w.body->>'original_id' = v.body->>'original_id')
                 ORDER BY v.family_id, v.body->>'visited_on' DESC, v.body->>'created_at' DESC)
             SELECT latest.family_id, latest.competent,
                    ARRAY(SELECT s.body->>'row_id' || ':' || (s.body->>'score')
                          FROM record s WHERE s.table_name = 'visit_score'
                            AND s.body->>'visit_id' = latest.id
                            AND (s.body->>'score')::int < 2
                          ORDER BY s.body->>'row_id')
             FROM latest"
        ),
        base,
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let failed: Vec<(String, String)> = r
                .get::<_, Vec<String>>(2)
                .into_iter()
                .filter_map(|pair| {
                    pair.split_once(':')
                        .map(|(a, b)| (a.to_owned(), b.to_owned()))
                })
                .collect();
            let visit = LatestVisit {
                competent: r.get::<_, Option<bool>>(1).unwrap_or(false),
                critical_failed: failed
                    .iter()
                    .any(|(row, score)| score == "0" && checklist::is_critical(row)),
                failed_rows: failed.into_iter().map(|(row, _)| row).collect(),
            };
            (r.get(0), visit)
        })
        .collect())
}
