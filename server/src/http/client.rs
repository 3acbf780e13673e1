//! Who a request is from. Without a proxy, the address that connected. Behind a reverse
//! proxy named in the settings (`AYAH_ASI_TRUSTED_PROXY`), the address the proxy put in
//! `X-Forwarded-For`: read from the right, the first entry that is not itself a trusted
//! proxy (entries further left are the client's own word and could be anything). Rate
//! limits, the audit trail and `/metrics` all ask here.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use super::{AppState, Settings};

/// The header a reverse proxy names the client in.
pub const FORWARDED_FOR: &str = "x-forwarded-for";
/// Headers a proxy may name a client in: their presence from an untrusted peer means a
/// proxy nobody told the server about (see `observe::show`).
pub const FORWARDING_HEADERS: [&str; 3] = [FORWARDED_FOR, "forwarded", "x-real-ip"];

/// An `X-Forwarded-For` entry: an address, perhaps with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:5678`).
fn entry_address(entry: &str) -> Option<IpAddr> {
    if let Ok(address) = entry.parse::<IpAddr>() {
        return Some(address.to_canonical());
    }
    if let Ok(socket) = entry.parse::<SocketAddr>() {
        return Some(socket.ip().to_canonical());
    }
    None
}

/// The bearer token a request carries (`Authorization: Bearer …`): a device's, or a
/// metrics scraper's.
pub fn bearer(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
}

/// Whether the request carries any header a proxy names a client in.
pub fn names_a_client(headers: &axum::http::HeaderMap) -> bool {
    FORWARDING_HEADERS.iter().any(|h| headers.contains_key(*h))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client {
    pub address: IpAddr,
    /// The request came through a trusted proxy.
    pub through_proxy: bool,
}

impl Client {
    /// The client of a request that came from `peer` with these headers.
    pub fn of(peer: IpAddr, headers: &axum::http::HeaderMap, settings: &Settings) -> Self {
        let peer = peer.to_canonical();
        if !settings.trusted_proxies.contains(&peer) {
            return Self {
                address: peer,
                through_proxy: false,
            };
        }
        let named: Vec<&str> = headers
            .get_all(FORWARDED_FOR)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        let client = named
            .iter()
            .rev()
            .map(|entry| entry_address(entry))
            .find(|entry| entry.is_none_or(|a| !settings.trusted_proxies.contains(&a)))
            .flatten();
        Self {
            // Nothing usable named: the proxy's own address (its clients share a limit).
            address: client.unwrap_or(peer),
            through_proxy: true,
        }
    }

    /// The client of the request whose parts these are.
    pub fn of_parts(parts: &Parts, settings: &Settings) -> Self {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([0, 0, 0, 0]), |info| info.0.ip());
        Self::of(peer, &parts.headers, settings)
    }
}

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self::of_parts(parts, &state.settings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::address::limit_key;
    use axum::http::{HeaderMap, HeaderValue};

    fn headers(values: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for v in values {
            map.append(FORWARDED_FOR, HeaderValue::from_str(v).unwrap());
        }
        map
    }

    #[test]
    fn only_a_trusted_proxy_names_the_client_and_only_its_own_entry_counts() {
        let proxy: IpAddr = "127.0.0.1".parse().unwrap();
        let settings = Settings {
            trusted_proxies: vec![proxy],
            ..Settings::default()
        };
        let phone: IpAddr = "36.80.1.2".parse().unwrap();
        // Straight from a phone: what it claims is ignored.
        let claimed = headers(&["10.0.0.9"]);
        assert_eq!(Client::of(phone, &claimed, &settings).address, phone);
        // Through the proxy: the rightmost entry, the one the proxy added.
        let forwarded = headers(&["1.2.3.4, 36.80.1.2"]);
        let client = Client::of(proxy, &forwarded, &settings);
        assert_eq!((client.address, client.through_proxy), (phone, true));
        // Two header lines, the proxy's own address last: skipped.
        let twice = headers(&["1.2.3.4", "36.80.1.2, 127.0.0.1"]);
        assert_eq!(Client::of(proxy, &twice, &settings).address, phone);
        // With a port, or as IPv4 mapped into IPv6: the same client.
        let ported = headers(&["36.80.1.2:51234"]);
        assert_eq!(Client::of(proxy, &ported, &settings).address, phone);
        let mapped: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert_eq!(Client::of(mapped, &forwarded, &settings).address, phone);
        // Limits count IPv6 by its /64.
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(limit_key(one), limit_key(other));
        assert_ne!(
            limit_key(one),
            limit_key("2001:db8:1:3::1".parse().unwrap())
        );
        assert_eq!(limit_key(mapped), proxy);
        // Junk where the client should be: the proxy's own address, never the junk's left.
        let junk = headers(&["1.2.3.4, not-an-address"]);
        assert_eq!(Client::of(proxy, &junk, &settings).address, proxy);
        assert_eq!(
            Client::of(proxy, &HeaderMap::new(), &settings).address,
            proxy
        );
        // No proxy configured: the peer, whatever the header says.
        let plain = Client::of(proxy, &forwarded, &Settings::default());
        assert_eq!((plain.address, plain.through_proxy), (proxy, false));
    }
}
