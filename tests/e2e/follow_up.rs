//! After the massage, in the real app: the mother's own rating, a skipped one, her
//! corrections, the history, milk production status, reminder settings, and commands
//! refusing bad values sent straight to them.

use ayah_asi_e2e::flows::{finish_one_pass_session, onboard, set_plan, start_massage};
use ayah_asi_e2e::{Driver, Result, invoke, open_database};
use serde_json::{Value, json};

const FAST: (&str, &str) = ("AYAH_ASI_TIME_SCALE", "30");

#[tokio::test(flavor = "multi_thread")]
async fn the_mother_rates_after_the_session_and_the_history_shows_it() -> Result<()> {
    let driver = Driver::start_with_env(&[FAST])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 60, 1).await?;
    finish_one_pass_session(&app).await?;
    app.wait_for_text("#handover-title", "Berikan HP kepada Ibu")
        .await?;
    app.screenshot("20-handover").await?;
    app.click("#handover-ready").await?;
    app.wait_for_text("#rating-title", "Bu, bagaimana rasanya?")
        .await?;
    // Saving with nothing chosen is refused, next to the questions.
    app.click("#rating-save").await?;
    app.wait_for_text("#comfort-error", "Pilih salah satu wajah.")
        .await?;
    app.click("#comfort-5").await?;
    app.click("#milk-flow-drips").await?;
    app.select("#rating-pain-before", "4").await?;
    app.select("#rating-pain-after", "1").await?;
    app.type_into("#rating-note", "Hangat dan nyaman").await?;
    app.screenshot("21-mother-rating").await?;
    app.click("#rating-save").await?;
    app.wait_for_text(
        "#rating-done-text",
        "Terima kasih, Bu! Jawaban Ibu sudah disimpan.",
    )
    .await?;

    let db = open_database(&driver.database())?;
    let row: (String, i64, i64, i64, String, String) = db.query_row(
        "SELECT answered_by, comfort, pain_before, pain_after, milk_flow, note FROM session_rating",
        [],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        },
    )?;
    assert_eq!(
        row,
        (
            "mother".into(),
            5,
            4,
            1,
            "drips".into(),
            "Hangat dan nyaman".into()
        )
    );

    app.click("#back-home").await?;
    app.click("#open-history").await?;
    app.wait_for_text(
        "#history-last-comfort",
        "Ibu memberi nilai 5 dari 5 untuk sesi terakhir yang dinilai.",
    )
    .await?;
    assert!(
        app.text("#history-feedback").await?.contains("1 dari"),
        "feedback counts the session"
    );
    assert!(
        app.text("#history-sessions")
            .await?
            .contains("Nyaman 5/5 · Menetes")
    );
    app.wait_for("#history-chart .bar-finished").await?;
    app.screenshot("22-history").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_skipped_rating_stays_missing_and_can_be_given_and_corrected_later() -> Result<()> {
    let driver = Driver::start_with_env(&[("AYAH_ASI_TIME_SCALE", "6")])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    start_massage(&app).await?;
    app.click("#guide-stop").await?;
    app.click("#stop-reason-mother-asked").await?;
    app.click("#handover-ready").await?;
    app.click("#rating-skip").await?;
    app.wait_for_text(
        "#rating-done-text",
        "Tidak apa-apa. Penilaian dicatat sebagai tidak diisi.",
    )
    .await?;
    let db = open_database(&driver.database())?;
    let (skipped, comfort): (i64, Option<i64>) =
        db.query_row("SELECT skipped, comfort FROM session_rating", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    assert_eq!((skipped, comfort), (1, None), "a skip invents nothing");

    app.click("#back-home").await?;
    app.click("#open-history").await?;
    app.wait_for_text("#history-sessions .rating", "Ibu tidak mengisi")
        .await?;
    // She answers later: a correction of her own skip, and the skip stays in the history.
    app.click("#history-sessions button").await?;
    app.click("#comfort-3").await?;
    app.click("#milk-flow-none").await?;
    app.click("#rating-save").await?;
    app.click("#back-home").await?;
    app.wait_for_text("#history-sessions .rating", "Nyaman 3/5 · Tidak keluar")
        .await?;
    let versions: i64 = db.query_row("SELECT count(*) FROM session_rating", [], |r| r.get(0))?;
    assert_eq!(versions, 2);
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn commands_refuse_bad_ratings_sent_straight_to_them() -> Result<()> {
    let driver = Driver::start_with_env(&[FAST])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 60, 1).await?;
    finish_one_pass_session(&app).await?;
    let db = open_database(&driver.database())?;
    let session: String = db.query_row("SELECT id FROM massage_session", [], |r| r.get(0))?;
    let rating = |comfort: i64, pain: i64| json!({"skipped": false, "comfort": comfort, "painBefore": pain, "milkFlow": "drips"});
    let refused = |answer: std::result::Result<Value, Value>| answer.expect_err("accepted");

    let error = refused(
        invoke(
            &app,
            "rate_session",
            json!({"sessionId": session, "author": "mother", "input": rating(0, 2)}),
        )
        .await?,
    );
    assert_eq!(error["fields"][0]["code"], "error-out-of-range");
    let error = refused(
        invoke(
            &app,
            "rate_session",
            json!({"sessionId": session, "author": "mother", "input": rating(6, 2)}),
        )
        .await?,
    );
    assert_eq!(error["fields"][0]["field"], "comfort");
    let error = refused(
        invoke(
            &app,
            "rate_session",
            json!({"sessionId": session, "author": "mother", "input": rating(3, 11)}),
        )
        .await?,
    );
    assert_eq!(error["fields"][0]["field"], "painBefore");
    let error = refused(invoke(&app, "rate_session", json!({"sessionId": "0193a1b2-0000-7000-8000-000000000999", "author": "mother", "input": rating(3, 2)})).await?);
    assert_eq!(error["code"], "error-session-not-found");

    invoke(
        &app,
        "rate_session",
        json!({"sessionId": session, "author": "mother", "input": rating(4, 2)}),
    )
    .await?
    .map_err(|e| e.to_string())?;
    let error = refused(
        invoke(
            &app,
            "rate_session",
            json!({"sessionId": session, "author": "mother", "input": rating(5, 2)}),
        )
        .await?,
    );
    assert_eq!(error["code"], "error-rating-exists");
    let error = refused(
        invoke(
            &app,
            "correct_rating",
            json!({"sessionId": session, "author": "father", "input": rating(5, 2)}),
        )
        .await?,
    );
    assert_eq!(error["code"], "error-not-rating-author");
    let count: i64 = db.query_row("SELECT count(*) FROM session_rating", [], |r| r.get(0))?;
    assert_eq!(count, 1, "nothing refused was written");
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn reminder_settings_and_milk_status_persist_across_a_restart() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    // At enrolment the milk status is due; the mother records it.
    app.wait_for_text(
        "#milk-status-due",
        "Sudah waktunya mencatat produksi ASI minggu ini.",
    )
    .await?;
    app.click("#record-milk-status").await?;
    app.click("#milk-indicator-milk-drips").await?;
    app.click("#milk-indicator-feeds-8-12").await?;
    app.click("#milk-status-tidak-lancar").await?;
    app.screenshot("23-milk-status").await?;
    app.click("#milk-status-save").await?;
    app.wait_for("#milk-status-last").await?;

    app.click("#reminder-settings summary").await?;
    app.select("#reminders-morning", "06:30").await?;
    app.select("#reminders-evening", "20:00").await?;
    app.click("#reminders-save").await?;
    app.wait_for_text("#reminders-status", "Pengingat tersimpan.")
        .await?;
    app.close().await?;

    let app = driver.launch().await?;
    app.wait_for("#milk-status-last").await?;
    assert!(
        app.text("#milk-status-last")
            .await?
            .ends_with("Tidak lancar")
    );
    assert!(
        app.client
            .find(ayah_asi_e2e::Locator::Css("#milk-status-due"))
            .await
            .is_err(),
        "not due again"
    );
    app.click("#reminder-settings summary").await?;
    assert_eq!(app.value("#reminders-morning").await?, "06:30");
    assert_eq!(app.value("#reminders-evening").await?, "20:00");
    assert!(
        app.text("#reminders-next")
            .await?
            .starts_with("Pengingat berikutnya:")
    );
    app.click("#reminders-enabled").await?;
    app.click("#reminders-save").await?;
    app.wait_for_text("#reminders-next", "Pengingat dimatikan.")
        .await?;

    let db = open_database(&driver.database())?;
    let (status, indicators, by, kind): (String, String, String, String) = db.query_row(
        "SELECT status, indicators, recorded_by, kind FROM milk_status",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    assert_eq!(
        (
            status.as_str(),
            indicators.as_str(),
            by.as_str(),
            kind.as_str()
        ),
        (
            "tidak-lancar",
            "milk-drips,feeds-8-12",
            "mother",
            "enrolment"
        )
    );
    let enabled: i64 = db.query_row("SELECT enabled FROM reminder_settings", [], |r| r.get(0))?;
    assert_eq!(enabled, 0);
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reminder_reaches_the_desktop_notification_server_in_the_chosen_language() -> Result<()> {
    let daemon = ayah_asi_e2e::notifications::NotificationDaemon::start()?;
    let driver = Driver::start_with_env(&[("DBUS_SESSION_BUS_ADDRESS", daemon.address())])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    app.click("#reminder-settings summary").await?;
    app.click("#reminders-test").await?;
    ayah_asi_e2e::eventually("the reminder reached dunst", || {
        Ok(daemon.received()?.contains(&(
            "Ayah ASI".into(),
            "Waktunya pijat oksitosin pagi untuk Ibu.".into(),
        )))
    })
    .await?;

    app.click("#switch-language-en").await?;
    app.wait_for_text("#greeting", "Welcome, Budi Santoso!")
        .await?;
    app.click("#reminder-settings summary").await?;
    app.click("#reminders-test").await?;
    ayah_asi_e2e::eventually("the English reminder reached dunst", || {
        Ok(daemon.received()?.contains(&(
            "Ayah ASI".into(),
            "Time for her morning oxytocin massage.".into(),
        )))
    })
    .await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn milk_recorded_as_none_shows_the_referral_advice_at_once() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    app.click("#record-milk-status").await?;
    app.click("#milk-status-tidak-ada").await?;
    // At once, before anything is saved: contact the midwife today, and the signs.
    app.wait_for_text_containing("#referral-advice", "Hubungi bidan hari ini")
        .await?;
    let advice = app.text("#referral-advice").await?;
    for sign in [
        "hari ke-3",
        "Payudara merah, panas, dan nyeri",
        "Bayi tidak mau menyusu, lemas",
        "untuk umur bayi",
        "Ibu demam",
    ] {
        assert!(advice.contains(sign), "the advice names {sign:?}: {advice}");
    }
    app.click("#milk-status-save").await?;
    app.wait_for("#milk-status-saved").await?;
    app.wait_for_text_containing("#referral-advice", "Hubungi bidan hari ini")
        .await?;
    app.screenshot("24-milk-none-advice").await?;
    let status: String = open_database(&driver.database())?.query_row(
        "SELECT status FROM milk_status WHERE recorded_by = 'mother'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(status, "tidak-ada");
    app.click("#back-home").await?;
    app.wait_for("#start-massage").await?;
    app.close().await
}
