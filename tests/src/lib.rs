//! Harness for end-to-end tests: starts `tauri-driver` (which starts WebKitWebDriver,
//! which starts the app) with a data folder of the test's own, and offers a few
//! user-level helpers (click, type, read) that wait for the UI like a person would.

use std::path::Path;
use std::time::{Duration, Instant};

pub mod browser;
pub mod dashboard;
mod driver;
pub mod flows;
pub mod notifications;
pub mod proxy;
pub mod server;
pub mod speech;
pub mod throttle;
pub mod two_phones;

pub use driver::{Driver, app_binary};
use fantoccini::Client;
pub use fantoccini::Locator;
use fantoccini::elements::Element;
use serde_json::json;

/// How long the UI may take to show what a test waits for.
pub(crate) const UI_TIMEOUT: Duration = Duration::from_secs(15);

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

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
