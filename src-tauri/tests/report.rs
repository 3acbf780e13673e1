//! The report reads each session's current rating only: a correction replaces, never adds.

mod common;

use ayah_asi_lib::domain::protocol::{Giver, MassagePlan, StopReason};
use ayah_asi_lib::domain::rating::{Author, Rating};
use ayah_asi_lib::domain::report;
use ayah_asi_lib::storage::{follow_up, now, sessions};
use common::store_with_family;

#[test]
fn a_corrected_rating_counts_once_at_its_corrected_value() {
    let (store, family_id) = store_with_family();
    let device = store.device_id().to_owned();
    let session = sessions::insert_session(
        store.conn(),
        &family_id,
        MassagePlan::default(),
        &device,
        now(),
    )
    .unwrap();
    // A stopped session can be rated; mark it so with a stop event.
    let stopped = sessions::TimedEvent {
        kind: ayah_asi_lib::domain::session::EventKind::Stopped {
            reason: StopReason::Other,
        },
        active_ms: 0,
        at: now(),
    };
    sessions::insert_events(store.conn(), &session, &device, &[stopped], &[], now()).unwrap();
    let rated = |comfort| Rating {
        skipped: false,
        comfort: Some(comfort),
        milk_flow: Some(ayah_asi_lib::domain::rating::MilkFlow::Drips),
        ..Rating::skipped()
    };
    follow_up::insert_rating(
        store.conn(),
        &session,
        1,
        Author::Mother,
        &rated(2),
        &device,
        now(),
    )
    .unwrap();
    follow_up::insert_rating(
        store.conn(),
        &session,
        2,
        Author::Mother,
        &rated(5),
        &device,
        now(),
    )
    .unwrap();

    let scope = common::last_month();
    let cohort =
        ayah_asi_lib::storage::report::list_cohort(store.conn(), &Default::default(), &scope)
            .unwrap();
    assert_eq!(cohort[0].comforts, [5]);
    let built = report::build(&cohort);
    assert_eq!((built.comfort_ratings, built.comfort_mean), (1, Some(5.0)));
    // Recorded before the app asked who massaged: counted, as not recorded.
    let by = |built: &report::Report, key: &str| {
        built
            .given_by
            .iter()
            .find(|r| r.key == key)
            .map(|r| r.count)
    };
    assert_eq!(by(&built, report::NOT_RECORDED), Some(1));

    // Two more: the grandmother's, and one that never started (not counted as given).
    let grandmother = sessions::insert_session(
        store.conn(),
        &family_id,
        MassagePlan::default(),
        &device,
        now(),
    )
    .unwrap();
    sessions::update_giver(store.conn(), &grandmother, Giver::Grandmother).unwrap();
    sessions::insert_events(store.conn(), &grandmother, &device, &[stopped], &[], now()).unwrap();
    let refused = sessions::insert_session(
        store.conn(),
        &family_id,
        MassagePlan::default(),
        &device,
        now(),
    )
    .unwrap();
    sessions::update_not_started(store.conn(), &refused, StopReason::NoConsent, None, now())
        .unwrap();
    let cohort =
        ayah_asi_lib::storage::report::list_cohort(store.conn(), &Default::default(), &scope)
            .unwrap();
    let built = report::build(&cohort);
    assert_eq!(by(&built, "grandmother"), Some(1));
    assert_eq!(by(&built, "father"), Some(0));
    assert_eq!(built.given_by.iter().map(|r| r.count).sum::<usize>(), 2);
}
