//! Fixture records of about 63 KB made of bad terms (RFC 7208, RFC 6376, RFC 8461, RFC 8460):
//! nearly the most one TXT answer holds (64 KiB, less the name and the headers), each term a
//! problem of its own. Shared by the tests of the per-record finding cap and the `record_caps`
//! benchmark.

#![allow(dead_code)]

use super::dns_server::Zone;

/// The size of each record: what a 64 KiB TCP answer holds with room for the name and headers.
pub const RECORD_SIZE: usize = 63_000;

/// The domain the zones publish the records for.
pub const DOMAIN: &str = "example.com";

/// `head`, then `terms` round and round, joined by `sep`, up to `size` bytes.
pub fn repeated(size: usize, head: &str, sep: &str, terms: &[&str]) -> String {
    let mut text = head.to_string();
    for term in terms.iter().cycle() {
        if text.len() + sep.len() + term.len() > size {
            break;
        }
        text.push_str(sep);
        text.push_str(term);
    }
    text
}

/// An SPF record of unknown mechanisms, `ptr`, too broad networks, unknown modifiers, bad
/// prefixes and bad macros.
pub fn spf() -> String {
    let terms = [
        "x",
        "ptr",
        "ip4:0.0.0.0/1",
        "foo=bar",
        "ip4:192.0.2.1/33",
        "a:%{z}",
    ];
    repeated(RECORD_SIZE, "v=spf1 -all", " ", &terms)
}

/// A DKIM key record of `size` bytes whose elements are not `tag=value`.
pub fn dkim(size: usize) -> String {
    repeated(size, "v=DKIM1; p=MIIB", "; ", &["x", "a b=c", ""])
}

/// An `_mta-sts` record of unknown, repeated and malformed fields.
pub fn mta_sts() -> String {
    repeated(
        RECORD_SIZE,
        "v=STSv1; id=1",
        "; ",
        &["a=1", "b c", "id=2", "x=a b"],
    )
}

/// A TLS-RPT record whose `rua` lists thousands of URIs that are not, then unknown, repeated
/// and malformed fields.
pub fn tls_rpt() -> String {
    let rua = repeated(
        RECORD_SIZE / 2,
        "v=TLSRPTv1; rua=mailto:tls@example.com",
        ",",
        &["x", "ftp://y"],
    );
    repeated(RECORD_SIZE, &rua, "; ", &["a=1", "b c", "rua=mailto:x@y"])
}

/// A DMARC record whose `rua` sends reports to one unauthorised address over and over (a
/// finding per address), and a few hundred unknown tags.
pub fn dmarc() -> String {
    let rua = repeated(
        RECORD_SIZE / 2,
        "v=DMARC1; p=reject; rua=mailto:d@reports.example.net",
        ",",
        &["mailto:d@reports.example.net"],
    );
    repeated(RECORD_SIZE, &rua, "; ", &["x=1"])
}

/// The four records, by the area `check` reports them in.
pub const AREAS: [&str; 4] = ["spf", "dkim", "mta_sts", "tls_rpt"];

/// `example.com` publishing the huge record of each of `areas` (names from [`AREAS`], or
/// `dmarc`) where `check` looks for it: the apex, the `default` DKIM selector, `_mta-sts`,
/// `_smtp._tls` and `_dmarc`.
pub fn zone(areas: &[&str]) -> Zone {
    let mut z = Zone::new();
    for area in areas {
        let (name, text) = match *area {
            "spf" => (DOMAIN.to_string(), spf()),
            "dkim" => (format!("default._domainkey.{DOMAIN}"), dkim(RECORD_SIZE)),
            "mta_sts" => (format!("_mta-sts.{DOMAIN}"), mta_sts()),
            "tls_rpt" => (format!("_smtp._tls.{DOMAIN}"), tls_rpt()),
            "dmarc" => (format!("_dmarc.{DOMAIN}"), dmarc()),
            other => panic!("no huge record for {other}"),
        };
        z.txt_split(&name, &text);
    }
    z
}
