//! Says the guided massage's steps aloud through the device's own speech engine (the
//! `tts` crate: speech-dispatcher on Linux, TextToSpeech on Android, the system voices
//! on Windows, macOS and iOS). What to say and when is the core's
//! ([`crate::domain::speech`]); this module only hands the words to the engine.
//!
//! The engine lives on a thread of its own, fed by a queue: starting it (Linux spawns a
//! daemon) or a slow voice never holds up the timer, which only drops a line in the
//! queue. Volume is the system's: nothing here changes it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde::Serialize;

use crate::domain::session::EventKind;
use crate::domain::speech::{self, Line};
use crate::i18n::Localizer;

/// Debug builds append each line the app asks to say, with its time, to this file
/// (one JSON object per line) so an end-to-end test can check what was said and when.
/// A release build ignores it.
pub const RECORD_ENV: &str = "AYAH_ASI_SPEECH_RECORD";

/// How long the UI waits to learn whether a voice exists (the first answer starts the
/// engine, which on Linux may spawn speech-dispatcher).
const PROBE_TIMEOUT: Duration = Duration::from_secs(4);

/// Whether the spoken guidance is on, and whether this device can speak the language.
#[derive(Debug, Clone, Copy, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SpeechStatus {
    pub enabled: bool,
    /// `None` when the engine did not answer in time (it is still starting).
    pub voice_available: Option<bool>,
}

enum Request {
    Say {
        language: String,
        line: Line,
        text: String,
        /// When the guide asked (milliseconds since the Unix epoch), for the record.
        asked_at_ms: u128,
    },
    Silence,
    HasVoice {
        language: String,
        reply: tokio::sync::oneshot::Sender<bool>,
    },
}

/// Shared by the guide (which narrates) and the commands (which switch it on or off).
pub struct Speaker {
    localizer: Arc<Localizer>,
    enabled: AtomicBool,
    language: Mutex<String>,
    queue: OnceLock<Sender<Request>>,
    /// The debug record (`RECORD_ENV`), when asked for.
    record: Option<PathBuf>,
}

impl Speaker {
    pub fn new(localizer: Arc<Localizer>, language: &str, enabled: bool) -> Self {
        Self {
            localizer,
            enabled: AtomicBool::new(enabled),
            language: Mutex::new(language.to_owned()),
            queue: OnceLock::new(),
            record: record_path(),
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }

    /// Turning it off silences what is being said at once.
    pub fn set_enabled(&self, enabled: bool) {
        self.enabled.store(enabled, Ordering::Relaxed);
        if !enabled && self.queue.get().is_some() {
            self.send(Request::Silence);
        }
    }

    pub fn set_language(&self, language: &str) {
        *self.language_guard() = language.to_owned();
    }

    /// Says what the core gives for `events` of a session of `passes` passes (nothing
    /// when the guidance is off).
    pub fn narrate(&self, events: &[EventKind], passes: u32) {
        if !self.is_enabled() {
            return;
        }
        let language = self.language_guard().clone();
        for line in events.iter().filter_map(|e| speech::line_for(*e, passes)) {
            let text = line.text(&self.localizer, &language);
            let asked_at_ms = epoch_ms();
            // Recorded as it is asked, on the guide's own thread: the record is of what
            // the app asked and when, whatever the engine then does.
            if let Some(path) = &self.record {
                write_record(
                    path,
                    &serde_json::json!({
                        "event": "asked", "atMs": asked_at_ms, "language": language,
                        "id": line.id, "pass": line.pass, "interrupt": line.interrupt,
                        "text": text,
                    }),
                );
            }
            self.send(Request::Say {
                language: language.clone(),
                line,
                text,
                asked_at_ms,
            });
        }
    }

    /// Starts the engine and picks its voice ahead of the first line (when on).
    pub fn prepare(&self) {
        if self.is_enabled() {
            let (reply, _) = tokio::sync::oneshot::channel();
            self.send(Request::HasVoice {
                language: self.language_guard().clone(),
                reply,
            });
        }
    }

    /// Whether the guidance is on and a voice for the current language exists.
    pub async fn status(&self) -> SpeechStatus {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.send(Request::HasVoice {
            language: self.language_guard().clone(),
            reply,
        });
        let voice_available = tokio::time::timeout(PROBE_TIMEOUT, answer)
            .await
            .ok()
            .and_then(Result::ok);
        SpeechStatus {
            enabled: self.is_enabled(),
            voice_available,
        }
    }

    fn send(&self, request: Request) {
        let queue = self.queue.get_or_init(|| {
            let (sender, receiver) = mpsc::channel();
            let record = self.record.clone();
            let spawned = std::thread::Builder::new()
                .name("speech".into())
                .spawn(move || serve(receiver, record));
            if let Err(error) = spawned {
                eprintln!("Ayah ASI: no speech thread: {error}");
            }
            sender
        });
        // A failed send means the speech thread is gone: the sound cues carry on.
        let _ = queue.send(request);
    }

    fn language_guard(&self) -> std::sync::MutexGuard<'_, String> {
        self.language
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn record_path() -> Option<PathBuf> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var_os(RECORD_ENV)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

/// The speech thread: opens the engine on first use, then says what it is given.
fn serve(requests: Receiver<Request>, record: Option<PathBuf>) {
    let mut engine = Engine::open();
    for request in requests {
        match request {
            Request::Say {
                language,
                line,
                text,
                asked_at_ms,
            } => {
                let spoken = engine.say(&language, &text, line.interrupt);
                if let Some(path) = &record {
                    write_record(
                        path,
                        &serde_json::json!({
                            "event": "outcome", "atMs": asked_at_ms, "id": line.id,
                            "spoken": spoken,
                        }),
                    );
                }
            }
            Request::Silence => engine.silence(),
            Request::HasVoice { language, reply } => {
                let _ = reply.send(engine.has_voice(&language));
            }
        }
    }
}

/// How long after a failed start the engine is tried again (Android's may take longer
/// to start than the `tts` crate waits, the first time).
const RETRY_AFTER: Duration = Duration::from_secs(5);

/// The device's speech engine, or why there is none.
struct Engine {
    tts: Option<tts::Tts>,
    /// When the engine last failed to start.
    failed_at: Option<std::time::Instant>,
    /// The language the engine's voice is set for, and whether one was found.
    voice: Option<(String, bool)>,
}

impl Engine {
    fn open() -> Self {
        let mut engine = Self {
            tts: None,
            failed_at: None,
            voice: None,
        };
        engine.start();
        engine
    }

    fn start(&mut self) {
        match tts::Tts::default() {
            Ok(tts) => self.tts = Some(tts),
            Err(error) => {
                eprintln!("Ayah ASI: no speech engine: {error}");
                self.failed_at = Some(std::time::Instant::now());
            }
        }
    }

    /// Picks a voice for `language` once; true when the engine can speak it. Engines
    /// that cannot list voices (Android's) speak in the device's own language.
    fn has_voice(&mut self, language: &str) -> bool {
        if self.tts.is_none() && self.failed_at.is_none_or(|at| at.elapsed() > RETRY_AFTER) {
            self.start();
        }
        let Some(tts) = &mut self.tts else {
            return false;
        };
        if let Some((set_for, found)) = &self.voice
            && set_for == language
        {
            return *found;
        }
        let found = if tts.supported_features().voice {
            let voices = tts.voices().unwrap_or_default();
            let mut matching = voices
                .iter()
                .filter(|v| v.language().primary_language() == language);
            // Each language's plain voice comes first; "Indonesian+Adam" and the like
            // are variants of it.
            let chosen = matching
                .clone()
                .find(|v| !v.name().contains('+'))
                .or_else(|| matching.next());
            chosen.is_some_and(|voice| tts.set_voice(voice).is_ok())
        } else {
            true
        };
        self.voice = Some((language.to_owned(), found));
        found
    }

    /// Says `text`; false when there is no voice for `language` or the engine failed.
    fn say(&mut self, language: &str, text: &str, interrupt: bool) -> bool {
        if !self.has_voice(language) {
            return false;
        }
        let Some(tts) = &mut self.tts else {
            return false;
        };
        tts.speak(text, interrupt)
            .map_err(|error| eprintln!("Ayah ASI: could not speak: {error}"))
            .is_ok()
    }

    fn silence(&mut self) {
        if let Some(tts) = &mut self.tts {
            let _ = tts.stop();
        }
    }
}

fn epoch_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default()
}

/// One line of the debug record: a line asked for (with its time), or what the engine
/// did with it.
fn write_record(path: &PathBuf, entry: &serde_json::Value) {
    use std::io::Write;
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| writeln!(file, "{entry}"));
    if let Err(error) = written {
        eprintln!("Ayah ASI: could not record speech: {error}");
    }
}
