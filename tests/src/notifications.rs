//! A real notification server for tests: a private D-Bus session bus with dunst on it,
//! so the app's notifications travel the way they do on a Linux desktop.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::Result;

pub struct NotificationDaemon {
    bus: Child,
    dunst: Child,
    address: String,
}

impl NotificationDaemon {
    /// Starts the bus and dunst (needs DISPLAY), and waits until dunst answers.
    pub fn start() -> Result<Self> {
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start dbus-daemon: {e}"))?;
        let stdout = bus.stdout.take().ok_or("dbus-daemon has no stdout")?;
        let mut address = String::new();
        BufReader::new(stdout).read_line(&mut address)?;
        let address = address.trim().to_owned();
        let dunst = Command::new("dunst")
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start dunst: {e}"))?;
        let daemon = Self {
            bus,
            dunst,
            address,
        };
        let started = Instant::now();
        while daemon.dunstctl(&["count"]).is_err() {
            if started.elapsed() > Duration::from_secs(10) {
                return Err("dunst did not come up on the test bus".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(daemon)
    }

    /// The bus address to give the app (`DBUS_SESSION_BUS_ADDRESS`).
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Every notification received so far, as (summary, body).
    pub fn received(&self) -> Result<Vec<(String, String)>> {
        // dunst lists only closed notifications in its history.
        self.dunstctl(&["close-all"])?;
        std::thread::sleep(Duration::from_millis(200));
        let history: Value = serde_json::from_str(&self.dunstctl(&["history"])?)?;
        let entries = history["data"][0].as_array().cloned().unwrap_or_default();
        Ok(entries
            .iter()
            .map(|n| {
                let text = |key: &str| n[key]["data"].as_str().unwrap_or_default().to_owned();
                (text("summary"), text("body"))
            })
            .collect())
    }

    fn dunstctl(&self, args: &[&str]) -> Result<String> {
        let output = Command::new("dunstctl")
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .output()?;
        if !output.status.success() {
            return Err(format!("dunstctl {args:?} failed").into());
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

impl Drop for NotificationDaemon {
    fn drop(&mut self) {
        let _ = self.dunst.kill();
        let _ = self.dunst.wait();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}
