//! The server as a puskesmas runs it: SIGTERM in the middle of a push lets it finish
//! (applied whole, once) and exit cleanly; the dashboard reads from a streaming replica
//! (made with pg_basebackup -R) and from the primary when the replica is down; a full
//! database disk refuses pushes whole, with the reason, until there is room again.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use ayah_asi_core::bundle::{self, Header};
use ayah_asi_core::sample::{FamilyRecords, family_year, id};
use ayah_asi_e2e::Result;
use ayah_asi_e2e::dashboard::Reader;
use ayah_asi_e2e::server::{PuskesmasServer, as_postgres, psql};
use serde_json::Value;

const PASSWORD: &str = "kata-sandi-panjang";

async fn pair(base: &str, code: &str) -> Result<String> {
    let text = reqwest::Client::new()
        .post(format!("{base}/api/v1/pair"))
        .header("content-type", "application/json")
        .body(serde_json::json!({ "code": code, "appVersion": "0.1.0" }).to_string())
        .send()
        .await?
        .text()
        .await?;
    let answer: Value = serde_json::from_str(&text)?;
    Ok(answer["token"].as_str().ok_or("no token")?.to_owned())
}

async fn push(
    base: &str,
    token: &str,
    push_id: &str,
    bytes: Vec<u8>,
) -> Result<reqwest::StatusCode> {
    Ok(push_answer(base, token, push_id, bytes).await?.0)
}

/// A push's status and the text of its answer.
async fn push_answer(
    base: &str,
    token: &str,
    push_id: &str,
    bytes: Vec<u8>,
) -> Result<(reqwest::StatusCode, String)> {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/v1/push"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/x-ayahasi")
        .header("x-ayah-asi-push-id", push_id)
        .body(bytes)
        .send()
        .await?;
    let status = response.status();
    Ok((status, response.text().await?))
}

/// Twelve families' year in one bundle: a push that takes the server a while.
fn a_big_bundle() -> Vec<u8> {
    let today = chrono::Local::now().date_naive();
    let start = today - chrono::Duration::days(200);
    let (cadre, device) = (id(9, 0, 0), id(10, 0, 0));
    let mut lines = vec![ayah_asi_core::bundle::Line {
        table: "cadre".into(),
        id: cadre.clone(),
        body: Some(ayah_asi_core::sample::body(serde_json::json!({
            "id": cadre, "device_id": device, "created_at": format!("{start}T08:00:00.000+07:00"),
            "updated_at": format!("{start}T08:00:00.000+07:00"), "name": "Bu Rina",
        }))),
        history: Vec::new(),
        deleted: None,
    }];
    let families: Vec<String> = (0..12).map(|f| id(1, f, 0)).collect();
    for f in 0..12 {
        lines.extend(family_year(f, &cadre, &device, start, 200));
    }
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: "test".into(),
        device_id: device,
        family_ids: families,
        created_at: chrono::Local::now().fixed_offset().to_rfc3339(),
        since: None,
        counts: Default::default(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    };
    bundle::write(header, &lines)
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_during_a_push_finishes_it_whole_and_exits_cleanly() -> Result<()> {
    let server = PuskesmasServer::start()?;
    let base = server.address();
    let token = pair(&base, &server.cadre_code()?).await?;
    let bytes = a_big_bundle();
    let expected = String::from_utf8_lossy(&bytes).lines().count() as i64 - 1;
    let push_id = uuid_like();
    let in_flight = tokio::spawn({
        let (base, token, push_id, bytes) =
            (base.clone(), token.clone(), push_id.clone(), bytes.clone());
        async move { push(&base, &token, &push_id, bytes).await }
    });
    // The push is being applied (its records are arriving) when SIGTERM comes.
    let started = Instant::now();
    while server.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'INSERT INTO record%'")? == 0
        && server.count("SELECT count(*) FROM record")? == 0
    {
        if started.elapsed() > Duration::from_secs(20) {
            return Err("the push never reached the database".into());
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let status = server.process().terminate(Duration::from_secs(40))?;
    assert!(status.success(), "the server exits cleanly: {status}");
    let answered = in_flight.await?;
    let records = server.count("SELECT count(*) FROM record")?;
    match answered {
        Ok(code) if code.is_success() => assert_eq!(records, expected, "answered: all applied"),
        _ => assert!(
            records == 0 || records == expected,
            "all or nothing: {records}"
        ),
    }
    // Back up: the same push again is applied once, whatever happened before.
    server.serve()?;
    assert!(push(&base, &token, &push_id, bytes).await?.is_success());
    assert_eq!(server.count("SELECT count(*) FROM record")?, expected);
    assert_eq!(
        server.count("SELECT count(DISTINCT (table_name, id)) FROM record")?,
        expected
    );
    Ok(())
}

fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("0193a1b2-0000-7000-8000-{:012x}", nanos & 0xffff_ffff_ffff)
}

/// A streaming replica of the server's cluster, on its own port and socket folder.
struct Replica {
    dir: tempfile::TempDir,
    port: u16,
}

impl Replica {
    fn new() -> Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("ayah-asi-pg-replica-")
            .tempdir()?;
        Command::new("chown")
            .arg("postgres:postgres")
            .arg(dir.path())
            .status()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        Ok(Self { dir, port })
    }

    fn url(&self) -> String {
        format!(
            "host={} port={} user=postgres dbname=postgres",
            self.dir.path().display(),
            self.port
        )
    }

    /// pg_basebackup -R from the primary, then started as a hot standby.
    fn start(&self, primary: (&Path, u16)) -> Result<()> {
        let data = self.dir.path().join("data");
        as_postgres(
            "pg_basebackup",
            &[
                "-D",
                &data.to_string_lossy(),
                "-R",
                "--checkpoint=fast",
                "-h",
                &primary.0.to_string_lossy(),
                "-p",
                &primary.1.to_string(),
                "-U",
                "postgres",
            ],
        )?;
        let options = format!(
            "-p {} -k {} -c listen_addresses=''",
            self.port,
            self.dir.path().display()
        );
        as_postgres(
            "pg_ctl",
            &[
                "-D",
                &data.to_string_lossy(),
                "-o",
                &options,
                "-l",
                &self.dir.path().join("replica.log").to_string_lossy(),
                "-w",
                "start",
            ],
        )
    }

    fn query(&self, sql: &str) -> Result<String> {
        Ok(psql(self.dir.path(), self.port, sql)?.trim().to_owned())
    }

    fn stop(&self) {
        let data = self.dir.path().join("data");
        if !data.join("postmaster.pid").exists() {
            return;
        }
        let _ = as_postgres(
            "pg_ctl",
            &[
                "-D",
                &data.to_string_lossy(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The families page's count line ("N keluarga"), read from the dashboard.
async fn families_shown(reader: &Reader) -> Result<String> {
    let (_, page) = reader.time("/families").await?;
    let count = page
        .split("id=\"family-count\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default();
    Ok(count.to_owned())
}

async fn eventually_shows(reader: &Reader, expected: &str) -> Result<()> {
    let started = Instant::now();
    loop {
        let shown = families_shown(reader).await?;
        if shown == expected {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(20) {
            return Err(format!("the dashboard shows {shown:?}, expected {expected:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_reads_from_the_replica_and_from_the_primary_when_it_is_down() -> Result<()> {
    let replica = Replica::new()?;
    let server = PuskesmasServer::start_with(&[("AYAH_ASI_REPLICA_URL", &replica.url())])?;
    let base = server.address();
    server.add_account("staf", "puskesmas", "Staf", None, PASSWORD)?;
    let token = pair(&base, &server.cadre_code()?).await?;
    let first = FamilyRecords::enrolled("Budi", "Siti", 10);
    assert!(
        push(&base, &token, &uuid_like(), first.bundle())
            .await?
            .is_success()
    );
    replica.start(server.postgres_socket())?;
    let reader = Reader::log_in(&base, "staf", PASSWORD).await?;
    eventually_shows(&reader, "1 keluarga").await?;

    // With the replica's replay paused, a family pushed to the primary is not on the
    // dashboard: it reads from the replica.
    replica.query("SELECT pg_wal_replay_pause()")?;
    let second = FamilyRecords::enrolled("Agus", "Dewi", 5);
    assert!(
        push(&base, &token, &uuid_like(), second.bundle())
            .await?
            .is_success()
    );
    assert_eq!(
        server.count("SELECT count(*) FROM record WHERE table_name = 'family'")?,
        2
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        families_shown(&reader).await?,
        "1 keluarga",
        "read from the paused replica"
    );
    replica.query("SELECT pg_wal_replay_resume()")?;
    eventually_shows(&reader, "2 keluarga").await?;

    // The replica down: the dashboard answers from the primary.
    replica.stop();
    let third = FamilyRecords::enrolled("Joko", "Rina", 3);
    assert!(
        push(&base, &token, &uuid_like(), third.bundle())
            .await?
            .is_success()
    );
    eventually_shows(&reader, "3 keluarga").await?;
    Ok(())
}

/// Pushes `bytes` under one push id until the server takes it, as the app retries.
async fn push_until_taken(base: &str, token: &str, bytes: Vec<u8>) -> Result<u32> {
    let push_id = uuid_like();
    let started = Instant::now();
    let mut attempts = 0;
    loop {
        attempts += 1;
        match push(base, token, &push_id, bytes.clone()).await {
            Ok(status) if status.is_success() => return Ok(attempts),
            _ if started.elapsed() > Duration::from_secs(60) => {
                return Err("a push was never taken".into());
            }
            _ => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn postgresql_killed_in_a_sync_burst_loses_and_doubles_nothing() -> Result<()> {
    const CADRES: usize = 12;
    // Every phone pairs from this one address within the minute.
    let server = PuskesmasServer::start_with(&[("AYAH_ASI_PAIRING_PER_MINUTE", "100")])?;
    let base = server.address();
    let mut tokens = Vec::new();
    for c in 1..=CADRES {
        if c > 1 {
            server.cli(&["cadre", "add", "1", &format!("Kader {c}")])?;
        }
        let code = server
            .cli(&["pairing-code", &c.to_string()])?
            .split_whitespace()
            .next()
            .ok_or("no code")?
            .to_owned();
        tokens.push(pair(&base, &code).await?);
    }
    // Each cadre's phone sends a family with four months of sessions, all at once.
    let bundles: Vec<(Vec<u8>, i64)> = (0..CADRES)
        .map(|c| {
            let mut family = FamilyRecords::enrolled(&format!("Ayah {c}"), "Ibu", 120);
            for day in 0..120 {
                let session = family.session(day, None);
                family.rating(&session, day, 4, (2, 1));
            }
            let bytes = family.bundle();
            let lines = String::from_utf8_lossy(&bytes).lines().count() as i64 - 1;
            (bytes, lines)
        })
        .collect();
    let expected: i64 = bundles.iter().map(|(_, n)| n).sum();
    let mut burst = tokio::task::JoinSet::new();
    for (token, (bytes, _)) in tokens.iter().zip(&bundles) {
        let (base, token, bytes) = (base.clone(), token.clone(), bytes.clone());
        burst.spawn(async move { push_until_taken(&base, &token, bytes).await });
    }
    // PostgreSQL dies while the pushes arrive, and comes back a second later.
    server.crash_postgres()?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    server.start_postgres()?;
    let mut retried = 0;
    while let Some(done) = burst.join_next().await {
        retried += u32::from(done?? > 1);
    }
    let records = server.count("SELECT count(*) FROM record")?;
    let distinct = server.count("SELECT count(DISTINCT (table_name, id)) FROM record")?;
    assert_eq!(records, distinct, "nothing doubled");
    assert_eq!(records, expected, "nothing lost");
    assert!(retried > 0, "some pushes met the crash and were sent again");
    Ok(())
}

/// A family enrolled a month ago, with a few sessions and their ratings.
fn a_few_sessions(sessions: i64) -> Vec<u8> {
    let mut family = FamilyRecords::enrolled("Budi", "Siti", 30);
    for day in 1..=sessions {
        let session = family.session(day, None);
        family.rating(&session, day, 5, (2, 0));
    }
    family.bundle()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_database_disk_refuses_pushes_whole_and_sync_resumes_when_there_is_room()
-> Result<()> {
    let server = PuskesmasServer::start_on_small_disk(160)?;
    let base = server.address();
    let token = pair(&base, &server.cadre_code()?).await?;
    assert!(
        push(&base, &token, &uuid_like(), a_few_sessions(3))
            .await?
            .is_success()
    );
    // WAL goes on in a fresh segment, made before the disk fills: the full disk meets
    // the records' own files, as it would on a puskesmas's disk.
    server.query("CHECKPOINT; SELECT pg_switch_wal(); CHECKPOINT;")?;
    let before = (
        server.count("SELECT count(*) FROM record")?,
        server.count("SELECT count(*) FROM push")?,
    );
    let filled = server.fill_disk()?;
    assert!(filled > 0);

    // A cadre's week: refused with the reason, nothing of it written.
    let week = a_big_bundle();
    let push_id = uuid_like();
    let (status, answer) = push_answer(&base, &token, &push_id, week.clone()).await?;
    assert_eq!(status.as_u16(), 507, "{answer}");
    let answer: Value = serde_json::from_str(&answer)?;
    assert_eq!(answer["code"], "error-server-storage-full", "{answer}");
    let after = (
        server.count("SELECT count(*) FROM record")?,
        server.count("SELECT count(*) FROM push")?,
    );
    assert_eq!(after, before, "nothing half-written");
    // The server and the dashboard's reads go on; the log says what is wrong.
    let health = reqwest::get(format!("{base}/healthz")).await?;
    assert!(health.status().is_success());
    assert!(server.log()?.contains("disk is full"));

    // Room again: the same push goes through, once.
    server.free_disk()?;
    let (status, answer) = push_answer(&base, &token, &push_id, week.clone()).await?;
    assert!(status.is_success(), "{answer}");
    let expected = String::from_utf8_lossy(&week).lines().count() as i64 - 1;
    assert_eq!(
        server.count("SELECT count(*) FROM record")?,
        before.0 + expected
    );
    let (_, again) = push_answer(&base, &token, &push_id, week).await?;
    assert_eq!(again, answer, "a retry gets the same tally");
    assert_eq!(
        server.count("SELECT count(*) FROM record")?,
        before.0 + expected
    );
    Ok(())
}
