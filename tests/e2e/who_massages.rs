//! Whoever gives the massage (seed 002: "bisa dibantu pijat oleh ayah atau nenek"): the
//! grandmother gives a session on the father's phone; it shows as hers in his history,
//! is remembered for the next session, reaches the cadre's review in a bundle, the
//! cadre's visit records whom she watched, and the report counts sessions by giver.

use ayah_asi_e2e::flows::{
    CHECKLIST_ROWS, apply_received, new_bundle, onboard, open_cadre_mode, prepare_and_start,
    preview_on_cadre, reach_preparation, send_from_phone, set_plan,
};
use ayah_asi_e2e::{App, Driver, Result, open_database};

const FAST: (&str, &str) = ("AYAH_ASI_TIME_SCALE", "30");

async fn pressed(app: &App, css: &str) -> Result<bool> {
    let button = app.wait_for(css).await?;
    Ok(button.attr("aria-pressed").await?.as_deref() == Some("true"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_the_grandmother_gives_is_hers_in_history_review_and_report() -> Result<()> {
    let outbox = tempfile::tempdir()?;
    let outbox_dir = outbox.path().to_string_lossy().into_owned();
    let inbox = tempfile::tempdir()?;
    let received = inbox.path().join("dari-ayah-budi.ayahasi");
    let received_text = received.to_string_lossy().into_owned();

    // The father's phone: the grandmother massages today.
    let phone = Driver::start_with_env(&[FAST, ("AYAH_ASI_EXPORT_DIR", &outbox_dir)])?;
    let family = phone.launch().await?;
    onboard(&family).await?;
    set_plan(&family, 60, 1).await?;
    reach_preparation(&family).await?;
    family
        .wait_for_text("#giver-title", "Siapa yang memijat hari ini?")
        .await?;
    assert!(pressed(&family, "#giver-father").await?, "the father first");
    family.click("#giver-grandmother").await?;
    assert!(pressed(&family, "#giver-grandmother").await?);
    assert!(!pressed(&family, "#giver-father").await?);
    family.screenshot("90-giver-choice").await?;
    prepare_and_start(&family).await?;
    family
        .wait_for_within("#closing", std::time::Duration::from_secs(30))
        .await?;
    family.click("#closing-done").await?;
    family.click("#handover-ready").await?;
    family.click("#comfort-5").await?;
    family.click("#milk-flow-drips").await?;
    family.click("#rating-save").await?;
    family.click("#back-home").await?;
    let given_by: String = open_database(&phone.database())?.query_row(
        "SELECT given_by FROM massage_session WHERE status = 'finished'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(given_by, "grandmother");

    family.click("#open-history").await?;
    family
        .wait_for_text_containing("#history li[data-session] .given-by", "Dipijat oleh Nenek")
        .await?;
    family.click("#back-home").await?;

    // The next session offers the grandmother again: one tap less for her.
    reach_preparation(&family).await?;
    assert!(pressed(&family, "#giver-grandmother").await?, "remembered");
    family.click("#session-cancel").await?;
    family.wait_for("#start-massage").await?;
    send_from_phone(&family).await?;
    std::fs::copy(new_bundle(outbox.path(), &[])?, &received)?;

    // The cadre's device receives it; her review shows whose session it was.
    let tablet = Driver::start_with_env(&[("AYAH_ASI_IMPORT_FILE", &received_text)])?;
    let cadre = tablet.launch().await?;
    open_cadre_mode(&cadre, "246810").await?;
    preview_on_cadre(&cadre).await?;
    apply_received(&cadre).await?;
    cadre.click("#families-list button[id^='review-']").await?;
    cadre
        .wait_for_text_containing("#review-sessions", "Dipijat oleh Nenek")
        .await?;

    // Her visit: she watches the grandmother, who is already chosen.
    cadre.click("#visit-again").await?;
    cadre
        .wait_for_text(
            "#visit-observed-title",
            "Siapa yang memijat saat kunjungan ini?",
        )
        .await?;
    assert!(pressed(&cadre, "#observed-grandmother").await?);
    for row in CHECKLIST_ROWS {
        cadre.click(&format!("#row-{row}-2")).await?;
    }
    cadre.click("#motivation-cooperative").await?;
    cadre.click("#visit-save").await?;
    cadre.wait_for("#visit-saved").await?;
    cadre.click("#visit-to-review").await?;
    cadre
        .wait_for_text_containing("#review-visits", "Yang diamati memijat: Nenek")
        .await?;
    let observed: String = open_database(&tablet.database())?.query_row(
        "SELECT observed FROM home_visit",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(observed, "grandmother");

    // The report counts the session as the grandmother's.
    cadre.click("#back-to-families").await?;
    cadre.click("#open-report").await?;
    cadre.wait_for("#report-given-by").await?;
    let rows = cadre.table_rows("#report-given-by").await?;
    let row = |first: &str| rows.iter().find(|r| r[0] == first).cloned();
    assert_eq!(
        row("Nenek"),
        Some(vec!["Nenek".into(), "1".into(), "100".into()])
    );
    assert_eq!(
        row("Ayah"),
        Some(vec!["Ayah".into(), "0".into(), "0".into()])
    );
    cadre.screenshot("91-report-given-by").await?;
    cadre.close().await?;
    family.close().await
}
