//! A family enrolled in pregnancy: lessons, the test and the massage pictures are open,
//! the guided massage is locked with the reason given, and recording the birth opens it.

use ayah_asi_e2e::flows::{QUIZ_STATEMENTS, enter_birth_date, mother_consents, quiz_true};
use ayah_asi_e2e::{Driver, Locator, Result, open_database};
use chrono::{Duration, Local};

#[tokio::test(flavor = "multi_thread")]
async fn enrol_in_pregnancy_learn_then_record_the_birth_and_massage() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    start_pregnant_enrolment(&app).await?;
    app.wait_for_text(
        "#family-form .date-field legend",
        "Perkiraan tanggal lahir (HPL)",
    )
    .await?;
    let today = Local::now().date_naive();
    enter_birth_date(&app, today + Duration::days(45)).await?;
    app.screenshot("70-enrol-pregnant").await?;
    app.click("#save-family").await?;
    mother_consents(&app).await?;

    // Home: the expected date, the massage locked with its reason, no start button.
    app.wait_for("#massage-locked").await?;
    assert!(
        app.text("#expected-birth")
            .await?
            .starts_with("Perkiraan lahir:")
    );
    assert!(
        app.text("#massage-locked")
            .await?
            .contains("merangsang keluarnya hormon oksitosin, yang dapat memicu kontraksi rahim")
    );
    for absent in [
        "#start-massage",
        "#baby-age",
        "#milk-card",
        "#reminder-settings",
    ] {
        assert!(
            app.client.find(Locator::Css(absent)).await.is_err(),
            "{absent} shown before the birth"
        );
    }
    // What a pregnancy needs meanwhile: the antenatal visits, and the danger signs that
    // never wait. The expected date is weeks away: no "past the date" prompt.
    assert!(
        app.text("#antenatal-visits")
            .await?
            .contains("paling sedikit 6 kali")
    );
    let danger = app.text("#pregnancy-danger").await?;
    for sign in [
        "sekarang",
        "perdarahan",
        "gerakan janin",
        "air ketuban",
        "kejang",
    ] {
        assert!(danger.to_lowercase().contains(sign), "{sign} in {danger}");
    }
    assert!(app.client.find(Locator::Css("#past-due")).await.is_err());
    app.screenshot("71-massage-locked").await?;

    // Lessons, the massage lesson's picture and the pre-test are open.
    app.click("#open-learning").await?;
    app.click("#lesson-oxytocin-massage").await?;
    app.wait_for("#lesson-page .lesson-icon svg").await?;
    app.click("#lesson-done").await?;
    app.click("#start-quiz").await?;
    for id in QUIZ_STATEMENTS {
        app.click(&format!("#quiz-{id}-{}", quiz_true(id))).await?;
    }
    app.click("#quiz-submit").await?;
    app.wait_for_text("#quiz-score", "Skor Bapak: 100").await?;
    app.click("#back-to-learning").await?;
    app.click("#back-home").await?;

    // The baby is born: the family records the date, and the massage opens.
    app.click("#record-birth").await?;
    app.wait_for_text("#onboarding-title", "Catat kelahiran bayi")
        .await?;
    assert_eq!(app.value("#field-babyBirthDay").await?, "");
    app.click("#save-family").await?;
    app.wait_for_text("#babyBirthDate-error", "Wajib diisi.")
        .await?;
    enter_birth_date(&app, today).await?;
    app.click("#save-family").await?;
    app.wait_for_text("#baby-age", "Usia bayi: 0 hari").await?;
    app.click("#start-massage").await?;
    app.wait_for("#consent-today-yes").await?;

    let db = open_database(&driver.database())?;
    let pregnant: Option<i64> = db.query_row("SELECT pregnant FROM family", [], |r| r.get(0))?;
    assert_eq!(pregnant, None, "the birth clears the pregnancy");
    let versions: i64 = db.query_row(
        "SELECT count(*) FROM record_history WHERE table_name = 'family'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(
        versions, 1,
        "the pregnancy enrolment is kept as the earlier version"
    );
    app.close().await
}

/// Onboarding in Indonesian up to the expected date: the parents' names, "pregnant".
async fn start_pregnant_enrolment(app: &ayah_asi_e2e::App) -> Result<()> {
    app.click("#choose-language-id").await?;
    app.type_into("#field-fatherName", "Joko").await?;
    app.type_into("#field-motherName", "Dewi").await?;
    app.click("#field-pregnant").await
}

/// Past the expected date and the birth not recorded: the home asks the family to have
/// the mother checked by the midwife.
#[tokio::test(flavor = "multi_thread")]
async fn past_the_expected_date_the_home_says_see_the_midwife() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    start_pregnant_enrolment(&app).await?;
    enter_birth_date(&app, Local::now().date_naive() - Duration::days(2)).await?;
    app.click("#save-family").await?;
    mother_consents(&app).await?;
    app.wait_for_text_containing("#past-due", "Sudah lewat HPL")
        .await?;
    app.wait_for("#record-birth").await?;
    app.screenshot("72-past-due").await?;
    app.close().await
}
