//! Rules for syncing with the puskesmas server: which addresses a device may sync with,
//! what a pairing code looks like, when the next automatic sync is due, and what a sync
//! did, in the counts the user reads. The wire contract both ends speak (paths, headers,
//! bodies, refusal codes) is [`wire`]; the HTTP itself lives in the app and the server.

pub mod paging;
pub mod wire;

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::bundle::Decision;
use crate::bundle::plan::Tally;

/// No 0/O, 1/I/L: a code read aloud or typed from a screen is not misread. The server
/// makes codes from exactly these letters.
pub const CODE_ALPHABET: &str = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Codes are at least this long.
pub const MIN_CODE_LENGTH: usize = 8;
/// Longer input is not a code (and is not sent anywhere).
pub const MAX_CODE_LENGTH: usize = 32;
/// A running app syncs by itself this often while a server is paired.
pub const AUTO_SYNC_EVERY: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("the server address is empty")]
    Empty,
    #[error("the server address is not a web address: {0}")]
    NotAnAddress(String),
    /// Records of mothers and babies never cross a network unencrypted.
    #[error("plain HTTP is allowed only to this computer: {0}")]
    PlainHttp(String),
}

impl AddressError {
    /// The message id the app shows.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Empty => "error-server-address-empty",
            Self::NotAnAddress(_) => "error-server-address-invalid",
            Self::PlainHttp(_) => "error-server-address-plain-http",
        }
    }
}

/// A server address the app may sync with: `https://host[:port][/path]`, or plain
/// `http://` only to this computer (`localhost`, `127.0.0.1`, `[::1]`: tests and a
/// local install). Stored without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ServerAddress(String);

impl ServerAddress {
    pub fn parse(text: &str) -> Result<Self, AddressError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(AddressError::Empty);
        }
        let invalid = || AddressError::NotAnAddress(text.to_owned());
        // A bare host is taken as HTTPS: what a cadre types from a printed sheet.
        let with_scheme = if text.contains("://") {
            text.to_owned()
        } else {
            format!("https://{text}")
        };
        let (scheme, rest) = with_scheme.split_once("://").ok_or_else(invalid)?;
        let scheme = scheme.to_ascii_lowercase();
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.is_empty() || authority.contains('@') || rest.contains(['?', '#']) {
            return Err(invalid());
        }
        if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid());
        }
        let host = host_of(authority).ok_or_else(invalid)?;
        match scheme.as_str() {
            "https" => {}
            "http" if is_this_computer(&host) => {}
            "http" => return Err(AddressError::PlainHttp(text.to_owned())),
            _ => return Err(invalid()),
        }
        let path = rest[authority.len()..].trim_end_matches('/');
        Ok(Self(format!("{scheme}://{authority}{path}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address of an API path on this server.
    pub fn join(&self, path: &str) -> String {
        format!("{}/{}", self.0, path.trim_start_matches('/'))
    }
}

impl TryFrom<String> for ServerAddress {
    type Error = AddressError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<ServerAddress> for String {
    fn from(address: ServerAddress) -> Self {
        address.0
    }
}

/// The host of `host[:port]` or `[v6][:port]`, lower-cased; `None` when malformed.
fn host_of(authority: &str) -> Option<String> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (host, after) = v6.split_once(']')?;
        (host, after.strip_prefix(':'))
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if let Some(port) = port
        && (port.is_empty() || port.parse::<u16>().is_err())
    {
        return None;
    }
    let host = host.to_ascii_lowercase();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':');
    if host.is_empty() || !host.chars().all(allowed) {
        return None;
    }
    Some(host)
}

fn is_this_computer(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "::1")
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a pairing code has at least {MIN_CODE_LENGTH} characters")]
    TooShort,
    #[error("a pairing code has at most {MAX_CODE_LENGTH} characters")]
    TooLong,
    #[error("a pairing code has no {0:?}")]
    BadCharacter(char),
}

impl CodeError {
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::TooShort | Self::TooLong => "error-pairing-code-length",
            Self::BadCharacter(_) => "error-pairing-code-character",
        }
    }
}

/// A typed pairing code as the server knows it: spaces and dashes (a code is shown in
/// groups) dropped, letters upper-cased.
pub fn normalize_code(typed: &str) -> Result<String, CodeError> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if let Some(bad) = code.chars().find(|c| !CODE_ALPHABET.contains(*c)) {
        return Err(CodeError::BadCharacter(bad));
    }
    match code.chars().count() {
        n if n < MIN_CODE_LENGTH => Err(CodeError::TooShort),
        n if n > MAX_CODE_LENGTH => Err(CodeError::TooLong),
        _ => Ok(code),
    }
}

/// A code shown in groups of four, easier to read aloud: `ABCD-EFGH-JK`.
pub fn display_code(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// What one sync did, as the user reads it: "12 catatan terkirim, 3 diterima, 1 perlu
/// dipilih".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncCounts {
    /// Records and deletions this device sent.
    pub sent: u64,
    /// Records added, updated or deleted here from the server.
    pub received: u64,
    /// Clashes set aside for the cadre to choose.
    pub to_choose: u64,
}

/// How many records a tally says were taken: added, updated, set aside as a clash, or
/// deleted (records the other side already had do not count).
pub fn changes_in(tally: &Tally) -> u64 {
    tally
        .iter()
        .flat_map(|(table, decisions)| {
            let deletion = table.starts_with("deleted-");
            decisions.iter().filter(move |(decision, _)| {
                if deletion {
                    **decision == Decision::Deleted
                } else {
                    matches!(
                        decision,
                        Decision::New | Decision::Updated | Decision::Conflict
                    )
                }
            })
        })
        .map(|(_, count)| count)
        .sum()
}

/// Why the last sync did not finish, in the terms the status line uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum SyncFailure {
    /// No answer: no network, or the server is down.
    Unreachable,
    /// The server no longer knows this device (revoked or never paired).
    Refused,
    /// The server refused what was sent (a check failed).
    Rejected,
    /// The server answered with an error of its own (try again later).
    ServerError,
    /// This device could not read or write its own data.
    Local,
}

impl SyncFailure {
    /// Whether trying again later, unchanged, may succeed.
    pub fn is_transient(self) -> bool {
        matches!(self, Self::Unreachable | Self::ServerError)
    }
}

/// How long to wait before retrying a failed attempt within one sync: quick at first
/// (a dropped connection), then slower; `None` once the sync should give up until the
/// next scheduled one.
pub fn retry_delay(attempt: u32) -> Option<Duration> {
    match attempt {
        0 => Some(Duration::from_millis(500)),
        1 => Some(Duration::from_secs(2)),
        2 => Some(Duration::from_secs(5)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_addresses_are_kept_without_a_trailing_slash() {
        let address = ServerAddress::parse(" https://Puskesmas.example.id:8443/ayah/ ").unwrap();
        assert_eq!(address.as_str(), "https://Puskesmas.example.id:8443/ayah");
        assert_eq!(
            address.join("/api/v1/push"),
            "https://Puskesmas.example.id:8443/ayah/api/v1/push"
        );
    }

    #[test]
    fn a_bare_host_means_https() {
        assert_eq!(
            ServerAddress::parse("sync.puskesmas.id").unwrap().as_str(),
            "https://sync.puskesmas.id"
        );
    }

    #[test]
    fn plain_http_only_to_this_computer() {
        for ok in [
            "http://localhost:8080",
            "http://127.0.0.1:8080",
            "http://[::1]:8080",
            "HTTP://LOCALHOST",
        ] {
            assert!(ServerAddress::parse(ok).is_ok(), "{ok}");
        }
        for refused in [
            "http://192.168.1.10:8080",
            "http://puskesmas.id",
            "http://localhost.evil.id",
            "http://127.0.0.1.nip.io",
        ] {
            assert!(
                matches!(
                    ServerAddress::parse(refused),
                    Err(AddressError::PlainHttp(_))
                ),
                "{refused}"
            );
        }
    }

    #[test]
    fn malformed_addresses_are_refused() {
        assert_eq!(ServerAddress::parse("  "), Err(AddressError::Empty));
        for bad in [
            "ftp://x.id",
            "https://",
            "https://user@x.id",
            "https://x.id:99999",
            "https://x.id:",
            "https://x id",
            "https://x.id/?a=1",
            "https://[::1",
            "https://x_y.id",
        ] {
            assert!(
                matches!(
                    ServerAddress::parse(bad),
                    Err(AddressError::NotAnAddress(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn codes_are_read_as_typed_in_groups() {
        assert_eq!(normalize_code("abcd-efgh jk").unwrap(), "ABCDEFGHJK");
        assert_eq!(
            display_code("ABCDEFGHJK"),
            "ABCD-EFGH-JK",
            "shown in groups of four"
        );
        assert_eq!(
            normalize_code(&display_code("ABCDEFGHJK")).unwrap(),
            "ABCDEFGHJK"
        );
    }

    #[test]
    fn ambiguous_or_short_codes_are_refused() {
        assert_eq!(normalize_code("ABCDEFG"), Err(CodeError::TooShort));
        assert_eq!(
            normalize_code("ABCDEFG0"),
            Err(CodeError::BadCharacter('0'))
        );
        assert_eq!(
            normalize_code("ABCDEFGI"),
            Err(CodeError::BadCharacter('I'))
        );
        assert_eq!(normalize_code(&"A".repeat(33)), Err(CodeError::TooLong));
    }

    #[test]
    fn a_tally_counts_what_was_taken_not_what_was_known() {
        let tally: Tally = serde_json::from_str(
            r#"{"family": {"known": 1}, "massage_session": {"new": 5, "known": 7},
                "family_plan": {"updated": 1, "older": 2}, "session_rating": {"conflict": 1, "held": 1},
                "deleted-massage_session": {"deleted": 2, "known": 1}}"#,
        )
        .unwrap();
        assert_eq!(changes_in(&tally), 5 + 1 + 1 + 2);
    }

    #[test]
    fn retries_slow_down_then_stop() {
        let delays: Vec<_> = (0..5).map(retry_delay).collect();
        assert!(delays[0] < delays[1] && delays[1] < delays[2]);
        assert_eq!(delays[3], None);
        assert!(SyncFailure::Unreachable.is_transient());
        assert!(!SyncFailure::Refused.is_transient());
    }
}
