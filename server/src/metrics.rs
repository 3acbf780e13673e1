//! Metrics in Prometheus's text format (served at `/metrics` by `observe`): requests
//! by route and status, push and pull counts and latencies, sync refusals by reason,
//! and the database pool's use. Labels are routes and message ids, never data. The
//! `prometheus` crate keeps the counts and writes the format; each server (each
//! `AppState`, so each test) has a registry of its own.

use axum::http::StatusCode;
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder,
};

/// Upper bounds (seconds) of the latency histograms' buckets.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Set on a refused sync request's response: its message id, counted by reason.
#[derive(Debug, Clone, Copy)]
pub struct RefusalCode(pub &'static str);

/// The server's counters, shared by every request.
#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    refusals: IntCounterVec,
    pool: IntGaugeVec,
    push_turns: IntGaugeVec,
}

impl Default for Metrics {
    fn default() -> Self {
        // The names, labels and buckets below are constants: building them cannot fail.
        #[allow(clippy::expect_used)]
        Self::new().expect("the metrics' definitions are valid")
    }
}

impl Metrics {
    fn new() -> prometheus::Result<Self> {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "ayahasi_requests_total",
                "HTTP requests by route and status.",
            ),
            &["route", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new("ayahasi_sync_seconds", "Push and pull latency.")
                .buckets(BUCKETS.to_vec()),
            &["kind"],
        )?;
        let refusals = IntCounterVec::new(
            Opts::new(
                "ayahasi_sync_refusals_total",
                "Pushes and pulls refused, by reason.",
            ),
            &["reason"],
        )?;
        let pool = IntGaugeVec::new(
            Opts::new(
                "ayahasi_db_pool",
                "Database connections: open, idle, requests waiting, most allowed.",
            ),
            &["state"],
        )?;
        let push_turns = IntGaugeVec::new(
            Opts::new(
                "ayahasi_push_turns",
                "Pushes written at once: turns free, most allowed (none free: phones wait).",
            ),
            &["state"],
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(refusals.clone()))?;
        registry.register(Box::new(pool.clone()))?;
        registry.register(Box::new(push_turns.clone()))?;
        Ok(Self {
            registry,
            requests,
            latency,
            refusals,
            pool,
            push_turns,
        })
    }

    pub fn record(
        &self,
        route: &str,
        status: StatusCode,
        seconds: f64,
        refusal: Option<&'static str>,
    ) {
        self.requests
            .with_label_values(&[route, status.as_str()])
            .inc();
        let kind = match route {
            "/api/v1/push" => Some("push"),
            "/api/v1/pull" => Some("pull"),
            _ => None,
        };
        if let Some(kind) = kind {
            self.latency.with_label_values(&[kind]).observe(seconds);
            if let Some(code) = refusal {
                self.refusals.with_label_values(&[code]).inc();
            }
        }
    }

    /// The text Prometheus scrapes, with the pool's and the push turns' state now.
    pub fn render(&self, pool: &deadpool_postgres::Pool, push_turns: (usize, usize)) -> String {
        let status = pool.status();
        let gauge = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        for (state, value) in [
            ("open", status.size),
            ("idle", status.available),
            ("waiting", status.waiting),
            ("max", status.max_size),
        ] {
            self.pool.with_label_values(&[state]).set(gauge(value));
        }
        let (free, max) = push_turns;
        self.push_turns
            .with_label_values(&["free"])
            .set(gauge(free));
        self.push_turns.with_label_values(&["max"]).set(gauge(max));
        let mut out = Vec::new();
        if let Err(error) = TextEncoder::new().encode(&self.registry.gather(), &mut out) {
            tracing::error!(%error, "the metrics could not be written");
        }
        String::from_utf8(out).unwrap_or_default()
    }
}
