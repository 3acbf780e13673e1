//! Lessons and the knowledge test in the real app: pre-test, lessons, post-test and the
//! gain; missed statements lead to their lessons; the cadre sees both scores; the
//! guided massage suggests the massage lesson until it is read.

use ayah_asi_e2e::flows::{answer_quiz, onboard, reach_preparation, set_cadre_pin};
use ayah_asi_e2e::{Driver, Result, open_database};

#[tokio::test(flavor = "multi_thread")]
async fn pre_test_lessons_post_test_and_the_gain_which_the_cadre_sees() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    app.click("#open-learning").await?;
    app.wait_for_text("#learn-scores", "Tes awal: belum · Tes akhir: belum")
        .await?;
    app.click("#start-quiz").await?;
    app.wait_for_text("#quiz-title", "Tes awal").await?;
    // Submitting half-answered is refused.
    app.click("#quiz-s1-true").await?;
    app.click("#quiz-submit").await?;
    app.wait_for_text("#learning-error", "Jawab semua pernyataan dulu.")
        .await?;
    answer_quiz(&app, false).await?;
    app.wait_for_text("#quiz-score", "Skor Bapak: 50").await?;
    assert!(
        app.text("#quiz-missed")
            .await?
            .contains("Jawaban yang benar: Salah")
    );
    app.screenshot("40-pre-test-result").await?;
    // A missed statement leads to its lesson.
    app.click("#missed-s9").await?;
    app.wait_for_text("#lesson-title", "Pijat oksitosin")
        .await?;
    assert!(
        app.text("#lesson-page .source")
            .await?
            .starts_with("Sumber: WHO dan UNICEF, Breastfeeding Counselling: A Training Course")
    );
    app.screenshot("41-lesson").await?;
    // Done reading returns to the result, where the other missed statements are.
    app.click("#lesson-done").await?;
    app.click("#back-to-learning").await?;
    for lesson in [
        "what-is-asi",
        "colostrum-imd",
        "benefits",
        "hormones",
        "latch",
        "what-lowers-milk",
        "father-role",
        "fathers-myths",
        "expressing-storing",
        "see-midwife",
    ] {
        app.click(&format!("#lesson-{lesson}")).await?;
        app.click("#lesson-done").await?;
    }
    app.wait_for_text("#learn-scores", "Tes awal: 50 · Tes akhir: belum")
        .await?;
    let read = app
        .client
        .find_all(ayah_asi_e2e::Locator::Css("#lessons .read-mark"))
        .await?;
    assert_eq!(read.len(), 11, "every lesson marked read");

    app.click("#start-quiz").await?;
    app.wait_for_text("#quiz-title", "Tes akhir").await?;
    answer_quiz(&app, true).await?;
    app.wait_for_text("#quiz-score", "Skor Bapak: 100").await?;
    app.wait_for_text("#quiz-gain", "Naik dari 50 menjadi 100!")
        .await?;
    app.wait_for("#quiz-all-right").await?;

    let db = open_database(&driver.database())?;
    let mut stmt =
        db.prepare("SELECT kind, score, quiz_version FROM quiz_attempt ORDER BY created_at")?;
    let attempts: Vec<(String, i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    assert_eq!(
        attempts,
        [
            ("pre".into(), 50, "uji-pengetahuan-v4".into()),
            ("post".into(), 100, "uji-pengetahuan-v4".into())
        ]
    );

    // The cadre sees both scores in the family's review.
    app.click("#back-to-learning").await?;
    app.click("#back-home").await?;
    app.click("#cadre-mode").await?;
    set_cadre_pin(&app, "135790").await?;
    app.click("#families-list li[data-family] button[id^='review-']")
        .await?;
    app.wait_for_text("#review-knowledge", "Tes pengetahuan: awal 50, akhir 100")
        .await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_massage_suggests_its_lesson_until_it_is_read() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    reach_preparation(&app).await?;
    app.click("#read-massage-lesson").await?;
    app.wait_for_text("#lesson-title", "Pijat oksitosin")
        .await?;
    app.click("#lesson-done").await?;
    // Back at the same preparation, without the suggestion.
    app.wait_for("#prep-start").await?;
    assert!(
        app.client
            .find(ayah_asi_e2e::Locator::Css("#read-massage-lesson"))
            .await
            .is_err()
    );
    app.close().await
}
