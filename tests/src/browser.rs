//! Debian's Chromium, headless, through its chromedriver: for the puskesmas dashboard's
//! pages. Each browser has its own profile folder and ports; dropping it stops
//! chromedriver and Chromium (their process group), also when the test fails.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::ClientBuilder;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::{App, Result};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub struct Browser {
    driver: Child,
    _profile: tempfile::TempDir,
    /// The window, with the app harness's helpers (wait, click, type, screenshot, axe).
    pub page: App,
}

impl Browser {
    /// A headless Chromium with a window of `width` × `height` CSS pixels.
    pub async fn start(width: u32, height: u32) -> Result<Self> {
        for program in [CHROMIUM, CHROMEDRIVER] {
            if !std::path::Path::new(program).is_file() {
                return Err(format!(
                    "no {program}: make test installs chromium and chromium-driver"
                )
                .into());
            }
        }
        let profile = tempfile::Builder::new()
            .prefix("ayah-asi-chromium-")
            .tempdir()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let mut driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Chromium starts as chromedriver's child: one group stops both.
            .process_group(0)
            .spawn()?;
        let profile_dir = profile.path().to_string_lossy().into_owned();
        match connect(port, width, height, &profile_dir).await {
            Ok(client) => {
                let browser = Self {
                    driver,
                    _profile: profile,
                    page: App { client },
                };
                browser.fit_viewport(width, height).await?;
                Ok(browser)
            }
            Err(error) => {
                let _ = driver.kill();
                let _ = driver.wait();
                Err(error)
            }
        }
    }

    /// Grows the window by what its frame takes, so the page itself gets `width` ×
    /// `height` (the size the layout is checked at).
    async fn fit_viewport(&self, width: u32, height: u32) -> Result<()> {
        let inner = self
            .page
            .client
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await?;
        let inner: (u32, u32) = serde_json::from_value(inner)?;
        let extra = (
            width.saturating_sub(inner.0),
            height.saturating_sub(inner.1),
        );
        if extra != (0, 0) {
            self.page
                .client
                .set_window_size(width + extra.0, height + extra.1)
                .await?;
        }
        Ok(())
    }

    /// Opens `url` in the window.
    pub async fn open(&self, url: &str) -> Result<()> {
        self.page.client.goto(url).await?;
        Ok(())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.wait();
    }
}

/// A WebDriver session, retried until chromedriver listens (a few hundred ms).
async fn connect(port: u16, width: u32, height: u32, profile: &str) -> Result<fantoccini::Client> {
    let args = vec![
        "--headless=new".to_owned(),
        // As root, Chromium needs this; the pages are our own, on loopback.
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        // The machine's network is closed: no calls home, no updates, no sync.
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--lang=id".to_owned(),
        format!("--window-size={width},{height}"),
        format!("--user-data-dir={profile}"),
    ];
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("browserName".into(), json!("chrome"));
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": CHROMIUM, "args": args }),
    );
    let started = Instant::now();
    loop {
        let attempt = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match attempt {
            Ok(client) => return Ok(client),
            Err(error) if started.elapsed() > Duration::from_secs(30) => {
                return Err(format!("no Chromium session: {error}").into());
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}
