//! The puskesmas server under a cadre's day and under many cadres at once, measured at
//! the client on loopback against the real server binary and a throwaway PostgreSQL.
//! Figures with their budgets go to target/bench/server.json; nothing is asserted
//! except that no record was lost or doubled.
//!
//! Each cadre has 30 families (enrolled by a first push, not timed). "A cadre's day" is
//! one push of 60 sessions, 60 ratings and 2 visits (10 daftar tilik scores each).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::AtomicI64;
use std::sync::atomic::Ordering::Relaxed;
use std::time::{Duration, Instant};

use ayah_asi_core::bundle::{self, Header, Line};
use ayah_asi_core::sync::wire;
use ayah_asi_e2e::Result;
use ayah_asi_e2e::bench::{row, rss_mb, write};
use ayah_asi_e2e::server::PuskesmasServer;
use serde_json::Value;

const SEED: &str = include_str!("../../fuzz/corpus/bundle/seed-whole-file");
const FAMILIES: usize = 30;

/// A deterministic id for `original` within `scope` (a cadre, a family, a day), shaped
/// as the app makes them (UUID v7: milliseconds first), made on `day`: a day's records
/// sort after the day before, as a phone's do.
fn id_for(original: &str, scope: &[usize], day: usize) -> String {
    // FNV-1a over the scope and the original id: stable across runs, no collisions
    // at these counts.
    let mut hash: u128 = 0x6c62272e07bb014262b821756295c58d;
    for byte in scope
        .iter()
        .flat_map(|n| n.to_le_bytes())
        .chain(original.bytes())
    {
        hash ^= u128::from(byte);
        hash = hash.wrapping_mul(0x0000000001000000000000000000013B);
    }
    // 2026-12-01 00:00 UTC, then a time within the day from the hash.
    const FIRST_DAY_MS: u64 = 1_796_083_200_000;
    const DAY_MS: u64 = 86_400_000;
    let millis = FIRST_DAY_MS + day as u64 * DAY_MS + (hash >> 64) as u64 % DAY_MS;
    let hex = format!("{millis:012x}{:020x}", hash & ((1 << 80) - 1));
    format!(
        "{}-{}-7{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// The seed's lines, tombstones left out.
fn seed_lines() -> Vec<Line> {
    SEED.lines()
        .skip(1)
        .filter_map(|l| serde_json::from_str::<Line>(l).ok())
        .filter(|l| l.deleted.is_none())
        .collect()
}

/// A copy of `line` with its ids moved into cadre `c`'s family `f` on day `d`.
fn moved(line: &Line, c: usize, f: usize, d: usize) -> Line {
    let map = |key: &str, value: &str| -> String {
        let is_family = key == "family_id" || (key == "id" && line.table == "family");
        let is_cadre =
            key == "cadre_id" || key == "device_id" || (key == "id" && line.table == "cadre");
        if is_family {
            id_for(value, &[c, f], 0)
        } else if is_cadre {
            id_for(value, &[c], 0)
        } else {
            id_for(value, &[c, f, d], d)
        }
    };
    let uuid_like = |v: &str| v.len() == 36 && v.chars().filter(|ch| *ch == '-').count() == 4;
    let mut body = line.body.clone().unwrap_or_default();
    for (key, value) in body.iter_mut() {
        if let Value::String(text) = value
            && uuid_like(text)
        {
            *text = map(key, text);
        }
    }
    Line {
        table: line.table.clone(),
        id: map("id", &line.id),
        body: Some(body),
        history: Vec::new(),
        deleted: None,
    }
}

fn bundle_of(c: usize, lines: Vec<Line>) -> Vec<u8> {
    let mut families: Vec<String> = lines
        .iter()
        .filter(|l| l.table == "family")
        .map(|l| l.id.clone())
        .collect();
    for line in &lines {
        if let Some(Value::String(f)) = line.body.as_ref().and_then(|b| b.get("family_id"))
            && !families.contains(f)
        {
            families.push(f.clone());
        }
    }
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: "bench".into(),
        device_id: id_for("device", &[c], 0),
        family_ids: families,
        created_at: ayah_asi_core::record::format_time(chrono::Local::now().fixed_offset()),
        since: None,
        counts: BTreeMap::new(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    };
    bundle::write(header, &lines)
}

/// Cadre `c`'s 30 families with everything the seed holds for one.
fn enrolment(c: usize, seed: &[Line]) -> Vec<u8> {
    let lines = (0..FAMILIES)
        .flat_map(|f| seed.iter().map(move |l| moved(l, c, f, 0)))
        .fold(Vec::<Line>::new(), |mut all, l| {
            // The cadre comes once.
            if l.table != "cadre" || !all.iter().any(|a| a.id == l.id) {
                all.push(l);
            }
            all
        });
    bundle_of(c, lines)
}

/// Cadre `c`'s day `d`: two sessions and their ratings per family, two visits.
fn day(c: usize, d: usize, seed: &[Line]) -> Vec<u8> {
    let mut lines = Vec::new();
    for f in 0..FAMILIES {
        for line in seed
            .iter()
            .filter(|l| l.table == "massage_session" || l.table == "session_rating")
        {
            lines.push(moved(line, c, f, d));
        }
    }
    if let Some(cadre) = seed.iter().find(|l| l.table == "cadre") {
        lines.insert(0, moved(cadre, c, 0, d));
    }
    for f in 0..2 {
        for line in seed
            .iter()
            .filter(|l| l.table == "home_visit" || l.table == "visit_score")
        {
            lines.push(moved(line, c, f, d));
        }
    }
    bundle_of(c, lines)
}

struct Cadre {
    token: String,
    /// Where her phone's pulls stand (a phone pulls from its cursor and keeps the
    /// one the server answers).
    cursor: AtomicI64,
}

async fn pair(http: &reqwest::Client, base: &str, code: &str) -> Result<String> {
    let body = serde_json::json!({"code": code, "appVersion": "bench"}).to_string();
    let answer: Value = serde_json::from_slice(
        &http
            .post(format!("{base}{}", wire::PAIR_PATH))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await?
            .bytes()
            .await?,
    )?;
    Ok(answer["token"].as_str().ok_or("no token")?.to_owned())
}

async fn push(http: &reqwest::Client, base: &str, token: &str, bytes: Vec<u8>) -> Result<Duration> {
    let id = ayah_asi_core::record::new_id();
    let started = Instant::now();
    let response = http
        .post(format!("{base}{}", wire::PUSH_PATH))
        .bearer_auth(token)
        .header("content-type", wire::BUNDLE_TYPE)
        .header(wire::PUSH_ID_HEADER, id)
        .body(bytes)
        .send()
        .await?;
    let status = response.status();
    let _ = response.bytes().await?;
    if !status.is_success() {
        return Err(format!("push refused: {status}").into());
    }
    Ok(started.elapsed())
}

/// Pulls everything new; the time of the last (empty) pull and the cursor.
async fn pull(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    cursor: i64,
) -> Result<(Duration, i64)> {
    let started = Instant::now();
    let response = http
        .get(format!("{base}{}?cursor={cursor}", wire::PULL_PATH))
        .bearer_auth(token)
        .send()
        .await?;
    let next = response
        .headers()
        .get(wire::CURSOR_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(cursor);
    let _ = response.bytes().await?;
    Ok((started.elapsed(), next))
}

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let at = ((times.len() as f64 - 1.0) * p).round() as usize;
    times.get(at).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// CPU seconds (user + system) used so far by the server and by PostgreSQL's processes.
fn cpu_seconds(server: u32) -> (f64, f64) {
    let ticks = |pid: &str| -> f64 {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| {
                // Fields after the command name, which is in parentheses.
                let after = s
                    .rsplit_once(") ")?
                    .1
                    .split_whitespace()
                    .collect::<Vec<_>>();
                Some(after.get(11)?.parse::<f64>().ok()? + after.get(12)?.parse::<f64>().ok()?)
            })
            .unwrap_or(0.0)
    };
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
fn own_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after = s
                .rsplit_once(") ")?
                .1
                .split_whitespace()
                .collect::<Vec<_>>();
            Some(after.get(11)?.parse::<f64>().ok()? + after.get(12)?.parse::<f64>().ok()?)
        })
        .map_or(0.0, |ticks| ticks / 100.0)
}

/// One burst's figures, measured at the client and from /proc.
struct Burst {
    p99: f64,
    p50: f64,
    seconds: f64,
    server_cpu: f64,
    postgres_cpu: f64,
    generator_cpu: f64,
    failures: u32,
}

/// Every cadre pushes her bundle and then pulls, all at once or spread evenly over
/// `spread`.
async fn burst(
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

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<()> {
    let quick = std::env::args().any(|a| a == "--quick");
    let number = |flag: &str| {
        std::env::args()
            .skip_while(|a| a != flag)
            .nth(1)
            .and_then(|n| n.parse::<usize>().ok())
    };
    // `--cadres N`: how many; `--spread S`: their syncs start evenly over S seconds (a
    // district's morning) instead of all at once.
    let cadres: usize = number("--cadres").unwrap_or(if quick { 40 } else { 200 });
    let spread = Duration::from_secs(number("--spread").unwrap_or(0) as u64);
    let when = if spread.is_zero() {
        "at once".to_owned()
    } else {
        format!("within {} s", spread.as_secs())
    };
    let seed = seed_lines();
    // Every cadre pairs from this one address within a minute.
    let server = PuskesmasServer::start_with(&[("AYAH_ASI_PAIRING_PER_MINUTE", "10000")])?;
    let base = server.address();
    let pid = server.process().pid().ok_or("no server process")?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let idle_rss = rss_mb(pid);
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(cadres)
        .build()?;

    // Cadres and their phones (the command line makes the codes, as a puskesmas would).
    let mut list = Vec::new();
    for c in 0..cadres {
        if c > 0 {
            server.cli(&["cadre", "add", "1", &format!("Kader {c}")])?;
        }
        let code = server
            .cli(&["pairing-code", &(c + 1).to_string()])?
            .split_whitespace()
            .next()
            .ok_or("no code")?
            .to_owned();
        list.push(Cadre {
            token: pair(&http, &base, &code).await?,
            cursor: AtomicI64::new(0),
        });
    }
    for (c, cadre) in list.iter_mut().enumerate() {
        push(&http, &base, &cadre.token, enrolment(c, &seed)).await?;
        cadre
            .cursor
            .store(pull(&http, &base, &cadre.token, 0).await?.1, Relaxed);
    }
    let list = Arc::new(list);

    // One cadre's day at a time.
    let sample = 20.min(cadres);
    let mut day_times = Vec::new();
    for (c, cadre) in list.iter().take(sample).enumerate() {
        day_times.push(push(&http, &base, &cadre.token, day(c, 1, &seed)).await?);
    }
    // A pull with nothing new.
    let (_, cursor) = pull(&http, &base, &list[0].token, 0).await?;
    let mut empty_times = Vec::new();
    for _ in 0..200 {
        empty_times.push(pull(&http, &base, &list[0].token, cursor).await?.0);
    }

    // Every cadre at once: a day's push, then a pull; `--bursts N` times (3 unless
    // set, 1 when spread), a new day each, a few seconds apart. This machine's speed
    // varies from minute to minute: the median burst is the figure, the worst beside it.
    let bursts = number("--bursts").unwrap_or(if spread.is_zero() { 3 } else { 1 });
    let mut measured = Vec::new();
    for b in 0..bursts {
        if b > 0 {
            tokio::time::sleep(Duration::from_secs(3)).await;
        }
        let bundles: Vec<Vec<u8>> = (0..cadres).map(|c| day(c, 2 + b, &seed)).collect();
        let figures = burst(&http, &base, &list, bundles, spread, pid).await;
        println!("burst {}: p99 {:.0} ms", b + 1, figures.p99);
        measured.push(figures);
    }
    let loaded_rss = rss_mb(pid);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let of_bursts = if bursts > 1 {
        format!(", median of {bursts}")
    } else {
        String::new()
    };
    measured.sort_by(|a, b| a.p99.total_cmp(&b.p99));
    let median = measured.get(measured.len() / 2).ok_or("no burst")?;
    let worst_p99 = measured.last().map_or(median.p99, |m| m.p99);
    let failures: u32 = measured.iter().map(|m| m.failures).sum();

    // Nothing lost, nothing doubled: every session sent is there once.
    let sessions_sent = (cadres * FAMILIES * 2) * (1 + bursts) + (sample * FAMILIES * 2);
    let sessions_there =
        server.count("SELECT count(*) FROM record WHERE table_name = 'massage_session'")?;
    let distinct = server
        .count("SELECT count(DISTINCT id) FROM record WHERE table_name = 'massage_session'")?;
    let lost = sessions_sent as i64 - distinct;
    let doubled = sessions_there - distinct;
    let (server_cpu, postgres_cpu) = (median.server_cpu, median.postgres_cpu);

    let mut rows = vec![
        row(
            "server",
            "push of a cadre's day, p50 (ms)",
            percentile(&mut day_times.clone(), 0.5),
            "ms",
            Some(50.0),
        ),
        row(
            "server",
            "push of a cadre's day, p99 (ms)",
            percentile(&mut day_times, 0.99),
            "ms",
            None,
        ),
        row(
            "server",
            "pull with nothing new, p50 (ms)",
            percentile(&mut empty_times.clone(), 0.5),
            "ms",
            Some(5.0),
        ),
        row(
            "server",
            "pull with nothing new, p99 (ms)",
            percentile(&mut empty_times, 0.99),
            "ms",
            None,
        ),
        row(
            "server",
            &format!("{cadres} cadres {when}: push + pull, p99 (ms){of_bursts}"),
            median.p99,
            "ms",
            Some(1000.0),
        ),
        row(
            "server",
            &format!("{cadres} cadres {when}: push + pull, p99 (ms), worst of {bursts}"),
            worst_p99,
            "ms",
            None,
        ),
        row(
            "server",
            &format!("{cadres} cadres {when}: push + pull, p50 (ms)"),
            median.p50,
            "ms",
            None,
        ),
        row("server", "the whole burst (s)", median.seconds, "s", None),
        row(
            "server",
            "server CPU in the burst (s)",
            server_cpu,
            "s",
            None,
        ),
        row(
            "server",
            "PostgreSQL CPU in the burst (s)",
            postgres_cpu,
            "s",
            None,
        ),
        row(
            "server",
            "load generator CPU in the burst (s)",
            median.generator_cpu,
            "s",
            None,
        ),
        row(
            "server",
            "pushes (with a pull) per second per core",
            cadres as f64 / median.seconds / cores,
            "/s",
            None,
        ),
        row(
            "server",
            "pushes (with a pull) per CPU second, server and PostgreSQL",
            cadres as f64 / (server_cpu + postgres_cpu).max(f64::EPSILON),
            "/s",
            None,
        ),
        row(
            "server",
            "failed syncs in the bursts",
            f64::from(failures),
            "",
            Some(0.0),
        ),
        row("server", "sessions lost", lost as f64, "", Some(0.0)),
        row("server", "sessions doubled", doubled as f64, "", Some(0.0)),
        row("server", "idle RSS (MB)", idle_rss, "MB", Some(50.0)),
        row("server", "RSS after the burst (MB)", loaded_rss, "MB", None),
    ];
    if bursts == 1 {
        rows.retain(|r| !r["what"].as_str().unwrap_or("").contains("worst of"));
    }
    for r in &rows {
        println!(
            "{} = {:.2} {} (budget {})",
            r["what"],
            r["value"].as_f64().unwrap_or(0.0),
            r["unit"].as_str().unwrap_or(""),
            r["budget"]
        );
    }
    let name = if spread.is_zero() {
        "server"
    } else {
        "server-spread"
    };
    let path = write(name, &rows)?;
    println!("written to {}", path.display());

    Ok(())
}
