//! Pushing: what changed here since the last acknowledged push, in pages (the core's
//! `sync::paging`), each acknowledged page remembered so a push resumed after a dropped
//! line sends only what is left; gzipped once the server said it reads it.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::client::{self, Client, Progress};
use super::pairing::Pairing;
use super::{SyncError, SyncProgress, SyncStage, retrying};
use crate::domain::bundle::{self, Header, Line};
use crate::domain::record::{format_time, new_id};
use crate::domain::sync::{changes_in, paging, wire};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, cadre, sync_state as state_store, transfer};

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

/// The families a push carries: a family's phone its own, a cadre's phone those cadre
/// mode shows but the ones the server says another cadre has now.
pub(crate) fn families_to_push(
    conn: &rusqlite::Connection,
    own: Option<String>,
) -> Result<Vec<String>, AppError> {
    Ok(match own {
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
    })
}

/// What a push sends: its pages not yet acknowledged, each a bundle under its own id.
struct PushPlan {
    pages: Vec<(String, Vec<u8>)>,
}

impl PushPlan {
    fn bytes(&self) -> u64 {
        self.pages.iter().map(|(_, b)| b.len() as u64).sum()
    }
}

/// What changed here since the last acknowledged push, in pages, under the id of the
/// push in flight (kept, so a retry after a crash is the same push to the server); the
/// pages the server already acknowledged are left out.
fn gather_push(
    store: &mut storage::Store,
    family_scope: Option<String>,
) -> Result<(state_store::PendingPush, Option<PushPlan>), AppError> {
    let now = storage::now();
    let conn = store.conn();
    let is_cadre_phone = family_scope.is_none();
    let families = families_to_push(conn, family_scope)?;
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
    // Nothing of a family reaches the server before the mother agreed to a text that
    // names it: such a family waits, due whole for when she does.
    let agreed = storage::families::list_with_server_consent(conn, &families)?;
    let (families, waiting): (Vec<String>, Vec<String>) =
        families.into_iter().partition(|f| agreed.contains(f));
    state_store::insert_push_due(conn, &waiting, now)?;
    // Records the server already has come back "known" and are not counted.
    let since = crate::domain::record::since_of(pushed_since.as_deref());
    let due: HashSet<String> = state_store::list_push_due(conn)?.into_iter().collect();
    let (whole, mut changed): (Vec<String>, Vec<String>) =
        families.into_iter().partition(|f| due.contains(f));
    // A family deleted here whose erasure the server has not had: its tombstone goes.
    for erased in state_store::list_erasure_due(conn)? {
        if !changed.contains(&erased) && !whole.contains(&erased) {
            changed.push(erased);
        }
    }
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
    let posko = storage::posko::get_own_posko(conn)?;
    // What every page's header carries beside its records: part of each page's id.
    let own = serde_json::to_vec(&(&posko, &counselling)).unwrap_or_default();
    let mut pages = paging::pages(&pending.id, &own, lines, paging::PUSH_PAGE_BYTES);
    if pages.is_empty() {
        // Only the cadre's own test changed: one page without records.
        pages.push(paging::Page {
            id: pending.id.clone(),
            lines: Vec::new(),
            bytes: 0,
        });
    }
    let acknowledged: HashSet<String> = state_store::list_pushed_pages(conn)?.into_iter().collect();
    let mut plan = PushPlan { pages: Vec::new() };
    for page in pages.into_iter().filter(|p| !acknowledged.contains(&p.id)) {
        // Every page is a whole bundle: the cadre's own (her test, her posko) goes
        // with each, so whichever page lands first carries it.
        let header = Header {
            format: String::new(),
            format_version: 0,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            device_id: store.device_id().to_owned(),
            family_ids: named_families(&page.lines),
            created_at: format_time(now),
            since: since.clone(),
            counts: Default::default(),
            body_sha256: String::new(),
            posko: posko.clone(),
            counselling: counselling.clone(),
        };
        let bytes = bundle::write(header, &page.lines);
        if bytes.len() as u64 > bundle::MAX_BUNDLE_BYTES {
            return Err(AppError::BundleTooLargeToSend(bytes.len() as u64));
        }
        plan.pages.push((page.id, bytes));
    }
    Ok((pending, Some(plan)))
}

/// Families one push may find moved away, one by one, before it gives up.
const MOVED_AT_MOST: usize = 50;

/// Sends what changed here, page by page; each page the server acknowledges is
/// remembered, so a push resumed after a dropped line sends only what is left.
pub(super) async fn push(
    state: &AppState,
    client: &Client,
    pairing: &Pairing,
    progress: &(impl Fn(SyncProgress) + Sync),
) -> Result<u64, AppError> {
    let mut moved = 0;
    let (pending, sent) = 'push: loop {
        let scope = pairing.family_id.clone();
        let (pending, plan) = state
            .with_store(move |store| gather_push(store, scope))
            .await?;
        let Some(plan) = plan else {
            break (pending, 0);
        };
        let line = Arc::new(Progress::default());
        let total = plan.bytes();
        // Bytes of the pages acknowledged so far, and the length of the one under way.
        let (acknowledged, under_way) = (AtomicU64::new(0), AtomicU64::new(0));
        // The page under way, as sent (gzipped, perhaps): its bytes moved count in
        // proportion towards its plain length, the unit of the total.
        let sending_length = AtomicU64::new(1);
        let tick = || {
            let page = under_way.load(Ordering::Relaxed);
            let moved = line.request_bytes().saturating_mul(page)
                / sending_length.load(Ordering::Relaxed).max(1);
            let done = acknowledged.load(Ordering::Relaxed) + moved.min(page);
            progress(SyncProgress {
                stage: SyncStage::Sending,
                done_kb: done / 1024,
                total_kb: total.div_ceil(1024),
            })
        };
        tick();
        let mut sent = 0;
        for (page_id, bytes) in plan.pages {
            let length = bytes.len() as u64;
            under_way.store(length, Ordering::Relaxed);
            let plain = Arc::new(bytes);
            let mut packed: Option<Arc<Vec<u8>>> = None;
            let sending = retrying(|| {
                // Gzipped once the server said it reads it (perhaps on the page before).
                let body = if client.takes_gzip() {
                    let packed = packed
                        .get_or_insert_with(|| Arc::new(wire::gzip(&plain)))
                        .clone();
                    (packed, true)
                } else {
                    (Arc::clone(&plain), false)
                };
                sending_length.store(body.0.len() as u64, Ordering::Relaxed);
                client::while_moving(
                    &line,
                    &tick,
                    client.push(&pairing.token, &page_id, body, &line),
                )
            });
            match sending.await {
                Ok(tally) => {
                    sent += changes_in(&tally);
                    acknowledged.fetch_add(length, Ordering::Relaxed);
                    under_way.store(0, Ordering::Relaxed);
                    state
                        .with_store(move |store| {
                            Ok(state_store::insert_pushed_page(
                                store.conn(),
                                &page_id,
                                storage::now(),
                            )?)
                        })
                        .await?;
                }
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
                    continue 'push;
                }
                Err(error) => return Err(error.into()),
            }
        }
        tick();
        break (pending, sent);
    };
    state
        .with_store(move |store| Ok(state_store::finish_push(store.conn(), &pending)?))
        .await?;
    Ok(sent)
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
}
