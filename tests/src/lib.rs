//! Harness for end-to-end tests: starts `tauri-driver` (which starts WebKitWebDriver,
//! which starts the app) with a data folder of the test's own, and offers a few
//! user-level helpers (click, type, read) that wait for the UI like a person would.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub mod browser;
pub mod dashboard;
pub mod flows;
pub mod notifications;
pub mod proxy;
pub mod server;
pub mod throttle;
pub mod two_phones;

pub use fantoccini::Locator;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// How long the UI may take to show what a test waits for.
const UI_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a WebDriver session may take to come up (the first start after a build is slow).
const SESSION_TIMEOUT: Duration = Duration::from_secs(40);
/// How often a launch is tried before the test fails (see [`Driver::launch`]).
const LAUNCH_ATTEMPTS: u32 = 3;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

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

/// The running app, seen through its window.
pub struct App {
    pub client: Client,
}

impl App {
    /// Waits for an element matching `css` to be present and visible.
    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        self.wait_for_within(css, UI_TIMEOUT).await
    }

    /// Like [`App::wait_for`], for things that take longer (a whole massage pass).
    pub async fn wait_for_within(&self, css: &str, timeout: Duration) -> Result<Element> {
        let started = Instant::now();
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && element.is_displayed().await.unwrap_or(false)
            {
                return Ok(element);
            }
            if started.elapsed() > timeout {
                // The screen as it was, for whoever reads the failure.
                let _ = self.screenshot("wait-failure").await;
                let shown = self
                    .client
                    .find(Locator::Css("#app"))
                    .await
                    .ok()
                    .map(|app| async move { app.text().await.unwrap_or_default() });
                let text = match shown {
                    Some(text) => text.await,
                    None => String::new(),
                };
                let text: String = text.chars().take(300).collect();
                return Err(format!(
                    "nothing visible matches {css:?} after {timeout:?}; the screen shows: {text:?}"
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element; if the screen was redrawn under it meanwhile, clicks the new one.
    pub async fn click(&self, css: &str) -> Result<()> {
        let started = Instant::now();
        loop {
            match self.wait_for(css).await?.click().await {
                Ok(()) => return Ok(()),
                Err(fantoccini::error::CmdError::Standard(e))
                    if e.error == fantoccini::error::ErrorStatus::StaleElementReference
                        && started.elapsed() < UI_TIMEOUT =>
                {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(error) => {
                    let _ = self.screenshot("click-failure").await;
                    return Err(format!("clicking {css:?}: {error}").into());
                }
            }
        }
    }

    /// Clears the field and types `text` into it, key by key.
    pub async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let field = self.wait_for(css).await?;
        field.clear().await?;
        if !text.is_empty() {
            field.send_keys(text).await?;
        }
        Ok(())
    }

    /// Chooses the option with `value` in a `<select>`.
    pub async fn select(&self, css: &str, value: &str) -> Result<()> {
        self.wait_for(css).await?.select_by_value(value).await?;
        Ok(())
    }

    pub async fn text(&self, css: &str) -> Result<String> {
        Ok(self.wait_for(css).await?.text().await?)
    }

    /// Waits until the element's text equals `expected`, and fails showing what it was.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> Result<()> {
        let started = Instant::now();
        let mut seen = String::new();
        while started.elapsed() < UI_TIMEOUT {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                seen = element.text().await.unwrap_or_default();
                if seen == expected {
                    return Ok(());
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let _ = self.screenshot("wait-text-failure").await;
        Err(format!("{css:?} shows {seen:?}, expected {expected:?}").into())
    }

    /// Waits until the element's text contains `part` (for messages with names, dates
    /// or file paths in them).
    pub async fn wait_for_text_containing(&self, css: &str, part: &str) -> Result<()> {
        let started = Instant::now();
        let mut seen = String::new();
        while started.elapsed() < UI_TIMEOUT {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                seen = element.text().await.unwrap_or_default();
                if seen.contains(part) {
                    return Ok(());
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("{css:?} shows {seen:?}, expected it to contain {part:?}").into())
    }

    /// The cells of every row of the table(s) matching `css`, as text.
    pub async fn table_rows(&self, css: &str) -> Result<Vec<Vec<String>>> {
        self.wait_for(css).await?;
        let script = "return Array.from(document.querySelectorAll(arguments[0] + ' tr'))
            .map((tr) => Array.from(tr.children).map((cell) => cell.textContent.trim()));";
        let rows = self.client.execute(script, vec![json!(css)]).await?;
        Ok(serde_json::from_value(rows)?)
    }

    /// The value of a form field, as the user sees it.
    pub async fn value(&self, css: &str) -> Result<String> {
        Ok(self
            .wait_for(css)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// Saves a screenshot under `tests/artifacts/` (kept for people to look at).
    pub async fn screenshot(&self, name: &str) -> Result<()> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
        std::fs::create_dir_all(&dir)?;
        // Let WebKit paint what the DOM already holds: a capture can otherwise show
        // the frame before the last change.
        let two_frames = "const done = arguments[arguments.length - 1];
            requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.client.execute_async(two_frames, Vec::new()).await?;
        std::fs::write(
            dir.join(format!("{name}.png")),
            self.client.screenshot().await?,
        )?;
        Ok(())
    }

    /// Scrolls an element to the top of the window and saves a screenshot there.
    /// (WebKit's element screenshots come back black for SVG.)
    pub async fn screenshot_of(&self, css: &str, name: &str) -> Result<()> {
        self.wait_for(css).await?;
        let script = "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });";
        self.client.execute(script, vec![json!(css)]).await?;
        self.screenshot(name).await
    }

    /// Serious and critical axe-core violations on the page as it is now (axe is
    /// injected through WebDriver, which the page's CSP does not govern).
    pub async fn axe_violations(&self) -> Result<Vec<String>> {
        let loaded = self
            .client
            .execute("return typeof axe !== 'undefined';", vec![])
            .await?;
        if loaded != json!(true) {
            let path =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../node_modules/axe-core/axe.min.js");
            let source = std::fs::read_to_string(&path)
                .map_err(|e| format!("{}: {e} (npm ci installs it)", path.display()))?;
            self.client.execute(&source, vec![]).await?;
        }
        Ok(serde_json::from_value(
            self.client.execute_async(AXE_RUN, vec![]).await?,
        )?)
    }

    /// Closes the app the way the WebDriver session ends: the window goes away.
    pub async fn close(self) -> Result<()> {
        self.client.close().await?;
        Ok(())
    }
}

/// Runs axe-core and answers its serious and critical violations, a line each.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] }).then((result) => done(
  result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
), (error) => done([`axe failed: ${error}`]));
"#;

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

/// Waits until `check` holds, polling; fails with `what` after the UI timeout.
pub async fn eventually<F>(what: &str, mut check: F) -> Result<()>
where
    F: FnMut() -> Result<bool>,
{
    let started = Instant::now();
    while started.elapsed() < UI_TIMEOUT {
        if check().unwrap_or(false) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("not within {UI_TIMEOUT:?}: {what}").into())
}

/// Opens the app's database read-only, to check what was (or was not) saved.
pub fn open_database(path: &Path) -> Result<rusqlite::Connection> {
    Ok(rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?)
}

/// The local date `days` before today (negative: after today).
pub fn days_ago(days: i64) -> chrono::NaiveDate {
    chrono::Local::now().date_naive() - chrono::Duration::days(days)
}

/// Calls a command straight through the IPC layer, the way the UI does, and returns
/// what it answered (`Ok`) or refused with (`Err`).
pub async fn invoke(
    app: &App,
    command: &str,
    args: serde_json::Value,
) -> Result<std::result::Result<serde_json::Value, serde_json::Value>> {
    let script = "const [command, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(command, args)
            .then((value) => done({ ok: value ?? null }), (error) => done({ err: error }));";
    let answer = app
        .client
        .execute_async(script, vec![json!(command), args])
        .await?;
    Ok(match answer.get("err") {
        Some(error) => Err(error.clone()),
        None => Ok(answer.get("ok").cloned().unwrap_or(serde_json::Value::Null)),
    })
}

/// Benchmark figures, written as JSON rows that `bench-summary` gathers into one table.
pub mod bench {
    use serde_json::{Value, json};

    /// One figure with its budget (`None`: no budget, shown for information).
    pub fn row(group: &str, what: &str, value: f64, unit: &str, budget: Option<f64>) -> Value {
        json!({
            "group": group, "what": what, "value": value, "unit": unit,
            "budget": budget, "met": budget.map(|b| value <= b),
        })
    }

    /// A process's resident memory, in MB (0 when it cannot be read).
    pub fn rss_mb(pid: u32) -> f64 {
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map_or(0.0, |kb| kb / 1024.0)
    }

    /// Writes `rows` to `target/bench/<name>.json`.
    pub fn write(name: &str, rows: &[Value]) -> std::io::Result<std::path::PathBuf> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, serde_json::to_vec_pretty(rows)?)?;
        Ok(path)
    }
}
