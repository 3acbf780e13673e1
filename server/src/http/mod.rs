//! The HTTP API the app syncs with: pairing, push, pull and health, and the server's
//! shared state. Handlers are thin: check the request, call `org` / `records`, map
//! errors to a status and a message id the app shows in its user's language. By job:
//! the state every handler and page reads (`state`), the sync handlers (`api`), their
//! refusals (`refusal`), and serving over HTTPS (`serve`). Paths, headers and bodies are
//! the core's sync contract (`ayah_asi_core::sync::wire`).

mod api;
mod client;
mod refusal;
mod serve;
mod state;
mod under_way;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use ayah_asi_core::sync::wire;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

pub use client::{Client, bearer, limit_key, names_a_client};
pub use refusal::Refusal;
pub use serve::{serve, tls_acceptor};
pub use state::{AppState, Settings};

/// The largest pairing or family-code request read (a code and an app version).
pub const SMALL_BODY_BYTES: usize = 1024;
/// The largest dashboard form read (the longest is an account: a few short fields).
pub const FORM_BODY_BYTES: usize = 16 * 1024;

pub(crate) const MAX_BODY_BYTES: usize = ayah_asi_core::bundle::MAX_BUNDLE_BYTES as usize;

pub fn router(state: AppState) -> Router {
    // Every route but the push: its handling, body and all, within its time.
    let within_time = tower_http::timeout::TimeoutLayer::with_status_code(
        axum::http::StatusCode::REQUEST_TIMEOUT,
        state.settings.request_time,
    );
    let push = Router::new().route(wire::PUSH_PATH, post(api::push));
    Router::new()
        .route(wire::HEALTH_PATH, get(api::health))
        .route("/metrics", get(crate::metrics::show))
        .route(
            wire::PAIR_PATH,
            post(api::pair).layer(DefaultBodyLimit::max(SMALL_BODY_BYTES)),
        )
        .route(wire::PULL_PATH, get(api::pull))
        .route(
            wire::FAMILY_CODE_PATH,
            post(api::family_code).layer(DefaultBodyLimit::max(SMALL_BODY_BYTES)),
        )
        .merge(crate::web::routes().layer(DefaultBodyLimit::max(FORM_BODY_BYTES)))
        .layer(within_time)
        .merge(push)
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
