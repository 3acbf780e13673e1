//! Cadre mode in the real app: the PIN (never stored in clear, wrong ones slowed), the
//! families list, registering a family, a scored home visit and its amendment, the
//! review, and the idle lock.

use ayah_asi_e2e::flows::{
    CHECKLIST_ROWS, Mother, onboard, register_family_as_cadre, set_cadre_pin, start_massage,
};
use ayah_asi_e2e::{App, Driver, Result, open_database};

const PIN: &str = "246810";

/// From the first screen, as a cadre on her own device: Indonesian, then cadre mode.
async fn set_up_cadre(app: &App) -> Result<()> {
    app.click("#choose-language-id").await?;
    app.click("#cadre-entry").await?;
    set_cadre_pin(app, PIN).await?;
    app.wait_for_text("#families-title", "Keluarga dampingan")
        .await
}

async fn register_family(app: &App, father: &str, mother: &str) -> Result<()> {
    let mother = Mother {
        name: mother,
        age: "",
        education: "",
        parity: "",
    };
    register_family_as_cadre(app, father, &mother).await
}

fn family_id(driver: &Driver, father: &str) -> Result<String> {
    let db = open_database(&driver.database())?;
    Ok(db.query_row(
        "SELECT id FROM family WHERE father_name = ?1",
        [father],
        |r| r.get(0),
    )?)
}

async fn score_rows(app: &App, scores: [u8; 12]) -> Result<()> {
    for (row, score) in CHECKLIST_ROWS.iter().zip(scores) {
        app.click(&format!("#row-{row}-{score}")).await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cadre_registers_a_family_scores_a_visit_and_sees_it_in_the_review() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    set_up_cadre(&app).await?;
    register_family(&app, "Andi", "Rina Sari").await?;
    register_family(&app, "Joko", "Dewi").await?;
    // Search by the mother's name.
    app.type_into("#families-search", "dewi").await?;
    app.wait_for_text("#families-list .family-name", "Joko & Dewi")
        .await?;
    app.type_into("#families-search", "").await?;
    app.screenshot("30-families").await?;

    let andi = family_id(&driver, "Andi")?;
    app.click(&format!("#visit-{andi}")).await?;
    score_rows(&app, [2, 2, 2, 1, 1, 2, 2, 1, 2, 1, 1, 1]).await?;
    // 18 of 24 = 75 %: cukup, not yet competent at 80 %.
    app.wait_for_text("#visit-score", "Skor 75% (18 dari 24)")
        .await?;
    app.wait_for_text("#visit-band", "Cukup · Belum kompeten (batas 80%)")
        .await?;
    app.type_into("#row-placement-c7-note", "Mulai terlalu rendah")
        .await?;
    app.click("#motivation-cooperative").await?;
    app.select("#visit-milk-status", "lancar").await?;
    app.type_into("#visit-coaching", "Latih posisi ibu jari di C7")
        .await?;
    app.screenshot("31-visit").await?;
    app.click("#visit-save").await?;
    app.wait_for_text("#visit-saved", "Kunjungan tersimpan: 75% — Cukup")
        .await?;

    app.click("#visit-to-review").await?;
    app.wait_for("#review-visits li").await?;
    assert!(
        app.text("#review-visits")
            .await?
            .contains("75% — Cukup (kader Bu Rina)")
    );
    let focus = app.text("#review-focus").await?;
    assert!(
        focus.starts_with("Kepalan tangan dan ibu jari") || focus.starts_with("Menekan dengan"),
        "{focus}"
    );
    let bars = app
        .client
        .find_all(ayah_asi_e2e::Locator::Css("#review-scores-chart rect.col"))
        .await?;
    assert_eq!(bars.len(), 1, "one visit, one bar");
    app.wait_for("#review-weeks-chart").await?;
    app.screenshot("32-review").await?;
    app.screenshot_of("#review-weeks-chart", "33-review-weeks-chart")
        .await?;

    // Amending keeps the original and needs a reason.
    app.click("#review-visits button").await?;
    app.click("#row-placement-c7-2").await?;
    app.wait_for_text("#visit-score", "Skor 79% (19 dari 24)")
        .await?;
    app.click("#visit-save").await?;
    app.wait_for_text("#visit-error", "Tulis alasan perubahan.")
        .await?;
    app.type_into("#visit-amend-reason", "Salah pencet").await?;
    app.click("#visit-save").await?;
    app.wait_for_text("#visit-saved", "Kunjungan tersimpan: 79% — Baik")
        .await?;

    let db = open_database(&driver.database())?;
    let mut stmt = db.prepare(
        "SELECT version, percent, band, checklist_version, amend_reason, motivation, milk_status,
                (SELECT count(*) FROM visit_score s WHERE s.visit_id = v.id)
         FROM home_visit v WHERE family_id = ?1 ORDER BY version",
    )?;
    type Row = (
        i64,
        i64,
        String,
        String,
        Option<String>,
        String,
        Option<String>,
        i64,
    );
    let visits: Vec<Row> = stmt
        .query_map([&andi], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    assert_eq!(
        visits,
        [
            (
                1,
                75,
                "cukup".into(),
                "daftar-tilik-v3".into(),
                None,
                "cooperative".into(),
                Some("lancar".into()),
                12
            ),
            (
                2,
                79,
                "baik".into(),
                "daftar-tilik-v3".into(),
                Some("Salah pencet".into()),
                "cooperative".into(),
                Some("lancar".into()),
                12
            ),
        ]
    );
    let milk_by_cadre: i64 = db.query_row(
        "SELECT count(*) FROM milk_status WHERE recorded_by = 'cadre' AND family_id = ?1",
        [&andi],
        |r| r.get(0),
    )?;
    assert_eq!(milk_by_cadre, 1);
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pin_is_never_stored_in_clear_and_wrong_pins_are_slowed() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    set_up_cadre(&app).await?;
    app.click("#cadre-lock").await?;
    app.wait_for("#cadre-entry").await?;

    app.click("#cadre-entry").await?;
    for attempt in 1..=3 {
        app.type_into("#cadre-pin", "111111").await?;
        app.click("#cadre-unlock").await?;
        let expected = if attempt < 3 {
            "PIN salah."
        } else {
            "PIN salah. Tunggu 5 detik sebelum mencoba lagi."
        };
        app.wait_for_text("#cadre-error", expected).await?;
    }
    // Even the right PIN must wait now.
    app.type_into("#cadre-pin", PIN).await?;
    app.click("#cadre-unlock").await?;
    let refused = app.text("#cadre-error").await?;
    assert!(
        refused.starts_with("Terlalu banyak PIN salah. Tunggu"),
        "{refused}"
    );
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    app.type_into("#cadre-pin", PIN).await?;
    app.click("#cadre-unlock").await?;
    app.wait_for("#families-title").await?;

    let db = open_database(&driver.database())?;
    let (hash, failures): (String, i64) =
        db.query_row("SELECT pin_hash, failed_attempts FROM cadre", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert_eq!(failures, 0, "a right PIN resets the count");
    drop(db);
    // The PIN's digits appear nowhere in the data folder: database, WAL, backups.
    let mut folders = vec![driver.data_dir()];
    let mut checked = 0;
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let bytes = std::fs::read(&path)?;
            assert!(
                !bytes.windows(PIN.len()).any(|w| w == PIN.as_bytes()),
                "the PIN is in {}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} files checked");
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn cadre_mode_locks_itself_when_idle_and_a_family_device_can_open_it() -> Result<()> {
    let driver = Driver::start_with_env(&[("AYAH_ASI_IDLE_LOCK_SECONDS", "2")])?;
    let app = driver.launch().await?;
    onboard(&app).await?; // the family's own phone
    app.click("#cadre-mode").await?;
    set_cadre_pin(&app, PIN).await?;
    app.wait_for_text("#families-list .family-name", "Budi Santoso & Siti Aminah")
        .await?;
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    app.wait_for_text(
        "#cadre-notice",
        "Mode kader terkunci karena lama tidak dipakai. Masukkan PIN lagi.",
    )
    .await?;
    app.type_into("#cadre-pin", PIN).await?;
    app.click("#cadre-unlock").await?;
    app.wait_for("#families-list li[data-family]").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn pressing_on_the_spine_is_never_competent_and_is_coached_first() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    set_up_cadre(&app).await?;
    register_family(&app, "Andi", "Rina").await?;
    let andi = family_id(&driver, "Andi")?;
    app.click(&format!("#visit-{andi}")).await?;
    // The duration and repetition rows read the family's own plan (3 × 2,5 minutes).
    app.wait_for_text_containing("fieldset[data-row='duration'] legend", "2,5 menit")
        .await?;
    app.wait_for_text_containing("fieldset[data-row='repetitions'] legend", "Pijat 3 kali")
        .await?;
    app.wait_for_text_containing(
        "fieldset[data-row='not-on-spine']",
        "Syarat keamanan (wajib terpenuhi)",
    )
    .await?;
    // The spine row is pass or fail in its own words: "he pressed now and then" has no
    // half score to hide in.
    app.wait_for_text(
        "#row-not-on-spine-2",
        "Terpenuhi: tidak pernah menekan tulang belakang",
    )
    .await?;
    app.wait_for_text(
        "#row-not-on-spine-0",
        "Tidak terpenuhi: sempat menekan tulang belakang, walau sekali",
    )
    .await?;
    assert!(
        app.client
            .find_all(ayah_asi_e2e::Locator::Css("#row-not-on-spine-1"))
            .await?
            .is_empty(),
        "no third score on a safety requirement"
    );
    // Everything right but the father pressed on the spine: 22 of 24 = 92 %.
    score_rows(&app, [2, 2, 2, 2, 2, 2, 0, 2, 2, 2, 2, 2]).await?;
    app.wait_for_text("#visit-score", "Skor 92% (22 dari 24)")
        .await?;
    app.wait_for_text_containing(
        "#visit-band",
        "Baik · Belum kompeten. Syarat keamanan: Tidak terpenuhi: sempat menekan tulang belakang, walau sekali",
    )
    .await?;
    app.screenshot_of("fieldset[data-row='not-on-spine']", "34-spine-row")
        .await?;
    app.click("#motivation-cooperative").await?;
    app.screenshot("34-visit-spine").await?;
    app.click("#visit-save").await?;
    app.wait_for_text_containing("#visit-result-competence", "Belum kompeten")
        .await?;
    app.click("#visit-to-review").await?;
    app.wait_for_text_containing(
        "#review-visits",
        "Syarat keamanan: Tidak terpenuhi: sempat menekan tulang belakang, walau sekali",
    )
    .await?;
    let focus = app.text("#review-focus li").await?;
    assert!(
        focus.starts_with("Kedua ibu jari selalu di samping tulang belakang"),
        "{focus}"
    );
    app.screenshot("35-review-spine").await?;

    let db = open_database(&driver.database())?;
    let (percent, band, competent): (i64, String, bool) = db.query_row(
        "SELECT percent, band, competent FROM home_visit WHERE family_id = ?1",
        [&andi],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    assert_eq!((percent, band.as_str(), competent), (92, "baik", false));
    drop(db);
    // The report counts it.
    app.click("#back-to-families").await?;
    app.click("#open-report").await?;
    app.wait_for_text_containing(
        "#report-critical-failed",
        "Syarat keamanan tidak terpenuhi pada kunjungan terakhir",
    )
    .await?;
    assert!(app.text("#report-critical-failed").await?.ends_with(": 1"));
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_family_whose_massage_stopped_for_pain_comes_first_in_the_cadres_list() -> Result<()> {
    let driver = Driver::start_with_env(&[("AYAH_ASI_TIME_SCALE", "30")])?;
    let app = driver.launch().await?;
    onboard(&app).await?; // the family's own phone, also used by the cadre
    start_massage(&app).await?;
    // During every pass: ask her whether the pressure is right, stop if it hurts.
    app.wait_for_text_containing("#guide-instruction", "berhenti jika sakit")
        .await?;
    // Pain stops the massage in one tap.
    app.click("#guide-pain-stop").await?;
    app.wait_for_text("#stop-reason", "Ibu merasa sakit")
        .await?;
    app.wait_for("#pain-advice").await?;
    app.click("#handover-ready").await?;
    app.click("#rating-skip").await?;
    app.click("#back-home").await?;
    app.click("#cadre-mode").await?;
    set_cadre_pin(&app, PIN).await?;
    // A family never visited would come first, but a stop for pain comes before it.
    register_family(&app, "Andi", "Rina").await?;
    app.wait_for_text_containing("#families-list li[data-family] .family-name", "Budi")
        .await?;
    let first = app.text("#families-list li[data-family]").await?;
    assert!(first.contains("Perlu segera dihubungi"), "{first}");
    assert!(
        first.contains("Pijat dihentikan karena Ibu kesakitan"),
        "{first}"
    );
    app.screenshot("36-families-pain-first").await?;
    // The review shows the stop for pain among the sessions.
    app.click("#families-list li[data-family] button[id^='review-']")
        .await?;
    app.wait_for_text_containing("#review-sessions li.risk", "Ibu merasa sakit")
        .await?;
    let (status, reason): (String, String) = open_database(&driver.database())?.query_row(
        "SELECT status, stop_reason FROM massage_session",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    assert_eq!((status.as_str(), reason.as_str()), ("stopped", "pain"));
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cadres_device_can_also_register_its_own_family() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    set_up_cadre(&app).await?;
    register_family(&app, "Andi", "Rina").await?;
    app.click("#cadre-exit").await?;
    // Back on the first screen: the cadre's own family registers as any family does.
    app.wait_for("#onboarding-title").await?;
    app.type_into("#field-fatherName", "Budi Santoso").await?;
    app.type_into("#field-motherName", "Siti Aminah").await?;
    ayah_asi_e2e::flows::enter_birth_date(&app, ayah_asi_e2e::days_ago(5)).await?;
    app.click("#save-family").await?;
    ayah_asi_e2e::flows::mother_consents(&app).await?;
    app.wait_for_text("#greeting", "Selamat datang, Pak Budi Santoso!")
        .await?;
    // Cadre mode shows both: the family she registered and the device's own.
    app.click("#cadre-mode").await?;
    app.type_into("#cadre-pin", PIN).await?;
    app.click("#cadre-unlock").await?;
    app.wait_for("#families-list li[data-family]").await?;
    let names = app.text("#families-list").await?;
    assert!(
        names.contains("Andi & Rina") && names.contains("Budi Santoso & Siti Aminah"),
        "{names}"
    );
    app.close().await
}
