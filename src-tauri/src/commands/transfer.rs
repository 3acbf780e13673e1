//! Moving records between devices as bundle files: "Kirim ke kader" on a family's
//! device, export of one family or all in cadre mode, import with a preview first, and
//! the conflicts a cadre settles.

use std::path::Path;

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::domain::bundle::{self, Bundle, Decision, Header};
use crate::error::AppError;
use crate::files::{self, Delivery};
use crate::pending_import::read_limited;
use crate::state::AppState;
use crate::storage::{self, Store, families, transfer};

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TransferOverview {
    /// When these families were last sent from this device.
    pub last_export: Option<String>,
    /// Records the bundle would hold, everything / only what changed since.
    pub records: usize,
    pub records_since_last: Option<usize>,
    pub open_conflicts: u64,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub file: String,
    pub records: usize,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TallyRow {
    pub table: String,
    pub decision: Decision,
    pub count: u64,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FamilyName {
    pub id: String,
    pub father_name: String,
    pub mother_name: String,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub path: String,
    pub file_sha256: String,
    pub created_at: String,
    pub families: Vec<FamilyName>,
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    pub tally: Vec<TallyRow>,
    /// Records the import would add, update, set aside or delete (a newer posko counts
    /// as one).
    pub changes: usize,
    /// The cadre's posko the file carries, when it is newer than the one here.
    pub posko: Option<crate::domain::posko::PoskoNotice>,
}

/// The bundle's posko if this device would keep it.
fn posko_news(
    conn: &rusqlite::Connection,
    bundle: &Bundle,
) -> Result<Option<crate::domain::posko::PoskoNotice>, AppError> {
    match &bundle.header.posko {
        Some(p) if storage::posko::get_received_is_news(conn, p)? => Ok(Some(p.clone())),
        _ => Ok(None),
    }
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    pub changes: usize,
    pub tally: Vec<TallyRow>,
    pub open_conflicts: u64,
}

/// The families a transfer covers, never empty: cadre mode may name one or take all of
/// hers (never every family on the device); a family's device sends its own family.
async fn families_for(
    state: &AppState,
    family_id: Option<String>,
    all: bool,
) -> Result<Vec<String>, AppError> {
    if state.cadre.touch().is_ok() {
        return match (all, family_id) {
            (true, _) => {
                let ids = state
                    .with_store(|store| Ok(storage::cadre::list_visible_family_ids(store.conn())?))
                    .await?;
                if ids.is_empty() {
                    Err(AppError::NoFamily)
                } else {
                    Ok(ids)
                }
            }
            (false, Some(id)) => Ok(vec![super::guard::require_visible(state, id).await?]),
            (false, None) => Err(AppError::NoFamily),
        };
    }
    if all {
        return Err(AppError::CadreLocked);
    }
    let own = state
        .with_store(|store| Ok(families::get_own_family(store.conn())?))
        .await?
        .ok_or(AppError::NoFamily)?;
    match family_id {
        Some(id) if id != own.meta.id => Err(AppError::CadreLocked),
        _ => Ok(vec![own.meta.id]),
    }
}

#[tauri::command]
pub async fn transfer_overview(
    state: State<'_, AppState>,
    family_id: Option<String>,
    all: bool,
) -> Result<TransferOverview, AppError> {
    let ids = families_for(&state, family_id, all).await?;
    state
        .with_store(move |store| {
            let conn = store.conn();
            let last_export = transfer::get_last_export(conn, &ids)?;
            let since = crate::domain::record::since_of(last_export.as_deref());
            let records = transfer::count(conn, &ids, None)?;
            let records_since_last = match since {
                Some(since) => Some(transfer::count(conn, &ids, Some(&since))?),
                None => None,
            };
            Ok(TransferOverview {
                last_export,
                records,
                records_since_last,
                open_conflicts: transfer::get_open_conflict_count(conn)?,
            })
        })
        .await
}

/// Writes a bundle where the user chooses, or on a phone hands it to the share sheet
/// (a father's "Kirim ke kader": WhatsApp, Bluetooth...). `None` when the dialog was
/// cancelled.
#[tauri::command]
pub async fn export_bundle<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    family_id: Option<String>,
    all: bool,
    since_last: bool,
    delivery: Delivery,
) -> Result<Option<ExportResult>, AppError> {
    let ids = families_for(&state, family_id, all).await?;
    let gather_ids = ids.clone();
    let (header, lines) = state
        .with_store(move |store| {
            let conn = store.conn();
            let since = if since_last {
                crate::domain::record::since_of(
                    transfer::get_last_export(conn, &gather_ids)?.as_deref(),
                )
            } else {
                None
            };
            let lines = transfer::gather(conn, &gather_ids, since.as_deref())?;
            // Every family the file names is one it may change on the other device.
            let family_ids = gather_ids;
            let header = Header {
                format: String::new(),
                format_version: 0,
                app_version: env!("CARGO_PKG_VERSION").to_owned(),
                device_id: store.device_id().to_owned(),
                family_ids,
                created_at: crate::domain::record::format_time(storage::now()),
                since,
                counts: Default::default(),
                body_sha256: String::new(),
                // The cadre's posko goes to her families with every bundle she sends.
                posko: storage::posko::get_own_posko(conn)?,
                counselling: Vec::new(),
            };
            Ok((header, lines))
        })
        .await?;
    let records = lines.len();
    let bytes = bundle::write(header, &lines);
    // A file the other device would refuse is not worth sending: say so now.
    if bytes.len() as u64 > bundle::MAX_BUNDLE_BYTES {
        return Err(AppError::BundleTooLargeToSend(bytes.len() as u64));
    }
    let file_hash = bundle::sha256_hex(&bytes);
    let stamp = storage::now().format("%Y-%m-%d-%H%M");
    // No names in the file name: it shows in chat apps and download folders.
    let file_name = format!("ayah-asi-{stamp}-{}.{}", &file_hash[..8], bundle::EXTENSION);
    let write = move |path: &Path| {
        write_atomically(path, &bytes).map_err(|e| AppError::Export(e.to_string()))
    };
    let file = match delivery {
        Delivery::Save => {
            let filter = ("Ayah ASI", &[bundle::EXTENSION][..]);
            let Some(chosen) = super::dialogs::save_file(&app, &file_name, filter).await else {
                return Ok(None);
            };
            files::deliver(&app, chosen, write).await?
        }
        Delivery::Share => {
            let language = super::data::language(&state).await?;
            let title = state.i18n.text(&language, "share-bundle-title", None);
            let shared = files::share(&app, "application/octet-stream", title, move |dir| {
                let path = dir.join(&file_name);
                write(&path)?;
                Ok(vec![path])
            })
            .await?;
            shared.into_iter().next().unwrap_or_default()
        }
    };
    state
        .with_store(move |store| {
            let device = store.device_id().to_owned();
            let now = storage::now();
            Ok(transfer::insert_transfer_log(
                store.conn(),
                "export",
                &device,
                &file_hash,
                &ids,
                records,
                now,
            )?)
        })
        .await?;
    Ok(Some(ExportResult { file, records }))
}

/// Writes next to the target and renames, so a half-written bundle never exists
/// under the real name.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

/// A family's device takes only bundles of its own family; cadre mode takes any.
fn check_allowed(store: &Store, bundle: &Bundle, cadre_open: bool) -> Result<(), AppError> {
    if cadre_open {
        return Ok(());
    }
    let own = families::get_own_family(store.conn())?.ok_or(AppError::NoFamily)?;
    if bundle.header.family_ids.iter().any(|id| *id != own.meta.id) {
        return Err(AppError::BundleOtherFamily);
    }
    Ok(())
}

fn tally_rows(tally: transfer::Tally) -> Vec<TallyRow> {
    tally
        .into_iter()
        .flat_map(|(table, decisions)| {
            decisions
                .into_iter()
                .map(move |(decision, count)| TallyRow {
                    table: table.clone(),
                    decision,
                    count,
                })
        })
        .collect()
}

/// Asks for a bundle file and shows what importing it would do; changes nothing.
/// `None` when the dialog was cancelled.
#[tauri::command]
pub async fn preview_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<ImportPreview>, AppError> {
    let cadre_open = state.cadre.touch().is_ok();
    let Some(chosen) = super::dialogs::pick_file(&app, ("Ayah ASI", &[bundle::EXTENSION])).await
    else {
        return Ok(None);
    };
    // A phone's document picker answers with a content address: copied in first.
    let path = files::fetch(&app, chosen, bundle::MAX_BUNDLE_BYTES).await?;
    let (preview, bytes) = state
        .with_store(move |store| {
            let bytes = read_limited(&path)?;
            let bundle = bundle::parse(&bytes, storage::now())?;
            check_allowed(store, &bundle, cadre_open)?;
            let plan = transfer::plan(store.conn(), &bundle)?;
            let span = transfer::get_session_span(&bundle);
            let families = transfer::list_family_names(store.conn(), &bundle)?
                .into_iter()
                .map(|(id, father_name, mother_name)| FamilyName {
                    id,
                    father_name,
                    mother_name,
                })
                .collect();
            let posko = posko_news(store.conn(), &bundle)?;
            let preview = ImportPreview {
                path: path.display().to_string(),
                file_sha256: bundle.file_sha256.clone(),
                created_at: bundle.header.created_at.clone(),
                families,
                first_day: span.as_ref().map(|s| s.0.clone()),
                last_day: span.map(|s| s.1),
                changes: transfer::changes(&plan) + usize::from(posko.is_some()),
                tally: tally_rows(transfer::tally(&bundle, &plan)),
                posko,
            };
            Ok((preview, (path, bytes)))
        })
        .await?;
    let (path, bytes) = bytes;
    state
        .pending_import
        .keep(path, bytes, preview.file_sha256.clone());
    Ok(Some(preview))
}

/// Applies the bundle shown in the preview (the bytes kept then), in one transaction.
#[tauri::command]
pub async fn apply_import(
    state: State<'_, AppState>,
    file_sha256: String,
) -> Result<ImportResult, AppError> {
    let cadre_open = state.cadre.touch().is_ok();
    // The file is read again to see it is unchanged: off the async runtime.
    let pending = std::sync::Arc::clone(&state.pending_import);
    let bytes = tauri::async_runtime::spawn_blocking(move || pending.take(&file_sha256))
        .await
        .map_err(|e| AppError::Task(e.to_string()))??;
    state
        .with_store(move |store| {
            let bundle = bundle::parse(&bytes, storage::now())?;
            check_allowed(store, &bundle, cadre_open)?;
            let now = storage::now();
            let (changes, tally) = store.with_tx(|tx| {
                let plan = transfer::plan(tx, &bundle)?;
                let mut changes = transfer::apply(tx, &bundle, &plan, now)?;
                // Records from a file keep the times they were made elsewhere: the next
                // push to the server takes all of these families' records.
                if changes > 0 {
                    storage::sync_state::insert_push_due(tx, &bundle.header.family_ids, now)?;
                }
                if let Some(posko) = &bundle.header.posko {
                    changes += usize::from(storage::posko::update_received_posko(tx, posko)?);
                }
                // A cadre who imports families takes them on.
                if cadre_open {
                    for family in &bundle.header.family_ids {
                        if families::get_family(tx, family)?.is_some() {
                            storage::cadre::insert_assignment(tx, family, now)?;
                        }
                    }
                }
                Ok::<_, AppError>((changes, transfer::tally(&bundle, &plan)))
            })?;
            Ok(ImportResult {
                changes,
                tally: tally_rows(tally),
                open_conflicts: transfer::get_open_conflict_count(store.conn())?,
            })
        })
        .await
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "Conflict")]
#[serde(rename_all = "camelCase")]
pub struct ConflictView {
    #[serde(flatten)]
    pub conflict: transfer::Conflict,
    pub family: Option<FamilyName>,
}

#[tauri::command]
pub async fn list_conflicts(state: State<'_, AppState>) -> Result<Vec<ConflictView>, AppError> {
    state.cadre.touch()?;
    state
        .with_store(|store| {
            let conflicts = transfer::list_open_conflicts(store.conn())?;
            conflicts
                .into_iter()
                .map(|conflict| {
                    let family = match &conflict.family_id {
                        Some(id) => families::get_family(store.conn(), id)?.map(|f| FamilyName {
                            id: id.clone(),
                            father_name: f.family.father_name,
                            mother_name: f.family.mother_name,
                        }),
                        None => None,
                    };
                    Ok(ConflictView { conflict, family })
                })
                .collect()
        })
        .await
}

#[tauri::command]
pub async fn resolve_conflict(
    state: State<'_, AppState>,
    conflict_id: String,
    take_incoming: bool,
) -> Result<u64, AppError> {
    state.cadre.touch()?;
    state
        .with_store(move |store| {
            let device = store.device_id().to_owned();
            let now = storage::now();
            let found = store.with_tx(|tx| {
                Ok::<_, AppError>(transfer::resolve(
                    tx,
                    &conflict_id,
                    take_incoming,
                    &device,
                    now,
                )?)
            })?;
            if !found {
                return Err(AppError::ConflictNotFound(conflict_id));
            }
            Ok(transfer::get_open_conflict_count(store.conn())?)
        })
        .await
}
