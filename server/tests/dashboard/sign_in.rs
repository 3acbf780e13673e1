//! Signing in: forms need their token, wrong passwords lock, sessions end, passwords changed and reset.

use super::*;

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
