//! The HTTP side of the metrics: every request counted by its route, and `/metrics`,
//! which only this machine (or a scraper with the token) may read.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::AppState;
use crate::metrics::RefusalCode;

/// Counts every request by its route (the pattern, so no id is ever a label).
pub async fn count(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let started = Instant::now();
    let response = next.run(request).await;
    let refusal = response.extensions().get::<RefusalCode>().map(|c| c.0);
    state.metrics.record(
        &route,
        response.status(),
        started.elapsed().as_secs_f64(),
        refusal,
    );
    response
}

/// `/metrics`: to a request with the configured token, or, with none configured, only
/// to this machine (a scraper on the same host, or through an SSH tunnel) and never to
/// a request a trusted proxy passed on (the proxy is on this machine, its clients are
/// not). The counts say how busy each posyandu's cadres are.
pub async fn show(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    from: crate::http::Client,
) -> Response {
    let allowed = match &state.settings.metrics_token {
        Some(token) => crate::http::bearer(&headers).is_some_and(|given| {
            crate::secret::constant_time_eq(given.as_bytes(), token.as_bytes())
        }),
        // A forwarding header from a peer not named as a proxy: a proxy nobody told the
        // server about, whose visitors all look local. Closed.
        None => {
            let unexpected = !from.through_proxy && crate::http::names_a_client(&headers);
            if unexpected {
                tracing::warn!(
                    "/metrics asked with a forwarding header from an untrusted peer: set AYAH_ASI_TRUSTED_PROXY"
                );
            }
            !from.through_proxy && !unexpected && from.address.is_loopback()
        }
    };
    if !allowed {
        return StatusCode::NOT_FOUND.into_response();
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(&state.pool, state.push_turns()),
    )
        .into_response()
}
