//! The dashboard over HTTP against a throwaway PostgreSQL: who may open what (the
//! whole role × page × act table), scope by posyandu, alerts from pushed records and
//! marking them handled, the family's review, the report's exports read back, CSRF,
//! lockout, expiry, logout and the audit trail.

mod support;

use ayah_asi_core::sample::FamilyRecords;
use ayah_asi_server::accounts::{self, Role};
use ayah_asi_server::org;
use reqwest::StatusCode;
use serde_json::Value;
use support::Server;
use support::web::Web;

const PASSWORD: &str = "kata-sandi-panjang";

/// Two posyandu, a cadre and a family in each (pushed from her phone), and an account
/// of every role (a midwife for each posyandu).
struct Programme {
    server: Server,
    mawar_family: String,
    melati_family: String,
    rina: i64,
    sari: i64,
    /// Cadre phones, one per role allowed to revoke, and Rina's token.
    devices: Vec<i64>,
}

async fn pair(server: &Server, cadre: i64) -> (String, i64) {
    pair_phone(server, cadre, None).await
}

/// A cadre's phone, or with `family` a family's phone: its token and device id.
async fn pair_phone(server: &Server, cadre: i64, family: Option<&str>) -> (String, i64) {
    let code = org::make_pairing_code(&server.pool, cadre, family)
        .await
        .unwrap();
    let answer: Value = support::pair(server, &code).await.json().await.unwrap();
    let token = answer["token"].as_str().unwrap().to_owned();
    let client = server.pool.get().await.unwrap();
    let id: i64 = client
        .query_one("SELECT max(id) FROM device", &[])
        .await
        .unwrap()
        .get(0);
    (token, id)
}

async fn push(server: &Server, token: &str, bytes: Vec<u8>) {
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/push", server.base))
        .bearer_auth(token)
        .header("content-type", "application/x-ayahasi")
        .header("x-ayah-asi-push-id", uuid::Uuid::now_v7().to_string())
        .body(bytes)
        .send()
        .await
        .unwrap();
    let status = response.status();
    assert_eq!(status, StatusCode::OK, "{}", response.text().await.unwrap());
}

async fn programme() -> Programme {
    let server = Server::start().await;
    let pool = &server.pool;
    let puskesmas = org::add_puskesmas(pool, "Puskesmas Rejosari")
        .await
        .unwrap();
    let mawar = org::add_posyandu(pool, "Puskesmas Rejosari", "Mawar")
        .await
        .unwrap();
    let melati = org::add_posyandu(pool, "Puskesmas Rejosari", "Melati")
        .await
        .unwrap();
    let rina = org::add_cadre(pool, mawar, "Rina").await.unwrap();
    let sari = org::add_cadre(pool, melati, "Sari").await.unwrap();
    let (rina_token, rina_phone) = pair(&server, rina).await;
    let (sari_token, _) = pair(&server, sari).await;

    // Budi stopped a massage for pain yesterday; his wife recorded no milk; the cadre's
    // visit found pressure on the spine.
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    let session = budi.session(1, Some("pain"));
    budi.rating(&session, 1, 2, (3, 6));
    let finished = budi.session(2, None);
    budi.rating(&finished, 2, 5, (2, 0));
    budi.milk(15, "tidak-lancar");
    budi.milk(3, "tidak-ada");
    budi.visit(5, &[("not-on-spine", 0), ("cleaning", 1)]);
    push(&server, &rina_token, budi.bundle()).await;
    let mut agus = FamilyRecords::enrolled("Agus", "Dewi", 10);
    agus.session(1, None);
    push(&server, &sari_token, agus.bundle()).await;

    let mut devices = vec![rina_phone];
    for _ in 0..2 {
        devices.push(pair(&server, rina).await.1);
    }
    for (login, role, posyandu) in [
        ("admin", Role::Admin, vec![]),
        ("staf", Role::Puskesmas, vec![]),
        ("bidan-mawar", Role::Midwife, vec![mawar]),
        ("bidan-melati", Role::Midwife, vec![melati]),
    ] {
        accounts::add(pool, puskesmas, login, login, role, PASSWORD, &posyandu)
            .await
            .unwrap();
    }
    Programme {
        server,
        mawar_family: budi.family,
        melati_family: agus.family,
        rina,
        sari,
        devices,
    }
}

/// What a request's status says: let in (2xx or a redirect after an act) or refused.
fn outcome(status: StatusCode) -> &'static str {
    match status.as_u16() {
        200..=299 | 303 => "ok",
        403 => "forbidden",
        404 => "not found",
        _ => "other",
    }
}

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
    ];
    // Expected, in the order of the pages above (the last: asking before erasing a family),
    // then of the acts below (mark an alert
    // handled, a cadre's pairing code, revoke a phone, move a family, add an account,
    // set its password, add a cadre, add a posyandu).
    #[rustfmt::skip]
    let table: [(&str, [&str; 21]); 4] = [
        ("admin", [
            "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden",
            "ok", "ok", "ok", "ok", "forbidden",
            "forbidden", "ok", "ok", "ok", "ok", "ok", "ok", "ok",
        ]),
        ("staf", [
            "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok",
            "ok", "forbidden", "ok", "ok", "ok",
            "ok", "ok", "ok", "ok", "forbidden", "forbidden", "ok", "forbidden",
        ]),
        ("bidan-mawar", [
            "ok", "ok", "ok", "ok", "not found", "ok", "ok", "ok",
            "ok", "forbidden", "forbidden", "ok", "ok",
            "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden",
        ]),
        ("bidan-melati", [
            "ok", "ok", "ok", "not found", "ok", "ok", "ok", "ok",
            "ok", "forbidden", "forbidden", "ok", "not found",
            "not found", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden",
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

#[tokio::test]
async fn forms_need_their_token_wrong_passwords_lock_and_sessions_end() {
    let p = programme().await;
    let base = &p.server.base;

    // A login form without its cookie's token is refused, even with the right password.
    let bare = Web::new(base);
    let forged = bare
        .post(
            "/login",
            &[("csrf", "x"), ("login", "staf"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(forged.0, StatusCode::FORBIDDEN);

    // Five wrong passwords lock the account: then the right one is refused too.
    let mut web = Web::new(base);
    for _ in 0..accounts::LOCK_AFTER_FAILURES - 1 {
        let (status, page) = web.log_in("staf", "salah-sekali").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(page.contains("Nama pengguna atau kata sandi salah."));
    }
    let (status, page) = web.log_in("staf", "salah-sekali").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.contains("dikunci sampai"), "{page}");
    let (status, _) = web.log_in("staf", PASSWORD).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "locked even with the right password"
    );
    assert!(web.cookie.is_none());

    // A session idle past its time sends the reader back to log in, saying why.
    let mut web = Web::logged_in(base, "bidan-mawar", PASSWORD).await;
    assert_eq!(web.get("/overview").await.0, StatusCode::OK);
    let client = p.server.pool.get().await.unwrap();
    client
        .execute(
            "UPDATE web_session SET last_seen_at = now() - interval '31 minutes'
             WHERE account_id = (SELECT id FROM account WHERE login = 'bidan-mawar')",
            &[],
        )
        .await
        .unwrap();
    let (status, _, to) = web.get("/overview").await;
    assert_eq!(
        (status, to.as_str()),
        (StatusCode::SEE_OTHER, "/login?expired=1")
    );
    assert!(
        web.get("/login?expired=1")
            .await
            .1
            .contains("Sesi sudah berakhir")
    );

    // Logout ends the session: the same cookie opens nothing afterwards.
    web = Web::logged_in(base, "bidan-mawar", PASSWORD).await;
    let csrf = web.csrf().await;
    let (status, _, to) = web.post("/logout", &[("csrf", &csrf)]).await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/login"));
    assert_eq!(web.get("/families").await.0, StatusCode::SEE_OTHER);

    // A form carrying another session's token is refused and changes nothing.
    let admin = Web::logged_in(base, "admin", PASSWORD).await;
    let other = Web::logged_in(base, "bidan-melati", PASSWORD)
        .await
        .csrf()
        .await;
    let codes = |client: deadpool_postgres::Object| async move {
        let count: i64 = client
            .query_one("SELECT count(*) FROM pairing_code", &[])
            .await
            .unwrap()
            .get(0);
        count
    };
    let before = codes(p.server.pool.get().await.unwrap()).await;
    let path = format!("/cadres/{}/code", p.rina);
    assert_eq!(
        admin.post(&path, &[("csrf", &other)]).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(codes(p.server.pool.get().await.unwrap()).await, before);
    let own = admin.csrf().await;
    let (status, page, _) = admin.post(&path, &[("csrf", &own)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"pairing-code\""));
    assert_eq!(codes(p.server.pool.get().await.unwrap()).await, before + 1);
}

/// `failed_logins` of `login`, and whether it is locked now.
async fn failures(server: &Server, login: &str) -> (i32, bool) {
    let client = server.pool.get().await.unwrap();
    let row = client
        .query_one(
            "SELECT failed_logins, coalesce(locked_until > now(), false) FROM account
             WHERE login = $1",
            &[&login],
        )
        .await
        .unwrap();
    (row.get(0), row.get(1))
}

#[tokio::test]
async fn she_changes_her_own_password_and_an_admin_sets_a_forgotten_one() {
    let p = programme().await;
    let base = &p.server.base;
    let here = Web::logged_in(base, "bidan-mawar", PASSWORD).await;
    let elsewhere = Web::logged_in(base, "bidan-mawar", PASSWORD).await;
    let csrf = here.csrf().await;
    let new = "kata-sandi-baru-bidan";
    let change = |current: &'static str, new: &'static str, repeat: &'static str| {
        let (here, csrf) = (&here, csrf.clone());
        async move {
            let fields = [
                ("csrf", csrf.as_str()),
                ("current", current),
                ("new", new),
                ("repeat", repeat),
            ];
            let (status, page, _) = here.post("/password", &fields).await;
            (status, page)
        }
    };

    // Refused, each with its reason, and nothing changed: two new ones that differ,
    // one too short, the current one again, a wrong current one (counted as at login).
    let refusals = [
        (
            change(PASSWORD, new, "kata-sandi-lain-bidan").await,
            "Kedua kata sandi baru tidak sama.",
        ),
        (
            change(PASSWORD, "pendek", "pendek").await,
            "Kata sandi terlalu pendek.",
        ),
        (
            change(PASSWORD, PASSWORD, PASSWORD).await,
            "Kata sandi baru harus berbeda",
        ),
        (
            change("bukan-ini-sandinya", new, new).await,
            "Kata sandi sekarang salah.",
        ),
    ];
    for ((status, page), reason) in refusals {
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reason}");
        assert!(page.contains(reason), "{reason}: {page}");
    }
    assert_eq!(failures(&p.server, "bidan-mawar").await, (1, false));
    assert_eq!(elsewhere.get("/overview").await.0, StatusCode::OK);

    // Another session's token changes nothing.
    let staf = Web::logged_in(base, "staf", PASSWORD).await;
    let forged = staf
        .post(
            "/password",
            &[
                ("csrf", &csrf),
                ("current", PASSWORD),
                ("new", new),
                ("repeat", new),
            ],
        )
        .await;
    assert_eq!(forged.0, StatusCode::FORBIDDEN);

    // The right one: saved, the count cleared, her other browser signed out, this one not.
    let (status, page) = change(PASSWORD, new, new).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("Kata sandi sudah diganti. 1 peramban lain sudah dikeluarkan."),
        "{page}"
    );
    assert_eq!(failures(&p.server, "bidan-mawar").await, (0, false));
    assert_eq!(here.get("/overview").await.0, StatusCode::OK);
    let (status, _, to) = elsewhere.get("/overview").await;
    assert_eq!(
        (status, to.as_str()),
        (StatusCode::SEE_OTHER, "/login?expired=1")
    );
    assert_eq!(
        Web::new(base).log_in("bidan-mawar", PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );
    Web::logged_in(base, "bidan-mawar", new).await;

    // Staf forgets hers and locks the account; the admin sets a new one: unlocked, and
    // her sessions (staf's one above) ended.
    let mut web = Web::new(base);
    for _ in 0..accounts::LOCK_AFTER_FAILURES {
        web.log_in("staf", "lupa-kata-sandinya").await;
    }
    assert!(failures(&p.server, "staf").await.1, "locked");
    let admin = Web::logged_in(base, "admin", PASSWORD).await;
    let admin_csrf = admin.csrf().await;
    let temporary = "sementara-untuk-staf";
    let reset = |login: &'static str, password: &'static str| {
        let (admin, csrf) = (&admin, admin_csrf.clone());
        async move {
            let fields = [
                ("csrf", csrf.as_str()),
                ("login", login),
                ("password", password),
            ];
            let (status, page, _) = admin.post("/accounts/password", &fields).await;
            (status, page)
        }
    };
    let (status, page) = reset("staf", "pendek").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Kata sandi terlalu pendek."), "{page}");
    assert!(failures(&p.server, "staf").await.1, "still locked");
    let (status, page) = reset("staf", temporary).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("Kata sandi staf sudah diatur; akunnya dibuka dan 1 sesinya diakhiri."),
        "{page}"
    );
    assert_eq!(failures(&p.server, "staf").await, (0, false));
    assert_eq!(staf.get("/overview").await.0, StatusCode::SEE_OTHER);
    Web::logged_in(base, "staf", temporary).await;

    // Not an account of another puskesmas.
    let pool = &p.server.pool;
    let other = org::add_puskesmas(pool, "Puskesmas Lain").await.unwrap();
    accounts::add(
        pool,
        other,
        "staf-lain",
        "Staf lain",
        Role::Puskesmas,
        PASSWORD,
        &[],
    )
    .await
    .unwrap();
    let (status, page) = reset("staf-lain", temporary).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("Akun itu tidak ada di puskesmas ini."),
        "{page}"
    );
    Web::logged_in(base, "staf-lain", PASSWORD).await;

    // The audit trail holds each act, with who did it.
    let client = pool.get().await.unwrap();
    let acts: Vec<(Option<String>, String, String)> = client
        .query(
            "SELECT a.login, u.action, u.target FROM audit u LEFT JOIN account a ON a.id = u.account_id
             WHERE u.action LIKE 'password-%' ORDER BY u.id",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let expected = [
        (Some("bidan-mawar"), "password-change-failed", ""),
        (Some("bidan-mawar"), "password-changed", ""),
        (Some("admin"), "password-reset", "staf"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(who, act, target)| {
            (
                who.map(str::to_owned),
                (*act).to_owned(),
                (*target).to_owned(),
            )
        })
        .collect();
    assert_eq!(acts, expected);
    let audit_page = admin.get("/audit").await.1;
    assert!(
        audit_page.contains("mengatur kata sandi yang terlupa"),
        "{audit_page}"
    );
}

#[tokio::test]
async fn proving_the_current_password_counts_against_the_address_like_a_login() {
    let settings = ayah_asi_server::http::Settings {
        logins_per_minute: 3,
        ..Default::default()
    };
    let server = Server::start_with(settings).await;
    let pool = &server.pool;
    let puskesmas = org::add_puskesmas(pool, "Puskesmas Rejosari")
        .await
        .unwrap();
    accounts::add(
        pool,
        puskesmas,
        "staf",
        "Staf",
        Role::Puskesmas,
        PASSWORD,
        &[],
    )
    .await
    .unwrap();
    let web = Web::logged_in(&server.base, "staf", PASSWORD).await;
    let csrf = web.csrf().await;
    let new = "kata-sandi-baru-staf";
    let fields = |current: &'static str| {
        [
            ("csrf", csrf.clone()),
            ("current", current.to_owned()),
            ("new", new.to_owned()),
            ("repeat", new.to_owned()),
        ]
    };
    let post = |current: &'static str| {
        let fields = fields(current);
        let web = &web;
        async move {
            let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            web.post("/password", &form).await
        }
    };
    for _ in 0..2 {
        assert_eq!(
            post("tebakan-yang-salah").await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    // The fourth attempt from this address within the minute: refused before any check,
    // even with the right password, and nothing changed.
    let (status, page, _) = post(PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.contains("Terlalu banyak percobaan"), "{page}");
    assert_eq!(failures(&server, "staf").await, (2, false));
    let client = pool.get().await.unwrap();
    let changed: i64 = client
        .query_one(
            "SELECT count(*) FROM audit WHERE action = 'password-changed'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(changed, 0);
}

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
