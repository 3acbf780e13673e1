//! Onboarding a family in the real app: the first feature through every layer.

use ayah_asi_e2e::flows::{enter_birth_date, fill_family, mother_consents};
use ayah_asi_e2e::{Driver, Result, days_ago, open_database};
use chrono::{Datelike, NaiveDate};

fn family_count(driver: &Driver) -> Result<i64> {
    let db = open_database(&driver.database())?;
    Ok(db.query_row("SELECT count(*) FROM family", [], |row| row.get(0))?)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_user_completes_onboarding_in_indonesian_and_is_greeted() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    app.screenshot("01-language").await?;
    fill_family(&app, days_ago(10)).await?;
    app.screenshot("02-onboarding").await?;
    app.click("#save-family").await?;
    // The phone goes to the mother: the father cannot tick her consent for her.
    app.wait_for("#consent-handover-ready").await?;
    assert_eq!(
        family_count(&driver)?,
        0,
        "nothing is saved before she agrees"
    );
    app.click("#consent-handover-ready").await?;
    let text = app.wait_for("#consent-text").await?.text().await?;
    for kept in [
        "nama Bapak dan Ibu",
        "tanggal lahir bayi",
        "umur, pendidikan",
        "sesi pijat",
        "tes pengetahuan",
        "kunjungan kader",
        "tanpa nama",
        "menghapus semua data",
        "server puskesmas",
        "bidan posyandu Ibu dan petugas puskesmas",
        "paling lama satu tahun",
        "menarik persetujuan",
        "WhatsApp tidak ikut terhapus",
    ] {
        assert!(
            text.contains(kept),
            "the consent text names {kept:?}: {text}"
        );
    }
    app.screenshot("02b-consent").await?;
    app.click("#consent-yes").await?;
    app.wait_for_text("#greeting", "Selamat datang, Pak Budi Santoso!")
        .await?;
    app.wait_for_text("#baby-age", "Usia bayi: 10 hari").await?;
    app.screenshot("03-home").await?;

    let db = open_database(&driver.database())?;
    let (father, posyandu, rw): (String, String, String) =
        db.query_row("SELECT father_name, posyandu, rw FROM family", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    assert_eq!(
        (father.as_str(), posyandu.as_str(), rw.as_str()),
        ("Budi Santoso", "Melati", "11")
    );
    let version: String = db.query_row("SELECT text_version FROM consent", [], |r| r.get(0))?;
    assert_eq!(version, ayah_asi_core::family::CONSENT_TEXT_VERSION);
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn without_the_mothers_consent_nothing_is_saved_and_an_older_consent_is_asked_again()
-> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    fill_family(&app, days_ago(10)).await?;
    app.click("#save-family").await?;
    app.click("#consent-handover-ready").await?;
    app.click("#consent-no").await?;
    app.wait_for("#consent-declined-title").await?;
    assert_eq!(family_count(&driver)?, 0);
    // Back to the form: what was typed is still there, and she may agree after all.
    app.click("#consent-back-to-form").await?;
    assert_eq!(app.value("#field-fatherName").await?, "Budi Santoso");
    app.click("#save-family").await?;
    mother_consents(&app).await?;
    app.wait_for("#greeting").await?;
    app.close().await?;

    // A consent given to the first consent text is asked again at the next start.
    rusqlite::Connection::open(driver.database())?
        .execute("UPDATE consent SET text_version = 'health-data-v1'", [])?;
    let app = driver.launch().await?;
    app.click("#consent-handover-ready").await?;
    app.wait_for_text("#consent-title", "Teks persetujuan yang baru")
        .await?;
    app.click("#consent-yes").await?;
    app.wait_for("#greeting").await?;
    let versions: Vec<String> = open_database(&driver.database())?
        .prepare("SELECT text_version FROM consent ORDER BY given_at")?
        .query_map([], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    assert_eq!(
        versions,
        [
            "health-data-v1",
            ayah_asi_core::family::CONSENT_TEXT_VERSION
        ]
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_birth_date_in_the_future_is_refused_and_nothing_is_saved() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    // The year list holds only this year and the two before it; a day after today
    // is still possible within this year (on 31 December, a date too far back is).
    let tomorrow = days_ago(-1);
    let (refused, message) = if tomorrow.year() == days_ago(0).year() {
        (tomorrow, "Tanggal lahir tidak boleh setelah hari ini.")
    } else {
        (
            NaiveDate::from_ymd_opt(tomorrow.year() - 3, 1, 1).ok_or("date")?,
            "Tanggal lahir paling lama 2 tahun yang lalu.",
        )
    };
    fill_family(&app, refused).await?;
    app.click("#save-family").await?;
    app.wait_for_text("#babyBirthDate-error", message).await?;
    app.screenshot("04-onboarding-error").await?;
    assert!(app.text("#form-error").await?.contains("perlu diperbaiki"));
    // What was typed stays in the form, and the save button works again.
    assert_eq!(app.value("#field-fatherName").await?, "Budi Santoso");
    assert!(app.wait_for("#save-family").await?.is_enabled().await?);
    assert_eq!(family_count(&driver)?, 0);

    // Correcting the date saves the family.
    enter_birth_date(&app, days_ago(0)).await?;
    app.click("#save-family").await?;
    mother_consents(&app).await?;
    app.wait_for_text("#baby-age", "Usia bayi: 0 hari").await?;
    assert_eq!(family_count(&driver)?, 1);
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_family_and_language_survive_a_restart_and_english_changes_the_texts() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    fill_family(&app, days_ago(30)).await?;
    app.click("#save-family").await?;
    mother_consents(&app).await?;
    app.wait_for_text("#greeting", "Selamat datang, Pak Budi Santoso!")
        .await?;
    app.close().await?;

    let app = driver.launch().await?;
    app.wait_for_text("#greeting", "Selamat datang, Pak Budi Santoso!")
        .await?;
    app.click("#switch-language-en").await?;
    app.wait_for_text("#greeting", "Welcome, Budi Santoso!")
        .await?;
    app.wait_for_text("#baby-age", "Baby's age: 30 days")
        .await?;
    app.screenshot("05-home-english").await?;
    app.close().await?;

    let app = driver.launch().await?;
    app.wait_for_text("#greeting", "Welcome, Budi Santoso!")
        .await?;
    assert_eq!(
        app.client.title().await?,
        "Ayah ASI — Oxytocin Massage Companion"
    );
    app.close().await
}
