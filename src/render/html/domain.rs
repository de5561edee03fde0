//! One domain of the report as the page shows it, read from a saved `check` result (a JSON
//! value, so results of other versions read too): the scorecard the check wrote, every finding
//! with its catalog entry, the records as published, the SPF include tree, the MX hosts and
//! what their TLS sessions met. Every string is taken through `sanitize::escape`, so control
//! characters show as escapes; HTML escaping is the templates' job.

use serde_json::Value;

use crate::sanitize::escape;

use super::tree::{Tree, tree_of};

/// The most findings shown for one domain (a check caps them well below this).
const MAX_FINDINGS: usize = 500;
/// The most records, hosts or sessions read from one list.
const MAX_ITEMS: usize = 64;
/// How deep findings are looked for in a result.
const MAX_DEPTH: usize = 12;

/// The scorecard's areas and the key each has in the page (filter values, data attributes).
/// In the order of the check's scorecard.
pub const AREAS: [(&str, &str); 10] = [
    ("SPF", "spf"),
    ("DMARC", "dmarc"),
    ("DKIM", "dkim"),
    ("MX", "mx"),
    ("MTA-STS", "mta-sts"),
    ("TLS-RPT", "tls-rpt"),
    ("BIMI", "bimi"),
    ("DNSSEC", "dnssec"),
    ("SMTP", "smtp"),
    ("Clients", "clients"),
];

/// The verdict words of the scorecard, best first, and how a result without one reads.
pub const VERDICTS: [&str; 5] = ["ok", "none", "warnings", "errors", "unfinished"];
pub const NOT_ASKED: &str = "not asked";

/// One domain's page section.
#[derive(Debug, Clone)]
pub struct DomainView {
    pub domain: String,
    /// Each of [`AREAS`]: its verdict word ([`NOT_ASKED`] when the check did not look), facts.
    pub areas: Vec<AreaView>,
    /// Worst first.
    pub findings: Vec<FindingView>,
    /// Findings past [`MAX_FINDINGS`], counted.
    pub more_findings: usize,
    pub records: Vec<RecordView>,
    pub spf: Option<Tree>,
    pub spf_lookups: Option<u64>,
    pub dmarc_policy: DmarcPolicy,
    /// Each DKIM key found: "rsa-2048", "ed25519".
    pub dkim_keys: Vec<String>,
    pub hosts: Vec<HostView>,
    /// Every include and redirect target of the SPF tree, once.
    pub includes: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
    pub incomplete: bool,
}

#[derive(Debug, Clone)]
pub struct AreaView {
    pub name: &'static str,
    pub key: &'static str,
    pub verdict: String,
    pub facts: String,
}

#[derive(Debug, Clone)]
pub struct FindingView {
    pub code: String,
    /// "error", "warning" or "info".
    pub severity: String,
    pub subject: String,
    pub message: String,
    /// The reason of a `[[ignore]]` rule that applied.
    pub suppressed: Option<String>,
}

#[derive(Debug, Clone)]
pub struct RecordView {
    /// "SPF", "DMARC", "DKIM s1", "MTA-STS policy" ...
    pub label: String,
    /// Where it is published.
    pub name: String,
    pub text: String,
}

/// What DMARC asks of the domain's mail, as the summary counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DmarcPolicy {
    Reject,
    Quarantine,
    None,
    NoRecord,
    /// The area did not finish, or the result says nothing readable.
    Unknown,
}

impl DmarcPolicy {
    pub const ALL: [Self; 5] = [
        Self::Reject,
        Self::Quarantine,
        Self::None,
        Self::NoRecord,
        Self::Unknown,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Reject => "reject",
            Self::Quarantine => "quarantine",
            Self::None => "none",
            Self::NoRecord => "no record",
            Self::Unknown => "not determined",
        }
    }
}

/// An MX host and what the probe met at each of its addresses.
#[derive(Debug, Clone)]
pub struct HostView {
    pub name: String,
    pub preference: Option<u64>,
    pub addresses: Vec<String>,
    pub sessions: Vec<SessionView>,
}

#[derive(Debug, Clone)]
pub struct SessionView {
    pub address: String,
    pub connected: bool,
    pub starttls: bool,
    /// The TLS version negotiated; `None` when no TLS session was established.
    pub tls_version: Option<String>,
    pub tls_error: Option<String>,
    pub cipher: Option<String>,
    pub certificate: Option<CertView>,
}

#[derive(Debug, Clone)]
pub struct CertView {
    pub subject: String,
    pub issuer: String,
    /// As the result wrote it ("2027-01-01 00:00:00 UTC").
    pub not_after: String,
    /// The check's verdict on it ("valid", "expired", ...).
    pub verdict: String,
}

impl DomainView {
    /// Reads one result; `None` when the value is not a result of `check` (no domain).
    pub fn read(result: &Value) -> Option<Self> {
        let domain = escape(result.get("domain")?.as_str()?);
        let (findings, more_findings) = findings(result);
        let count = |severity: &str| {
            findings
                .iter()
                .filter(|f| f.suppressed.is_none() && f.severity == severity)
                .count()
        };
        let spf = area(result, "spf");
        let tree = spf
            .and_then(|s| s.get("tree"))
            .filter(|t| t.is_object())
            .map(tree_of);
        Some(Self {
            areas: areas(result),
            errors: count("error"),
            warnings: count("warning"),
            more_findings,
            findings,
            records: records(result),
            spf_lookups: tree
                .as_ref()
                .and(spf.and_then(|s| s.get("lookups")).and_then(Value::as_u64)),
            includes: tree.as_ref().map(Tree::targets).unwrap_or_default(),
            spf: tree,
            dmarc_policy: dmarc_policy(result),
            dkim_keys: dkim_keys(result),
            hosts: hosts(result),
            incomplete: result.get("incomplete").and_then(Value::as_bool) == Some(true),
            domain,
        })
    }

    /// The area's verdict word.
    pub fn verdict(&self, key: &str) -> &str {
        self.areas
            .iter()
            .find(|a| a.key == key)
            .map_or(NOT_ASKED, |a| a.verdict.as_str())
    }

    /// The distinct codes of the findings shown, for the table's filter.
    pub fn codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = self
            .findings
            .iter()
            .filter(|f| f.suppressed.is_none())
            .map(|f| f.code.as_str())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    }
}

/// An area of the result, when it was audited (present and not null).
fn area<'v>(result: &'v Value, name: &str) -> Option<&'v Value> {
    result.get(name).filter(|v| v.is_object())
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(escape)
}

fn list<'v>(value: &'v Value, key: &str) -> impl Iterator<Item = &'v Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .take(MAX_ITEMS)
}

/// The scorecard as the check wrote it, in the page's area order.
fn areas(result: &Value) -> Vec<AreaView> {
    let written: Vec<&Value> = list(result, "scorecard").collect();
    AREAS
        .iter()
        .map(|&(name, key)| {
            let line = written
                .iter()
                .find(|l| l.get("area").and_then(Value::as_str) == Some(name));
            let verdict = line
                .and_then(|l| l.get("verdict"))
                .and_then(Value::as_str)
                .filter(|v| VERDICTS.contains(v))
                .unwrap_or(NOT_ASKED);
            AreaView {
                name,
                key,
                verdict: verdict.to_string(),
                facts: line.and_then(|l| text(l, "facts")).unwrap_or_default(),
            }
        })
        .collect()
}

/// Every finding anywhere in the result, worst first, and how many were left out.
fn findings(result: &Value) -> (Vec<FindingView>, usize) {
    let mut out = Vec::new();
    let mut more = 0;
    collect(result, 0, &mut out, &mut more);
    out.sort_by_key(|f| (rank(&f.severity), f.code.clone(), f.subject.clone()));
    (out, more)
}

fn collect(value: &Value, depth: usize, out: &mut Vec<FindingView>, more: &mut usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("findings", Value::Array(items)) => {
                        for item in items {
                            match finding(item) {
                                Some(f) if out.len() < MAX_FINDINGS => out.push(f),
                                Some(_) => *more += 1,
                                None => {}
                            }
                        }
                    }
                    _ => collect(child, depth + 1, out, more),
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|child| collect(child, depth + 1, out, more)),
        _ => {}
    }
}

fn finding(item: &Value) -> Option<FindingView> {
    let severity = item.get("severity").and_then(Value::as_str)?;
    if !["error", "warning", "info"].contains(&severity) {
        return None;
    }
    Some(FindingView {
        code: text(item, "code")?,
        severity: severity.to_string(),
        subject: text(item, "subject").unwrap_or_default(),
        message: text(item, "message").unwrap_or_default(),
        suppressed: item
            .get("suppressed")
            .filter(|s| s.is_object())
            .map(|s| text(s, "reason").unwrap_or_default()),
    })
}

/// Worst first.
fn rank(severity: &str) -> u8 {
    match severity {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    }
}

/// The records as published, area by area.
fn records(result: &Value) -> Vec<RecordView> {
    let mut out = Vec::new();
    let domain = text(result, "domain").unwrap_or_default();
    let mut put = |label: String, name: String, text: Option<String>| {
        if let Some(text) = text {
            out.push(RecordView { label, name, text });
        }
    };
    if let Some(spf) = area(result, "spf") {
        let record = spf.pointer("/tree/record").and_then(Value::as_str);
        put("SPF".into(), domain.clone(), record.map(escape));
    }
    if let Some(record) = area(result, "dmarc").and_then(|d| d.get("record")) {
        let name = text(record, "name").unwrap_or_default();
        put("DMARC".into(), name, text(record, "text"));
    }
    if let Some(dkim) = area(result, "dkim") {
        for selector in list(dkim, "selectors") {
            let label = format!("DKIM {}", text(selector, "selector").unwrap_or_default());
            let name = text(selector, "name").unwrap_or_default();
            for record in list(selector, "records") {
                put(label.clone(), name.clone(), text(record, "record"));
            }
        }
    }
    if let Some(sts) = area(result, "mta_sts") {
        for record in list(sts, "records") {
            let name = text(record, "name").unwrap_or_default();
            put("MTA-STS".into(), name, text(record, "text"));
        }
        if let Some(policy) = sts.get("policy").filter(|p| p.is_object()) {
            let url = sts.pointer("/fetch/url").and_then(Value::as_str);
            let name = url.map(escape).unwrap_or_default();
            put("MTA-STS policy".into(), name, text(policy, "text"));
        }
    }
    if let Some(rpt) = area(result, "tls_rpt") {
        for record in list(rpt, "records") {
            let name = text(record, "name").unwrap_or_default();
            put("TLS-RPT".into(), name, text(record, "text"));
        }
    }
    if let Some(bimi) = area(result, "bimi") {
        let record = bimi.get("record").filter(|r| !r.is_null());
        let record_text = record.and_then(|r| match r {
            Value::String(s) => Some(escape(s)),
            _ => text(r, "text").or_else(|| text(r, "record")),
        });
        let name = record.and_then(|r| text(r, "name")).unwrap_or_default();
        put("BIMI".into(), name, record_text);
    }
    out
}

fn dmarc_policy(result: &Value) -> DmarcPolicy {
    let Some(dmarc) = area(result, "dmarc") else {
        return DmarcPolicy::Unknown;
    };
    if dmarc.get("record").is_some_and(Value::is_null) {
        return DmarcPolicy::NoRecord;
    }
    match dmarc.pointer("/policy/policy").and_then(Value::as_str) {
        Some("reject") => DmarcPolicy::Reject,
        Some("quarantine") => DmarcPolicy::Quarantine,
        Some("none") => DmarcPolicy::None,
        _ => DmarcPolicy::Unknown,
    }
}

fn dkim_keys(result: &Value) -> Vec<String> {
    let Some(dkim) = area(result, "dkim") else {
        return Vec::new();
    };
    let mut keys = Vec::new();
    for selector in list(dkim, "selectors") {
        for record in list(selector, "records") {
            let Some(key) = record.get("key").filter(|k| k.is_object()) else {
                continue;
            };
            let algorithm = text(key, "algorithm").unwrap_or_else(|| "unknown".into());
            keys.push(match key.get("bits").and_then(Value::as_u64) {
                Some(bits) if algorithm == "rsa" => format!("rsa-{bits}"),
                _ => algorithm,
            });
        }
    }
    keys
}

/// The MX hosts with their addresses, and the probe's sessions with each.
fn hosts(result: &Value) -> Vec<HostView> {
    let mut hosts: Vec<HostView> = area(result, "mx")
        .into_iter()
        .flat_map(|mx| list(mx, "hosts"))
        .map(|host| HostView {
            name: text(host, "name").unwrap_or_default(),
            preference: host.get("preference").and_then(Value::as_u64),
            addresses: list(host, "addresses")
                .filter_map(|a| text(a, "ip"))
                .collect(),
            sessions: Vec::new(),
        })
        .collect();
    let Some(probe) = area(result, "probe") else {
        return hosts;
    };
    for session in list(probe, "sessions") {
        let name = text(session, "host").unwrap_or_default();
        let view = session_view(session);
        match hosts.iter().position(|h| h.name == name) {
            Some(i) => hosts[i].sessions.push(view),
            None if hosts.len() < MAX_ITEMS => hosts.push(HostView {
                name,
                preference: None,
                addresses: vec![view.address.clone()],
                sessions: vec![view],
            }),
            None => {}
        }
    }
    hosts
}

fn session_view(session: &Value) -> SessionView {
    let tls = session.get("tls").filter(|t| t.is_object());
    let established = tls
        .and_then(|t| t.get("established"))
        .and_then(Value::as_bool);
    let certificate = tls
        .and_then(|t| t.get("certificate"))
        .filter(|c| c.is_object())
        .map(|c| CertView {
            subject: text(c, "subject").unwrap_or_default(),
            issuer: text(c, "issuer").unwrap_or_default(),
            not_after: text(c, "not_after").unwrap_or_default(),
            verdict: text(c, "verdict").unwrap_or_default(),
        });
    SessionView {
        address: text(session, "address").unwrap_or_default(),
        connected: session.get("connected").and_then(Value::as_bool) == Some(true),
        starttls: session
            .pointer("/ehlo/extensions/starttls")
            .and_then(Value::as_bool)
            == Some(true),
        tls_version: tls
            .filter(|_| established == Some(true))
            .and_then(|t| text(t, "version")),
        tls_error: tls.and_then(|t| text(t, "error")),
        cipher: tls.and_then(|t| text(t, "cipher_suite")),
        certificate,
    }
}
