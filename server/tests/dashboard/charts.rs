//! The dashboard's pictures over HTTP: each posyandu's sessions per week against the
//! plan, the alerts by kind (only for those who read alerts), milk and knowledge before
//! and after in the report; each chart's numbers are those of the table beside it.

use super::*;
use ayah_asi_core::sample::{new_id, time_ago};
use ayah_asi_server::dashboard::alerts::AlertKind;

/// The `data-<attribute>` values of the elements of class `class` inside the SVG `id`.
fn drawn(page: &str, id: &str, class: &str, attribute: &str) -> Vec<String> {
    let start = page
        .find(&format!("id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\""))
        .unwrap_or_else(|| panic!("no chart {id} in {page}"));
    let svg = &page[start..start + page[start..].find("</svg>").unwrap()];
    svg.split(&format!("class=\"{class}\" data-{attribute}=\""))
        .skip(1)
        .map(|part| part[..part.find('"').unwrap()].to_owned())
        .collect()
}

/// The cells of the table `id`, row by row (header cells too), tags stripped.
pub(super) fn table(page: &str, id: &str) -> Vec<Vec<String>> {
    let start = page
        .find(&format!("<table id=\"{id}\""))
        .unwrap_or_else(|| panic!("no table {id}"));
    let body = &page[start..start + page[start..].find("</table>").unwrap()];
    body.split("<tr")
        .skip(1)
        .map(|row| {
            row.split(['<', '>'])
                .collect::<Vec<_>>()
                .chunks(2)
                .filter_map(|pair| pair.get(1).copied())
                .filter(|text| !text.trim().is_empty())
                .map(|text| text.trim().to_owned())
                .collect()
        })
        .collect()
}

/// The id of the programme's posyandu Mawar.
async fn mawar_id(p: &Programme) -> i64 {
    p.server
        .pool
        .get()
        .await
        .unwrap()
        .query_one("SELECT id FROM posyandu WHERE name = 'Mawar'", &[])
        .await
        .unwrap()
        .get(0)
}

#[tokio::test]
async fn the_overview_draws_each_posyandus_weeks_and_the_alerts_as_its_tables_count_them() {
    let p = programme().await;
    let base = p.server.base.clone();
    let mawar = Web::logged_in(&base, "bidan-mawar", PASSWORD).await;
    let (status, page, _) = mawar.get("/overview").await;
    assert_eq!(status, StatusCode::OK);
    let posyandu = mawar_id(&p).await;

    // Twelve weeks, oldest first: Budi gave two sessions (one stopped for pain) in the
    // last week; his baby was born 20 days ago, so the plan starts then.
    let chart = format!("chart-weeks-{posyandu}");
    let given = drawn(&page, &chart, "col", "value");
    assert_eq!(given.len(), 12, "{given:?}");
    assert_eq!(given.last().map(String::as_str), Some("2"));
    assert!(given[..11].iter().all(|g| g == "0"), "{given:?}");
    let rows = table(&page, &format!("weeks-{posyandu}"));
    let last = rows.last().unwrap();
    assert_eq!(last[1..], ["2".to_owned(), "14".to_owned()], "{rows:?}");
    // Every week's column is the table's number, and its text alternative names it.
    let from_table: Vec<String> = rows[1..].iter().map(|r| r[1].clone()).collect();
    assert_eq!(given, from_table);
    assert!(page.contains(&format!("aria-labelledby=\"{chart}-title\"")));
    assert!(page.contains("Sesi per minggu di Posyandu Mawar"));
    // Her scope only: Melati's posyandu is not drawn for her.
    assert_eq!(page.matches("class=\"chart\" id=\"chart-weeks-").count(), 1);

    // The alerts of the last weeks by kind: Budi's pain stop, "no milk", the visit's
    // critical row; every kind listed, in the table too.
    let counts = drawn(&page, "chart-alerts", "bar bar-pain-stop", "value");
    assert_eq!(counts, ["1"]);
    let kinds = table(&page, "alert-kinds-table");
    assert_eq!(kinds.len(), 1 + AlertKind::ALL.len(), "{kinds:?}");
    for (kind, count) in [
        ("Dihentikan: Ibu sakit", "1"),
        ("Dicatat: ASI tidak ada", "1"),
        ("Pijat tidak aman saat kunjungan", "1"),
        ("Tanda bahaya", "0"),
    ] {
        assert!(
            kinds
                .iter()
                .any(|row| row == &[kind.to_owned(), count.to_owned()]),
            "{kind} {count} in {kinds:?}"
        );
    }

    // The admin sees counts of sessions, never what happened to a family.
    let admin = Web::logged_in(&base, "admin", PASSWORD).await;
    let (_, page, _) = admin.get("/overview").await;
    assert_eq!(page.matches("class=\"chart\" id=\"chart-weeks-").count(), 2);
    assert!(!page.contains("chart-alerts"), "no alerts for the admin");
}

#[tokio::test]
async fn the_report_draws_milk_and_knowledge_before_and_after_from_its_tables() {
    let p = programme().await;
    // Joko, enrolled in Mawar too, took the knowledge test before and after the
    // lessons: 50, then 90.
    let mut joko = FamilyRecords::enrolled("Joko", "Rini", 30);
    for (kind, score, days) in [("pre", 50, 29), ("post", 90, 5)] {
        let at = time_ago(days);
        joko.record(
            "quiz_attempt",
            &new_id(),
            serde_json::json!({
                "quiz_version": "uji-pengetahuan-v1", "kind": kind, "correct": score / 10,
                "score": score, "answers": "b,b,b,b,b,s,s,s,s,s",
                "created_at": at, "updated_at": at,
            }),
        );
    }
    let (token, _) = pair(&p.server, p.rina).await;
    push(&p.server, &token, joko.bundle()).await;

    let web = Web::logged_in(&p.server.base, "bidan-mawar", PASSWORD).await;
    let (status, page, _) = web.get("/report").await;
    assert_eq!(status, StatusCode::OK);
    // Milk: before (the first record, "tidak lancar") and after ("tidak ada").
    let before = drawn(&page, "report-milk-chart", "seg seg-tidak-lancar", "count");
    let after = drawn(&page, "report-milk-chart", "seg seg-tidak-ada", "count");
    assert_eq!(
        (before, after),
        (vec!["1".to_owned()], vec!["1".to_owned()])
    );
    assert!(page.contains("class=\"legend seg-legend-lancar\""));
    // Knowledge: the means of the pre-test and the post-test, as the table has them.
    let means = drawn(&page, "report-knowledge-chart", "col", "value");
    assert_eq!(means, ["50", "90"]);
}

#[tokio::test]
async fn water_for_a_young_baby_is_an_alert_that_names_it_and_says_what_helps() {
    let p = programme().await;
    // Budi's baby is 20 days old: water yesterday, as his wife answered on her phone.
    let device = ayah_asi_core::sample::new_id();
    let at = time_ago(0);
    let recall = ayah_asi_core::sample::line(
        "feeding_recall",
        new_id(),
        &device,
        &at,
        serde_json::json!({
            "family_id": p.mawar_family, "recalled_on": ayah_asi_core::sample::day_ago(0),
            "items": "breast-milk,water", "ever_other": "yes", "first_other_on": null,
            "recorded_by": "mother",
        }),
    );
    let (token, _) = pair(&p.server, p.rina).await;
    let bundle =
        ayah_asi_core::sample::bundle_of(&device, std::slice::from_ref(&p.mawar_family), &[recall]);
    push(&p.server, &token, bundle).await;

    let mawar = Web::logged_in(&p.server.base, "bidan-mawar", PASSWORD).await;
    let (_, page, _) = mawar.get("/alerts").await;
    assert!(page.contains("data-kind=\"other-feeding\""), "{page}");
    assert!(
        page.contains(
            "Bayi diberi selain ASI sebelum 6 bulan: Air putih, air tajin, atau air kelapa"
        ),
        "{page}"
    );
    assert!(page.contains("kader mengunjungi keluarga"));
    let (_, overview, _) = mawar.get("/overview").await;
    assert_eq!(
        drawn(&overview, "chart-alerts", "bar bar-other-feeding", "value"),
        ["1"]
    );
    // And this month's exclusive breastfeeding: one baby asked, none on breast milk only.
    let posyandu = mawar_id(&p).await;
    let months = table(&overview, &format!("feeding-{posyandu}"));
    assert_eq!(months.len(), 1 + 6, "{months:?}");
    assert_eq!(months.last().unwrap()[1..], ["1", "0", "0"], "{months:?}");
    assert_eq!(
        drawn(
            &overview,
            &format!("chart-feeding-{posyandu}"),
            "col",
            "value"
        ),
        ["0", "0", "0", "0", "0", "0"]
    );
    // Melati's midwife does not see Mawar's family.
    let melati = Web::logged_in(&p.server.base, "bidan-melati", PASSWORD).await;
    let (_, page, _) = melati.get("/alerts").await;
    assert!(!page.contains("other-feeding"));
}
