//! The key an address is counted under by the rate and connection limits.

use std::net::IpAddr;

/// The address limits count by: IPv4 as it is (an IPv4 address mapped into IPv6 as its
/// IPv4), IPv6 by its /64 (one subscriber's share: a phone can change the rest at will).
pub fn limit_key(address: IpAddr) -> IpAddr {
    match address.to_canonical() {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(std::net::Ipv6Addr::from(bits))
        }
        v4 => v4,
    }
}
