//! Which addresses the handoff may listen on: private networks only, so the
//! link never reaches past the Wi-Fi or the hotspot the phone shares.

use std::net::{IpAddr, Ipv4Addr};

use super::HandoffError;

/// RFC 1918, link-local and loopback (IPv4); loopback, link-local
/// (`fe80::/10`) and unique local (`fc00::/7`) (IPv6). Never the unspecified
/// address, which would listen on every interface, public ones included.
pub fn is_private(addr: IpAddr) -> bool {
    match addr {
        IpAddr::V4(v4) => v4.is_private() || v4.is_link_local() || v4.is_loopback(),
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            v6.is_loopback() || (first & 0xffc0) == 0xfe80 || (first & 0xfe00) == 0xfc00
        }
    }
}

/// This computer's address on a private IPv4 network, the one a phone on the
/// same Wi-Fi or hotspot reaches: an RFC 1918 address before a link-local one.
pub fn local_address() -> Result<IpAddr, HandoffError> {
    let addrs = nix::ifaddrs::getifaddrs().map_err(|_| HandoffError::NoPrivateAddress)?;
    let v4: Vec<Ipv4Addr> = addrs.filter_map(|a| a.address.and_then(|s| s.as_sockaddr_in().map(|s| s.ip()))).collect();
    pick(&v4).map(IpAddr::V4).ok_or(HandoffError::NoPrivateAddress)
}

/// The address to offer among an interface list's.
fn pick(addrs: &[Ipv4Addr]) -> Option<Ipv4Addr> {
    addrs.iter().find(|a| a.is_private()).or_else(|| addrs.iter().find(|a| a.is_link_local())).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_private_networks_are_allowed() {
        for ok in ["192.168.0.7", "10.1.2.3", "172.16.0.1", "172.31.255.254", "169.254.3.4", "127.0.0.1", "::1"] {
            assert!(is_private(ok.parse().unwrap()), "{ok}");
        }
        for ok in ["fe80::1", "fd12:3456::1"] {
            assert!(is_private(ok.parse().unwrap()), "{ok}");
        }
        for public in ["0.0.0.0", "8.8.8.8", "172.32.0.1", "100.64.0.1", "::", "2001:db8::1", "::ffff:8.8.8.8"] {
            assert!(!is_private(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn a_wifi_address_is_offered_before_link_local_and_never_loopback_or_public() {
        let wifi: Ipv4Addr = "192.168.1.20".parse().unwrap();
        let link_local: Ipv4Addr = "169.254.9.9".parse().unwrap();
        let lo = Ipv4Addr::LOCALHOST;
        let public: Ipv4Addr = "203.0.113.5".parse().unwrap();
        assert_eq!(pick(&[lo, public, link_local, wifi]), Some(wifi));
        assert_eq!(pick(&[lo, link_local]), Some(link_local));
        assert_eq!(pick(&[lo, public]), None);
    }
}
