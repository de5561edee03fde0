//! The `Received:` trace fields (RFC 5321 §4.4, RFC 5322 §3.6.7): which hop handed the message
//! to the receiving MTA, so that SPF can be evaluated for the address it connected from. Only a
//! field added by a host the user trusts is believed — anything below it may be forged.

use std::net::IpAddr;

use serde::Serialize;

/// What a trusted `Received:` field says about the connection it records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    /// Which `Received:` field, counted from the top (0 is the newest).
    pub index: usize,
    /// The host that added it (its `by` clause).
    pub by: String,
    /// The name the client gave in HELO/EHLO (the first word of its `from` clause).
    pub helo: Option<String>,
    /// The address the client connected from (the bracketed literal of its `from` clause).
    pub ip: IpAddr,
}

/// Why no hop could be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoHop {
    /// No `Received:` field was added by a trusted host.
    NotTrusted,
    /// The trusted host's field names no client address.
    NoAddress { index: usize },
}

/// The topmost `Received:` field (given unfolded, newest first) whose `by` host is one of
/// `trusted` (compared without case and trailing dot), and the client it recorded.
pub fn trusted_hop(received: &[&str], trusted: &[String]) -> Result<Hop, NoHop> {
    let trusted: Vec<String> = trusted.iter().map(|t| normalize(t)).collect();
    for (index, field) in received.iter().enumerate() {
        let Some(by) = clause(field, "by").map(normalize) else {
            continue;
        };
        if !trusted.contains(&by) {
            continue;
        }
        let from = clause_text(field, "from");
        let ip = from.as_deref().and_then(address_literal);
        let helo = from
            .as_deref()
            .and_then(|f| f.split_whitespace().next())
            .filter(|h| !h.starts_with('[') && !h.starts_with('('))
            .map(normalize);
        return match ip {
            Some(ip) => Ok(Hop {
                index,
                by,
                helo,
                ip,
            }),
            None => Err(NoHop::NoAddress { index }),
        };
    }
    Err(NoHop::NotTrusted)
}

fn normalize(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// The first word after the clause keyword `word` (`from`, `by`), outside comments.
fn clause<'a>(field: &'a str, word: &str) -> Option<&'a str> {
    let head = field.split(';').next().unwrap_or(field);
    let words: Vec<&str> = head.split_whitespace().collect();
    let at = words.iter().position(|w| w.eq_ignore_ascii_case(word))?;
    words.get(at + 1).copied().filter(|w| !w.starts_with('('))
}

/// The text of the clause `word` up to the next clause keyword or the `;` before the date.
fn clause_text(field: &str, word: &str) -> Option<String> {
    const KEYWORDS: [&str; 6] = ["by", "via", "with", "id", "for", "from"];
    let head = field.split(';').next().unwrap_or(field);
    let words: Vec<&str> = head.split_whitespace().collect();
    let at = words.iter().position(|w| w.eq_ignore_ascii_case(word))?;
    let rest: Vec<&str> = words[at + 1..]
        .iter()
        .take_while(|w| !KEYWORDS.iter().any(|k| w.eq_ignore_ascii_case(k)))
        .copied()
        .collect();
    Some(rest.join(" "))
}

/// The address in the first `[...]` of `text`: `[192.0.2.1]` or `[IPv6:2001:db8::1]`.
fn address_literal(text: &str) -> Option<IpAddr> {
    let start = text.find('[')? + 1;
    let end = start + text[start..].find(']')?;
    let literal = &text[start..end];
    let literal = literal
        .get(..5)
        .filter(|p| p.eq_ignore_ascii_case("ipv6:"))
        .map_or(literal, |_| &literal[5..]);
    literal.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTFIX: &str = "from mail.example.net (mail.example.net [198.51.100.7]) by \
                           mx.example.com (Postfix) with ESMTPS id 4Q1; Sun, 6 Dec 2026 10:00:00 \
                           +0000";
    const INTERNAL: &str = "from mx.example.com (mx.example.com [192.0.2.25]) by \
                            store.example.com with LMTP; Sun, 6 Dec 2026 10:00:01 +0000";

    #[test]
    fn the_trusted_hosts_field_gives_the_client() {
        let hop = trusted_hop(&[INTERNAL, POSTFIX], &["MX.example.com.".into()]).unwrap();
        assert_eq!(hop.index, 1);
        assert_eq!(hop.ip, "198.51.100.7".parse::<IpAddr>().unwrap());
        assert_eq!(hop.helo.as_deref(), Some("mail.example.net"));
        assert_eq!(hop.by, "mx.example.com");
    }

    #[test]
    fn ipv6_literals_untrusted_fields_and_missing_addresses() {
        let v6 = "from [IPv6:2001:db8::7] (unknown) by mx.example.com; Sun, 6 Dec 2026";
        let hop = trusted_hop(&[v6], &["mx.example.com".into()]).unwrap();
        assert_eq!(hop.ip, "2001:db8::7".parse::<IpAddr>().unwrap());
        assert_eq!(hop.helo, None);
        assert_eq!(
            trusted_hop(&[POSTFIX], &["other.example.com".into()]),
            Err(NoHop::NotTrusted)
        );
        let bare = "from client.example.net by mx.example.com; Sun, 6 Dec 2026";
        assert_eq!(
            trusted_hop(&[bare], &["mx.example.com".into()]),
            Err(NoHop::NoAddress { index: 0 })
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        for odd in [
            "",
            "by",
            "from [",
            "from ]x[ by h",
            "by h from [IPv6:",
            "from [1.2.3.4",
        ] {
            let _ = trusted_hop(&[odd], &["h".into()]);
        }
    }
}
