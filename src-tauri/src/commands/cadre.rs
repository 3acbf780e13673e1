//! Cadre mode: the PIN, the families list, home visits on the daftar tilik, and the
//! review of each family since the last visit.

use argon2::password_hash::{SaltString, rand_core::OsRng};
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use tauri::State;

use super::family::FamilyView;
use crate::domain::cadre::{self, Need, Risk, VisitSignals};
use crate::domain::checklist::{self, CHECKLIST_VERSION, RowScore, RowTrend, Score};
use crate::domain::family::FamilyInput;
use crate::domain::pin;
use crate::domain::protocol::MassagePlan;
use crate::domain::rating::MilkStatus;
use crate::domain::validation::{FieldError, optional_text, required_text};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, Store, cadre as cadre_store, families, follow_up, sessions};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CadreStatus {
    pub has_pin: bool,
    pub open: bool,
    pub name: Option<String>,
    pub idle_seconds: u64,
    /// Seconds before another PIN may be tried.
    pub wait_seconds: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FamilyListItem {
    pub family: FamilyView,
    pub need: Need,
    /// Risk signs since the last visit, shown in words.
    pub risks: Vec<Risk>,
    pub last_visit: Option<NaiveDate>,
    pub last_percent: Option<u8>,
    pub sessions_7d: u32,
    pub planned_7d: u32,
    pub last_milk_flow: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistView {
    pub version: &'static str,
    pub rows: Vec<&'static str>,
    /// Rows whose 0 means "not competent" whatever the percentage.
    pub critical: Vec<&'static str>,
    /// The family's own plan: the duration and repetition rows read it.
    pub plan: MassagePlan,
    pub max_row_score: u8,
    pub competent_percent: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VisitInput {
    pub family_id: String,
    pub rows: Vec<RowScore>,
    pub coaching_notes: Option<String>,
    pub motivation: String,
    pub milk_status: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VisitResult {
    pub visit_id: String,
    pub original_id: String,
    pub version: u32,
    pub score: Score,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    pub week_start: NaiveDate,
    pub given: u32,
    pub planned: u32,
}

#[derive(Debug, Serialize)]
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
}

const MOTIVATIONS: [&str; 3] = ["cooperative", "hesitant", "refuses"];

#[tauri::command]
pub async fn cadre_status(state: State<'_, AppState>) -> Result<CadreStatus, AppError> {
    let open = state.cadre.is_open();
    let idle_seconds = state.cadre.idle_seconds();
    state
        .with_store(move |store| {
            let cadre = cadre_store::get_cadre(store.conn())?;
            let wait_seconds = cadre.as_ref().map_or(0, remaining_wait);
            Ok(CadreStatus {
                has_pin: cadre.is_some(),
                open,
                name: cadre.map(|c| c.name),
                idle_seconds,
                wait_seconds,
            })
        })
        .await
}

/// Seconds still to wait after the cadre's wrong PINs.
fn remaining_wait(cadre: &cadre_store::CadreRow) -> u64 {
    let wait = pin::wait_after(cadre.failed_attempts);
    let since = cadre
        .last_failure_at
        .as_deref()
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
        .map_or(i64::MAX, |at| (storage::now() - at).num_seconds());
    wait.saturating_sub(since.max(0) as u64)
}

/// First use of cadre mode on this device: her name and a six-digit PIN (typed twice).
#[tauri::command]
pub async fn setup_cadre(
    state: State<'_, AppState>,
    name: String,
    pin: String,
    pin_repeat: String,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let name = required_text("name", &name, 60, &mut errors);
    if let Err(pin_errors) = pin::validate(&pin, &pin_repeat) {
        errors.extend(pin_errors);
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    if state
        .with_store(|store| Ok(cadre_store::get_cadre(store.conn())?.is_some()))
        .await?
    {
        return Err(AppError::CadreExists);
    }
    // Hashing takes a moment on purpose: off the database and off the async runtime,
    // so a running massage never waits for it.
    let hash = off_runtime(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(pin.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| AppError::Task(e.to_string()))
    })
    .await?;
    state
        .with_store(move |store| {
            if cadre_store::get_cadre(store.conn())?.is_some() {
                return Err(AppError::CadreExists);
            }
            let device_id = store.device_id().to_owned();
            cadre_store::insert_cadre(store.conn(), &name, &hash, &device_id, storage::now())?;
            Ok(())
        })
        .await?;
    state.cadre.unlock();
    Ok(())
}

/// Runs blocking work (PIN hashing, file work) on the blocking pool.
pub(super) async fn off_runtime<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Task(e.to_string()))?
}

/// Whether `pin` matches the stored hash, checked off the database and the runtime.
pub(super) async fn pin_matches(pin_hash: String, pin: String) -> Result<bool, AppError> {
    off_runtime(move || {
        Ok(PasswordHash::new(&pin_hash)
            .map(|hash| {
                Argon2::default()
                    .verify_password(pin.as_bytes(), &hash)
                    .is_ok()
            })
            .unwrap_or(false))
    })
    .await
}

#[tauri::command]
pub async fn unlock_cadre(state: State<'_, AppState>, pin: String) -> Result<(), AppError> {
    // Not a PIN at all: refused before it counts as a wrong attempt.
    pin::validate(&pin, &pin).map_err(AppError::Invalid)?;
    let cadre = state
        .with_store(|store| {
            let cadre = cadre_store::get_cadre(store.conn())?.ok_or(AppError::NoCadre)?;
            let wait = remaining_wait(&cadre);
            if wait > 0 {
                return Err(AppError::PinWait(wait));
            }
            Ok(cadre)
        })
        .await?;
    let right = pin_matches(cadre.pin_hash.clone(), pin).await?;
    state
        .with_store(move |store| {
            if right {
                cadre_store::reset_pin_failures(store.conn(), &cadre.id)?;
                Ok(())
            } else {
                let failures =
                    cadre_store::record_pin_failure(store.conn(), &cadre.id, storage::now())?;
                Err(AppError::WrongPin {
                    wait_seconds: pin::wait_after(failures),
                })
            }
        })
        .await?;
    state.cadre.unlock();
    Ok(())
}

#[tauri::command]
pub fn lock_cadre(state: State<'_, AppState>) {
    state.cadre.lock();
}

/// Every family on the device, the one that needs a visit most first; `query` filters
/// by the father's or mother's name.
#[tauri::command]
pub async fn list_families(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<FamilyListItem>, AppError> {
    state.cadre.touch()?;
    state
        .with_store(move |store| family_list(store, &query, storage::now()))
        .await
}

/// The families list: those matching `query` (father's or mother's name), ordered by
/// who needs a visit most. Public for the benchmarks.
pub fn family_list(
    store: &Store,
    query: &str,
    now: DateTime<chrono::FixedOffset>,
) -> Result<Vec<FamilyListItem>, AppError> {
    let needle = query.trim().to_lowercase();
    // Every family's latest two visits in one query (per-family queries made the list
    // take 1.5 s at 10,000 families).
    let recent = cadre_store::recent_visits(store.conn())?;
    let mut items = Vec::new();
    for record in families::list_visible_to_cadre(store.conn())? {
        let f = &record.family;
        if !needle.is_empty()
            && !f.father_name.to_lowercase().contains(&needle)
            && !f.mother_name.to_lowercase().contains(&needle)
        {
            continue;
        }
        let visits = recent
            .get(&record.meta.id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        items.push(list_item(store, &record, visits, now)?);
    }
    items.sort_by_key(|item| {
        cadre::priority(&VisitSignals {
            risks: item.risks.clone(),
            last_visit: item.last_visit,
            last_percent: item.last_percent,
            previous_percent: None,
            sessions_7d: item.sessions_7d,
            planned_7d: item.planned_7d,
        })
    });
    Ok(items)
}

fn list_item(
    store: &Store,
    record: &families::FamilyRecord,
    visits: &[cadre_store::RecentVisit],
    now: DateTime<chrono::FixedOffset>,
) -> Result<FamilyListItem, AppError> {
    let conn = store.conn();
    let last = visits.last();
    let previous = visits.len().checked_sub(2).and_then(|i| visits.get(i));
    let enrolled = DateTime::parse_from_rfc3339(&record.meta.created_at).map_or(now, |at| at);
    let since_visit = last.map_or(record.meta.created_at.as_str(), |v| v.saved_at.as_str());
    let signals = VisitSignals {
        risks: cadre_store::risks_since(conn, &record.meta.id, since_visit)?,
        last_visit: last.map(|v| v.visited_on),
        last_percent: last.map(|v| v.percent),
        previous_percent: previous.map(|v| v.percent),
        sessions_7d: cadre_store::sessions_given_since(
            conn,
            &record.meta.id,
            now - Duration::days(7),
        )?,
        planned_7d: cadre::planned_last_7_days(
            (now.date_naive() - enrolled.date_naive()).num_days(),
        ),
    };
    Ok(FamilyListItem {
        family: FamilyView::new(record, now.date_naive()),
        need: cadre::need(&signals),
        risks: signals.risks.clone(),
        last_visit: signals.last_visit,
        last_percent: signals.last_percent,
        sessions_7d: signals.sessions_7d,
        planned_7d: signals.planned_7d,
        last_milk_flow: cadre_store::last_milk_flow(conn, &record.meta.id)?,
    })
}

/// A cadre registers a family on her device: same fields and consent as onboarding.
#[tauri::command]
pub async fn register_family_as_cadre(
    state: State<'_, AppState>,
    input: FamilyInput,
) -> Result<FamilyView, AppError> {
    state.cadre.touch()?;
    let now = storage::now();
    let valid = input
        .validate(now.date_naive())
        .map_err(AppError::Invalid)?;
    state
        .with_store(move |store| {
            let device_id = store.device_id().to_owned();
            let record = store.with_tx(|tx| {
                let record = families::register(tx, valid, &device_id, now)?;
                families::mark_registered_by_cadre(tx, &record.meta.id)?;
                cadre_store::assign(tx, &record.meta.id, now)?;
                Ok::<_, AppError>(record)
            })?;
            Ok(FamilyView::new(&record, now.date_naive()))
        })
        .await
}

/// The daftar tilik as the visit form shows it for this family (its plan fills in the
/// duration and repetition rows).
#[tauri::command]
pub async fn get_checklist(
    state: State<'_, AppState>,
    family_id: String,
) -> Result<ChecklistView, AppError> {
    state.cadre.touch()?;
    let family_id = require_visible(&state, family_id).await?;
    let competent_percent = competent_percent(&state).await?;
    let plan = state
        .with_store(move |store| Ok(sessions::get_plan(store.conn(), &family_id)?))
        .await?;
    Ok(ChecklistView {
        version: CHECKLIST_VERSION,
        rows: checklist::ROWS.to_vec(),
        critical: checklist::CRITICAL_ROWS.to_vec(),
        plan,
        max_row_score: checklist::MAX_ROW_SCORE,
        competent_percent,
    })
}

async fn competent_percent(state: &AppState) -> Result<u8, AppError> {
    state
        .with_store(|store| {
            Ok(cadre_store::get_cadre(store.conn())?
                .map_or(checklist::DEFAULT_COMPETENT_PERCENT, |c| {
                    c.competent_percent
                }))
        })
        .await
}

/// The score of a complete set of rows, as the visit form shows it before saving.
#[tauri::command]
pub async fn preview_score(
    state: State<'_, AppState>,
    rows: Vec<RowScore>,
) -> Result<Score, AppError> {
    state.cadre.touch()?;
    let rows = checklist::validate(&rows).map_err(AppError::Invalid)?;
    Ok(checklist::score(&rows, competent_percent(&state).await?))
}

#[tauri::command]
pub async fn save_visit(
    state: State<'_, AppState>,
    input: VisitInput,
) -> Result<VisitResult, AppError> {
    store_visit(&state, input, None).await
}

/// Amends a saved visit: a new version with its reason; the original stays as it was.
#[tauri::command]
pub async fn amend_visit(
    state: State<'_, AppState>,
    original_id: String,
    reason: String,
    input: VisitInput,
) -> Result<VisitResult, AppError> {
    let reason = reason.trim().to_owned();
    if reason.is_empty() {
        return Err(AppError::AmendReasonRequired);
    }
    store_visit(&state, input, Some((original_id, reason))).await
}

async fn store_visit(
    state: &AppState,
    input: VisitInput,
    amends: Option<(String, String)>,
) -> Result<VisitResult, AppError> {
    state.cadre.touch()?;
    let visit = checked_visit(input, amends)?;
    let percent = competent_percent(state).await?;
    state
        .with_store(move |store| record_visit(store, &visit, percent))
        .await
}

/// A visit whose every field passed its checks, ready to be saved.
#[derive(Debug, Clone)]
pub struct CheckedVisit {
    pub family_id: String,
    pub rows: Vec<RowScore>,
    pub notes: Option<String>,
    pub motivation: String,
    pub milk: Option<MilkStatus>,
    /// The visit amended and why, for an amendment.
    pub amends: Option<(String, String)>,
}

/// Checks a visit's fields: every checklist row once, notes, motivation, milk status.
pub fn checked_visit(
    input: VisitInput,
    amends: Option<(String, String)>,
) -> Result<CheckedVisit, AppError> {
    let mut errors = Vec::new();
    let rows = checklist::validate(&input.rows).unwrap_or_else(|row_errors| {
        errors.extend(row_errors);
        Vec::new()
    });
    let notes = optional_text(
        "coachingNotes",
        input.coaching_notes.as_deref(),
        1000,
        &mut errors,
    );
    if !MOTIVATIONS.contains(&input.motivation.as_str()) {
        errors.push(FieldError::new("motivation", "error-choice-unknown"));
    }
    let milk = match input.milk_status.as_deref().map(MilkStatus::parse) {
        Some(None) => {
            errors.push(FieldError::new("milkStatus", "error-choice-unknown"));
            None
        }
        other => other.flatten(),
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(CheckedVisit {
        family_id: input.family_id,
        rows,
        notes,
        motivation: input.motivation,
        milk,
        amends,
    })
}

/// Saves a visit with all its scores (and the milk status the cadre saw) in one
/// transaction: what `save_visit` and `amend_visit` do (also run by the crash test).
pub fn record_visit(
    store: &mut Store,
    visit: &CheckedVisit,
    competent_percent: u8,
) -> Result<VisitResult, AppError> {
    let device_id = store.device_id().to_owned();
    let now = storage::now();
    store.with_tx(|tx| {
        let cadre = cadre_store::get_cadre(tx)?.ok_or(AppError::NoCadre)?;
        if !cadre_store::visible(tx, &visit.family_id)? {
            return Err(AppError::FamilyNotFound(visit.family_id.clone()));
        }
        let amends = visit.amends.as_ref();
        if let Some((original, _)) = amends
            && cadre_store::visit_versions(tx, original)? == 0
        {
            return Err(AppError::VisitNotFound(original.clone()));
        }
        let score = checklist::score(&visit.rows, competent_percent);
        let new = cadre_store::NewVisit {
            family_id: &visit.family_id,
            cadre_id: &cadre.id,
            visited_on: now.date_naive(),
            checklist_version: CHECKLIST_VERSION,
            score: score.clone(),
            rows: &visit.rows,
            coaching_notes: visit.notes.as_deref(),
            motivation: &visit.motivation,
            milk_status: visit.milk.map(|m| m.as_str()),
            amends: amends.map(|(o, r)| (o.as_str(), r.as_str())),
        };
        let (visit_id, version) = cadre_store::insert_visit(tx, &new, &device_id, now)?;
        // The status the cadre saw that day also counts as a milk status record.
        if let (Some(status), None) = (visit.milk, amends) {
            let entry = follow_up::MilkStatusEntry {
                recorded_on: now.date_naive(),
                status,
                indicators: &[],
                author: crate::domain::rating::Author::Cadre,
            };
            follow_up::insert_milk_status(tx, &visit.family_id, &entry, &device_id, now)?;
        }
        let original_id = amends.map_or_else(|| visit_id.clone(), |(o, _)| o.clone());
        Ok(VisitResult {
            visit_id,
            original_id,
            version,
            score,
        })
    })
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
    let record = families::get(conn, family_id)?
        .filter(|_| cadre_store::visible(conn, family_id).unwrap_or(false))
        .ok_or_else(|| AppError::FamilyNotFound(family_id.to_owned()))?;
    let visits = cadre_store::visits_of(conn, family_id)?;
    let last_visit_on = visits.last().map(|v| v.visited_on);
    let since = match last_visit_on {
        Some(on) => {
            DateTime::parse_from_rfc3339(&format!("{on}T00:00:00{}", now.offset())).unwrap_or(now)
        }
        None => DateTime::parse_from_rfc3339(&record.meta.created_at).unwrap_or(now),
    };
    let sessions_since_visit = follow_up::session_summaries(conn, family_id, since)?;
    let enrolled = DateTime::parse_from_rfc3339(&record.meta.created_at)
        .map_or(now.date_naive(), |at| at.date_naive());
    let weeks = (0..4)
        .rev()
        .map(|back| {
            let end = now - Duration::days(7 * back);
            let start = end - Duration::days(7);
            let given = cadre_store::sessions_given_since(conn, family_id, start)?
                - cadre_store::sessions_given_since(conn, family_id, end)?;
            let days_enrolled = (end.date_naive() - enrolled).num_days();
            Ok(WeekCount {
                week_start: start.date_naive(),
                given,
                planned: cadre::planned_last_7_days(days_enrolled),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let trends = checklist::row_trends(&cadre_store::as_past_visits(&visits));
    let focus = checklist::focus_rows(&trends);
    let (pre_score, post_score) = crate::storage::learning::scores(conn, family_id)?;
    Ok(FamilyReview {
        critical: checklist::CRITICAL_ROWS.to_vec(),
        plan: sessions::get_plan(conn, family_id)?,
        pre_score,
        post_score,
        family: FamilyView::new(&record, now.date_naive()),
        last_visit_on,
        sessions_since_visit,
        weeks,
        visits,
        trends,
        focus,
    })
}

/// The family's id if cadre mode may see it (hers, or the device's own), else "not found".
pub(super) async fn require_visible(
    state: &AppState,
    family_id: String,
) -> Result<String, AppError> {
    let known = family_id.clone();
    let visible = state
        .with_store(move |store| Ok(cadre_store::visible(store.conn(), &known)?))
        .await?;
    if visible {
        Ok(family_id)
    } else {
        Err(AppError::FamilyNotFound(family_id))
    }
}
