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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client {
    pub address: IpAddr,
    /// The request came through a trusted proxy.
    pub through_proxy: bool,
}

impl Client {
    /// The client of a request that came from `peer` with these headers.
    pub fn of(peer: IpAddr, headers: &axum::http::HeaderMap, settings: &Settings) -> Self {
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
            .map(|entry| entry.parse::<IpAddr>().ok())
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
