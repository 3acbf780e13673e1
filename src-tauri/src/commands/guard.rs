//! Checks the commands share: work moved off the async runtime, a PIN compared off
//! the database, and whether cadre mode may see a family.

use crate::domain::pin;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::cadre as cadre_store;

/// Runs blocking work (PIN hashing, file work) on the blocking pool.
pub(crate) async fn off_runtime<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Task(e.to_string()))?
}

/// Whether `pin` matches the stored hash, checked off the database and the runtime.
pub(crate) async fn pin_matches(pin_hash: String, pin: String) -> Result<bool, AppError> {
    off_runtime(move || Ok(pin::matches(&pin_hash, &pin))).await
}

/// The family's id if cadre mode may see it (hers, or the device's own), else "not found".
pub(crate) async fn require_visible(
    state: &AppState,
    family_id: String,
) -> Result<String, AppError> {
    let known = family_id.clone();
    let visible = state
        .with_store(move |store| Ok(cadre_store::get_visible(store.conn(), &known)?))
        .await?;
    if visible {
        Ok(family_id)
    } else {
        Err(AppError::FamilyNotFound(family_id))
    }
}
