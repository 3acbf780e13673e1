//! Pairing, a push applied once, refusals that change nothing, a moved family, PostgreSQL down.

use super::*;

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
