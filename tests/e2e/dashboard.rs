//! The midwife's dashboard in Debian's Chromium (headless, through chromedriver), on the
//! real server binary and a throwaway PostgreSQL, with data from the real app: a
//! father stops a massage for pain on his phone and syncs; the midwife logs in, sees
//! the alert, opens the family, marks it handled; the report for the posyandu equals
//! the cadre's own report cell by cell; the overview and the report draw their
//! pictures from the same numbers; every page passes axe-core at desk, tablet and phone
//! size (360 px), its charts within the screen. Then what a browser must refuse: a locked-out login, an expired session, a
//! form without its token; and a forgotten password set again, then changed by its owner.

use ayah_asi_e2e::Result;
use ayah_asi_e2e::browser::Browser;
use ayah_asi_e2e::flows::{answer_quiz, start_massage};
use ayah_asi_e2e::server::PuskesmasServer;
use ayah_asi_e2e::two_phones::{pair_family_phone, sync_now, two_phones_with};

const PASSWORD: &str = "bidan-melati-2026";

/// The father stops for pain (one tap, as the guide offers it), the mother skips rating.
async fn stop_for_pain(father: &ayah_asi_e2e::App) -> Result<()> {
    start_massage(father).await?;
    father
        .wait_for_text_containing("#guide-instruction", "berhenti jika sakit")
        .await?;
    father.click("#guide-pain-stop").await?;
    father
        .wait_for_text("#stop-reason", "Ibu merasa sakit")
        .await?;
    father.click("#handover-ready").await?;
    father.click("#rating-skip").await?;
    father.click("#back-home").await?;
    father.wait_for("#start-massage").await?;
    Ok(())
}

async fn log_in(browser: &Browser, base: &str, login: &str, password: &str) -> Result<()> {
    browser.open(&format!("{base}/login")).await?;
    browser.page.type_into("#login", login).await?;
    browser.page.type_into("#password", password).await?;
    browser.page.click("#login-submit").await?;
    Ok(())
}

/// Charts that are not drawn or do not fit the window's width (a chart never scrolls
/// sideways; only tables do, in their own box), and a page that scrolls sideways.
async fn charts_outside_the_screen(page: &ayah_asi_e2e::App) -> Result<Vec<String>> {
    let found = page
        .client
        .execute(
            "const width = document.documentElement.clientWidth;
             const problems = [...document.querySelectorAll('svg.chart')].flatMap((chart) => {
               const box = chart.getBoundingClientRect();
               return box.width < 100 || box.right > width + 1
                 ? [`${chart.id}: ${Math.round(box.left)}-${Math.round(box.right)} in ${width}`] : [];
             });
             if (document.documentElement.scrollWidth > width + 1) {
               problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
             }
             return problems;",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(found)?)
}

/// The rows of a table as text, header first (cells trimmed).
async fn rows(page: &ayah_asi_e2e::App, css: &str) -> Result<Vec<Vec<String>>> {
    page.table_rows(css).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_midwife_handles_the_alert_a_fathers_pain_stop_raised_and_sees_the_cadres_report()
-> Result<()> {
    // The most a server's logs would ever hold: debug, as JSON lines.
    let server =
        PuskesmasServer::start_with(&[("RUST_LOG", "debug"), ("AYAH_ASI_LOG_FORMAT", "json")])?;
    let address = server.address();
    let phones = two_phones_with(server, &address, &[]).await?;
    let (server, father, cadre) = (&phones.server, &phones.father, &phones.cadre);
    pair_family_phone(cadre, father, &address).await?;
    stop_for_pain(father).await?;
    // The mother answers "what did the baby have yesterday" on her phone: formula too.
    father.click("#record-feeding").await?;
    father.click("#food-breast-milk").await?;
    father.click("#food-formula").await?;
    father.click("#ever-other-yes").await?;
    father.click("#feeding-save").await?;
    father.wait_for("#feeding-advice").await?;
    father.click("#back-home").await?;
    let sent = sync_now(father).await?;
    assert!(sent.contains("catatan terkirim"), "{sent}");
    server.add_account("bidan", "midwife", "Bidan Wati", Some("1"), PASSWORD)?;

    let browser = Browser::start(1280, 800).await?;
    let page = &browser.page;
    log_in(&browser, &address, "bidan", PASSWORD).await?;
    page.wait_for_text_containing("#signed-in", "Bidan Wati")
        .await?;
    let overview = rows(page, "#overview").await?;
    assert_eq!(overview[1][0], "Melati", "{overview:?}");
    assert_eq!(overview[1][1], "1", "one family enrolled: {overview:?}");
    // The pictures: this week's column holds the session stopped for pain, as the table
    // beside it does; the alerts by kind count the pain stop.
    let drawn: Vec<String> = serde_json::from_value(
        page.client
            .execute(
                "return [...document.querySelectorAll('#chart-weeks-1 rect.col')].map(r => r.dataset.value)
                   .concat([document.querySelector('#chart-alerts rect.bar-pain-stop').dataset.value]);",
                vec![],
            )
            .await?,
    )?;
    assert_eq!(drawn.len(), 13, "{drawn:?}");
    assert_eq!(drawn[11..], ["1".to_owned(), "1".to_owned()], "{drawn:?}");
    let weeks = rows(page, "#weeks-1").await?;
    assert_eq!(weeks.last().map(|r| r[1].as_str()), Some("1"), "{weeks:?}");
    // This month's exclusive breastfeeding: the baby asked, not on breast milk only.
    let feeding = rows(page, "#feeding-1").await?;
    assert_eq!(
        feeding.last().map(|r| r[1..].to_vec()),
        Some(vec!["1".to_owned(), "0".to_owned(), "0".to_owned()]),
        "{feeding:?}"
    );
    page.screenshot("dashboard-overview").await?;

    page.click("a[href='/alerts']").await?;
    page.wait_for_text_containing(
        "#alerts li[data-kind='pain-stop']",
        "Pijat dihentikan karena Ibu merasa sakit",
    )
    .await?;
    // The formula is an alert too, named, with what helps.
    page.wait_for_text_containing(
        "#alerts li[data-kind='other-feeding']",
        "Bayi diberi selain ASI sebelum 6 bulan: Susu formula",
    )
    .await?;
    page.screenshot("dashboard-alerts").await?;
    page.click("#alerts li[data-kind='pain-stop'] a").await?;
    page.wait_for_text_containing("#sessions", "Dihentikan: Ibu merasa sakit")
        .await?;
    page.screenshot("dashboard-family").await?;
    page.client.back().await?;
    page.click("#alerts li[data-kind='pain-stop'] button.handle")
        .await?;
    page.wait_for("#alerts-all").await?;
    let open = page.text("#main").await?;
    assert!(
        !open.contains("Ibu merasa sakit"),
        "handled leaves the open list: {open}"
    );
    page.click("#alerts-all").await?;
    page.wait_for_text_containing(
        "#alerts li[data-kind='pain-stop'] .handled",
        "Ditangani oleh Bidan Wati",
    )
    .await?;
    assert_eq!(server.count("SELECT count(*) FROM alert_handled")?, 1);

    // The cadre takes her own pre-test and post-test: her next sync reports them.
    cadre.click("#open-cadre-learning").await?;
    cadre.click("#start-quiz").await?;
    answer_quiz(cadre, false).await?;
    cadre.wait_for_text("#quiz-score", "Skor tes: 50").await?;
    cadre.click("#back-to-learning").await?;
    cadre.click("#start-quiz").await?;
    cadre.wait_for_text("#quiz-title", "Tes akhir").await?;
    answer_quiz(cadre, true).await?;
    cadre.wait_for("#quiz-gain").await?;
    cadre.click("#back-to-learning").await?;
    cadre.click("#back-home").await?;
    cadre.wait_for("#families-title").await?;

    // The cadre's own report (after her sync brought the session in) and the
    // dashboard's for her posyandu: the same tables, cell by cell.
    let pulled = sync_now(cadre).await?;
    assert!(pulled.contains("diterima"), "{pulled}");
    cadre.click("#open-report").await?;
    cadre
        .wait_for_text("#report-title", "Laporan posyandu")
        .await?;
    page.click("a[href='/report']").await?;
    page.select("#posyandu", "1").await?;
    page.click("form.filters button").await?;
    page.wait_for("#report-participants").await?;
    // Every table of the report (the core's one layout: both show its tables).
    for table in [
        "participants",
        "age",
        "education",
        "parity",
        "milk-before",
        "milk-after",
        "milk-test",
        "knowledge-test",
        "competence",
        "given-by",
        "cadres",
        "exclusive-breastfeeding",
        "comfort",
    ] {
        let css = format!("#report-{table}");
        let in_app = rows(cadre, &css).await?;
        let on_dashboard = rows(page, &css).await?;
        assert_eq!(on_dashboard, in_app, "table {table}");
    }
    page.screenshot("dashboard-report").await?;
    browser.open(&format!("{address}/overview")).await?;
    let overview = rows(page, "#overview").await?;
    assert_eq!(
        overview[1].last().map(String::as_str),
        Some("1"),
        "the cadre counselled: {overview:?}"
    );

    // The district's reader (Dinas Kesehatan) sees the puskesmas's rate, never a family.
    server.cli(&["district", "add", "Kabupaten Sukamaju"])?;
    server.cli(&[
        "puskesmas",
        "district",
        "Puskesmas Rejosari",
        "Kabupaten Sukamaju",
    ])?;
    server.add_account("dinkes", "district", "Dinas Kesehatan", None, PASSWORD)?;
    let district = Browser::start(1280, 800).await?;
    log_in(&district, &address, "dinkes", PASSWORD).await?;
    district.page.wait_for("#district").await?;
    let lines = rows(&district.page, "#district").await?;
    assert_eq!(lines[1][0], "Puskesmas Rejosari", "{lines:?}");
    assert_eq!(lines[1][2], "1", "one family enrolled: {lines:?}");
    assert_eq!(
        lines[1][7], "0 dari 1 (0 %)",
        "formula yesterday: {lines:?}"
    );
    let shown = district.page.text("#main").await?;
    for personal in ["Budi", "Santoso", "Siti", "Aminah", "Melati", "Bu Rina"] {
        assert!(
            !shown.contains(personal),
            "{personal} on the district's page"
        );
    }
    district.page.screenshot("dashboard-district").await?;

    // Every page, as a midwife, the admin and the district see it, at desk and tablet
    // size: no serious or critical axe violation.
    browser.open(&format!("{address}/families")).await?;
    let family = page
        .wait_for("#families a[href^='/families/']")
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    server.add_account("admin", "admin", "Admin", None, PASSWORD)?;
    let readers: [(&str, Vec<&str>); 3] = [
        (
            "bidan",
            vec![
                "/overview",
                "/alerts?all=1",
                "/families",
                family.as_str(),
                "/report",
                "/cadres",
            ],
        ),
        (
            "admin",
            vec![
                "/overview",
                "/cadres",
                "/accounts",
                "/audit",
                "/devices/1/revoke",
            ],
        ),
        ("dinkes", vec!["/district"]),
    ];
    let mut problems = Vec::new();
    for (size, width, height) in [
        ("desk", 1280, 800),
        ("tablet", 768, 1024),
        ("phone", 360, 740),
    ] {
        for (login, pages) in &readers {
            let sized = Browser::start(width, height).await?;
            sized.open(&format!("{address}/login")).await?;
            for violation in sized.page.axe_violations().await? {
                problems.push(format!("[{size} /login] {violation}"));
            }
            log_in(&sized, &address, login, PASSWORD).await?;
            sized.page.wait_for("#signed-in").await?;
            for (index, path) in pages.iter().enumerate() {
                sized.open(&format!("{address}{path}")).await?;
                sized.page.wait_for("#main h1").await?;
                for violation in sized.page.axe_violations().await? {
                    problems.push(format!("[{size} {login} {path}] {violation}"));
                }
                for problem in charts_outside_the_screen(&sized.page).await? {
                    problems.push(format!("[{size} {login} {path}] {problem}"));
                }
                sized
                    .page
                    .screenshot(&format!("dashboard-{size}-{login}-{index}"))
                    .await?;
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");

    // Everything above went through the server: its logs hold no family's names and
    // no notes, and every line is one JSON object.
    let log = server.log()?;
    assert!(log.lines().count() > 50, "debug logs were written: {log}");
    for line in log.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "not JSON: {line}"
        );
    }
    for personal in ["Budi", "Santoso", "Siti", "Aminah", "Bidan Wati"] {
        assert!(!log.contains(personal), "{personal} is in the server's log");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_browser_meets_a_lockout_an_expired_session_and_a_form_without_its_token() -> Result<()>
{
    let server = PuskesmasServer::start()?;
    let base = server.address();
    server.add_account("staf", "puskesmas", "Pak Joko", None, PASSWORD)?;
    let browser = Browser::start(1280, 800).await?;
    let page = &browser.page;

    // A form whose token was taken away: refused, and nothing made.
    log_in(&browser, &base, "staf", PASSWORD).await?;
    page.wait_for("#signed-in").await?;
    browser.open(&format!("{base}/cadres")).await?;
    page.client
        .execute(
            "document.querySelectorAll('input[name=csrf]').forEach((i) => i.remove()); return true;",
            vec![],
        )
        .await?;
    page.click("form[action='/cadres/1/code'] button").await?;
    page.wait_for_text_containing("p.refusal", "Formulir ini sudah kedaluwarsa")
        .await?;
    assert_eq!(server.count("SELECT count(*) FROM pairing_code")?, 0);

    // A session idle for longer than its time: back to the login page, told why.
    server.query("UPDATE web_session SET last_seen_at = now() - interval '2 hours'")?;
    browser.open(&format!("{base}/overview")).await?;
    page.wait_for_text_containing("#login-notice", "Sesi sudah berakhir")
        .await?;
    page.screenshot("dashboard-expired").await?;

    // Five wrong passwords lock the account, and then the right one is refused too.
    for _ in 0..5 {
        log_in(&browser, &base, "staf", "bukan-kata-sandinya").await?;
        page.wait_for("#login-notice").await?;
    }
    page.wait_for_text_containing("#login-notice", "Akun ini dikunci sampai")
        .await?;
    log_in(&browser, &base, "staf", PASSWORD).await?;
    page.wait_for_text_containing("#login-notice", "Akun ini dikunci sampai")
        .await?;
    page.screenshot("dashboard-locked").await?;
    let violations = page.axe_violations().await?;
    assert!(violations.is_empty(), "{violations:#?}");

    // English on request, kept for the next pages; times on the puskesmas's clock.
    page.click("#lang-en").await?;
    page.wait_for_text("#main h1", "Log in").await?;
    log_in(&browser, &base, "staf", PASSWORD).await?;
    page.wait_for_text_containing("#login-notice", "This account is locked until")
        .await?;
    let notice = page.text("#login-notice").await?;
    assert!(
        notice.contains(':'),
        "an English time has a colon: {notice}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forgotten_password_is_set_from_the_command_line_and_she_changes_it_herself() -> Result<()>
{
    let server = PuskesmasServer::start()?;
    let base = server.address();
    server.add_account("staf", "puskesmas", "Pak Joko", None, PASSWORD)?;
    let browser = Browser::start(1280, 800).await?;
    let page = &browser.page;

    // She forgot it and locked herself out; the admin sets a new one on the server.
    for _ in 0..5 {
        log_in(&browser, &base, "staf", "bukan-kata-sandinya").await?;
        page.wait_for("#login-notice").await?;
    }
    page.wait_for_text_containing("#login-notice", "Akun ini dikunci sampai")
        .await?;
    let temporary = "sementara-dari-admin";
    let printed = server.cli_with_input(&["account", "password", "staf"], temporary)?;
    assert!(printed.contains("unlocked"), "{printed}");
    log_in(&browser, &base, "staf", temporary).await?;
    page.wait_for("#signed-in").await?;

    // She makes it her own from the link by her name: a wrong current one is refused
    // and changes nothing; the right one saves it.
    page.click("#password-link").await?;
    page.wait_for_text("#main h1", "Ganti kata sandi").await?;
    let violations = page.axe_violations().await?;
    assert!(violations.is_empty(), "{violations:#?}");
    let own = "kata-sandi-pak-joko";
    let fill = |current: &'static str| async move {
        page.type_into("#current-password", current).await?;
        page.type_into("#new-password", own).await?;
        page.type_into("#repeat-password", own).await?;
        page.click("#password-submit").await
    };
    fill("salah-lagi-ya").await?;
    page.wait_for_text("#password-notice", "Kata sandi sekarang salah.")
        .await?;
    fill(temporary).await?;
    page.wait_for_text_containing("#password-notice", "Kata sandi sudah diganti")
        .await?;
    page.screenshot("dashboard-password-changed").await?;
    let violations = page.axe_violations().await?;
    assert!(violations.is_empty(), "{violations:#?}");

    // The language switch stays on this page.
    page.click("#lang-en").await?;
    page.wait_for_text("#main h1", "Change your password")
        .await?;

    // Still signed in here; after logging out only the new password opens the pages.
    browser.open(&format!("{base}/overview")).await?;
    page.click("#logout").await?;
    log_in(&browser, &base, "staf", temporary).await?;
    page.wait_for_text_containing("#login-notice", "Wrong user name or password")
        .await?;
    log_in(&browser, &base, "staf", own).await?;
    page.wait_for("#signed-in").await?;
    let actions = server.query(
        "SELECT string_agg(action, ' ' ORDER BY id) FROM audit
         WHERE action LIKE 'password-%'",
    )?;
    assert_eq!(
        actions.trim(),
        "password-reset password-change-failed password-changed"
    );
    Ok(())
}
