//! Who the client is behind reverse proxies: the trusted proxies
//! (`PARTICIPE_TRUSTED_PROXIES`) and the parsing of `X-Forwarded-For` and
//! `Forwarded` (RFC 7239). Pure: the middleware (`super::client_address`)
//! feeds it the TCP peer and the headers.
//!
//! A header is believed only when the TCP peer is a trusted proxy, and then
//! only as far as the chain of trusted proxies goes: the client is the
//! right-most hop that is not a trusted proxy. Everything to its left was
//! written by the client itself and may be forged.

use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

/// The proxies whose forwarding headers are believed: addresses and networks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Reads a comma-separated list of addresses and CIDR networks
    /// (`127.0.0.1, 10.0.0.0/8, ::1`); the entry it cannot read is the error.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| entry.to_owned())
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }
}

/// One hop of a forwarding chain: an address, or a node the proxy did not
/// name (`unknown`, an obfuscated `_name`, garbage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hop {
    Ip(IpAddr),
    Unknown,
}

/// Reads one node: `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:80`,
/// `2001:db8::1`, possibly quoted.
fn node(raw: &str) -> Hop {
    let raw = raw.trim().trim_matches('"').trim();
    if let Ok(ip) = raw.parse::<IpAddr>() {
        return Hop::Ip(ip.to_canonical());
    }
    if let Ok(sock) = raw.parse::<SocketAddr>() {
        return Hop::Ip(sock.ip().to_canonical());
    }
    match raw.strip_prefix('[').and_then(|r| r.split(']').next()) {
        Some(inner) => inner
            .parse::<IpAddr>()
            .map_or(Hop::Unknown, |ip| Hop::Ip(ip.to_canonical())),
        None => Hop::Unknown,
    }
}

/// The hops of every `X-Forwarded-For` header, left (farthest) to right.
pub fn x_forwarded_for<'a>(headers: impl IntoIterator<Item = &'a str>) -> Vec<Hop> {
    headers
        .into_iter()
        .flat_map(|h| h.split(','))
        .filter(|s| !s.trim().is_empty())
        .map(node)
        .collect()
}

/// Splits `s` at `sep` outside double-quoted strings (RFC 7230 quoted-string,
/// with backslash escapes).
fn split_unquoted(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quoted, mut escaped) = (0, false, false);
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c == sep && !quoted => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

/// The `for=` hops of every `Forwarded` header (RFC 7239), left to right. An
/// element without `for=` is a hop nobody named.
pub fn forwarded<'a>(headers: impl IntoIterator<Item = &'a str>) -> Vec<Hop> {
    headers
        .into_iter()
        .flat_map(|h| split_unquoted(h, ','))
        .filter(|element| !element.trim().is_empty())
        .map(|element| {
            split_unquoted(element, ';')
                .into_iter()
                .find_map(|pair| {
                    let (name, value) = pair.split_once('=')?;
                    name.trim().eq_ignore_ascii_case("for").then(|| node(value))
                })
                .unwrap_or(Hop::Unknown)
        })
        .collect()
}

/// The client's address. `peer` is the TCP peer; `hops` the forwarding chain
/// (see [`chain`]). Walking from the right, trusted proxies are skipped; the
/// first other address is the client. A hop nobody named stops the walk at
/// the proxy that reported it, so such clients share that proxy's address
/// rather than choosing their own.
pub fn client_address(peer: IpAddr, hops: &[Hop], trusted: &TrustedProxies) -> IpAddr {
    let mut client = peer.to_canonical();
    if !trusted.contains(client) {
        return client;
    }
    for hop in hops.iter().rev() {
        match *hop {
            Hop::Ip(ip) => {
                client = ip;
                if !trusted.contains(ip) {
                    break;
                }
            }
            Hop::Unknown => break,
        }
    }
    client
}

/// The forwarding chain a request carries: `X-Forwarded-For` when present
/// (what nginx and Caddy set, appending to what the client sent), else
/// `Forwarded`. Preferring the header every common proxy writes means a
/// client cannot slip in the other one unchecked.
pub fn chain<'a>(x_forwarded_for_headers: &[&'a str], forwarded_headers: &[&'a str]) -> Vec<Hop> {
    if x_forwarded_for_headers.is_empty() {
        forwarded(forwarded_headers.iter().copied())
    } else {
        x_forwarded_for(x_forwarded_for_headers.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn proxies(list: &str) -> TrustedProxies {
        TrustedProxies::parse(list).unwrap()
    }

    #[test]
    fn trusted_proxies_are_addresses_and_networks() {
        let t = proxies(" 127.0.0.1, 10.0.0.0/8 ,::1,, 2001:db8::/32");
        assert!(t.contains(ip("127.0.0.1")));
        assert!(t.contains(ip("10.20.30.40")));
        assert!(t.contains(ip("::1")));
        assert!(t.contains(ip("2001:db8::5")));
        assert!(t.contains(ip("::ffff:10.1.1.1")), "an IPv4-mapped peer");
        assert!(!t.contains(ip("127.0.0.2")));
        assert!(!t.contains(ip("192.0.2.1")));
        assert_eq!(
            TrustedProxies::parse("10.0.0.0/8, nginx"),
            Err("nginx".into())
        );
        assert!(TrustedProxies::parse("").unwrap().is_empty());
    }

    #[test]
    fn x_forwarded_for_lists_every_hop() {
        assert_eq!(
            x_forwarded_for([
                "203.0.113.7, [2001:db8::1]:80",
                "198.51.100.2:4711, unknown"
            ]),
            vec![
                Hop::Ip(ip("203.0.113.7")),
                Hop::Ip(ip("2001:db8::1")),
                Hop::Ip(ip("198.51.100.2")),
                Hop::Unknown
            ]
        );
    }

    #[test]
    fn forwarded_reads_for_with_quotes_ports_and_other_parameters() {
        let hops = forwarded([
            r#"for=192.0.2.60;proto=http;by=203.0.113.43, For="[2001:db8:cafe::17]:4711""#,
            r#"for=unknown, proto=https, for="_hidden;x,y", for=198.51.100.9"#,
        ]);
        assert_eq!(
            hops,
            vec![
                Hop::Ip(ip("192.0.2.60")),
                Hop::Ip(ip("2001:db8:cafe::17")),
                Hop::Unknown,
                Hop::Unknown,
                Hop::Unknown,
                Hop::Ip(ip("198.51.100.9")),
            ]
        );
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let hops = x_forwarded_for(["203.0.113.7"]);
        assert_eq!(
            client_address(ip("192.0.2.1"), &hops, &proxies("10.0.0.0/8")),
            ip("192.0.2.1")
        );
        assert_eq!(
            client_address(ip("192.0.2.1"), &hops, &TrustedProxies::default()),
            ip("192.0.2.1")
        );
    }

    #[test]
    fn behind_trusted_proxies_the_right_most_untrusted_hop_is_the_client() {
        let t = proxies("10.0.0.0/8");
        // The client forged "1.1.1.1"; nginx appended the real one.
        let hops = x_forwarded_for(["1.1.1.1, 203.0.113.7, 10.0.0.5"]);
        assert_eq!(client_address(ip("10.0.0.2"), &hops, &t), ip("203.0.113.7"));
        // Only trusted hops: the farthest one.
        let hops = x_forwarded_for(["10.0.0.9, 10.0.0.5"]);
        assert_eq!(client_address(ip("10.0.0.2"), &hops, &t), ip("10.0.0.9"));
        // No header at all: the proxy itself.
        assert_eq!(client_address(ip("10.0.0.2"), &[], &t), ip("10.0.0.2"));
        // An unnamed hop: the proxy that reported it.
        let hops = x_forwarded_for(["1.1.1.1, unknown, 10.0.0.5"]);
        assert_eq!(client_address(ip("10.0.0.2"), &hops, &t), ip("10.0.0.5"));
    }

    #[test]
    fn x_forwarded_for_wins_over_forwarded() {
        let hops = chain(&["203.0.113.7"], &["for=1.1.1.1"]);
        assert_eq!(hops, vec![Hop::Ip(ip("203.0.113.7"))]);
        let hops = chain(&[], &["for=198.51.100.9"]);
        assert_eq!(hops, vec![Hop::Ip(ip("198.51.100.9"))]);
    }

    mod never_panic {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn on_any_header(xff in ".{0,200}", fwd in ".{0,200}", raw in proptest::collection::vec(any::<u8>(), 0..200)) {
                let t = TrustedProxies::parse("0.0.0.0/0, ::/0").unwrap();
                let bytes = String::from_utf8_lossy(&raw).into_owned();
                for (x, f) in [(xff.as_str(), fwd.as_str()), (bytes.as_str(), bytes.as_str())] {
                    let hops = chain(&[x], &[f]);
                    let _ = client_address("10.0.0.1".parse().unwrap(), &hops, &t);
                    let _ = forwarded([f, x]);
                    let _ = TrustedProxies::parse(x);
                }
            }

            #[test]
            fn on_forwarded_shaped_headers(parts in proptest::collection::vec("(for|by|proto)?=?\"?\\[?[0-9a-f:.]{0,20}\\]?(:[0-9]{0,6})?\"?[;,]?", 0..8)) {
                let header = parts.concat();
                let hops = forwarded([header.as_str()]);
                prop_assert!(hops.len() <= header.len() + 1);
            }
        }
    }
}
