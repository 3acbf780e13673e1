//! The server's HTTP API as the app calls it: pair, push, pull, and a family's pairing
//! code. Every answer that is not a success becomes a [`SyncError`] the user can read.

use std::sync::Arc;
use std::time::Duration;

use super::SyncError;
use crate::domain::bundle::plan::Tally;
use crate::domain::sync::ServerAddress;
use crate::domain::sync::wire::{
    self, BUNDLE_TYPE, CURSOR_HEADER, FamilyCode, MORE_HEADER, PUSH_ID_HEADER, Paired, PushAnswer,
    RefusalCode,
};

pub struct Client {
    http: reqwest::Client,
    address: ServerAddress,
}

pub struct Pulled {
    pub bytes: Vec<u8>,
    pub cursor: i64,
    pub more: bool,
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
        let body = wire::PairRequest {
            code: code.to_owned(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
        };
        let response = self
            .http
            .post(self.address.join(path(wire::PAIR_PATH)))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(serde_json::to_string(&body).unwrap_or_default())
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
            .post(self.address.join(path(wire::PUSH_PATH)))
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
            .get(
                self.address
                    .join(&format!("{}?cursor={cursor}", path(wire::PULL_PATH))),
            )
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
            .post(self.address.join(path(wire::FAMILY_CODE_PATH)))
            .bearer_auth(token)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(
                serde_json::to_string(&wire::FamilyCodeRequest {
                    family_id: family_id.to_owned(),
                })
                .unwrap_or_default(),
            )
            .send()
            .await
            .map_err(unreachable)?;
        read_json(checked(response).await?).await
    }
}

/// A contract path as the server address joins it (relative to the address's own path).
fn path(contract: &str) -> &str {
    contract.trim_start_matches('/')
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
    let refusal: Option<wire::Refusal> = match response.bytes().await {
        Ok(bytes) => serde_json::from_slice(&bytes).ok(),
        Err(_) => None,
    };
    let (code, detail, family) = match refusal {
        Some(r) => (RefusalCode::parse(&r.code), r.detail, r.family_id),
        None => (None, String::new(), None),
    };
    // A push that crawled or stalled past its deadline: the line's fault, tried again.
    if code == Some(RefusalCode::TooSlow) {
        return Err(SyncError::Unreachable(detail));
    }
    if status.is_server_error() {
        return Err(SyncError::ServerError {
            status: status.as_u16(),
            detail,
        });
    }
    Err(SyncError::Refused {
        status: status.as_u16(),
        code,
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
