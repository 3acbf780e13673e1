//! What every handler and page reads: the pool, the settings, the locales, the metrics,
//! the rate limits and the push turns.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

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
    /// Each device's pushes under way (at most `pushes_per_device`).
    device_pushes: Arc<Mutex<HashMap<i64, usize>>>,
    /// Each device's kibibytes pushed, refilled over a day (`push_kib_per_day`).
    push_quota: Arc<governor::DefaultKeyedRateLimiter<i64>>,
}

/// A device's push under way, counted until it is dropped.
pub(super) struct DevicePush {
    pushes: Arc<Mutex<HashMap<i64, usize>>>,
    device: i64,
}

impl Drop for DevicePush {
    fn drop(&mut self) {
        let mut pushes = self.pushes.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = pushes.get_mut(&self.device) {
            *count -= 1;
            if *count == 0 {
                pushes.remove(&self.device);
            }
        }
    }
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
    /// Pushes one device may have under way at once (a phone sends one at a time; a
    /// try again may overlap the one its dropped line left behind).
    pub pushes_per_device: usize,
    /// What one device may push in a day, unpacked, in KiB: far beyond a cadre's whole
    /// history (a few MB), so only a stolen token or a phone gone wrong meets it.
    pub push_kib_per_day: u32,
    /// Served over HTTPS: cookies are marked `Secure`.
    pub secure_cookies: bool,
    /// A connection's request headers must arrive within this (an idle kept-alive
    /// connection is closed after as long).
    pub header_read: Duration,
    /// Connections one client address may hold open at once.
    pub connections_per_address: usize,
    /// Reverse proxies whose `X-Forwarded-For` names the client (see `client`).
    pub trusted_proxies: Vec<IpAddr>,
    /// `/metrics` answers a request carrying this as its bearer token; without one,
    /// only a request from this machine that did not come through a proxy.
    pub metrics_token: Option<String>,
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
            pushes_per_device: 3,
            push_kib_per_day: 100 * 1024,
            secure_cookies: false,
            header_read: Duration::from_secs(30),
            connections_per_address: 64,
            trusted_proxies: Vec::new(),
            metrics_token: None,
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
            connections_per_address: config.connections_per_address,
            trusted_proxies: config.trusted_proxies.clone(),
            metrics_token: config.metrics_token.clone(),
            ..default
        }
    }
}

/// Attempts per client address: a burst of `per_minute`, then one every
/// `60 / per_minute` seconds (GCRA, by `governor`).
#[derive(Clone)]
struct Attempts(Arc<governor::DefaultKeyedRateLimiter<IpAddr>>);

impl Attempts {
    fn per_minute(per_minute: usize) -> Self {
        let burst = u32::try_from(per_minute)
            .ok()
            .and_then(NonZeroU32::new)
            .unwrap_or(NonZeroU32::MIN);
        Self(Arc::new(governor::RateLimiter::keyed(
            governor::Quota::per_minute(burst),
        )))
    }

    /// Counts an attempt; false when this address is over its limit.
    fn allow(&self, from: IpAddr) -> bool {
        // Addresses back to a full allowance are forgotten now and then: the map stays
        // small whatever addresses an attacker sends from.
        if self.0.len() > FORGET_ABOVE {
            self.0.retain_recent();
        }
        self.0.check_key(&from).is_ok()
    }
}

/// `per_day` a day, all of it at once if need be, refilled evenly over the day.
fn daily(per_day: u32) -> governor::Quota {
    let per_day = NonZeroU32::new(per_day).unwrap_or(NonZeroU32::MIN);
    let refill = Duration::from_secs(86_400) / per_day.get();
    governor::Quota::with_period(refill.max(Duration::from_nanos(1)))
        .unwrap_or_else(|| governor::Quota::per_second(NonZeroU32::MIN))
        .allow_burst(per_day)
}

/// Addresses remembered by a limiter before those at full allowance are forgotten.
const FORGET_ABOVE: usize = 10_000;

impl AppState {
    /// Fails only if the locale files are broken (a build defect, caught by tests).
    pub fn new(pool: Pool, settings: Settings) -> Result<Self, I18nError> {
        let push_writers = Arc::new(Semaphore::new(settings.push_writers));
        let kib = (settings.push_bytes_in_flight / 1024).clamp(1, Semaphore::MAX_PERMITS);
        let push_kib_in_flight = Arc::new(Semaphore::new(kib));
        Ok(Self {
            pool,
            localizer: Arc::new(Localizer::load()?),
            metrics: crate::metrics::Metrics::default(),
            replica: None,
            pairing_attempts: Attempts::per_minute(settings.pairing_per_minute),
            login_attempts: Attempts::per_minute(settings.logins_per_minute),
            push_writers,
            push_kib_in_flight,
            device_pushes: Arc::default(),
            push_quota: Arc::new(governor::RateLimiter::keyed(daily(
                settings.push_kib_per_day,
            ))),
            settings,
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

    /// A push of `device` starts; `None` when it already has its share under way.
    pub(super) fn start_push(&self, device: i64) -> Option<DevicePush> {
        let mut pushes = self.device_pushes.lock().unwrap_or_else(|p| p.into_inner());
        let count = pushes.entry(device).or_default();
        if *count >= self.settings.pushes_per_device {
            return None;
        }
        *count += 1;
        Some(DevicePush {
            pushes: Arc::clone(&self.device_pushes),
            device,
        })
    }

    /// Counts `bytes` pushed by `device` against its day; false when over.
    pub(super) fn allow_push_bytes(&self, device: i64, bytes: usize) -> bool {
        if self.push_quota.len() > FORGET_ABOVE {
            self.push_quota.retain_recent();
        }
        let kib = u32::try_from(bytes.div_ceil(1024))
            .unwrap_or(u32::MAX)
            .max(1);
        let Some(kib) = NonZeroU32::new(kib) else {
            return true;
        };
        matches!(self.push_quota.check_key_n(&device, kib), Ok(Ok(())))
    }

    pub(super) fn allow_pairing(&self, from: IpAddr) -> bool {
        self.pairing_attempts.allow(from)
    }

    /// Counts a login attempt from `from`; false when over the limit.
    pub fn allow_login(&self, from: IpAddr) -> bool {
        self.login_attempts.allow(from)
    }
}
