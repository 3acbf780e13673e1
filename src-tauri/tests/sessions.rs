//! Sessions in storage: what the engine reports lands as sessions, passes and events;
//! an unfinished session is found again; plans are remembered per family.

mod common;

use ayah_asi_lib::domain::protocol::{MassagePlan, StopReason};
use ayah_asi_lib::domain::session::{Engine, Event};
use ayah_asi_lib::storage::{Store, now, sessions};
use chrono::{DateTime, Duration, FixedOffset};
use common::store_with_family;

/// Writes engine events as the app does, with wall times from a fixed origin.
fn record(
    store: &mut Store,
    session: &str,
    engine: &Engine,
    events: &[Event],
    origin: DateTime<FixedOffset>,
) {
    let timed: Vec<_> = events
        .iter()
        .map(|e| sessions::TimedEvent {
            kind: e.kind,
            active_ms: e.active_ms,
            at: origin + Duration::milliseconds(e.at as i64),
        })
        .collect();
    let paused: Vec<u64> = (1..=engine.plan().passes)
        .map(|p| engine.paused_ms_of(p))
        .collect();
    let device = store.device_id().to_owned();
    store
        .with_tx(|tx| sessions::insert_events(tx, session, &device, &timed, &paused, now()))
        .unwrap();
}

#[test]
fn a_finished_session_keeps_each_pass_with_its_pause() {
    let (mut store, family) = store_with_family();
    let plan = MassagePlan::new(60, 2).unwrap();
    let device = store.device_id().to_owned();
    let session = sessions::insert_session(store.conn(), &family, plan, &device, now()).unwrap();
    let origin = now();
    let mut engine = Engine::new(plan);
    let events = engine.start(0).unwrap();
    record(&mut store, &session, &engine, &events, origin);
    let events = engine.pause(20_000).unwrap();
    record(&mut store, &session, &engine, &events, origin);
    let events = engine.resume(27_500).unwrap();
    record(&mut store, &session, &engine, &events, origin);
    let events = engine.advance(200_000);
    record(&mut store, &session, &engine, &events, origin);
    let events = engine.finish(210_000).unwrap();
    record(&mut store, &session, &engine, &events, origin);

    let row = sessions::get_session(store.conn(), &session)
        .unwrap()
        .unwrap();
    assert_eq!(row.status, "finished");
    assert_eq!(row.protocol_version, "pijat-oksitosin-v3");
    let passes = sessions::list_passes(store.conn(), &session).unwrap();
    assert_eq!(passes.len(), 2);
    assert_eq!(passes[0].paused_ms, 7_500);
    let length = |p: &sessions::PassRow| {
        let start = DateTime::parse_from_rfc3339(&p.started_at).unwrap();
        let end = DateTime::parse_from_rfc3339(p.ended_at.as_ref().unwrap()).unwrap();
        (end - start).num_milliseconds()
    };
    assert_eq!(
        length(&passes[0]),
        67_500,
        "60 s of massage plus 7.5 s paused"
    );
    assert_eq!(length(&passes[1]), 60_000);
    let kinds = sessions::list_event_kinds(store.conn(), &session).unwrap();
    assert_eq!(kinds.first().map(String::as_str), Some("started"));
    assert_eq!(kinds.last().map(String::as_str), Some("finished"));
    assert!(sessions::get_unfinished(store.conn()).unwrap().is_none());
}

#[test]
fn a_session_cut_off_mid_pass_is_found_with_the_pass_to_give_again() {
    let (mut store, family) = store_with_family();
    let plan = MassagePlan::new(60, 3).unwrap();
    let device = store.device_id().to_owned();
    let session = sessions::insert_session(store.conn(), &family, plan, &device, now()).unwrap();
    let mut engine = Engine::new(plan);
    let mut events = engine.start(0).unwrap();
    events.extend(engine.advance(100_000)); // pass 1 done, pass 2 under way
    record(&mut store, &session, &engine, &events, now());

    let unfinished = sessions::get_unfinished(store.conn()).unwrap().unwrap();
    assert_eq!(
        (unfinished.id.as_str(), unfinished.resume_pass),
        (session.as_str(), 2)
    );
    assert_eq!(unfinished.plan, plan);
}

#[test]
fn not_started_sessions_keep_their_reason_and_preparations_left_open_are_closed() {
    let (store, family) = store_with_family();
    let plan = MassagePlan::default();
    let device = store.device_id().to_owned();
    let refused = sessions::insert_session(store.conn(), &family, plan, &device, now()).unwrap();
    sessions::update_not_started(
        store.conn(),
        &refused,
        StopReason::Safety,
        Some("back-wound"),
        now(),
    )
    .unwrap();
    let abandoned = sessions::insert_session(store.conn(), &family, plan, &device, now()).unwrap();
    assert_eq!(
        sessions::update_abandoned_preparations(store.conn(), now()).unwrap(),
        1
    );

    let refused = sessions::get_session(store.conn(), &refused)
        .unwrap()
        .unwrap();
    assert_eq!(
        (refused.status.as_str(), refused.stop_reason.as_deref()),
        ("not-started", Some("safety"))
    );
    assert_eq!(refused.safety_flags.as_deref(), Some("back-wound"));
    let abandoned = sessions::get_session(store.conn(), &abandoned)
        .unwrap()
        .unwrap();
    assert_eq!(abandoned.stop_reason.as_deref(), Some("interrupted"));
}

#[test]
fn the_plan_is_remembered_per_family_and_checked_by_the_schema() {
    let (store, family) = store_with_family();
    assert_eq!(
        sessions::get_plan(store.conn(), &family).unwrap(),
        MassagePlan::default()
    );
    let device = store.device_id().to_owned();
    let plan = MassagePlan::new(120, 4).unwrap();
    sessions::update_plan(store.conn(), &family, plan, &device, now()).unwrap();
    sessions::update_plan(store.conn(), &family, plan, &device, now()).unwrap();
    assert_eq!(sessions::get_plan(store.conn(), &family).unwrap(), plan);
    // The database refuses a plan outside the ranges even if code forgot to check.
    let bad = MassagePlan {
        pass_seconds: 30,
        passes: 3,
    };
    assert!(sessions::update_plan(store.conn(), &family, bad, &device, now()).is_err());
}
