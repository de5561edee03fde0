//! The service extensions an EHLO reply announces (RFC 5321 §4.1.1.1): one keyword per line
//! after the greeting, with parameters — STARTTLS (RFC 3207), PIPELINING (RFC 2920), SIZE
//! (RFC 1870), 8BITMIME (RFC 6152), SMTPUTF8 (RFC 6531), CHUNKING (RFC 3030), REQUIRETLS
//! (RFC 8689), ENHANCEDSTATUSCODES (RFC 2034), DSN (RFC 3461), AUTH (RFC 4954).

use serde::Serialize;

/// What an EHLO reply offers. Keywords compare without regard to case.
// Each flag is an independent extension named as its RFC names it; the JSON shows them so.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extensions {
    pub starttls: bool,
    pub pipelining: bool,
    pub size: bool,
    /// The fixed message size limit SIZE announces, in octets (0 or absent: no fixed limit).
    pub size_limit: Option<u64>,
    #[serde(rename = "8bitmime")]
    pub eight_bit_mime: bool,
    pub smtputf8: bool,
    pub chunking: bool,
    pub requiretls: bool,
    pub enhancedstatuscodes: bool,
    pub dsn: bool,
    /// The SASL mechanisms AUTH offers; `None` when AUTH is not offered.
    pub auth: Option<Vec<String>>,
    /// Every other extension line, as sent.
    pub other: Vec<String>,
}

impl Extensions {
    /// Reads the extension lines of an EHLO reply (every line but the first, the greeting).
    pub fn parse(lines: &[String]) -> Self {
        let mut ext = Self::default();
        for line in lines.iter().skip(1) {
            let mut words = line.split_ascii_whitespace();
            let Some(keyword) = words.next() else {
                continue;
            };
            let params: Vec<&str> = words.collect();
            ext.add(keyword, &params, line);
        }
        ext
    }

    fn add(&mut self, keyword: &str, params: &[&str], line: &str) {
        match keyword.to_ascii_uppercase().as_str() {
            "STARTTLS" => self.starttls = true,
            "PIPELINING" => self.pipelining = true,
            "SIZE" => {
                self.size = true;
                self.size_limit = params.first().and_then(|p| p.parse().ok());
            }
            "8BITMIME" => self.eight_bit_mime = true,
            "SMTPUTF8" => self.smtputf8 = true,
            "CHUNKING" => self.chunking = true,
            "REQUIRETLS" => self.requiretls = true,
            "ENHANCEDSTATUSCODES" => self.enhancedstatuscodes = true,
            "DSN" => self.dsn = true,
            "AUTH" => self.add_auth(params),
            // The pre-standard "AUTH=PLAIN LOGIN" form some servers still send beside AUTH.
            upper if upper.starts_with("AUTH=") => {
                let first = &keyword[5..];
                let mut all = vec![first];
                all.extend_from_slice(params);
                self.add_auth(&all);
            }
            _ => self.other.push(line.to_string()),
        }
    }

    fn add_auth(&mut self, mechanisms: &[&str]) {
        let list = self.auth.get_or_insert_with(Vec::new);
        for m in mechanisms.iter().filter(|m| !m.is_empty()) {
            let m = m.to_ascii_uppercase();
            if !list.contains(&m) {
                list.push(m);
            }
        }
    }

    /// The keywords offered, in a fixed order, for a one-line summary.
    pub fn keywords(&self) -> Vec<String> {
        let flags = [
            (self.starttls, "STARTTLS"),
            (self.pipelining, "PIPELINING"),
            (self.eight_bit_mime, "8BITMIME"),
            (self.smtputf8, "SMTPUTF8"),
            (self.chunking, "CHUNKING"),
            (self.requiretls, "REQUIRETLS"),
            (self.enhancedstatuscodes, "ENHANCEDSTATUSCODES"),
            (self.dsn, "DSN"),
        ];
        let mut out: Vec<String> = flags
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| (*name).to_string())
            .collect();
        if self.size {
            out.push(match self.size_limit {
                Some(n) if n > 0 => format!("SIZE {n}"),
                _ => "SIZE".into(),
            });
        }
        if let Some(mechanisms) = &self.auth {
            out.push(
                format!("AUTH {}", mechanisms.join(" "))
                    .trim_end()
                    .to_string(),
            );
        }
        out.extend(self.other.iter().cloned());
        out
    }
}

/// Checks a name for EHLO and HELO (RFC 5321 §4.1.1.1, §4.1.3): a domain name of letters,
/// digits and hyphens, or an address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`); the name
/// is returned in the form to send.
pub fn valid_ehlo_name(name: &str) -> Result<String, String> {
    if let Some(inner) = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        let ok = match inner.get(..5) {
            Some(tag) if tag.eq_ignore_ascii_case("IPv6:") => {
                inner[5..].parse::<std::net::Ipv6Addr>().is_ok()
            }
            _ => inner.parse::<std::net::Ipv4Addr>().is_ok(),
        };
        return if ok {
            Ok(name.to_string())
        } else {
            Err("not an address literal like [192.0.2.1] or [IPv6:2001:db8::1]".into())
        };
    }
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    if trimmed.len() <= 253 && trimmed.split('.').all(label_ok) {
        Ok(trimmed.to_string())
    } else {
        Err("not a host name (letters, digits, hyphens and dots) or an address literal".into())
    }
}

/// This machine's host name for EHLO, else "localhost".
pub fn local_name() -> String {
    // The kernel's name first (what `uname -n` prints), then the file most systems keep it in.
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .map(|text| text.trim().to_string())
        .find(|name| valid_ehlo_name(name).is_ok())
        .unwrap_or_else(|| "localhost".to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn checks_ehlo_names() {
        assert_eq!(
            valid_ehlo_name("mx.example.com.").unwrap(),
            "mx.example.com"
        );
        assert!(valid_ehlo_name("localhost").is_ok());
        assert!(valid_ehlo_name("[192.0.2.1]").is_ok());
        assert!(valid_ehlo_name("[IPv6:2001:db8::1]").is_ok());
        for bad in [
            "",
            "a b",
            "-x.example",
            "[300.1.1.1]",
            "x\r\nMAIL FROM:<>",
            "a..b",
        ] {
            assert!(valid_ehlo_name(bad).is_err(), "{bad:?}");
        }
    }

    use super::*;

    #[test]
    fn reads_the_extensions_of_an_ehlo_reply() {
        let lines: Vec<String> = [
            "mx.example.com greets you",
            "PIPELINING",
            "SIZE 35882577",
            "starttls",
            "AUTH PLAIN LOGIN",
            "AUTH=LOGIN",
            "8BITMIME",
            "X-FOO bar",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        let ext = Extensions::parse(&lines);
        assert!(ext.starttls && ext.pipelining && ext.size && ext.eight_bit_mime);
        assert_eq!(ext.size_limit, Some(35_882_577));
        assert_eq!(
            ext.auth.as_deref(),
            Some(&["PLAIN".to_string(), "LOGIN".into()][..])
        );
        assert_eq!(ext.other, ["X-FOO bar"]);
        assert!(ext.keywords().contains(&"SIZE 35882577".to_string()));
        assert_eq!(Extensions::parse(&lines[..1]), Extensions::default());
    }
}
