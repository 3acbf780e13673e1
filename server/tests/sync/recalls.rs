//! What the baby had yesterday, pushed as an attacker (or a broken phone) would send it:
//! refused against the baby's birth with the core's own rule, the reason in the answer,
//! nothing stored; an honest answer, sent alone later, is checked against the birth the
//! server keeps.

use super::*;
use ayah_asi_core::sample::{FamilyRecords, day_ago, new_id};

fn answer(records: &mut FamilyRecords, recalled_on: &str, items: &str, first: Option<&str>) {
    records.sent();
    records.record(
        "feeding_recall",
        &new_id(),
        json!({
            "recalled_on": recalled_on, "items": items,
            "ever_other": if first.is_some() { "yes" } else { "no" },
            "first_other_on": first, "recorded_by": "mother",
            "created_at": ayah_asi_core::sample::time_ago(0),
            "updated_at": ayah_asi_core::sample::time_ago(0),
        }),
    );
}

async fn recalls_stored(server: &Server) -> i64 {
    server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT count(*) FROM record WHERE table_name = 'feeding_recall'",
            &[],
        )
        .await
        .unwrap()
        .get(0)
}

#[tokio::test]
async fn a_recall_no_birth_allows_is_refused_with_the_reason_and_nothing_is_stored() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    // Budi's baby was born 20 days ago; Joko's 200 days ago (past six months).
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    let mut joko = FamilyRecords::enrolled("Joko", "Dewi", 200);
    pushed(&server, &tablet, &new_id(), budi.bundle()).await;
    pushed(&server, &tablet, &new_id(), joko.bundle()).await;

    let attacks: [(bool, String, &str, Option<String>, &str); 5] = [
        // The day recalled (the day before the answer) is the day before the birth.
        (false, day_ago(20), "breast-milk", None, "before the birth"),
        // Two days still to come (a phone's clock may run one ahead).
        (false, day_ago(-2), "breast-milk", None, "still to come"),
        // The first day of anything but breast milk before the birth.
        (false, day_ago(1), "water", Some(day_ago(30)), "first day"),
        // Nothing chosen.
        (false, day_ago(1), "", None, "items"),
        // A baby of six months or more.
        (true, day_ago(0), "breast-milk", None, "six months"),
    ];
    for (older_baby, recalled_on, items, first, reason) in attacks {
        let records = if older_baby { &mut joko } else { &mut budi };
        answer(records, &recalled_on, items, first.as_deref());
        let response = push(&server, &tablet, &new_id(), records.bundle()).await;
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reason}: {body}");
        assert_eq!(body["code"], "error-server-bundle-refused", "{reason}");
        let detail = body["detail"].as_str().unwrap_or_default();
        assert!(detail.contains(reason), "{reason}: {detail}");
    }
    assert_eq!(recalls_stored(&server).await, 0);

    // An honest answer, sent without its family record: the stored birth allows it.
    let first = day_ago(3);
    answer(&mut budi, &day_ago(0), "breast-milk,water", Some(&first));
    pushed(&server, &tablet, &new_id(), budi.bundle()).await;
    assert_eq!(recalls_stored(&server).await, 1);
}

#[tokio::test]
async fn a_birth_only_a_push_says_never_lets_a_recall_through() {
    let server = Server::start().await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let tablet = paired(&server, rina, None).await;
    let budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    pushed(&server, &tablet, &new_id(), budi.bundle()).await;
    // The family as the server keeps it, sent again unchanged (so not written again)
    // with a made-up older version whose baby was born 200 days ago.
    let kept: Value = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT body FROM record WHERE table_name = 'family' AND id = $1",
            &[&budi.family],
        )
        .await
        .unwrap()
        .get(0);
    let mut forged = kept.clone();
    forged["baby_birth_date"] = json!(day_ago(200));
    let device = new_id();
    let family = bundle::Line {
        table: "family".into(),
        id: budi.family.clone(),
        body: Some(ayah_asi_core::sample::body(kept)),
        history: vec![ayah_asi_core::sample::body(forged)],
        deleted: None,
    };
    // 25 days ago: before the real birth, allowed only by the made-up one.
    let recall = ayah_asi_core::sample::line(
        "feeding_recall",
        new_id(),
        &device,
        &ayah_asi_core::sample::time_ago(0),
        json!({
            "family_id": budi.family, "recalled_on": day_ago(25), "items": "breast-milk",
            "ever_other": null, "first_other_on": null, "recorded_by": "cadre",
        }),
    );
    let bytes = ayah_asi_core::sample::bundle_of(
        &device,
        std::slice::from_ref(&budi.family),
        &[family, recall],
    );
    let response = push(&server, &tablet, &new_id(), bytes).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("before the birth"),
        "{body}"
    );
    assert_eq!(recalls_stored(&server).await, 0);
}
