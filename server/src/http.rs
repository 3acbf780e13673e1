//! The HTTP API the app syncs with: pairing, push, pull and health. Handlers are thin:
//! check the request, call `org` / `records`, map errors to a status and a message id
//! the app shows in its user's language.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use ayah_asi_core::i18n::{I18nError, Localizer};
use chrono::FixedOffset;
use deadpool_postgres::Pool;
use serde::Deserialize;
use serde_json::json;
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::org::{self, Device, OrgError};
use crate::records::{self, SyncError};

/// The bundle's media type: pushes must say it.
pub const BUNDLE_TYPE: &str = "application/x-ayahasi";
/// The header that carries the pull cursor to ask from next time.
pub const CURSOR_HEADER: &str = "x-ayah-asi-cursor";
/// Set on a pull that stopped at its size limit: ask again from the new cursor.
pub const MORE_HEADER: &str = "x-ayah-asi-more";
/// The header that names a push, so that sending it again changes nothing.
pub const PUSH_ID_HEADER: &str = "x-ayah-asi-push-id";

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub settings: Settings,
    /// The app's locales, for the dashboard's pages.
    pub localizer: Arc<Localizer>,
    pub metrics: crate::metrics::Metrics,
    /// A streaming replica for the dashboard's reads, when configured.
    replica: Option<Pool>,
    pairing_attempts: Attempts,
    login_attempts: Attempts,
    /// Pushes being written; the rest wait, unread (see `config::PUSH_WRITERS`).
    push_writers: Arc<Semaphore>,
}

/// What the server was configured with, beyond the database.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Pairing attempts allowed per client address per minute.
    pub pairing_per_minute: usize,
    /// Login attempts allowed per client address per minute (each account also locks
    /// after repeated failures).
    pub logins_per_minute: usize,
    pub session_idle_minutes: i32,
    /// Pushes written at once.
    pub push_writers: usize,
    /// The puskesmas's clock for the dashboard.
    pub utc_offset: FixedOffset,
    /// Served over HTTPS: cookies are marked `Secure`.
    pub secure_cookies: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            pairing_per_minute: 10,
            logins_per_minute: 20,
            session_idle_minutes: 30,
            push_writers: 4,
            utc_offset: western_indonesia(),
            secure_cookies: false,
        }
    }
}

/// WIB, UTC+7: the clock of most puskesmas.
fn western_indonesia() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| chrono::Offset::fix(&chrono::Utc))
}

impl Settings {
    /// The settings the configuration names.
    pub fn from_config(config: &crate::config::Config) -> Self {
        let hours = i32::try_from(config.utc_offset_hours).unwrap_or(7);
        let default = Self::default();
        Self {
            pairing_per_minute: config.pairing_per_minute,
            session_idle_minutes: i32::try_from(config.session_idle_minutes).unwrap_or(30),
            push_writers: config.push_writers,
            utc_offset: FixedOffset::east_opt(hours * 3600).unwrap_or(default.utc_offset),
            secure_cookies: config.tls.is_some(),
            ..default
        }
    }
}

/// Recent attempts per client address, for rate limits.
#[derive(Clone, Default)]
struct Attempts(Arc<Mutex<HashMap<IpAddr, Vec<Instant>>>>);

impl Attempts {
    /// Counts an attempt; false when this address tried more than `per_minute` times
    /// in the last minute.
    fn allow(&self, from: IpAddr, per_minute: usize) -> bool {
        let mut attempts = self.0.lock().unwrap_or_else(|p| p.into_inner());
        // Addresses quiet for a minute are forgotten: the map stays small.
        attempts.retain(|_, times| {
            times.retain(|at| at.elapsed() < Duration::from_secs(60));
            !times.is_empty()
        });
        let recent = attempts.entry(from).or_default();
        recent.push(Instant::now());
        recent.len() <= per_minute
    }
}

impl AppState {
    /// Fails only if the locale files are broken (a build defect, caught by tests).
    pub fn new(pool: Pool, settings: Settings) -> Result<Self, I18nError> {
        let push_writers = Arc::new(Semaphore::new(settings.push_writers));
        Ok(Self {
            pool,
            settings,
            localizer: Arc::new(Localizer::load()?),
            metrics: crate::metrics::Metrics::default(),
            replica: None,
            pairing_attempts: Attempts::default(),
            login_attempts: Attempts::default(),
            push_writers,
        })
    }

    /// Reads the dashboard's pages from `replica` (pushes and every write stay on the
    /// primary).
    pub fn with_replica(mut self, replica: Pool) -> Self {
        self.replica = Some(replica);
        self
    }

    /// Where the dashboard reads: the replica while it answers, else the primary (a
    /// replica down or being rebuilt costs nothing but its share of the load).
    pub async fn read_pool(&self) -> Pool {
        if let Some(replica) = &self.replica {
            match tokio::time::timeout(Duration::from_secs(2), replica.get()).await {
                Ok(Ok(_)) => return replica.clone(),
                Ok(Err(error)) => {
                    tracing::warn!(%error, "replica unreachable: reading from the primary")
                }
                Err(_) => tracing::warn!("replica slow to answer: reading from the primary"),
            }
        }
        self.pool.clone()
    }

    /// Push turns free now, and how many there are.
    pub fn push_turns(&self) -> (usize, usize) {
        (
            self.push_writers.available_permits(),
            self.settings.push_writers,
        )
    }

    fn allow_pairing(&self, from: IpAddr) -> bool {
        self.pairing_attempts
            .allow(from, self.settings.pairing_per_minute)
    }

    /// Counts a login attempt from `from`; false when over the limit.
    pub fn allow_login(&self, from: IpAddr) -> bool {
        self.login_attempts
            .allow(from, self.settings.logins_per_minute)
    }
}

/// The largest request body read: a bundle's limit.
const MAX_BODY_BYTES: usize = ayah_asi_core::bundle::MAX_BUNDLE_BYTES as usize;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(health))
        .route("/metrics", get(crate::metrics::show))
        .route("/api/v1/pair", post(pair))
        .route("/api/v1/push", post(push))
        .route("/api/v1/pull", get(pull))
        .route("/api/v1/family-code", post(family_code))
        .merge(crate::web::routes())
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::metrics::count,
        ))
        // Over 20 MB is refused before it is read.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TraceLayer::new_for_http())
        .layer(axum::middleware::map_response(crate::web::security_headers))
        .with_state(state)
}

/// A refusal as the app reads it: a status and a message id (with arguments).
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    code: &'static str,
    detail: String,
    /// The family a scope refusal is about (moved to another cadre, say), for the app
    /// to stop sending it.
    family_id: Option<String>,
}

impl Refusal {
    fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            code,
            detail: detail.into(),
            family_id: None,
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = self.code, detail = %self.detail, "request failed");
        }
        let mut body = json!({ "code": self.code, "detail": self.detail });
        if let Some(family) = self.family_id {
            body["familyId"] = json!(family);
        }
        let mut response = (self.status, Json(body)).into_response();
        response
            .extensions_mut()
            .insert(crate::metrics::RefusalCode(self.code));
        response
    }
}

fn storage_failed(detail: impl ToString) -> Refusal {
    Refusal::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "error-server-storage",
        detail.to_string(),
    )
}

/// The database's disk is full: nothing of the request was written, and the puskesmas's
/// IT person must make room (said at error level, so that it is seen in the logs).
fn disk_full(detail: impl ToString) -> Refusal {
    tracing::error!("the database's disk is full: writes are refused until there is room");
    Refusal::new(
        StatusCode::INSUFFICIENT_STORAGE,
        "error-server-storage-full",
        detail.to_string(),
    )
}

impl From<OrgError> for Refusal {
    fn from(error: OrgError) -> Self {
        match error {
            OrgError::BadCode => Refusal::new(
                StatusCode::FORBIDDEN,
                "error-server-pairing-code",
                error.to_string(),
            ),
            OrgError::NotYours => Refusal::new(
                StatusCode::FORBIDDEN,
                "error-server-out-of-scope",
                error.to_string(),
            ),
            OrgError::NotFound(_) => Refusal::new(
                StatusCode::NOT_FOUND,
                "error-server-not-found",
                error.to_string(),
            ),
            OrgError::Db(ref db) if db.is_disk_full() => disk_full(error),
            OrgError::Db(_) | OrgError::Random(_) => storage_failed(error),
        }
    }
}

impl From<SyncError> for Refusal {
    fn from(error: SyncError) -> Self {
        match error {
            SyncError::Bundle(_) | SyncError::MissingParent { .. } => Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-server-bundle-refused",
                error.to_string(),
            ),
            SyncError::OutOfScope { ref table, ref id } => {
                let family = (table == "family").then(|| id.clone());
                let mut refusal = Refusal::new(
                    StatusCode::FORBIDDEN,
                    "error-server-out-of-scope",
                    error.to_string(),
                );
                refusal.family_id = family;
                refusal
            }
            SyncError::Db(ref db) if db.is_disk_full() => disk_full(error),
            SyncError::Db(_) => storage_failed(error),
        }
    }
}

async fn health(State(state): State<AppState>) -> Response {
    match crate::db::is_current(&state.pool).await {
        Ok(true) => (StatusCode::OK, "ok").into_response(),
        Ok(false) => (StatusCode::SERVICE_UNAVAILABLE, "migrations pending").into_response(),
        Err(error) => (StatusCode::SERVICE_UNAVAILABLE, error.to_string()).into_response(),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PairRequest {
    code: String,
    app_version: String,
}

async fn pair(
    State(state): State<AppState>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    Json(request): Json<PairRequest>,
) -> Result<Response, Refusal> {
    if !state.allow_pairing(from.ip()) {
        return Err(Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            "error-server-too-many-attempts",
            "wait a minute",
        ));
    }
    let version: String = request.app_version.chars().take(40).collect();
    let paired = org::pair(&state.pool, &request.code, &version).await?;
    Ok(Json(paired).into_response())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FamilyCodeRequest {
    family_id: String,
}

/// A cadre's phone asks for a one-time code for one of her families' phones.
async fn family_code(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(request): Json<FamilyCodeRequest>,
) -> Result<Response, Refusal> {
    let device = device(&state, &headers).await?;
    let code = org::make_family_code(&state.pool, &device, &request.family_id).await?;
    Ok(Json(json!({ "code": code, "hours": org::CODE_HOURS })).into_response())
}

/// The device behind the request's bearer token.
async fn device(state: &AppState, headers: &HeaderMap) -> Result<Device, Refusal> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| {
            Refusal::new(
                StatusCode::UNAUTHORIZED,
                "error-server-not-paired",
                "no token",
            )
        })?;
    match org::device_of(&state.pool, token).await? {
        Some(device) => Ok(device),
        None => Err(Refusal::new(
            StatusCode::UNAUTHORIZED,
            "error-server-device-refused",
            "unknown or revoked token",
        )),
    }
}

async fn push(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Result<Response, Refusal> {
    let device = device(&state, &headers).await?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if content_type != Some(BUNDLE_TYPE) {
        return Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "error-server-not-a-bundle",
            "expected a bundle",
        ));
    }
    let push_id = headers
        .get(PUSH_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|id| uuid::Uuid::parse_str(id).is_ok())
        .ok_or_else(|| {
            Refusal::new(
                StatusCode::BAD_REQUEST,
                "error-server-push-id",
                "a push needs its id",
            )
        })?;
    // Waiting here, before the body is read, keeps a burst of pushes from holding every
    // bundle in memory at once. The semaphore is never closed.
    let _turn = state.push_writers.acquire().await;
    let body = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            Refusal::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "error-server-bundle-refused",
                "over 20 MB, or cut off",
            )
        })?;
    let tally = records::push(&state.pool, &device, push_id, &body).await?;
    Ok(Json(json!({ "tally": tally })).into_response())
}

#[derive(Deserialize)]
struct PullQuery {
    #[serde(default)]
    cursor: i64,
}

async fn pull(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<PullQuery>,
) -> Result<Response, Refusal> {
    let device = device(&state, &headers).await?;
    let pulled = records::pull(&state.pool, &device, query.cursor.max(0)).await?;
    let mut response = (StatusCode::OK, pulled.bundle).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(BUNDLE_TYPE));
    if let Ok(value) = HeaderValue::from_str(&pulled.cursor.to_string()) {
        headers.insert(CURSOR_HEADER, value);
    }
    if pulled.more {
        headers.insert(MORE_HEADER, HeaderValue::from_static("1"));
    }
    Ok(response)
}

/// Serves `app` over HTTPS on `listener` with the PEM certificate and key, until `stop`
/// resolves; then requests in flight get up to 30 s to finish.
pub async fn serve_tls(
    listener: std::net::TcpListener,
    app: Router,
    cert: &std::path::Path,
    key: &std::path::Path,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // One process-wide choice of cryptography (ring); a second install is harmless.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let config = axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key).await?;
    let handle = axum_server::Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        stop.await;
        stopper.graceful_shutdown(Some(Duration::from_secs(30)));
    });
    listener.set_nonblocking(true)?;
    axum_server::from_tcp_rustls(listener, config)?
        .handle(handle)
        .serve(app.into_make_service_with_connect_info::<SocketAddr>())
        .await
}
