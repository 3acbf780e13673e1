//! Metrics in Prometheus's text format (served at `/metrics` by `observe`): requests
//! by route and status, push and pull counts and latencies, sync refusals by reason,
//! and the database pool's use. Labels are routes and message ids, never data.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;

/// Upper bounds (seconds) of the latency histograms' buckets.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Set on a refused sync request's response: its message id, counted by reason.
#[derive(Debug, Clone, Copy)]
pub struct RefusalCode(pub &'static str);

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        for (bound, count) in BUCKETS.iter().zip(self.counts.iter_mut()) {
            if seconds <= *bound {
                *count += 1;
            }
        }
        self.count += 1;
        self.sum += seconds;
    }
}

#[derive(Default)]
struct Inner {
    requests: BTreeMap<(String, u16), u64>,
    latency: BTreeMap<&'static str, Histogram>,
    refusals: BTreeMap<&'static str, u64>,
}

/// The server's counters, shared by every request.
#[derive(Clone, Default)]
pub struct Metrics(Arc<Mutex<Inner>>);

impl Metrics {
    pub fn record(
        &self,
        route: &str,
        status: StatusCode,
        seconds: f64,
        refusal: Option<&'static str>,
    ) {
        let mut inner = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *inner
            .requests
            .entry((route.to_owned(), status.as_u16()))
            .or_default() += 1;
        let kind = match route {
            "/api/v1/push" => Some("push"),
            "/api/v1/pull" => Some("pull"),
            _ => None,
        };
        if let Some(kind) = kind {
            inner.latency.entry(kind).or_default().observe(seconds);
            if let Some(code) = refusal {
                *inner.refusals.entry(code).or_default() += 1;
            }
        }
    }

    /// The text Prometheus scrapes.
    pub fn render(&self, pool: &deadpool_postgres::Pool, push_turns: (usize, usize)) -> String {
        let inner = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP ayahasi_requests_total HTTP requests by route and status."
        );
        let _ = writeln!(out, "# TYPE ayahasi_requests_total counter");
        for ((route, status), n) in &inner.requests {
            let _ = writeln!(
                out,
                "ayahasi_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
            );
        }
        let _ = writeln!(out, "# HELP ayahasi_sync_seconds Push and pull latency.");
        let _ = writeln!(out, "# TYPE ayahasi_sync_seconds histogram");
        for (kind, histogram) in &inner.latency {
            for (bound, count) in BUCKETS.iter().zip(histogram.counts) {
                let _ = writeln!(
                    out,
                    "ayahasi_sync_seconds_bucket{{kind=\"{kind}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "ayahasi_sync_seconds_bucket{{kind=\"{kind}\",le=\"+Inf\"}} {}",
                histogram.count
            );
            let _ = writeln!(
                out,
                "ayahasi_sync_seconds_sum{{kind=\"{kind}\"}} {}",
                histogram.sum
            );
            let _ = writeln!(
                out,
                "ayahasi_sync_seconds_count{{kind=\"{kind}\"}} {}",
                histogram.count
            );
        }
        let _ = writeln!(
            out,
            "# HELP ayahasi_sync_refusals_total Pushes and pulls refused, by reason."
        );
        let _ = writeln!(out, "# TYPE ayahasi_sync_refusals_total counter");
        for (reason, n) in &inner.refusals {
            let _ = writeln!(
                out,
                "ayahasi_sync_refusals_total{{reason=\"{reason}\"}} {n}"
            );
        }
        let status = pool.status();
        let _ = writeln!(
            out,
            "# HELP ayahasi_db_pool Database connections: open, idle, requests waiting, most allowed."
        );
        let _ = writeln!(out, "# TYPE ayahasi_db_pool gauge");
        let _ = writeln!(out, "ayahasi_db_pool{{state=\"open\"}} {}", status.size);
        let _ = writeln!(
            out,
            "ayahasi_db_pool{{state=\"idle\"}} {}",
            status.available
        );
        let _ = writeln!(
            out,
            "ayahasi_db_pool{{state=\"waiting\"}} {}",
            status.waiting
        );
        let _ = writeln!(out, "ayahasi_db_pool{{state=\"max\"}} {}", status.max_size);
        let (free, max) = push_turns;
        let _ = writeln!(
            out,
            "# HELP ayahasi_push_turns Pushes written at once: turns free, most allowed (none free: phones wait)."
        );
        let _ = writeln!(out, "# TYPE ayahasi_push_turns gauge");
        let _ = writeln!(out, "ayahasi_push_turns{{state=\"free\"}} {free}");
        let _ = writeln!(out, "ayahasi_push_turns{{state=\"max\"}} {max}");
        out
    }
}
