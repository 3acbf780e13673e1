//! What a burst of syncs costs, measured at the client and from /proc.

use std::sync::Arc;
use std::sync::atomic::Ordering::Relaxed;
use std::time::{Duration, Instant};

use super::{Cadre, pull, push};

pub fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let at = ((times.len() as f64 - 1.0) * p).round() as usize;
    times.get(at).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// Clock ticks (user + system) a process used, from its `/proc/PID/stat` (the fields
/// after the command name, which is in parentheses).
fn ticks_of(stat: &str) -> Option<f64> {
    let after = stat
        .rsplit_once(") ")?
        .1
        .split_whitespace()
        .collect::<Vec<_>>();
    Some(after.get(11)?.parse::<f64>().ok()? + after.get(12)?.parse::<f64>().ok()?)
}

fn ticks(pid: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| ticks_of(&s))
        .unwrap_or(0.0)
}

/// CPU seconds (user + system) used so far by the server and by PostgreSQL's processes.
pub fn cpu_seconds(server: u32) -> (f64, f64) {
    let mut postgres = 0.0;
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        let comm = std::fs::read_to_string(entry.path().join("comm")).unwrap_or_default();
        if comm.trim() == "postgres" {
            postgres += ticks(&pid);
        }
    }
    // Linux counts in clock ticks of 1/100 s.
    (ticks(&server.to_string()) / 100.0, postgres / 100.0)
}

/// CPU seconds this process (the load generator) has used so far.
pub fn own_cpu_seconds() -> f64 {
    ticks("self") / 100.0
}

/// One burst's figures, measured at the client and from /proc.
pub struct Burst {
    pub p99: f64,
    pub p50: f64,
    pub seconds: f64,
    pub server_cpu: f64,
    pub postgres_cpu: f64,
    pub generator_cpu: f64,
    pub failures: u32,
}

/// Every cadre pushes her bundle and then pulls, all at once or spread evenly over
/// `spread`.
pub async fn burst(
    http: &reqwest::Client,
    base: &str,
    list: &Arc<Vec<Cadre>>,
    bundles: Vec<Vec<u8>>,
    spread: Duration,
    server: u32,
) -> Burst {
    let cadres = bundles.len();
    let cpu_before = cpu_seconds(server);
    let generator_before = own_cpu_seconds();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for (c, bytes) in bundles.into_iter().enumerate() {
        let (http, base, list) = (http.clone(), base.to_owned(), Arc::clone(list));
        let delay = spread.mul_f64(c as f64 / cadres as f64);
        tasks.spawn(async move {
            tokio::time::sleep(delay).await;
            let t = Instant::now();
            push(&http, &base, &list[c].token, bytes).await?;
            let cadre = &list[c];
            let (_, next) = pull(&http, &base, &cadre.token, cadre.cursor.load(Relaxed)).await?;
            cadre.cursor.store(next, Relaxed);
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(t.elapsed())
        });
    }
    let mut times = Vec::new();
    let mut failures = 0;
    while let Some(done) = tasks.join_next().await {
        match done {
            Ok(Ok(time)) => times.push(time),
            _ => failures += 1,
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu_after = cpu_seconds(server);
    Burst {
        p99: percentile(&mut times, 0.99),
        p50: percentile(&mut times, 0.5),
        seconds,
        server_cpu: cpu_after.0 - cpu_before.0,
        postgres_cpu: cpu_after.1 - cpu_before.1,
        generator_cpu: own_cpu_seconds() - generator_before,
        failures,
    }
}
