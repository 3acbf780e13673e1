//! What the server reads from its environment, checked at start with clear errors.

use std::net::SocketAddr;

/// The PostgreSQL URL, e.g. `postgres://ayahasi@127.0.0.1:5432/ayahasi`.
pub const DATABASE_URL: &str = "AYAH_ASI_DATABASE_URL";
/// Where to listen; `127.0.0.1:8080` unless set.
pub const LISTEN: &str = "AYAH_ASI_LISTEN";
/// Database connections kept open; 16 unless set.
pub const POOL_SIZE: &str = "AYAH_ASI_POOL_SIZE";
/// Pushes written at once; the others wait their turn (unread) instead of crowding the
/// database. Twice the server's CPU cores unless set.
pub const PUSH_WRITERS: &str = "AYAH_ASI_PUSH_WRITERS";
/// Pairing attempts allowed per client address per minute; 10 unless set (a training
/// day where many phones pair behind one address may need more).
pub const PAIRING_PER_MINUTE: &str = "AYAH_ASI_PAIRING_PER_MINUTE";
/// A streaming replica's URL: the dashboard reads from it while it answers.
pub const REPLICA_URL: &str = "AYAH_ASI_REPLICA_URL";
/// Minutes a dashboard session lasts without a request; 30 unless set.
pub const SESSION_IDLE_MINUTES: &str = "AYAH_ASI_SESSION_IDLE_MINUTES";
/// The puskesmas's clock for the dashboard, in hours east of UTC: 7 (WIB) unless set,
/// 8 for WITA, 9 for WIT.
pub const UTC_OFFSET_HOURS: &str = "AYAH_ASI_UTC_OFFSET_HOURS";
/// PEM files of the certificate (chain) and its private key: HTTPS when both are set.
pub const TLS_CERT: &str = "AYAH_ASI_TLS_CERT";
pub const TLS_KEY: &str = "AYAH_ASI_TLS_KEY";
/// Connections one client address may hold open at once; 64 unless set (phones behind
/// one carrier address share it).
pub const CONNECTIONS_PER_ADDRESS: &str = "AYAH_ASI_CONNECTIONS_PER_ADDRESS";
/// The reverse proxies in front of the server, comma-separated addresses (e.g.
/// `127.0.0.1`): a request from one of them is from the address its `X-Forwarded-For`
/// names. Unset: every request is from the address that connected.
pub const TRUSTED_PROXY: &str = "AYAH_ASI_TRUSTED_PROXY";
/// A token `/metrics` asks for (`Authorization: Bearer …`); unset: `/metrics` answers
/// only this machine, and never through a trusted proxy.
pub const METRICS_TOKEN: &str = "AYAH_ASI_METRICS_TOKEN";
/// Days the server keeps a family after its last record arrived; then it erases the
/// family (daily). 365 unless set, and never more: the consent text promises at most a
/// year (`family::SERVER_RETENTION_DAYS_MAX`).
pub const RETENTION_DAYS: &str = "AYAH_ASI_RETENTION_DAYS";

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub replica_url: Option<String>,
    pub listen: SocketAddr,
    pub pool_size: usize,
    pub push_writers: usize,
    pub pairing_per_minute: usize,
    pub session_idle_minutes: usize,
    pub utc_offset_hours: usize,
    /// Certificate and key files; `None`: plain HTTP (for localhost, or behind a proxy).
    pub tls: Option<(std::path::PathBuf, std::path::PathBuf)>,
    pub connections_per_address: usize,
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub metrics_token: Option<String>,
    pub retention_days: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "{DATABASE_URL} is not set: give the PostgreSQL URL, e.g. postgres://ayahasi@127.0.0.1:5432/ayahasi"
    )]
    NoDatabase,
    #[error("{TLS_CERT} and {TLS_KEY} go together: set both (PEM files) for HTTPS, or neither")]
    HalfTls,
    #[error("{name} is {value:?}: {expected}")]
    Invalid {
        name: &'static str,
        value: String,
        expected: &'static str,
    },
}

impl Config {
    /// Reads the configuration through `get` (the process environment in `main`).
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_url = get(DATABASE_URL)
            .filter(|v| !v.trim().is_empty())
            .ok_or(ConfigError::NoDatabase)?;
        let listen_text = get(LISTEN).unwrap_or_else(|| "127.0.0.1:8080".to_owned());
        let listen = listen_text.parse().map_err(|_| ConfigError::Invalid {
            name: LISTEN,
            value: listen_text.clone(),
            expected: "an address and port such as 0.0.0.0:8443",
        })?;
        let pool_size = count_setting(&get, POOL_SIZE, 16, 512, "a number from 1 to 512")?;
        let push_writers = count_setting(
            &get,
            PUSH_WRITERS,
            default_push_writers(),
            512,
            "a number from 1 to 512",
        )?;
        let pairing_per_minute = count_setting(
            &get,
            PAIRING_PER_MINUTE,
            10,
            10_000,
            "a number from 1 to 10000",
        )?;
        let session_idle_minutes = count_setting(
            &get,
            SESSION_IDLE_MINUTES,
            30,
            1440,
            "minutes from 1 to 1440",
        )?;
        let utc_offset_hours = count_setting(
            &get,
            UTC_OFFSET_HOURS,
            7,
            14,
            "hours east of UTC: 7, 8 or 9",
        )?;
        let connections_per_address = count_setting(
            &get,
            CONNECTIONS_PER_ADDRESS,
            64,
            100_000,
            "a number from 1 to 100000",
        )?;
        let most = ayah_asi_core::family::SERVER_RETENTION_DAYS_MAX;
        let retention_days = count_setting(
            &get,
            RETENTION_DAYS,
            most as usize,
            most as usize,
            "days from 1 to 365: what the mothers' consent text promises at most",
        )?;
        let retention_days = u32::try_from(retention_days).unwrap_or(most);
        let proxies = get(TRUSTED_PROXY).unwrap_or_default();
        let trusted_proxies = proxies
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<std::net::IpAddr>()
                    .map(|a| a.to_canonical())
                    .map_err(|_| ConfigError::Invalid {
                        name: TRUSTED_PROXY,
                        value: proxies.clone(),
                        expected: "addresses separated by commas, such as 127.0.0.1",
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let metrics_token = match get(METRICS_TOKEN) {
            Some(token) if token.trim().len() < 16 => {
                return Err(ConfigError::Invalid {
                    name: METRICS_TOKEN,
                    value: "(hidden)".to_owned(),
                    expected: "at least 16 characters",
                });
            }
            token => token.map(|t| t.trim().to_owned()),
        };
        let tls = match (get(TLS_CERT), get(TLS_KEY)) {
            (Some(cert), Some(key)) => Some((cert.into(), key.into())),
            (None, None) => None,
            _ => return Err(ConfigError::HalfTls),
        };
        Ok(Self {
            replica_url: get(REPLICA_URL).filter(|v| !v.trim().is_empty()),
            database_url,
            listen,
            pool_size,
            push_writers,
            pairing_per_minute,
            session_idle_minutes,
            utc_offset_hours,
            tls,
            connections_per_address,
            trusted_proxies,
            metrics_token,
            retention_days,
        })
    }
}

/// Twice the CPU cores: a push alternates between this server's work and the database's,
/// so two per core keep both busy; more only make them wait on each other's locks
/// (measured in `make bench-server`, docs/scaling.md).
fn default_push_writers() -> usize {
    std::thread::available_parallelism().map_or(4, |n| 2 * n.get())
}

/// A whole-number setting from 1 to `max`, `default` when unset.
fn count_setting(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: usize,
    max: usize,
    expected: &'static str,
) -> Result<usize, ConfigError> {
    let Some(text) = get(name) else {
        return Ok(default);
    };
    text.parse()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or(ConfigError::Invalid {
            name,
            value: text,
            expected,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_or_wrong_settings_say_what_to_set() {
        let none = Config::read(|_| None).unwrap_err();
        assert!(none.to_string().contains(DATABASE_URL));
        let bad_listen = Config::read(|k| match k {
            DATABASE_URL => Some("postgres://x@localhost/db".into()),
            LISTEN => Some("everywhere".into()),
            _ => None,
        })
        .unwrap_err();
        assert!(bad_listen.to_string().contains(LISTEN));
        let good =
            Config::read(|k| (k == DATABASE_URL).then(|| "postgres://x@localhost/db".to_owned()))
                .unwrap();
        assert_eq!(
            (good.listen.port(), good.pool_size, good.pairing_per_minute),
            (8080, 16, 10)
        );
        assert!(good.tls.is_none());
        assert!(good.push_writers >= 2, "two per core");
        let writers = Config::read(|k| match k {
            DATABASE_URL => Some("postgres://x@localhost/db".into()),
            PUSH_WRITERS => Some("0".into()),
            _ => None,
        })
        .unwrap_err();
        assert!(writers.to_string().contains(PUSH_WRITERS));
        let half = Config::read(|k| match k {
            DATABASE_URL => Some("postgres://x@localhost/db".into()),
            TLS_CERT => Some("cert.pem".into()),
            _ => None,
        })
        .unwrap_err();
        assert!(half.to_string().contains(TLS_KEY));
        let proxies = Config::read(|k| match k {
            DATABASE_URL => Some("postgres://x@localhost/db".into()),
            TRUSTED_PROXY => Some("127.0.0.1, ::1".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(proxies.trusted_proxies.len(), 2);
        assert_eq!(good.connections_per_address, 64);
        let bad_proxy = Config::read(|k| match k {
            DATABASE_URL => Some("postgres://x@localhost/db".into()),
            TRUSTED_PROXY => Some("the proxy".into()),
            _ => None,
        })
        .unwrap_err();
        assert!(bad_proxy.to_string().contains(TRUSTED_PROXY));
        let short_token = Config::read(|k| match k {
            DATABASE_URL => Some("postgres://x@localhost/db".into()),
            METRICS_TOKEN => Some("secret".into()),
            _ => None,
        })
        .unwrap_err();
        assert!(!short_token.to_string().contains("secret"), "never echoed");
    }
}
