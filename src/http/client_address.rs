//! Which address a request comes from, for the sign-in throttle.
//!
//! Behind a reverse proxy every request arrives from the proxy's address, so all clients would
//! share one throttle. The proxy names the client in `X-Forwarded-For`, but any client can send
//! that header too: it is believed only when the peer is a proxy the operator named
//! (`--trusted-proxy`), and then only its rightmost address that is not itself a trusted proxy,
//! since addresses left of that one were written by the client.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap};

const FORWARDED_FOR: &str = "x-forwarded-for";

/// The client's address: the peer's, or the one a trusted proxy forwarded for.
pub fn client_address(extensions: &Extensions, headers: &HeaderMap, trusted_proxies: &[IpAddr]) -> String {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip());
    let forwarded = headers
        .get_all(FORWARDED_FOR)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    match resolve(peer, &forwarded, trusted_proxies) {
        Some(address) => address.to_string(),
        None => "unknown".to_owned(),
    }
}

/// Walks from the peer back through `forwarded` (right to left) while the hop is a trusted proxy.
/// An unreadable hop stops the walk at the last trusted one, so a client cannot hide behind
/// garbage.
fn resolve(peer: Option<IpAddr>, forwarded: &str, trusted_proxies: &[IpAddr]) -> Option<IpAddr> {
    let mut client = peer?;
    let hops = forwarded.rsplit(',').map(str::trim).filter(|hop| !hop.is_empty());
    for hop in hops {
        if !trusted_proxies.contains(&client) {
            break;
        }
        match hop.parse::<IpAddr>() {
            Ok(address) => client = address,
            Err(_) => break,
        }
    }
    Some(client)
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use std::net::IpAddr;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_a_trusted_proxy_the_header_is_ignored() {
        assert_eq!(
            resolve(Some(ip("203.0.113.9")), "198.51.100.1", &[]),
            Some(ip("203.0.113.9"))
        );
    }

    #[test]
    fn a_trusted_proxy_names_the_client() {
        let proxy = [ip("10.0.0.2")];
        assert_eq!(
            resolve(Some(ip("10.0.0.2")), "198.51.100.1", &proxy),
            Some(ip("198.51.100.1"))
        );
    }

    #[test]
    fn addresses_the_client_wrote_itself_are_not_believed() {
        // The client sent "X-Forwarded-For: 192.0.2.7"; the proxy appended the real address.
        let proxy = [ip("10.0.0.2")];
        let forwarded = "192.0.2.7, 198.51.100.1";
        assert_eq!(
            resolve(Some(ip("10.0.0.2")), forwarded, &proxy),
            Some(ip("198.51.100.1"))
        );
    }

    #[test]
    fn a_chain_of_trusted_proxies_is_walked_through() {
        let proxies = [ip("10.0.0.2"), ip("10.0.0.3")];
        let forwarded = "198.51.100.1, 10.0.0.3";
        assert_eq!(
            resolve(Some(ip("10.0.0.2")), forwarded, &proxies),
            Some(ip("198.51.100.1"))
        );
    }

    #[test]
    fn garbage_stops_at_the_last_trusted_hop() {
        let proxy = [ip("10.0.0.2")];
        assert_eq!(
            resolve(Some(ip("10.0.0.2")), "not-an-address", &proxy),
            Some(ip("10.0.0.2"))
        );
        assert_eq!(resolve(Some(ip("10.0.0.2")), "", &proxy), Some(ip("10.0.0.2")));
        assert_eq!(resolve(None, "198.51.100.1", &proxy), None);
    }
}
