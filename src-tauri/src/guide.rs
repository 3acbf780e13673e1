//! Runs the one active guided session: the engine, a real monotonic clock, a task that
//! advances it ten times a second, and the channel that carries its state to the UI.
//! Every transition is written to SQLite before the UI hears of it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use tauri::ipc::Channel;
use tokio::sync::Mutex;

use crate::domain::protocol::{MassagePlan, StopReason};
use crate::domain::session::{Engine, EngineError, Event, EventKind, Millis, Snapshot};
use crate::error::AppError;
use crate::state::Db;
use crate::storage::{self, sessions};

/// How often the running session is advanced and drawn.
const TICK: Duration = Duration::from_millis(100);

/// Speeds the session clock up for end-to-end tests (debug builds only; a release
/// build ignores it).
pub const TIME_SCALE_ENV: &str = "AYAH_ASI_TIME_SCALE";

/// What the UI receives: where the session is, and the cues (sounds, vibration) of
/// what just happened.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionUpdate {
    pub session_id: String,
    /// Increases with every update of the session: the channel and command replies are
    /// separate paths, so the UI drops anything older than what it has drawn.
    pub seq: u64,
    pub snapshot: Snapshot,
    pub cues: Vec<EventKind>,
    /// A Fluent error id when the last transition could not be saved.
    pub save_error: Option<&'static str>,
}

/// The monotonic clock of one session, and the wall-clock time of its origin.
#[derive(Debug, Clone)]
pub struct SessionClock {
    origin: Instant,
    wall_origin: DateTime<FixedOffset>,
    scale: u64,
}

impl SessionClock {
    pub fn start() -> Self {
        Self {
            origin: Instant::now(),
            wall_origin: storage::now(),
            scale: time_scale(),
        }
    }

    pub fn now(&self) -> Millis {
        self.origin.elapsed().as_millis() as u64 * self.scale
    }

    /// The wall-clock time of monotonic reading `at`.
    pub fn wall(&self, at: Millis) -> DateTime<FixedOffset> {
        self.wall_origin + chrono::Duration::milliseconds((at / self.scale) as i64)
    }
}

fn time_scale() -> u64 {
    if !cfg!(debug_assertions) {
        return 1;
    }
    std::env::var(TIME_SCALE_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|s| *s >= 1)
        .unwrap_or(1)
}

struct Active {
    session_id: String,
    seq: u64,
    engine: Engine,
    clock: SessionClock,
    channel: Option<Channel<SessionUpdate>>,
    /// Boundary events the timer passed while they could not be saved: saved first,
    /// in order, with whatever comes next (the timer itself never waits for a save).
    unsaved: Vec<Event>,
}

impl Active {
    /// What the UI shows for `engine` before it becomes the session (see `act`).
    fn preview(&mut self, engine: &Engine, cues: Vec<EventKind>) -> SessionUpdate {
        self.seq += 1;
        SessionUpdate {
            session_id: self.session_id.clone(),
            seq: self.seq,
            snapshot: engine.snapshot(self.clock.now()),
            cues,
            save_error: None,
        }
    }

    fn update(&mut self, cues: Vec<EventKind>, save_error: Option<&'static str>) -> SessionUpdate {
        self.seq += 1;
        SessionUpdate {
            session_id: self.session_id.clone(),
            seq: self.seq,
            snapshot: self.engine.snapshot(self.clock.now()),
            cues,
            save_error,
        }
    }

    fn send(&self, update: &SessionUpdate) {
        if let Some(channel) = &self.channel {
            // A closed channel means the page went away; it re-attaches when it is back.
            let _ = channel.send(update.clone());
        }
    }

    /// Until the next redraw, or the next boundary if that comes first.
    fn next_wait(&self) -> Duration {
        let now = self.clock.now();
        match self.engine.until_next_boundary(now) {
            // Round up: waking a hair early would find the boundary not yet reached.
            Some(active_ms) => TICK.min(Duration::from_millis(
                active_ms.div_ceil(self.clock.scale) + 1,
            )),
            None => TICK,
        }
    }
}

/// Pause time per pass, as the engine counts it.
fn paused_ms(engine: &Engine) -> Vec<u64> {
    (1..=engine.plan().passes)
        .map(|p| engine.paused_ms_of(p))
        .collect()
}

/// The active session, if any. One at a time: a device guides one massage.
#[derive(Default)]
pub struct Guide {
    active: Mutex<Option<Active>>,
}

impl Guide {
    /// Starts (or resumes at `from_pass`) the timed part of session `session_id`.
    pub async fn start(
        self: &Arc<Self>,
        db: &Db,
        session_id: String,
        plan: MassagePlan,
        from_pass: u32,
        channel: Channel<SessionUpdate>,
    ) -> Result<SessionUpdate, AppError> {
        let mut slot = self.active.lock().await;
        if slot.as_ref().is_some_and(|a| !a.engine.has_ended()) {
            return Err(AppError::SessionBusy);
        }
        let clock = SessionClock::start();
        let mut engine = Engine::new(plan);
        let events = engine
            .start_at_pass(from_pass, clock.now())
            .map_err(AppError::from)?;
        let mut active = Active {
            session_id,
            seq: 0,
            engine,
            clock,
            channel: Some(channel),
            unsaved: Vec::new(),
        };
        persist(db, &active, &active.engine, &events).await?;
        let update = active.update(cues(&events), None);
        active.send(&update);
        *slot = Some(active);
        drop(slot);
        tauri::async_runtime::spawn(Arc::clone(self).tick_loop(db.clone()));
        Ok(update)
    }

    pub async fn pause(&self, db: &Db) -> Result<SessionUpdate, AppError> {
        self.act(db, |engine, now| engine.pause(now)).await
    }

    pub async fn resume(&self, db: &Db) -> Result<SessionUpdate, AppError> {
        self.act(db, |engine, now| engine.resume(now)).await
    }

    pub async fn finish(&self, db: &Db) -> Result<SessionUpdate, AppError> {
        self.act(db, |engine, now| engine.finish(now)).await
    }

    pub async fn stop(&self, db: &Db, reason: StopReason) -> Result<SessionUpdate, AppError> {
        self.act(db, |engine, now| engine.stop(now, reason)).await
    }

    /// Points the updates at a new channel (the page was reloaded or shown again) and
    /// returns the current state, or `None` when no session is active.
    pub async fn attach(&self, channel: Option<Channel<SessionUpdate>>) -> Option<SessionUpdate> {
        let mut slot = self.active.lock().await;
        let active = slot.as_mut()?;
        if channel.is_some() {
            active.channel = channel;
        }
        Some(active.update(Vec::new(), None))
    }

    /// Applies one engine operation to a copy of the engine, saves its events (after
    /// any the timer could not save), and only then makes the copy the session: a
    /// failed save leaves the session as the database has it. Boundaries passed on the
    /// way are kept even when the operation itself is refused (a pause that lands as
    /// the last pass ends still saves that end). The UI sees the new state at once; a
    /// failed save takes it back.
    async fn act(
        &self,
        db: &Db,
        operation: impl FnOnce(&mut Engine, Millis) -> Result<Vec<Event>, EngineError>,
    ) -> Result<SessionUpdate, AppError> {
        let mut slot = self.active.lock().await;
        let active = slot.as_mut().ok_or(AppError::NoActiveSession)?;
        let now = active.clock.now();
        let mut next = active.engine.clone();
        let earlier = std::mem::take(&mut active.unsaved);
        let mut events = earlier.clone();
        events.extend(next.advance(now));
        let outcome = operation(&mut next, now);
        if let Ok(more) = &outcome {
            events.extend(more.iter().copied());
        }
        // Shown before the save: a tap must answer at once even while a long import
        // holds the database.
        let shown = active.preview(&next, cues(&events));
        active.send(&shown);
        if let Err(error) = persist(db, active, &next, &events).await {
            let back = active.update(Vec::new(), Some(error.code()));
            active.send(&back);
            // The session stays as it was: its own boundaries come again with the
            // next tick, and what the timer could not save before still waits.
            active.unsaved = earlier;
            return Err(error);
        }
        active.engine = next;
        outcome?;
        let update = active.update(Vec::new(), None);
        active.send(&update);
        if active.engine.has_ended() {
            *slot = None; // an ended session leaves the slot for the next one
        }
        Ok(update)
    }

    /// Advances the engine until the session ends. Time comes from the clock, so a
    /// late wake-up only delays a cue, never shifts the schedule; and the loop wakes
    /// at the next boundary when that comes before the next redraw.
    async fn tick_loop(self: Arc<Self>, db: Db) {
        let mut wait = TICK;
        loop {
            tokio::time::sleep(wait).await;
            let mut slot = self.active.lock().await;
            let Some(active) = slot.as_mut() else { return };
            if active.engine.has_ended() {
                return;
            }
            // The timer goes on even if a save fails (the father's hands are busy):
            // what could not be saved waits in order and is saved with the next events.
            let fresh = active.engine.advance(active.clock.now());
            let new_cues = cues(&fresh);
            let mut events = std::mem::take(&mut active.unsaved);
            events.extend(fresh);
            let engine = active.engine.clone();
            let save_error = match persist(&db, active, &engine, &events).await {
                Ok(()) => None,
                Err(error) => {
                    eprintln!("could not save a session transition: {error}");
                    active.unsaved = events;
                    Some(error.code())
                }
            };
            let update = active.update(new_cues, save_error);
            active.send(&update);
            wait = active.next_wait();
        }
    }
}

/// The events the UI signals with a sound and a vibration.
fn cues(events: &[Event]) -> Vec<EventKind> {
    events
        .iter()
        .map(|e| e.kind)
        .filter(|k| {
            matches!(
                k,
                EventKind::PassStarted { .. }
                    | EventKind::PassHalfway { .. }
                    | EventKind::PassEnded { .. }
                    | EventKind::ClosingStarted
            )
        })
        .collect()
}

/// Saves `events` of the session in one transaction, with `engine`'s pause times.
async fn persist(
    db: &Db,
    active: &Active,
    engine: &Engine,
    events: &[Event],
) -> Result<(), AppError> {
    if events.is_empty() {
        return Ok(());
    }
    let timed: Vec<sessions::TimedEvent> = events
        .iter()
        .map(|e| sessions::TimedEvent {
            kind: e.kind,
            active_ms: e.active_ms,
            at: active.clock.wall(e.at),
        })
        .collect();
    let session_id = active.session_id.clone();
    let paused = paused_ms(engine);
    db.run(move |store| {
        let device_id = store.device_id().to_owned();
        store.with_tx(|tx| {
            sessions::record_events(tx, &session_id, &device_id, &timed, &paused, storage::now())
                .map_err(AppError::from)
        })
    })
    .await
}

#[cfg(test)]
#[path = "guide_tests.rs"]
mod tests;
