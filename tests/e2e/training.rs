//! Trained in the programme's sense (seed 004), in the real app: the cadre takes her own
//! knowledge test before and after reading the lessons, records a father's hands-on
//! training with a certified therapist on his family's review (a date that does not
//! exist is refused, nothing saved), and the posyandu report counts him as trained, apart from
//! the post-test, and her as a counselled cadre with both scores.

use ayah_asi_e2e::flows::{Mother, answer_quiz, register_family_as_cadre, set_cadre_pin};
use ayah_asi_e2e::{Driver, Result, open_database};

#[tokio::test(flavor = "multi_thread")]
async fn a_cadre_takes_her_own_test_records_a_training_and_the_report_counts_both() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    app.click("#choose-language-id").await?;
    app.click("#cadre-entry").await?;
    set_cadre_pin(&app, "135790").await?;
    let mother = Mother {
        name: "Ibu Dewi",
        age: "",
        education: "",
        parity: "",
    };
    register_family_as_cadre(&app, "Joko", &mother).await?;

    // Her own counselling: the pre-test, then the post-test.
    app.click("#open-cadre-learning").await?;
    app.wait_for_text("#learning-title", "Belajar & tes kader")
        .await?;
    app.click("#start-quiz").await?;
    app.wait_for_text("#quiz-title", "Tes awal").await?;
    answer_quiz(&app, false).await?;
    app.wait_for_text("#quiz-score", "Skor tes: 50").await?;
    app.click("#back-to-learning").await?;
    app.wait_for_text("#learn-scores", "Tes awal: 50 · Tes akhir: belum")
        .await?;
    app.click("#start-quiz").await?;
    app.wait_for_text("#quiz-title", "Tes akhir").await?;
    answer_quiz(&app, true).await?;
    app.wait_for_text("#quiz-gain", "Naik dari 50 menjadi 100!")
        .await?;
    app.click("#back-to-learning").await?;
    app.click("#back-home").await?;
    app.wait_for("#families-title").await?;
    let db = open_database(&driver.database())?;
    let family_attempts: i64 =
        db.query_row("SELECT count(*) FROM quiz_attempt", [], |r| r.get(0))?;
    let cadre_attempts: i64 =
        db.query_row("SELECT count(*) FROM cadre_quiz_attempt", [], |r| r.get(0))?;
    assert_eq!(
        (family_attempts, cadre_attempts),
        (0, 2),
        "hers, not a family's"
    );

    // The father's hands-on training, on his family's review.
    app.click("#families-list button[id^='review-']").await?;
    app.wait_for_text_containing(
        "#review-trainings-none",
        "Belum ada latihan memijat yang dicatat. Siapa pun yang memijat",
    )
    .await?;
    app.click("#training-form summary").await?;
    app.type_into("#field-trainedDay", "30").await?;
    app.select("#field-trainedMonth", "2").await?;
    app.click("#trainer-therapist").await?;
    app.type_into("#field-trainerName", "Pak Hendra").await?;
    app.click("#training-save").await?;
    app.wait_for_text("#trainedOn-error", "Tanggal tidak valid.")
        .await?;
    let saved = |db: &rusqlite::Connection| -> Result<i64> {
        Ok(db.query_row("SELECT count(*) FROM hands_on_training", [], |r| r.get(0))?)
    };
    assert_eq!(saved(&db)?, 0, "a refused training changes nothing");
    let yesterday = ayah_asi_e2e::days_ago(1);
    app.type_into(
        "#field-trainedDay",
        &chrono::Datelike::day(&yesterday).to_string(),
    )
    .await?;
    app.select(
        "#field-trainedMonth",
        &chrono::Datelike::month(&yesterday).to_string(),
    )
    .await?;
    app.select(
        "#field-trainedYear",
        &chrono::Datelike::year(&yesterday).to_string(),
    )
    .await?;
    app.click("#training-save").await?;
    app.wait_for_text_containing(
        "#review-trainings li",
        "Ayah dilatih oleh terapis pijat bersertifikat (Pak Hendra)",
    )
    .await?;
    assert_eq!(saved(&db)?, 1);
    // The grandmother gives the massage too (seed 002): her training is hers.
    app.click("#trainee-grandmother").await?;
    app.click("#trainer-midwife").await?;
    app.click("#training-save").await?;
    app.wait_for_text_containing(
        "#review-trainings li[data-trainee='grandmother']",
        "Nenek dilatih oleh bidan",
    )
    .await?;
    let trainees: Vec<Option<String>> = db
        .prepare("SELECT trainee FROM hands_on_training ORDER BY created_at")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    assert_eq!(
        trainees,
        [Some("father".to_owned()), Some("grandmother".to_owned())]
    );
    app.screenshot("92-training").await?;

    // The report: trained apart from the post-test, and the counselled cadre.
    app.click("#back-to-families").await?;
    app.click("#open-report").await?;
    app.wait_for("#report-cadres").await?;
    let participants = app.table_rows("#report-participants").await?;
    let row = |rows: &[Vec<String>], first: &str| rows.iter().find(|r| r[0] == first).cloned();
    assert_eq!(
        row(
            &participants,
            "Sudah dilatih memijat (oleh bidan atau terapis)"
        ),
        Some(vec![
            "Sudah dilatih memijat (oleh bidan atau terapis)".into(),
            "1".into()
        ])
    );
    assert_eq!(
        row(&participants, "Sudah mengikuti tes akhir"),
        Some(vec!["Sudah mengikuti tes akhir".into(), "0".into()])
    );
    let cadres = app.table_rows("#report-cadres").await?;
    assert_eq!(
        row(&cadres, "Bu Rina"),
        Some(vec!["Bu Rina".into(), "50".into(), "100".into()])
    );
    assert_eq!(
        row(&cadres, "Kader yang sudah tes awal dan tes akhir").map(|r| r[1].clone()),
        Some("1".into())
    );
    app.screenshot("93-report-cadres").await?;
    app.close().await
}
