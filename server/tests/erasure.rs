//! The mother's consent and her erasure, over HTTP against a throwaway PostgreSQL:
//! a family without the consent text that names the server is refused; a family's
//! phone erases its family (nothing of it left in any table, every phone told at its
//! pull, nothing of it taken back); a midwife erases one from its page with a reason;
//! the retention erases an old family and keeps a recent one; and the admin opens no
//! family's page while every pairing, account and pull she causes is in the audit.

mod support;

use ayah_asi_core::bundle;
use ayah_asi_core::sample::FamilyRecords;
use ayah_asi_server::accounts::{self, Role};
use ayah_asi_server::records;
use reqwest::StatusCode;
use serde_json::Value;
use support::web::Web;
use support::{Server, cadre, family_code, pair, paired, push};

const PASSWORD: &str = "kata-sandi-panjang";

fn push_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Budi and Siti, a week of massage, a rating, milk, and the cadre's visit.
fn budi() -> FamilyRecords {
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    let session = budi.session(2, Some("pain"));
    budi.rating(&session, 2, 2, (3, 6));
    budi.milk(3, "tidak-ada");
    budi.visit(5, &[("cleaning", 1)]);
    budi
}

/// The same bundle with the mother's consent given to `version` instead.
fn with_consent_version(bytes: &[u8], version: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text.split_once('\n').unwrap();
    let body = body.replace(ayah_asi_core::family::CONSENT_TEXT_VERSION, version);
    let mut header: Value = serde_json::from_str(head).unwrap();
    header["body_sha256"] = Value::from(bundle::sha256_hex(body.as_bytes()));
    format!("{header}\n{body}").into_bytes()
}

/// A server, Bu Rina of Melati, her tablet, and Budi's family pushed from it.
async fn budi_pushed() -> (Server, i64, String, FamilyRecords) {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    let family = budi();
    let status = push(&server, &tablet, &push_id(), family.bundle())
        .await
        .status();
    assert_eq!(status, StatusCode::OK);
    (server, rina, tablet, family)
}

async fn count(server: &Server, sql: &str, family: &str) -> i64 {
    server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(sql, &[&family])
        .await
        .unwrap()
        .get(0)
}

async fn pull_all(server: &Server, token: &str) -> bundle::Bundle {
    let response = reqwest::Client::new()
        .get(format!("{}/api/v1/pull?cursor=0", server.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.bytes().await.unwrap();
    bundle::parse(&bytes, chrono::Local::now().fixed_offset()).unwrap()
}

#[tokio::test]
async fn a_family_without_the_text_that_names_the_server_is_refused_and_stores_nothing() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    let family = budi();
    let held = "SELECT count(*) FROM record WHERE family_id = $1";
    // v2 did not name the server; v3 named it but not what the baby eats and drinks.
    for version in ["health-data-v2", "health-data-v3"] {
        let older = with_consent_version(&family.bundle(), version);
        let refused = push(&server, &tablet, &push_id(), older).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT, "{version}");
        let body: Value = refused.json().await.unwrap();
        assert_eq!(body["code"], "error-server-consent-needed");
        assert_eq!(body["familyId"], family.family.as_str());
        assert_eq!(count(&server, held, &family.family).await, 0, "{version}");
    }
    // The same family once she agreed to the new text: taken whole.
    let taken = push(&server, &tablet, &push_id(), family.bundle()).await;
    assert_eq!(taken.status(), StatusCode::OK);
    assert!(count(&server, held, &family.family).await > 5);
    // Later records need no consent in the same push: hers is on the server.
    let mut later = family;
    later.sent();
    later.session(0, None);
    let status = push(&server, &tablet, &push_id(), later.bundle())
        .await
        .status();
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_family_phone_erases_its_family_from_every_table_and_every_phone_pulls_the_erasure() {
    let (server, _, tablet, mut family) = budi_pushed().await;
    let code = family_code(&server, &tablet, &family.family).await;
    let phone: Value = pair(&server, &code).await.json().await.unwrap();
    let phone = phone["token"].as_str().unwrap().to_owned();
    // An unspent code for the family, and its records' older versions, must go too.
    let _unspent = family_code(&server, &tablet, &family.family).await;
    let before = support::every_row(&server.pool).await;
    assert!(before.iter().any(|r| r.contains("Siti")));

    let old_records = family.bundle();
    family.sent();
    family.delete("family", &family.family.clone(), &family.family.clone());
    let erased = push(&server, &phone, &push_id(), family.bundle()).await;
    assert_eq!(erased.status(), StatusCode::OK);

    let after = support::every_row(&server.pool).await;
    let names: Vec<&String> = after
        .iter()
        .filter(|r| r.contains("Siti") || r.contains("Budi"))
        .collect();
    assert!(names.is_empty(), "names left: {names:#?}");
    for table in [
        "record",
        "record_history",
        "conflict",
        "pairing_code",
        "family_transfer",
    ] {
        let rows = after
            .iter()
            .filter(|r| r.starts_with(&format!("{table}: ")) && r.contains(&family.family))
            .count();
        assert_eq!(rows, 0, "{table} still holds the family");
    }
    let tombstones: Vec<&String> = after
        .iter()
        .filter(|r| r.starts_with("tombstone: ") && r.contains(&family.family))
        .collect();
    assert_eq!(tombstones.len(), 1, "{tombstones:#?}");
    assert!(tombstones[0].contains("\"table_name\":\"family\""));
    let audit: Vec<&String> = after
        .iter()
        .filter(|r| r.starts_with("audit: ") && r.contains("family-erased"))
        .collect();
    assert_eq!(audit.len(), 1);
    assert!(audit[0].contains("asked-on-phone"), "{}", audit[0]);

    // The cadre's tablet pulls the erasure and nothing of the family.
    let pulled = pull_all(&server, &tablet).await;
    assert!(
        pulled
            .records
            .iter()
            .all(|r| r.body.get("family_id").and_then(Value::as_str)
                != Some(family.family.as_str())
                && r.id != family.family)
    );
    assert!(
        pulled
            .tombstones
            .iter()
            .any(|t| t.table.name == "family" && t.id == family.family)
    );
    // Her tablet, not yet told, sends the family's records again: taken, and dropped.
    let again = push(&server, &tablet, &push_id(), old_records).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(
        count(
            &server,
            "SELECT count(*) FROM record WHERE family_id = $1",
            &family.family
        )
        .await,
        0
    );
    // The family is no longer hers to give a code for, nor on any page.
    let refused = reqwest::Client::new()
        .post(format!(
            "{}{}",
            server.base,
            ayah_asi_core::sync::wire::FAMILY_CODE_PATH
        ))
        .bearer_auth(&tablet)
        .json(&serde_json::json!({ "familyId": family.family }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

/// A midwife of Melati, a staff member and an admin of Puskesmas Rejosari.
async fn accounts_of(server: &Server) {
    let pool = &server.pool;
    let puskesmas: i64 = pool
        .get()
        .await
        .unwrap()
        .query_one("SELECT id FROM puskesmas", &[])
        .await
        .unwrap()
        .get(0);
    let melati: i64 = pool
        .get()
        .await
        .unwrap()
        .query_one("SELECT id FROM posyandu WHERE name = 'Melati'", &[])
        .await
        .unwrap()
        .get(0);
    for (login, role, posyandu) in [
        ("admin", Role::Admin, vec![]),
        ("bidan-melati", Role::Midwife, vec![melati]),
    ] {
        accounts::add(pool, puskesmas, login, login, role, PASSWORD, &posyandu)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_midwife_erases_a_family_from_its_page_with_a_reason_and_the_audit_keeps_no_name() {
    let (server, _, _, family) = budi_pushed().await;
    accounts_of(&server).await;
    let page = format!("/families/{}/erase", family.family);

    let admin = Web::logged_in(&server.base, "admin", PASSWORD).await;
    assert_eq!(admin.get(&page).await.0, StatusCode::FORBIDDEN);
    let csrf = admin.csrf().await;
    let tried = admin
        .post(&page, &[("csrf", &csrf), ("reason", "asked-in-person")])
        .await;
    assert_eq!(tried.0, StatusCode::FORBIDDEN);

    let midwife = Web::logged_in(&server.base, "bidan-melati", PASSWORD).await;
    let (status, confirm, _) = midwife.get(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("Budi") && confirm.contains("asked-in-person"));
    let csrf = midwife.csrf().await;
    // A reason is not free text: one outside the list is refused, nothing erased.
    let odd = midwife
        .post(&page, &[("csrf", &csrf), ("reason", "Siti pindah")])
        .await;
    assert_ne!(odd.0, StatusCode::SEE_OTHER);
    let (status, _, location) = midwife
        .post(&page, &[("csrf", &csrf), ("reason", "consent-withdrawn")])
        .await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/families?erased=1")
    );
    let (_, list, _) = midwife.get("/families?erased=1").await;
    assert!(list.contains("id=\"erased\"") && !list.contains("Budi"));
    assert_eq!(
        midwife.get(&format!("/families/{}", family.family)).await.0,
        StatusCode::NOT_FOUND
    );
    let (_, report, _) = midwife.get("/report").await;
    assert!(!report.contains("Budi"));
    assert_eq!(
        count(
            &server,
            "SELECT count(*) FROM record WHERE family_id = $1",
            &family.family
        )
        .await,
        0
    );
    let (_, audit, _) = admin.get("/audit").await;
    assert!(audit.contains("family-erased") || audit.contains("menghapus data keluarga"));
    let lines: Vec<String> = support::every_row(&server.pool)
        .await
        .into_iter()
        .filter(|r| r.starts_with("audit: ") && r.contains("family-erased"))
        .collect();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("consent-withdrawn") && !lines[0].contains("Siti"));
    // Erased already: a second erasure finds nothing.
    let again = midwife
        .post(&page, &[("csrf", &csrf), ("reason", "asked-in-person")])
        .await;
    assert_eq!(again.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_retention_erases_a_family_past_its_time_and_keeps_a_recent_one() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    let (old, recent) = (budi(), FamilyRecords::enrolled("Agus", "Dewi", 10));
    for family in [&old, &recent] {
        assert_eq!(
            push(&server, &tablet, &push_id(), family.bundle())
                .await
                .status(),
            StatusCode::OK
        );
    }
    // The old family's last record arrived 200 days ago; the clock is moved 200 days on.
    server
        .pool
        .get()
        .await
        .unwrap()
        .execute(
            "UPDATE family_assignment SET last_record_at = now() - interval '200 days'
             WHERE family_id = $1",
            &[&old.family],
        )
        .await
        .unwrap();
    let later = chrono::Utc::now() + chrono::Duration::days(200);
    assert_eq!(
        records::erase_expired(&server.pool, later, 365)
            .await
            .unwrap(),
        1
    );
    let records_of = "SELECT count(*) FROM record WHERE family_id = $1";
    assert_eq!(count(&server, records_of, &old.family).await, 0);
    assert!(count(&server, records_of, &recent.family).await > 0);
    let audit = "SELECT count(*) FROM audit WHERE action = 'family-erased' AND target LIKE '%' || $1 || '%retention%'";
    assert_eq!(count(&server, audit, &old.family).await, 1);
    // Run again on the same day: nothing more.
    assert_eq!(
        records::erase_expired(&server.pool, later, 365)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn the_admin_opens_no_family_and_every_pairing_account_and_pull_she_causes_is_audited() {
    let (server, rina, _, family) = budi_pushed().await;
    accounts_of(&server).await;
    let admin = Web::logged_in(&server.base, "admin", PASSWORD).await;
    let id = &family.family;
    for path in [
        "/alerts".to_owned(),
        "/families".to_owned(),
        format!("/families/{id}"),
        format!("/families/{id}/erase"),
        "/report".to_owned(),
        "/report/export?format=xlsx".to_owned(),
    ] {
        assert_eq!(admin.get(&path).await.0, StatusCode::FORBIDDEN, "{path}");
    }
    for path in ["/overview", "/cadres", "/accounts", "/audit"] {
        let (status, page, _) = admin.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            !page.contains("Budi") && !page.contains("Siti"),
            "{path} shows a name"
        );
    }
    // What she can do: a code for Rina's phone, a phone paired with it that reads every
    // family, and an account of the puskesmas role. Each is in the trail.
    let csrf = admin.csrf().await;
    let (_, code_page, _) = admin
        .post(&format!("/cadres/{rina}/code"), &[("csrf", &csrf)])
        .await;
    let code: String = code_page
        .split("id=\"pairing-code\"")
        .nth(1)
        .and_then(|rest| rest.split('>').nth(1))
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let phone: Value = pair(&server, &code).await.json().await.unwrap();
    let phone = phone["token"].as_str().unwrap().to_owned();
    let pulled = pull_all(&server, &phone).await;
    assert!(
        !pulled.records.is_empty(),
        "a phone she paired reads the families"
    );
    let (status, _, _) = admin
        .post(
            "/accounts",
            &[
                ("csrf", &csrf),
                ("login", "staf-baru"),
                ("name", "Staf Baru"),
                ("role", "puskesmas"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert!(
        status.is_success() || status == StatusCode::SEE_OTHER,
        "{status}"
    );
    let client = server.pool.get().await.unwrap();
    let trail: Vec<(String, String)> = client
        .query("SELECT action, target FROM audit ORDER BY id", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let has = |action: &str, part: &str| trail.iter().any(|(a, t)| a == action && t.contains(part));
    assert!(
        has("pairing-code-made", &format!("cadre {rina}")),
        "{trail:#?}"
    );
    assert!(has("device-paired", "the cadre's phone"), "{trail:#?}");
    assert!(has("records-pulled", "1 families"), "{trail:#?}");
    assert!(has("account-added", "staf-baru"), "{trail:#?}");
}
