//! The data itself: what to do when the database cannot be opened, local backups and
//! restoring one, and a family's own data (download all of it, delete all of it).

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::report::EXPORT_DIR_ENV;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, backup, families, privacy};

/// The save dialog's choice, or the test folder in debug builds.
pub(super) fn save_path<R: Runtime>(
    app: &AppHandle<R>,
    file_name: &str,
    filter: (&str, &[&str]),
) -> Option<PathBuf> {
    let test_dir = cfg!(debug_assertions)
        .then(|| std::env::var_os(EXPORT_DIR_ENV))
        .flatten()
        .map(PathBuf::from);
    match test_dir {
        Some(dir) => Some(dir.join(file_name)),
        None => app
            .dialog()
            .file()
            .add_filter(filter.0, filter.1)
            .set_file_name(file_name)
            .blocking_save_file()
            .and_then(|p| p.as_path().map(Path::to_path_buf)),
    }
}

/// Tries to open the database again (after space was freed or the folder fixed).
#[tauri::command]
pub async fn retry_storage(state: State<'_, AppState>) -> Result<(), AppError> {
    state
        .db
        .reopen_after(state.data_dir.clone(), || Ok(()))
        .await?;
    problem_or_ok(&state)
}

/// Moves the unreadable database aside (never deleting it) and starts a fresh one.
/// Returns the folder the old files went to.
#[tauri::command]
pub async fn start_fresh_storage(state: State<'_, AppState>) -> Result<String, AppError> {
    if state.db.problem().is_none() {
        return Err(AppError::StorageUnavailable);
    }
    let dir = state.data_dir.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    state
        .db
        .reopen_after(dir.clone(), move || {
            let folder = backup::set_aside(&dir, storage::now())?;
            let _ = tx.send(folder);
            Ok(())
        })
        .await?;
    problem_or_ok(&state)?;
    Ok(rx
        .try_recv()
        .map(|f| f.display().to_string())
        .unwrap_or_default())
}

fn problem_or_ok(state: &AppState) -> Result<(), AppError> {
    match state.db.problem() {
        Some(problem) if problem.problem == storage::Problem::DiskFull => Err(AppError::DiskFull),
        Some(_) => Err(AppError::StorageUnavailable),
        None => Ok(()),
    }
}

/// Saves a copy of the database that cannot be opened, for a newer app or a helper.
#[tauri::command]
pub async fn save_data_copy<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    let file_name = format!(
        "ayah-asi-salinan-{}.sqlite3",
        storage::now().format("%Y-%m-%d-%H%M")
    );
    let Some(path) = save_path(&app, &file_name, ("SQLite", &["sqlite3"])) else {
        return Ok(None);
    };
    backup::save_copy(&state.data_dir, &path)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<backup::BackupInfo>, AppError> {
    Ok(backup::list(&state.data_dir)?)
}

#[tauri::command]
pub async fn make_backup(state: State<'_, AppState>) -> Result<Vec<backup::BackupInfo>, AppError> {
    let dir = state.data_dir.clone();
    state
        .with_store(move |store| {
            backup::make(store.conn(), &dir, "manual", storage::now())?;
            Ok(backup::list(&dir)?)
        })
        .await
}

/// Puts a backup back, after backing up what is there now (so a restore can be undone).
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, file: String) -> Result<(), AppError> {
    let dir = state.data_dir.clone();
    backup::verify(&backup::backup_dir(&dir).join(file.replace(['/', '\\'], "")))?;
    let before = dir.clone();
    state
        .with_store(move |store| {
            Ok(
                backup::make(store.conn(), &before, "before-restore", storage::now())
                    .map(|_| ())?,
            )
        })
        .await?;
    state
        .db
        .reopen_after(dir.clone(), move || Ok(backup::put_back(&dir, &file)?))
        .await?;
    problem_or_ok(&state)
}

/// The family whose data a request is about: this device's own, or (in cadre mode,
/// at the family's request) the one named.
async fn family_for(state: &AppState, family_id: Option<String>) -> Result<String, AppError> {
    let own = state
        .with_store(|store| Ok(families::get_own(store.conn())?))
        .await?;
    match (family_id, own) {
        (None, Some(own)) => Ok(own.meta.id),
        (None, None) => Err(AppError::NoFamily),
        (Some(id), Some(own)) if own.meta.id == id => Ok(id),
        (Some(id), _) => {
            state.cadre.touch()?;
            super::cadre::require_visible(state, id).await
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataExport {
    pub files: Vec<String>,
    pub records: usize,
}

/// Everything stored about the family, as JSON (one file) or CSV (one file per table).
#[tauri::command]
pub async fn export_my_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    family_id: Option<String>,
    format: String,
) -> Result<Option<DataExport>, AppError> {
    let family = family_for(&state, family_id).await?;
    let tables = state
        .with_store(move |store| Ok(privacy::family_data(store.conn(), &family)?))
        .await?;
    let records = tables.iter().map(|t| t.rows.len()).sum();
    let stamp = storage::now().format("%Y-%m-%d");
    let write = |path: &Path, text: String| {
        std::fs::write(path, text).map_err(|e| AppError::Export(e.to_string()))
    };
    let files = match format.as_str() {
        "json" => {
            let Some(path) = save_path(
                &app,
                &format!("ayah-asi-data-{stamp}.json"),
                ("JSON", &["json"]),
            ) else {
                return Ok(None);
            };
            let text = serde_json::to_string_pretty(&privacy::as_json(&tables))
                .map_err(|e| AppError::Export(e.to_string()))?;
            write(&path, text)?;
            vec![path]
        }
        "csv" => {
            let Some(first) = save_path(
                &app,
                &format!("ayah-asi-data-{stamp}-family.csv"),
                ("CSV", &["csv"]),
            ) else {
                return Ok(None);
            };
            let dir = first.parent().map(Path::to_path_buf).unwrap_or_default();
            let mut files = Vec::new();
            for table in &tables {
                let path = dir.join(format!("ayah-asi-data-{stamp}-{}.csv", table.name));
                write(&path, crate::export::csv_of(&table.columns, &table.rows))?;
                files.push(path);
            }
            files
        }
        other => return Err(AppError::UnknownProtocolItem(other.to_owned())),
    };
    Ok(Some(DataExport {
        files: files.iter().map(|p| p.display().to_string()).collect(),
        records,
    }))
}

/// Deletes everything stored about the family on this device, then scrubs the file,
/// its WAL and the backups. Returns how many records were deleted.
#[tauri::command]
pub async fn delete_my_data(
    state: State<'_, AppState>,
    family_id: Option<String>,
) -> Result<usize, AppError> {
    let family = family_for(&state, family_id).await?;
    let dir = state.data_dir.clone();
    state
        .with_store(move |store| {
            let device = store.device_id().to_owned();
            let now = storage::now();
            let deleted = store.with_tx(|tx| {
                Ok::<_, AppError>(privacy::delete_family(tx, &family, &device, now)?)
            })?;
            privacy::scrub(store.conn(), Some(&dir), now)?;
            Ok(deleted)
        })
        .await
}
