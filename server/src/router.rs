//! The server's whole router: the phones' API (`http`), the dashboard's pages (`web`),
//! `/metrics`, and the limits and headers every route shares.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use ayah_asi_core::sync::wire;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::http::{self, AppState, FORM_BODY_BYTES, MAX_BODY_BYTES, SMALL_BODY_BYTES};
use crate::observe;

pub fn router(state: AppState) -> Router {
    // Every route but the push: its handling, body and all, within its time.
    let within_time = tower_http::timeout::TimeoutLayer::with_status_code(
        axum::http::StatusCode::REQUEST_TIMEOUT,
        state.settings.request_time,
    );
    let push = Router::new().route(wire::PUSH_PATH, post(http::api::push));
    Router::new()
        .route(wire::HEALTH_PATH, get(http::api::health))
        .route("/metrics", get(observe::show))
        .route(
            wire::PAIR_PATH,
            post(http::api::pair).layer(DefaultBodyLimit::max(SMALL_BODY_BYTES)),
        )
        .route(wire::PULL_PATH, get(http::api::pull))
        .route(
            wire::FAMILY_CODE_PATH,
            post(http::api::family_code).layer(DefaultBodyLimit::max(SMALL_BODY_BYTES)),
        )
        .merge(crate::web::routes().layer(DefaultBodyLimit::max(FORM_BODY_BYTES)))
        .layer(within_time)
        .merge(push)
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            observe::count,
        ))
        // Over 20 MB is refused before it is read.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TraceLayer::new_for_http())
        .layer(axum::middleware::map_response(crate::web::security_headers))
        .with_state(state)
}
