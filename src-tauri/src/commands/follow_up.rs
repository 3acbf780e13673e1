//! After the massage: the mother's rating, milk production status, the history, and
//! reminder settings.

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use tauri::State;

use crate::domain::cohort::SessionStatus;
use crate::domain::history::{self, Day, WeekFeedback};
use crate::domain::rating::{
    Author, MILK_STATUS_EVERY_DAYS, MilkStatus, MilkStatusInput, Rating, RatingInput,
};
use crate::domain::reminder::{self, ReminderSettings, Slot};
use crate::error::AppError;
use crate::reminders::Reminders;
use crate::state::AppState;
use crate::storage::{self, Store, families, follow_up, sessions};

/// How many days the history shows.
const HISTORY_DAYS: u32 = 14;

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RatingView {
    pub session_id: String,
    pub version: u32,
    pub answered_by: String,
    pub rating: Rating,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "History")]
#[serde(rename_all = "camelCase")]
pub struct HistoryView {
    pub days: Vec<Day>,
    pub sessions: Vec<history::SessionSummary>,
    pub feedback: WeekFeedback,
    /// The cadre's home visits, newest first: what she saw and what to practise.
    pub visits: Vec<FatherVisit>,
}

/// A home visit as the father reads it on his phone.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FatherVisit {
    pub visited_on: NaiveDate,
    pub cadre_name: String,
    pub percent: u8,
    pub competent: bool,
    /// Daftar tilik rows not yet done fully, to practise.
    pub to_practise: Vec<String>,
    pub coaching_notes: Option<String>,
}

fn father_visits(visits: Vec<crate::storage::cadre::VisitRow>) -> Vec<FatherVisit> {
    visits
        .into_iter()
        .rev()
        .map(|v| FatherVisit {
            visited_on: v.visited_on,
            cadre_name: v.cadre_name,
            percent: v.percent,
            competent: v.competent,
            to_practise: v
                .rows
                .iter()
                .filter(|r| r.score < crate::domain::checklist::MAX_ROW_SCORE)
                .map(|r| r.row_id.clone())
                .collect(),
            coaching_notes: v.coaching_notes,
        })
        .collect()
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "Reminders")]
#[serde(rename_all = "camelCase")]
pub struct RemindersView {
    pub enabled: bool,
    pub morning: String,
    pub evening: String,
    /// The next reminder, local time, or `None` when off.
    pub next_at: Option<String>,
    pub next_slot: Option<Slot>,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MilkStatusView {
    pub recorded_on: NaiveDate,
    pub status: MilkStatus,
    pub recorded_by: String,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "FollowUp")]
#[serde(rename_all = "camelCase")]
pub struct FollowUpView {
    /// No status yet (enrolment) or the last one is a week old.
    pub milk_status_due: bool,
    pub last_milk_status: Option<MilkStatusView>,
    pub reminders: RemindersView,
}

fn own_family(store: &Store) -> Result<String, AppError> {
    families::get_own_family(store.conn())?
        .map(|f| f.meta.id)
        .ok_or(AppError::NoFamily)
}

/// The mother's answers after a finished or stopped session; one first answer per session.
#[tauri::command]
pub async fn rate_session(
    state: State<'_, AppState>,
    session_id: String,
    author: Author,
    input: RatingInput,
) -> Result<RatingView, AppError> {
    let rating = input.validate().map_err(AppError::Invalid)?;
    state
        .with_store(move |store| save_rating(store, session_id, author, rating, false))
        .await
}

/// A correction by the rating's own author: a new version, the old one kept.
#[tauri::command]
pub async fn correct_rating(
    state: State<'_, AppState>,
    session_id: String,
    author: Author,
    input: RatingInput,
) -> Result<RatingView, AppError> {
    let rating = input.validate().map_err(AppError::Invalid)?;
    state
        .with_store(move |store| save_rating(store, session_id, author, rating, true))
        .await
}

/// Saves the mother's rating (or her correction) in one transaction: what
/// `rate_session` and `correct_rating` do (also run by the crash test).
pub fn save_rating(
    store: &mut Store,
    session_id: String,
    author: Author,
    rating: Rating,
    correction: bool,
) -> Result<RatingView, AppError> {
    let device_id = store.device_id().to_owned();
    store.with_tx(|tx| {
        let session = sessions::get_session(tx, &session_id)?
            .ok_or_else(|| AppError::SessionNotFound(session_id.clone()))?;
        if !SessionStatus::parse(&session.status).is_some_and(SessionStatus::is_given) {
            return Err(AppError::SessionNotRateable);
        }
        let version = match (follow_up::get_current_rating(tx, &session_id)?, correction) {
            (None, false) => 1,
            (Some(_), false) => return Err(AppError::RatingExists),
            (None, true) => return Err(AppError::NoRatingToCorrect),
            (Some(current), true) if current.answered_by != author.as_str() => {
                return Err(AppError::NotRatingAuthor);
            }
            (Some(current), true) => current.version + 1,
        };
        follow_up::insert_rating(
            tx,
            &session_id,
            version,
            author,
            &rating,
            &device_id,
            storage::now(),
        )?;
        Ok(RatingView {
            session_id: session_id.clone(),
            version,
            answered_by: author.as_str().into(),
            rating: rating.clone(),
        })
    })
}

#[tauri::command]
pub async fn get_history(state: State<'_, AppState>) -> Result<HistoryView, AppError> {
    state
        .with_store(|store| {
            let family = families::get_own_family(store.conn())?.ok_or(AppError::NoFamily)?;
            let enrolled_on = chrono::DateTime::parse_from_rfc3339(&family.meta.created_at)
                .map(|at| at.date_naive())
                .unwrap_or(NaiveDate::MIN);
            let plan_start = family.family.plan_start(enrolled_on);
            let family = family.meta.id;
            let now = storage::now();
            let since = now - Duration::days(i64::from(HISTORY_DAYS) + 1);
            let summaries = follow_up::list_session_summaries(store.conn(), &family, since)?;
            let settings = follow_up::get_reminders(store.conn(), &family)?;
            let days = history::days(&summaries, now, &settings, HISTORY_DAYS, plan_start);
            let feedback = history::week_feedback(&days, &summaries);
            let visits = father_visits(crate::storage::cadre::list_visits(store.conn(), &family)?);
            Ok(HistoryView {
                days,
                sessions: summaries,
                feedback,
                visits,
            })
        })
        .await
}

#[tauri::command]
pub async fn record_milk_status(
    state: State<'_, AppState>,
    author: Author,
    input: MilkStatusInput,
) -> Result<MilkStatusView, AppError> {
    if author == Author::Father {
        return Err(AppError::UnknownProtocolItem(author.as_str().into()));
    }
    let (status, indicators) = input.validate().map_err(AppError::Invalid)?;
    state
        .with_store(move |store| {
            let family = own_family(store)?;
            let device_id = store.device_id().to_owned();
            let now = storage::now();
            let entry = follow_up::MilkStatusEntry {
                recorded_on: now.date_naive(),
                status,
                indicators: &indicators,
                author,
            };
            follow_up::insert_milk_status(store.conn(), &family, &entry, &device_id, now)?;
            Ok(MilkStatusView {
                recorded_on: now.date_naive(),
                status,
                recorded_by: author.as_str().into(),
            })
        })
        .await
}

#[tauri::command]
pub async fn get_follow_up(state: State<'_, AppState>) -> Result<FollowUpView, AppError> {
    state
        .with_store(|store| {
            let family = own_family(store)?;
            let now = storage::now();
            let last = follow_up::get_latest_milk_status(store.conn(), &family)?;
            let milk_status_due = last.as_ref().is_none_or(|(on, _, _)| {
                (now.date_naive() - *on).num_days() >= MILK_STATUS_EVERY_DAYS
            });
            let reminders = reminders_view(store, &family)?;
            Ok(FollowUpView {
                milk_status_due,
                last_milk_status: last.map(|(recorded_on, status, recorded_by)| MilkStatusView {
                    recorded_on,
                    status,
                    recorded_by,
                }),
                reminders,
            })
        })
        .await
}

fn reminders_view(store: &Store, family: &str) -> Result<RemindersView, AppError> {
    let now = storage::now();
    let settings = follow_up::get_reminders(store.conn(), family)?;
    let done =
        follow_up::list_started_session_times(store.conn(), family, now - Duration::days(2))?;
    let next = reminder::next_reminder(&settings, now, &done);
    Ok(RemindersView {
        enabled: settings.enabled,
        morning: settings.morning.format("%H:%M").to_string(),
        evening: settings.evening.format("%H:%M").to_string(),
        next_at: next.map(|r| crate::domain::record::format_time(r.at)),
        next_slot: next.map(|r| r.slot),
    })
}

#[tauri::command]
pub async fn set_reminders(
    state: State<'_, AppState>,
    reminders: State<'_, Reminders>,
    enabled: bool,
    morning: String,
    evening: String,
) -> Result<RemindersView, AppError> {
    let settings =
        ReminderSettings::parse(enabled, &morning, &evening).map_err(AppError::Invalid)?;
    let view = state
        .with_store(move |store| {
            let family = own_family(store)?;
            let device_id = store.device_id().to_owned();
            follow_up::update_reminders(
                store.conn(),
                &family,
                &settings,
                &device_id,
                storage::now(),
            )?;
            reminders_view(store, &family)
        })
        .await?;
    reminders.reschedule();
    Ok(view)
}

/// Shows a reminder now, so the family can check notifications work on this device.
#[tauri::command]
pub async fn test_reminder<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Result<(), AppError> {
    crate::reminders::notify(&app, Slot::Morning).await
}
