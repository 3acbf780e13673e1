//! The mother's consent and her erasure along the chain, with the real apps, the real
//! server and PostgreSQL: a mother who declines the text that names the server has
//! nothing sent; once she agrees, her family goes; her "Hapus semua data keluarga"
//! empties PostgreSQL of her family and the cadre's phone at its next sync, also when
//! her phone was offline at the time; a cadre removes a moved family from her phone
//! only; a midwife erases a family from the dashboard.

use ayah_asi_e2e::dashboard::Reader;
use ayah_asi_e2e::flows::give_session_rated;
use ayah_asi_e2e::two_phones::{TwoPhones, count, pair_family_phone, sync_now, two_phones};
use ayah_asi_e2e::{App, Driver, Result, eventually, open_database};

/// Everything the server's tables hold, as text (to look for names and ids).
fn every_row(server: &ayah_asi_e2e::server::PuskesmasServer) -> Result<String> {
    let tables = server.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")?;
    let mut all = String::new();
    for table in tables.split_whitespace() {
        all.push_str(&server.query(&format!("SELECT row_to_json(t)::text FROM {table} t"))?);
    }
    Ok(all)
}

/// A puskesmas staff member signed in to the dashboard.
async fn puskesmas_reader(server: &ayah_asi_e2e::server::PuskesmasServer) -> Result<Reader> {
    let password = "kata-sandi-panjang";
    server.add_account("bidan", "puskesmas", "Bidan Ani", None, password)?;
    Reader::log_in(&server.address(), "bidan", password).await
}

/// The two phones of first contact, the family's phone paired too (with a code its
/// cadre made).
async fn two_paired_phones() -> Result<TwoPhones> {
    let phones = two_phones().await?;
    pair_family_phone(&phones.cadre, &phones.father, &phones.server.address()).await?;
    Ok(phones)
}

fn family_id(driver: &Driver) -> Result<String> {
    Ok(open_database(&driver.database())?.query_row("SELECT id FROM family", [], |r| r.get(0))?)
}

/// On the family's home: "Data milik keluarga", delete, confirm; what it says after.
async fn delete_on_phone(father: &App) -> Result<String> {
    father.click("#family-data summary").await?;
    father.click("#delete-my-data").await?;
    father.click("#delete-my-data-confirm").await?;
    father.wait_for("#my-data-deleted-continue").await?;
    father.text("#my-data-status").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mother_who_declines_sends_nothing_and_her_delete_reaches_every_copy() -> Result<()> {
    let TwoPhones {
        server,
        phone,
        father,
        tablet,
        cadre,
        ..
    } = two_paired_phones().await?;
    let family = family_id(&phone)?;
    // Her consent was given to the text before the feeding recall's (as on a phone of
    // before): a session given since waits, and she is asked at the next start.
    give_session_rated(&father, None).await?;
    father.close().await?;
    phone.kill_app()?;
    rusqlite::Connection::open(phone.database())?
        .execute("UPDATE consent SET text_version = 'health-data-v3'", [])?;
    let father = phone.launch().await?;
    father.click("#consent-handover-ready").await?;
    father
        .wait_for_text("#consent-title", "Teks persetujuan yang baru")
        .await?;
    father
        .wait_for_text_containing("#consent-intro", "makanan dan minuman bayi")
        .await?;
    father
        .wait_for_text_containing("#consent-text", "makanan dan minuman bayi")
        .await?;
    father
        .wait_for_text_containing("#consent-text", "server puskesmas")
        .await?;
    father.screenshot("140-consent-names-the-server").await?;
    father.click("#consent-no").await?;
    father
        .wait_for_text_containing(
            "#consent-declined",
            "Tidak ada data baru yang dikirim ke server",
        )
        .await?;
    // The start's own sync ran and sent nothing of hers.
    eventually("the phone's sync at start is over", || {
        Ok(open_database(&phone.database())?.query_row(
            "SELECT last_attempt_at IS NOT NULL FROM server_sync",
            [],
            |r| r.get(0),
        )?)
    })
    .await?;
    let sessions = "SELECT count(*) FROM record WHERE table_name = 'massage_session'";
    assert_eq!(server.count(sessions)?, 0, "nothing new of her family went");

    // She agrees after all: the session goes, with her new consent.
    father.click("#consent-ask-again").await?;
    father.click("#consent-handover-ready").await?;
    father.click("#consent-yes").await?;
    father.wait_for("#start-massage").await?;
    let sent = sync_now(&father).await?;
    assert!(sent.contains("catatan terkirim"), "{sent}");
    assert_eq!(server.count(sessions)?, 1);
    // Her new consent went with it (the server also holds her first, which this test
    // turned older on her phone only).
    assert_eq!(
        server.count("SELECT count(*) FROM record WHERE table_name = 'consent' AND body->>'text_version' = 'health-data-v4'")?,
        2
    );

    // She deletes everything on her phone: the server erases the family at once.
    let said = delete_on_phone(&father).await?;
    assert!(said.contains("Server puskesmas sudah menghapus"), "{said}");
    father.screenshot("141-deleted-everywhere").await?;
    let rows = every_row(&server)?;
    assert!(
        !rows.contains("Siti Aminah") && !rows.contains("Budi Santoso"),
        "a name is left"
    );
    assert_eq!(
        server.count(&format!(
            "SELECT count(*) FROM record WHERE family_id = '{family}'"
        ))?,
        0
    );
    assert_eq!(
        server.count("SELECT count(*) FROM audit WHERE action = 'family-erased'")?,
        1
    );
    assert!(
        !phone.data_dir().join("server-pairing.json").exists(),
        "nothing left to sync"
    );
    father.click("#my-data-deleted-continue").await?;
    father.wait_for("#field-fatherName").await?;

    // The cadre's phone deletes its copy at its next sync; the dashboard has none.
    assert_eq!(count(&tablet.database(), "SELECT count(*) FROM family")?, 1);
    sync_now(&cadre).await?;
    assert_eq!(count(&tablet.database(), "SELECT count(*) FROM family")?, 0);
    assert_eq!(
        count(&tablet.database(), "SELECT count(*) FROM massage_session")?,
        0
    );
    let reader = puskesmas_reader(&server).await?;
    let (_, families) = reader.time("/families").await?;
    assert!(
        !families.contains("Budi"),
        "the dashboard still lists the family"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_delete_made_offline_reaches_the_server_at_the_next_start() -> Result<()> {
    let TwoPhones {
        server,
        phone,
        father,
        tablet,
        cadre,
        ..
    } = two_paired_phones().await?;
    let family = family_id(&phone)?;
    server.kill();
    let said = delete_on_phone(&father).await?;
    assert!(said.contains("belum dapat menghubungi server"), "{said}");
    father.screenshot("142-deleted-offline").await?;
    assert_eq!(
        count(&phone.database(), "SELECT count(*) FROM server_erasure_due")?,
        1
    );
    assert!(phone.data_dir().join("server-pairing.json").exists());
    father.close().await?;

    // The server is back; the phone's next start sends the erasure by itself.
    server.serve()?;
    phone.kill_app()?;
    let _father = phone.launch().await?;
    let records = format!("SELECT count(*) FROM record WHERE family_id = '{family}'");
    eventually("the erasure reaches the server", || {
        Ok(server.count(&records)? == 0)
    })
    .await?;
    eventually("the phone forgets the server", || {
        Ok(!phone.data_dir().join("server-pairing.json").exists())
    })
    .await?;
    sync_now(&cadre).await?;
    assert_eq!(count(&tablet.database(), "SELECT count(*) FROM family")?, 0);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cadre_removes_a_moved_family_from_her_phone_only_and_a_midwife_erases_it() -> Result<()>
{
    let TwoPhones {
        server,
        phone,
        father,
        tablet,
        cadre,
        ..
    } = two_paired_phones().await?;
    let family = family_id(&phone)?;

    // The family moved away: Bu Rina removes it from her phone only, behind her PIN.
    cadre.click("#families-list button[id^='review-']").await?;
    cadre.click("#family-privacy summary").await?;
    cadre.click("#remove-family-here").await?;
    cadre
        .wait_for_text_containing("#remove-warning", "tetap ada")
        .await?;
    cadre.type_into("#remove-pin", "111111").await?;
    cadre.click("#remove-confirm-button").await?;
    cadre
        .wait_for_text_containing("#remove-error", "PIN")
        .await?;
    cadre.type_into("#remove-pin", "246810").await?;
    cadre.click("#remove-confirm-button").await?;
    cadre.wait_for("#remove-done").await?;
    let said = cadre.text("#remove-status").await?;
    assert!(said.contains("dihapus dari HP ini"), "{said}");
    cadre.screenshot("143-removed-from-this-phone").await?;
    cadre.click("#remove-done").await?;
    assert_eq!(count(&tablet.database(), "SELECT count(*) FROM family")?, 0);
    let on_server = format!("SELECT count(*) FROM record WHERE family_id = '{family}'");
    assert!(server.count(&on_server)? > 0, "the server keeps the family");

    // The family goes on: its session reaches the server, and not her phone, whose
    // syncs go through.
    give_session_rated(&father, None).await?;
    sync_now(&father).await?;
    let hers = sync_now(&cadre).await?;
    assert!(hers.starts_with("Selesai"), "{hers}");
    assert_eq!(count(&tablet.database(), "SELECT count(*) FROM family")?, 0);
    assert_eq!(
        count(&tablet.database(), "SELECT count(*) FROM massage_session")?,
        0
    );

    // The mother asks at the puskesmas: a midwife erases the family from its page, and
    // the family's phone deletes its copy at its next sync.
    let reader = puskesmas_reader(&server).await?;
    let page = format!("/families/{family}/erase");
    let (status, location) = reader
        .post(&page, &page, &[("reason", "asked-in-person")])
        .await?;
    assert_eq!((status, location.as_str()), (303, "/families?erased=1"));
    assert_eq!(server.count(&on_server)?, 0);
    sync_now(&father).await.ok();
    eventually("the family's phone deleted its copy", || {
        Ok(count(&phone.database(), "SELECT count(*) FROM family")? == 0)
    })
    .await?;
    assert!(!phone.data_dir().join("server-pairing.json").exists());
    Ok(())
}
