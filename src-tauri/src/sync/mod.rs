//! Syncing with the puskesmas server: push what changed here since the last
//! acknowledged push, then pull what changed there, each applied whole or not at all.
//! The bundle is the wire format, so the server and every import decide alike.

pub mod client;
pub mod pairing;

use std::collections::{BTreeMap, HashSet};
use std::future::Future;

use serde::Serialize;

use crate::domain::bundle::{self, Decision, Header, Line};
use crate::domain::record::{format_time, new_id};
use crate::domain::sync::{
    AddressError, CodeError, SyncCounts, SyncFailure, changes_in, retry_delay,
};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, cadre, families, sync as state_store, transfer};
use client::Client;
use pairing::Pairing;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("no server is paired")]
    NotPaired,
    #[error(transparent)]
    Address(#[from] AddressError),
    #[error(transparent)]
    Code(#[from] CodeError),
    #[error("the server did not answer: {0}")]
    Unreachable(String),
    #[error("the server refused ({status}, {code:?}): {detail}")]
    Refused {
        status: u16,
        /// The server's reason; `None` when it named one this app does not know.
        code: Option<crate::domain::sync::wire::RefusalCode>,
        detail: String,
        /// The family a scope refusal is about (moved to another cadre, say).
        family: Option<String>,
    },
    #[error("the server failed ({status}): {detail}")]
    ServerError { status: u16, detail: String },
    #[error("the server's answer was not understood: {0}")]
    BadAnswer(String),
    #[error("the pairing file: {0}")]
    PairingFile(String),
    /// A family's code typed in cadre mode, a cadre's on a family's phone, or another
    /// family's code: nothing is kept.
    #[error("this code is for {0}")]
    WrongCode(&'static str),
}

impl SyncError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotPaired => "error-server-not-paired-here",
            Self::Address(error) => error.message_id(),
            Self::Code(error) => error.message_id(),
            Self::Unreachable(_) => "error-server-unreachable",
            Self::Refused { code, .. } => code.map_or("error-server-answer", |c| c.message_id()),
            Self::ServerError { .. } => "error-server-failed",
            Self::BadAnswer(_) => "error-server-answer",
            Self::PairingFile(_) => "error-server-pairing-file",
            Self::WrongCode(which) => which,
        }
    }

    pub fn args(&self) -> BTreeMap<&'static str, String> {
        let mut args = BTreeMap::new();
        match self {
            Self::Unreachable(detail)
            | Self::BadAnswer(detail)
            | Self::PairingFile(detail)
            | Self::Refused { detail, .. } => {
                args.insert("detail", detail.clone());
            }
            Self::ServerError { status, detail } => {
                args.insert("status", status.to_string());
                args.insert("detail", detail.clone());
            }
            Self::NotPaired | Self::Address(_) | Self::Code(_) | Self::WrongCode(_) => {}
        }
        args
    }

    pub fn failure(&self) -> SyncFailure {
        match self {
            Self::Unreachable(_) => SyncFailure::Unreachable,
            Self::ServerError { .. } => SyncFailure::ServerError,
            Self::Refused { status: 401, .. } | Self::NotPaired => SyncFailure::Refused,
            Self::Refused { .. } | Self::BadAnswer(_) | Self::WrongCode(_) => SyncFailure::Rejected,
            Self::Address(_) | Self::Code(_) | Self::PairingFile(_) => SyncFailure::Local,
        }
    }
}

/// Where a sync is, for its progress line.
#[derive(Debug, Clone, Copy, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum SyncStage {
    Sending,
    Receiving,
}

fn failure_of(error: &AppError) -> SyncFailure {
    match error {
        AppError::Sync(error) => error.failure(),
        _ => SyncFailure::Local,
    }
}

/// One sync, start to end; its outcome is remembered for the status line whatever it
/// is. Syncs never overlap: a second waits for the first.
pub async fn run(state: &AppState, progress: impl Fn(SyncStage)) -> Result<SyncCounts, AppError> {
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
    progress: &impl Fn(SyncStage),
) -> Result<SyncCounts, AppError> {
    let client = Client::new(pairing.address.clone())?;
    progress(SyncStage::Sending);
    let sent = push(state, &client, pairing).await?;
    progress(SyncStage::Receiving);
    let (received, to_choose) = pull(state, &client, pairing).await?;
    Ok(SyncCounts {
        sent,
        received,
        to_choose,
    })
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

/// The family a line belongs to, by its table's owner (a visit's score is found through
/// its visit among the pushed lines).
fn family_of(line: &Line, visits: &BTreeMap<String, String>) -> Option<String> {
    let body = line.body.as_ref()?;
    let table = bundle::owner::table(&line.table)?;
    bundle::owner::family_of(table, &line.id, body, |_, visit| visits.get(visit).cloned())
}

/// The families a push names: exactly those it carries records of (a file changes only
/// the families it names, and the server checks each is this device's).
fn named_families(lines: &[Line]) -> Vec<String> {
    let visits: BTreeMap<String, String> = lines
        .iter()
        .filter(|l| l.table == "home_visit")
        .filter_map(|l| Some((l.id.clone(), family_of(l, &BTreeMap::new())?)))
        .collect();
    let mut named: Vec<String> = Vec::new();
    for line in lines {
        let family = match &line.deleted {
            Some(deleted) => deleted.family_id.clone(),
            None => family_of(line, &visits),
        };
        if let Some(family) = family.filter(|f| !named.contains(f)) {
            named.push(family);
        }
    }
    named
}

/// The bundle of what changed here since the last acknowledged push, under the id of
/// the push in flight (kept, so a retry after a crash is the same push to the server).
fn gather_push(
    store: &mut storage::Store,
    family_scope: Option<String>,
) -> Result<(state_store::PendingPush, Option<Vec<u8>>), AppError> {
    let now = storage::now();
    let conn = store.conn();
    let is_cadre_phone = family_scope.is_none();
    let families = match family_scope {
        Some(own) => vec![own],
        None => {
            let elsewhere: HashSet<String> = state_store::list_families_elsewhere(conn)?
                .into_iter()
                .collect();
            cadre::list_visible_family_ids(conn)?
                .into_iter()
                .filter(|f| !elsewhere.contains(f))
                .collect()
        }
    };
    let pushed_since = state_store::get_sync_state(conn)?.and_then(|s| s.pushed_since);
    // A cadre's phone reports her own test with every push, and pushes when it changed.
    let counselling = if is_cadre_phone {
        storage::learning::list_cadre_counselling(conn)?
    } else {
        Vec::new()
    };
    let tests_changed = !counselling.is_empty()
        && storage::learning::get_cadre_tests_changed(conn, pushed_since.as_deref())?;
    let pending = state_store::begin_push(conn, &new_id(), now)?;
    // Records the server already has come back "known" and are not counted.
    let since = crate::commands::transfer::since_of(pushed_since.as_deref());
    let due: HashSet<String> = state_store::list_push_due(conn)?.into_iter().collect();
    let (whole, changed): (Vec<String>, Vec<String>) =
        families.into_iter().partition(|f| due.contains(f));
    let mut lines = transfer::gather(conn, &changed, since.as_deref())?;
    let mut seen: HashSet<(String, String)> = lines
        .iter()
        .map(|l| (l.table.clone(), l.id.clone()))
        .collect();
    for line in transfer::gather(conn, &whole, None)? {
        if seen.insert((line.table.clone(), line.id.clone())) {
            lines.push(line);
        }
    }
    if lines.is_empty() && !tests_changed {
        return Ok((pending, None));
    }
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        device_id: store.device_id().to_owned(),
        family_ids: named_families(&lines),
        created_at: format_time(now),
        since,
        counts: Default::default(),
        body_sha256: String::new(),
        posko: storage::posko::get_own_posko(store.conn())?,
        counselling,
    };
    let bytes = bundle::write(header, &lines);
    if bytes.len() as u64 > bundle::MAX_BUNDLE_BYTES {
        return Err(AppError::BundleTooLargeToSend(bytes.len() as u64));
    }
    Ok((pending, Some(bytes)))
}

/// Families one push may find moved away, one by one, before it gives up.
const MOVED_AT_MOST: usize = 50;

async fn push(state: &AppState, client: &Client, pairing: &Pairing) -> Result<u64, AppError> {
    let mut moved = 0;
    let (pending, sent) = loop {
        let scope = pairing.family_id.clone();
        let (pending, bytes) = state
            .with_store(move |store| gather_push(store, scope))
            .await?;
        let Some(bytes) = bytes else {
            break (pending, 0);
        };
        match retrying(|| client.push(&pairing.token, &pending.id, bytes.clone())).await {
            Ok(tally) => break (pending, changes_in(&tally)),
            // A cadre's family moved to another cadre: stop sending it, send the rest.
            Err(SyncError::Refused {
                code: Some(crate::domain::sync::wire::RefusalCode::OutOfScope),
                family: Some(family),
                ..
            }) if pairing.family_id.is_none() && moved < MOVED_AT_MOST => {
                moved += 1;
                state
                    .with_store(move |store| {
                        Ok(state_store::insert_family_elsewhere(
                            store.conn(),
                            &family,
                            storage::now(),
                        )?)
                    })
                    .await?;
            }
            Err(error) => return Err(error.into()),
        }
    };
    state
        .with_store(move |store| Ok(state_store::finish_push(store.conn(), &pending)?))
        .await?;
    Ok(sent)
}

/// Pulls page by page; each page is applied, with its cursor, in one transaction.
async fn pull(
    state: &AppState,
    client: &Client,
    pairing: &Pairing,
) -> Result<(u64, u64), AppError> {
    let (mut received, mut to_choose) = (0, 0);
    // A bound, in case a server kept saying "more".
    for _ in 0..1000 {
        let cursor = state
            .with_store(|store| {
                Ok(state_store::get_sync_state(store.conn())?.map_or(0, |s| s.pull_cursor))
            })
            .await?;
        let page = retrying(|| client.pull(&pairing.token, cursor)).await?;
        let more = page.more;
        let own = pairing.family_id.clone();
        let (changes, clashes) = state
            .with_store(move |store| apply_page(store, &page, own.as_deref()))
            .await?;
        received += changes.saturating_sub(clashes);
        to_choose += clashes;
        if !more {
            break;
        }
    }
    Ok((received, to_choose))
}

fn apply_page(
    store: &mut storage::Store,
    page: &client::Pulled,
    own_family: Option<&str>,
) -> Result<(u64, u64), AppError> {
    let now = storage::now();
    let bundle = bundle::parse(&page.bytes, now)?;
    if let Some(own) = own_family
        && bundle.header.family_ids.iter().any(|f| f != own)
    {
        return Err(AppError::BundleOtherFamily);
    }
    store.with_tx(|tx| {
        let plan = transfer::plan(tx, &bundle)?;
        let changes = transfer::apply(tx, &bundle, &plan, now)?;
        let clashes = plan
            .decisions
            .iter()
            .filter(|(d, _)| *d == Decision::Conflict)
            .count();
        // Families the server sends a cadre's phone are hers (pushed by her families'
        // phones, or moved to her).
        if own_family.is_none() {
            for family in &bundle.header.family_ids {
                if families::get_family(tx, family)?.is_some() {
                    cadre::insert_assignment(tx, family, now)?;
                    state_store::delete_family_elsewhere(tx, family, now)?;
                }
            }
        }
        // The cadre's posko reaches her families' phones with their pulls.
        let posko = match &bundle.header.posko {
            Some(notice) if own_family.is_some() => {
                storage::posko::update_received_posko(tx, notice)?
            }
            _ => false,
        };
        state_store::update_pull_cursor(tx, page.cursor)?;
        Ok::<_, AppError>((changes as u64 + u64::from(posko), clashes as u64))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn a_push_names_exactly_the_families_it_carries() {
        let line = |table: &str, id: &str, body: Value| Line {
            table: table.into(),
            id: id.into(),
            body: Some(body.as_object().unwrap().clone().into_iter().collect()),
            history: vec![],
            deleted: None,
        };
        let lines = vec![
            line("cadre", "c", serde_json::json!({"name": "Bu Rina"})),
            line("home_visit", "v", serde_json::json!({"family_id": "f2"})),
            line("visit_score", "s", serde_json::json!({"visit_id": "v"})),
            line(
                "massage_session",
                "m",
                serde_json::json!({"family_id": "f1"}),
            ),
        ];
        assert_eq!(named_families(&lines), ["f2", "f1"]);
    }

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
