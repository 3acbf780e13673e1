use super::*;
use EventKind::*;

const T0: Millis = 1_000_000;

fn plan(pass_seconds: u32, passes: u32) -> MassagePlan {
    MassagePlan::new(pass_seconds, passes).unwrap()
}

fn kinds(events: &[Event]) -> Vec<EventKind> {
    events.iter().map(|e| e.kind).collect()
}

/// A deterministic jittery tick sequence (LCG), so no test depends on tick regularity.
struct Ticks(u64);
impl Ticks {
    fn next_gap(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        40 + (self.0 >> 33) % 180
    }
}

#[test]
fn start_opens_the_first_countdown_at_once() {
    let mut engine = Engine::new(plan(60, 2));
    let events = engine.start(T0).unwrap();
    assert_eq!(kinds(&events), [Started, CountdownStarted { pass: 1 }]);
    assert!(events.iter().all(|e| e.at == T0 && e.active_ms == 0));
    let snap = engine.snapshot(T0 + 1_000);
    assert_eq!(snap.phase, Phase::Countdown { pass: 1 });
    assert_eq!(snap.remaining_ms, 4_000);
}

#[test]
fn a_whole_session_runs_through_every_phase_by_itself() {
    let mut engine = Engine::new(plan(60, 2));
    let mut events = engine.start(T0).unwrap();
    let mut now = T0;
    while engine.snapshot(now).phase != Phase::Closing {
        now += 250;
        events.extend(engine.advance(now));
    }
    events.extend(engine.finish(now + 30_000).unwrap());
    assert_eq!(
        kinds(&events),
        [
            Started,
            CountdownStarted { pass: 1 },
            PassStarted { pass: 1 },
            PassHalfway { pass: 1 },
            PassEnded { pass: 1 },
            CountdownStarted { pass: 2 },
            PassStarted { pass: 2 },
            PassHalfway { pass: 2 },
            PassEnded { pass: 2 },
            ClosingStarted,
            Finished,
        ]
    );
    let at = |kind| events.iter().find(|e| e.kind == kind).unwrap().at;
    assert_eq!(at(PassStarted { pass: 1 }), T0 + 5_000);
    assert_eq!(at(PassHalfway { pass: 1 }), T0 + 35_000);
    assert_eq!(at(PassEnded { pass: 1 }), T0 + 65_000);
    assert_eq!(at(PassStarted { pass: 2 }), T0 + 70_000);
    assert_eq!(at(ClosingStarted), T0 + 130_000);
    assert!(engine.has_ended());
}

#[test]
fn a_late_tick_reports_every_missed_boundary_at_its_scheduled_time() {
    let mut engine = Engine::new(plan(60, 1));
    engine.start(T0).unwrap();
    // The app was suspended for ten minutes: one tick sees everything at once.
    let events = engine.advance(T0 + 600_000);
    assert_eq!(
        kinds(&events),
        [
            PassStarted { pass: 1 },
            PassHalfway { pass: 1 },
            PassEnded { pass: 1 },
            ClosingStarted
        ]
    );
    assert_eq!(
        events.iter().map(|e| e.at).collect::<Vec<_>>(),
        [T0 + 5_000, T0 + 35_000, T0 + 65_000, T0 + 65_000]
    );
}

#[test]
fn fifteen_minutes_with_pauses_land_on_the_exact_millisecond() {
    // 5 passes of 3 minutes = 15 minutes of massage, plus the countdowns.
    let plan = plan(180, 5);
    let mut engine = Engine::new(plan);
    let mut events = engine.start(T0).unwrap();
    // (pause at active ms, pause length): in a countdown, mid-pass, 10 ms before the end
    // of pass 1 (which ends at 185_000), ...
    let pauses = [
        (2_000, 7_777),
        (100_123, 61_001),
        (184_990, 12_345),
        (500_000, 1),
        (700_001, 99_999),
    ];
    let mut ticks = Ticks(42);
    let mut now = T0;
    let mut paused_so_far = 0;
    for (pause_at_active, length) in pauses {
        // Run to the pause point (ticks land anywhere; the pause happens exactly there).
        let pause_now = T0 + paused_so_far + pause_at_active;
        while now + 250 < pause_now {
            now += ticks.next_gap();
            events.extend(engine.advance(now));
        }
        now = pause_now;
        events.extend(engine.pause(now).unwrap());
        for _ in 0..5 {
            now += length / 5;
            events.extend(engine.advance(now));
            assert!(engine.snapshot(now).paused);
        }
        now = pause_now + length;
        events.extend(engine.resume(now).unwrap());
        paused_so_far += length;
    }
    while engine.snapshot(now).phase != Phase::Closing {
        now += ticks.next_gap();
        events.extend(engine.advance(now));
    }

    // Each boundary happened at its schedule time plus every pause taken before it.
    let paused_before = |active: u64| -> u64 {
        pauses
            .iter()
            .filter(|(at, _)| *at < active)
            .map(|(_, l)| l)
            .sum()
    };
    let round = COUNTDOWN_MS + 180_000;
    for pass in 1..=5u64 {
        let start = (pass - 1) * round + COUNTDOWN_MS;
        let end = start + 180_000;
        let find = |kind: EventKind| events.iter().find(|e| e.kind == kind).unwrap().at;
        assert_eq!(
            find(PassStarted { pass: pass as u32 }),
            T0 + start + paused_before(start),
            "start of pass {pass}"
        );
        assert_eq!(
            find(PassEnded { pass: pass as u32 }),
            T0 + end + paused_before(end),
            "end of pass {pass}"
        );
    }
    let closing = events.iter().find(|e| e.kind == ClosingStarted).unwrap();
    assert_eq!(closing.at, T0 + 5 * round + 181_123);
    assert_eq!(closing.active_ms, 5 * round);
    // Pauses belong to the pass whose countdown or run they interrupted.
    assert_eq!(
        (1..=5).map(|p| engine.paused_ms_of(p)).collect::<Vec<_>>(),
        [7_777 + 61_001 + 12_345, 0, 1, 99_999, 0]
    );
}

#[test]
fn time_stands_still_while_paused() {
    let mut engine = Engine::new(plan(60, 1));
    engine.start(T0).unwrap();
    engine.advance(T0 + 20_000);
    engine.pause(T0 + 20_000).unwrap();
    let during = engine.snapshot(T0 + 500_000);
    assert_eq!(
        (during.phase, during.remaining_ms, during.paused),
        (Phase::Pass { pass: 1 }, 45_000, true)
    );
    assert!(engine.advance(T0 + 500_000).is_empty());
    engine.resume(T0 + 500_000).unwrap();
    assert_eq!(engine.snapshot(T0 + 501_000).remaining_ms, 44_000);
}

#[test]
fn resuming_after_a_kill_gives_the_interrupted_pass_again() {
    let mut engine = Engine::new(plan(60, 3));
    let events = engine.start_at_pass(2, T0).unwrap();
    assert_eq!(kinds(&events), [Started, CountdownStarted { pass: 2 }]);
    assert_eq!(events[1].active_ms, 65_000);
    assert_eq!(events[1].at, T0);
    let later = engine.advance(T0 + 5_000);
    assert_eq!(kinds(&later), [PassStarted { pass: 2 }]);
    assert_eq!(later[0].at, T0 + 5_000);
    assert_eq!(
        Engine::new(plan(60, 3)).start_at_pass(5, T0),
        Err(EngineError::NoSuchPass(5))
    );
    assert_eq!(
        Engine::new(plan(60, 3)).start_at_pass(0, T0),
        Err(EngineError::NoSuchPass(0))
    );
}

#[test]
fn resuming_when_only_the_closing_steps_were_left_goes_straight_to_closing() {
    let mut engine = Engine::new(plan(60, 3));
    let events = engine.start_at_pass(4, T0).unwrap();
    assert_eq!(kinds(&events), [Started, ClosingStarted]);
    assert_eq!(engine.snapshot(T0).phase, Phase::Closing);
    assert_eq!(kinds(&engine.finish(T0 + 1_000).unwrap()), [Finished]);
}

#[test]
fn calls_out_of_order_are_refused() {
    let mut engine = Engine::new(plan(60, 1));
    assert_eq!(engine.pause(T0), Err(EngineError::NotRunning));
    assert_eq!(engine.resume(T0), Err(EngineError::NotPaused));
    assert_eq!(engine.finish(T0), Err(EngineError::NotClosing));
    engine.start(T0).unwrap();
    assert_eq!(engine.start(T0), Err(EngineError::AlreadyStarted));
    engine.pause(T0 + 1).unwrap();
    assert_eq!(engine.pause(T0 + 2), Err(EngineError::AlreadyPaused));
    assert_eq!(engine.finish(T0 + 3), Err(EngineError::NotClosing));
}

#[test]
fn stopping_records_the_reason_and_ends_the_session() {
    let mut engine = Engine::new(plan(60, 2));
    engine.start(T0).unwrap();
    engine.pause(T0 + 10_000).unwrap();
    let events = engine.stop(T0 + 15_000, StopReason::Pain).unwrap();
    assert_eq!(
        kinds(&events),
        [Stopped {
            reason: StopReason::Pain
        }]
    );
    assert_eq!(events[0].active_ms, 10_000);
    assert_eq!(engine.paused_ms_of(1), 5_000);
    assert_eq!(
        engine.snapshot(T0 + 20_000).phase,
        Phase::Stopped {
            reason: StopReason::Pain
        }
    );
    assert_eq!(
        engine.stop(T0 + 20_000, StopReason::Other),
        Err(EngineError::Ended)
    );

    let mut unstarted = Engine::new(plan(60, 2));
    let events = unstarted.stop(T0, StopReason::Safety).unwrap();
    assert_eq!((events[0].active_ms, unstarted.has_ended()), (0, true));
}

#[test]
fn stopping_a_running_pass_first_reports_the_boundaries_already_passed() {
    let mut engine = Engine::new(plan(60, 2));
    engine.start(T0).unwrap();
    let events = engine.stop(T0 + 40_000, StopReason::MotherAsked).unwrap();
    assert_eq!(
        kinds(&events),
        [
            PassStarted { pass: 1 },
            PassHalfway { pass: 1 },
            Stopped {
                reason: StopReason::MotherAsked
            }
        ]
    );
}

#[test]
fn the_next_boundary_is_known_so_a_driver_can_wake_on_time() {
    let mut engine = Engine::new(plan(60, 1));
    assert_eq!(engine.until_next_boundary(T0), None, "not started");
    engine.start(T0).unwrap();
    assert_eq!(
        engine.until_next_boundary(T0 + 1_234),
        Some(3_766),
        "to the pass start"
    );
    engine.advance(T0 + 5_000);
    assert_eq!(
        engine.until_next_boundary(T0 + 5_000),
        Some(30_000),
        "to halfway"
    );
    engine.pause(T0 + 6_000).unwrap();
    assert_eq!(engine.until_next_boundary(T0 + 9_000), None, "paused");
    engine.resume(T0 + 9_000).unwrap();
    assert_eq!(engine.until_next_boundary(T0 + 9_000), Some(29_000));
}

/// A seeded random number source for the property test below.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// The phase and pause the saved events describe, replayed from the start.
fn replay(passes: u32, events: &[Event]) -> (Phase, bool) {
    let mut phase = Phase::Preparing;
    let mut paused = false;
    for event in events {
        match event.kind {
            CountdownStarted { pass } => phase = Phase::Countdown { pass },
            PassStarted { pass } => phase = Phase::Pass { pass },
            ClosingStarted => phase = Phase::Closing,
            Finished => phase = Phase::Finished,
            Stopped { reason } => {
                phase = Phase::Stopped { reason };
                paused = false;
            }
            Paused => paused = true,
            Resumed => paused = false,
            Started | PassHalfway { .. } | PassEnded { .. } => {}
        }
    }
    assert!(passes > 0);
    (phase, paused)
}

/// Checks what the saved events must always satisfy.
fn check_events(case: u64, passes: u32, events: &[Event]) {
    for pair in events.windows(2) {
        assert!(
            pair[0].at <= pair[1].at && pair[0].active_ms <= pair[1].active_ms,
            "case {case}: events out of time order: {pair:?}"
        );
    }
    let stopped_at = events.iter().position(|e| matches!(e.kind, Stopped { .. }));
    for pass in 1..=passes {
        let started = events
            .iter()
            .filter(|e| e.kind == PassStarted { pass })
            .count();
        let ended = events
            .iter()
            .filter(|e| e.kind == PassEnded { pass })
            .count();
        assert!(
            started <= 1 && ended <= started,
            "case {case}: pass {pass}: {events:?}"
        );
        if started == 1 && ended == 0 {
            // The only way a started pass has no end event: the session stopped in it.
            let start = events.iter().position(|e| e.kind == PassStarted { pass });
            assert!(
                stopped_at.is_some_and(|s| Some(s) > start),
                "case {case}: pass {pass} started and never ended: {:?}",
                kinds(events)
            );
        }
    }
}

#[test]
fn random_taps_at_random_times_and_on_boundaries_never_lose_a_step() {
    let reasons = [
        StopReason::MotherAsked,
        StopReason::Pain,
        StopReason::Interrupted,
    ];
    for case in 0..3_000u64 {
        let mut rng = Rng(case.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xA5A5);
        let passes = 1 + rng.below(3) as u32;
        let mut engine = Engine::new(plan(60 + 30 * rng.below(3) as u32, passes));
        let mut now = T0;
        let mut saved = engine.start(now).unwrap();
        for _ in 0..40 {
            // Half the time land exactly on the next boundary, else anywhere.
            now += match engine.until_next_boundary(now) {
                Some(gap) if rng.below(2) == 0 => gap,
                _ => rng.below(40_000),
            };
            let result = match rng.below(6) {
                0 | 1 => Ok(engine.advance(now)),
                2 => engine.pause(now),
                3 => engine.resume(now),
                4 => engine.finish(now),
                _ => engine.stop(now, reasons[rng.below(3) as usize]),
            };
            // Only what a call returns is saved; a refused call must change nothing.
            if let Ok(events) = result {
                saved.extend(events);
            }
            // The driver's next tick at the same instant: what it saves completes the record.
            saved.extend(engine.advance(now));
            let snap = engine.snapshot(now);
            assert_eq!(
                replay(passes, &saved),
                (snap.phase, snap.paused),
                "case {case}: the saved events replay to another state: {:?}",
                kinds(&saved)
            );
            if engine.has_ended() {
                break;
            }
        }
        check_events(case, passes, &saved);
    }
}
