//! Family codes, pulls cut at their limit, natural keys, the posko, edits and clashes.

use super::*;

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
