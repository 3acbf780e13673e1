//! Cadre mode: the PIN, the families list, home visits on the daftar tilik, and the
//! review of each family since the last visit.

pub mod list;
pub mod review;
pub mod training;
pub mod visits;

pub use list::*;
pub use review::*;
pub use training::*;
pub use visits::*;

use chrono::DateTime;
use serde::Serialize;
use tauri::State;

use super::guard::{off_runtime, pin_matches};
use crate::domain::pin;
use crate::domain::validation::required_text;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, cadre as cadre_store};

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CadreStatus {
    pub has_pin: bool,
    pub open: bool,
    pub name: Option<String>,
    pub idle_seconds: u64,
    /// Seconds before another PIN may be tried.
    pub wait_seconds: u64,
}

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
    let hash =
        off_runtime(move || pin::hash(&pin).map_err(|e| AppError::Task(e.to_string()))).await?;
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

#[tauri::command]
pub async fn unlock_cadre<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    pin: String,
) -> Result<(), AppError> {
    verify_pin(&state, pin).await?;
    state.cadre.unlock();
    // Her families' news arrives while she opens the list.
    crate::sync::background::sync_in_background(&app);
    Ok(())
}

/// Checks the cadre's PIN as unlocking does: a wrong one counts towards the wait.
pub(crate) async fn verify_pin(state: &AppState, pin: String) -> Result<(), AppError> {
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
                cadre_store::update_pin_reset(store.conn(), &cadre.id)?;
                Ok(())
            } else {
                let failures =
                    cadre_store::update_pin_failure(store.conn(), &cadre.id, storage::now())?;
                Err(AppError::WrongPin {
                    wait_seconds: pin::wait_after(failures),
                })
            }
        })
        .await
}

#[tauri::command]
pub fn lock_cadre(state: State<'_, AppState>) {
    state.cadre.lock();
}
