//! Every main screen at phone sizes (360 x 740, 412 x 915) and on a desktop
//! (1280 x 800), in the real webview: no horizontal scrolling, no text cut off, touch
//! targets of at least 48 x 48 CSS px, the guided timer large, and axe-core (injected
//! from its npm package) finding no serious or critical accessibility violation. A
//! screenshot of each screen is saved under tests/artifacts/. No word may break across
//! lines. A fourth walk scales the text to 200 % on the desktop, and it must all still fit.

use ayah_asi_e2e::flows::{
    CHECKLIST_ROWS, Mother, QUIZ_STATEMENTS, answer_safety_no, enter_birth_date, mother_consents,
    prepare_and_start, register_family_as_cadre, set_cadre_pin, set_plan,
};
use ayah_asi_e2e::{App, Driver, Result, days_ago};
use serde_json::{Value, json};

const FAST: (&str, &str) = ("AYAH_ASI_TIME_SCALE", "30");

/// Checks the layout rules on the current screen; returns the problems found.
const LAYOUT_CHECK: &str = r#"
const problems = [];
const root = document.documentElement;
if (root.scrollWidth > window.innerWidth + 1) {
  problems.push(`page scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`);
}
const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('[hidden]'); };
for (const el of document.querySelectorAll('#app *')) {
  if (!visible(el)) continue;
  const s = getComputedStyle(el);
  const clips = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
  if (clips && el.scrollWidth > el.clientWidth + 1 && !el.closest('.table-scroll')) {
    problems.push(`text cut in <${el.tagName.toLowerCase()} id=${el.id}>`);
  }
  const r = el.getBoundingClientRect();
  if (r.right > window.innerWidth + 1 && !el.closest('.table-scroll')) {
    problems.push(`<${el.tagName.toLowerCase()} id=${el.id} class=${el.className.baseVal ?? el.className}> sticks out to ${Math.round(r.right)}`);
  }
}
// A word split across two lines ("Sanga / t"): labels wrap only between words. A break
// after a hyphen or a slash is a break between words.
const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
const range = document.createRange();
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  if (!el || !visible(el) || el.closest('option, select, textarea, svg')) continue;
  const words = /[^\s\-–—\/]+/g;
  for (let m = words.exec(node.textContent); m; m = words.exec(node.textContent)) {
    if (m[0].length < 2) continue;
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
    if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
      problems.push(`word broken across lines: "${m[0]}" in <${el.tagName.toLowerCase()} id=${el.id} class=${el.className}>`);
    }
  }
}
const targets = '#app button, #app select, #app input:not([type=checkbox]):not([type=radio]), #app summary, #app a[href], #app label.check';
for (const el of document.querySelectorAll(targets)) {
  if (!visible(el)) continue;
  const r = el.getBoundingClientRect();
  if (r.width < 47.5 || r.height < 47.5) {
    problems.push(`small target <${el.tagName.toLowerCase()} id=${el.id}> ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
}
return problems;
"#;

struct Audit<'a> {
    app: &'a App,
    size: &'static str,
    problems: Vec<String>,
    screens: usize,
}

impl Audit<'_> {
    async fn screen(&mut self, name: &str) -> Result<()> {
        // Let transitions and late renders settle.
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        let layout: Vec<String> =
            serde_json::from_value(self.app.client.execute(LAYOUT_CHECK, vec![]).await?)?;
        let violations = self.app.axe_violations().await?;
        for problem in layout.iter().chain(&violations) {
            self.problems
                .push(format!("[{} {name}] {problem}", self.size));
        }
        self.app
            .screenshot(&format!("layout-{}-{name}", self.size))
            .await?;
        self.screens += 1;
        Ok(())
    }
}

async fn set_size(app: &App, width: u32, height: u32) -> Result<()> {
    // The window manager-less X server applies the size a moment later: ask until the
    // viewport (no decorations under Xvfb) has it.
    let mut inner = Value::Null;
    for _ in 0..50 {
        app.client.set_window_size(width, height).await?;
        inner = app
            .client
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await?;
        if inner[0].as_u64() == Some(u64::from(width)) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(format!("viewport is {inner}, wanted {width} wide").into())
}

/// A fresh app (its own data folder) at this size, text at 200 % when asked.
async fn sized_app(driver: &Driver, width: u32, height: u32, text_200: bool) -> Result<App> {
    let app = driver.launch().await?;
    set_size(&app, width, height).await?;
    if text_200 {
        // Text at 200 % on every screen: everything must still fit (WCAG 1.4.4).
        app.client
            .execute("document.documentElement.style.fontSize = '200%';", vec![])
            .await?;
    }
    Ok(app)
}

/// A family enrolled in pregnancy: its home, with the massage locked.
async fn walk_pregnant(
    size: &'static str,
    width: u32,
    height: u32,
    text_200: bool,
) -> Result<(usize, Vec<String>)> {
    let driver = Driver::start_with_env(&[FAST])?;
    let app = sized_app(&driver, width, height, text_200).await?;
    let mut audit = Audit {
        app: &app,
        size,
        problems: Vec::new(),
        screens: 0,
    };
    app.click("#choose-language-id").await?;
    app.type_into("#field-fatherName", "Joko").await?;
    app.type_into("#field-motherName", "Dewi").await?;
    app.click("#field-pregnant").await?;
    enter_birth_date(&app, days_ago(-45)).await?;
    audit.screen("23-onboarding-pregnant").await?;
    app.click("#save-family").await?;
    mother_consents(&app).await?;
    app.wait_for("#massage-locked").await?;
    audit.screen("24-home-pregnant").await?;
    let result = (audit.screens, std::mem::take(&mut audit.problems));
    app.close().await?;
    Ok(result)
}

async fn walk(size: &'static str, width: u32, height: u32, text_200: bool) -> Result<()> {
    let driver = Driver::start_with_env(&[FAST])?;
    let app = sized_app(&driver, width, height, text_200).await?;
    let mut audit = Audit {
        app: &app,
        size,
        problems: Vec::new(),
        screens: 0,
    };

    audit.screen("01-language").await?;
    app.click("#choose-language-id").await?;
    app.wait_for("#onboarding-title").await?;
    audit.screen("02-onboarding").await?;
    app.click("#save-family").await?;
    app.wait_for_text("#form-error", "Periksa isian yang ditandai.")
        .await
        .ok();
    audit.screen("03-onboarding-errors").await?;
    app.type_into("#field-fatherName", "Budi Santoso").await?;
    app.type_into("#field-motherName", "Siti Aminah").await?;
    enter_birth_date(&app, days_ago(14)).await?;
    app.click("#save-family").await?;
    app.wait_for("#consent-handover-ready").await?;
    audit.screen("03b-consent-handover").await?;
    app.click("#consent-handover-ready").await?;
    app.wait_for("#consent-text").await?;
    audit.screen("03c-consent").await?;
    app.click("#consent-yes").await?;
    app.wait_for("#start-massage").await?;
    set_plan(&app, 60, 1).await?; // leaves the plan settings open
    for details in ["#family-data", "#backup-settings", "#reminder-settings"] {
        app.click(&format!("{details} summary")).await?;
    }
    audit.screen("04-home").await?;
    app.click("#start-massage").await?;
    app.wait_for("#consent-today-yes").await?;
    audit.screen("05-consent").await?;
    app.click("#consent-today-yes").await?;
    app.wait_for("#safety-continue").await?;
    audit.screen("06-safety").await?;
    answer_safety_no(&app).await?;
    app.wait_for("#prep-start").await?;
    audit.screen("06b-preparation").await?;
    // The drawings a father follows without reading: all five, each with its words.
    let labelled: Value = app
        .client
        .execute(
            "return [...document.querySelectorAll('#prep-pictures figure')].map((f) =>
               [f.dataset.picture, f.querySelector('svg').getAttribute('aria-label'),
                f.querySelector('figcaption').textContent]);",
            vec![],
        )
        .await?;
    let figures = labelled.as_array().cloned().unwrap_or_default();
    if figures.len() != 5
        || figures
            .iter()
            .any(|f| f[1].as_str().is_none_or(str::is_empty) || f[1] != f[2])
    {
        audit
            .problems
            .push(format!("[{size}] the preparation drawings: {labelled}"));
    }
    app.screenshot_of("#prep-pictures", &format!("layout-{size}-06c-drawings"))
        .await?;
    prepare_and_start(&app).await?;
    audit.screen("07-guided").await?;
    let time_size: f64 = app
        .client
        .execute(
            "return parseFloat(getComputedStyle(document.getElementById('guide-time')).fontSize);",
            vec![],
        )
        .await?
        .as_f64()
        .unwrap_or(0.0);
    if time_size < 48.0 {
        audit.problems.push(format!(
            "[{size}] the guided timer is {time_size}px, too small at arm's length"
        ));
    }
    // After the timer, the back and its lit zone are the largest thing on the screen, and
    // the pain stop is in reach without scrolling.
    let guide: Value = app
        .client
        .execute(
            "const box = (css) => document.querySelector(css).getBoundingClientRect();
             const back = box('#guide .back-picture'), step = box('#guide-step-picture svg');
             const pain = box('#guide-pain-stop');
             return [back.width / window.innerWidth, back.width * back.height,
                     step.width * step.height, pain.bottom <= window.innerHeight];",
            vec![],
        )
        .await?;
    let share = guide[0].as_f64().unwrap_or(0.0);
    let (back_area, step_area) = (
        guide[1].as_f64().unwrap_or(0.0),
        guide[2].as_f64().unwrap_or(0.0),
    );
    if width < 600 && share < 0.4 {
        audit.problems.push(format!(
            "[{size}] the back picture is {:.0}% of the width on the guided screen",
            share * 100.0
        ));
    }
    if back_area <= step_area {
        audit.problems.push(format!(
            "[{size}] the step drawing outgrows the back picture"
        ));
    }
    if !text_200 && guide[3] != json!(true) {
        audit.problems.push(format!(
            "[{size}] the pain stop is below the fold on the guided screen"
        ));
    }
    let live: Value = app
        .client
        .execute(
            "return document.querySelector('#guide [aria-live]') !== null;",
            vec![],
        )
        .await?;
    if live != json!(true) {
        audit.problems.push(format!(
            "[{size}] the guided screen announces nothing to a screen reader"
        ));
    }
    app.wait_for_within("#closing", std::time::Duration::from_secs(30))
        .await?;
    audit.screen("08-closing").await?;
    app.click("#closing-done").await?;
    app.wait_for("#handover-ready").await?;
    audit.screen("09-handover").await?;
    app.click("#handover-ready").await?;
    app.wait_for("#rating-title").await?;
    audit.screen("10-rating").await?;
    app.click("#comfort-4").await?;
    app.click("#milk-flow-drips").await?;
    app.click("#rating-save").await?;
    app.wait_for("#back-home").await?;
    app.click("#back-home").await?;
    app.click("#record-milk-status").await?;
    app.click("#milk-status-tidak-ada").await?;
    app.wait_for("#referral-advice").await?;
    audit.screen("10b-milk-status-none").await?;
    app.click("#session-cancel").await?;
    // What the baby had yesterday: the pictures, then the advice after water.
    app.click("#record-feeding").await?;
    app.wait_for("#food-water").await?;
    audit.screen("10c-feeding").await?;
    app.click("#food-breast-milk").await?;
    app.click("#food-water").await?;
    app.click("#feeding-save").await?;
    app.wait_for("#feeding-advice").await?;
    audit.screen("10d-feeding-advice").await?;
    app.click("#back-home").await?;
    app.click("#open-history").await?;
    app.wait_for("#history-title").await?;
    audit.screen("11-history").await?;
    app.click("#back-home").await?;
    app.click("#open-learning").await?;
    app.wait_for("#learning-title").await?;
    audit.screen("12-learning").await?;
    app.click("#lesson-oxytocin-massage").await?;
    app.wait_for("#lesson-title").await?;
    audit.screen("13-lesson").await?;
    app.click("#lesson-done").await?;
    app.click("#start-quiz").await?;
    app.wait_for("#quiz-title").await?;
    audit.screen("14-quiz").await?;
    for id in QUIZ_STATEMENTS {
        app.click(&format!("#quiz-{id}-true")).await?;
    }
    app.click("#quiz-submit").await?;
    app.wait_for("#quiz-result").await?;
    audit.screen("15-quiz-result").await?;
    app.click("#back-to-learning").await?;
    app.click("#back-home").await?;
    app.wait_for("#start-massage").await?;
    app.click("#family-data summary").await?;
    app.click("#send-to-cadre").await?;
    app.wait_for("#send-title").await?;
    audit.screen("16-send").await?;
    app.click("#send-back").await?;
    app.click("#cadre-mode").await?;
    app.wait_for("#cadre-name").await?;
    audit.screen("17-cadre-setup").await?;
    set_cadre_pin(&app, "112233").await?;
    register_family_as_cadre(
        &app,
        "Andi",
        &Mother {
            name: "Rina",
            age: "24",
            education: "sma",
            parity: "primipara",
        },
    )
    .await?;
    audit.screen("18-families").await?;
    app.click("#families-list li[data-family] button[id^='visit-']")
        .await?;
    app.wait_for("#visit-title").await?;
    for row in CHECKLIST_ROWS {
        app.click(&format!("#row-{row}-2")).await?;
    }
    app.click("#motivation-cooperative").await?;
    audit.screen("19-visit").await?;
    app.click("#visit-save").await?;
    app.wait_for("#visit-saved").await?;
    app.click("#visit-to-review").await?;
    app.wait_for("#review-title").await?;
    audit.screen("20-review").await?;
    app.click("#training-form summary").await?;
    audit.screen("20b-review-training").await?;
    app.click("#back-to-families").await?;
    app.click("#open-report").await?;
    app.wait_for("#report-title").await?;
    audit.screen("21-report").await?;
    app.click("#back-to-families").await?;
    app.click("#import-bundle").await?;
    app.wait_for("#receive-title").await?;
    audit.screen("22-receive").await?;
    app.click("#receive-back").await?;
    app.click("#open-cadre-learning").await?;
    app.wait_for("#learning-title").await?;
    audit.screen("22b-cadre-learning").await?;
    app.click("#back-home").await?;
    app.click("#open-posko").await?;
    app.wait_for("#posko-title").await?;
    audit.screen("22c-posko").await?;

    let mut problems = std::mem::take(&mut audit.problems);
    let mut screens = audit.screens;
    app.close().await?;
    let (pregnant_screens, pregnant_problems) =
        walk_pregnant(size, width, height, text_200).await?;
    screens += pregnant_screens;
    problems.extend(pregnant_problems);
    println!("{size}: {screens} screens checked");
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{} problems:\n{}", problems.len(), problems.join("\n")).into())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_a_small_phone_and_passes_axe() -> Result<()> {
    walk("360x740", 360, 740, false).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_a_large_phone_and_passes_axe() -> Result<()> {
    walk("412x915", 412, 915, false).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_a_desktop() -> Result<()> {
    walk("1280x800", 1280, 800, false).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_a_desktop_with_text_at_200_percent() -> Result<()> {
    walk("1280x800-text200", 1280, 800, true).await
}
