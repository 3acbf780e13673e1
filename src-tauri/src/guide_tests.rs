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
    let session = sessions::create(
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

#[test]
fn a_stop_that_cannot_be_saved_leaves_the_session_as_the_database_has_it() {
    tauri::async_runtime::block_on(async {
        let (store, session) = store_with_session();
        let db = Db::open(store);
        let guide = Arc::new(Guide::default());
        guide
            .start(&db, session.clone(), MassagePlan::default(), 1, channel())
            .await
            .unwrap();
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
        let (store, session) = store_with_session();
        let db = Db::open(store);
        let guide = Arc::new(Guide::default());
        guide
            .start(&db, session.clone(), MassagePlan::default(), 1, channel())
            .await
            .unwrap();
        let stopped = guide.stop(&db, StopReason::Pain).await.unwrap();
        assert!(matches!(stopped.snapshot.phase, Phase::Stopped { .. }));
        assert!(guide.attach(None).await.is_none(), "the slot is free again");
    });
}
