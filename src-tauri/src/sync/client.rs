//! The server's HTTP API as the app calls it: pair, push, pull, and a family's pairing
//! code. Every answer that is not a success becomes a [`SyncError`] the user can read.

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use serde_json::json;

use super::SyncError;
use crate::domain::bundle::plan::Tally;
use crate::domain::sync::ServerAddress;

const BUNDLE_TYPE: &str = "application/x-ayahasi";
const PUSH_ID_HEADER: &str = "x-ayah-asi-push-id";
const CURSOR_HEADER: &str = "x-ayah-asi-cursor";
const MORE_HEADER: &str = "x-ayah-asi-more";

/// Reasons the server gives, as the app's message ids: only these are shown as given.
const SERVER_CODES: &[&str] = &[
    "error-server-not-paired",
    "error-server-device-refused",
    "error-server-out-of-scope",
    "error-server-bundle-refused",
    "error-server-storage",
    "error-server-storage-full",
    "error-server-pairing-code",
    "error-server-too-many-attempts",
    "error-server-not-a-bundle",
    "error-server-push-id",
    "error-server-not-found",
];

pub struct Client {
    http: reqwest::Client,
    address: ServerAddress,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paired {
    pub token: String,
    pub family_id: Option<String>,
}

pub struct Pulled {
    pub bytes: Vec<u8>,
    pub cursor: i64,
    pub more: bool,
}

#[derive(Debug, Deserialize)]
pub struct FamilyCode {
    pub code: String,
    pub hours: u32,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Refusal {
    code: String,
    #[serde(default)]
    detail: String,
    /// The family a scope refusal is about.
    #[serde(default)]
    family_id: Option<String>,
}

#[derive(Deserialize)]
struct PushAnswer {
    tally: Tally,
}

/// TLS with ring and Mozilla's roots: the same trust on every platform, no system
/// verifier to set up (Android's needs Java-side initialisation).
fn tls_config() -> Result<rustls::ClientConfig, SyncError> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    Ok(rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| SyncError::Unreachable(e.to_string()))?
    .with_root_certificates(roots)
    .with_no_client_auth())
}

impl Client {
    pub fn new(address: ServerAddress) -> Result<Self, SyncError> {
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls_config()?)
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(120))
            .user_agent(concat!("ayah-asi/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        Ok(Self { http, address })
    }

    pub async fn pair(&self, code: &str) -> Result<Paired, SyncError> {
        let body = json!({ "code": code, "appVersion": env!("CARGO_PKG_VERSION") });
        let response = self
            .http
            .post(self.address.join("api/v1/pair"))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string())
            .send()
            .await
            .map_err(unreachable)?;
        read_json(checked(response).await?).await
    }

    /// Sends a bundle under `push_id`; the answer is the server's tally of it.
    pub async fn push(
        &self,
        token: &str,
        push_id: &str,
        bytes: Vec<u8>,
    ) -> Result<Tally, SyncError> {
        let response = self
            .http
            .post(self.address.join("api/v1/push"))
            .bearer_auth(token)
            .header(reqwest::header::CONTENT_TYPE, BUNDLE_TYPE)
            .header(PUSH_ID_HEADER, push_id)
            .body(bytes)
            .send()
            .await
            .map_err(unreachable)?;
        let answer: PushAnswer = read_json(checked(response).await?).await?;
        Ok(answer.tally)
    }

    pub async fn pull(&self, token: &str, cursor: i64) -> Result<Pulled, SyncError> {
        let response = self
            .http
            .get(self.address.join(&format!("api/v1/pull?cursor={cursor}")))
            .bearer_auth(token)
            .send()
            .await
            .map_err(unreachable)?;
        let response = checked(response).await?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let cursor = header(CURSOR_HEADER)
            .and_then(|v| v.parse::<i64>().ok())
            .ok_or_else(|| SyncError::BadAnswer("no cursor".into()))?;
        let more = header(MORE_HEADER).is_some();
        let bytes = response.bytes().await.map_err(unreachable)?.to_vec();
        Ok(Pulled {
            bytes,
            cursor,
            more,
        })
    }

    pub async fn family_code(&self, token: &str, family_id: &str) -> Result<FamilyCode, SyncError> {
        let response = self
            .http
            .post(self.address.join("api/v1/family-code"))
            .bearer_auth(token)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(json!({ "familyId": family_id }).to_string())
            .send()
            .await
            .map_err(unreachable)?;
        read_json(checked(response).await?).await
    }
}

fn unreachable(error: reqwest::Error) -> SyncError {
    SyncError::Unreachable(error.to_string())
}

/// A success passes; anything else becomes the server's reason (or its status).
async fn checked(response: reqwest::Response) -> Result<reqwest::Response, SyncError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let refusal: Option<Refusal> = match response.bytes().await {
        Ok(bytes) => serde_json::from_slice(&bytes).ok(),
        Err(_) => None,
    };
    let (code, detail, family) = match refusal {
        Some(r) => (
            SERVER_CODES.iter().find(|c| **c == r.code).copied(),
            r.detail,
            r.family_id,
        ),
        None => (None, String::new(), None),
    };
    if status.is_server_error() {
        return Err(SyncError::ServerError {
            status: status.as_u16(),
            detail,
        });
    }
    Err(SyncError::Refused {
        status: status.as_u16(),
        code: code.unwrap_or("error-server-answer"),
        detail,
        family,
    })
}

async fn read_json<T: serde::de::DeserializeOwned>(
    response: reqwest::Response,
) -> Result<T, SyncError> {
    let bytes = response.bytes().await.map_err(unreachable)?;
    serde_json::from_slice(&bytes).map_err(|e| SyncError::BadAnswer(e.to_string()))
}
