//! One family's review, read-only: what the cadre's review in the app shows (weeks
//! against the plan, sessions with the mother's ratings, visits and each daftar tilik
//! row across them, the rows to coach first, knowledge scores, training, milk, posko
//! questions), built from the family's records with the core crate's rules.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use deadpool_postgres::Pool;
use serde_json::Value;

use ayah_asi_core::cadre::{self, WeekCount};
use ayah_asi_core::checklist::{self, PastVisit, RowScore, RowTrend};

use super::{DashboardError, FamilyFilter, FamilyRow, Scope, list_families};
use ayah_asi_core::cohort::{self, QuizRow, SessionStatus};

/// Sessions shown: those of the last 30 days.
pub const SESSION_DAYS: i64 = 30;

#[derive(Debug, Clone)]
pub struct Review {
    pub family: FamilyRow,
    pub weeks: Vec<WeekCount>,
    /// Newest first.
    pub sessions: Vec<SessionLine>,
    /// Oldest first, latest version of each.
    pub visits: Vec<VisitLine>,
    pub trends: Vec<RowTrend>,
    pub focus: Vec<&'static str>,
    pub pre_score: Option<i64>,
    pub post_score: Option<i64>,
    /// (day, trainer id, trainer's name).
    pub trainings: Vec<(String, String, Option<String>)>,
    /// (day, status id), newest first.
    pub milk: Vec<(String, String)>,
    /// Questions for the posyandu, newest first.
    pub questions: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct SessionLine {
    pub at: DateTime<FixedOffset>,
    pub status: String,
    pub stop_reason: Option<String>,
    pub given_by: Option<String>,
    pub comfort: Option<i64>,
    pub pain_before: Option<i64>,
    pub pain_after: Option<i64>,
    pub milk_flow: Option<String>,
}

#[derive(Debug, Clone)]
pub struct VisitLine {
    pub visited_on: NaiveDate,
    pub percent: i64,
    pub band: String,
    pub competent: bool,
    pub coaching_notes: Option<String>,
    pub rows: Vec<RowScore>,
    pub critical_failed: bool,
}

/// The review of `family_id`, if it is in scope.
pub async fn family_review(
    pool: &Pool,
    scope: &Scope,
    family_id: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Review, DashboardError> {
    // The family must be in scope: found through the same scoped list as the pages.
    let filter = FamilyFilter {
        family_id: Some(family_id.to_owned()),
        ..FamilyFilter::default()
    };
    let family = list_families(pool, scope, &filter, today)
        .await?
        .into_iter()
        .next()
        .ok_or(DashboardError::NotFound)?;
    let rows = pool
        .get()
        .await?
        .query(
            "SELECT table_name, id, body FROM record WHERE family_id = $1 ORDER BY seq",
            &[&family_id],
        )
        .await?;
    let records: Vec<(String, String, Value)> = rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    Ok(assemble(family, &records, now.fixed_offset()))
}

fn text(body: &Value, field: &str) -> Option<String> {
    body.get(field).and_then(Value::as_str).map(str::to_owned)
}

fn int(body: &Value, field: &str) -> Option<i64> {
    body.get(field).and_then(Value::as_i64)
}

fn time(body: &Value, field: &str) -> Option<DateTime<FixedOffset>> {
    text(body, field).and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
}

fn of<'a>(
    records: &'a [(String, String, Value)],
    table: &'a str,
) -> impl Iterator<Item = (&'a String, &'a Value)> + 'a {
    records
        .iter()
        .filter(move |(t, _, _)| t == table)
        .map(|(_, id, body)| (id, body))
}

fn assemble(
    family: FamilyRow,
    records: &[(String, String, Value)],
    now: DateTime<FixedOffset>,
) -> Review {
    let given: Vec<DateTime<FixedOffset>> = of(records, "massage_session")
        .filter(|(_, b)| {
            text(b, "status")
                .and_then(|s| SessionStatus::parse(&s))
                .is_some_and(SessionStatus::is_given)
        })
        .filter_map(|(_, b)| time(b, "created_at"))
        .collect();
    let weeks = cadre::weekly_counts(&given, family.plan_start(), now, cadre::REVIEW_WEEKS);
    let sessions = sessions(records, now);
    let visits = visits(records);
    let past: Vec<PastVisit> = visits
        .iter()
        .map(|v| PastVisit {
            visited_on: v.visited_on,
            rows: v.rows.clone(),
        })
        .collect();
    let trends = checklist::row_trends(&past);
    let focus = checklist::focus_rows(&trends);
    let quizzes: Vec<QuizRow> = of(records, "quiz_attempt")
        .map(|(_, b)| QuizRow {
            kind: text(b, "kind").unwrap_or_default(),
            score: int(b, "score").and_then(|s| u8::try_from(s).ok()),
            created_at: text(b, "created_at").unwrap_or_default(),
        })
        .collect();
    let (pre_score, post_score) = cohort::first_pre_latest_post(&quizzes);
    let mut milk: Vec<(String, String)> = of(records, "milk_status")
        .filter_map(|(_, b)| Some((text(b, "recorded_on")?, text(b, "status")?)))
        .collect();
    milk.sort_by(|a, b| b.cmp(a));
    let mut questions: Vec<(String, String)> = of(records, "posko_question")
        .filter_map(|(_, b)| Some((text(b, "created_at")?, text(b, "question")?)))
        .collect();
    questions.sort_by(|a, b| b.cmp(a));
    let mut trainings: Vec<(String, String, Option<String>)> = of(records, "hands_on_training")
        .filter_map(|(_, b)| {
            Some((
                text(b, "trained_on")?,
                text(b, "trainer")?,
                text(b, "trainer_name"),
            ))
        })
        .collect();
    trainings.sort();
    Review {
        family,
        weeks,
        sessions,
        visits,
        trends,
        focus,
        pre_score: pre_score.map(i64::from),
        post_score: post_score.map(i64::from),
        trainings,
        milk,
        questions: questions.into_iter().map(|(_, q)| q).collect(),
    }
}

/// Sessions of the last 30 days with the mother's current rating (the highest version).
fn sessions(records: &[(String, String, Value)], now: DateTime<FixedOffset>) -> Vec<SessionLine> {
    let since = now - Duration::days(SESSION_DAYS);
    let mut lines: Vec<SessionLine> = of(records, "massage_session")
        .filter_map(|(id, b)| {
            let at = time(b, "created_at").filter(|at| *at >= since)?;
            let rating = of(records, "session_rating")
                .filter(|(_, r)| text(r, "session_id").as_deref() == Some(id))
                .max_by_key(|(_, r)| int(r, "version"))
                .map(|(_, r)| r);
            let rated = |field: &str| rating.and_then(|r| int(r, field));
            Some(SessionLine {
                at,
                status: text(b, "status").unwrap_or_default(),
                stop_reason: text(b, "stop_reason"),
                given_by: text(b, "given_by"),
                comfort: rated("comfort"),
                pain_before: rated("pain_before"),
                pain_after: rated("pain_after"),
                milk_flow: rating.and_then(|r| text(r, "milk_flow")),
            })
        })
        .collect();
    lines.sort_by_key(|line| std::cmp::Reverse(line.at));
    lines
}

/// Each visit's latest version, oldest first, with its rows.
fn visits(records: &[(String, String, Value)]) -> Vec<VisitLine> {
    let all: Vec<(&String, &Value)> = of(records, "home_visit").collect();
    fn original<'a>(visit: &'a (&String, &Value)) -> &'a str {
        visit
            .1
            .get("original_id")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
    fn version(visit: &(&String, &Value)) -> u32 {
        int(visit.1, "version")
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0)
    }
    let mut lines: Vec<(String, VisitLine)> = cohort::current_versions(&all, original, version)
        .into_iter()
        .filter_map(|(id, v)| {
            let rows: Vec<RowScore> = of(records, "visit_score")
                .filter(|(_, s)| text(s, "visit_id").as_deref() == Some(id.as_str()))
                .filter_map(|(_, s)| {
                    Some(RowScore {
                        row_id: text(s, "row_id")?,
                        score: u8::try_from(int(s, "score")?).ok()?,
                        note: text(s, "note"),
                    })
                })
                .collect();
            let critical_failed = !checklist::critical_failures(&rows).is_empty();
            let line = VisitLine {
                visited_on: NaiveDate::parse_from_str(&text(v, "visited_on")?, "%Y-%m-%d").ok()?,
                percent: int(v, "percent")?,
                band: text(v, "band")?,
                competent: int(v, "competent") == Some(1),
                coaching_notes: text(v, "coaching_notes"),
                rows,
                critical_failed,
            };
            Some((text(v, "created_at").unwrap_or_default(), line))
        })
        .collect();
    lines.sort_by(|a, b| (a.1.visited_on, &a.0).cmp(&(b.1.visited_on, &b.0)));
    lines.into_iter().map(|(_, line)| line).collect()
}
