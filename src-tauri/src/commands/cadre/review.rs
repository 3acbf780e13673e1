//! A family's review for the cadre: sessions since her last visit, weeks against the
//! plan, her visits and each row across them.

use chrono::{DateTime, Duration, NaiveDate};
use serde::Serialize;
use tauri::State;

use crate::commands::family::FamilyView;
use crate::domain::cadre::{self, WeekCount};
use crate::domain::checklist::{self, RowTrend};
use crate::domain::protocol::MassagePlan;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, Store, cadre as cadre_store, families, follow_up, sessions};

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FamilyReview {
    pub family: FamilyView,
    pub last_visit_on: Option<NaiveDate>,
    pub sessions_since_visit: Vec<crate::domain::history::SessionSummary>,
    pub weeks: Vec<WeekCount>,
    pub visits: Vec<cadre_store::VisitRow>,
    pub trends: Vec<RowTrend>,
    pub focus: Vec<&'static str>,
    /// Rows whose 0 means "not competent" whatever the percentage.
    pub critical: Vec<&'static str>,
    /// The family's plan, for the duration and repetition rows' text.
    pub plan: MassagePlan,
    /// Knowledge test: first pre-test and latest post-test score.
    pub pre_score: Option<u8>,
    pub post_score: Option<u8>,
    /// The father's hands-on trainings, oldest first.
    pub trainings: Vec<crate::storage::learning::TrainingRow>,
    /// Questions he noted to ask at the posko, newest first.
    pub posko_questions: Vec<crate::storage::posko::QuestionRow>,
    /// The mother agreed to the consent text as it reads now (else the cadre asks her,
    /// on the mother's own screen; until then nothing of the family goes to the server).
    pub consent_current: bool,
}

#[tauri::command]
pub async fn family_review(
    state: State<'_, AppState>,
    family_id: String,
) -> Result<FamilyReview, AppError> {
    state.cadre.touch()?;
    state
        .with_store(move |store| review(store, &family_id))
        .await
}

fn review(store: &Store, family_id: &str) -> Result<FamilyReview, AppError> {
    let conn = store.conn();
    let now = storage::now();
    let record = families::get_family(conn, family_id)?
        .filter(|_| cadre_store::get_visible(conn, family_id).unwrap_or(false))
        .ok_or_else(|| AppError::FamilyNotFound(family_id.to_owned()))?;
    let visits = cadre_store::list_visits(conn, family_id)?;
    let last_visit_on = visits.last().map(|v| v.visited_on);
    let since = match last_visit_on {
        Some(on) => {
            DateTime::parse_from_rfc3339(&format!("{on}T00:00:00{}", now.offset())).unwrap_or(now)
        }
        None => DateTime::parse_from_rfc3339(&record.meta.created_at).unwrap_or(now),
    };
    let sessions_since_visit = follow_up::list_session_summaries(conn, family_id, since)?;
    let enrolled = DateTime::parse_from_rfc3339(&record.meta.created_at)
        .map_or(now.date_naive(), |at| at.date_naive());
    // A day of slack before the four weeks: times are compared as instants, and the
    // stored text carries the offset of the device that wrote it.
    let given = cadre_store::list_given_session_times(conn, family_id, now - Duration::days(29))?;
    let weeks = cadre::weekly_counts(
        &given,
        record.family.plan_start(enrolled),
        now,
        cadre::REVIEW_WEEKS,
    );
    let trends = checklist::row_trends(&cadre_store::as_past_visits(&visits));
    let focus = checklist::focus_rows(&trends);
    let (pre_score, post_score) = crate::storage::learning::get_scores(conn, family_id)?;
    Ok(FamilyReview {
        critical: checklist::CRITICAL_ROWS.to_vec(),
        plan: sessions::get_plan(conn, family_id)?,
        pre_score,
        post_score,
        trainings: crate::storage::learning::list_trainings(conn, family_id)?,
        posko_questions: crate::storage::posko::list_questions(conn, family_id)?,
        consent_current: families::get_consent_is_current(conn, family_id)?,
        family: FamilyView::new(&record, now.date_naive()),
        last_visit_on,
        sessions_since_visit,
        weeks,
        visits,
        trends,
        focus,
    })
}
