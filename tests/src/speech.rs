//! Each test's own speech-dispatcher: the app speaks through it for real, into a sound
//! card that is a file (ALSA's `file` device), so a test can check the sound; and the
//! app's debug record of each line it asked to say, with its time.
//!
//! Every app a driver launches finds this configuration under the test's
//! `XDG_CONFIG_HOME`, and its daemon's socket under the test's `XDG_RUNTIME_DIR`, so
//! tests running side by side never share a daemon. The daemon ends by itself a few
//! seconds after the app disconnects; the driver's drop stops it sooner.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use crate::Result;

/// The app's `speech::RECORD_ENV` (honoured by debug builds only).
pub const RECORD_ENV: &str = "AYAH_ASI_SPEECH_RECORD";

/// One line the app asked its speech engine to say, and what the engine did with it.
#[derive(Debug, Clone)]
pub struct Spoken {
    /// When it was asked, in milliseconds since the Unix epoch.
    pub at_ms: u64,
    pub language: String,
    pub id: String,
    pub pass: Option<u32>,
    pub interrupt: bool,
    pub text: String,
    /// Whether the engine took it (false: no voice for the language); `None` while the
    /// engine has not come to it yet.
    pub spoken: Option<bool>,
}

/// A line of the app's record: `asked` (with the words) or `outcome`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    event: String,
    at_ms: u64,
    id: String,
    #[serde(default)]
    language: String,
    pass: Option<u32>,
    #[serde(default)]
    interrupt: bool,
    #[serde(default)]
    text: String,
    spoken: Option<bool>,
}

pub(crate) fn runtime_dir(home: &Path) -> PathBuf {
    home.join("xdg-runtime")
}

pub(crate) fn record_file(home: &Path) -> PathBuf {
    home.join("speech-record.jsonl")
}

pub(crate) fn audio_file(home: &Path) -> PathBuf {
    home.join("speech-audio.raw")
}

/// Writes the test's speech-dispatcher configuration: espeak-ng, sound to a file.
pub(crate) fn prepare(home: &Path) -> Result<()> {
    let runtime = runtime_dir(home);
    std::fs::create_dir_all(&runtime)?;
    std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700))?;
    let config = home.join("xdg-config/speech-dispatcher");
    std::fs::create_dir_all(&config)?;
    let audio = audio_file(home);
    std::fs::write(
        config.join("speechd.conf"),
        format!(
            "AudioOutputMethod \"alsa\"\n\
             AudioALSADevice \"file:FILE={},FORMAT=raw\"\n\
             DefaultModule espeak-ng\n\
             AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n\
             Timeout 5\n",
            audio.display()
        ),
    )?;
    Ok(())
}

/// A speech-dispatcher with only its dummy module, whose one voice is English: a device
/// with no voice for Indonesian. (With no module named at all, it would find espeak-ng.)
pub(crate) fn remove_voices(home: &Path) -> Result<()> {
    std::fs::write(
        home.join("xdg-config/speech-dispatcher/speechd.conf"),
        "AudioOutputMethod \"alsa\"\n\
         AudioALSADevice \"null\"\n\
         AddModule \"dummy\" \"sd_dummy\" \"\"\n\
         DefaultModule dummy\n\
         Timeout 5\n",
    )?;
    Ok(())
}

/// What the app asked to say so far (empty before its first line).
pub(crate) fn read_record(home: &Path) -> Result<Vec<Spoken>> {
    let text = match std::fs::read_to_string(record_file(home)) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error.into()),
    };
    let entries: Vec<Entry> = text
        .lines()
        .map(serde_json::from_str)
        .collect::<std::result::Result<_, _>>()?;
    let outcome = |asked: &Entry| {
        entries
            .iter()
            .find(|e| e.event == "outcome" && e.at_ms == asked.at_ms && e.id == asked.id)
            .and_then(|e| e.spoken)
    };
    Ok(entries
        .iter()
        .filter(|e| e.event == "asked")
        .map(|e| Spoken {
            at_ms: e.at_ms,
            language: e.language.clone(),
            id: e.id.clone(),
            pass: e.pass,
            interrupt: e.interrupt,
            text: e.text.clone(),
            spoken: outcome(e),
        })
        .collect())
}

/// Stops the test's speech-dispatcher, if one was spawned and still runs.
pub(crate) fn stop_daemon(home: &Path) {
    let pid_file = runtime_dir(home).join("speech-dispatcher/pid/speech-dispatcher.pid");
    let Ok(pid) = std::fs::read_to_string(pid_file) else {
        return;
    };
    let pid = pid.trim();
    // Only the daemon itself: a pid the system has since given to another process
    // is left alone.
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    if comm.trim().starts_with("speech-dispatch") {
        let _ = Command::new("kill").args(["-TERM", pid]).status();
    }
}
