//! Records moving between two real app instances, each with its own data folder: the
//! father's phone saves a bundle file, the cadre's device previews and applies it, a
//! second import changes nothing, a damaged file is refused without a change, and
//! edits of the family made on both devices wait on the conflicts screen until the
//! cadre chooses.

use std::path::Path;

use ayah_asi_e2e::flows::{
    give_session_rated, new_bundle, onboard, preview_on_cadre, send_from_phone, set_cadre_pin,
    set_plan,
};
use ayah_asi_e2e::{App, Driver, Result, eventually, open_database};

const FAST: (&str, &str) = ("AYAH_ASI_TIME_SCALE", "30");

/// The preview's counts as (kind, decision, count) for non-zero cells.
async fn tally(app: &App, table: &str) -> Result<Vec<(String, String, String)>> {
    let mut cells = Vec::new();
    for row in app
        .client
        .find_all(ayah_asi_e2e::Locator::Css(&format!("{table} tbody tr")))
        .await?
    {
        let kind = row.attr("data-kind").await?.unwrap_or_default();
        for cell in row.find_all(ayah_asi_e2e::Locator::Css("td")).await? {
            let decision = cell.attr("data-decision").await?.unwrap_or_default();
            let count = cell.text().await?;
            if count != "0" {
                cells.push((kind.clone(), decision, count));
            }
        }
    }
    Ok(cells)
}

fn count_rows(db: &Path, sql: &str) -> Result<i64> {
    Ok(open_database(db)?.query_row(sql, [], |r| r.get(0))?)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_family_bundle_moves_to_the_cadre_once_and_clashing_edits_wait_for_her() -> Result<()> {
    let outbox = tempfile::tempdir()?;
    let outbox_dir = outbox.path().to_string_lossy().into_owned();
    let inbox = tempfile::tempdir()?;
    // What the cadre's device picks up: the test copies the phone's files here.
    let received = inbox.path().join("dari-ayah-budi.ayahasi");
    let received_text = received.to_string_lossy().into_owned();

    // The father's phone: one session, rated by the mother, then sent.
    let phone = Driver::start_with_env(&[FAST, ("AYAH_ASI_EXPORT_DIR", &outbox_dir)])?;
    let father = phone.launch().await?;
    onboard(&father).await?;
    set_plan(&father, 60, 1).await?;
    give_session_rated(&father, Some((4, "sprays"))).await?;
    send_from_phone(&father).await?;
    let first = new_bundle(outbox.path(), &[])?;
    std::fs::copy(&first, &received)?;

    // The cadre's device, its own data folder.
    let tablet = Driver::start_with_env(&[("AYAH_ASI_IMPORT_FILE", &received_text)])?;
    let cadre = tablet.launch().await?;
    cadre.click("#choose-language-id").await?;
    cadre.click("#cadre-entry").await?;
    set_cadre_pin(&cadre, "246810").await?;
    preview_on_cadre(&cadre).await?;
    cadre
        .wait_for_text("#receive-families", "Budi Santoso & Siti Aminah")
        .await?;
    let preview = tally(&cadre, "#receive-tally").await?;
    for kind in [
        "family",
        "consent",
        "massage_plan",
        "massage_session",
        "session_rating",
    ] {
        assert!(
            preview.contains(&(kind.to_owned(), "new".to_owned(), "1".to_owned())),
            "{kind} is not new in {preview:?}"
        );
    }
    cadre.screenshot("60-import-preview").await?;
    // The file changes after the preview: the import refuses it and changes nothing.
    std::fs::write(&received, b"not the file that was shown")?;
    cadre.click("#receive-apply").await?;
    cadre
        .wait_for_text_containing("#receive-error", "Berkas berubah sejak ditampilkan")
        .await?;
    assert_eq!(
        count_rows(&tablet.database(), "SELECT count(*) FROM family")?,
        0
    );
    std::fs::copy(&first, &received)?;
    cadre.click("#receive-pick").await?;
    cadre.wait_for("#receive-preview").await?;
    cadre.click("#receive-apply").await?;
    cadre
        .wait_for_text_containing("#receive-done", "Selesai:")
        .await?;
    let db = tablet.database();
    assert_eq!(
        count_rows(
            &db,
            "SELECT count(*) FROM massage_session WHERE status = 'finished'"
        )?,
        1
    );
    assert_eq!(
        count_rows(
            &db,
            "SELECT count(*) FROM session_rating WHERE comfort = 4 AND milk_flow = 'sprays'"
        )?,
        1
    );

    // The same file again: everything is already there, nothing to apply.
    cadre.click("#receive-pick").await?;
    cadre
        .wait_for_text_containing("#receive-summary", "Semua isi berkas ini sudah ada")
        .await?;
    assert_eq!(
        cadre
            .client
            .find(ayah_asi_e2e::Locator::Css("#receive-apply"))
            .await?
            .attr("disabled")
            .await?,
        Some("true".into())
    );

    // A damaged copy is refused, and nothing changes.
    let mut damaged = std::fs::read(&first)?;
    let at = damaged.len() - 10;
    damaged[at] ^= 0x20;
    std::fs::write(&received, &damaged)?;
    cadre.click("#receive-pick").await?;
    cadre
        .wait_for_text_containing("#receive-error", "Berkas rusak")
        .await?;
    cadre.click("#receive-back").await?;
    cadre.wait_for("#families-list li[data-family]").await?;
    assert_eq!(count_rows(&db, "SELECT count(*) FROM massage_session")?, 1);

    // Both devices correct the family at once: the cadre the RW, the father the posyandu.
    cadre.click("#families-list button[id^='review-']").await?;
    cadre.click("#edit-family").await?;
    cadre
        .wait_for_text("#onboarding-title", "Ubah data keluarga")
        .await?;
    assert_eq!(cadre.value("#field-fatherName").await?, "Budi Santoso");
    cadre.type_into("#field-rw", "7").await?;
    cadre.click("#save-family").await?;
    cadre.wait_for("#review-title").await?;
    cadre.click("#back-to-families").await?;

    father.click("#family-data summary").await?;
    father.click("#edit-family").await?;
    father.type_into("#field-posyandu", "Mawar").await?;
    father.click("#save-family").await?;
    father.wait_for("#start-massage").await?;
    send_from_phone(&father).await?;
    let second = new_bundle(outbox.path(), &[first])?;
    std::fs::copy(&second, &received)?;

    preview_on_cadre(&cadre).await?;
    cadre.wait_for("#receive-preview").await?;
    let preview = tally(&cadre, "#receive-tally").await?;
    assert!(
        preview.contains(&("family".to_owned(), "conflict".to_owned(), "1".to_owned())),
        "{preview:?}"
    );
    cadre.click("#receive-apply").await?;
    cadre
        .wait_for_text_containing("#receive-conflicts", "menunggu pilihan kader")
        .await?;
    cadre.click("#receive-open-conflicts").await?;
    cadre
        .wait_for_text("#conflicts-title", "Perubahan bertabrakan")
        .await?;
    // Each side changed a different field: both differ, side by side.
    cadre
        .wait_for_text(
            "#conflicts-list tr[data-field='posyandu'] td.here",
            "Melati",
        )
        .await?;
    cadre
        .wait_for_text(
            "#conflicts-list tr[data-field='posyandu'] td.incoming",
            "Mawar",
        )
        .await?;
    cadre
        .wait_for_text("#conflicts-list tr[data-field='rw'] td.here", "7")
        .await?;
    cadre
        .wait_for_text("#conflicts-list tr[data-field='rw'] td.incoming", "11")
        .await?;
    cadre.screenshot("61-conflicts").await?;
    cadre
        .click("#conflicts-list button[id^='take-incoming-']")
        .await?;
    cadre.wait_for("#conflicts-none").await?;
    eventually("the father's version is used", || {
        let posyandu: String =
            open_database(&db)?.query_row("SELECT posyandu FROM family", [], |r| r.get(0))?;
        Ok(posyandu == "Mawar")
    })
    .await?;
    let (version, history) = open_database(&db)?.query_row(
        "SELECT (SELECT row_version FROM family), (SELECT count(*) FROM record_history WHERE table_name = 'family')",
        [],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
    )?;
    assert_eq!((version, history), (3, 3));
    father.close().await?;
    cadre.close().await
}
