//! The server's HTTP API as the app calls it: pair, push, pull, and a family's pairing
//! code. Every answer that is not a success becomes a [`SyncError`] the user can read.
//!
//! A push or a pull is ended for lack of progress, never for its total time: on a 2G
//! line a page takes its time, but a line where nothing moves for [`STALLED_AFTER`] is
//! given up (and tried again by the caller). Bytes moved are counted in a
//! [`Progress`] the sync's status line reads.

use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::SyncError;
use crate::domain::bundle::plan::Tally;
use crate::domain::sync::ServerAddress;
use crate::domain::sync::wire::{
    self, BUNDLE_TYPE, CURSOR_HEADER, FamilyCode, MORE_HEADER, PUSH_ID_HEADER, Paired, PushAnswer,
    RefusalCode,
};

/// Nothing moved for this long, either way: the line is given up.
pub const STALLED_AFTER: Duration = Duration::from_secs(60);
/// A pairing or a family's code is small: all of it within this.
const SMALL_REQUEST: Duration = Duration::from_secs(60);
/// A push's body is handed to the connection in pieces this big.
const CHUNK_BYTES: usize = 4096;
/// Bytes a second of the slowest line a push is waited for (a crowded 2G line).
const SLOWEST_LINE: usize = 1024;

/// Bytes moved in a sync, and when the last moved.
#[derive(Debug)]
pub struct Progress {
    bytes: AtomicU64,
    /// `bytes` when the request under way started.
    request_start: AtomicU64,
    last: Mutex<Instant>,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            bytes: AtomicU64::new(0),
            request_start: AtomicU64::new(0),
            last: Mutex::new(Instant::now()),
        }
    }
}

impl Progress {
    fn moved(&self, bytes: usize) {
        self.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
        self.touch();
    }

    /// Something happened on the line (an answer came).
    fn touch(&self) {
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
    }

    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// A request starts (a try again starts from its first byte).
    fn start_request(&self) {
        self.request_start.store(self.bytes(), Ordering::Relaxed);
        self.touch();
    }

    /// Bytes moved by the request under way.
    pub fn request_bytes(&self) -> u64 {
        self.bytes()
            .saturating_sub(self.request_start.load(Ordering::Relaxed))
    }

    /// Quiet is expected until `wait` from now (the body handed over is still on its
    /// way, then the server applies it): nothing moving meanwhile is no stall.
    fn expect_quiet(&self, wait: Duration) {
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now() + wait;
    }

    fn idle(&self) -> Duration {
        Instant::now()
            .saturating_duration_since(*self.last.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// Runs `call` while bytes move; ends it once nothing has moved for [`STALLED_AFTER`].
/// `tick` is called every second meanwhile (the status line's progress).
pub async fn while_moving<T>(
    progress: &Progress,
    tick: &(impl Fn() + ?Sized),
    call: impl Future<Output = Result<T, SyncError>>,
) -> Result<T, SyncError> {
    progress.touch();
    tokio::pin!(call);
    loop {
        tokio::select! {
            done = &mut call => return done,
            () = tokio::time::sleep(Duration::from_secs(1)) => {
                tick();
                if progress.idle() >= STALLED_AFTER {
                    return Err(SyncError::Unreachable(format!(
                        "nothing moved for {} s",
                        STALLED_AFTER.as_secs()
                    )));
                }
            }
        }
    }
}

pub struct Client {
    http: reqwest::Client,
    address: ServerAddress,
    /// The server said it reads gzipped pushes.
    takes_gzip: AtomicBool,
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
            .user_agent(concat!("ayah-asi/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        Ok(Self {
            http,
            address,
            takes_gzip: AtomicBool::new(false),
        })
    }

    /// Known from an earlier sync: the server reads gzipped pushes.
    pub fn with_gzip(self, takes_gzip: bool) -> Self {
        self.takes_gzip.store(takes_gzip, Ordering::Relaxed);
        self
    }

    /// The server reads gzipped pushes (it said so on this sync or an earlier one).
    pub fn takes_gzip(&self) -> bool {
        self.takes_gzip.load(Ordering::Relaxed)
    }

    /// Asks the server whether it reads gzipped pushes (its health answer says so).
    /// Unanswered, pushes go plain.
    pub async fn probe_gzip(&self) {
        let asked = self
            .http
            .get(self.address.join(path(wire::HEALTH_PATH)))
            .timeout(SMALL_REQUEST)
            .send()
            .await;
        if let Ok(response) = asked {
            self.learn(&response);
        }
    }

    /// An answer that says the server reads gzip: pushes from now on are gzipped.
    fn learn(&self, response: &reqwest::Response) {
        let says_gzip = wire::names_gzip(
            response
                .headers()
                .get_all(reqwest::header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok()),
        );
        if says_gzip {
            self.takes_gzip.store(true, Ordering::Relaxed);
        }
    }

    pub async fn pair(&self, code: &str) -> Result<Paired, SyncError> {
        let body = wire::PairRequest {
            code: code.to_owned(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
        };
        let response = self
            .http
            .post(self.address.join(path(wire::PAIR_PATH)))
            .timeout(SMALL_REQUEST)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(serde_json::to_string(&body).unwrap_or_default())
            .send()
            .await
            .map_err(unreachable)?;
        read_json(checked(response).await?).await
    }

    /// Sends a bundle under `push_id` (`gzipped` or plain), counting its bytes as the
    /// connection takes them; the answer is the server's tally of it. The caller
    /// watches `progress` ([`while_moving`]).
    pub async fn push(
        &self,
        token: &str,
        push_id: &str,
        (bytes, gzipped): (Arc<Vec<u8>>, bool),
        progress: &Arc<Progress>,
    ) -> Result<Tally, SyncError> {
        let length = bytes.len();
        progress.start_request();
        let counter = Arc::clone(progress);
        let chunks = (0..length.div_ceil(CHUNK_BYTES)).map(move |i| {
            let piece = bytes[i * CHUNK_BYTES..((i + 1) * CHUNK_BYTES).min(length)].to_vec();
            // Asked for by the connection: the piece before it is on its way.
            counter.moved(piece.len());
            if i + 1 == length.div_ceil(CHUNK_BYTES) {
                // The last piece: what the connection still holds drains at the slowest
                // line's pace before the server can even answer.
                counter.expect_quiet(Duration::from_secs((length / SLOWEST_LINE) as u64));
            }
            Ok::<_, std::io::Error>(piece)
        });
        let mut request = self
            .http
            .post(self.address.join(path(wire::PUSH_PATH)))
            .bearer_auth(token)
            .header(reqwest::header::CONTENT_TYPE, BUNDLE_TYPE)
            .header(reqwest::header::CONTENT_LENGTH, length)
            .header(PUSH_ID_HEADER, push_id);
        if gzipped {
            request = request.header(reqwest::header::CONTENT_ENCODING, wire::GZIP);
        }
        let response = request
            .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
                chunks,
            )))
            .send()
            .await
            .map_err(unreachable)?;
        progress.touch();
        self.learn(&response);
        let answer: PushAnswer = read_json(checked(response).await?).await?;
        Ok(answer.tally)
    }

    /// One page of what changed on the server after `cursor`, its bytes counted in
    /// `progress` as they come.
    pub async fn pull(
        &self,
        token: &str,
        cursor: i64,
        progress: &Progress,
    ) -> Result<Pulled, SyncError> {
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
        progress.touch();
        self.learn(&response);
        let mut response = checked(response).await?;
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
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
            if bytes.len() + chunk.len() > MAX_BUNDLE_BYTES {
                return Err(SyncError::BadAnswer(
                    "a pull page over the bundle limit".into(),
                ));
            }
            progress.moved(chunk.len());
            bytes.extend_from_slice(&chunk);
        }
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
            .timeout(SMALL_REQUEST)
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

/// The largest page the app takes from the server.
const MAX_BUNDLE_BYTES: usize = crate::domain::bundle::MAX_BUNDLE_BYTES as usize;

async fn read_json<T: serde::de::DeserializeOwned>(
    response: reqwest::Response,
) -> Result<T, SyncError> {
    let bytes = response.bytes().await.map_err(unreachable)?;
    serde_json::from_slice(&bytes).map_err(|e| SyncError::BadAnswer(e.to_string()))
}
