//! What every handler and page reads: the pool, the settings, the locales, the metrics,
//! the rate limits and the push turns.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ayah_asi_core::i18n::{I18nError, Localizer};
use chrono::FixedOffset;
use deadpool_postgres::Pool;
use tokio::sync::Semaphore;

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
    /// Pushes being written; the rest wait, their body in hand (see
    /// `config::PUSH_WRITERS`).
    pub(super) push_writers: Arc<Semaphore>,
    /// Kibibytes of push bodies being received or held at once, across all pushes: a
    /// push that would go beyond is told to come back (503), so slow or stalled uploads
    /// cannot fill the memory.
    pub(super) push_kib_in_flight: Arc<Semaphore>,
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
    /// A push's body must keep coming: a pause this long ends it (408, nothing written).
    pub body_idle: Duration,
    /// And it must arrive within this, plus its length at `body_min_bytes_per_second`.
    pub body_grace: Duration,
    /// The slowest line a push is waited for (a crowded 2G line gives about 2 KB/s).
    pub body_min_bytes_per_second: u64,
    /// Push bodies received or held at once, in all, in bytes.
    pub push_bytes_in_flight: usize,
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
            body_idle: Duration::from_secs(30),
            body_grace: Duration::from_secs(30),
            body_min_bytes_per_second: 512,
            push_bytes_in_flight: 256 * 1024 * 1024,
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
        let kib = (settings.push_bytes_in_flight / 1024).clamp(1, Semaphore::MAX_PERMITS);
        let push_kib_in_flight = Arc::new(Semaphore::new(kib));
        Ok(Self {
            pool,
            settings,
            localizer: Arc::new(Localizer::load()?),
            metrics: crate::metrics::Metrics::default(),
            replica: None,
            pairing_attempts: Attempts::default(),
            login_attempts: Attempts::default(),
            push_writers,
            push_kib_in_flight,
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

    pub(super) fn allow_pairing(&self, from: IpAddr) -> bool {
        self.pairing_attempts
            .allow(from, self.settings.pairing_per_minute)
    }

    /// Counts a login attempt from `from`; false when over the limit.
    pub fn allow_login(&self, from: IpAddr) -> bool {
        self.login_attempts
            .allow(from, self.settings.logins_per_minute)
    }
}
