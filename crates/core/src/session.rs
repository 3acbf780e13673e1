//! The guided session's timer: a state machine driven by readings of a monotonic clock.
//!
//! Time is never counted in ticks: every call passes the clock's `now`, and the phase is
//! derived from the *active* time since the start (wall time minus pauses). Late or
//! missing ticks therefore cannot shift the schedule; they only delay when a boundary is
//! reported, and the reported time is the scheduled one, not the tick's.

use serde::Serialize;

use super::protocol::{MassagePlan, StopReason};

/// A reading of a monotonic clock, in milliseconds from an arbitrary origin.
pub type Millis = u64;

/// The "get ready" countdown before each pass, so that every pass starts by itself.
pub const COUNTDOWN_MS: u64 = 5_000;

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Phase {
    /// Created, not yet started (consent, safety, preparation).
    Preparing,
    /// Counting down to pass `pass` (between passes from the second on).
    Countdown {
        pass: u32,
    },
    /// Pass `pass` is running: thumbs moving down both sides of the spine.
    Pass {
        pass: u32,
    },
    /// All passes done: cleaning the back, offering the breast.
    Closing,
    Finished,
    Stopped {
        reason: StopReason,
    },
}

/// Something that happened, at the time it was scheduled (not when it was noticed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub kind: EventKind,
    /// Active (unpaused) milliseconds since the start of the session's schedule.
    pub active_ms: u64,
    /// The monotonic time it happened.
    pub at: Millis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "Cue")]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum EventKind {
    Started,
    CountdownStarted { pass: u32 },
    PassStarted { pass: u32 },
    PassHalfway { pass: u32 },
    PassEnded { pass: u32 },
    Paused,
    Resumed,
    ClosingStarted,
    Finished,
    Stopped { reason: StopReason },
}

impl EventKind {
    /// The name stored in the database.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Started => "started",
            Self::CountdownStarted { .. } => "countdown-started",
            Self::PassStarted { .. } => "pass-started",
            Self::PassHalfway { .. } => "pass-halfway",
            Self::PassEnded { .. } => "pass-ended",
            Self::Paused => "paused",
            Self::Resumed => "resumed",
            Self::ClosingStarted => "closing-started",
            Self::Finished => "finished",
            Self::Stopped { .. } => "stopped",
        }
    }

    pub fn pass(&self) -> Option<u32> {
        match *self {
            Self::CountdownStarted { pass }
            | Self::PassStarted { pass }
            | Self::PassHalfway { pass }
            | Self::PassEnded { pass } => Some(pass),
            _ => None,
        }
    }
}

/// A call that does not fit the session's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("the session has already started")]
    AlreadyStarted,
    #[error("the session is not running")]
    NotRunning,
    #[error("the session is not paused")]
    NotPaused,
    #[error("the session is already paused")]
    AlreadyPaused,
    #[error("the passes are not done yet")]
    NotClosing,
    #[error("the session has ended")]
    Ended,
    #[error("there is no pass {0}")]
    NoSuchPass(u32),
}

/// What the screen shows at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub phase: Phase,
    pub paused: bool,
    pub passes: u32,
    /// Length of the current countdown or pass.
    pub segment_ms: u64,
    /// Time left in it.
    pub remaining_ms: u64,
    /// 0.0 at the start of the current segment, 1.0 at its end.
    pub progress: f64,
    pub active_ms: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Preparing,
    Timed,
    Closing,
    Finished,
    Stopped(StopReason),
}

/// The session timer. Every method takes the monotonic clock's current reading.
#[derive(Debug, Clone)]
pub struct Engine {
    plan: MassagePlan,
    state: State,
    /// Where on the schedule the run began (0, or a pass's countdown when resuming).
    start_offset: u64,
    started_at: Millis,
    paused_total: u64,
    paused_since: Option<Millis>,
    /// Paused milliseconds per pass (a countdown's pause belongs to its pass).
    pass_paused: Vec<u64>,
    /// Index of the next schedule boundary to report.
    next_boundary: usize,
    boundaries: Vec<(u64, EventKind)>,
}

impl Engine {
    pub fn new(plan: MassagePlan) -> Self {
        Self {
            plan,
            state: State::Preparing,
            start_offset: 0,
            started_at: 0,
            paused_total: 0,
            paused_since: None,
            pass_paused: vec![0; plan.passes as usize],
            next_boundary: 0,
            boundaries: schedule(plan),
        }
    }

    pub fn plan(&self) -> MassagePlan {
        self.plan
    }

    /// Starts the first countdown now.
    pub fn start(&mut self, now: Millis) -> Result<Vec<Event>, EngineError> {
        self.start_at_pass(1, now)
    }

    /// Starts at the countdown before `pass` (resuming a session whose app was killed:
    /// the interrupted pass is given again from its beginning), or at the closing steps
    /// when `pass` is one past the last.
    pub fn start_at_pass(&mut self, pass: u32, now: Millis) -> Result<Vec<Event>, EngineError> {
        if self.state != State::Preparing {
            return Err(EngineError::AlreadyStarted);
        }
        // `passes + 1` means only the closing steps were left.
        if pass == 0 || pass > self.plan.passes + 1 {
            return Err(EngineError::NoSuchPass(pass));
        }
        self.start_offset = u64::from(pass - 1) * (COUNTDOWN_MS + self.plan.pass_ms());
        // The previous pass ends at the same instant this countdown starts: begin at
        // the countdown itself, not at the first boundary at that time.
        let first = if pass > self.plan.passes {
            EventKind::ClosingStarted
        } else {
            EventKind::CountdownStarted { pass }
        };
        self.next_boundary = self
            .boundaries
            .iter()
            .position(|(_, k)| *k == first)
            .unwrap_or(0);
        self.started_at = now;
        self.state = State::Timed;
        let started = Event {
            kind: EventKind::Started,
            active_ms: self.start_offset,
            at: now,
        };
        let mut events = vec![started];
        events.extend(self.advance(now));
        Ok(events)
    }

    /// Reports every schedule boundary passed by `now`, at its scheduled time.
    pub fn advance(&mut self, now: Millis) -> Vec<Event> {
        if self.state != State::Timed {
            return Vec::new();
        }
        let active = self.active_ms(now);
        let mut events = Vec::new();
        while let Some(&(time, kind)) = self.boundaries.get(self.next_boundary) {
            if time > active {
                break;
            }
            self.next_boundary += 1;
            if kind == EventKind::ClosingStarted {
                self.state = State::Closing;
            }
            events.push(Event {
                kind,
                active_ms: time,
                at: self.monotonic_at(time),
            });
        }
        events
    }

    pub fn pause(&mut self, now: Millis) -> Result<Vec<Event>, EngineError> {
        self.atomically(|engine| engine.pause_now(now))
    }

    /// Runs `operation` on a copy and keeps the copy only when it succeeds: a refused
    /// call changes nothing, so boundary events it would have emitted on the way are
    /// emitted by the next call instead of being lost.
    fn atomically(
        &mut self,
        operation: impl FnOnce(&mut Self) -> Result<Vec<Event>, EngineError>,
    ) -> Result<Vec<Event>, EngineError> {
        let mut next = self.clone();
        let events = operation(&mut next)?;
        *self = next;
        Ok(events)
    }

    fn pause_now(&mut self, now: Millis) -> Result<Vec<Event>, EngineError> {
        if self.paused_since.is_some() {
            return Err(EngineError::AlreadyPaused);
        }
        let mut events = self.advance(now);
        if self.state != State::Timed {
            return Err(EngineError::NotRunning);
        }
        self.paused_since = Some(now);
        events.push(Event {
            kind: EventKind::Paused,
            active_ms: self.active_ms(now),
            at: now,
        });
        Ok(events)
    }

    pub fn resume(&mut self, now: Millis) -> Result<Vec<Event>, EngineError> {
        let since = self.paused_since.ok_or(EngineError::NotPaused)?;
        self.end_pause(since, now);
        Ok(vec![Event {
            kind: EventKind::Resumed,
            active_ms: self.active_ms(now),
            at: now,
        }])
    }

    /// Ends the session after the closing steps.
    pub fn finish(&mut self, now: Millis) -> Result<Vec<Event>, EngineError> {
        self.atomically(|engine| engine.finish_now(now))
    }

    fn finish_now(&mut self, now: Millis) -> Result<Vec<Event>, EngineError> {
        let mut events = self.advance(now);
        match self.state {
            State::Closing => {
                self.state = State::Finished;
                events.push(Event {
                    kind: EventKind::Finished,
                    active_ms: self.active_ms(now),
                    at: now,
                });
                Ok(events)
            }
            State::Finished | State::Stopped(_) => Err(EngineError::Ended),
            _ => Err(EngineError::NotClosing),
        }
    }

    /// Stops the session early, for `reason`.
    pub fn stop(&mut self, now: Millis, reason: StopReason) -> Result<Vec<Event>, EngineError> {
        self.atomically(|engine| engine.stop_now(now, reason))
    }

    fn stop_now(&mut self, now: Millis, reason: StopReason) -> Result<Vec<Event>, EngineError> {
        if matches!(self.state, State::Finished | State::Stopped(_)) {
            return Err(EngineError::Ended);
        }
        let mut events = Vec::new();
        if let Some(since) = self.paused_since {
            self.end_pause(since, now);
        } else {
            events = self.advance(now);
        }
        let active_ms = if self.state == State::Preparing {
            0
        } else {
            self.active_ms(now)
        };
        self.state = State::Stopped(reason);
        events.push(Event {
            kind: EventKind::Stopped { reason },
            active_ms,
            at: now,
        });
        Ok(events)
    }

    /// Active milliseconds until the next schedule boundary, so a driver can wake right
    /// then instead of finding it up to a tick late. `None` when nothing is scheduled
    /// (not running, or paused).
    pub fn until_next_boundary(&self, now: Millis) -> Option<u64> {
        if self.state != State::Timed || self.is_paused() {
            return None;
        }
        let (time, _) = self.boundaries.get(self.next_boundary)?;
        Some(time.saturating_sub(self.active_ms(now)))
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    /// Whether the session has finished or been stopped.
    pub fn has_ended(&self) -> bool {
        matches!(self.state, State::Finished | State::Stopped(_))
    }

    /// Paused milliseconds of pass `pass` (1-based) so far.
    pub fn paused_ms_of(&self, pass: u32) -> u64 {
        pass.checked_sub(1)
            .and_then(|i| self.pass_paused.get(i as usize))
            .copied()
            .unwrap_or(0)
    }

    /// What the screen shows at `now` (does not change the engine).
    pub fn snapshot(&self, now: Millis) -> Snapshot {
        let passes = self.plan.passes;
        let fixed = |phase| Snapshot {
            phase,
            paused: false,
            passes,
            segment_ms: 0,
            remaining_ms: 0,
            progress: 0.0,
            active_ms: 0,
        };
        match self.state {
            State::Preparing => fixed(Phase::Preparing),
            State::Finished => fixed(Phase::Finished),
            State::Stopped(reason) => fixed(Phase::Stopped { reason }),
            State::Closing => Snapshot {
                active_ms: self.active_ms(now),
                ..fixed(Phase::Closing)
            },
            State::Timed => self.timed_snapshot(now),
        }
    }

    fn timed_snapshot(&self, now: Millis) -> Snapshot {
        let active_ms = self.active_ms(now);
        let (phase, segment_start, segment_ms) = self.segment_at(active_ms);
        let elapsed = active_ms.saturating_sub(segment_start).min(segment_ms);
        Snapshot {
            phase,
            paused: self.is_paused(),
            passes: self.plan.passes,
            segment_ms,
            remaining_ms: segment_ms - elapsed,
            progress: if segment_ms == 0 {
                1.0
            } else {
                elapsed as f64 / segment_ms as f64
            },
            active_ms,
        }
    }

    /// The phase at active time `t`, with its start and length.
    fn segment_at(&self, t: u64) -> (Phase, u64, u64) {
        let round = COUNTDOWN_MS + self.plan.pass_ms();
        let total = round * u64::from(self.plan.passes);
        if t >= total {
            return (Phase::Closing, total, 0);
        }
        let pass = (t / round) as u32 + 1;
        let round_start = u64::from(pass - 1) * round;
        if t - round_start < COUNTDOWN_MS {
            (Phase::Countdown { pass }, round_start, COUNTDOWN_MS)
        } else {
            (
                Phase::Pass { pass },
                round_start + COUNTDOWN_MS,
                self.plan.pass_ms(),
            )
        }
    }

    /// Active schedule time at `now`: time since the start, less pauses, from the offset.
    fn active_ms(&self, now: Millis) -> u64 {
        let until = self.paused_since.unwrap_or(now);
        self.start_offset
            + until
                .saturating_sub(self.started_at)
                .saturating_sub(self.paused_total)
    }

    /// The monotonic time at which active schedule time `t` is (or was) reached, given
    /// the pauses so far. Only valid for boundaries after the last pause ended, which
    /// `advance` guarantees by running before every pause.
    fn monotonic_at(&self, t: u64) -> Millis {
        self.started_at + self.paused_total + (t - self.start_offset)
    }

    fn end_pause(&mut self, since: Millis, now: Millis) {
        let paused = now.saturating_sub(since);
        let (phase, _, _) = self.segment_at(self.active_ms(since));
        if let Phase::Countdown { pass } | Phase::Pass { pass } = phase
            && let Some(slot) = self.pass_paused.get_mut(pass as usize - 1)
        {
            *slot += paused;
        }
        self.paused_total += paused;
        self.paused_since = None;
    }
}

/// Every boundary of the timed part, in order: countdown, start, halfway and end of each
/// pass, then the start of closing.
fn schedule(plan: MassagePlan) -> Vec<(u64, EventKind)> {
    let pass_ms = plan.pass_ms();
    let mut boundaries = Vec::new();
    for pass in 1..=plan.passes {
        let countdown = u64::from(pass - 1) * (COUNTDOWN_MS + pass_ms);
        let start = countdown + COUNTDOWN_MS;
        boundaries.push((countdown, EventKind::CountdownStarted { pass }));
        boundaries.push((start, EventKind::PassStarted { pass }));
        boundaries.push((start + pass_ms / 2, EventKind::PassHalfway { pass }));
        boundaries.push((start + pass_ms, EventKind::PassEnded { pass }));
    }
    let total = u64::from(plan.passes) * (COUNTDOWN_MS + pass_ms);
    boundaries.push((total, EventKind::ClosingStarted));
    boundaries
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
