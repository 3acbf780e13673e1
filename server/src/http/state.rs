//! What every handler and page reads: the pool, the settings, the locales, the metrics,
//! the rate limits and the push turns.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ayah_asi_core::i18n::{I18nError, Localizer};
use chrono::FixedOffset;
use deadpool_postgres::Pool;
use tokio::sync::Semaphore;

use super::address::limit_key;
use super::under_way::{Turn, UnderWay};

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
    /// Each device's pushes under way and the KiB they hold (`pushes_per_device`,
    /// `push_kib_per_device`).
    device_pushes: UnderWay<i64>,
    /// Each device's pulls under way.
    device_pulls: UnderWay<i64>,
    /// Each device's kibibytes pushed, refilled over a day (`push_kib_per_day`).
    push_quota: Arc<governor::DefaultKeyedRateLimiter<i64>>,
    /// Family codes each device asked for, refilled over a day.
    family_codes: Arc<governor::DefaultKeyedRateLimiter<i64>>,
    /// Unknown tokens per client address, and the addresses refused for a minute.
    unknown_tokens: Attempts,
    guessing: Arc<Mutex<HashMap<IpAddr, Instant>>>,
    /// The last health check's answer and when it was asked.
    health: Arc<Mutex<Option<(Instant, bool)>>>,
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
    /// KiB one device's pushes under way may hold in all (a page is 128 KB; an older
    /// app's whole bundle up to 20 MB).
    pub push_kib_per_device: u64,
    /// A push body is never waited for longer than this, whatever its length.
    pub body_max_wait: Duration,
    /// A push whose body is in waits at most this for a writer's turn, then is told
    /// "busy" (the app tries again).
    pub turn_wait: Duration,
    /// What one device may push in a day, unpacked, in KiB: far beyond a cadre's whole
    /// history (a few MB), so only a stolen token or a phone gone wrong meets it.
    pub push_kib_per_day: u32,
    /// Served over HTTPS: cookies are marked `Secure`.
    pub secure_cookies: bool,
    /// A connection's request headers must arrive within this (an idle kept-alive
    /// connection is closed after as long).
    pub header_read: Duration,
    /// Connections one client address (an IPv6 /64) may hold open at once.
    pub connections_per_address: usize,
    /// How long a request other than a push may take, its body read with it (a
    /// pairing, a pull, a dashboard page or export): a client that sends half a form and
    /// waits holds its connection no longer.
    pub request_time: Duration,
    /// Connections the server holds open at once, in all (keep the process's open-file
    /// limit above it).
    pub max_connections: usize,
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
            push_kib_per_device: 24 * 1024,
            body_max_wait: Duration::from_secs(600),
            turn_wait: Duration::from_secs(20),
            push_kib_per_day: 100 * 1024,
            secure_cookies: false,
            header_read: Duration::from_secs(30),
            connections_per_address: 64,
            max_connections: 4096,
            request_time: Duration::from_secs(120),
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

    /// Counts an attempt; false when this address (its IPv6 /64) is over its limit.
    fn allow(&self, from: IpAddr) -> bool {
        self.0.check_key(&limit_key(from)).is_ok()
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

/// Addresses refused for guessing tokens, at most (beyond, the limiter alone answers).
const FORGET_ABOVE: usize = 10_000;
/// Pulls one device may have under way at once.
const PULLS_PER_DEVICE: usize = 2;
/// Family codes one cadre's phone may ask for in a day (a busy posyandu day is a few
/// dozen).
const FAMILY_CODES_PER_DAY: u32 = 200;
/// Unknown or revoked tokens one address may send in a minute before it waits a minute.
const UNKNOWN_TOKENS_PER_MINUTE: usize = 30;
/// How long an address guessing tokens waits.
const GUESSERS_WAIT: Duration = Duration::from_secs(60);

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
            device_pushes: UnderWay::default(),
            device_pulls: UnderWay::default(),
            push_quota: Arc::new(governor::RateLimiter::keyed(daily(
                settings.push_kib_per_day,
            ))),
            family_codes: Arc::new(governor::RateLimiter::keyed(daily(FAMILY_CODES_PER_DAY))),
            unknown_tokens: Attempts::per_minute(UNKNOWN_TOKENS_PER_MINUTE),
            guessing: Arc::default(),
            health: Arc::default(),
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

    /// A push of `device` holding `kib` starts; `None` when it already has its share
    /// under way.
    pub(super) fn start_push(&self, device: i64, kib: u64) -> Option<Turn<i64>> {
        self.device_pushes.start(
            device,
            kib,
            self.settings.pushes_per_device,
            self.settings.push_kib_per_device,
        )
    }

    /// A pull of `device` starts; `None` when it already has two under way.
    pub(super) fn start_pull(&self, device: i64) -> Option<Turn<i64>> {
        self.device_pulls.start_one(device, PULLS_PER_DEVICE)
    }

    /// Counts a family code asked for by `device`; false when over its day's.
    pub(super) fn allow_family_code(&self, device: i64) -> bool {
        self.family_codes.check_key(&device).is_ok()
    }

    /// `from` sent unknown tokens beyond its limit in the last minute.
    pub(super) fn is_guessing_tokens(&self, from: IpAddr) -> bool {
        let key = limit_key(from);
        let guessing = self.guessing.lock().unwrap_or_else(|p| p.into_inner());
        guessing
            .get(&key)
            .is_some_and(|since| since.elapsed() < GUESSERS_WAIT)
    }

    /// `from` sent a token the server does not know (or one revoked).
    pub(super) fn count_unknown_token(&self, from: IpAddr) {
        if !self.unknown_tokens.allow(from) {
            let key = limit_key(from);
            let mut guessing = self.guessing.lock().unwrap_or_else(|p| p.into_inner());
            if guessing.len() < FORGET_ABOVE {
                guessing.insert(key, Instant::now());
            }
        }
    }

    /// Whether the database was current, if it was asked within the last second.
    pub(super) fn recent_health(&self) -> Option<bool> {
        let health = self.health.lock().unwrap_or_else(|p| p.into_inner());
        health
            .filter(|(at, _)| at.elapsed() < Duration::from_secs(1))
            .map(|(_, current)| current)
    }

    pub(super) fn remember_health(&self, current: bool) {
        *self.health.lock().unwrap_or_else(|p| p.into_inner()) = Some((Instant::now(), current));
    }

    /// Forgets the addresses and devices back to a full allowance: every limiter's map
    /// stays small whatever addresses an attacker sends from (run every minute).
    pub fn forget_quiet(&self) {
        self.pairing_attempts.0.retain_recent();
        self.login_attempts.0.retain_recent();
        self.unknown_tokens.0.retain_recent();
        self.push_quota.retain_recent();
        self.family_codes.retain_recent();
        let mut guessing = self.guessing.lock().unwrap_or_else(|p| p.into_inner());
        guessing.retain(|_, since| since.elapsed() < GUESSERS_WAIT);
    }

    /// Counts `bytes` pushed by `device` against its day; false when over.
    pub(super) fn allow_push_bytes(&self, device: i64, bytes: usize) -> bool {
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
