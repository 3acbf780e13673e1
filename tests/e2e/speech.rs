//! Spoken guidance in the real app: a guided session says each step aloud through the
//! machine's own speech engine (speech-dispatcher and espeak-ng, each test with its own
//! daemon, its sound card a file), in Indonesian and in English; a pause cuts off what
//! is being said; one tap turns the voice off, and it stays off.

use std::time::{Duration, Instant};

use ayah_asi_e2e::flows::{onboard, set_plan, start_massage};
use ayah_asi_e2e::speech::Spoken;
use ayah_asi_e2e::{App, Driver, Result, eventually};

/// The session clock runs this many times faster: a one-minute pass lasts 10 s.
const SCALE: &str = "6";
const PASS_MS: u64 = 60_000 / 6;
const COUNTDOWN_MS: u64 = 5_000 / 6;

fn ids(lines: &[Spoken]) -> Vec<(String, Option<u32>)> {
    lines.iter().map(|l| (l.id.clone(), l.pass)).collect()
}

fn find<'a>(lines: &'a [Spoken], id: &str, pass: Option<u32>) -> Result<&'a Spoken> {
    lines
        .iter()
        .find(|l| l.id == id && l.pass == pass)
        .ok_or_else(|| format!("no {id} {pass:?} in {:?}", ids(lines)).into())
}

async fn wait_for_line(driver: &Driver, id: &str, pass: Option<u32>) -> Result<()> {
    eventually(&format!("the app says {id} {pass:?}"), || {
        Ok(driver
            .spoken()?
            .iter()
            .any(|l| l.id == id && l.pass == pass))
    })
    .await
}

/// Taps the timer (a tap anywhere pauses or resumes) until the app asks for line `id`.
/// On a loaded test machine a tap sent through the WebDriver is now and then lost on its
/// way in (nothing is asked for it); a father would tap again, and so does this, but
/// never once the line was asked. Returns when (ms) the tap that was heard was made.
async fn tap_until_said(app: &App, driver: &Driver, id: &str) -> Result<u64> {
    let said = || -> Result<usize> { Ok(driver.spoken()?.iter().filter(|l| l.id == id).count()) };
    let before = said()?;
    for _ in 0..3 {
        let at = now_ms();
        app.click("#guide-time").await?;
        let tapped = Instant::now();
        while tapped.elapsed() < Duration::from_secs(5) {
            if said()? > before {
                return Ok(at);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    Err(format!("three taps, and {id} was never asked").into())
}

/// Waits until the engine has taken (or refused) every line asked so far: the record
/// of what was asked is written at once, what the engine did when it comes to it.
async fn every_outcome(driver: &Driver) -> Result<()> {
    eventually("the engine's outcome of every line", || {
        Ok(driver.spoken()?.iter().all(|l| l.spoken.is_some()))
    })
    .await
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_guided_session_speaks_every_step_in_indonesian_and_a_pause_cuts_it_off() -> Result<()> {
    let driver = Driver::start_with_env(&[("AYAH_ASI_TIME_SCALE", SCALE)])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 60, 2).await?;
    start_massage(&app).await?;
    app.wait_for_text("#guide-speech", "Suara panduan: nyala")
        .await?;
    wait_for_line(&driver, "speak-pass", Some(1)).await?;
    // The heading shrinks as the pass begins: tapped once it has, on the timer, so the
    // tap never lands on the voice switch below the heading.
    app.wait_for_text("#guide-phase", "Pijat ke-1 dari 2")
        .await?;
    // A tap pauses: "paused" is said at once, cutting off the pass's long line.
    let tapped = tap_until_said(&app, &driver, "speak-paused").await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    if let Err(error) = tap_until_said(&app, &driver, "speak-resumed").await {
        // Say what the screen showed, to diagnose a tap that did not resume.
        let mut shown = Vec::new();
        for css in [
            "#guide-hint",
            "#guide-error",
            "#guide-save-error",
            "#guide-phase",
        ] {
            shown.push(format!(
                "{css}: {:?}",
                app.text(css).await.unwrap_or_default()
            ));
        }
        let said = driver.spoken().map(|l| ids(&l)).unwrap_or_default();
        return Err(format!("{error}; {shown:?}; said {said:?}").into());
    }
    app.wait_for_within("#closing", Duration::from_secs(60))
        .await?;
    wait_for_line(&driver, "speak-closing", None).await?;
    every_outcome(&driver).await?;

    let lines = driver.spoken()?;
    // The steps in order; the pause and the resumption, one after the other, wherever
    // the tap fell after the first pass began.
    let steps: Vec<(String, Option<u32>)> = ids(&lines)
        .into_iter()
        .filter(|(id, _)| id != "speak-paused" && id != "speak-resumed")
        .collect();
    let expected: Vec<(String, Option<u32>)> = [
        ("speak-first-countdown", Some(1)),
        ("speak-pass", Some(1)),
        ("speak-halfway", Some(1)),
        ("speak-countdown", Some(2)),
        ("speak-pass", Some(2)),
        ("speak-halfway", Some(2)),
        ("speak-closing", None),
    ]
    .into_iter()
    .map(|(id, pass)| (id.to_owned(), pass))
    .collect();
    assert_eq!(steps, expected);
    let all = ids(&lines);
    let paused_at = all
        .iter()
        .position(|(id, _)| id == "speak-paused")
        .ok_or("no pause said")?;
    assert_eq!(all[paused_at + 1].0, "speak-resumed", "{all:?}");
    assert!(paused_at > 1, "paused before the first pass began: {all:?}");
    for line in &lines {
        assert_eq!(line.language, "id", "{line:?}");
        assert_eq!(
            line.spoken,
            Some(true),
            "espeak-ng has an Indonesian voice: {line:?}"
        );
    }
    assert!(
        find(&lines, "speak-pass", Some(2))?
            .text
            .starts_with("Mulai pijatan kedua dari dua. Tekan dengan gerakan memutar kecil kedua ibu jari, dari pangkal leher turun sampai setinggi tali beha. Jangan di tulang belakang.")
    );
    assert!(
        find(&lines, "speak-halfway", Some(1))?
            .text
            .starts_with("Ulangi dari leher ke bawah. Berhenti jika Ibu kesakitan atau pusing.")
    );
    // When: the pause within a second and a half of the tap, cutting off what was
    // said; the steps on the session's clock (halfway through a pass, and one pass
    // plus one countdown apart, less the time paused).
    let paused = find(&lines, "speak-paused", None)?;
    assert!(paused.interrupt);
    assert!(
        paused.at_ms >= tapped && paused.at_ms - tapped < 1_500,
        "{paused:?} after a tap at {tapped}"
    );
    let resumed = find(&lines, "speak-resumed", None)?;
    let pause_ms = resumed.at_ms - paused.at_ms;
    let pass1 = find(&lines, "speak-pass", Some(1))?.at_ms;
    let halfway1 = find(&lines, "speak-halfway", Some(1))?.at_ms;
    let pass2 = find(&lines, "speak-pass", Some(2))?.at_ms;
    let halfway2 = find(&lines, "speak-halfway", Some(2))?.at_ms;
    let paused_before_halfway = paused.at_ms < halfway1;
    let near = |actual: u64, expected: u64| actual.abs_diff(expected) < 700;
    let first_half = halfway1 - pass1 - if paused_before_halfway { pause_ms } else { 0 };
    assert!(near(first_half, PASS_MS / 2), "halfway {first_half}");
    let apart = pass2 - pass1 - pause_ms;
    assert!(near(apart, PASS_MS + COUNTDOWN_MS), "pass to pass {apart}");
    assert!(
        near(halfway2 - pass2, PASS_MS / 2),
        "halfway {}",
        halfway2 - pass2
    );

    // And it was heard: the speech engine's sound reached the (file) sound card.
    let audio = driver.speech_audio();
    let started = Instant::now();
    let loudest = loop {
        let samples = std::fs::read(&audio).unwrap_or_default();
        let loudest = samples
            .chunks_exact(2)
            .map(|s| i16::from_le_bytes([s[0], s[1]]).unsigned_abs())
            .max()
            .unwrap_or(0);
        if loudest > 1_000 || started.elapsed() > Duration::from_secs(15) {
            break (loudest, samples.len());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(
        loudest.0 > 1_000,
        "the speech was silent: {loudest:?} in {}",
        audio.display()
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn english_is_spoken_in_english_and_one_tap_turns_the_voice_off_for_good() -> Result<()> {
    let driver = Driver::start_with_env(&[("AYAH_ASI_TIME_SCALE", SCALE)])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 60, 1).await?;
    app.click("#switch-language-en").await?;
    // The home is drawn again in English: started before, the tap would be on the old one.
    app.wait_for_text("#start-massage", "Start oxytocin massage")
        .await?;
    start_massage(&app).await?;
    wait_for_line(&driver, "speak-pass", Some(1)).await?;
    every_outcome(&driver).await?;
    let pass = find(&driver.spoken()?, "speak-pass", Some(1))?.clone();
    assert_eq!(pass.language, "en");
    assert_eq!(pass.spoken, Some(true), "{pass:?}");
    assert!(
        pass.text
            .starts_with("Start the massage. Press in small circles with both thumbs"),
        "{pass:?}"
    );
    // Off: nothing more is said, and the switch shows it.
    app.click("#guide-speech").await?;
    app.wait_for_text("#guide-speech", "Spoken guidance: off")
        .await?;
    let said = driver.spoken()?.len();
    app.wait_for_within("#closing", Duration::from_secs(30))
        .await?;
    app.click("#closing-done").await?;
    app.wait_for("#session-finished").await?;
    assert_eq!(driver.spoken()?.len(), said, "{:?}", ids(&driver.spoken()?));
    app.close().await?;

    // Remembered after a restart: the next session starts silent.
    let app = driver.launch().await?;
    app.wait_for("#start-massage").await?;
    start_massage(&app).await?;
    app.wait_for_text("#guide-speech", "Spoken guidance: off")
        .await?;
    app.wait_for_within("#closing", Duration::from_secs(30))
        .await?;
    assert_eq!(driver.spoken()?.len(), said);
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_voice_for_the_language_the_screen_says_so_and_the_massage_goes_on() -> Result<()>
{
    let driver = Driver::start_with_env(&[("AYAH_ASI_TIME_SCALE", "30")])?;
    driver.remove_voices()?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 60, 1).await?;
    start_massage(&app).await?;
    app.wait_for_text_containing(
        "#guide-speech-unavailable",
        "Perangkat ini belum punya suara bahasa ini",
    )
    .await?;
    app.wait_for_within("#closing", Duration::from_secs(30))
        .await?;
    every_outcome(&driver).await?;
    let lines = driver.spoken()?;
    assert!(
        lines.iter().any(|l| l.id == "speak-pass"),
        "{:?}",
        ids(&lines)
    );
    assert!(lines.iter().all(|l| l.spoken == Some(false)), "{lines:?}");
    app.close().await
}
