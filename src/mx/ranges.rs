//! Addresses a sender on the Internet cannot reach: the blocks of the IANA IPv4 and IPv6
//! Special-Purpose Address Registries (RFC 6890, updated by RFC 8190) that are not globally
//! reachable, plus multicast (RFC 5771, RFC 4291 §2.7), which no SMTP server can listen on.

use std::net::IpAddr;
#[cfg(test)]
use std::net::{Ipv4Addr, Ipv6Addr};

use serde::Serialize;

/// A special-purpose block, as the registry names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SpecialBlock {
    /// The block in CIDR notation, e.g. `10.0.0.0/8`.
    pub block: &'static str,
    /// The registry's name for it, e.g. `Private-Use`.
    pub name: &'static str,
    /// Where it is defined.
    pub rfc: &'static str,
}

/// Blocks within the blocks below that are globally reachable: (block, name, RFC).
const REACHABLE: &[(&str, &str, &str)] = &[
    ("192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723"),
    (
        "192.0.0.10/32",
        "Traversal Using Relays around NAT Anycast",
        "RFC 8155",
    ),
    // Teredo is not decided ("N/A") in the registry; an address in it may well answer.
    ("2001::/32", "TEREDO", "RFC 4380"),
    ("2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723"),
    (
        "2001:1::2/128",
        "Traversal Using Relays around NAT Anycast",
        "RFC 8155",
    ),
    ("2001:3::/32", "AMT", "RFC 7450"),
    ("2001:4:112::/48", "AS112-v6", "RFC 7535"),
    ("2001:20::/28", "ORCHIDv2", "RFC 7343"),
    (
        "2001:30::/28",
        "Drone Remote ID Protocol Entity Tags (DETs) Prefix",
        "RFC 9374",
    ),
];

/// Blocks no sender on the Internet reaches: (block, name, RFC). The registries' names; a few
/// explained in brackets.
const UNREACHABLE: &[(&str, &str, &str)] = &[
    ("0.0.0.0/8", "\"This network\"", "RFC 791 §3.2"),
    ("10.0.0.0/8", "Private-Use", "RFC 1918"),
    (
        "100.64.0.0/10",
        "Shared Address Space (carrier-grade NAT)",
        "RFC 6598",
    ),
    ("127.0.0.0/8", "Loopback", "RFC 1122 §3.2.1.3"),
    ("169.254.0.0/16", "Link Local", "RFC 3927"),
    ("172.16.0.0/12", "Private-Use", "RFC 1918"),
    ("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890 §2.1"),
    ("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737"),
    (
        "192.88.99.0/24",
        "Deprecated (6to4 Relay Anycast)",
        "RFC 7526",
    ),
    ("192.168.0.0/16", "Private-Use", "RFC 1918"),
    ("198.18.0.0/15", "Benchmarking", "RFC 2544"),
    ("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737"),
    ("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737"),
    ("224.0.0.0/4", "Multicast", "RFC 5771"),
    ("255.255.255.255/32", "Limited Broadcast", "RFC 919 §7"),
    ("240.0.0.0/4", "Reserved", "RFC 1112 §4"),
    ("::/128", "Unspecified Address", "RFC 4291 §2.5.2"),
    ("::1/128", "Loopback Address", "RFC 4291 §2.5.3"),
    ("::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291 §2.5.5.2"),
    (
        "64:ff9b:1::/48",
        "IPv4-IPv6 Translation (local use)",
        "RFC 8215",
    ),
    ("100::/64", "Discard-Only Address Block", "RFC 6666"),
    ("2001:2::/48", "Benchmarking", "RFC 5180"),
    ("2001:10::/28", "Deprecated (previously ORCHID)", "RFC 4843"),
    ("2001::/23", "IETF Protocol Assignments", "RFC 2928"),
    ("2001:db8::/32", "Documentation", "RFC 3849"),
    ("3fff::/20", "Documentation", "RFC 9637"),
    ("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602"),
    ("fc00::/7", "Unique-Local", "RFC 4193"),
    ("fe80::/10", "Link-Local Unicast", "RFC 4291 §2.5.6"),
    ("fec0::/10", "Deprecated (site-local)", "RFC 3879"),
    ("ff00::/8", "Multicast", "RFC 4291 §2.7"),
];

/// The block that makes `ip` unreachable from the Internet, or `None` for an address a sender
/// can reach (as far as the registries say).
pub fn special_block(ip: IpAddr) -> Option<SpecialBlock> {
    if REACHABLE.iter().any(|&(block, _, _)| contains(block, ip)) {
        return None;
    }
    UNREACHABLE
        .iter()
        .find(|&&(block, _, _)| contains(block, ip))
        .map(|&(block, name, rfc)| SpecialBlock { block, name, rfc })
}

/// Whether the CIDR block `block` (from the tables above) holds `ip`.
fn contains(block: &str, ip: IpAddr) -> bool {
    let Some((network, prefix)) = cidr(block) else {
        return false;
    };
    let (ip, network, bits) = match (ip, network) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            (u128::from(u32::from(ip)), u128::from(u32::from(net)), 32)
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => (u128::from(ip), u128::from(net), 128),
        _ => return false,
    };
    let host_bits = bits - prefix;
    // A u128 shifted by 128 overflows: a /0 holds everything.
    host_bits >= 128 || ip >> host_bits == network >> host_bits
}

fn cidr(block: &str) -> Option<(IpAddr, u32)> {
    let (network, prefix) = block.split_once('/')?;
    Some((network.parse().ok()?, prefix.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn block(ip: &str) -> Option<&'static str> {
        special_block(ip.parse().unwrap()).map(|b| b.block)
    }

    #[test]
    fn every_block_parses_with_no_host_bits_set() {
        for &(block, _, _) in REACHABLE.iter().chain(UNREACHABLE) {
            let (network, prefix) = cidr(block).unwrap_or_else(|| panic!("{block}"));
            let bits = if network.is_ipv4() { 32 } else { 128 };
            assert!(prefix <= bits, "{block}");
            assert!(contains(block, network), "{block}");
            let value = match network {
                IpAddr::V4(v4) => u128::from(u32::from(v4)),
                IpAddr::V6(v6) => u128::from(v6),
            };
            let host_bits = bits - prefix;
            assert!(
                host_bits >= 128 || value.trailing_zeros() >= host_bits,
                "{block} has host bits set"
            );
        }
    }

    #[test]
    fn public_addresses_are_not_special() {
        for ip in [
            "8.8.8.8",
            "1.1.1.1",
            "100.63.255.255",
            "100.128.0.0",
            "172.32.0.1",
            "192.0.1.255",
            "192.0.0.9",
            "223.255.255.255",
            "2a00:1450:4001:82b::1b",
            "2001:4860:4860::8888",
            "2001:200::1",
            "64:ff9b::c000:201",
            "2001:1::1",
        ] {
            assert_eq!(block(ip), None, "{ip}");
        }
    }

    #[test]
    fn each_block_is_found_with_its_name() {
        for (ip, expected) in [
            ("0.1.2.3", "0.0.0.0/8"),
            ("10.255.0.1", "10.0.0.0/8"),
            ("100.64.0.1", "100.64.0.0/10"),
            ("100.127.255.254", "100.64.0.0/10"),
            ("127.0.0.1", "127.0.0.0/8"),
            ("169.254.10.1", "169.254.0.0/16"),
            ("172.31.255.255", "172.16.0.0/12"),
            ("192.0.0.8", "192.0.0.0/24"),
            ("192.0.2.25", "192.0.2.0/24"),
            ("192.168.1.1", "192.168.0.0/16"),
            ("198.19.0.1", "198.18.0.0/15"),
            ("198.51.100.7", "198.51.100.0/24"),
            ("203.0.113.200", "203.0.113.0/24"),
            ("224.0.0.251", "224.0.0.0/4"),
            ("250.1.1.1", "240.0.0.0/4"),
            ("255.255.255.255", "255.255.255.255/32"),
            ("::", "::/128"),
            ("::1", "::1/128"),
            ("::ffff:192.0.2.1", "::ffff:0:0/96"),
            ("64:ff9b:1::1", "64:ff9b:1::/48"),
            ("100::1", "100::/64"),
            ("2001:2::1", "2001:2::/48"),
            ("2001:db8::25", "2001:db8::/32"),
            ("2001:100::1", "2001::/23"),
            ("3fff:fff::1", "3fff::/20"),
            ("fd00::1", "fc00::/7"),
            ("fe80::1", "fe80::/10"),
            ("fec0::1", "fec0::/10"),
            ("ff02::1", "ff00::/8"),
        ] {
            assert_eq!(block(ip), Some(expected), "{ip}");
        }
    }

    proptest! {
        /// Whatever std already knows to be unreachable, the table knows too.
        #[test]
        fn agrees_with_std_v4(bits in any::<u32>()) {
            let ip = Ipv4Addr::from(bits);
            let std_special = ip.is_private() || ip.is_loopback() || ip.is_link_local()
                || ip.is_documentation() || ip.is_multicast() || ip.is_broadcast()
                || ip.is_unspecified();
            if std_special {
                prop_assert!(special_block(ip.into()).is_some(), "{ip}");
            }
        }

        #[test]
        fn agrees_with_std_v6(bits in any::<u128>()) {
            let ip = Ipv6Addr::from(bits);
            let std_special = ip.is_loopback() || ip.is_unspecified() || ip.is_multicast()
                || ip.is_unique_local() || ip.is_unicast_link_local();
            if std_special {
                prop_assert!(special_block(ip.into()).is_some(), "{ip}");
            }
        }

        /// The same holds at the edges of std's blocks, which random bits rarely hit.
        #[test]
        fn agrees_with_std_in_std_blocks(low in any::<u32>(), which in 0usize..6) {
            // 10/8, 172.16/12, 192.168/16, 127/8, 169.254/16, 224/4: (network, host mask).
            let blocks = [
                (0x0a00_0000_u32, 0x00ff_ffff_u32),
                (0xac10_0000, 0x000f_ffff),
                (0xc0a8_0000, 0x0000_ffff),
                (0x7f00_0000, 0x00ff_ffff),
                (0xa9fe_0000, 0x0000_ffff),
                (0xe000_0000, 0x0fff_ffff),
            ];
            let (network, mask) = blocks[which];
            let ip = Ipv4Addr::from(network | (low & mask));
            let std_special = ip.is_private() || ip.is_loopback() || ip.is_link_local()
                || ip.is_multicast();
            prop_assert!(std_special, "{ip}");
            prop_assert!(special_block(ip.into()).is_some(), "{ip}");
        }
    }
}
