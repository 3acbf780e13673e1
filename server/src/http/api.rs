//! The sync API's handlers: pairing, a family's code, push, pull, and health.

use std::time::Duration;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use ayah_asi_core::sync::wire::{self, RefusalCode};
use serde::Deserialize;

use super::{AppState, Client, MAX_BODY_BYTES, Refusal};
use crate::accounts;
use crate::org::{self, Device};
use crate::records;

/// `/healthz`, asked of the database at most once a second whoever asks: anyone may
/// call it, so it is no way to keep the database busy.
pub(crate) async fn health(State(state): State<AppState>) -> Response {
    let checked = match state.recent_health() {
        Some(current) => Ok(current),
        None => {
            let checked = crate::db::is_current(&state.pool).await;
            if let Ok(current) = &checked {
                state.remember_health(*current);
            }
            checked
        }
    };
    match checked {
        Ok(true) => {
            let mut response = (StatusCode::OK, "ok").into_response();
            takes_gzip(&mut response);
            response
        }
        Ok(false) => (StatusCode::SERVICE_UNAVAILABLE, "migrations pending").into_response(),
        Err(error) => (StatusCode::SERVICE_UNAVAILABLE, error.to_string()).into_response(),
    }
}

pub(crate) async fn pair(
    State(state): State<AppState>,
    from: Client,
    Json(request): Json<wire::PairRequest>,
) -> Result<Response, Refusal> {
    if !state.allow_pairing(from.address) {
        return Err(Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            RefusalCode::TooManyAttempts,
            "wait a minute",
        ));
    }
    let version: String = request.app_version.chars().take(40).collect();
    let address = from.address.to_string();
    let paired = org::pair(&state.pool, &request.code, &version, &address).await?;
    Ok(Json(paired).into_response())
}

/// A cadre's phone asks for a one-time code for one of her families' phones.
pub(crate) async fn family_code(
    State(state): State<AppState>,
    from: Client,
    headers: HeaderMap,
    Json(request): Json<wire::FamilyCodeRequest>,
) -> Result<Response, Refusal> {
    let device = device(&state, &headers, from).await?;
    if !state.allow_family_code(device.id) {
        return Err(Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            RefusalCode::TooManyAttempts,
            "too many family codes from this phone today",
        ));
    }
    let code = org::make_family_code(&state.pool, &device, &request.family_id).await?;
    Ok(Json(wire::FamilyCode {
        code,
        hours: u32::try_from(org::CODE_HOURS).unwrap_or(24),
    })
    .into_response())
}

/// The device behind the request's bearer token. An address that keeps sending unknown
/// tokens is refused for a minute before its tokens are looked up.
async fn device(state: &AppState, headers: &HeaderMap, from: Client) -> Result<Device, Refusal> {
    if state.is_guessing_tokens(from.address) {
        return Err(Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            RefusalCode::TooManyAttempts,
            "wait a minute",
        ));
    }
    let token = super::bearer(headers).ok_or_else(|| {
        Refusal::new(StatusCode::UNAUTHORIZED, RefusalCode::NotPaired, "no token")
    })?;
    match org::device_of(&state.pool, token).await? {
        Some(device) => Ok(device),
        None => {
            state.count_unknown_token(from.address);
            Err(Refusal::new(
                StatusCode::UNAUTHORIZED,
                RefusalCode::DeviceRefused,
                "unknown or revoked token",
            ))
        }
    }
}

pub(crate) async fn push(
    State(state): State<AppState>,
    from: Client,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Result<Response, Refusal> {
    let device = device(&state, &headers, from).await?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if content_type != Some(wire::BUNDLE_TYPE) {
        return Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            RefusalCode::NotABundle,
            "expected a bundle",
        ));
    }
    let push_id = headers
        .get(wire::PUSH_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|id| uuid::Uuid::parse_str(id).is_ok())
        .ok_or_else(|| {
            Refusal::new(
                StatusCode::BAD_REQUEST,
                RefusalCode::PushId,
                "a push needs its id",
            )
        })?;
    // The body first, within its deadline and its share of the memory; only then a
    // writer's turn, so a phone on a stalled line holds no turn another push waits for.
    // Its length said first (the app always does): its memory is reserved before a
    // byte is read.
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .ok_or_else(|| {
            Refusal::new(
                StatusCode::LENGTH_REQUIRED,
                RefusalCode::NotABundle,
                "a push says its length",
            )
        })?;
    if length > MAX_BODY_BYTES as u64 {
        return Err(too_large());
    }
    let kib = length.div_ceil(1024).max(1);
    // This device's share: a few pushes at once, a few MB held, so that stolen tokens
    // need to be many before they crowd the memory out.
    let _under_way = state.start_push(device.id, kib).ok_or_else(|| {
        Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            RefusalCode::Busy,
            "this phone already has pushes under way",
        )
    })?;
    if !state.allow_push_bytes(device.id, usize::try_from(length).unwrap_or(MAX_BODY_BYTES)) {
        return Err(over_quota(&device));
    }
    let _memory = u32::try_from(kib)
        .ok()
        .and_then(|kib| {
            state
                .push_kib_in_flight
                .clone()
                .try_acquire_many_owned(kib)
                .ok()
        })
        .ok_or_else(|| {
            Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                RefusalCode::Busy,
                "too many pushes arriving at once",
            )
        })?;
    let gzipped = match headers
        .get(header::CONTENT_ENCODING)
        .map(|v| v.to_str().unwrap_or_default().trim())
    {
        None | Some("identity") => false,
        Some(wire::GZIP) => true,
        Some(_) => {
            return Err(Refusal::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                RefusalCode::NotABundle,
                "a push is sent plain or gzipped",
            ));
        }
    };
    let body = read_body(body, Some(length), &state.settings).await?;
    // A turn within its wait, else "busy" (the app tries again): a queue never grows
    // longer than phones wait for their answer.
    let waited = tokio::time::timeout(state.settings.turn_wait, state.push_writers.acquire()).await;
    let Ok(Ok(_turn)) = waited else {
        return Err(Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            RefusalCode::Busy,
            "waited too long for a writer's turn",
        ));
    };
    // Unpacked in a writer's turn: at most one unpacked bundle per turn in memory. What
    // it unpacks to counts against the device's day too (a refused bomb as a whole
    // bundle).
    let body = if gzipped {
        match gunzip(body).await {
            Ok(body) => {
                if !state.allow_push_bytes(device.id, body.len()) {
                    return Err(over_quota(&device));
                }
                body
            }
            Err(refused) => {
                state.allow_push_bytes(device.id, MAX_BODY_BYTES);
                return Err(refused);
            }
        }
    } else {
        body
    };
    let address = from.address.to_string();
    let tally = records::push(&state.pool, &device, push_id, &body, &address).await?;
    // The tally as this push's plan made it, or as it was kept when first applied.
    let tally = serde_json::from_value(tally).map_err(super::refusal::storage_failed)?;
    let mut response = Json(wire::PushAnswer { tally }).into_response();
    takes_gzip(&mut response);
    Ok(response)
}

fn over_quota(device: &Device) -> Refusal {
    tracing::warn!(device = device.id, "a device went over its day's pushes");
    Refusal::new(
        StatusCode::TOO_MANY_REQUESTS,
        RefusalCode::OverQuota,
        "over this device's pushes for the day",
    )
}

/// Tells the app this server reads gzipped pushes (RFC 9110 §12.5.3).
fn takes_gzip(response: &mut Response) {
    response.headers_mut().insert(
        header::ACCEPT_ENCODING,
        HeaderValue::from_static(wire::GZIP),
    );
}

/// A gzipped push unpacked, within the bundle limit.
async fn gunzip(body: Vec<u8>) -> Result<Vec<u8>, Refusal> {
    let unpacked = tokio::task::spawn_blocking(move || wire::gunzip(&body, MAX_BODY_BYTES)).await;
    match unpacked {
        Ok(Ok(body)) => Ok(body),
        Ok(Err(wire::GunzipError::TooLarge(_))) => Err(too_large()),
        Ok(Err(wire::GunzipError::Broken)) | Err(_) => Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            RefusalCode::BundleRefused,
            "the gzipped push could not be unpacked",
        )),
    }
}

/// Pull pages smaller than this go plain.
const GZIP_FROM_BYTES: usize = 4096;

/// The client said it reads gzip.
fn accepts_gzip(headers: &HeaderMap) -> bool {
    wire::names_gzip(
        headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok()),
    )
}

#[derive(Deserialize)]
pub(crate) struct PullQuery {
    #[serde(default)]
    cursor: i64,
}

pub(crate) async fn pull(
    State(state): State<AppState>,
    from: Client,
    headers: HeaderMap,
    Query(query): Query<PullQuery>,
) -> Result<Response, Refusal> {
    let device = device(&state, &headers, from).await?;
    let _under_way = state.start_pull(device.id).ok_or_else(|| {
        Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            RefusalCode::Busy,
            "this phone already has pulls under way",
        )
    })?;
    let pulled = records::pull(&state.pool, &device, query.cursor.max(0)).await?;
    // Every pull that hands over records is in the audit trail: which phone, how many
    // families and records, when (a phone the admin paired reads names, and she cannot
    // hide it).
    if pulled.records > 0 {
        let line = format!(
            "device {}: {} families, {} records",
            device.id, pulled.families, pulled.records
        );
        accounts::audit(
            &state.pool,
            None,
            "records-pulled",
            &line,
            &from.address.to_string(),
        )
        .await
        .map_err(super::refusal::storage_failed)?;
    }
    // A page with little in it goes plain: gzip would save a few bytes for its work.
    let gzipped = accepts_gzip(&headers) && pulled.bundle.len() >= GZIP_FROM_BYTES;
    let bundle = if gzipped {
        let plain = pulled.bundle;
        tokio::task::spawn_blocking(move || wire::gzip(&plain))
            .await
            .map_err(super::refusal::storage_failed)?
    } else {
        pulled.bundle
    };
    let mut response = (StatusCode::OK, bundle).into_response();
    takes_gzip(&mut response);
    let headers = response.headers_mut();
    if gzipped {
        headers.insert(
            header::CONTENT_ENCODING,
            HeaderValue::from_static(wire::GZIP),
        );
    }
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(wire::BUNDLE_TYPE),
    );
    if let Ok(value) = HeaderValue::from_str(&pulled.cursor.to_string()) {
        headers.insert(wire::CURSOR_HEADER, value);
    }
    if pulled.more {
        headers.insert(wire::MORE_HEADER, HeaderValue::from_static("1"));
    }
    Ok(response)
}

fn too_large() -> Refusal {
    Refusal::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        RefusalCode::BundleRefused,
        "over 20 MB",
    )
}

/// A push's body, frame by frame: refused (408, nothing written) when it pauses longer
/// than `body_idle`, falls behind the slowest line waited for once `body_grace` has
/// passed, or is not in by `body_grace` plus its length at that rate; 413 past the
/// bundle limit.
async fn read_body(
    body: axum::body::Body,
    length: Option<u64>,
    settings: &super::Settings,
) -> Result<Vec<u8>, Refusal> {
    use http_body_util::BodyExt;
    let expected = length.unwrap_or(MAX_BODY_BYTES as u64);
    // Its length at the slowest rate, but never more than `body_max_wait` in all: a body
    // too big for the slowest line in that time needs a faster one.
    let allowance = Duration::from_secs(expected / settings.body_min_bytes_per_second.max(1))
        .min(settings.body_max_wait);
    let deadline = tokio::time::Instant::now() + settings.body_grace + allowance;
    let too_slow =
        |detail: &str| Refusal::new(StatusCode::REQUEST_TIMEOUT, RefusalCode::TooSlow, detail);
    let started = tokio::time::Instant::now();
    let mut body = body;
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0).min(MAX_BODY_BYTES));
    loop {
        // A trickle is no upload: past the grace, the body keeps to the slowest rate.
        let owed = started
            .elapsed()
            .saturating_sub(settings.body_grace)
            .as_secs()
            .saturating_mul(settings.body_min_bytes_per_second);
        if (bytes.len() as u64) < owed {
            return Err(too_slow("the push came slower than the slowest line"));
        }
        let next = tokio::time::timeout(settings.body_idle, body.frame());
        let frame = match tokio::time::timeout_at(deadline, next).await {
            Err(_) => return Err(too_slow("the push did not arrive in time")),
            Ok(Err(_)) => return Err(too_slow("the push stopped coming")),
            Ok(Ok(None)) => break,
            Ok(Ok(Some(Err(_)))) => {
                return Err(Refusal::new(
                    StatusCode::BAD_REQUEST,
                    RefusalCode::BundleRefused,
                    "the push was cut off",
                ));
            }
            Ok(Ok(Some(Ok(frame)))) => frame,
        };
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > MAX_BODY_BYTES {
                return Err(too_large());
            }
            bytes.extend_from_slice(&data);
        }
    }
    Ok(bytes)
}
