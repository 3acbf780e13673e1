//! The server over HTTP against a throwaway PostgreSQL: pairing (good, reused, wrong,
//! expired), a push applied once whatever the retries, pulled by the family's phone,
//! and every kind of refused request, each leaving the database as it was.

mod support;

use ayah_asi_core::bundle;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{Server, cadre, pair, paired, push};

/// A realistic bundle: one family's records, a visit with its scores, a deletion.
const SEED: &[u8] = include_bytes!("../../fuzz/corpus/bundle/seed-whole-file");
const FAMILY: &str = "01a2370b-71f8-7478-b347-f6207052bbe7";
const OTHER: &str = "01a2370b-71f8-7478-b347-000000000099";

/// The same bundle about another family (every id of the first replaced).
fn other_family_bundle() -> Vec<u8> {
    let text = String::from_utf8_lossy(SEED).replace(FAMILY, OTHER);
    let (head, body) = text.split_once('\n').unwrap_or_default();
    let mut header: Value = serde_json::from_str(head).unwrap();
    header["family_ids"] = json!([OTHER]);
    header["body_sha256"] = json!(bundle::sha256_hex(body.as_bytes()));
    format!("{header}\n{body}").into_bytes()
}

/// A server, cadre Rina of posyandu Melati, her tablet, and the seed pushed from it as
/// `push_id`.
async fn seed_pushed(push_id: &str) -> (Server, i64, String) {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    pushed(&server, &tablet, push_id, SEED.to_vec()).await;
    (server, rina, tablet)
}

/// A push's answer: its tally.
async fn tally_of(server: &Server, token: &str, push_id: &str, bytes: Vec<u8>) -> Value {
    push(server, token, push_id, bytes)
        .await
        .json()
        .await
        .unwrap()
}

/// A push that must be taken.
async fn pushed(server: &Server, token: &str, push_id: &str, bytes: Vec<u8>) {
    let status = push(server, token, push_id, bytes).await.status();
    assert_eq!(status, StatusCode::OK, "push {push_id}");
}

async fn pull(server: &Server, token: &str, cursor: i64) -> (bundle::Bundle, i64) {
    let response = reqwest::Client::new()
        .get(format!("{}/api/v1/pull?cursor={cursor}", server.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let next: i64 = response.headers()["x-ayah-asi-cursor"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let bytes = response.bytes().await.unwrap();
    (
        bundle::parse(&bytes, chrono::Local::now().fixed_offset()).unwrap(),
        next,
    )
}

async fn code_of(response: reqwest::Response) -> (StatusCode, String) {
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    (status, body["code"].as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn a_pairing_code_works_once_and_a_wrong_or_expired_one_never() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let code = ayah_asi_server::org::make_pairing_code(&server.pool, rina, None)
        .await
        .unwrap();
    assert_eq!(code.len(), 10);
    let first = pair(&server, &code.to_lowercase()).await;
    assert_eq!(
        first.status(),
        StatusCode::OK,
        "typed in lower case still pairs"
    );
    let token: Value = first.json().await.unwrap();
    assert_eq!(token["token"].as_str().unwrap().len(), 64);
    let stored: i64 = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT count(*) FROM device WHERE token_hash = $1",
            &[&token["token"].as_str().unwrap()],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(stored, 0, "the token itself is never stored");
    assert_eq!(
        code_of(pair(&server, &code).await).await,
        (StatusCode::FORBIDDEN, "error-server-pairing-code".into())
    );
    assert_eq!(
        code_of(pair(&server, "ABCDEFGHJK").await).await.0,
        StatusCode::FORBIDDEN
    );
    let expired = ayah_asi_server::org::make_pairing_code(&server.pool, rina, None)
        .await
        .unwrap();
    server.pool.get().await.unwrap()
        .execute("UPDATE pairing_code SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL", &[])
        .await.unwrap();
    assert_eq!(
        code_of(pair(&server, &expired).await).await.0,
        StatusCode::FORBIDDEN
    );
    // Too many tries from one address are refused before the code is looked at.
    let mut last = StatusCode::OK;
    for _ in 0..12 {
        last = pair(&server, "ZZZZZZZZZZ").await.status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_push_applies_once_whatever_the_retries_and_the_family_phone_pulls_it() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    let push_id = "01a2370b-0000-7000-8000-000000000001";
    let first = push(&server, &tablet, push_id, SEED.to_vec()).await;
    assert_eq!(first.status(), StatusCode::OK);
    let tally: Value = first.json().await.unwrap();
    assert_eq!(tally["tally"]["family"]["new"], 1);
    assert_eq!(tally["tally"]["visit_score"]["new"], 10);
    let after_first = server.dump().await;
    // The answer was lost; the app sends the same push again: nothing changes.
    let again: Value = tally_of(&server, &tablet, push_id, SEED.to_vec()).await;
    assert_eq!(again, tally);
    assert_eq!(server.dump().await, after_first);
    // A new push of the same records finds them all known.
    let known: Value = tally_of(
        &server,
        &tablet,
        "01a2370b-0000-7000-8000-000000000002",
        SEED.to_vec(),
    )
    .await;
    assert_eq!(known["tally"]["family"]["known"], 1);

    // The family's phone pairs with a code for its family and pulls everything.
    let phone = paired(&server, rina, Some(FAMILY)).await;
    let (pulled, cursor) = pull(&server, &phone, 0).await;
    let seed = bundle::parse(SEED, chrono::Local::now().fixed_offset()).unwrap();
    assert_eq!(pulled.header.family_ids, [FAMILY]);
    assert_eq!(pulled.records.len(), seed.records.len());
    assert_eq!(pulled.tombstones.len(), seed.tombstones.len());
    for record in &seed.records {
        assert!(
            pulled
                .records
                .iter()
                .any(|r| r.id == record.id && r.hash == record.hash),
            "{} {} pulled unchanged",
            record.table.name,
            record.id
        );
    }
    let (nothing, same) = pull(&server, &phone, cursor).await;
    assert!(nothing.records.is_empty() && nothing.tombstones.is_empty());
    assert_eq!(same, cursor);
    // The cadre's own records do not come back to her tablet, but her cursor moves on.
    let (own, moved) = pull(&server, &tablet, 0).await;
    assert!(own.records.is_empty());
    assert_eq!(moved, cursor);
}

#[tokio::test]
async fn refused_requests_change_nothing() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let ani = cadre(&server, "Mawar", "Bu Ani").await;
    let tablet = paired(&server, rina, None).await;
    pushed(
        &server,
        &tablet,
        "01a2370b-0000-7000-8000-000000000001",
        SEED.to_vec(),
    )
    .await;
    let phone = paired(&server, rina, Some(FAMILY)).await;
    let other_cadre = paired(&server, ani, None).await;
    let revoked = paired(&server, rina, None).await;
    let revoked_id: i64 = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one("SELECT max(id) FROM device", &[])
        .await
        .unwrap()
        .get(0);
    ayah_asi_server::org::revoke(&server.pool, revoked_id)
        .await
        .unwrap();
    let before = server.dump().await;
    let id = "01a2370b-0000-7000-8000-0000000000ff";

    // A family's phone pushing another family; another cadre pushing Bu Rina's family.
    assert_eq!(
        code_of(push(&server, &phone, id, other_family_bundle()).await).await,
        (StatusCode::FORBIDDEN, "error-server-out-of-scope".into())
    );
    assert_eq!(
        code_of(push(&server, &other_cadre, id, SEED.to_vec()).await).await,
        (StatusCode::FORBIDDEN, "error-server-out-of-scope".into())
    );
    // Tokens: none, wrong, revoked.
    let anonymous = reqwest::Client::new()
        .post(format!("{}/api/v1/push", server.base))
        .body(SEED.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(
        code_of(anonymous).await,
        (StatusCode::UNAUTHORIZED, "error-server-not-paired".into())
    );
    assert_eq!(
        push(&server, "0".repeat(64).as_str(), id, SEED.to_vec())
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        code_of(push(&server, &revoked, id, SEED.to_vec()).await).await,
        (
            StatusCode::UNAUTHORIZED,
            "error-server-device-refused".into()
        )
    );
    // Wrong content type, no push id, a tampered body, not a bundle, too large.
    let wrong_type = reqwest::Client::new()
        .post(format!("{}/api/v1/push", server.base))
        .bearer_auth(&tablet)
        .header("content-type", "application/json")
        .header("x-ayah-asi-push-id", id)
        .body(SEED.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let no_id = reqwest::Client::new()
        .post(format!("{}/api/v1/push", server.base))
        .bearer_auth(&tablet)
        .header("content-type", "application/x-ayahasi")
        .body(SEED.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(no_id.status(), StatusCode::BAD_REQUEST);
    let mut tampered = SEED.to_vec();
    let at = tampered.len() - 20;
    tampered[at] ^= 0x01;
    assert_eq!(
        code_of(push(&server, &tablet, id, tampered).await).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-server-bundle-refused".into()
        )
    );
    assert_eq!(
        push(&server, &tablet, id, b"hello".to_vec()).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let huge = vec![b'x'; 20 * 1024 * 1024 + 1];
    assert_eq!(
        push(&server, &tablet, id, huge).await.status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );

    assert_eq!(
        server.dump().await,
        before,
        "a refused request wrote something"
    );
}

#[tokio::test]
async fn a_family_moved_to_another_cadre_reaches_her_phone_and_the_move_is_recorded() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let ani = cadre(&server, "Mawar", "Bu Ani").await;
    let rina_tablet = paired(&server, rina, None).await;
    let ani_tablet = paired(&server, ani, None).await;
    pushed(
        &server,
        &rina_tablet,
        "01a2370b-0000-7000-8000-000000000001",
        SEED.to_vec(),
    )
    .await;
    let (before, ani_cursor) = pull(&server, &ani_tablet, 0).await;
    assert!(before.records.is_empty(), "not hers yet");

    ayah_asi_server::org::move_family(&server.pool, FAMILY, ani, "bidan Sari")
        .await
        .unwrap();
    let (after, _) = pull(&server, &ani_tablet, ani_cursor).await;
    assert_eq!(after.header.family_ids, [FAMILY]);
    assert!(after.records.iter().any(|r| r.table.name == "family"));
    // Bu Ani may now push it; Bu Rina may not.
    pushed(
        &server,
        &ani_tablet,
        "01a2370b-0000-7000-8000-000000000002",
        SEED.to_vec(),
    )
    .await;
    let refused = push(
        &server,
        &rina_tablet,
        "01a2370b-0000-7000-8000-000000000003",
        SEED.to_vec(),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let answer: Value = refused.json().await.unwrap();
    assert_eq!(
        answer["familyId"], FAMILY,
        "the refusal names the family, so her phone can stop sending it"
    );
    let recorded: i64 = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT count(*) FROM family_transfer WHERE family_id = $1 AND by_whom = 'bidan Sari'",
            &[&FAMILY],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(recorded, 1);
}

#[tokio::test]
async fn a_push_while_postgresql_is_down_fails_cleanly_and_applies_once_on_retry() {
    let server = Server::start_private().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    let push_id = "01a2370b-0000-7000-8000-000000000001";

    server.cluster().kill();
    let refused = push(&server, &tablet, push_id, SEED.to_vec()).await;
    assert_eq!(
        code_of(refused).await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "error-server-storage".into()
        )
    );

    // PostgreSQL is back: the app sends the same push again; every record lands once.
    server.cluster().run();
    let mut status = StatusCode::SERVICE_UNAVAILABLE;
    for _ in 0..20 {
        status = push(&server, &tablet, push_id, SEED.to_vec())
            .await
            .status();
        if status == StatusCode::OK {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(status, StatusCode::OK);
    pushed(&server, &tablet, push_id, SEED.to_vec()).await;
    let seed = bundle::parse(SEED, chrono::Local::now().fixed_offset()).unwrap();
    let client = server.pool.get().await.unwrap();
    let records: i64 = client
        .query_one("SELECT count(*) FROM record", &[])
        .await
        .unwrap()
        .get(0);
    let distinct: i64 = client
        .query_one("SELECT count(DISTINCT (table_name, id)) FROM record", &[])
        .await
        .unwrap()
        .get(0);
    // The deletion in the seed removes the record it names, if it was here; none was.
    assert_eq!(
        (records, distinct),
        (seed.records.len() as i64, seed.records.len() as i64)
    );
    let pushes: i64 = client
        .query_one("SELECT count(*) FROM push", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(pushes, 1);
}

async fn family_code(server: &Server, token: &str, family: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}/api/v1/family-code", server.base))
        .bearer_auth(token)
        .json(&json!({ "familyId": family }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_cadre_phone_makes_codes_only_for_its_own_families() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let ani = cadre(&server, "Mawar", "Bu Ani").await;
    let tablet = paired(&server, rina, None).await;
    let other_cadre = paired(&server, ani, None).await;
    // Not hers until her phone has pushed it.
    assert_eq!(
        code_of(family_code(&server, &tablet, FAMILY).await).await,
        (StatusCode::FORBIDDEN, "error-server-out-of-scope".into())
    );
    let id = "01a2370b-0000-7000-8000-000000000001";
    pushed(&server, &tablet, id, SEED.to_vec()).await;
    let answer: Value = family_code(&server, &tablet, FAMILY)
        .await
        .json()
        .await
        .unwrap();
    let code = answer["code"].as_str().unwrap();
    assert_eq!(answer["hours"], 24);
    // Another cadre, and the family's own phone, may not make one.
    assert_eq!(
        family_code(&server, &other_cadre, FAMILY).await.status(),
        StatusCode::FORBIDDEN
    );
    let paired_phone: Value = pair(&server, code).await.json().await.unwrap();
    assert_eq!(
        paired_phone["familyId"], FAMILY,
        "the phone learns its family"
    );
    let phone = paired_phone["token"].as_str().unwrap();
    assert_eq!(
        family_code(&server, phone, FAMILY).await.status(),
        StatusCode::FORBIDDEN
    );
    let (pulled, _) = pull(&server, phone, 0).await;
    assert!(pulled.records.iter().any(|r| r.table.name == "family"));
}

#[tokio::test]
async fn a_pull_cut_at_its_limit_leaves_nothing_out() {
    use ayah_asi_server::records::{PULL_LIMIT, PageLimit};
    // Cut by count, then by bytes (a page under 1.5 KB: a record or two).
    for limit in [
        PageLimit {
            records: 3,
            bytes: usize::MAX,
        },
        PageLimit {
            records: PULL_LIMIT,
            bytes: 1500,
        },
    ] {
        pulled_in_pages_leaves_nothing_out(limit).await;
    }
}

async fn pulled_in_pages_leaves_nothing_out(limit: ayah_asi_server::records::PageLimit) {
    let (server, rina, _) = seed_pushed("01a2370b-0000-7000-8000-000000000001").await;
    let code = ayah_asi_server::org::make_pairing_code(&server.pool, rina, Some(FAMILY))
        .await
        .unwrap();
    let paired_phone: Value = pair(&server, &code).await.json().await.unwrap();
    let token = paired_phone["token"].as_str().unwrap();
    let device = ayah_asi_server::org::device_of(&server.pool, token)
        .await
        .unwrap()
        .unwrap();
    let seed = bundle::parse(SEED, chrono::Local::now().fixed_offset()).unwrap();
    let (mut records, mut tombstones, mut cursor, mut pulls) = (Vec::new(), 0, 0, 0);
    loop {
        let page = ayah_asi_server::records::pull_at_most(&server.pool, &device, cursor, limit)
            .await
            .unwrap();
        let bundle = bundle::parse(&page.bundle, chrono::Local::now().fixed_offset()).unwrap();
        assert!(
            bundle.records.len() as i64 <= limit.records + 1,
            "at most the limit (and a cadre)"
        );
        // Over the bytes only when one record alone is bigger (and its cadre).
        assert!(
            page.bundle.len() <= limit.bytes.saturating_add(2500) || bundle.records.len() <= 2,
            "{} bytes in {} records",
            page.bundle.len(),
            bundle.records.len()
        );
        records.extend(bundle.records.into_iter().map(|r| (r.table.name, r.id)));
        tombstones += bundle.tombstones.len();
        assert!(page.cursor >= cursor);
        cursor = page.cursor;
        pulls += 1;
        if !page.more {
            break;
        }
    }
    assert!(
        pulls > 3,
        "the limit cut the pull into pages ({pulls}, {limit:?})"
    );
    // A cadre comes with each page that holds her visits; every other record once.
    records.sort();
    let cadres: Vec<_> = records.iter().filter(|r| r.0 == "cadre").cloned().collect();
    records.retain(|r| r.0 != "cadre");
    records.extend(cadres.into_iter().take(1));
    records.sort();
    let mut expected: Vec<_> = seed
        .records
        .iter()
        .map(|r| (r.table.name, r.id.clone()))
        .collect();
    expected.sort();
    assert_eq!(records, expected, "every record once, none left out");
    assert_eq!(tombstones, seed.tombstones.len());
}

#[tokio::test]
async fn every_natural_key_has_its_index_and_a_plan_made_elsewhere_is_found_by_it() {
    let server = Server::start().await;
    let client = server.pool.get().await.unwrap();
    for table in bundle::TABLES.iter().filter(|t| !t.natural_key.is_empty()) {
        let definition: Option<String> = client
            .query_opt(
                "SELECT indexdef FROM pg_indexes WHERE indexname = $1",
                &[&format!("record_key_{}", table.name)],
            )
            .await
            .unwrap()
            .map(|r| r.get(0));
        let definition = definition.unwrap_or_else(|| panic!("no index for {}", table.name));
        for column in table.natural_key {
            assert!(definition.contains(column), "{definition} lacks {column}");
        }
    }
    drop(client);
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    let first = push(
        &server,
        &tablet,
        "01a2370b-0000-7000-8000-000000000001",
        SEED.to_vec(),
    )
    .await;
    assert_eq!(first.status(), StatusCode::OK);
    // The same family's plan under another id (made on another device): not a second plan.
    let plan_id = "01a2370b-71f8-7478-b347-f6221f16f5e7";
    let text =
        String::from_utf8_lossy(SEED).replace(plan_id, "01a2370b-71f8-7478-b347-00000000beef");
    let (head, body) = text.split_once('\n').unwrap();
    let mut header: Value = serde_json::from_str(head).unwrap();
    header["body_sha256"] = json!(bundle::sha256_hex(body.as_bytes()));
    let other = format!("{header}\n{body}").into_bytes();
    let answer: Value = tally_of(
        &server,
        &tablet,
        "01a2370b-0000-7000-8000-000000000002",
        other,
    )
    .await;
    assert!(
        answer["tally"]["massage_plan"].get("new").is_none(),
        "found by its family: {answer}"
    );
    let plans: i64 = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT count(*) FROM record WHERE table_name = 'massage_plan'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(plans, 1);
}

/// The seed bundle with the cadre's posko in its header, as of `updated_at`.
fn with_posko(place: &str, updated_at: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(SEED).into_owned();
    let (head, body) = text.split_once('\n').unwrap();
    let mut header: Value = serde_json::from_str(head).unwrap();
    header["posko"] = json!({
        "cadreName": "Bu Rina", "place": place, "weekday": 6, "startsAt": "08:00",
        "endsAt": "10:00", "contact": null, "updatedAt": updated_at
    });
    format!("{header}\n{body}").into_bytes()
}

#[tokio::test]
async fn a_cadre_posko_reaches_her_families_phones_and_an_older_one_never_replaces_it() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    let newer = with_posko("Balai RW 11", "2026-12-02T08:00:00.000+07:00");
    pushed(
        &server,
        &tablet,
        "01a2370b-0000-7000-8000-000000000001",
        newer,
    )
    .await;
    let older = with_posko("Rumah Bu Rina", "2026-11-01T08:00:00.000+07:00");
    pushed(
        &server,
        &tablet,
        "01a2370b-0000-7000-8000-000000000002",
        older,
    )
    .await;
    let phone = paired(&server, rina, Some(FAMILY)).await;
    let (pulled, _) = pull(&server, &phone, 0).await;
    let posko = pulled.header.posko.expect("the posko comes with the pull");
    assert_eq!(posko.place, "Balai RW 11");
    // The cadre's own phone gets nothing of hers back.
    let (own, _) = pull(&server, &tablet, 0).await;
    assert!(own.header.posko.is_none());
}

/// A bundle of the seed's family record alone, at `version`, edited from `history`.
fn family_edit(version: i64, note_rt: &str, history: &[bundle::Body]) -> (Vec<u8>, bundle::Body) {
    let text = String::from_utf8_lossy(SEED);
    let (head, body) = text.split_once('\n').unwrap_or_default();
    let header: bundle::Header = serde_json::from_str(head).unwrap();
    let family: bundle::Line = body
        .lines()
        .map(|l| serde_json::from_str::<bundle::Line>(l).unwrap())
        .find(|l| l.table == "family")
        .unwrap();
    let mut edited = family.body.clone().unwrap();
    edited.insert("row_version".into(), json!(version));
    edited.insert("rt".into(), json!(note_rt));
    edited.insert(
        "updated_at".into(),
        json!(format!("2026-12-03T08:00:0{version}.000+00:00")),
    );
    let line = bundle::Line {
        history: history.to_vec(),
        body: Some(edited.clone()),
        ..family
    };
    (bundle::write(header, &[line]), edited)
}

#[tokio::test]
async fn an_edit_replaces_an_older_version_and_a_clash_is_set_aside() {
    let (server, rina, tablet) = seed_pushed("01a2370b-0000-7000-8000-0000000000a1").await;
    let seed = bundle::parse(SEED, chrono::Local::now().fixed_offset()).unwrap();
    let family = seed
        .records
        .iter()
        .find(|r| r.table.name == "family")
        .unwrap();
    let mut versions: Vec<bundle::Body> = family.history.iter().map(|(b, _)| b.clone()).collect();
    versions.push(family.body.clone());

    // Edited from the version here: it replaces it.
    let (third, third_body) = family_edit(3, "004", &versions);
    let tally: Value = tally_of(
        &server,
        &tablet,
        "01a2370b-0000-7000-8000-0000000000a2",
        third,
    )
    .await;
    assert_eq!(tally["tally"]["family"]["updated"], 1, "{tally}");
    // The version it replaced, sent again from another phone, is older.
    let phone = paired(&server, rina, Some(FAMILY)).await;
    let tally: Value = tally_of(
        &server,
        &phone,
        "01a2370b-0000-7000-8000-0000000000a3",
        SEED.to_vec(),
    )
    .await;
    assert_eq!(tally["tally"]["family"]["older"], 1, "{tally}");
    // Another edit of the same version: a clash, kept aside, the server's copy unchanged.
    let (other, _) = family_edit(3, "009", &versions);
    let tally: Value = tally_of(
        &server,
        &phone,
        "01a2370b-0000-7000-8000-0000000000a4",
        other,
    )
    .await;
    assert_eq!(tally["tally"]["family"]["conflict"], 1, "{tally}");
    let client = server.pool.get().await.unwrap();
    let here: Value = client
        .query_one(
            "SELECT body FROM record WHERE table_name = 'family' AND id = $1",
            &[&FAMILY],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(here["rt"], json!("004"));
    assert_eq!(here, serde_json::to_value(&third_body).unwrap());
    let kept: i64 = client
        .query_one(
            "SELECT count(*) FROM conflict WHERE record_id = $1",
            &[&FAMILY],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(kept, 1);
}

/// The seed with every id changed: another family's records, none shared.
fn another_seed() -> Vec<u8> {
    let text = String::from_utf8_lossy(SEED).replace("01a2370b-", "01a2370c-");
    let (head, body) = text.split_once('\n').unwrap_or_default();
    let mut header: Value = serde_json::from_str(head).unwrap();
    header["body_sha256"] = json!(bundle::sha256_hex(body.as_bytes()));
    format!("{header}\n{body}").into_bytes()
}

/// Sends a push whose body stops halfway until `rest` is sent; returns the connection
/// and the body's second half.
async fn half_sent_push(
    server: &Server,
    token: &str,
    bytes: &[u8],
) -> (tokio::net::TcpStream, Vec<u8>) {
    use tokio::io::AsyncWriteExt;
    let address = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /api/v1/push HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/x-ayahasi\r\nX-Ayah-Asi-Push-Id: {}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        ayah_asi_core::record::new_id(),
        bytes.len()
    );
    let (first, rest) = bytes.split_at(bytes.len() / 2);
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(first).await.unwrap();
    (stream, rest.to_vec())
}

/// Reads a raw HTTP answer's status line, or an empty string if the server closed first.
async fn status_line(stream: &mut tokio::net::TcpStream) -> String {
    use tokio::io::AsyncReadExt;
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer).await;
    answer.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_stalled_upload_holds_no_turn_and_is_ended_with_nothing_written() {
    let server = Server::start_with(ayah_asi_server::http::Settings {
        push_writers: 1,
        body_idle: std::time::Duration::from_secs(1),
        body_grace: std::time::Duration::from_secs(2),
        body_min_bytes_per_second: 2048,
        ..Default::default()
    })
    .await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let sari = cadre(&server, "Mawar", "Bu Sari").await;
    let (rina_tablet, rina_phone, sari_tablet) = (
        paired(&server, rina, None).await,
        paired(&server, rina, None).await,
        paired(&server, sari, None).await,
    );
    // Two phones on a stalled line: headers and half a body, then nothing. Before, the
    // first held the only writer's turn and every other push waited for ever.
    let (mut first, _) = half_sent_push(&server, &rina_tablet, SEED).await;
    let (mut second, _) = half_sent_push(&server, &rina_phone, SEED).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let started = std::time::Instant::now();
    let answer = push(
        &server,
        &sari_tablet,
        &ayah_asi_core::record::new_id(),
        another_seed(),
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "a normal push does not wait for stalled ones"
    );
    let (pulled, _) = pull(&server, &sari_tablet, 0).await;
    assert!(pulled.records.is_empty());
    // A trickle is no upload either: a byte now and then, never a pause long enough to
    // end it, but far below the slowest line.
    let (mut trickle, rest) = half_sent_push(&server, &sari_tablet, &another_seed()).await;
    let trickling = tokio::spawn(async move {
        use tokio::io::AsyncWriteExt;
        for byte in rest.iter().take(60) {
            if trickle.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        }
        status_line(&mut trickle).await
    });
    // The stalled ones are ended: 408, and nothing of them was written.
    for stream in [&mut first, &mut second] {
        let status = tokio::time::timeout(std::time::Duration::from_secs(10), status_line(stream))
            .await
            .expect("a stalled push is ended");
        assert!(status.starts_with("HTTP/1.1 408"), "{status}");
    }
    let trickled = tokio::time::timeout(std::time::Duration::from_secs(15), trickling)
        .await
        .expect("a trickle is ended")
        .unwrap();
    assert!(trickled.starts_with("HTTP/1.1 408"), "{trickled}");
    let families: i64 = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT count(*) FROM record WHERE table_name = 'family'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(families, 1, "only the push that arrived");
}

#[tokio::test]
async fn bodies_beyond_the_memory_for_arriving_pushes_are_told_to_come_back() {
    use tokio::io::AsyncWriteExt;
    // Room for one seed's body at a time.
    let room = SEED.len().div_ceil(1024) * 1024;
    let server = Server::start_with(ayah_asi_server::http::Settings {
        push_bytes_in_flight: room,
        ..Default::default()
    })
    .await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let sari = cadre(&server, "Mawar", "Bu Sari").await;
    let (rina_tablet, sari_tablet) = (
        paired(&server, rina, None).await,
        paired(&server, sari, None).await,
    );
    let (mut slow, rest) = half_sent_push(&server, &rina_tablet, SEED).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let id = ayah_asi_core::record::new_id();
    let busy = push(&server, &sari_tablet, &id, another_seed()).await;
    assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
    let answer: Value = busy.json().await.unwrap();
    assert_eq!(answer["code"], "error-server-busy");
    slow.write_all(&rest).await.unwrap();
    assert!(status_line(&mut slow).await.starts_with("HTTP/1.1 200"));
    // The same push, sent again once there is room, is taken.
    assert_eq!(
        push(&server, &sari_tablet, &id, another_seed())
            .await
            .status(),
        StatusCode::OK
    );
}
