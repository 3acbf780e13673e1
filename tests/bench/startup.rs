//! Benchmark (not a test): cold start and idle memory of the release app, side by side
//! with an empty Tauri 2 app built with the same profile, both under Xvfb.
//!
//! Start: from the WebDriver session request (tauri-driver spawns the app) until the
//! first screen is there and one IPC round trip has been answered. Memory: after the
//! first screen has been idle for 5 s, the proportional set size (PSS, from
//! /proc/PID/smaps_rollup) of the app and every process it started (the WebKit web and
//! network processes), summed. `startup [--runs N]` (default 10, after one warm-up).
//! Both include WebDriver's own automation set-up, the same for both apps.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ayah_asi_e2e::{Driver, Result, bench, invoke};
use serde_json::json;

struct Figures {
    /// Session request to first screen + one IPC answer, as WebDriver sees it.
    starts_ms: Vec<f64>,
    /// Process start (kernel clock) to first screen + one IPC answer, inside the app.
    spawn_ms: Vec<f64>,
    pss_mib: Vec<f64>,
}

/// How long ago a process started, in ms (kernel clock: /proc/uptime minus the
/// process's start in clock ticks since boot; 10 ms resolution).
fn process_age_ms(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    // Field 22 (starttime) is the 20th after the command name and state.
    let ticks: f64 = after.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let hz = 100.0; // USER_HZ on Linux
    Some((uptime - ticks / hz) * 1000.0)
}

/// In the page: how long ago the first screen was there, and one IPC round trip (ms).
/// Ayah ASI marks `first-screen`; the empty app's screen is in its HTML.
const FIRST_SCREEN_AND_IPC: &str = "const [command, done] = arguments;
    const mark = performance.getEntriesByName('first-screen')[0];
    const shown = mark ? mark.startTime : performance.getEntriesByType('navigation')[0].domInteractive;
    const before = performance.now();
    window.__TAURI_INTERNALS__.invoke(command, {}).then(() =>
        done({ sinceShown: performance.now() - shown, ipc: performance.now() - before }),
        (e) => done({ error: String(e) }));";

/// Children by parent, from /proc/*/stat.
fn children() -> HashMap<u32, Vec<u32>> {
    let mut map: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // The command name may hold spaces: the parent id follows the closing paren.
        let Some(after) = stat.rfind(')').map(|i| &stat[i + 2..]) else {
            continue;
        };
        if let Some(ppid) = after.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
            map.entry(ppid).or_default().push(pid);
        }
    }
    map
}

fn pss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}

/// PSS of the app and all its descendants, in MiB.
fn tree_pss_mib(root: u32) -> f64 {
    let tree = children();
    let mut stack = vec![root];
    let mut total = 0;
    while let Some(pid) = stack.pop() {
        total += pss_kib(pid);
        stack.extend(tree.get(&pid).cloned().unwrap_or_default());
    }
    total as f64 / 1024.0
}

async fn measure(binary: &Path, ipc: &str, runs: usize) -> Result<Figures> {
    let mut figures = Figures {
        starts_ms: Vec::new(),
        spawn_ms: Vec::new(),
        pss_mib: Vec::new(),
    };
    // One data folder for all runs, as on a phone: the warm-up run is the first launch
    // (it creates the database); the measured runs start an installed app.
    let driver = Driver::start_for(binary.to_path_buf(), &[])?;
    for run in 0..=runs {
        let started = Instant::now();
        let app = driver.launch().await?;
        invoke(&app, ipc, json!({}))
            .await?
            .map_err(|e| format!("{ipc} refused: {e}"))?;
        let elapsed = started.elapsed().as_secs_f64() * 1000.0;
        let inside = app
            .client
            .execute_async(FIRST_SCREEN_AND_IPC, vec![json!(ipc)])
            .await?;
        let pid = driver
            .app_pids()
            .first()
            .copied()
            .ok_or("the app is not running")?;
        let age = process_age_ms(pid).ok_or("no process start time")?;
        let since_shown = inside["sinceShown"]
            .as_f64()
            .ok_or("no first-screen time")?;
        let spawn_to_ready = age - since_shown + inside["ipc"].as_f64().unwrap_or(0.0);
        tokio::time::sleep(Duration::from_secs(5)).await;
        let pss: f64 = driver.app_pids().into_iter().map(tree_pss_mib).sum();
        app.close().await?;
        if run > 0 {
            figures.starts_ms.push(elapsed);
            figures.spawn_ms.push(spawn_to_ready);
            figures.pss_mib.push(pss);
        }
        eprintln!(
            "{}: run {run}: {elapsed:.0} ms through WebDriver, {spawn_to_ready:.0} ms from process start, {pss:.0} MiB",
            binary.display()
        );
    }
    Ok(figures)
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

fn spread(values: &[f64]) -> (f64, f64) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (min, max)
}

#[tokio::main]
async fn main() -> Result<()> {
    let runs: usize = std::env::args()
        .skip_while(|a| a != "--runs")
        .nth(1)
        .map(|r| r.parse())
        .transpose()?
        .unwrap_or(10);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // AYAH_ASI_APP / EMPTY_TAURI_APP point at other builds (e.g. copies kept aside).
    let ours: PathBuf = std::env::var_os("AYAH_ASI_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/release/ayah-asi"));
    let empty: PathBuf = std::env::var_os("EMPTY_TAURI_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/release/empty-tauri-app"));
    let app = measure(&ours, "get_app_state", runs).await?;
    let floor = measure(&empty, "ping", runs).await?;

    let (spawn, spawn_floor) = (median(&app.spawn_ms), median(&floor.spawn_ms));
    let (slo, shi) = spread(&app.spawn_ms);
    let (sflo, sfhi) = spread(&floor.spawn_ms);
    let (start, start_floor) = (median(&app.starts_ms), median(&floor.starts_ms));
    let (pss, pss_floor) = (median(&app.pss_mib), median(&floor.pss_mib));
    println!("{runs} runs each after a warm-up; median (min-max)");
    println!(
        "{:<17} {:>24} {:>24} {:>14}",
        "", "process start to ready", "through WebDriver", "idle PSS"
    );
    for (name, f) in [("Ayah ASI", &app), ("empty Tauri app", &floor)] {
        let (lo, hi) = spread(&f.spawn_ms);
        let (wlo, whi) = spread(&f.starts_ms);
        println!(
            "{name:<17} {:>9.0} ms ({lo:>4.0}-{hi:<4.0}) {:>9.0} ms ({wlo:>4.0}-{whi:<4.0}) {:>10.0} MiB",
            median(&f.spawn_ms),
            median(&f.starts_ms),
            median(&f.pss_mib)
        );
    }
    println!(
        "{:<17} {:>12.2} x {:>23.2} x {:>12.2} x",
        "ratio",
        spawn / spawn_floor,
        start / start_floor,
        pss / pss_floor
    );
    let _ = (sflo, sfhi);
    let rows = vec![
        bench::row(
            "start",
            "process start to first screen + IPC, Ayah ASI (ms, median)",
            spawn,
            "ms",
            Some(500.0),
        ),
        bench::row(
            "start",
            "process start to first screen + IPC, empty app (ms, median)",
            spawn_floor,
            "ms",
            None,
        ),
        bench::row(
            "start",
            "start ratio Ayah ASI / empty (process clock)",
            spawn / spawn_floor,
            "x",
            Some(1.3),
        ),
        bench::row(
            "start",
            "start spread Ayah ASI, max - min (ms)",
            shi - slo,
            "ms",
            None,
        ),
        bench::row(
            "start",
            "through WebDriver, Ayah ASI (ms, median)",
            start,
            "ms",
            None,
        ),
        bench::row(
            "start",
            "through WebDriver, empty Tauri app (ms, median)",
            start_floor,
            "ms",
            None,
        ),
        bench::row(
            "start",
            "through WebDriver, ratio",
            start / start_floor,
            "x",
            Some(1.3),
        ),
        bench::row(
            "memory",
            "idle PSS, app + WebKit processes, Ayah ASI (MiB)",
            pss,
            "MiB",
            None,
        ),
        bench::row(
            "memory",
            "idle PSS, empty Tauri app (MiB)",
            pss_floor,
            "MiB",
            None,
        ),
        bench::row(
            "memory",
            "idle PSS ratio Ayah ASI / empty",
            pss / pss_floor,
            "x",
            Some(1.3),
        ),
    ];
    bench::write("startup", &rows)?;
    Ok(())
}
