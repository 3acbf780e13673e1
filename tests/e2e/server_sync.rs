//! A family's phone and a cadre's phone (two app instances, each its own data folder)
//! sync through the real puskesmas server on a throwaway PostgreSQL: after the one file
//! of first contact, sessions, ratings and visits travel with "Sinkronkan sekarang"
//! alone; a wrong code and plain HTTP to another machine are refused; with the server
//! down the app keeps working and says when it last synced.

use ayah_asi_e2e::flows::{CHECKLIST_ROWS, correct_rw_as_cadre, give_session_rated};
use ayah_asi_e2e::server::PuskesmasServer;
use ayah_asi_e2e::two_phones::{
    TwoPhones, count, pair_family_phone, sync_now, two_phones, two_phones_with,
};
use ayah_asi_e2e::{Result, eventually, open_database};

#[tokio::test(flavor = "multi_thread")]
async fn a_session_and_a_visit_travel_between_phones_through_the_server() -> Result<()> {
    let TwoPhones {
        server,
        outbox,
        phone,
        father,
        tablet,
        cadre,
        ..
    } = two_phones().await?;
    cadre.screenshot("100-server-synced").await?;
    assert_eq!(
        server.count("SELECT count(*) FROM record WHERE table_name = 'family'")?,
        1
    );

    // On the father's phone, plain HTTP to another machine and a wrong code are refused
    // in his language, and nothing is kept.
    father.click("#server-pair-form summary").await?;
    father
        .type_into("#server-address", "http://192.168.1.20:8080")
        .await?;
    father.type_into("#server-code", "ABCD-EFGH").await?;
    father.click("#server-pair").await?;
    father
        .wait_for_text_containing("#server-address-error", "https://")
        .await?;
    father
        .type_into("#server-address", &server.address())
        .await?;
    father.click("#server-pair").await?;
    father
        .wait_for_text_containing("#server-pair-status", "Kode sambung salah")
        .await?;
    assert!(!phone.data_dir().join("server-pairing.json").exists());
    father.click("#server-pair-form summary").await?;
    pair_family_phone(&cadre, &father, &server.address()).await?;

    // A session is given and rated; one sync sends both.
    give_session_rated(&father, Some((4, "sprays"))).await?;
    let sent = sync_now(&father).await?;
    assert!(
        sent.contains("Selesai: 2 catatan terkirim"),
        "the session and its rating: {sent}"
    );
    father.screenshot("101-family-synced").await?;

    // The cadre syncs: the session is in her review without any file.
    let got = sync_now(&cadre).await?;
    assert!(got.contains("2 diterima"), "{got}");
    assert_eq!(
        count(
            &tablet.database(),
            "SELECT count(*) FROM session_rating WHERE comfort = 4 AND milk_flow = 'sprays'"
        )?,
        1
    );
    cadre.click("#families-list button[id^='review-']").await?;
    cadre.wait_for("#review-sessions li").await?;

    // Her visit: every row done well but one, to practise.
    cadre.click("#visit-again").await?;
    for row in CHECKLIST_ROWS {
        let score = if row == "preparation" { 1 } else { 2 };
        cadre.click(&format!("#row-{row}-{score}")).await?;
    }
    cadre.click("#motivation-cooperative").await?;
    cadre.click("#visit-save").await?;
    cadre.wait_for("#visit-saved").await?;
    cadre.click("#visit-to-review").await?;
    cadre.click("#back-to-families").await?;
    // Her posko, set on her phone, goes with her sync to her families' phones.
    cadre.click("#open-posko").await?;
    cadre.type_into("#posko-place", "Balai RW 11").await?;
    cadre.select("#posko-weekday", "6").await?;
    cadre.click("#posko-save").await?;
    cadre
        .wait_for_text_containing("#posko-status", "Balai RW 11")
        .await?;
    cadre.click("#back-to-families").await?;
    sync_now(&cadre).await?;

    // The father's next sync brings her visit to his history.
    let news = sync_now(&father).await?;
    assert!(news.contains("diterima"), "{news}");
    father.click("#open-history").await?;
    father
        .wait_for_text_containing("#history-visits", "Bu Rina menilai pijatan")
        .await?;
    father
        .wait_for_text_containing("#history-visits", "Perlu dilatih lagi")
        .await?;
    father.screenshot("102-family-sees-visit").await?;
    father.click("#back-home").await?;
    father
        .wait_for_text_containing("#posko-next", "Balai RW 11")
        .await?;
    assert_eq!(
        std::fs::read_dir(outbox.path())?.count(),
        1,
        "only the first-contact file was ever written"
    );

    // The server goes down: the app keeps working and says when it last synced.
    server.kill();
    father.click("#server-sync").await?;
    father
        .wait_for_text_containing("#server-note", "Server tidak terjangkau")
        .await?;
    father
        .wait_for_text_containing("#server-status", "Terakhir berhasil:")
        .await?;
    father.screenshot("103-server-unreachable").await?;
    give_session_rated(&father, None).await?;
    // Back up: the session given offline reaches the server once.
    server.serve()?;
    let later = sync_now(&father).await?;
    assert!(later.contains("catatan terkirim"), "{later}");
    assert_eq!(
        server.count("SELECT count(*) FROM record WHERE table_name = 'massage_session'")?,
        2
    );

    // The puskesmas revokes the father's phone: refused at once, said in his language,
    // and every record stays on the phone.
    let device = server
        .query("SELECT id FROM device WHERE family_id IS NOT NULL")?
        .trim()
        .to_owned();
    server.cli(&["revoke", &device])?;
    father.click("#server-sync").await?;
    father
        .wait_for_text_containing("#server-note", "dicabut puskesmas")
        .await?;
    father
        .wait_for_text_containing("#server-status", "server tidak lagi menerima HP ini")
        .await?;
    assert_eq!(
        count(&phone.database(), "SELECT count(*) FROM massage_session")?,
        2
    );
    father.close().await?;
    cadre.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn clashing_edits_wait_for_the_cadre_and_her_choice_syncs_back() -> Result<()> {
    let TwoPhones {
        server,
        phone,
        father,
        tablet,
        cadre,
        ..
    } = two_phones().await?;
    pair_family_phone(&cadre, &father, &server.address()).await?;

    // Both correct the family at once: the cadre the RW, the father the posyandu.
    correct_rw_as_cadre(&cadre, "7").await?;
    father.click("#family-data summary").await?;
    father.click("#edit-family").await?;
    father.type_into("#field-posyandu", "Mawar").await?;
    father.click("#save-family").await?;
    father.wait_for("#start-massage").await?;

    let sent = sync_now(&father).await?;
    assert!(sent.contains("1 catatan terkirim"), "{sent}");
    // Her sync finds the clash: kept aside on the server and on her phone, shown to her.
    let clash = sync_now(&cadre).await?;
    assert!(
        clash.contains("1 perlu dipilih"),
        "{clash}\nserver: {}\npushes: {}",
        server.query("SELECT table_name, body->>'row_version', body->>'posyandu', body->>'rw', pushed_by, seq FROM record WHERE table_name = 'family'")?,
        server.query("SELECT device_id, tally FROM push ORDER BY at")?
    );
    assert!(clash.contains("Lihat perubahan bertabrakan"), "{clash}");
    assert_eq!(server.count("SELECT count(*) FROM conflict")?, 1);
    cadre.click("#open-conflicts").await?;
    cadre
        .wait_for_text(
            "#conflicts-list tr[data-field='posyandu'] td.incoming",
            "Mawar",
        )
        .await?;
    cadre
        .wait_for_text("#conflicts-list tr[data-field='rw'] td.here", "7")
        .await?;
    cadre.screenshot("104-server-conflict").await?;
    cadre
        .click("#conflicts-list button[id^='keep-local-']")
        .await?;
    cadre.wait_for("#conflicts-none").await?;
    cadre.click("#conflicts-back").await?;

    // Her choice travels back as an ordinary update, to the server and to the phone.
    let chosen = sync_now(&cadre).await?;
    assert!(chosen.contains("1 catatan terkirim"), "{chosen}");
    let news = sync_now(&father).await?;
    assert!(news.contains("1 diterima"), "{news}");
    let read = |db: &std::path::Path| -> Result<(String, String, i64)> {
        Ok(open_database(db)?.query_row(
            "SELECT posyandu, rw, row_version FROM family",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?)
    };
    let expected = ("Melati".to_owned(), "7".to_owned(), 3);
    assert_eq!(read(&phone.database())?, expected);
    assert_eq!(read(&tablet.database())?, expected);
    assert_eq!(
        server.count(
            "SELECT (body->>'row_version')::bigint FROM record WHERE table_name = 'family'"
        )?,
        3
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_family_moved_to_another_cadre_stops_travelling_from_the_old_phone() -> Result<()> {
    let TwoPhones {
        server,
        phone: _phone,
        father: _father,
        tablet,
        cadre,
        ..
    } = two_phones().await?;
    // The puskesmas moves the family to Bu Ani.
    server.cli(&["cadre", "add", "1", "Bu Ani"])?;
    let family: String =
        open_database(&tablet.database())?.query_row("SELECT id FROM family", [], |r| r.get(0))?;
    server.cli(&["family", "move", &family, "2"])?;

    // Bu Rina still corrects it on her phone: her sync goes through without it and
    // says why; the server keeps the family as it was.
    correct_rw_as_cadre(&cadre, "7").await?;
    let done = sync_now(&cadre).await?;
    assert!(done.contains("Selesai: 0 catatan terkirim"), "{done}");
    cadre
        .wait_for_text_containing("#server-status", "sudah dipindah puskesmas ke kader lain")
        .await?;
    assert_eq!(
        server
            .query("SELECT body->>'rw' FROM record WHERE table_name = 'family'")?
            .trim(),
        "11"
    );
    // And the next sync is an ordinary one.
    let again = sync_now(&cadre).await?;
    assert!(again.starts_with("Selesai:"), "{again}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn phones_sync_by_themselves_when_the_app_starts_and_on_a_timer() -> Result<()> {
    let server = PuskesmasServer::start()?;
    let address = server.address();
    // The cadre's phone syncs every 3 seconds here (every 15 minutes in a release build).
    let TwoPhones {
        server,
        phone,
        father,
        tablet,
        cadre,
        ..
    } = two_phones_with(server, &address, &[("AYAH_ASI_SYNC_EVERY_SECONDS", "3")]).await?;
    pair_family_phone(&cadre, &father, &server.address()).await?;
    give_session_rated(&father, None).await?;
    assert_eq!(
        server.count("SELECT count(*) FROM record WHERE table_name = 'massage_session'")?,
        0,
        "nothing sent yet: no sync was asked for"
    );
    // The family's app starts again: it syncs by itself.
    phone.kill_app()?;
    drop(father);
    let _father = phone.launch().await?;
    eventually("the session reaches the server when the app starts", || {
        Ok(server.count("SELECT count(*) FROM record WHERE table_name = 'massage_session'")? == 1)
    })
    .await?;
    // The cadre's phone, untouched, brings it in on its timer.
    eventually("the cadre's phone has the session", || {
        Ok(count(&tablet.database(), "SELECT count(*) FROM massage_session")? == 1)
    })
    .await?;
    drop(cadre);
    Ok(())
}
