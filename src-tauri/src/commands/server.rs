//! The Server section of cadre mode and of the family's settings: pair, unpair, status,
//! "Sinkronkan sekarang", and a code for a family's phone.

use serde::Serialize;
use tauri::State;
use tauri::ipc::Channel;

use crate::domain::sync::{self, ServerAddress, SyncCounts, SyncFailure};
use crate::domain::validation::FieldError;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, families, sync_state as state_store};
use crate::sync::client::Client;
use crate::sync::pairing::{self, Pairing};
use crate::sync::{SyncError, SyncProgress};

/// What the Server section shows.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerStatus {
    pub paired: bool,
    pub address: Option<String>,
    /// Paired as a family's phone (its own family only).
    pub for_family: bool,
    pub paired_at: Option<String>,
    pub last_success_at: Option<String>,
    pub last_attempt_at: Option<String>,
    pub last_failure: Option<SyncFailure>,
    /// The message id of the last failure.
    pub last_failure_code: Option<String>,
    pub last_counts: Option<SyncCounts>,
    /// Families this phone no longer sends: the server says another cadre has them now.
    pub families_elsewhere: u32,
    /// Families this phone holds back because the mother has not agreed to the consent
    /// text that names the server (the father's name of each).
    pub waiting_consent: Vec<String>,
    /// Families deleted here whose erasure has not reached the server yet.
    pub erasures_waiting: u32,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncResult {
    pub counts: SyncCounts,
    pub status: ServerStatus,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FamilyServerCode {
    /// Shown in groups of four.
    pub code: String,
    pub hours: u32,
}

async fn status_of(state: &AppState) -> Result<ServerStatus, AppError> {
    let found = pairing::read(&state.data_dir)?;
    let scope = found.as_ref().map(|p| p.family_id.clone());
    let (sync_state, elsewhere, waiting_consent, erasures_waiting) = state
        .with_store(move |store| {
            let conn = store.conn();
            let elsewhere = state_store::list_families_elsewhere(conn)?.len();
            let families = match scope {
                None => Vec::new(),
                Some(own) => crate::sync::families_to_push(conn, own)?,
            };
            let agreed = families::list_with_server_consent(conn, &families)?;
            let mut waiting = Vec::new();
            for family in families.iter().filter(|f| !agreed.contains(*f)) {
                if let Some(record) = families::get_family(conn, family)? {
                    waiting.push(record.family.father_name);
                }
            }
            Ok((
                state_store::get_sync_state(conn)?,
                elsewhere,
                waiting,
                state_store::list_erasure_due(conn)?.len(),
            ))
        })
        .await?;
    let Some(found) = found else {
        return Ok(ServerStatus {
            paired: false,
            address: None,
            for_family: false,
            paired_at: None,
            last_success_at: None,
            last_attempt_at: None,
            last_failure: None,
            last_failure_code: None,
            last_counts: None,
            families_elsewhere: 0,
            waiting_consent: Vec::new(),
            erasures_waiting: 0,
        });
    };
    let sync_state = sync_state.filter(|s| s.server_address == found.address.as_str());
    Ok(ServerStatus {
        paired: true,
        address: Some(found.address.as_str().to_owned()),
        for_family: found.family_id.is_some(),
        paired_at: Some(found.paired_at),
        last_success_at: sync_state.as_ref().and_then(|s| s.last_success_at.clone()),
        last_attempt_at: sync_state.as_ref().and_then(|s| s.last_attempt_at.clone()),
        last_failure: sync_state.as_ref().and_then(|s| s.last_failure),
        last_failure_code: sync_state
            .as_ref()
            .and_then(|s| s.last_failure_code.clone()),
        last_counts: sync_state
            .filter(|s| s.last_success_at.is_some())
            .map(|s| s.last_counts),
        families_elsewhere: u32::try_from(elsewhere).unwrap_or(u32::MAX),
        waiting_consent,
        erasures_waiting: u32::try_from(erasures_waiting).unwrap_or(u32::MAX),
    })
}

#[tauri::command]
pub async fn get_server_status(state: State<'_, AppState>) -> Result<ServerStatus, AppError> {
    status_of(&state).await
}

/// The address and code as typed, checked before anything is sent.
fn checked_input(address: &str, code: &str) -> Result<(ServerAddress, String), AppError> {
    let address = ServerAddress::parse(address);
    let code = sync::normalize_code(code);
    let mut fields = Vec::new();
    if let Err(error) = &address {
        fields.push(FieldError::new("address", error.message_id()));
    }
    if let Err(error) = &code {
        fields.push(FieldError::new("code", error.message_id()));
    }
    match (address, code) {
        (Ok(address), Ok(code)) => Ok((address, code)),
        _ => Err(AppError::Invalid(fields)),
    }
}

/// Pairs this device: in cadre mode with a cadre's code, else the family's phone with a
/// code its cadre made for this family. A code for anything else is refused here and
/// nothing is kept.
#[tauri::command]
pub async fn pair_server(
    state: State<'_, AppState>,
    address: String,
    code: String,
) -> Result<ServerStatus, AppError> {
    let (address, code) = checked_input(&address, &code)?;
    // A cadre's pairing is changed only with cadre mode open.
    check_may_change(&state, &pairing::read(&state.data_dir).unwrap_or(None))?;
    let cadre_open = state.cadre.touch().is_ok();
    let own_family = if cadre_open {
        None
    } else {
        Some(
            state
                .with_store(|store| Ok(families::get_own_family(store.conn())?))
                .await?
                .ok_or(AppError::NoFamily)?
                .meta
                .id,
        )
    };
    let paired = Client::new(address.clone())?.pair(&code).await?;
    match (&own_family, &paired.family_id) {
        (None, None) => {}
        (Some(own), Some(family)) if own == family => {}
        (None, Some(_)) => return Err(SyncError::WrongCode("error-server-code-for-family").into()),
        (Some(_), None) => return Err(SyncError::WrongCode("error-server-code-for-cadre").into()),
        (Some(_), Some(_)) => {
            return Err(SyncError::WrongCode("error-server-code-other-family").into());
        }
    }
    let pairing = Pairing {
        address: address.clone(),
        token: paired.token,
        family_id: paired.family_id,
        paired_at: crate::domain::record::format_time(storage::now()),
    };
    let _one_at_a_time = state.sync_lock.lock().await;
    pairing::write(&state.data_dir, &pairing)?;
    let address = address.as_str().to_owned();
    state
        .with_store(move |store| Ok(state_store::reset_sync_state(store.conn(), &address)?))
        .await?;
    drop(_one_at_a_time);
    status_of(&state).await
}

/// Who may change a pairing: a family's phone from its settings; a cadre's phone only
/// with cadre mode open.
fn check_may_change(state: &AppState, current: &Option<Pairing>) -> Result<(), AppError> {
    match current {
        Some(p) if p.family_id.is_none() => state.cadre.touch(),
        _ => Ok(()),
    }
}

/// Forgets the server here; every record stays. (The server forgets the device when
/// the puskesmas revokes it.)
#[tauri::command]
pub async fn unpair_server(state: State<'_, AppState>) -> Result<ServerStatus, AppError> {
    let _one_at_a_time = state.sync_lock.lock().await;
    let current = pairing::read(&state.data_dir).unwrap_or(None);
    check_may_change(&state, &current)?;
    pairing::remove(&state.data_dir)?;
    state
        .with_store(|store| Ok(state_store::delete_sync_state(store.conn())?))
        .await?;
    drop(_one_at_a_time);
    status_of(&state).await
}

/// "Sinkronkan sekarang": progress on the channel, then what it did.
#[tauri::command]
pub async fn sync_now(
    state: State<'_, AppState>,
    on_progress: Channel<SyncProgress>,
) -> Result<SyncResult, AppError> {
    let counts = crate::sync::run(&state, |stage| {
        let _ = on_progress.send(stage);
    })
    .await?;
    Ok(SyncResult {
        counts,
        status: status_of(&state).await?,
    })
}

/// A one-time code for a family's phone, made by the server for the cadre's phone. A
/// sync first, so the server knows the family as hers.
#[tauri::command]
pub async fn make_family_server_code(
    state: State<'_, AppState>,
    family_id: String,
) -> Result<FamilyServerCode, AppError> {
    let family_id = super::guard::require_visible(&state, family_id).await?;
    let found = pairing::read(&state.data_dir)?.ok_or(SyncError::NotPaired)?;
    if found.family_id.is_some() {
        return Err(AppError::CadreLocked);
    }
    crate::sync::run(&state, |_| {}).await?;
    let made = Client::new(found.address)?
        .family_code(&found.token, &family_id)
        .await?;
    Ok(FamilyServerCode {
        code: sync::display_code(&made.code),
        hours: made.hours,
    })
}
