//! Ayah ASI: wiring only. The domain, storage and localization live in their modules;
//! `run` opens the store, loads the locales and hands both to the commands.
#![forbid(unsafe_code)]

pub mod commands;
pub mod db;
/// The programme's rules, from the core crate (the app's code names them `domain`).
pub use ayah_asi_core as domain;
pub use ayah_asi_core::i18n;
pub mod error;
pub use error::AppError;
pub mod export;
pub mod files;
pub mod guide;
pub mod pending_import;
mod platform;
mod reminders;
pub mod speech;
pub mod state;
pub mod storage;
pub mod sync;

use std::path::PathBuf;
use tauri::{App, Manager, Runtime};

use state::AppState;

/// Points the app at another data folder (tests give each app its own).
pub const DATA_DIR_ENV: &str = "AYAH_ASI_DATA_DIR";

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_fs::init())
        .plugin(tauri_plugin_ayah_share::init())
        .setup(|app| Ok(setup(app)?))
        .invoke_handler(tauri::generate_handler![
            commands::app::get_app_state,
            commands::app::set_language,
            commands::family::register_family,
            commands::family::check_family,
            commands::family::renew_consent,
            commands::session::get_protocol,
            commands::session::set_massage_plan,
            commands::session::begin_session,
            commands::session::check_safety,
            commands::session::start_session,
            commands::session::pause_session,
            commands::session::resume_session,
            commands::session::finish_session,
            commands::session::stop_session,
            commands::session::watch_session,
            commands::session::get_speech_status,
            commands::feeding::get_feeding_status,
            commands::feeding::record_feeding_recall,
            commands::session::set_speech,
            commands::session::get_unfinished_session,
            commands::session::resume_unfinished_session,
            commands::session::abandon_unfinished_session,
            commands::follow_up::rate_session,
            commands::follow_up::correct_rating,
            commands::follow_up::get_history,
            commands::follow_up::record_milk_status,
            commands::follow_up::get_follow_up,
            commands::follow_up::set_reminders,
            commands::follow_up::test_reminder,
            commands::cadre::cadre_status,
            commands::cadre::setup_cadre,
            commands::cadre::unlock_cadre,
            commands::cadre::lock_cadre,
            commands::cadre::list_families,
            commands::cadre::register_family_as_cadre,
            commands::cadre::get_checklist,
            commands::cadre::preview_score,
            commands::cadre::save_visit,
            commands::cadre::amend_visit,
            commands::cadre::family_review,
            commands::cadre::get_cadre_learning,
            commands::cadre::submit_cadre_quiz,
            commands::cadre::record_training,
            commands::posko::get_family_posko,
            commands::posko::add_posko_question,
            commands::posko::get_own_posko,
            commands::posko::set_own_posko,
            commands::learning::get_learning,
            commands::learning::mark_lesson_read,
            commands::learning::submit_quiz,
            commands::report::posyandu_report,
            commands::report::export_report,
            commands::family::update_family,
            commands::transfer::transfer_overview,
            commands::transfer::export_bundle,
            commands::transfer::preview_import,
            commands::transfer::apply_import,
            commands::transfer::list_conflicts,
            commands::transfer::resolve_conflict,
            commands::data::retry_storage,
            commands::data::start_fresh_storage,
            commands::data::save_data_copy,
            commands::data::list_backups,
            commands::data::make_backup,
            commands::data::restore_backup,
            commands::data::export_my_data,
            commands::data::delete_my_data,
            commands::erasure::remove_family,
            commands::server::get_server_status,
            commands::server::pair_server,
            commands::server::unpair_server,
            commands::server::sync_now,
            commands::server::make_family_server_code,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Ayah ASI could not start: {error}");
        std::process::exit(1);
    }
}

#[derive(Debug, thiserror::Error)]
enum SetupError {
    #[error("no data folder: {0}")]
    DataDir(#[from] tauri::Error),
    #[error("locales: {0}")]
    Locales(#[from] i18n::I18nError),
}

fn setup<R: Runtime>(app: &mut App<R>) -> Result<(), SetupError> {
    let data_dir = data_dir(app)?;
    let store = storage::Store::open_in(&data_dir);
    if let Err(error) = &store {
        // The window still opens and explains; this line is for whoever reads the logs.
        eprintln!("Ayah ASI: the database could not be opened: {error}");
    }
    let setting = |key: &str| {
        let store = store.as_ref().ok()?;
        storage::settings::get_setting(store.conn(), key)
            .ok()
            .flatten()
    };
    let language =
        setting(storage::settings::LANGUAGE).unwrap_or_else(|| i18n::DEFAULT_LANGUAGE.to_owned());
    let speech_on = setting(storage::settings::SPEECH).as_deref() != Some(storage::settings::OFF);
    let localizer = std::sync::Arc::new(i18n::Localizer::load()?);
    commands::app::apply_window_title(app.handle(), &localizer, &language);
    let speaker = speech::Speaker::new(localizer.clone(), &language, speech_on);
    let state = AppState::new(
        store,
        localizer,
        std::sync::Arc::new(speaker),
        data_dir.clone(),
    );
    // Today's backup, after start-up, from a read-only connection of its own: copying a
    // large database must not hold the app's connection while the first screen loads.
    if state.db.problem().is_none() {
        tauri::async_runtime::spawn_blocking(move || {
            if let Err(error) = storage::backup::daily_in(&data_dir, storage::now()) {
                eprintln!("Ayah ASI: daily backup failed: {error}");
            }
        });
    }
    app.manage(state);
    let reminders = reminders::Reminders::default();
    reminders.spawn(app.handle().clone());
    app.manage(reminders);
    sync::background::spawn_auto_sync(app.handle());
    Ok(())
}

fn data_dir<R: Runtime>(app: &App<R>) -> Result<PathBuf, tauri::Error> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}
