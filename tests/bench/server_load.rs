//! The puskesmas server under a cadre's day and under many cadres at once, measured at
//! the client on loopback against the real server binary and a throwaway PostgreSQL.
//! Figures with their budgets go to target/bench/server.json; nothing is asserted
//! except that no record was lost or doubled.
//!
//! Each cadre has 30 families (enrolled by a first push, not timed). "A cadre's day" is
//! one push of 60 sessions, 60 ratings and 2 visits (10 daftar tilik scores each).

use std::sync::Arc;
use std::sync::atomic::AtomicI64;
use std::sync::atomic::Ordering::Relaxed;
use std::time::{Duration, Instant};

use ayah_asi_core::sync::wire;
use ayah_asi_e2e::Result;
use ayah_asi_e2e::bench::{row, rss_mb, write};
use ayah_asi_e2e::server::PuskesmasServer;
use serde_json::Value;

#[path = "server_load/measure.rs"]
mod measure;
#[path = "server_load/records.rs"]
mod records;
#[path = "server_load/slow.rs"]
mod slow;

use measure::{burst, percentile};
use records::{FAMILIES, day, enrolment, enrolment_of, seed_lines};

struct Cadre {
    token: String,
    /// Where her phone's pulls stand (a phone pulls from its cursor and keeps the
    /// one the server answers).
    cursor: AtomicI64,
}

/// A phone paired for cadre `c` (0-based) with a code from the command line, as a
/// puskesmas makes them: its token.
async fn paired_phone(
    server: &PuskesmasServer,
    http: &reqwest::Client,
    c: usize,
) -> Result<String> {
    let code = server
        .cli(&["pairing-code", &(c + 1).to_string()])?
        .split_whitespace()
        .next()
        .ok_or("no code")?
        .to_owned();
    pair(http, &server.address(), &code).await
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
    // Every cadre pairs and connects from this one address, within a minute and at once.
    let server = PuskesmasServer::start_with(&[
        ("AYAH_ASI_PAIRING_PER_MINUTE", "10000"),
        ("AYAH_ASI_CONNECTIONS_PER_ADDRESS", "10000"),
    ])?;
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
        list.push(Cadre {
            token: paired_phone(&server, &http, c).await?,
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

    // One more burst beside phones on 2G lines: each uploads two families' records
    // (about 20 KB, 10 s) at 2 KB/s, again and again, from before the burst until well
    // after it.
    let slow_count = if quick { 10 } else { 50 };
    let mut slow_phones = Vec::new();
    for p in 0..slow_count {
        let c = cadres + p;
        server.cli(&["cadre", "add", "1", &format!("Kader di jalur 2G {p}")])?;
        slow_phones.push((
            paired_phone(&server, &http, c).await?,
            enrolment_of(c, 2, &seed),
        ));
    }
    let slow_started = Instant::now();
    let address: std::net::SocketAddr = base.trim_start_matches("http://").parse()?;
    let slow = slow::SlowPhones::start(address, slow_phones, 2048);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let bundles: Vec<Vec<u8>> = (0..cadres).map(|c| day(c, 2 + bursts, &seed)).collect();
    let beside = burst(&http, &base, &list, bundles, spread, pid).await;
    println!(
        "burst beside {slow_count} slow phones: p99 {:.0} ms",
        beside.p99
    );
    if let Some(rest) = Duration::from_secs(45).checked_sub(slow_started.elapsed()) {
        tokio::time::sleep(rest).await;
    }
    let slow_rss = rss_mb(pid);
    let slow_outcome = slow.stop().await;

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
        row(
            "server",
            &format!(
                "{cadres} cadres {when} beside {slow_count} phones at 2 KB/s: push + pull, p99 (ms)"
            ),
            beside.p99,
            "ms",
            Some(1000.0),
        ),
        row(
            "server",
            &format!("failed syncs in the burst beside {slow_count} slow phones"),
            f64::from(beside.failures),
            "",
            Some(0.0),
        ),
        row(
            "server",
            &format!("slow phones' pushes answered in 45 s ({slow_count} at 2 KB/s)"),
            f64::from(slow_outcome.answered),
            "",
            None,
        ),
        row(
            "server",
            "slow phones' pushes refused or broken",
            f64::from(slow_outcome.refused),
            "",
            Some(0.0),
        ),
        row(
            "server",
            &format!("RSS with {slow_count} slow phones uploading (MB)"),
            slow_rss,
            "MB",
            Some(300.0),
        ),
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
