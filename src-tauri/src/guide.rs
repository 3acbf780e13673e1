//! Runs the one active guided session: the engine, a real monotonic clock, a task that
//! advances it ten times a second, and the channel that carries its state to the UI.
//! Every transition is written to SQLite before the UI hears of it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use tauri::ipc::Channel;
use tokio::sync::Mutex;

use crate::db::Db;
use crate::domain::protocol::{MassagePlan, StopReason};
use crate::domain::session::{Engine, EngineError, Event, EventKind, Millis, Snapshot};
use crate::error::AppError;
use crate::speech::Speaker;
use crate::storage::{self, sessions};

/// How often the running session is advanced and drawn.
const TICK: Duration = Duration::from_millis(100);

/// Speeds the session clock up for end-to-end tests (debug builds only; a release
/// build ignores it).
pub const TIME_SCALE_ENV: &str = "AYAH_ASI_TIME_SCALE";

/// What the UI receives: where the session is, and the cues (sounds, vibration) of
/// what just happened.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
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
    /// `events` of this session with their wall-clock times and `engine`'s pauses.
    fn batch(&self, engine: &Engine, events: &[Event]) -> Batch {
        Batch {
            session_id: self.session_id.clone(),
            events: events
                .iter()
                .map(|e| sessions::TimedEvent {
                    kind: e.kind,
                    active_ms: e.active_ms,
                    at: self.clock.wall(e.at),
                })
                .collect(),
            paused: paused_ms(engine),
        }
    }

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
pub struct Guide {
    active: Mutex<Option<Active>>,
    /// The one way events reach the database, in the order they happened. Taken while
    /// `active` is held (so the order is the engine's), then held alone while saving:
    /// the timer and taps never wait for the database to work out what happened.
    writer: Mutex<Writer>,
    /// Says each step aloud, as its cue sounds.
    speaker: Arc<Speaker>,
}

/// Events of one session ready to save: wall-clock times fixed, with the engine's
/// pause time per pass.
#[derive(Clone)]
struct Batch {
    session_id: String,
    events: Vec<sessions::TimedEvent>,
    paused: Vec<u64>,
}

/// What the timer passed but could not save yet, saved first with the next batch.
#[derive(Default)]
struct Writer {
    pending: Option<Batch>,
}

impl Writer {
    /// Saves what is pending, then `batch`, in one transaction. On failure the batch
    /// joins what is pending when `keep` (the timer's boundaries, which happened), or
    /// is dropped (a tap's, which did not take effect).
    async fn save(&mut self, db: &Db, batch: Batch, keep: bool) -> Result<(), AppError> {
        if batch.events.is_empty() && self.pending.is_none() {
            return Ok(());
        }
        let pending = self.pending.take();
        let saving = (pending.clone(), batch.clone());
        let outcome = db
            .run(move |store| {
                let device_id = store.device_id().to_owned();
                store.with_tx(|tx| {
                    for part in saving.0.iter().chain([&saving.1]) {
                        sessions::insert_events(
                            tx,
                            &part.session_id,
                            &device_id,
                            &part.events,
                            &part.paused,
                            storage::now(),
                        )?;
                    }
                    Ok::<_, AppError>(())
                })
            })
            .await;
        if outcome.is_err() {
            self.pending = match (pending, keep) {
                (Some(mut earlier), true) if earlier.session_id == batch.session_id => {
                    earlier.events.extend(batch.events);
                    earlier.paused = batch.paused;
                    Some(earlier)
                }
                (Some(earlier), _) => Some(earlier),
                (None, true) => Some(batch),
                (None, false) => None,
            };
        }
        outcome
    }
}

impl Guide {
    pub fn new(speaker: Arc<Speaker>) -> Self {
        Self {
            active: Mutex::default(),
            writer: Mutex::default(),
            speaker,
        }
    }

    pub fn speaker(&self) -> &Speaker {
        &self.speaker
    }

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
        let batch = active.batch(&active.engine, &events);
        self.writer.lock().await.save(db, batch, false).await?;
        let update = active.update(cues(&events), None);
        active.send(&update);
        self.speaker.narrate(&kinds(&events), plan.passes);
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
    /// the last pass ends still saves that end). The UI sees the new state at once,
    /// even while the timer or an import is saving; a failed save takes it back.
    async fn act(
        &self,
        db: &Db,
        operation: impl FnOnce(&mut Engine, Millis) -> Result<Vec<Event>, EngineError>,
    ) -> Result<SessionUpdate, AppError> {
        let mut slot = self.active.lock().await;
        let active = slot.as_mut().ok_or(AppError::NoActiveSession)?;
        let now = active.clock.now();
        let mut next = active.engine.clone();
        let mut events = next.advance(now);
        let outcome = operation(&mut next, now);
        if let Ok(more) = &outcome {
            events.extend(more.iter().copied());
        }
        // Shown before the save: a tap must answer at once even while a long import
        // holds the database.
        let shown = active.preview(&next, cues(&events));
        active.send(&shown);
        self.speaker.narrate(&kinds(&events), next.plan().passes);
        let batch = active.batch(&next, &events);
        if let Err(error) = self.writer.lock().await.save(db, batch, false).await {
            // The session stays as it was: its own boundaries come again with the
            // next tick, and what the timer could not save before still waits.
            let back = active.update(Vec::new(), Some(error.code()));
            active.send(&back);
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
            let update = active.update(cues(&fresh), None);
            active.send(&update);
            self.speaker
                .narrate(&kinds(&fresh), active.engine.plan().passes);
            wait = active.next_wait();
            let batch = active.batch(&active.engine, &fresh);
            // Taken before `active` is let go, so saves keep the engine's order.
            let mut writer = self.writer.lock().await;
            drop(slot);
            if let Err(error) = writer.save(&db, batch, true).await {
                eprintln!("could not save a session transition: {error}");
                drop(writer);
                let mut slot = self.active.lock().await;
                if let Some(active) = slot.as_mut() {
                    let warning = active.update(Vec::new(), Some(error.code()));
                    active.send(&warning);
                }
            }
        }
    }
}

fn kinds(events: &[Event]) -> Vec<EventKind> {
    events.iter().map(|e| e.kind).collect()
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

#[cfg(test)]
#[path = "guide_tests.rs"]
mod tests;
