//! Who may open what, and the alerts: role × page × act, junk logins, unreadable times, danger signs, a pain stop handled.

use super::*;

#[tokio::test]
async fn every_role_opens_only_its_pages_and_only_its_posyandu() {
    let p = programme().await;
    let base = p.server.base.clone();
    let (mawar, melati) = (p.mawar_family.clone(), p.melati_family.clone());
    let gets = [
        "/overview".to_owned(),
        "/alerts".to_owned(),
        "/families".to_owned(),
        format!("/families/{mawar}"),
        format!("/families/{melati}"),
        "/report".to_owned(),
        "/report/export?format=csv&table=participants".to_owned(),
        "/report/export?format=xlsx".to_owned(),
        "/cadres".to_owned(),
        "/accounts".to_owned(),
        "/audit".to_owned(),
        "/password".to_owned(),
        format!("/families/{mawar}/erase"),
        "/district".to_owned(),
    ];
    // Expected, in the order of the pages above (the last two: asking before erasing a
    // family, the district's page; the district's "/overview" sends it there), then of
    // the acts below (mark an alert
    // handled, a cadre's pairing code, revoke a phone, move a family, add an account,
    // set its password, add a cadre, add a posyandu).
    #[rustfmt::skip]
    let table: [(&str, [&str; 22]); 5] = [
        ("admin", [
            "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden",
            "ok", "ok", "ok", "ok", "forbidden", "forbidden",
            "forbidden", "ok", "ok", "ok", "ok", "ok", "ok", "ok",
        ]),
        ("staf", [
            "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok",
            "ok", "forbidden", "ok", "ok", "ok", "forbidden",
            "ok", "ok", "ok", "ok", "forbidden", "forbidden", "ok", "forbidden",
        ]),
        ("bidan-mawar", [
            "ok", "ok", "ok", "ok", "not found", "ok", "ok", "ok",
            "ok", "forbidden", "forbidden", "ok", "ok", "forbidden",
            "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden",
        ]),
        ("bidan-melati", [
            "ok", "ok", "ok", "not found", "ok", "ok", "ok", "ok",
            "ok", "forbidden", "forbidden", "ok", "not found", "forbidden",
            "not found", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden",
        ]),
        ("dinkes", [
            "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden",
            "forbidden", "forbidden", "forbidden", "ok", "forbidden", "ok",
            "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden",
        ]),
    ];
    let mut differences = Vec::new();
    for (index, (login, expected)) in table.iter().enumerate() {
        let web = Web::logged_in(&base, login, PASSWORD).await;
        let mut seen = Vec::new();
        for path in &gets {
            seen.push(outcome(web.get(path).await.0));
        }
        let csrf = web.csrf().await;
        let alert = format!("pain-stop:{}", pain_stop_id(&p).await);
        let device = p.devices[index.min(p.devices.len() - 1)].to_string();
        let acts: [(String, Vec<(&str, String)>); 8] = [
            ("/alerts/handled".into(), vec![("key", alert)]),
            (format!("/cadres/{}/code", p.rina), vec![]),
            (format!("/devices/{device}/revoke"), vec![]),
            (
                format!("/families/{mawar}/move"),
                vec![("to", p.rina.to_string())],
            ),
            (
                "/accounts".into(),
                vec![
                    ("login", format!("baru-{index}")),
                    ("name", "Baru".into()),
                    ("role", "puskesmas".into()),
                    ("password", PASSWORD.into()),
                ],
            ),
            (
                "/accounts/password".into(),
                vec![
                    ("login", format!("baru-{index}")),
                    ("password", format!("{PASSWORD}-baru")),
                ],
            ),
            (
                "/cadres".into(),
                vec![
                    ("posyandu", "1".into()),
                    ("name", format!("Kader baru {index}")),
                ],
            ),
            (
                "/posyandu".into(),
                vec![("name", format!("Posyandu baru {index}"))],
            ),
        ];
        for (path, fields) in &acts {
            let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
            form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
            seen.push(outcome(web.post(path, &form).await.0));
        }
        for (cell, (want, got)) in expected.iter().zip(&seen).enumerate() {
            if want != got {
                let what = gets
                    .get(cell)
                    .map_or_else(|| acts[cell - gets.len()].0.clone(), Clone::clone);
                differences.push(format!("{login} {what}: expected {want}, got {got}"));
            }
        }
    }
    assert!(differences.is_empty(), "{differences:#?}");
    let _ = p.sari;
}

async fn pain_stop_id(p: &Programme) -> String {
    let client = p.server.pool.get().await.unwrap();
    client
        .query_one(
            "SELECT id FROM record WHERE table_name = 'massage_session' AND body->>'stop_reason' = 'pain'",
            &[],
        )
        .await
        .unwrap()
        .get(0)
}

/// A login form as an anonymous visitor would flood it: a 1 MB body is refused before it
/// is read, and a long or junk "login" never reaches the audit trail as typed.
#[tokio::test]
async fn a_flood_of_junk_logins_never_fills_the_audit_trail() {
    let p = programme().await;
    let login = |name: String| {
        let base = p.server.base.clone();
        async move {
            reqwest::Client::new()
                .post(format!("{base}/login"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("cookie", "ayah_login=x")
                .body(support::web::form(&[
                    ("csrf", "x"),
                    ("login", &name),
                    ("password", "y"),
                ]))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(
        login("a".repeat(1_000_000)).await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let junk = login("x".repeat(5_000)).await;
    assert!(junk.is_client_error() || junk.is_redirection(), "{junk}");
    let longest: Option<i32> = p
        .server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT max(length(target)) FROM audit WHERE action = 'login-failed'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert!(longest.unwrap_or(0) <= 40, "{longest:?}");
    // However long the trail grows, the page shows it a hundred entries at a time.
    p.server
        .pool
        .get()
        .await
        .unwrap()
        .execute(
            "INSERT INTO audit (action, target, address)
             SELECT 'login-failed', 'junk-' || n, '203.0.113.9' FROM generate_series(1, 250) n",
            &[],
        )
        .await
        .unwrap();
    let staff = Web::logged_in(&p.server.base, "staf", PASSWORD).await;
    let (mut seen, mut path, mut pages) = (Vec::new(), "/audit".to_owned(), 0);
    loop {
        let page = staff.get(&path).await.1;
        let rows = page.matches("<tr>").count() - 1;
        assert!(rows <= 100, "{rows} rows on a page");
        for junk in page.split("junk-").skip(1) {
            seen.push(junk.split('<').next().unwrap_or_default().to_owned());
        }
        pages += 1;
        match page.split("id=\"audit-older\" href=\"").nth(1) {
            Some(rest) => path = rest.split('"').next().unwrap().replace("&amp;", "&"),
            None => break,
        }
    }
    assert!(pages >= 3, "{pages} pages");
    let distinct: std::collections::BTreeSet<_> = seen.iter().collect();
    assert_eq!(
        (seen.len(), distinct.len()),
        (250, 250),
        "every entry on one page, once"
    );
}

/// A time PostgreSQL cannot read: refused at the door, and a row written straight into
/// the database (before the check, or by hand) never takes the alerts page down.
#[tokio::test]
async fn an_unreadable_time_is_refused_and_never_takes_the_alerts_down() {
    let p = programme().await;
    let (budi_phone, _) = pair_phone(&p.server, p.rina, Some(&p.mawar_family)).await;
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    budi.family = p.mawar_family.clone();
    budi.sent();
    let milk = ayah_asi_core::sample::new_id();
    budi.record(
        "milk_status",
        &milk,
        serde_json::json!({
            "recorded_on": ayah_asi_core::sample::day_ago(0), "status": "tidak-ada",
            "indicators": "", "recorded_by": "mother", "kind": "follow-up",
            "created_at": "2026-12-06T20:00:00+20:00", "updated_at": "2026-12-06T20:00:00+20:00",
        }),
    );
    let refused = reqwest::Client::new()
        .post(format!("{}/api/v1/push", p.server.base))
        .bearer_auth(&budi_phone)
        .header("content-type", "application/x-ayahasi")
        .header("x-ayah-asi-push-id", uuid::Uuid::now_v7().to_string())
        .body(budi.bundle())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The same record written by hand, and one with a year 0.
    let client = p.server.pool.get().await.unwrap();
    for (id, at) in [
        (milk.as_str(), "2026-12-06T20:00:00+20:00"),
        (
            "01a2370b-0000-7000-8000-0000000000f0",
            "0000-01-01T00:00:00+00:00",
        ),
    ] {
        let body = serde_json::json!({ "status": "tidak-ada", "created_at": at, "family_id": p.mawar_family });
        client
            .execute(
                "INSERT INTO record (table_name, id, family_id, body, hash) VALUES ('milk_status', $1, $2, $3, 'x')",
                &[&id, &p.mawar_family, &body],
            )
            .await
            .unwrap();
    }
    let web = Web::logged_in(&p.server.base, "bidan-mawar", PASSWORD).await;
    let (status, page, _) = web.get("/alerts").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("Pijat dihentikan karena Ibu merasa sakit"),
        "{page}"
    );
}

/// A safety stop names what the check found: a danger sign (here fever) is its own
/// alert, apart from a back rash, in the words of the father's stop screen.
#[tokio::test]
async fn a_danger_sign_is_named_apart_from_a_back_rash() {
    let p = programme().await;
    let (sari_token, _) = pair(&p.server, p.sari).await;
    let mut joko = FamilyRecords::enrolled("Joko", "Ani", 12);
    joko.safety_stop(2, "back-wound,fever");
    joko.safety_stop(3, "back-wound");
    push(&p.server, &sari_token, joko.bundle()).await;
    let web = Web::logged_in(&p.server.base, "bidan-melati", PASSWORD).await;
    let (status, page, _) = web.get("/alerts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-kind=\"danger-sign\""), "{page}");
    assert!(page.contains("Tanda bahaya dilaporkan: Demam"), "{page}");
    assert!(
        page.contains(
            "Pijat dihentikan oleh pemeriksaan keamanan: Luka, ruam, atau infeksi di punggung"
        ),
        "{page}"
    );
    assert_eq!(
        page.matches("data-kind=\"danger-sign\"").count(),
        1,
        "a back rash alone is no danger sign"
    );
}

#[tokio::test]
async fn a_pain_stop_is_an_alert_on_the_family_and_handling_it_records_who_and_when() {
    let p = programme().await;
    let web = Web::logged_in(&p.server.base, "bidan-mawar", PASSWORD).await;
    let (status, page, _) = web.get("/alerts").await;
    assert_eq!(status, StatusCode::OK);
    for title in [
        "Pijat dihentikan karena Ibu merasa sakit",
        "Produksi ASI dicatat &quot;tidak ada&quot;",
        "Kunjungan: syarat keamanan tidak terpenuhi",
    ] {
        assert!(page.contains(title), "{title} in {page}");
    }
    assert!(page.contains(&format!("/families/{}", p.mawar_family)));
    assert!(
        !page.contains("Agus"),
        "another posyandu's family is not shown"
    );
    let newest = page.find("Pijat dihentikan").unwrap();
    let older = page.find("syarat keamanan tidak terpenuhi").unwrap();
    assert!(newest < older, "newest first");

    let key = format!("pain-stop:{}", pain_stop_id(&p).await);
    let without_token = web.post("/alerts/handled", &[("key", &key)]).await;
    assert_eq!(
        without_token.0,
        StatusCode::FORBIDDEN,
        "no CSRF token, nothing done"
    );
    let csrf = web.csrf().await;
    let done = web
        .post("/alerts/handled", &[("csrf", &csrf), ("key", &key)])
        .await;
    assert_eq!(
        (done.0, done.2.as_str()),
        (StatusCode::SEE_OTHER, "/alerts")
    );
    let open = web.get("/alerts").await.1;
    assert!(
        !open.contains("Pijat dihentikan karena"),
        "handled leaves the open list"
    );
    let all = web.get("/alerts?all=1").await.1;
    assert!(all.contains("Ditangani oleh bidan-mawar"), "{all}");

    // The family's review: the stopped session with the mother's pain, the visit and
    // the row to coach first.
    let review = web.get(&format!("/families/{}", p.mawar_family)).await.1;
    for part in [
        "Keluarga Budi &amp; Siti",
        "Dihentikan: Ibu merasa sakit",
        "3 → 6",
        "syarat keamanan tidak terpenuhi",
        "Ibu jari jangan di tulang belakang",
        "Tidak ada",
    ] {
        assert!(review.contains(part), "{part} in the review");
    }
    let staff = Web::logged_in(&p.server.base, "staf", PASSWORD).await;
    let audit = staff.get("/audit").await.1;
    for entry in ["menandai peringatan", "membuka data keluarga", "masuk"] {
        assert!(audit.contains(entry), "{entry} in the audit trail");
    }
    let client = p.server.pool.get().await.unwrap();
    let handled: i64 = client
        .query_one("SELECT count(*) FROM alert_handled", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(handled, 1);
}
