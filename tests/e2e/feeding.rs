//! What the baby had yesterday, in the real app: the mother answers on her phone in
//! pictures, the answer is kept as the core counts it, water before six months brings the
//! advice at once; refused answers; and on a cadre's phone, nothing of it is recorded
//! for a family until the mother agreed to the consent text that names it.

use ayah_asi_e2e::flows::{Mother, onboard, open_cadre_mode, register_family_as_cadre};
use ayah_asi_e2e::{Driver, Locator, Result, invoke, open_database};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn a_mother_answers_in_pictures_and_water_brings_the_advice() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    // Never asked yet: the home says it is time.
    app.wait_for_text(
        "#feeding-due",
        "Sudah waktunya menjawab: kemarin bayi diberi apa saja?",
    )
    .await?;
    app.click("#record-feeding").await?;
    app.wait_for("#food-breast-milk svg").await?;
    app.screenshot("feeding-recall").await?;
    app.click("#food-breast-milk").await?;
    app.click("#food-water").await?;
    app.click("#ever-other-yes").await?;
    app.click("#feeding-save").await?;
    app.wait_for_text_containing("#feeding-advice", "bayi cukup diberi ASI saja")
        .await?;
    app.wait_for_text_containing(
        "#feeding-advice",
        "Kader posyandu akan mampir untuk membantu Ibu menyusui",
    )
    .await?;
    app.click("#back-home").await?;
    app.wait_for_text_containing("#feeding-last", "ada selain ASI")
        .await?;

    let db = open_database(&driver.database())?;
    let (items, ever_other, first, by): (String, Option<String>, Option<String>, String) = db
        .query_row(
            "SELECT items, ever_other, first_other_on, recorded_by FROM feeding_recall",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    assert_eq!(
        (items.as_str(), ever_other.as_deref(), first, by.as_str()),
        ("breast-milk,water", Some("yes"), None, "mother")
    );

    // Refused, and nothing kept: nothing chosen; a first day before the birth.
    let empty = invoke(
        &app,
        "record_feeding_recall",
        json!({"familyId": null, "input": {"items": [], "everOther": null, "firstOtherOn": null}}),
    )
    .await?;
    assert_eq!(
        empty.err().map(|e| e["code"].clone()),
        Some(json!("error-recall-empty"))
    );
    let early = invoke(&app, "record_feeding_recall", json!({"familyId": null, "input": {"items": ["breast-milk"], "everOther": true, "firstOtherOn": "2020-01-01"}})).await?;
    assert!(early.is_err(), "{early:?}");
    let unknown = invoke(&app, "record_feeding_recall", json!({"familyId": null, "input": {"items": ["beer"], "everOther": null, "firstOtherOn": null}})).await?;
    assert!(unknown.is_err(), "{unknown:?}");
    let rows: i64 = db.query_row("SELECT count(*) FROM feeding_recall", [], |r| r.get(0))?;
    assert_eq!(rows, 1);
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cadre_asks_for_the_new_consent_before_the_babys_food_is_recorded() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    open_cadre_mode(&app, "246810").await?;
    let mother = Mother {
        name: "Rina",
        age: "",
        education: "",
        parity: "",
    };
    register_family_as_cadre(&app, "Andi", &mother).await?;
    // Her consent was to v3, which named the server but not what the baby eats.
    let family: String = {
        let db = rusqlite::Connection::open(driver.database())?;
        db.busy_timeout(std::time::Duration::from_secs(5))?;
        db.execute("UPDATE consent SET text_version = 'health-data-v3'", [])?;
        db.query_row("SELECT id FROM family", [], |r| r.get(0))?
    };
    app.click(&format!("#review-{family}")).await?;
    app.wait_for_text_containing("#review-consent", "makanan dan minuman bayi")
        .await?;
    let cards = app.client.find_all(Locator::Css("#feeding-card")).await?;
    assert!(cards.is_empty(), "no feeding card before her consent");
    let refused = invoke(&app, "record_feeding_recall", json!({"familyId": family, "input": {"items": ["breast-milk"], "everOther": false, "firstOtherOn": null}})).await?;
    assert_eq!(
        refused.err().map(|e| e["code"].clone()),
        Some(json!("error-consent-not-current"))
    );

    // She reads the new text on the cadre's phone and agrees: the card is there.
    app.click("#review-consent-ask").await?;
    app.click("#consent-handover-ready").await?;
    app.wait_for_text_containing("#consent-intro", "makanan dan minuman bayi")
        .await?;
    app.wait_for_text_containing("#consent-text", "makanan dan minuman bayi")
        .await?;
    app.click("#consent-yes").await?;
    app.click("#record-feeding").await?;
    app.click("#food-breast-milk").await?;
    app.click("#ever-other-no").await?;
    app.click("#feeding-save").await?;
    app.wait_for("#feeding-praise").await?;

    let db = open_database(&driver.database())?;
    let by: String = db.query_row("SELECT recorded_by FROM feeding_recall", [], |r| r.get(0))?;
    assert_eq!(by, "cadre");
    let versions: Vec<String> = db
        .prepare("SELECT text_version FROM consent ORDER BY given_at")?
        .query_map([], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    assert_eq!(
        versions,
        [
            "health-data-v3",
            ayah_asi_core::family::CONSENT_TEXT_VERSION
        ]
    );
    app.close().await
}
