//! Who may change what, tried as an attacker would (the December security review, items
//! 1, 5 and 8): every push below is one a paired phone can send, and each is refused
//! whole with the database as it was, or changes only what its sender may change.

mod support;

use ayah_asi_core::sample::{FamilyRecords, new_id, time_ago};
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{Server, pair, paired};

/// Two cadres of two posyandu, each with a paired tablet.
struct Two {
    server: Server,
    rina: i64,
    ani: i64,
    rina_tablet: String,
    ani_tablet: String,
}

async fn two_cadres() -> Two {
    let server = Server::start().await;
    let rina = support::cadre(&server, "Melati", "Bu Rina").await;
    let ani = support::cadre(&server, "Mawar", "Bu Ani").await;
    let rina_tablet = paired(&server, rina, None).await;
    let ani_tablet = paired(&server, ani, None).await;
    Two {
        server,
        rina,
        ani,
        rina_tablet,
        ani_tablet,
    }
}

/// A push under a fresh id: its status and answer.
async fn push(server: &Server, token: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    let response = support::push(server, token, &new_id(), bytes).await;
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn pushed(server: &Server, token: &str, bytes: Vec<u8>) -> Value {
    let (status, answer) = push(server, token, bytes).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

/// The push is refused as out of scope and nothing in the database changed.
async fn refused(server: &Server, token: &str, bytes: Vec<u8>) {
    let before = server.dump().await;
    let (status, answer) = push(server, token, bytes).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("error-server-out-of-scope")),
        "{answer}"
    );
    assert_eq!(
        server.dump().await,
        before,
        "a refused push changes nothing"
    );
}

async fn count(server: &Server, sql: &str, id: &str) -> i64 {
    server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(sql, &[&id])
        .await
        .unwrap()
        .get(0)
}

async fn held(server: &Server, table: &str, id: &str) -> bool {
    let n = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT count(*) FROM record WHERE table_name = $1 AND id = $2",
            &[&table, &id],
        )
        .await
        .unwrap()
        .get::<_, i64>(0);
    n == 1
}

async fn pull_status(server: &Server, token: &str) -> StatusCode {
    reqwest::Client::new()
        .get(format!("{}/api/v1/pull?cursor=0", server.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn no_phone_deletes_another_familys_records() {
    let two = two_cadres().await;
    let server = &two.server;
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    let milk = budi.milk(3, "tidak-ada");
    let consent = new_id();
    let at = time_ago(20);
    budi.record(
        "consent",
        &consent,
        json!({ "kind": "health-data", "text_version": "health-data-v2", "given_at": at,
                "created_at": at, "updated_at": at }),
    );
    pushed(server, &two.rina_tablet, budi.bundle()).await;

    // Bu Ani's tablet (another posyandu) names only her own new family and files the
    // deletions under it: Budi's milk status, then Budi's family record itself.
    for (table, id) in [
        ("milk_status", milk.as_str()),
        ("family", budi.family.as_str()),
    ] {
        let mut agus = FamilyRecords::enrolled("Agus", "Dewi", 5);
        agus.delete(table, id, &agus.family.clone());
        refused(server, &two.ani_tablet, agus.bundle()).await;
        assert!(held(server, table, id).await, "{table} is still there");
    }

    // A family's phone of another family deletes Budi's consent under its own family.
    let agus = FamilyRecords::enrolled("Agus", "Dewi", 5);
    pushed(server, &two.ani_tablet, agus.bundle()).await;
    let agus_phone = paired(server, two.ani, Some(&agus.family)).await;
    let mut from_phone = FamilyRecords::enrolled("x", "y", 1);
    from_phone.family = agus.family.clone();
    from_phone.sent();
    from_phone.delete("consent", &consent, &agus.family);
    refused(server, &agus_phone, from_phone.bundle()).await;
    assert!(held(server, "consent", &consent).await);

    // Budi's own cadre deletes his milk status: that is hers to do.
    let mut own = budi;
    own.sent();
    own.delete("milk_status", &milk, &own.family.clone());
    pushed(server, &two.rina_tablet, own.bundle()).await;
    assert!(!held(server, "milk_status", &milk).await);
}

#[tokio::test]
async fn a_deletion_of_an_id_not_held_never_blocks_another_familys_record() {
    let two = two_cadres().await;
    let server = &two.server;
    // Bu Ani learns (or guesses) the id Budi's next record will have and deletes it
    // first, under her own family.
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    let future = budi.milk(1, "lancar");
    let mut agus = FamilyRecords::enrolled("Agus", "Dewi", 5);
    agus.delete("milk_status", &future, &agus.family.clone());
    pushed(server, &two.ani_tablet, agus.bundle()).await;
    // Budi's cadre pushes the record: it is stored, not "deleted".
    let tally = pushed(server, &two.rina_tablet, budi.bundle()).await;
    assert_eq!(tally["tally"]["milk_status"]["new"], 1, "{tally}");
    assert!(held(server, "milk_status", &future).await);
    assert_eq!(
        count(
            server,
            "SELECT count(*) FROM record WHERE family_id = $1",
            &budi.family
        )
        .await,
        3,
        "the family, her consent and the milk status"
    );
}

#[tokio::test]
async fn no_record_amends_or_rates_another_familys_record() {
    let two = two_cadres().await;
    let server = &two.server;
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    let visit = budi.visit(5, &[("not-on-spine", 0)]);
    let session = budi.session(2, None);
    pushed(server, &two.rina_tablet, budi.bundle()).await;

    // A newer version of Budi's visit, in Bu Ani's own family: it would hide the
    // spine alert and drop the visit from the report.
    let mut amending = FamilyRecords::enrolled("Agus", "Dewi", 5);
    amending.amend_visit(&visit, 2, 1, &[]);
    refused(server, &two.ani_tablet, amending.bundle()).await;
    // A rating of Budi's session from her family: it would replace his mother's rating.
    let mut rating = FamilyRecords::enrolled("Agus", "Dewi", 5);
    rating.rating_version(&session, 2, 1, 1, (0, 9));
    refused(server, &two.ani_tablet, rating.bundle()).await;
    // A cadre's name record on its own, with no visit naming it.
    let mut lone = FamilyRecords::enrolled("Agus", "Dewi", 5);
    let at = time_ago(0);
    lone.record(
        "cadre",
        &new_id(),
        json!({ "name": "Bu Palsu", "created_at": at, "updated_at": at }),
    );
    refused(server, &two.ani_tablet, lone.bundle()).await;
}

#[tokio::test]
async fn a_familys_phone_writes_no_visit_or_training_but_may_send_back_what_it_received() {
    let two = two_cadres().await;
    let server = &two.server;
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    budi.visit(5, &[("not-on-spine", 0)]);
    pushed(server, &two.rina_tablet, budi.bundle()).await;
    let phone = paired(server, two.rina, Some(&budi.family)).await;
    // The phone sends back what it received (its family's visit, unchanged): known.
    let tally = pushed(server, &phone, budi.bundle()).await;
    assert_eq!(tally["tally"]["home_visit"]["known"], 1, "{tally}");
    // Its own "visit", competent, and a training: refused, nothing written.
    let mut forged = budi;
    forged.sent();
    forged.visit(1, &[]);
    refused(server, &phone, forged.bundle()).await;
    forged.sent();
    let at = time_ago(1);
    forged.record(
        "hands_on_training",
        &new_id(),
        json!({ "trained_on": ayah_asi_core::sample::day_ago(1), "trainer": "midwife",
                "trainer_name": null, "created_at": at, "updated_at": at }),
    );
    refused(server, &phone, forged.bundle()).await;
    // Nor a deletion of the cadre's score that is not on the server yet (it would stop
    // her record when it comes), though a deletion the server holds may come back.
    forged.sent();
    forged.delete("visit_score", &new_id(), &forged.family.clone());
    refused(server, &phone, forged.bundle()).await;
}

#[tokio::test]
async fn a_move_closes_the_old_cadres_doors_and_a_revoked_phone_leaves_none_open() {
    let two = two_cadres().await;
    let server = &two.server;
    let budi = FamilyRecords::enrolled("Budi", "Siti", 20);
    pushed(server, &two.rina_tablet, budi.bundle()).await;
    // Bu Rina's tablet asks for two family codes: one it pairs (a phone it keeps), one
    // it keeps unspent.
    let code = |token: String| {
        let family = budi.family.clone();
        async move { support::family_code(server, &token, &family).await }
    };
    let first = code(two.rina_tablet.clone()).await;
    let unspent = code(two.rina_tablet.clone()).await;
    let answer: Value = pair(server, &first).await.json().await.unwrap();
    let kept_phone = answer["token"].as_str().unwrap().to_owned();
    assert_eq!(pull_status(server, &kept_phone).await, StatusCode::OK);

    ayah_asi_server::org::move_family(&server.pool, &budi.family, two.ani, "bidan Sari")
        .await
        .unwrap();
    assert_eq!(
        pull_status(server, &kept_phone).await,
        StatusCode::UNAUTHORIZED,
        "a family phone paired through the old cadre is revoked by the move"
    );
    assert_ne!(pair(server, &unspent).await.status(), StatusCode::OK);
    // The new cadre's tablet may make the family a new code.
    let fresh = code(two.ani_tablet.clone()).await;

    // Revoking a phone voids the codes it asked for and has not seen spent.
    let spare = code(two.ani_tablet.clone()).await;
    let ani_device: i64 = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT id FROM device WHERE cadre_id = $1 AND family_id IS NULL",
            &[&two.ani],
        )
        .await
        .unwrap()
        .get(0);
    let fresh_phone: Value = pair(server, &fresh).await.json().await.unwrap();
    let fresh_phone = fresh_phone["token"].as_str().unwrap().to_owned();
    assert_eq!(pull_status(server, &fresh_phone).await, StatusCode::OK);
    ayah_asi_server::org::revoke(&server.pool, ani_device)
        .await
        .unwrap();
    assert_ne!(pair(server, &spare).await.status(), StatusCode::OK);
    // And the family phones its codes paired (a stolen cadre's phone could have paired
    // phantom ones): the family's cadre gives it a new code.
    assert_eq!(
        pull_status(server, &fresh_phone).await,
        StatusCode::UNAUTHORIZED
    );
}
