//! The server over HTTP against a throwaway PostgreSQL: pairing (good, reused, wrong,
//! expired), a push applied once whatever the retries, pulled by the family's phone,
//! and every kind of refused request, each leaving the database as it was.

mod pairing_and_push;
mod pull_and_codes;
mod recalls;
mod slow_bodies;
#[path = "../support/mod.rs"]
mod support;

use ayah_asi_core::bundle;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{Server, cadre, pair, paired, push};

/// A realistic bundle: one family's records, a visit with its scores, a deletion.
const SEED: &[u8] = include_bytes!("../../../fuzz/corpus/bundle/seed-whole-file");
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
