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
}

impl Active {
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

    fn paused_ms(&self) -> Vec<u64> {
        (1..=self.engine.plan().passes)
            .map(|p| self.engine.paused_ms_of(p))
            .collect()
    }
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
        };
        persist(db, &active, &events).await?;
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

    /// Applies one engine operation, saves its events, and tells the UI.
    async fn act(
        &self,
        db: &Db,
        operation: impl FnOnce(&mut Engine, Millis) -> Result<Vec<Event>, EngineError>,
    ) -> Result<SessionUpdate, AppError> {
        let mut slot = self.active.lock().await;
        let active = slot.as_mut().ok_or(AppError::NoActiveSession)?;
        let events = operation(&mut active.engine, active.clock.now())?;
        persist(db, active, &events).await?;
        let update = active.update(cues(&events), None);
        active.send(&update);
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
            let events = active.engine.advance(active.clock.now());
            let save_error = match persist(&db, active, &events).await {
                Ok(()) => None,
                Err(error) => {
                    eprintln!("could not save a session transition: {error}");
                    Some(error.code())
                }
            };
            let update = active.update(cues(&events), save_error);
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

async fn persist(db: &Db, active: &Active, events: &[Event]) -> Result<(), AppError> {
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
    let paused = active.paused_ms();
    db.run(move |store| {
        let device_id = store.device_id().to_owned();
        store.with_tx(|tx| {
            sessions::record_events(tx, &session_id, &device_id, &timed, &paused, storage::now())
                .map_err(AppError::from)
        })
    })
    .await
}
