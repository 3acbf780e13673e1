//! The dashboard over HTTP against a throwaway PostgreSQL: who may open what (the
//! whole role × page × act table), scope by posyandu, alerts from pushed records and
//! marking them handled, the family's review, the report's exports read back, CSRF,
//! lockout, expiry, logout and the audit trail.

mod charts;
mod district;
mod report;
mod roles_and_alerts;
mod sign_in;
#[path = "../support/mod.rs"]
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
    // The district above: its health office reads the puskesmas in counts only.
    org::add_district(pool, "Kabupaten Sukamaju").await.unwrap();
    org::set_district(pool, "Puskesmas Rejosari", "Kabupaten Sukamaju")
        .await
        .unwrap();
    for (login, role, posyandu) in [
        ("admin", Role::Admin, vec![]),
        ("staf", Role::Puskesmas, vec![]),
        ("bidan-mawar", Role::Midwife, vec![mawar]),
        ("bidan-melati", Role::Midwife, vec![melati]),
        ("dinkes", Role::District, vec![]),
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
