//! The posko Ayah ASI between two real app instances: the cadre sets her posko; the
//! father's phone shows the next posko day once it imports her bundle; the question he
//! notes for it reaches her review with his next bundle.

use ayah_asi_e2e::flows::{
    apply_received, new_bundle, onboard, open_cadre_mode, preview_on_cadre, send_from_phone,
};
use ayah_asi_e2e::{Driver, Result};

#[tokio::test(flavor = "multi_thread")]
async fn the_cadres_posko_reaches_the_father_and_his_question_reaches_her() -> Result<()> {
    let phone_out = tempfile::tempdir()?;
    let tablet_out = tempfile::tempdir()?;
    let inbox = tempfile::tempdir()?;
    let to_tablet = inbox.path().join("dari-ayah.ayahasi");
    let to_phone = inbox.path().join("dari-kader.ayahasi");
    let text = |p: &std::path::Path| p.to_string_lossy().into_owned();

    // The father's phone, and its first bundle to the cadre.
    let phone = Driver::start_with_env(&[
        ("AYAH_ASI_EXPORT_DIR", &text(phone_out.path())),
        ("AYAH_ASI_IMPORT_FILE", &text(&to_phone)),
    ])?;
    let father = phone.launch().await?;
    onboard(&father).await?;
    father
        .wait_for_text(
            "#posko-none",
            "Jadwal posko Ayah ASI belum diterima. Jadwal datang dari kader lewat berkas atau sinkron berikutnya.",
        )
        .await?;
    send_from_phone(&father).await?;
    std::fs::copy(new_bundle(phone_out.path(), &[])?, &to_tablet)?;

    // The cadre takes the family on and sets her posko (a wrong time first).
    let tablet = Driver::start_with_env(&[
        ("AYAH_ASI_EXPORT_DIR", &text(tablet_out.path())),
        ("AYAH_ASI_IMPORT_FILE", &text(&to_tablet)),
    ])?;
    let cadre = tablet.launch().await?;
    open_cadre_mode(&cadre, "975310").await?;
    preview_on_cadre(&cadre).await?;
    apply_received(&cadre).await?;
    cadre.click("#open-posko").await?;
    cadre.type_into("#posko-place", "Balai RW 11").await?;
    cadre.select("#posko-weekday", "6").await?;
    cadre.type_into("#posko-starts", "10:00").await?;
    cadre.type_into("#posko-ends", "08:00").await?;
    cadre.type_into("#posko-contact", "0812 3456 7890").await?;
    cadre.click("#posko-save").await?;
    cadre
        .wait_for_text("#posko-ends-error", "Jam selesai harus setelah jam mulai.")
        .await?;
    cadre.type_into("#posko-starts", "08:00").await?;
    cadre.type_into("#posko-ends", "10:00").await?;
    cadre.click("#posko-save").await?;
    cadre
        .wait_for_text(
            "#posko-status",
            "Tersimpan: Setiap Sabtu, 08:00–10:00, Balai RW 11",
        )
        .await?;
    cadre.screenshot("94-posko-settings").await?;
    cadre.click("#back-to-families").await?;
    cadre.click("#families-list button[id^='review-']").await?;
    cadre.click("#export-family").await?;
    cadre.click("#send-save").await?;
    cadre
        .wait_for_text_containing("#send-status", "Tersimpan:")
        .await?;
    cadre.click("#send-back").await?;
    std::fs::copy(new_bundle(tablet_out.path(), &[])?, &to_phone)?;

    // The father imports it: his home shows the next posko day; he notes a question.
    father.click("#family-data summary").await?;
    father.click("#receive-bundle").await?;
    father.click("#receive-pick").await?;
    apply_received(&father).await?;
    father
        .wait_for_text_containing("#posko-next", "Posko berikutnya: Sabtu")
        .await?;
    assert!(
        father
            .text("#posko-next")
            .await?
            .ends_with("08:00–10:00, Balai RW 11")
    );
    father
        .wait_for_text("#posko-cadre", "Kader: Bu Rina · Hubungi: 0812 3456 7890")
        .await?;
    father
        .type_into("#posko-question", "Boleh pijat saat Ibu flu?")
        .await?;
    father.click("#posko-ask").await?;
    father
        .wait_for_text("#posko-questions li", "Boleh pijat saat Ibu flu?")
        .await?;
    father.screenshot("95-posko-home").await?;
    let seen = vec![new_bundle(phone_out.path(), &[])?];
    send_from_phone(&father).await?;
    std::fs::copy(new_bundle(phone_out.path(), &seen)?, &to_tablet)?;

    // Her review shows his question.
    cadre.click("#back-to-families").await?;
    preview_on_cadre(&cadre).await?;
    apply_received(&cadre).await?;
    cadre.click("#families-list button[id^='review-']").await?;
    cadre
        .wait_for_text_containing("#review-posko-questions li", "Boleh pijat saat Ibu flu?")
        .await?;
    cadre.close().await?;
    father.close().await
}
