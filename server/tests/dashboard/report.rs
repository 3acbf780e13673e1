//! The report over HTTP: its exports read back, its scope, the cadres' own tests, a visit's current version.

use super::*;

#[tokio::test]
async fn the_report_reads_back_from_its_xlsx_and_csv_and_follows_the_scope() {
    use calamine::Reader;
    let p = programme().await;
    let staff = Web::logged_in(&p.server.base, "staf", PASSWORD).await;
    let page = staff.get("/report?months=3").await.1;
    assert!(page.contains("id=\"report-participants\""), "{page}");

    let (status, xlsx) = staff.get_bytes("/report/export?months=3&format=xlsx").await;
    assert_eq!(status, StatusCode::OK);
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let first = workbook.sheet_names()[0].clone();
    let sheet = workbook.worksheet_range(&first).unwrap();
    let from_xlsx: Vec<Vec<String>> = sheet
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(from_xlsx[0], ["Kategori", "Frekuensi"]);
    let row = |label: &str, value: &str| vec![label.to_owned(), value.to_owned()];
    assert_eq!(from_xlsx[1], row("Ayah terdaftar", "2"), "{from_xlsx:?}");
    assert_eq!(
        from_xlsx[5],
        row("Aktif (pijat dalam 7 hari terakhir)", "2")
    );

    let (status, csv) = staff
        .get_bytes("/report/export?months=3&format=csv&table=participants")
        .await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(csv).unwrap();
    let from_csv: Vec<Vec<String>> = csv
        .lines()
        .map(|line| line.split(',').map(str::to_owned).collect())
        .collect();
    assert_eq!(
        from_csv, from_xlsx,
        "the CSV and the workbook hold the same table"
    );

    // The midwife of Mawar: only Budi's family.
    let midwife = Web::logged_in(&p.server.base, "bidan-mawar", PASSWORD).await;
    let (_, csv) = midwife
        .get_bytes("/report/export?months=3&format=csv&table=participants")
        .await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("Ayah terdaftar,1\r\n"), "{csv}");
    let audit = staff.get("/audit").await.1;
    assert!(audit.contains("mengunduh laporan"));
}

/// `bytes` with the cadres' tests set in the header (the body and its hash unchanged).
fn with_counselling(bytes: Vec<u8>, tests: &[(&str, &str, Option<u8>, Option<u8>)]) -> Vec<u8> {
    let text = String::from_utf8(bytes).unwrap();
    let (head, body) = text.split_once('\n').unwrap();
    let mut header: ayah_asi_core::bundle::Header = serde_json::from_str(head).unwrap();
    header.counselling = tests
        .iter()
        .map(
            |(id, name, pre, post)| ayah_asi_core::learning::CadreCounselling {
                cadre_id: (*id).into(),
                name: (*name).into(),
                pre: *pre,
                post: *post,
            },
        )
        .collect();
    format!("{}\n{body}", serde_json::to_string(&header).unwrap()).into_bytes()
}

/// The cells of the overview's row for `posyandu`.
fn overview_row(page: &str, posyandu: &str) -> Vec<String> {
    let start = page
        .find(&format!("<th scope=\"row\">{posyandu}</th>"))
        .unwrap();
    let row = &page[start..start + page[start..].find("</tr>").unwrap()];
    row.split("<td class=\"num\">")
        .skip(1)
        .map(|cell| cell.split("</td>").next().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn cadres_tests_reported_by_their_phones_count_in_their_posyandu_only() {
    let p = programme().await;
    let (rina_token, _) = pair(&p.server, p.rina).await;
    let rina_id = "01a2370b-71f8-7478-b347-00000000c001";
    let yanti_id = "01a2370b-71f8-7478-b347-00000000c002";
    // Rina's phone holds her and Yanti (a posyandu's shared phone): Rina took both tests.
    let mut day = FamilyRecords::enrolled("Joko", "Rani", 5);
    day.session(1, None);
    let tests = [
        (rina_id, "Rina", Some(60), Some(90)),
        (yanti_id, "Yanti", Some(40), None),
    ];
    push(
        &p.server,
        &rina_token,
        with_counselling(day.bundle(), &tests),
    )
    .await;

    // A family's phone cannot speak for cadres: its report is left aside.
    let (family_phone, _) = pair_phone(&p.server, p.sari, Some(&p.melati_family)).await;
    let nothing_new = ayah_asi_core::bundle::Header {
        format: String::new(),
        format_version: 0,
        app_version: "test".into(),
        device_id: "01a2370b-71f8-7478-b347-00000000d001".into(),
        family_ids: vec![p.melati_family.clone()],
        created_at: "2026-12-02T08:00:00.000+07:00".into(),
        since: None,
        counts: Default::default(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    };
    let sari_id = "01a2370b-71f8-7478-b347-00000000c003";
    let forged = with_counselling(
        ayah_asi_core::bundle::write(nothing_new, &[]),
        &[(sari_id, "Sari", Some(10), Some(20))],
    );
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/push", p.server.base))
        .bearer_auth(&family_phone)
        .header("content-type", "application/x-ayahasi")
        .header("x-ayah-asi-push-id", uuid::Uuid::now_v7().to_string())
        .body(forged)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let client = p.server.pool.get().await.unwrap();
    let kept: Vec<String> = client
        .query("SELECT app_cadre_id FROM cadre_counselling ORDER BY 1", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(kept, [rina_id, yanti_id]);
    let melati: i64 = client
        .query_one("SELECT id FROM posyandu WHERE name = 'Melati'", &[])
        .await
        .unwrap()
        .get(0);
    // A score the test cannot give is refused whole, nothing written.
    let before = p.server.dump().await;
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/push", p.server.base))
        .bearer_auth(&rina_token)
        .header("content-type", "application/x-ayahasi")
        .header("x-ayah-asi-push-id", uuid::Uuid::now_v7().to_string())
        .body(with_counselling(
            day.bundle(),
            &[(rina_id, "Rina", Some(65), None)],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(p.server.dump().await, before);

    let staff = Web::logged_in(&p.server.base, "staf", PASSWORD).await;
    let (_, page, _) = staff.get("/overview").await;
    assert_eq!(overview_row(&page, "Mawar").last().unwrap(), "1", "{page}");
    assert_eq!(overview_row(&page, "Melati").last().unwrap(), "0", "{page}");
    // The report's cadres table: both of Rina's phone's cadres, in the Mawar report only.
    let (_, report, _) = staff.get("/report?months=3").await;
    assert!(
        report.contains("Yanti") && report.contains("Rina"),
        "{report}"
    );
    let (_, melati, _) = staff
        .get(&format!("/report?months=3&posyandu={melati}"))
        .await;
    assert!(!melati.contains("Yanti"), "{melati}");
}

#[tokio::test]
async fn the_report_counts_a_visits_current_version_only() {
    let p = programme().await;
    let (rina_token, _) = pair(&p.server, p.rina).await;
    // Joko's visit first recorded pressure on the spine; the cadre corrected it: every
    // row right. Budi (from the programme) stays not competent.
    let mut joko = FamilyRecords::enrolled("Joko", "Rani", 20);
    let visit = joko.visit(6, &[("not-on-spine", 0)]);
    joko.amend_visit(&visit, 2, 6, &[]);
    // Rani first rated a session 1, then changed it to 4: only the 4 counts.
    let session = joko.session(3, None);
    joko.rating(&session, 3, 1, (0, 0));
    joko.rating_version(&session, 2, 3, 4, (0, 0));
    push(&p.server, &rina_token, joko.bundle()).await;

    let staff = Web::logged_in(&p.server.base, "staf", PASSWORD).await;
    let (status, csv) = staff
        .get_bytes("/report/export?months=3&format=csv&table=competence")
        .await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("Pemijat dinilai,2\r\n"), "{csv}");
    assert!(csv.contains("Kompeten,1\r\n"), "{csv}");
    // Comfort: Budi's wife's 2 and 5 (programme), Rani's 4, not her 1.
    let (_, csv) = staff
        .get_bytes("/report/export?months=3&format=csv&table=comfort")
        .await;
    let csv = String::from_utf8(csv).unwrap();
    let counts: Vec<&str> = csv
        .lines()
        .skip(1)
        .take(5)
        .map(|l| l.rsplit(',').next().unwrap())
        .collect();
    assert_eq!(counts, ["0", "1", "0", "1", "1"], "{csv}");
}
