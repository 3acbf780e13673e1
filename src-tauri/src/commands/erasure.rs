//! A family's data deleted along the chain: on the family's phone ("Hapus semua data
//! keluarga"), and by the cadre (from her phone only, a family that moved away; or also
//! from the puskesmas server, at the mother's request). The deletion here is at once;
//! the server's erasure travels as the family's tombstone with the next push, which is
//! tried at once and otherwise waits for the next sync (`server_erasure_due`).

use std::time::Duration;

use serde::Serialize;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, privacy, sync_state as state_store};
use crate::sync::pairing::{self, Pairing};

/// How long a deletion waits for its erasure to reach the server before it says "it
/// goes at the next chance".
const SEND_NOW_WAIT: Duration = Duration::from_secs(10);

/// Where the server's copy stands after a deletion here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum ServerErasure {
    /// This phone is paired with no server (or the deletion was for this phone only).
    NotAsked,
    /// The server has it: the family is erased there, and from the other phones at
    /// their next sync.
    Sent,
    /// The server could not be reached: the request goes with the next sync.
    Waiting,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DeletedData {
    /// Records deleted on this phone.
    pub records: usize,
    pub server: ServerErasure,
}

/// Deletes the family here (one transaction, then the file, its WAL and the backups
/// scrubbed); when `tell_server`, its erasure waits for the next push.
async fn delete_here(
    state: &AppState,
    family: String,
    tell_server: bool,
) -> Result<usize, AppError> {
    let dir = state.data_dir.clone();
    state
        .with_store(move |store| {
            let device = store.device_id().to_owned();
            let now = storage::now();
            let deleted = store.with_tx(|tx| {
                let deleted = privacy::delete_family(tx, &family, &device, now)?;
                if tell_server {
                    state_store::insert_erasure_due(tx, &family, now)?;
                }
                Ok::<_, AppError>(deleted)
            })?;
            privacy::scrub(store.conn(), Some(&dir), now)?;
            Ok(deleted)
        })
        .await
}

/// Deletes the family here and, when `tell_server`, sends its erasure now or leaves it
/// for the next sync, saying which.
async fn delete(
    state: &AppState,
    family: String,
    tell_server: bool,
) -> Result<DeletedData, AppError> {
    let records = delete_here(state, family.clone(), tell_server).await?;
    let server = if tell_server {
        send_now(state, family).await?
    } else {
        ServerErasure::NotAsked
    };
    Ok(DeletedData { records, server })
}

/// Sends the erasure now if the server answers within [`SEND_NOW_WAIT`].
async fn send_now(state: &AppState, family: String) -> Result<ServerErasure, AppError> {
    // A failure is remembered on the status line; the request stays due either way.
    let _ = tokio::time::timeout(SEND_NOW_WAIT, crate::sync::run(state, |_| {})).await;
    let waiting = state
        .with_store(move |store| Ok(state_store::list_erasure_due(store.conn())?.contains(&family)))
        .await?;
    Ok(if waiting {
        ServerErasure::Waiting
    } else {
        ServerErasure::Sent
    })
}

/// Deletes the family's data here and, on the family's own phone paired with the
/// server, asks the server to erase it too. (A cadre removes one of her families with
/// [`remove_family`].)
pub(super) async fn delete_family_data(
    state: &AppState,
    family: String,
) -> Result<DeletedData, AppError> {
    let paired = pairing::read(&state.data_dir).unwrap_or(None);
    let tell_server =
        matches!(&paired, Some(Pairing { family_id: Some(own), .. }) if *own == family);
    delete(state, family, tell_server).await
}

/// The cadre removes a family from her phone, after her PIN: only from this phone (a
/// family that moved away: the server and the family's phone keep theirs), or also
/// from the puskesmas server (the mother's request: the server erases it and every
/// phone deletes its copy at its next sync).
#[tauri::command]
pub async fn remove_family(
    state: State<'_, AppState>,
    family_id: String,
    pin: String,
    from_server: bool,
) -> Result<DeletedData, AppError> {
    state.cadre.touch()?;
    let family = super::guard::require_visible(&state, family_id).await?;
    super::cadre::verify_pin(&state, pin).await?;
    let own = state
        .with_store(|store| Ok(storage::families::get_own_family(store.conn())?))
        .await?;
    if own.is_some_and(|own| own.meta.id == family) {
        // This device's own family is deleted from its own settings, by the family.
        return Err(AppError::FamilyNotFound(family));
    }
    let paired_as_cadre = matches!(
        pairing::read(&state.data_dir).unwrap_or(None),
        Some(Pairing {
            family_id: None,
            ..
        })
    );
    let tell_server = from_server && paired_as_cadre;
    delete(&state, family, tell_server).await
}
