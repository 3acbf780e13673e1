//! Operating the server: a backup restored into a fresh cluster holds every row of
//! every table; a restore refuses a database that is not empty; health says whether
//! the database is reachable and current.

mod support;

use ayah_asi_core::sample::FamilyRecords;
use ayah_asi_server::{db, ops, org};
use support::{Cluster, Server};

#[tokio::test]
async fn a_backup_restored_into_a_fresh_cluster_holds_every_row() {
    let server = Server::start().await;
    let pool = &server.pool;
    org::add_puskesmas(pool, "Puskesmas Rejosari")
        .await
        .unwrap();
    let posyandu = org::add_posyandu(pool, "Puskesmas Rejosari", "Mawar")
        .await
        .unwrap();
    let cadre = org::add_cadre(pool, posyandu, "Rina").await.unwrap();
    let code = org::make_pairing_code(pool, cadre, None).await.unwrap();
    let paired = org::pair(pool, &code, "0.1.0", "127.0.0.1").await.unwrap();
    let device = org::device_of(pool, &paired.token).await.unwrap().unwrap();
    let mut family = FamilyRecords::enrolled("Budi", "Siti", 12);
    let session = family.session(1, Some("pain"));
    family.rating(&session, 1, 2, (3, 6));
    family.visit(3, &[("cleaning", 1)]);
    ayah_asi_server::records::push(
        pool,
        &device,
        &uuid::Uuid::now_v7().to_string(),
        &family.bundle(),
        "127.0.0.1",
    )
    .await
    .unwrap();
    let before = support::every_row(pool).await;
    assert!(before.iter().any(|r| r.starts_with("record: ")));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("puskesmas.dump");
    ops::backup(&server.url, &file).unwrap();
    assert!(matches!(
        ops::backup(&server.url, &file),
        Err(ops::OpsError::FileExists(_))
    ));

    let fresh = Cluster::start();
    let fresh_pool = db::pool(&fresh.url(), 4).unwrap();
    let migrated = ops::restore(&fresh_pool, &fresh.url(), &file)
        .await
        .unwrap();
    assert_eq!(migrated, 0, "the backup was current");
    assert_eq!(support::every_row(&fresh_pool).await, before);
    assert!(db::is_current(&fresh_pool).await.unwrap());

    // Restoring again over a database that holds the tables is refused, untouched.
    assert!(matches!(
        ops::restore(&fresh_pool, &fresh.url(), &file).await,
        Err(ops::OpsError::NotEmpty)
    ));
    assert_eq!(support::every_row(&fresh_pool).await, before);
}

#[tokio::test]
async fn metrics_count_requests_syncs_and_refusals_and_health_says_current() {
    let server = Server::start().await;
    let http = reqwest::Client::new();
    let health = http
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), reqwest::StatusCode::OK);
    // A push without a token is refused: counted by its reason.
    let refused = http
        .post(format!("{}/api/v1/push", server.base))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), reqwest::StatusCode::UNAUTHORIZED);
    let text = http
        .get(format!("{}/metrics", server.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for line in [
        "ayahasi_requests_total{route=\"/healthz\",status=\"200\"} 1",
        "ayahasi_requests_total{route=\"/api/v1/push\",status=\"401\"} 1",
        "ayahasi_sync_refusals_total{reason=\"error-server-not-paired\"} 1",
        "ayahasi_sync_seconds_count{kind=\"push\"} 1",
        "ayahasi_db_pool{state=\"max\"} 8",
        "ayahasi_push_turns{state=\"free\"} 4",
        "ayahasi_push_turns{state=\"max\"} 4",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
}
