//! DMARC Reporting URIs (RFC 9989 §4.6, §4.8 `dmarc-uri`): RFC 3986 URIs with a scheme,
//! perhaps followed by the obsolete `!size`; for `mailto:` (RFC 6068) the address's domain, for
//! URIs with an authority its host, which is where reports go.

use std::ops::Range;

use super::ReportUri;

/// One element of a URI list: an RFC 3986 URI with a scheme, perhaps followed by the obsolete
/// `!size` (§4.8 `obs-dmarc-report-size`). Commas and `!` inside a URI must be percent-encoded,
/// so a `!` always starts the size.
pub fn report_uri(text: &str, span: Range<usize>) -> Result<ReportUri, String> {
    if text.is_empty() {
        return Err("an empty element between commas".into());
    }
    let (uri, size) = match text.split_once('!') {
        Some((uri, size)) => (uri, Some(size)),
        None => (text, None),
    };
    if let Some(size) = size {
        let digits = size.trim_end_matches(['k', 'm', 'g', 't', 'K', 'M', 'G', 'T']);
        let unit_len = size.len() - digits.len();
        if digits.is_empty() || unit_len > 1 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("!{size} is not a size (digits, then k, m, g or t)"));
        }
    }
    if let Some(c) = uri.chars().find(|c| !is_uri_char(*c)) {
        return Err(format!(
            "{} is not allowed in a URI (percent-encode it)",
            crate::sanitize::quoted_char(c)
        ));
    }
    let Some((scheme, rest)) = uri.split_once(':') else {
        return Err("it has no scheme; write mailto:ADDRESS".into());
    };
    let scheme_ok = scheme
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
    if !scheme_ok {
        return Err(format!(
            "{} is not a URI scheme",
            crate::sanitize::quoted(scheme)
        ));
    }
    let scheme = scheme.to_ascii_lowercase();
    let host = if scheme == "mailto" {
        Some(mailto_domain(rest)?)
    } else {
        authority_host(rest)
    };
    Ok(ReportUri {
        uri: uri.to_string(),
        scheme,
        host,
        size: size.map(str::to_string),
        span,
    })
}

/// RFC 3986 §2: unreserved, reserved and `%`; but not `,` or `!`, which DMARC reserves.
fn is_uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@$&'()*+;=%".contains(c)
}

/// The domain of the one address of a `mailto:` URI (RFC 6068), lowercase.
fn mailto_domain(rest: &str) -> Result<String, String> {
    let address = rest.split('?').next().unwrap_or_default();
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err("a mailto: URI needs an address (mailto:user@domain)".into());
    };
    if local.is_empty() {
        return Err("the address has no local part".into());
    }
    let domain = domain.to_ascii_lowercase();
    let labels_ok = domain.split('.').all(|l| {
        !l.is_empty()
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !l.starts_with('-')
            && !l.ends_with('-')
    });
    if !labels_ok || !domain.contains('.') || domain.len() > 253 {
        return Err(format!(
            "{} is not a mail domain",
            crate::sanitize::quoted(&domain)
        ));
    }
    Ok(domain)
}

/// The host of `//authority/...`, lowercase, without user information and port.
fn authority_host(rest: &str) -> Option<String> {
    let authority = rest.strip_prefix("//")?;
    let end = authority.find(['/', '?', '#']).unwrap_or(authority.len());
    let authority = &authority[..end];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        host_port.split_inclusive(']').next().unwrap_or(host_port)
    } else {
        host_port.split(':').next().unwrap_or(host_port)
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_where_reports_go() {
        let u = report_uri("MAILTO:Reports@Example.COM?subject=x!50k", 3..40).unwrap();
        assert_eq!(
            (u.scheme.as_str(), u.host.as_deref(), u.size.as_deref()),
            ("mailto", Some("example.com"), Some("50k"))
        );
        let u = report_uri("https://user@[2001:db8::1]:8443/r", 0..1).unwrap();
        assert_eq!(u.host.as_deref(), Some("[2001:db8::1]"));
        assert_eq!(report_uri("https:/relative", 0..1).unwrap().host, None);
        for bad in [
            "dmarc@example.com",
            "1x:y",
            "mailto:@example.com",
            "mailto:a@b..c",
        ] {
            assert!(report_uri(bad, 0..1).is_err(), "{bad}");
        }
    }
}
