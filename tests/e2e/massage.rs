//! The guided massage in the real app: a whole session hands-free, the safety screen,
//! pause and resume, and a kill in the middle of a pass.

use std::time::{Duration, Instant};

use ayah_asi_e2e::flows::{SAFETY_QUESTIONS, onboard, set_cadre_pin, set_plan, start_massage};
use ayah_asi_e2e::{App, Driver, Result, eventually, open_database};

/// The session clock runs this many times faster (honoured by debug builds only).
const FAST: &str = "30";
const SLOWER: &str = "6";

fn session_status(driver: &Driver) -> Result<(String, Option<String>, Option<String>)> {
    let db = open_database(&driver.database())?;
    Ok(db.query_row(
        "SELECT status, stop_reason, safety_flags FROM massage_session ORDER BY created_at DESC LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

/// Waits for the session's status to be saved: the screen answers a tap before the
/// save (see `Guide::act`), so the database may lag the screen by a moment.
async fn saved_as(driver: &Driver, status: &str, reason: Option<&str>) -> Result<()> {
    eventually(
        &format!("the session saved as {status} ({reason:?})"),
        || {
            let (saved, saved_reason, _) = session_status(driver)?;
            Ok(saved == status && saved_reason.as_deref() == reason)
        },
    )
    .await
}

/// Taps the timer (a tap anywhere pauses or resumes) until the screen says `hint`.
/// On a loaded test machine a tap sent through the WebDriver is now and then lost on its
/// way in: the session saves no event for it (seen four times in twelve runs with six
/// apps at once; never a tap that arrived and was ignored). A father would tap again,
/// and so does this, but never after the tap's own event (`kind`) was saved.
async fn tap_until(app: &App, driver: &Driver, kind: &str, hint: &str) -> Result<()> {
    let count = || event_kinds(driver).map(|kinds| kinds.iter().filter(|k| *k == kind).count());
    let before = count()?;
    for _ in 0..3 {
        app.click("#guide-time").await?;
        let tapped = Instant::now();
        while tapped.elapsed() < Duration::from_secs(5) {
            if count()? > before {
                return app.wait_for_text("#guide-hint", hint).await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let shown = app.text("#guide-hint").await.unwrap_or_default();
    let _ = app.screenshot("13-tap-did-not-arrive").await;
    Err(format!("three taps, no {kind} saved; the hint says {shown:?}").into())
}

fn event_kinds(driver: &Driver) -> Result<Vec<String>> {
    let db = open_database(&driver.database())?;
    let mut stmt = db.prepare("SELECT kind FROM session_event ORDER BY at, rowid")?;
    let kinds = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(kinds)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_whole_session_runs_from_consent_to_finished_without_a_touch() -> Result<()> {
    let driver = Driver::start_with_env(&[("AYAH_ASI_TIME_SCALE", FAST)])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 60, 2).await?;
    app.wait_for_text(
        "#plan-summary",
        "Setiap pagi dan sore: pijat 2 kali, masing-masing 1 menit",
    )
    .await?;
    start_massage(&app).await?;
    app.wait_for_text("#guide-phase", "Pijat ke-1 dari 2")
        .await?;
    app.screenshot("10-guided-pass").await?;
    // No touch between passes: the closing screen comes by itself.
    app.wait_for("#closing").await?;
    app.screenshot("11-closing").await?;
    app.click("#closing-done").await?;
    app.wait_for("#session-finished").await?;
    saved_as(&driver, "finished", None).await?;

    let db = open_database(&driver.database())?;
    let (status, version, passes): (String, String, i64) = db.query_row(
        "SELECT status, protocol_version, passes FROM massage_session",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    assert_eq!(
        (status.as_str(), version.as_str(), passes),
        ("finished", "pijat-oksitosin-v3", 2)
    );
    let mut stmt =
        db.prepare("SELECT pass, started_at, ended_at, paused_ms FROM session_pass ORDER BY pass")?;
    let rows: Vec<(i64, String, Option<String>, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    assert_eq!(rows.len(), 2);
    for (pass, started, ended, paused) in &rows {
        let started = chrono::DateTime::parse_from_rfc3339(started)?;
        let ended =
            chrono::DateTime::parse_from_rfc3339(ended.as_deref().ok_or("pass not ended")?)?;
        // 60 s at 30x is 2 s of real time.
        assert_eq!((ended - started).num_milliseconds(), 2_000, "pass {pass}");
        assert_eq!(*paused, 0);
    }
    let kinds = event_kinds(&driver)?;
    for kind in [
        "started",
        "pass-started",
        "pass-halfway",
        "pass-ended",
        "closing-started",
        "finished",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "no {kind} in {kinds:?}");
    }
    // Then the phone goes to the mother (her answers are issue 4's tests); she skips.
    app.click("#handover-ready").await?;
    app.click("#rating-skip").await?;
    app.click("#back-home").await?;
    app.wait_for("#start-massage").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_yes_on_the_safety_screen_stops_the_session_before_it_starts() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    app.click("#start-massage").await?;
    app.click("#consent-today-yes").await?;
    // Continuing with questions unanswered is refused.
    app.click("#safety-continue").await?;
    app.wait_for_text("#session-error", "Jawab semua pertanyaan dulu.")
        .await?;
    for question in SAFETY_QUESTIONS {
        let answer = if question == "heavy-bleeding" || question == "back-wound" {
            "yes"
        } else {
            "no"
        };
        app.click(&format!("#safety-{question}-{answer}")).await?;
    }
    app.click("#safety-continue").await?;
    // Heavy bleeding is a danger sign: to the midwife or puskesmas now, not "tell her".
    app.wait_for_text(
        "#safety-stop-title",
        "Bawa Ibu ke bidan atau puskesmas sekarang",
    )
    .await?;
    app.wait_for_text_containing(
        "#safety-urgent",
        "Antar Ibu ke bidan atau puskesmas terdekat sekarang",
    )
    .await?;
    // Each "yes" as a finding the father can tell the midwife, not as the question.
    app.wait_for_text("#safety-flagged", "Perdarahan banyak")
        .await?;
    app.wait_for_text(
        "#safety-flagged-calm",
        "Luka, ruam, atau infeksi di punggung",
    )
    .await?;
    app.wait_for_text_containing("#safety-urgent", "Bayi tetap boleh disusui")
        .await?;
    app.screenshot("12-safety-stop-urgent").await?;
    assert_eq!(
        session_status(&driver)?,
        (
            "not-started".into(),
            Some("safety".into()),
            Some("back-wound,heavy-bleeding".into())
        )
    );
    assert!(
        event_kinds(&driver)?.is_empty(),
        "a session stopped for safety never started"
    );
    // The cadre's list names the danger sign, apart from the back rash.
    app.click("#back-home").await?;
    app.click("#cadre-mode").await?;
    set_cadre_pin(&app, "246810").await?;
    let family = app.text("#families-list li[data-family]").await?;
    assert!(
        family.contains("Tanda bahaya: Perdarahan banyak"),
        "{family}"
    );
    assert!(
        family.contains("Pemeriksaan keamanan menemukan: Luka, ruam, atau infeksi di punggung."),
        "{family}"
    );
    app.screenshot("13-families-danger-sign").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tap_pauses_and_resumes_and_stopping_asks_why() -> Result<()> {
    let driver = Driver::start_with_env(&[("AYAH_ASI_TIME_SCALE", SLOWER)])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 120, 2).await?; // 20 s of real time per pass
    start_massage(&app).await?;
    app.wait_for_text("#guide-phase", "Pijat ke-1 dari 2")
        .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;

    // A tap on the timer: "#guide" itself would be tapped at its centre, where the Stop
    // button sits when a short instruction moves it up (that made this test flaky); a
    // tap on the heading was lost three times running in some runs on a loaded machine.
    tap_until(
        &app,
        &driver,
        "paused",
        "Ketuk di mana saja untuk melanjutkan",
    )
    .await?;
    let frozen = app.text("#guide-time").await?;
    tokio::time::sleep(Duration::from_millis(1_500)).await; // 9 s of session time
    assert_eq!(
        app.text("#guide-time").await?,
        frozen,
        "the clock moved while paused"
    );
    app.screenshot("13-paused").await?;
    tap_until(&app, &driver, "resumed", "Ketuk di mana saja untuk jeda").await?;

    app.click("#guide-stop").await?;
    app.wait_for_text("#stop-title", "Mengapa pijat dihentikan?")
        .await?;
    app.click("#stop-reason-pain").await?;
    app.wait_for_text("#stop-reason", "Ibu merasa sakit")
        .await?;
    saved_as(&driver, "stopped", Some("pain")).await?;
    let db = open_database(&driver.database())?;
    let paused: i64 = db.query_row(
        "SELECT paused_ms FROM session_pass WHERE pass = 1",
        [],
        |r| r.get(0),
    )?;
    assert!(paused >= 9_000, "pass 1 paused only {paused} ms");
    let kinds = event_kinds(&driver)?;
    assert!(
        kinds.contains(&"paused".into()) && kinds.contains(&"resumed".into()),
        "{kinds:?}"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_killed_mid_pass_is_offered_for_resume_after_restart() -> Result<()> {
    let driver = Driver::start_with_env(&[("AYAH_ASI_TIME_SCALE", SLOWER)])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 60, 2).await?; // 10 s of real time per pass
    start_massage(&app).await?;
    app.wait_for_text("#guide-phase", "Pijat ke-1 dari 2")
        .await?;
    eventually("pass 1 recorded as started", || {
        Ok(event_kinds(&driver)?.contains(&"pass-started".to_string()))
    })
    .await?;
    assert_eq!(driver.kill_app()?, 1, "exactly this test's app is killed");
    drop(app);

    let app = driver.launch().await?;
    app.wait_for_text(
        "#resume-text",
        "Aplikasi tertutup saat pijat ke-1 dari 2, 0 menit yang lalu.",
    )
    .await?;
    app.screenshot("14-resume-offer").await?;
    app.click("#resume-yes").await?;
    // The interrupted pass again: its countdown ("Bersiap — pijat ke-1 dari 2") lasts
    // under a second at this speed, so either it or the pass itself.
    app.wait_for_text_containing("#guide-phase", "ijat ke-1 dari 2")
        .await?;
    // The interrupted pass is given again, then pass 2: about 22 s at this speed.
    app.wait_for_within("#closing", Duration::from_secs(45))
        .await?;
    app.click("#closing-done").await?;
    app.wait_for("#session-finished").await?;
    saved_as(&driver, "finished", None).await?;
    let kinds = event_kinds(&driver)?;
    assert_eq!(
        kinds.iter().filter(|k| *k == "started").count(),
        2,
        "{kinds:?}"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_killed_long_ago_is_recorded_as_interrupted() -> Result<()> {
    let driver = Driver::start_with_env(&[("AYAH_ASI_TIME_SCALE", SLOWER)])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    start_massage(&app).await?;
    app.wait_for("#guide-phase").await?;
    eventually("the session recorded as started", || {
        Ok(!event_kinds(&driver)?.is_empty())
    })
    .await?;
    driver.kill_app()?;
    drop(app);
    // Forty minutes pass before the app is opened again.
    {
        let db = rusqlite::Connection::open(driver.database())?;
        let earlier = (chrono::Local::now() - chrono::Duration::minutes(40))
            .fixed_offset()
            .to_rfc3339();
        db.execute("UPDATE session_event SET at = ?1", [&earlier])?;
        db.execute("UPDATE massage_session SET updated_at = ?1", [&earlier])?;
    }
    let app = driver.launch().await?;
    app.wait_for("#start-massage").await?;
    assert_eq!(session_status(&driver)?.0, "stopped");
    assert_eq!(session_status(&driver)?.1.as_deref(), Some("interrupted"));
    app.close().await
}
