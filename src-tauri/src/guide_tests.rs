use super::*;
use crate::domain::family::FamilyInput;
use crate::domain::session::Phase;
use crate::storage::{Store, families};

/// A store with a family and one session in preparation; the session's id.
fn store_with_session() -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    let input = FamilyInput {
        father_name: "Budi".into(),
        mother_name: "Siti".into(),
        baby_birth_date: storage::now().date_naive().format("%Y-%m-%d").to_string(),
        consent_given: true,
        ..FamilyInput::default()
    };
    let family = input.validate(storage::now().date_naive()).unwrap();
    let device = store.device_id().to_owned();
    let record = store
        .with_tx(|tx| families::register(tx, family, &device, storage::now()))
        .unwrap();
    let session = sessions::insert_session(
        store.conn(),
        &record.meta.id,
        MassagePlan::default(),
        &device,
        storage::now(),
    )
    .unwrap();
    (store, session)
}

fn channel() -> Channel<SessionUpdate> {
    Channel::new(|_| Ok(()))
}

/// A guide running a fresh session (3 × 2.5 min) on its own store, updates sent to
/// `updates`.
async fn running(updates: Channel<SessionUpdate>) -> (Db, Arc<Guide>) {
    let (store, session) = store_with_session();
    let db = Db::open(store);
    let guide = Arc::new(Guide::new(Arc::new(muted_speaker())));
    guide
        .start(&db, session, MassagePlan::default(), 1, updates)
        .await
        .unwrap();
    (db, guide)
}

#[test]
fn a_stop_that_cannot_be_saved_leaves_the_session_as_the_database_has_it() {
    tauri::async_runtime::block_on(async {
        let (db, guide) = running(channel()).await;
        // The database goes away (a full disk, a folder made read-only...).
        db.set(
            Err(crate::storage::StorageError::ReadOnly),
            std::path::Path::new("."),
        );
        let refused = guide.stop(&db, StopReason::Pain).await;
        assert!(refused.is_err());
        let now = guide.attach(None).await.expect("still the active session");
        assert!(
            !matches!(now.snapshot.phase, Phase::Stopped { .. }),
            "memory must not say stopped while the database says running: {:?}",
            now.snapshot.phase
        );
    });
}

#[test]
fn an_ended_session_leaves_the_active_slot() {
    tauri::async_runtime::block_on(async {
        let (db, guide) = running(channel()).await;
        let stopped = guide.stop(&db, StopReason::Pain).await.unwrap();
        assert!(matches!(stopped.snapshot.phase, Phase::Stopped { .. }));
        assert!(guide.attach(None).await.is_none(), "the slot is free again");
    });
}

/// Starts a session, lets an "import" hold the database for `busy_for`, taps pause
/// `tap_after` into it, and returns how long the paused state took to be drawn. Also
/// checks the pause is kept once the database is free again.
async fn pause_drawn_while_the_database_is_busy(
    busy_for: Duration,
    tap_after: Duration,
) -> Duration {
    let (tx, rx) = std::sync::mpsc::channel::<(Instant, String)>();
    let seen = Channel::new(move |body| {
        if let tauri::ipc::InvokeResponseBody::Json(json) = body {
            let _ = tx.send((Instant::now(), json));
        }
        Ok(())
    });
    let (db, guide) = running(seen).await;
    let busy = db.clone();
    let import = tauri::async_runtime::spawn(async move {
        busy.run(move |_| {
            std::thread::sleep(busy_for);
            Ok(())
        })
        .await
    });
    tokio::time::sleep(tap_after).await;
    while rx.try_recv().is_ok() {} // what was drawn before the tap
    let tapped = Instant::now();
    let pausing = {
        let guide = Arc::clone(&guide);
        let db = db.clone();
        tauri::async_runtime::spawn(async move { guide.pause(&db).await })
    };
    let shown_at = loop {
        let (at, json) = rx.recv_timeout(busy_for + Duration::from_secs(2)).unwrap();
        if json.contains("\"paused\":true") {
            break at;
        }
    };
    pausing.await.unwrap().unwrap();
    import.await.unwrap().unwrap();
    assert!(guide.attach(None).await.unwrap().snapshot.paused);
    shown_at - tapped
}

#[test]
fn a_tap_while_a_long_import_holds_the_database_is_shown_at_once() {
    // An import: two seconds inside the database. Not a speed test: the bound only
    // proves the tap did not wait for the import. Measured here: well under a ms.
    let shown = tauri::async_runtime::block_on(pause_drawn_while_the_database_is_busy(
        Duration::from_secs(2),
        Duration::from_millis(100),
    ));
    println!("pause shown {shown:?} after the tap, with the database busy");
    assert!(shown < Duration::from_secs(1), "shown after {shown:?}");
}

#[test]
fn a_tap_while_the_timer_waits_to_save_a_boundary_is_shown_at_once() {
    // The import holds the database across the first pass's start (5 s in): the
    // timer's save of that boundary waits for it, and the tap comes at 6 s.
    let shown = tauri::async_runtime::block_on(pause_drawn_while_the_database_is_busy(
        Duration::from_secs(8),
        Duration::from_secs(6),
    ));
    println!("pause shown {shown:?} after the tap, the timer's save waiting");
    assert!(shown < Duration::from_secs(1), "shown after {shown:?}");
}

/// The real speaker, switched off: these tests are about the timer and the database.
fn muted_speaker() -> Speaker {
    let localizer = Arc::new(crate::i18n::Localizer::load().unwrap());
    Speaker::new(localizer, "id", false)
}
