//! The app's start-up state and the language setting.

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};

use super::family::FamilyView;
use crate::error::AppError;
use crate::files::Delivery;
use crate::i18n;
use crate::state::AppState;
use crate::storage::{self, families, settings};

/// What the UI needs to pick its first screen.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "AppState")]
#[serde(rename_all = "camelCase")]
pub struct AppStateView {
    /// The chosen language, or `None` before the first choice.
    pub language: Option<String>,
    /// This device's family, or `None` before onboarding.
    pub family: Option<FamilyView>,
    /// The mother agreed to the current consent text (else she is asked again).
    pub consent_current: bool,
    /// Why the database could not be opened, when it could not.
    pub storage_problem: Option<crate::db::StorageProblem>,
    /// Whether exports can also go to the system's share sheet (a phone's).
    pub can_share: bool,
}

#[tauri::command]
pub async fn get_app_state(state: State<'_, AppState>) -> Result<AppStateView, AppError> {
    if let Some(problem) = state.db.problem() {
        return Ok(AppStateView {
            language: None,
            family: None,
            consent_current: false,
            storage_problem: Some(problem),
            can_share: Delivery::SHARE_AVAILABLE,
        });
    }
    state
        .with_store(|store| {
            let language = settings::get_setting(store.conn(), settings::LANGUAGE)?;
            let today = storage::now().date_naive();
            let own = families::get_own_family(store.conn())?;
            let consent_current = match &own {
                Some(record) => families::get_consent_is_current(store.conn(), &record.meta.id)?,
                None => false,
            };
            let family = own.map(|r| FamilyView::new(&r, today));
            Ok(AppStateView {
                language,
                family,
                consent_current,
                storage_problem: None,
                can_share: Delivery::SHARE_AVAILABLE,
            })
        })
        .await
}

#[tauri::command]
pub async fn set_language<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    language: String,
) -> Result<(), AppError> {
    if !i18n::is_supported(&language) {
        return Err(AppError::UnsupportedLanguage(language));
    }
    let saved = language.clone();
    state
        .with_store(move |store| {
            Ok(settings::update_setting(
                store.conn(),
                settings::LANGUAGE,
                &saved,
                storage::now(),
            )?)
        })
        .await?;
    apply_window_title(&app, &state.i18n, &language);
    state.guide.speaker().set_language(&language);
    Ok(())
}

/// Titles the main window in `language`. A missing window (e.g. on mobile) is fine.
pub fn apply_window_title<R: Runtime>(app: &AppHandle<R>, i18n: &i18n::Localizer, language: &str) {
    if let Some(window) = app.get_webview_window("main") {
        let title = i18n.text(language, "app-title", None);
        if let Err(error) = window.set_title(&title) {
            eprintln!("could not set the window title: {error}");
        }
    }
}
