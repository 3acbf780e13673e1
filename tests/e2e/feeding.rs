//! What the baby had yesterday, in the real app: the mother answers on her phone in
//! pictures, the answer is kept as the core counts it, water before six months brings the
//! advice at once; a family still expecting its baby is not asked; refused answers.

use ayah_asi_e2e::flows::onboard;
use ayah_asi_e2e::{Driver, Result, invoke, open_database};
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
