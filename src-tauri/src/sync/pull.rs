//! Pulling: page by page from the server's cursor, each page applied with its cursor in
//! one transaction.

use super::client::{self, Client, Progress};
use super::pairing::Pairing;
use super::{SyncProgress, SyncStage, retrying};
use crate::domain::bundle::{self, Decision};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, cadre, families, privacy, sync_state as state_store, transfer};

/// Pulls page by page; each page is applied, with its cursor, in one transaction.
pub(super) async fn pull(
    state: &AppState,
    client: &Client,
    pairing: &Pairing,
    progress: &(impl Fn(SyncProgress) + Sync),
) -> Result<(u64, u64), AppError> {
    let (mut received, mut to_choose, mut erased) = (0, 0, false);
    let line = Progress::default();
    let tick = || {
        progress(SyncProgress {
            stage: SyncStage::Receiving,
            done_kb: line.bytes() / 1024,
            total_kb: 0,
        })
    };
    tick();
    // A bound, in case a server kept saying "more".
    for _ in 0..1000 {
        let cursor = state
            .with_store(|store| {
                Ok(state_store::get_sync_state(store.conn())?.map_or(0, |s| s.pull_cursor))
            })
            .await?;
        let page = retrying(|| {
            client::while_moving(&line, &tick, client.pull(&pairing.token, cursor, &line))
        })
        .await?;
        let more = page.more;
        let own = pairing.family_id.clone();
        let (changes, clashes, erasures) = state
            .with_store(move |store| apply_page(store, &page, own.as_deref()))
            .await?;
        received += changes.saturating_sub(clashes);
        to_choose += clashes;
        erased |= erasures > 0;
        if !more {
            break;
        }
    }
    // A family erased on the server is gone from this phone too: no trace of it is left
    // in the file's free pages, its WAL or the backups.
    if erased {
        let dir = state.data_dir.clone();
        state
            .with_store(move |store| Ok(privacy::scrub(store.conn(), Some(&dir), storage::now())?))
            .await?;
    }
    Ok((received, to_choose))
}

/// Applies one page; returns its changes, its clashes and how many families it erased.
fn apply_page(
    store: &mut storage::Store,
    page: &client::Pulled,
    own_family: Option<&str>,
) -> Result<(u64, u64, u64), AppError> {
    let now = storage::now();
    let bundle = bundle::parse(&page.bytes, now)?;
    if let Some(own) = own_family
        && bundle.header.family_ids.iter().any(|f| f != own)
    {
        return Err(AppError::BundleOtherFamily);
    }
    let device = store.device_id().to_owned();
    store.with_tx(|tx| {
        // A family erased on the server (at the mother's request, or past its time):
        // everything of it goes here, its versions and clashes too.
        let mut erasures = 0;
        for family in bundle
            .tombstones
            .iter()
            .filter(|t| t.table.name == "family")
        {
            if families::get_family(tx, &family.id)?.is_some() {
                privacy::delete_family(tx, &family.id, &device, now)?;
                erasures += 1;
            }
        }
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
        Ok::<_, AppError>((
            changes as u64 + u64::from(posko) + erasures,
            clashes as u64,
            erasures,
        ))
    })
}
