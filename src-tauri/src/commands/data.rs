//! The data itself: what to do when the database cannot be opened, local backups and
//! restoring one, and a family's own data (download all of it, delete all of it).

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use super::dialogs::save_file;
use super::guard::{off_runtime, pin_matches};
use crate::error::AppError;
use crate::files::{self, Delivery};
use crate::state::AppState;
use crate::storage::{self, backup, families, privacy};

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
/// Where the file shows a cadre, her PIN is needed: the copy holds every family.
#[tauri::command]
pub async fn save_data_copy<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pin: Option<String>,
) -> Result<Option<String>, AppError> {
    let dir = state.data_dir.clone();
    if let Some(hash) = off_runtime(move || Ok(backup::cadre_pin_hash(&dir))).await? {
        let Some(pin) = pin else {
            return Err(AppError::CadrePinRequired);
        };
        if !pin_matches(hash, pin).await? {
            return Err(AppError::WrongPin { wait_seconds: 0 });
        }
    }
    let file_name = format!(
        "ayah-asi-salinan-{}.sqlite3",
        storage::now().format("%Y-%m-%d-%H%M")
    );
    // Saved only, never shared: the copy holds every family on the device.
    let Some(chosen) = save_file(&app, &file_name, ("SQLite", &["sqlite3"])).await else {
        return Ok(None);
    };
    let dir = state.data_dir.clone();
    let shown =
        files::deliver(&app, chosen, move |path| Ok(backup::save_copy(&dir, path)?)).await?;
    Ok(Some(shown))
}

/// Backups hold every family on the device: where a cadre is set up, cadre mode must
/// be open to make or restore one.
async fn whole_database_allowed(state: &AppState) -> Result<(), AppError> {
    let has_cadre = state
        .with_store(|store| Ok(crate::storage::cadre::get_cadre(store.conn())?.is_some()))
        .await?;
    if has_cadre && state.cadre.touch().is_err() {
        return Err(AppError::CadrePinRequired);
    }
    Ok(())
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<backup::BackupInfo>, AppError> {
    Ok(backup::list(&state.data_dir)?)
}

#[tauri::command]
pub async fn make_backup(state: State<'_, AppState>) -> Result<Vec<backup::BackupInfo>, AppError> {
    whole_database_allowed(&state).await?;
    let dir = state.data_dir.clone();
    off_runtime(move || {
        backup::make_in(&dir, "manual", storage::now())?;
        Ok(backup::list(&dir)?)
    })
    .await
}

/// Puts a backup back, after backing up what is there now (so a restore can be undone).
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, file: String) -> Result<(), AppError> {
    whole_database_allowed(&state).await?;
    let dir = state.data_dir.clone();
    let chosen = backup::backup_dir(&dir).join(file.replace(['/', '\\'], ""));
    off_runtime(move || Ok(backup::verify(&chosen)?)).await?;
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
pub(super) async fn family_for(
    state: &AppState,
    family_id: Option<String>,
) -> Result<String, AppError> {
    let own = state
        .with_store(|store| Ok(families::get_own_family(store.conn())?))
        .await?;
    match (family_id, own) {
        (None, Some(own)) => Ok(own.meta.id),
        (None, None) => Err(AppError::NoFamily),
        (Some(id), Some(own)) if own.meta.id == id => Ok(id),
        (Some(id), _) => {
            state.cadre.touch()?;
            super::guard::require_visible(state, id).await
        }
    }
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DataExport {
    pub files: Vec<String>,
    pub records: usize,
}

/// The format of the family's own data.
#[derive(Debug, Clone, Copy, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum DataFormat {
    /// One file.
    Json,
    /// One file per table.
    Csv,
}

/// Everything stored about the family, as JSON (one file) or CSV (one file per table,
/// in a new folder inside the folder chosen: nothing already there is replaced); saved,
/// or on a phone handed to the share sheet.
#[tauri::command]
pub async fn export_my_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    family_id: Option<String>,
    format: DataFormat,
    delivery: Delivery,
) -> Result<Option<DataExport>, AppError> {
    let family = family_for(&state, family_id).await?;
    let tables = state
        .with_store(move |store| Ok(privacy::get_family_data(store.conn(), &family)?))
        .await?;
    let records = tables.iter().map(|t| t.rows.len()).sum();
    let stamp = storage::now().format("%Y-%m-%d").to_string();
    let json_name = format!("ayah-asi-data-{stamp}.json");
    let files = match (format, delivery) {
        (DataFormat::Json, Delivery::Save) => {
            let Some(chosen) = save_file(&app, &json_name, ("JSON", &["json"])).await else {
                return Ok(None);
            };
            vec![files::deliver(&app, chosen, move |path| write_json(path, &tables)).await?]
        }
        (DataFormat::Json, Delivery::Share) => {
            let title = state
                .i18n
                .text(&language(&state).await?, "share-data-title", None);
            files::share(&app, "application/json", title, move |dir| {
                let path = dir.join(&json_name);
                write_json(&path, &tables)?;
                Ok(vec![path])
            })
            .await?
        }
        (DataFormat::Csv, Delivery::Save) => {
            let Some(parent) = csv_destination(&app, &stamp).await? else {
                return Ok(None);
            };
            let written = off_runtime(move || write_family_csv(&parent, &stamp, &tables)).await?;
            written.iter().map(|p| p.display().to_string()).collect()
        }
        (DataFormat::Csv, Delivery::Share) => {
            let title = state
                .i18n
                .text(&language(&state).await?, "share-data-title", None);
            files::share(&app, "text/csv", title, move |dir| {
                write_family_csv(dir, &stamp, &tables)
            })
            .await?
        }
    };
    Ok(Some(DataExport { files, records }))
}

fn write_json(path: &Path, tables: &[privacy::DataTable]) -> Result<(), AppError> {
    let text = serde_json::to_vec_pretty(&privacy::as_json(tables))
        .map_err(|e| AppError::Export(e.to_string()))?;
    std::fs::write(path, text).map_err(|e| AppError::Export(e.to_string()))
}

/// The app's language, for the share sheet's heading.
pub(super) async fn language(state: &AppState) -> Result<String, AppError> {
    state
        .with_store(|store| {
            Ok(
                storage::settings::get_setting(store.conn(), storage::settings::LANGUAGE)?
                    .unwrap_or_else(|| crate::i18n::DEFAULT_LANGUAGE.to_owned()),
            )
        })
        .await
}

/// The folder the CSV files go into: chosen with the folder dialog on a computer.
#[cfg(desktop)]
async fn csv_destination<R: Runtime>(
    app: &AppHandle<R>,
    _stamp: &str,
) -> Result<Option<PathBuf>, AppError> {
    Ok(super::dialogs::pick_folder(app).await)
}

/// Phones cannot pick a folder: the files go next to the one file saved, where the
/// dialog gives a path; a content address has no folder beside it (then: share).
#[cfg(mobile)]
async fn csv_destination<R: Runtime>(
    app: &AppHandle<R>,
    stamp: &str,
) -> Result<Option<PathBuf>, AppError> {
    // Android's save dialog always answers with a content address (and makes an empty
    // file there first): refused before it opens.
    if Delivery::SHARE_AVAILABLE {
        return Err(AppError::CsvNeedsShare);
    }
    let Some(chosen) = save_file(
        app,
        &format!("ayah-asi-data-{stamp}.csv"),
        ("CSV", &["csv"]),
    )
    .await
    else {
        return Ok(None);
    };
    match chosen {
        files::Chosen::Local(file) => Ok(file.parent().map(Path::to_path_buf)),
        files::Chosen::Content { .. } => Err(AppError::CsvNeedsShare),
    }
}

/// One CSV per table in a new folder `ayah-asi-data-<date>` (`-2`, `-3`... when taken).
fn write_family_csv(
    parent: &Path,
    stamp: &str,
    tables: &[privacy::DataTable],
) -> Result<Vec<PathBuf>, AppError> {
    let export_error = |e: &dyn std::fmt::Display| AppError::Export(e.to_string());
    let dir = crate::export::fresh_folder(parent, &format!("ayah-asi-data-{stamp}"))
        .map_err(|e| export_error(&e))?;
    tables
        .iter()
        .map(|table| {
            let path = dir.join(format!("{}.csv", table.name));
            let bytes =
                crate::export::csv_of(&table.columns, &table.rows).map_err(|e| export_error(&e))?;
            crate::export::write_new(&path, &bytes).map_err(|e| export_error(&e))?;
            Ok(path)
        })
        .collect()
}

/// Deletes everything stored about the family on this device, then scrubs the file,
/// its WAL and the backups; on a family's phone paired with the server, the server is
/// asked to erase the family too (`erasure`).
#[tauri::command]
pub async fn delete_my_data(
    state: State<'_, AppState>,
    family_id: Option<String>,
) -> Result<super::erasure::DeletedData, AppError> {
    let family = family_for(&state, family_id).await?;
    super::erasure::delete_family_data(&state, family).await
}
