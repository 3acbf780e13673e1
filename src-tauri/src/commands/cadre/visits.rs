//! Home visits on the daftar tilik: the checklist for a family, the score, saving and
//! amending a visit.

use serde::{Deserialize, Serialize};
use tauri::State;

use crate::commands::guard::require_visible;
use crate::domain::checklist::{self, CHECKLIST_VERSION, RowScore, Score};
use crate::domain::protocol::{Giver, MassagePlan};
use crate::domain::rating::MilkStatus;
use crate::domain::validation::{FieldError, optional_text};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, Store, cadre as cadre_store, follow_up, sessions};

#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "Checklist")]
#[serde(rename_all = "camelCase")]
pub struct ChecklistView {
    pub version: &'static str,
    pub rows: Vec<&'static str>,
    /// Rows whose 0 means "not competent" whatever the percentage.
    pub critical: Vec<&'static str>,
    /// The family's own plan: the duration and repetition rows read it.
    pub plan: MassagePlan,
    /// Who gave the family's last session: the visit form's first guess of whom she
    /// watches (one tap to change).
    pub last_giver: Giver,
    pub max_row_score: u8,
    pub competent_percent: u8,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct VisitInput {
    pub family_id: String,
    pub rows: Vec<RowScore>,
    pub coaching_notes: Option<String>,
    pub motivation: String,
    pub milk_status: Option<String>,
    /// Whom she watched massage: `father`, `grandmother`, `other-family` (required;
    /// `None` is refused with a message, not by the IPC layer).
    pub observed: Option<String>,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct VisitResult {
    pub visit_id: String,
    pub original_id: String,
    pub version: u32,
    pub score: Score,
}

const MOTIVATIONS: [&str; 3] = ["cooperative", "hesitant", "refuses"];

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
    let (plan, last_giver) = state
        .with_store(move |store| {
            let conn = store.conn();
            let last_giver = sessions::get_last_giver(conn, &family_id)?.unwrap_or_default();
            Ok((sessions::get_plan(conn, &family_id)?, last_giver))
        })
        .await?;
    Ok(ChecklistView {
        version: CHECKLIST_VERSION,
        rows: checklist::ROWS.to_vec(),
        critical: checklist::CRITICAL_ROWS.to_vec(),
        plan,
        last_giver,
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
    pub observed: Option<Giver>,
    /// The visit amended and why, for an amendment.
    pub amends: Option<(String, String)>,
}

/// Checks a visit's fields: every checklist row once, notes, motivation, milk status,
/// whom she watched.
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
    // Whom she watched is asked at every visit, also when amending an older one.
    let observed = match input.observed.as_deref().map(Giver::parse) {
        Some(Some(giver)) => Some(giver),
        Some(None) => {
            errors.push(FieldError::new("observed", "error-choice-unknown"));
            None
        }
        None => {
            errors.push(FieldError::new("observed", "error-observed-required"));
            None
        }
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
        observed,
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
        if !cadre_store::get_visible(tx, &visit.family_id)? {
            return Err(AppError::FamilyNotFound(visit.family_id.clone()));
        }
        let amends = visit.amends.as_ref();
        if let Some((original, _)) = amends
            && cadre_store::count_visit_versions(tx, original)? == 0
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
            observed: visit.observed,
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
