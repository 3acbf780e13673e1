//! Two phones and the puskesmas server, as the sync tests use them: first contact by
//! file, pairing through the Server section, "Sinkronkan sekarang" and what it said.

use crate::flows::{
    apply_received, new_bundle, onboard, open_cadre_mode, preview_on_cadre, send_from_phone,
    set_plan,
};
use crate::server::PuskesmasServer;
use crate::{App, Driver, Result, open_database};

const FAST: (&str, &str) = ("AYAH_ASI_TIME_SCALE", "30");

/// Opens the Server section's pairing form and pairs with `code`.
pub async fn pair(app: &App, address: &str, code: &str) -> Result<()> {
    app.click("#server-pair-form summary").await?;
    app.type_into("#server-address", address).await?;
    app.type_into("#server-code", code).await?;
    app.click("#server-pair").await?;
    app.wait_for("#server-paired-to").await?;
    Ok(())
}

/// "Sinkronkan sekarang", then the line that says what it did.
pub async fn sync_now(app: &App) -> Result<String> {
    app.click("#server-sync").await?;
    app.wait_for_text_containing("#server-note", "Selesai:")
        .await?;
    app.text("#server-note").await
}

pub fn count(db: &std::path::Path, sql: &str) -> Result<i64> {
    Ok(open_database(db)?.query_row(sql, [], |r| r.get(0))?)
}

/// The code in "Ketik kode ini di HP keluarga (…): ABCD-EFGH-JK. Berlaku …".
pub fn code_in(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .find(|word| {
            word.len() >= 9
                && word.contains('-')
                && word
                    .chars()
                    .all(|c| c == '-' || ayah_asi_core::sync::CODE_ALPHABET.contains(c))
        })
        .map(str::to_owned)
}

/// Two phones after first contact: the father's family reached the cadre by file, and
/// her phone is paired and synced.
pub struct TwoPhones {
    pub server: PuskesmasServer,
    pub outbox: tempfile::TempDir,
    pub inbox: tempfile::TempDir,
    pub phone: Driver,
    pub father: App,
    pub tablet: Driver,
    pub cadre: App,
}

pub async fn two_phones() -> Result<TwoPhones> {
    let server = PuskesmasServer::start()?;
    let address = server.address();
    two_phones_with(server, &address, &[]).await
}

/// Like [`two_phones`], the cadre's phone reaching the server at `cadre_address` (a
/// proxy that breaks connections on purpose, say).
/// `cadre_env`: extra settings for the cadre's app.
pub async fn two_phones_with(
    server: PuskesmasServer,
    cadre_address: &str,
    cadre_env: &[(&str, &str)],
) -> Result<TwoPhones> {
    let outbox = tempfile::tempdir()?;
    let outbox_dir = outbox.path().to_string_lossy().into_owned();
    let inbox = tempfile::tempdir()?;
    let received = inbox.path().join("kenalan.ayahasi");
    let received_text = received.to_string_lossy().into_owned();
    let phone = Driver::start_with_env(&[FAST, ("AYAH_ASI_EXPORT_DIR", &outbox_dir)])?;
    let father = phone.launch().await?;
    onboard(&father).await?;
    set_plan(&father, 60, 1).await?;
    send_from_phone(&father).await?;
    std::fs::copy(new_bundle(outbox.path(), &[])?, &received)?;
    let mut env = vec![("AYAH_ASI_IMPORT_FILE", received_text.as_str())];
    env.extend_from_slice(cadre_env);
    let tablet = Driver::start_with_env(&env)?;
    let cadre = tablet.launch().await?;
    open_cadre_mode(&cadre, "246810").await?;
    preview_on_cadre(&cadre).await?;
    apply_received(&cadre).await?;
    pair(&cadre, cadre_address, &server.cadre_code()?.to_lowercase()).await?;
    cadre
        .wait_for_text_containing("#server-status", "Belum pernah sinkron")
        .await?;
    let first = sync_now(&cadre).await?;
    assert!(first.contains("catatan terkirim"), "{first}");
    Ok(TwoPhones {
        server,
        outbox,
        inbox,
        phone,
        father,
        tablet,
        cadre,
    })
}

/// From the family's review in cadre mode: a code for the family's phone, typed there.
pub async fn pair_family_phone(cadre: &App, father: &App, address: &str) -> Result<()> {
    cadre.click("#families-list button[id^='review-']").await?;
    cadre.click("#family-server-code").await?;
    cadre
        .wait_for_text_containing("#family-server-code-text", "Ketik kode ini")
        .await?;
    let shown = cadre.text("#family-server-code-text").await?;
    let code = code_in(&shown).ok_or(format!("no code in {shown:?}"))?;
    cadre.click("#back-to-families").await?;
    pair(father, address, &code).await?;
    father
        .wait_for_text_containing(
            "#server-section",
            "hanya mengirim dan menerima catatan keluarga ini",
        )
        .await?;
    Ok(())
}
