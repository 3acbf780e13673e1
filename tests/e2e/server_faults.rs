//! Sync when things break, with the real app, server and PostgreSQL: the server killed
//! after applying a push but before its answer reached the phone (the app tries again
//! and every record is on the server exactly once), and the app killed while a pull is
//! on its way (nothing half-applied; the next sync, by itself after unlocking cadre
//! mode, brings everything exactly once); and a cadre's six months sent over a 2G line
//! that drops now and then (it arrives whole, once, and the status shows how far it got).

use std::time::Duration;

use ayah_asi_core::bundle::{self, Header};
use ayah_asi_core::sample::{family_year, id};
use ayah_asi_e2e::flows::{apply_received, give_session_rated, open_cadre_mode, preview_on_cadre};
use ayah_asi_e2e::proxy::{Fault, Proxy};
use ayah_asi_e2e::server::PuskesmasServer;
use ayah_asi_e2e::throttle::Throttle;
use ayah_asi_e2e::two_phones::{
    TwoPhones, count, pair, pair_family_phone, sync_now, two_phones_with,
};
use ayah_asi_e2e::{Driver, Result, eventually};

#[tokio::test(flavor = "multi_thread")]
async fn a_push_whose_answer_is_lost_when_the_server_dies_lands_exactly_once() -> Result<()> {
    let server = PuskesmasServer::start()?;
    let (killer, restarter) = (server.process(), server.process());
    // The cadre's first push, through the proxy: applied, then the server dies before
    // answering, and comes back a moment later.
    let proxy = Proxy::start(
        server.process().port(),
        b"POST /api/v1/push",
        Fault::KillServerAfterAnswer {
            kill: Box::new(move || killer.kill()),
            restart: Box::new(move || {
                let _ = restarter.serve();
            }),
        },
    )?;
    proxy.arm();
    let TwoPhones { server, tablet, .. } = two_phones_with(server, &proxy.address(), &[]).await?;
    proxy.caught(Duration::from_secs(5)).await?;
    // The app's own retry sent the same push again and heard the first answer.
    assert_eq!(
        server.count("SELECT count(*) FROM push")?,
        1,
        "one push, applied once"
    );
    for (table, on_phone) in [
        ("family", "SELECT count(*) FROM family"),
        ("consent", "SELECT count(*) FROM consent"),
        ("massage_plan", "SELECT count(*) FROM massage_plan"),
    ] {
        let here = count(&tablet.database(), on_phone)?;
        let there = server.count(&format!(
            "SELECT count(*) FROM record WHERE table_name = '{table}'"
        ))?;
        assert_eq!((table, there), (table, here), "every record once");
    }
    let state: (Option<String>, Option<String>) = ayah_asi_e2e::open_database(&tablet.database())?
        .query_row(
            "SELECT pending_push_id, last_failure FROM server_sync",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
    assert_eq!(state, (None, None), "acknowledged, and the sync succeeded");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_app_killed_while_a_pull_arrives_applies_nothing_half_and_catches_up() -> Result<()> {
    let server = PuskesmasServer::start()?;
    // The cadre reaches the server through a proxy that will hold a pull's answer.
    let proxy = Proxy::start(
        server.process().port(),
        b"GET /api/v1/pull",
        Fault::HoldAnswer,
    )?;
    // Bound, not left to `..`: a driver dropped stops its app.
    let TwoPhones {
        server,
        phone: _phone,
        father,
        tablet,
        cadre,
        ..
    } = two_phones_with(server, &proxy.address(), &[]).await?;
    pair_family_phone(&cadre, &father, &server.address()).await?;
    give_session_rated(&father, Some((5, "drips"))).await?;
    sync_now(&father).await?;

    let cursor_before: i64 = ayah_asi_e2e::open_database(&tablet.database())?.query_row(
        "SELECT pull_cursor FROM server_sync",
        [],
        |r| r.get(0),
    )?;
    proxy.arm();
    cadre.click("#server-sync").await?;
    proxy.caught(Duration::from_secs(15)).await?;
    let killed = tablet.kill_app()?;
    assert_eq!(killed, 1);
    drop(cadre);
    proxy.release();
    let db = tablet.database();
    assert_eq!(
        count(&db, "SELECT count(*) FROM massage_session")?,
        0,
        "nothing of the pull was applied"
    );
    let cursor_after: i64 = ayah_asi_e2e::open_database(&db)?.query_row(
        "SELECT pull_cursor FROM server_sync",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(cursor_after, cursor_before, "the cursor did not move");

    // Restarted and unlocked: the sync that unlocking starts brings everything, once.
    let cadre = tablet.launch().await?;
    cadre.click("#cadre-entry").await?;
    cadre.type_into("#cadre-pin", "246810").await?;
    cadre.click("#cadre-unlock").await?;
    cadre.wait_for("#families-title").await?;
    eventually("the session and its rating arrive", || {
        Ok(count(&db, "SELECT count(*) FROM massage_session")? == 1
            && count(&db, "SELECT count(*) FROM session_rating")? == 1)
    })
    .await?;
    let cursor_now: i64 = ayah_asi_e2e::open_database(&db)?.query_row(
        "SELECT pull_cursor FROM server_sync",
        [],
        |r| r.get(0),
    )?;
    assert!(cursor_now > cursor_before);
    Ok(())
}

/// Six months of `families` families, as their phones' file brings them to the cadre
/// (sessions twice a day, ratings, milk, tests; the cadre's own visits are her phone's).
fn six_months(families: usize) -> Vec<u8> {
    let device = id(9, 0, 1);
    let start = chrono::Local::now().date_naive() - chrono::Duration::days(182);
    let mut lines = Vec::new();
    for f in 0..families {
        lines.extend(
            family_year(f, &id(9, 0, 2), &device, start, 180)
                .into_iter()
                .filter(|l| l.table != "home_visit" && l.table != "visit_score"),
        );
    }
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: "0.1.0".into(),
        device_id: device,
        family_ids: (0..families).map(|f| id(1, f, 0)).collect(),
        created_at: chrono::Local::now().fixed_offset().to_rfc3339(),
        since: None,
        counts: Default::default(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    };
    bundle::write(header, &lines)
}

/// The kilobytes sent in "Mengirim catatan: 12 dari 60 KB…".
fn sent_kb(line: &str) -> Option<(u64, u64)> {
    let rest = line.strip_prefix("Mengirim catatan: ")?;
    let (done, rest) = rest.split_once(" dari ")?;
    let total = rest.split_whitespace().next()?;
    Some((
        done.replace('.', "").parse().ok()?,
        total.replace('.', "").parse().ok()?,
    ))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cadres_six_months_arrive_whole_over_a_slow_line_that_drops() -> Result<()> {
    let server = PuskesmasServer::start()?;
    // 2 KB/s each way, and every connection cut once it carried 16 KB to the server.
    let line = Throttle::start(server.process().port(), 2048, 16 * 1024)?;
    let inbox = tempfile::tempdir()?;
    let file = inbox.path().join("enam-bulan.ayahasi");
    std::fs::write(&file, six_months(5))?;
    let file_text = file.to_string_lossy().into_owned();
    let tablet = Driver::start_with_env(&[("AYAH_ASI_IMPORT_FILE", &file_text)])?;
    let cadre = tablet.launch().await?;
    open_cadre_mode(&cadre, "246810").await?;
    preview_on_cadre(&cadre).await?;
    apply_received(&cadre).await?;
    let db = tablet.database();
    let sessions = count(&db, "SELECT count(*) FROM massage_session")?;
    assert!(sessions > 1000, "{sessions} sessions on the cadre's phone");
    pair(
        &cadre,
        &line.address(),
        &server.cadre_code()?.to_lowercase(),
    )
    .await?;
    cadre.click("#server-sync").await?;
    // The status says how far the push got, again and again, until it is done.
    let started = std::time::Instant::now();
    let mut progress: Vec<(u64, u64)> = Vec::new();
    loop {
        let note = cadre.text("#server-section").await.unwrap_or_default();
        if note.contains("Selesai:") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "not done in 5 minutes: {note}\nprogress {progress:?}"
        );
        let shown = cadre.text("#server-sync-result").await.unwrap_or_default();
        if let Some(shown) = sent_kb(&shown)
            && progress.last() != Some(&shown)
        {
            progress.push(shown);
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let took = started.elapsed();
    assert!(line.cuts() >= 2, "the line dropped ({} cuts)", line.cuts());
    assert!(progress.len() >= 3, "progress shown: {progress:?}");
    assert!(
        progress.windows(2).all(|w| w[0].0 <= w[1].0) && progress.iter().all(|p| p.0 <= p.1),
        "progress only grows, up to its total: {progress:?}"
    );
    // Every record once: as many on the server as on the phone, none twice.
    for table in ["family", "massage_session", "session_rating", "milk_status"] {
        let here = count(&db, &format!("SELECT count(*) FROM {table}"))?;
        let there = server.count(&format!(
            "SELECT count(*) FROM record WHERE table_name = '{table}'"
        ))?;
        assert_eq!((table, there), (table, here), "every record once");
    }
    let state: (Option<String>, i64) = ayah_asi_e2e::open_database(&db)?.query_row(
        "SELECT pending_push_id, takes_gzip FROM server_sync",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    assert_eq!(state, (None, 1), "acknowledged whole, gzipped");
    eprintln!(
        "six months of 5 families over 2 KB/s: {took:?}, {} cuts, progress {progress:?}",
        line.cuts()
    );
    Ok(())
}
