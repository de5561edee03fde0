//! One domain's result from `check`, reduced to what `diff` compares: its findings, and the text
//! of its records and certificates by kind. Read from a `serde_json::Value` by name, so results
//! from older and newer versions still compare; what is absent is simply not compared.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::finding::Severity;

/// How deep the search for findings goes into a result (a check report nests about 6 deep).
const MAX_DEPTH: usize = 32;
/// The most findings kept from one domain's result.
const MAX_FINDINGS: usize = 10_000;
/// The most records of one kind kept from one domain's result (DKIM selectors, MX endpoints).
const MAX_PER_KIND: usize = 1_000;

/// What a changed record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    /// The SPF record at the domain (the root of the include tree).
    Spf,
    /// The DMARC record that applies (the domain's own, or the one it inherits).
    Dmarc,
    /// One DKIM selector's key record(s).
    Dkim,
    /// The MX set: preference and host, in order.
    Mx,
    /// The MTA-STS record's `id`.
    MtaStsId,
    /// The MTA-STS policy's `mode`.
    MtaStsMode,
    /// What identifies an MX endpoint's certificate: its fingerprint when the result has one,
    /// else its subject, issuer and validity (results from `check` carry no fingerprint).
    Certificate,
    /// An MX endpoint's certificate's expiry (`not_after`).
    CertificateExpiry,
}

impl RecordKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Spf => "SPF",
            Self::Dmarc => "DMARC",
            Self::Dkim => "DKIM",
            Self::Mx => "MX",
            Self::MtaStsId => "MTA-STS id",
            Self::MtaStsMode => "MTA-STS mode",
            Self::Certificate => "certificate",
            Self::CertificateExpiry => "certificate expiry",
        }
    }
}

/// A finding as `diff` sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub code: String,
    pub subject: String,
    pub severity: Severity,
    pub message: String,
    pub suppressed: bool,
}

/// One domain's result, reduced.
#[derive(Debug, Default)]
pub struct DomainState {
    pub findings: Vec<Seen>,
    /// (kind, subject) -> text.
    pub records: BTreeMap<(RecordKind, String), String>,
    /// The kinds this result could say anything about (its area was audited).
    pub observed: BTreeSet<RecordKind>,
}

impl DomainState {
    pub fn from_result(domain: &str, result: &Value) -> Self {
        let mut state = Self::default();
        collect_findings(result, 0, &mut state.findings);
        if let Some(spf) = area(result, "spf") {
            let text = spf.pointer("/tree/record").and_then(Value::as_str);
            state.put(RecordKind::Spf, domain, text.map(str::to_string));
        }
        if let Some(dmarc) = area(result, "dmarc") {
            state.put(RecordKind::Dmarc, domain, dmarc_text(dmarc));
        }
        if let Some(dkim) = area(result, "dkim") {
            state.observed.insert(RecordKind::Dkim);
            for (selector, text) in dkim_keys(dkim) {
                state.records.insert((RecordKind::Dkim, selector), text);
            }
        }
        if let Some(mx) = area(result, "mx") {
            state.put(RecordKind::Mx, domain, mx_set(mx));
        }
        if let Some(sts) = area(result, "mta_sts") {
            state.put(RecordKind::MtaStsId, domain, sts_ids(sts));
            let mode = sts.pointer("/policy/mode").and_then(Value::as_str);
            state.put(RecordKind::MtaStsMode, domain, mode.map(str::to_string));
        }
        if let Some(probe) = area(result, "probe") {
            state.certificates(probe);
        }
        state
    }

    fn put(&mut self, kind: RecordKind, subject: &str, text: Option<String>) {
        self.observed.insert(kind);
        if let Some(text) = text {
            self.records.insert((kind, subject.to_string()), text);
        }
    }

    /// Each probed endpoint's certificate, known by "host address".
    fn certificates(&mut self, probe: &Value) {
        self.observed.insert(RecordKind::Certificate);
        self.observed.insert(RecordKind::CertificateExpiry);
        let sessions = probe.get("sessions").and_then(Value::as_array);
        for session in sessions.into_iter().flatten().take(MAX_PER_KIND) {
            let Some(cert) = session
                .pointer("/tls/certificate")
                .filter(|c| c.is_object())
            else {
                continue;
            };
            let mut endpoint = endpoint(session, false);
            if self
                .records
                .contains_key(&(RecordKind::Certificate, endpoint.clone()))
            {
                endpoint = endpoint_with_port(session);
            }
            self.records.insert(
                (RecordKind::Certificate, endpoint.clone()),
                certificate_identity(cert),
            );
            if let Some(expiry) = cert.get("not_after").and_then(Value::as_str) {
                let key = (RecordKind::CertificateExpiry, endpoint);
                self.records.insert(key, expiry.to_string());
            }
        }
    }
}

/// An area of the result, when it was audited (present and not null).
fn area<'v>(result: &'v Value, name: &str) -> Option<&'v Value> {
    result.get(name).filter(|v| v.is_object())
}

/// Every finding anywhere in the result: each area's, the probe's, those across areas.
fn collect_findings(value: &Value, depth: usize, out: &mut Vec<Seen>) {
    each_finding(value, depth, &mut |finding| {
        out.extend(seen(finding));
        out.len() < MAX_FINDINGS
    });
}

/// Calls `visit` on every finding object in `value`, as deep as [`MAX_DEPTH`], until it says
/// to stop; false when it did.
fn each_finding(value: &Value, depth: usize, visit: &mut impl FnMut(&Value) -> bool) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    match value {
        Value::Object(map) => map.iter().all(|(key, child)| match (key.as_str(), child) {
            ("findings", Value::Array(list)) => list.iter().all(&mut *visit),
            _ => each_finding(child, depth + 1, visit),
        }),
        Value::Array(list) => list
            .iter()
            .all(|child| each_finding(child, depth + 1, visit)),
        _ => true,
    }
}

/// The worst severity among a saved result's findings that are not suppressed: what it brings
/// to an exit status (a resumed `check` counts the results it keeps).
pub fn worst_severity(result: &Value) -> Option<Severity> {
    let mut worst = None;
    each_finding(result, 0, &mut |finding| {
        if !suppressed(finding) {
            worst = worst.max(severity_of(finding));
        }
        true
    });
    worst
}

fn seen(finding: &Value) -> Option<Seen> {
    let text = |key: &str| finding.get(key).and_then(Value::as_str);
    let severity = severity_of(finding)?;
    Some(Seen {
        code: text("code")?.to_string(),
        subject: text("subject")?.to_string(),
        severity,
        message: text("message")?.to_string(),
        suppressed: suppressed(finding),
    })
}

fn severity_of(finding: &Value) -> Option<Severity> {
    match finding.get("severity").and_then(Value::as_str)? {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        _ => None,
    }
}

fn suppressed(finding: &Value) -> bool {
    finding.get("suppressed").is_some_and(|s| !s.is_null())
}

/// The DMARC record that applies, with where it is from when the domain inherits it.
fn dmarc_text(dmarc: &Value) -> Option<String> {
    let record = dmarc.get("record").filter(|r| r.is_object())?;
    let text = record.get("text").and_then(Value::as_str)?;
    let inherited = record.get("inherited").and_then(Value::as_bool) == Some(true);
    match record.get("name").and_then(Value::as_str) {
        Some(name) if inherited => Some(format!("{text} (inherited from {name})")),
        _ => Some(text.to_string()),
    }
}

/// Selector -> its key record(s), for the selectors that have one.
fn dkim_keys(dkim: &Value) -> Vec<(String, String)> {
    let selectors = dkim.get("selectors").and_then(Value::as_array);
    selectors
        .into_iter()
        .flatten()
        .take(MAX_PER_KIND)
        .filter_map(|s| {
            let name = s.get("selector").and_then(Value::as_str)?;
            let records = s.get("records").and_then(Value::as_array)?;
            let texts: Vec<&str> = records
                .iter()
                .filter_map(|r| r.get("record").and_then(Value::as_str))
                .collect();
            (!texts.is_empty()).then(|| (name.to_string(), texts.join(" | ")))
        })
        .collect()
}

/// "10 mx1.example.com, 20 mx2.example.com", in preference order; the null MX as such.
fn mx_set(mx: &Value) -> Option<String> {
    if mx.get("null_mx").and_then(Value::as_bool) == Some(true) {
        return Some("null MX (no mail accepted)".into());
    }
    let hosts = mx.get("hosts").and_then(Value::as_array)?;
    let mut set: Vec<(u64, &str)> = hosts
        .iter()
        .take(MAX_PER_KIND)
        .filter_map(|h| {
            let name = h.get("name").and_then(Value::as_str)?;
            Some((h.get("preference").and_then(Value::as_u64)?, name))
        })
        .collect();
    set.sort_unstable();
    let shown: Vec<String> = set.iter().map(|(p, n)| format!("{p} {n}")).collect();
    (!shown.is_empty()).then(|| shown.join(", "))
}

/// The `id` of each MTA-STS record (one, unless the domain publishes several by mistake).
fn sts_ids(sts: &Value) -> Option<String> {
    let records = sts.get("records").and_then(Value::as_array)?;
    let ids: Vec<&str> = records
        .iter()
        .take(MAX_PER_KIND)
        .map(|r| r.get("id").and_then(Value::as_str).unwrap_or("(none)"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(", "))
}

/// "host address": an MX host is probed on port 25, so the port is left out (a test's port
/// changes from run to run); a second session to the same address is told by its port.
fn endpoint(session: &Value, with_port: bool) -> String {
    let text = |key: &str| session.get(key).and_then(Value::as_str).unwrap_or("?");
    let (host, address) = (text("host"), text("address"));
    match session.get("port").and_then(Value::as_u64) {
        Some(port) if with_port && address.contains(':') => format!("{host} [{address}]:{port}"),
        Some(port) if with_port => format!("{host} {address}:{port}"),
        _ => format!("{host} {address}"),
    }
}

fn endpoint_with_port(session: &Value) -> String {
    endpoint(session, true)
}

/// The certificate's fingerprint when the result has one; else (results from `check` carry
/// none) its subject, issuer and validity, which change when it is renewed or replaced.
fn certificate_identity(cert: &Value) -> String {
    let text = |key: &str| cert.get(key).and_then(Value::as_str);
    if let Some(fingerprint) = text("fingerprint").or_else(|| text("sha256")) {
        return fingerprint.to_string();
    }
    format!(
        "subject {}, issuer {}, valid {} to {}",
        text("subject").unwrap_or("?"),
        text("issuer").unwrap_or("?"),
        text("not_before").unwrap_or("?"),
        text("not_after").unwrap_or("?")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reduces_a_result_to_findings_and_records() {
        let result = json!({
            "domain": "example.com",
            "spf": {"tree": {"record": "v=spf1 -all"}, "findings": [
                {"code": "spf-x", "severity": "warning", "subject": "example.com", "message": "m"},
                {"code": "bad", "severity": "fatal", "subject": "s", "message": "m"}]},
            "dmarc": {"record": {"name": "_dmarc.example.com", "text": "v=DMARC1; p=none",
                                 "inherited": true}, "findings": []},
            "dkim": {"selectors": [{"selector": "s1", "records": [{"record": "v=DKIM1; p=A"}]},
                                   {"selector": "s2", "records": []}]},
            "mx": {"null_mx": false, "hosts": [{"preference": 20, "name": "b."},
                                               {"preference": 10, "name": "a."}]},
            "mta_sts": null,
            "probe": {"sessions": [{"host": "a.", "address": "::1", "port": 25,
                "tls": {"certificate": {"subject": "CN=a", "issuer": "CN=ca",
                        "not_before": "2026-01-01", "not_after": "2026-04-01"}}}]},
            "findings": [{"code": "check-x", "severity": "error", "subject": "example.com",
                          "message": "n", "suppressed": {"reason": "r", "until": null}}]
        });
        let state = DomainState::from_result("example.com", &result);
        assert_eq!(state.findings.len(), 2);
        assert!(
            state
                .findings
                .iter()
                .any(|f| f.code == "check-x" && f.suppressed)
        );
        let get = |kind, subject: &str| state.records.get(&(kind, subject.to_string())).cloned();
        assert_eq!(get(RecordKind::Spf, "example.com").unwrap(), "v=spf1 -all");
        assert!(
            get(RecordKind::Dmarc, "example.com")
                .unwrap()
                .contains("inherited")
        );
        assert_eq!(get(RecordKind::Dkim, "s1").unwrap(), "v=DKIM1; p=A");
        assert_eq!(get(RecordKind::Dkim, "s2"), None);
        assert_eq!(get(RecordKind::Mx, "example.com").unwrap(), "10 a., 20 b.");
        assert_eq!(
            get(RecordKind::CertificateExpiry, "a. ::1").unwrap(),
            "2026-04-01"
        );
        assert!(!state.observed.contains(&RecordKind::MtaStsId));
    }
}
