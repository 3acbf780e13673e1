//! `tauri-driver` with its own ports and data folder, and the app it launches.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::{App, Result, speech};

/// How long a WebDriver session may take to come up (the first start after a build is slow).
const SESSION_TIMEOUT: Duration = Duration::from_secs(40);
/// How often a launch is tried before the test fails (see [`Driver::launch`]).
const LAUNCH_ATTEMPTS: u32 = 3;

/// The app binary under test: `AYAH_ASI_APP`, or the debug build of this workspace.
pub fn app_binary() -> PathBuf {
    match std::env::var_os("AYAH_ASI_APP") {
        Some(path) => PathBuf::from(path),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/ayah-asi"),
    }
}

/// One `tauri-driver` with its own ports and its own data folder; every app it
/// launches shares that folder, so a second launch is a restart of the same device.
pub struct Driver {
    process: Mutex<DriverProcess>,
    home: tempfile::TempDir,
    app: PathBuf,
    env: Vec<(String, String)>,
}

/// The running `tauri-driver` (replaced when a launch has to be tried again).
struct DriverProcess {
    child: Child,
    port: u16,
}

impl DriverProcess {
    /// Stops tauri-driver and the WebKitWebDriver it started (their process group).
    fn stop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.child.wait();
    }
}

impl Driver {
    pub fn start() -> Result<Self> {
        Self::start_with_env(&[])
    }

    /// Like [`Driver::start`], with extra environment variables for the app.
    pub fn start_with_env(env: &[(&str, &str)]) -> Result<Self> {
        Self::start_for(app_binary(), env)
    }

    /// A driver for another app binary (the benchmarks compare with an empty Tauri app).
    pub fn start_for(app: PathBuf, env: &[(&str, &str)]) -> Result<Self> {
        if !app.is_file() {
            return Err(format!("no app at {} — build it first (make app)", app.display()).into());
        }
        if std::env::var_os("DISPLAY").is_none() {
            return Err("no DISPLAY: run the end-to-end tests under Xvfb (make test-e2e)".into());
        }
        let home = tempfile::Builder::new().prefix("ayah-asi-e2e-").tempdir()?;
        speech::prepare(home.path())?;
        let env = env
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect::<Vec<_>>();
        let process = spawn_tauri_driver(home.path(), &env)?;
        Ok(Self {
            process: Mutex::new(process),
            home,
            app,
            env,
        })
    }

    /// The app's data folder (where its SQLite file lives).
    pub fn data_dir(&self) -> PathBuf {
        self.home.path().join("data")
    }

    /// The app's database file.
    pub fn database(&self) -> PathBuf {
        self.data_dir().join("ayah-asi.sqlite3")
    }

    /// What the app asked its speech engine to say, in order (debug builds record it).
    pub fn spoken(&self) -> Result<Vec<speech::Spoken>> {
        speech::read_record(self.home.path())
    }

    /// From the next launch on, the app's speech engine has no Indonesian voice.
    pub fn remove_voices(&self) -> Result<()> {
        speech::remove_voices(self.home.path())
    }

    /// The sound the speech engine played, as it reached the (file) sound card.
    pub fn speech_audio(&self) -> PathBuf {
        speech::audio_file(self.home.path())
    }

    /// Process ids of this driver's app (one, once it runs).
    pub fn app_pids(&self) -> Vec<u32> {
        let marker = format!("AYAH_ASI_DATA_DIR={}", self.data_dir().display());
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|entry| {
                let pid = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
                let exe = std::fs::read_link(entry.path().join("exe")).ok()?;
                if exe.file_name() != self.app.file_name() {
                    return None;
                }
                let environ = std::fs::read(entry.path().join("environ")).ok()?;
                environ
                    .split(|b| *b == 0)
                    .any(|var| var == marker.as_bytes())
                    .then_some(pid)
            })
            .collect()
    }

    /// Kills this driver's app with SIGKILL, as a phone's system or a crash would: no
    /// shutdown code runs. Only the app started with this driver's data folder dies.
    pub fn kill_app(&self) -> Result<usize> {
        let pids = self.app_pids();
        for pid in &pids {
            Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status()?;
        }
        Ok(pids.len())
    }

    /// Starts the app and waits until its first screen has rendered something.
    ///
    /// Now and then (seen in CI, not here) the app dies at start because GTK cannot
    /// open the display, and WebKitWebDriver then waits for it forever; and now and then
    /// (seen in a clean clone's first run, under load) the window comes up but its page
    /// stays empty. Either way the launch is given up, tauri-driver is started afresh on
    /// the same data folder, and the launch is tried again, at most twice.
    pub async fn launch(&self) -> Result<App> {
        let mut attempt = 1;
        loop {
            let port = self.lock_process().port;
            let failure = match tokio::time::timeout(SESSION_TIMEOUT, self.new_session(port)).await
            {
                Ok(Ok(client)) => {
                    let app = App { client };
                    match app.wait_for(".screen").await {
                        Ok(_) => return Ok(app),
                        Err(error) => {
                            // What the window showed instead helps more than the timeout.
                            let _ = app.screenshot("launch-failure").await;
                            let body = app.client.source().await.unwrap_or_default();
                            let _ = app.close().await;
                            format!(
                                "{error}; the page was: {}",
                                body.chars().take(600).collect::<String>()
                            )
                        }
                    }
                }
                Ok(Err(error)) => error.to_string(),
                Err(_) => format!("no WebDriver session after {SESSION_TIMEOUT:?}"),
            };
            if attempt == LAUNCH_ATTEMPTS {
                return Err(failure.into());
            }
            eprintln!("launch {attempt} failed ({failure}); starting tauri-driver again");
            attempt += 1;
            self.restart()?;
        }
    }

    /// Asks tauri-driver for a session (which starts the app), retrying while it is
    /// not ready yet.
    async fn new_session(&self, port: u16) -> Result<Client> {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": self.app.to_string_lossy() }),
        );
        let url = format!("http://127.0.0.1:{port}");
        loop {
            let attempt = ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await;
            match attempt {
                Ok(client) => return Ok(client),
                Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
            }
        }
    }

    /// Stops tauri-driver (and any app of this data folder) and starts it again.
    fn restart(&self) -> Result<()> {
        let mut process = self.lock_process();
        process.stop();
        self.kill_app()?;
        *process = spawn_tauri_driver(self.home.path(), &self.env)?;
        Ok(())
    }

    fn lock_process(&self) -> std::sync::MutexGuard<'_, DriverProcess> {
        // A test that panicked while holding the lock leaves a usable process behind.
        self.process
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.lock_process().stop();
        speech::stop_daemon(self.home.path());
    }
}

/// Starts tauri-driver on free ports, with the app's data folder under `home`, and
/// waits until it listens.
fn spawn_tauri_driver(home: &Path, env: &[(String, String)]) -> Result<DriverProcess> {
    let (port, native_port) = (free_port()?, free_port()?);
    let mut command = Command::new(tauri_driver());
    command
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        // tauri-driver passes its environment on to the app: that is how each test
        // gets its own database, and WebKit its own cache and config.
        .env("AYAH_ASI_DATA_DIR", home.join("data"))
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("XDG_CACHE_HOME", home.join("xdg-cache"))
        .env("XDG_CONFIG_HOME", home.join("xdg-config"))
        // speech-dispatcher's socket and pid file: one daemon per test, with the
        // test's own configuration (see speech.rs).
        .env("XDG_RUNTIME_DIR", speech::runtime_dir(home))
        .env(speech::RECORD_ENV, speech::record_file(home))
        .envs(env.iter().map(|(name, value)| (name, value)))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        // tauri-driver does not stop its WebKitWebDriver child when it is killed:
        // a group of their own lets Drop stop both.
        .process_group(0);
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start tauri-driver: {e}"))?;
    // Ready when it listens: a session request before that only waits and retries.
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > SESSION_TIMEOUT {
            let mut process = DriverProcess { child, port };
            process.stop();
            return Err("tauri-driver did not start listening".into());
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("tauri-driver ended at start: {status}").into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(DriverProcess { child, port })
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|dir| dir.join("bin/tauri-driver"));
    cargo_bin
        .filter(|path| path.is_file())
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
