//! The policy fetch as a sender must make it (RFC 8461 §3.3): HTTPS to `mta-sts.DOMAIN` at the
//! addresses our resolver gives, a certificate valid for that name, no redirect followed, HTTP
//! 200 with `text/plain` (§3.2), the body read up to 64 KiB, all within `--timeout`. What went
//! wrong becomes a finding only when a TXT record announces the policy.

use std::net::IpAddr;

use crate::finding::Finding;
use crate::https::{self, FetchError, Request};

use super::{FetchInfo, FetchSettings, MAX_POLICY_BYTES, POLICY_PATH, codes};

/// A fetch: what the report shows, the findings, and the body when a sender would read it.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub info: FetchInfo,
    pub findings: Vec<Finding>,
    pub body: Option<Vec<u8>>,
}

pub fn url(host: &str) -> String {
    format!("https://{host}{POLICY_PATH}")
}

/// Fetches the policy from `host` at `addresses`.
pub async fn fetch(host: &str, addresses: Vec<IpAddr>, settings: &FetchSettings) -> Fetched {
    let request = Request {
        host: host.to_string(),
        path: POLICY_PATH.to_string(),
        addresses: addresses.clone(),
        port: settings.port,
        timeout: settings.timeout,
        max_body: MAX_POLICY_BYTES,
    };
    let fetched = https::get(&request, &settings.trust).await;
    let mut info = FetchInfo {
        url: url(host),
        addresses,
        status: None,
        content_type: None,
        location: None,
        bytes: None,
        error: None,
        certificate: fetched.certificate.clone(),
    };
    let response = match fetched.result {
        Ok(response) => response,
        Err(e) => {
            info.error = Some(e.to_string());
            let findings = vec![error_finding(host, &info, &e)];
            return Fetched {
                info,
                findings,
                body: None,
            };
        }
    };
    info.status = Some(response.status);
    info.content_type.clone_from(&response.content_type);
    info.location.clone_from(&response.location);
    let findings = response_findings(host, &mut info, &response);
    let body = findings.is_empty().then_some(response.body);
    Fetched {
        info,
        findings,
        body,
    }
}

/// What a sender makes of the response: a redirect it does not follow, a status other than
/// 200, or the body's problems.
fn response_findings(
    host: &str,
    info: &mut FetchInfo,
    response: &crate::https::Response,
) -> Vec<Finding> {
    let finding = |code, message: String| Finding::new(code, host, message);
    let status = response.status;
    if (300..400).contains(&status) {
        let to = response
            .location
            .as_deref()
            .map_or_else(|| "no Location".to_string(), |l| format!("to {l}"));
        vec![finding(
            codes::POLICY_REDIRECT,
            format!(
                "{} answers {status}, a redirect {to}; senders do not follow it",
                info.url
            ),
        )]
    } else if status != 200 {
        vec![finding(
            codes::POLICY_HTTP_STATUS,
            format!("{} answers {status}, not 200", info.url),
        )]
    } else {
        info.bytes = Some(response.body.len());
        body_findings(host, info, response)
    }
}

/// Why no response was read, as a finding.
fn error_finding(host: &str, info: &FetchInfo, e: &FetchError) -> Finding {
    match e {
        FetchError::Timeout(_) => {
            Finding::new(codes::POLICY_TIMEOUT, host, format!("{}: {e}", info.url))
        }
        FetchError::Certificate => {
            let detail = info
                .certificate
                .as_ref()
                .map_or_else(|| e.to_string(), |c| c.detail.clone());
            Finding::new(
                codes::CERTIFICATE_INVALID,
                host,
                format!("the certificate of {host}: {detail}"),
            )
        }
        FetchError::Connect(_) | FetchError::Tls(_) | FetchError::Http(_) => Finding::new(
            codes::POLICY_UNREACHABLE,
            host,
            format!("{}: {e}", info.url),
        ),
    }
}

/// The checks of a 200 response: its media type and size.
fn body_findings(host: &str, info: &FetchInfo, response: &https::Response) -> Vec<Finding> {
    let mut out = Vec::new();
    let media = response.content_type.as_deref().map(|t| {
        t.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    if media.as_deref() != Some("text/plain") {
        let sent = response.content_type.as_deref().map_or_else(
            || "no Content-Type".to_string(),
            |t| format!("Content-Type {t}"),
        );
        out.push(Finding::new(
            codes::POLICY_CONTENT_TYPE,
            host,
            format!("{} is served with {sent}, not text/plain", info.url),
        ));
    }
    if response.too_large {
        out.push(Finding::new(
            codes::POLICY_TOO_LARGE,
            host,
            format!(
                "{} is larger than {MAX_POLICY_BYTES} bytes; reading stopped there",
                info.url
            ),
        ));
    }
    out
}
