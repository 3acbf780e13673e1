//! Syncing with the puskesmas server: push what changed here since the last
//! acknowledged push, then pull what changed there, each applied whole or not at all.
//! The bundle is the wire format, so the server and every import decide alike.

pub mod background;
pub mod client;
pub mod error;
pub mod pairing;
mod pull;
mod push;

pub use error::SyncError;
pub(crate) use push::families_to_push;

use std::future::Future;

use serde::Serialize;

use crate::domain::sync::{SyncCounts, SyncFailure, retry_delay};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, sync_state as state_store};
use client::Client;
use pairing::Pairing;

/// Where a sync is, for its progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum SyncStage {
    Sending,
    Receiving,
}

/// How far a sync got, told every second while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    pub stage: SyncStage,
    /// Kilobytes sent or received so far in this stage.
    pub done_kb: u64,
    /// Kilobytes this push sends in all; 0 while receiving (not known ahead).
    pub total_kb: u64,
}

fn failure_of(error: &AppError) -> SyncFailure {
    match error {
        AppError::Sync(error) => error.failure(),
        _ => SyncFailure::Local,
    }
}

/// One sync, start to end; its outcome is remembered for the status line whatever it
/// is. Syncs never overlap: a second waits for the first.
pub async fn run(
    state: &AppState,
    progress: impl Fn(SyncProgress) + Sync,
) -> Result<SyncCounts, AppError> {
    let _one_at_a_time = state.sync_lock.lock().await;
    let pairing = pairing::read(&state.data_dir)?.ok_or(SyncError::NotPaired)?;
    let address = pairing.address.as_str().to_owned();
    state
        .with_store(move |store| {
            let conn = store.conn();
            let same =
                state_store::get_sync_state(conn)?.is_some_and(|s| s.server_address == address);
            if !same {
                state_store::reset_sync_state(conn, &address)?;
            }
            Ok(state_store::update_attempt(conn, storage::now())?)
        })
        .await?;
    let outcome = exchange(state, &pairing, &progress).await;
    let remembered = match &outcome {
        Ok(counts) => {
            let counts = *counts;
            state
                .with_store(move |store| {
                    Ok(state_store::update_success(
                        store.conn(),
                        storage::now(),
                        counts,
                    )?)
                })
                .await
        }
        Err(error) => {
            let (failure, code) = (failure_of(error), error.code());
            state
                .with_store(move |store| {
                    Ok(state_store::update_failure(
                        store.conn(),
                        storage::now(),
                        failure,
                        code,
                    )?)
                })
                .await
        }
    };
    remembered?;
    outcome
}

async fn exchange(
    state: &AppState,
    pairing: &Pairing,
    progress: &(impl Fn(SyncProgress) + Sync),
) -> Result<SyncCounts, AppError> {
    let known_gzip = state
        .with_store(|store| {
            Ok(state_store::get_sync_state(store.conn())?.is_some_and(|s| s.takes_gzip))
        })
        .await?;
    let client = Client::new(pairing.address.clone())?.with_gzip(known_gzip);
    if !known_gzip {
        client.probe_gzip().await;
    }
    let pushed = push::push(state, &client, pairing, progress).await;
    if client.takes_gzip() && !known_gzip {
        state
            .with_store(|store| Ok(state_store::update_takes_gzip(store.conn())?))
            .await?;
    }
    let sent = pushed?;
    let (received, to_choose) = pull::pull(state, &client, pairing, progress).await?;
    if let Some(own) = &pairing.family_id {
        forget_when_erased(state, own).await?;
    }
    Ok(SyncCounts {
        sent,
        received,
        to_choose,
    })
}

/// A family's phone whose family is gone (deleted here and its erasure acknowledged, or
/// erased on the server and deleted by this pull) has nothing left to sync: it forgets
/// the server, as "Putuskan" would.
async fn forget_when_erased(state: &AppState, own: &str) -> Result<(), AppError> {
    let own = own.to_owned();
    let gone = state
        .with_store(move |store| {
            let conn = store.conn();
            Ok(storage::families::get_family(conn, &own)?.is_none()
                && state_store::list_erasure_due(conn)?.is_empty())
        })
        .await?;
    if gone {
        pairing::remove(&state.data_dir)?;
        state
            .with_store(|store| Ok(state_store::delete_sync_state(store.conn())?))
            .await?;
    }
    Ok(())
}

/// Calls the server again after a dropped connection or a server error, a few times,
/// slower each time. A refusal is final.
async fn retrying<T, F, Fut>(mut call: F) -> Result<T, SyncError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, SyncError>>,
{
    let mut attempt = 0;
    loop {
        match call().await {
            Err(error) if error.failure().is_transient() => match retry_delay(attempt) {
                Some(delay) => {
                    tokio::time::sleep(delay).await;
                    attempt += 1;
                }
                None => return Err(error),
            },
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_dropped_connection_or_a_server_error_is_tried_again() {
        assert_eq!(
            SyncError::Unreachable("x".into()).failure(),
            SyncFailure::Unreachable
        );
        let revoked = SyncError::Refused {
            status: 401,
            code: Some(crate::domain::sync::wire::RefusalCode::DeviceRefused),
            detail: String::new(),
            family: None,
        };
        assert_eq!(revoked.failure(), SyncFailure::Refused);
        assert!(!revoked.failure().is_transient());
        assert_eq!(revoked.code(), "error-server-device-refused");
    }
}
