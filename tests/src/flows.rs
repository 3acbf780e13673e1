//! Steps that many tests share, done the way a user does them.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::{App, Result, days_ago};

/// Enters a date in the day / month / year fields of the baby's birth date.
pub async fn enter_birth_date(app: &App, date: NaiveDate) -> Result<()> {
    app.type_into("#field-babyBirthDay", &date.day().to_string())
        .await?;
    app.select("#field-babyBirthMonth", &date.month().to_string())
        .await?;
    app.select("#field-babyBirthYear", &date.year().to_string())
        .await
}

/// Picks Indonesian and fills the family form (without submitting).
pub async fn fill_family(app: &App, birth_date: NaiveDate) -> Result<()> {
    app.click("#choose-language-id").await?;
    app.wait_for_text("#onboarding-title", "Data keluarga")
        .await?;
    app.type_into("#field-fatherName", "Budi Santoso").await?;
    app.type_into("#field-motherName", "Siti Aminah").await?;
    enter_birth_date(app, birth_date).await?;
    app.type_into("#field-posyandu", "Melati").await?;
    app.type_into("#field-rw", "11").await?;
    Ok(())
}

/// After the family's details: the phone goes to the mother, who agrees on her own screen.
pub async fn mother_consents(app: &App) -> Result<()> {
    app.click("#consent-handover-ready").await?;
    app.wait_for("#consent-text").await?;
    app.click("#consent-yes").await
}

/// Onboards the family in Indonesian and waits for the home screen.
pub async fn onboard(app: &App) -> Result<()> {
    fill_family(app, days_ago(14)).await?;
    app.click("#save-family").await?;
    mother_consents(app).await?;
    app.wait_for("#start-massage").await?;
    Ok(())
}

/// Sets the family's massage plan from the home screen's settings.
pub async fn set_plan(app: &App, pass_seconds: u32, passes: u32) -> Result<()> {
    app.click("#plan-settings summary").await?;
    app.select("#plan-pass-seconds", &pass_seconds.to_string())
        .await?;
    app.select("#plan-passes", &passes.to_string()).await?;
    app.click("#plan-save").await?;
    app.wait_for_text("#plan-status", "Pengaturan tersimpan.")
        .await
}

/// On the safety screen: every answer no, then continue to the preparation screen.
pub async fn answer_safety_no(app: &App) -> Result<()> {
    for question in SAFETY_QUESTIONS {
        app.click(&format!("#safety-{question}-no")).await?;
    }
    app.click("#safety-continue").await
}

/// The safety questions in order, as the app asks them.
pub const SAFETY_QUESTIONS: [&str; 9] = ayah_asi_core::protocol::SAFETY_QUESTIONS;

/// On the preparation screen: every item ticked, then start; waits for the guide.
pub async fn prepare_and_start(app: &App) -> Result<()> {
    for item in [
        "wash-hands",
        "quiet-room",
        "towel",
        "oil",
        "warm-water",
        "cup",
        "position",
    ] {
        app.click(&format!("#prep-{item}")).await?;
    }
    app.click("#prep-start").await?;
    app.wait_for("#guide").await?;
    Ok(())
}

/// From home: the mother agrees today and every safety answer is no; ends on the
/// preparation screen.
pub async fn reach_preparation(app: &App) -> Result<()> {
    app.click("#start-massage").await?;
    app.click("#consent-today-yes").await?;
    answer_safety_no(app).await
}

/// From home: consent yes, every safety answer no, every preparation item ticked, start.
pub async fn start_massage(app: &App) -> Result<()> {
    reach_preparation(app).await?;
    prepare_and_start(app).await
}

/// Sets a one-pass plan and runs a whole session to the handover screen.
pub async fn finish_one_pass_session(app: &App) -> Result<()> {
    start_massage(app).await?;
    app.wait_for_within("#closing", std::time::Duration::from_secs(30))
        .await?;
    app.click("#closing-done").await?;
    app.wait_for("#session-finished").await?;
    Ok(())
}

/// On the cadre set-up screen: her name and the PIN twice; waits for the families.
pub async fn set_cadre_pin(app: &App, pin: &str) -> Result<()> {
    app.type_into("#cadre-name", "Bu Rina").await?;
    app.type_into("#cadre-pin", pin).await?;
    app.type_into("#cadre-pin-repeat", pin).await?;
    app.click("#cadre-setup-save").await?;
    app.wait_for("#families-title").await?;
    Ok(())
}

/// The ten knowledge-test statements in order, and those that are true (the app keeps
/// the answers to itself: the UI never receives them).
pub const QUIZ_STATEMENTS: [&str; 10] = {
    let mut ids = [""; 10];
    let mut i = 0;
    while i < 10 {
        ids[i] = ayah_asi_core::learning::STATEMENTS[i].id;
        i += 1;
    }
    ids
};

/// Whether statement `id` is true.
pub fn quiz_true(id: &str) -> bool {
    ayah_asi_core::learning::STATEMENTS
        .iter()
        .any(|s| s.id == id && s.answer)
}

/// Answers every statement on the quiz screen and submits: all right, or "true" to all
/// (5 of 10 are true: 50).
pub async fn answer_quiz(app: &App, right: bool) -> Result<()> {
    for id in QUIZ_STATEMENTS {
        let given = if right { quiz_true(id) } else { true };
        app.click(&format!("#quiz-{id}-{given}")).await?;
    }
    app.click("#quiz-submit").await
}

/// The daftar tilik rows in order.
pub const CHECKLIST_ROWS: [&str; 12] = ayah_asi_core::checklist::ROWS;

/// The visit screen's button for `score` on `row`. A safety requirement has no 1 (pass
/// or fail only): asked for one, this gives its pass, for tests that score every row
/// alike and are not about that row.
pub fn row_button(row: &str, score: u8) -> String {
    let allowed = ayah_asi_core::checklist::allowed_scores(row);
    let score = if allowed.contains(&score) {
        score
    } else {
        ayah_asi_core::checklist::PASS
    };
    format!("#row-{row}-{score}")
}

/// The mother's optional characteristics, as the form takes them ("" = not given).
pub struct Mother<'a> {
    pub name: &'a str,
    pub age: &'a str,
    pub education: &'a str,
    pub parity: &'a str,
}

/// From the cadre's families list: registers a family of posyandu Melati, RW 11.
pub async fn register_family_as_cadre(app: &App, father: &str, mother: &Mother<'_>) -> Result<()> {
    app.click("#families-register").await?;
    app.wait_for_text("#onboarding-title", "Daftarkan keluarga")
        .await?;
    app.type_into("#field-fatherName", father).await?;
    app.type_into("#field-motherName", mother.name).await?;
    enter_birth_date(app, days_ago(20)).await?;
    app.type_into("#field-posyandu", "Melati").await?;
    app.type_into("#field-rw", "11").await?;
    app.type_into("#field-motherAge", mother.age).await?;
    app.select("#field-motherEducation", mother.education)
        .await?;
    app.select("#field-parity", mother.parity).await?;
    app.click("#save-family").await?;
    mother_consents(app).await?;
    app.wait_for("#families-list li[data-family]").await?;
    Ok(())
}

/// A fresh device into cadre mode: Indonesian, then her name and PIN.
pub async fn open_cadre_mode(app: &App, pin: &str) -> Result<()> {
    app.click("#choose-language-id").await?;
    app.click("#cadre-entry").await?;
    set_cadre_pin(app, pin).await
}

/// On the receive screen, once a file is picked: waits for its preview, applies it,
/// waits for "Selesai:" and goes back.
pub async fn apply_received(app: &App) -> Result<()> {
    app.wait_for("#receive-preview").await?;
    app.click("#receive-apply").await?;
    app.wait_for_text_containing("#receive-done", "Selesai:")
        .await?;
    app.click("#receive-back").await
}

/// The one bundle file in `dir` whose name is not in `seen`.
pub fn new_bundle(dir: &Path, seen: &[PathBuf]) -> Result<PathBuf> {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ayahasi") && !seen.contains(p))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        other => Err(format!(
            "expected one new bundle in {}, found {other:?}",
            dir.display()
        )
        .into()),
    }
}

/// From the phone's home: Data keluarga -> Kirim ke kader -> Simpan berkas.
pub async fn send_from_phone(app: &App) -> Result<()> {
    app.click("#family-data summary").await?;
    app.click("#send-to-cadre").await?;
    app.wait_for_text("#send-title", "Kirim ke kader").await?;
    app.click("#send-save").await?;
    app.wait_for_text_containing("#send-status", "Tersimpan:")
        .await?;
    app.click("#send-back").await?;
    app.wait_for("#start-massage").await?;
    Ok(())
}

/// From the cadre's families list: Terima berkas -> Pilih berkas; waits for the preview.
pub async fn preview_on_cadre(app: &App) -> Result<()> {
    app.click("#import-bundle").await?;
    app.wait_for_text("#receive-title", "Terima berkas").await?;
    app.click("#receive-pick").await?;
    Ok(())
}

/// A whole one-pass session, then the mother's answer: her comfort (1-5) and how the milk
/// flowed, or `None` to skip; back on the home screen.
pub async fn give_session_rated(app: &App, answer: Option<(u8, &str)>) -> Result<()> {
    finish_one_pass_session(app).await?;
    app.click("#handover-ready").await?;
    match answer {
        Some((comfort, flow)) => {
            app.click(&format!("#comfort-{comfort}")).await?;
            app.click(&format!("#milk-flow-{flow}")).await?;
            app.click("#rating-save").await?;
        }
        None => app.click("#rating-skip").await?,
    }
    app.click("#back-home").await?;
    app.wait_for("#start-massage").await?;
    Ok(())
}

/// From the cadre's families list: the first family's RW corrected to `rw`; back on the list.
pub async fn correct_rw_as_cadre(app: &App, rw: &str) -> Result<()> {
    app.click("#families-list button[id^='review-']").await?;
    app.click("#edit-family").await?;
    app.wait_for_text("#onboarding-title", "Ubah data keluarga")
        .await?;
    app.type_into("#field-rw", rw).await?;
    app.click("#save-family").await?;
    app.wait_for("#review-title").await?;
    app.click("#back-to-families").await?;
    app.wait_for("#families-list li[data-family]").await?;
    Ok(())
}
