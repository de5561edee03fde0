//! Text for the mail-client endpoints (RFC 6186, RFC 8314): what the SRV records publish, a
//! table of every endpoint (service, host, port, TLS, certificate days left, verdict), each
//! session in a few lines (the SMTP ones as the probe shows them), and the findings.

use std::fmt::Write;

use crate::clients::{
    AccessSession, ClientSession, ClientsReport, EndpointReport, Protocol, Published,
    ServiceRecords, SrvTarget, Verdict,
};
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;
use crate::smtp::TlsMode;

use super::findings::{findings, quiet_findings};
use super::layout::{heading, row};
use super::smtp::{Duration, LABEL, session_text, tls_rows, transcript};

impl Report for ClientsReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let _ = writeln!(out, "{}", heading(p, "Mail clients", &self.domain));
        for s in &self.services {
            services_rows(&mut out, p, s);
        }
        if !self.hosts.is_empty() {
            let hosts: Vec<String> = self.hosts.iter().map(|h| escape(h)).collect();
            let _ = writeln!(
                out,
                "  {:<SRV_LABEL$}{} (standard ports)",
                "--host",
                hosts.join(", ")
            );
        }
        let _ = writeln!(out);
        if self.endpoints.is_empty() {
            let _ = writeln!(out, "  {}", p.dim("no endpoint to probe"));
        } else {
            table(&mut out, p, &self.endpoints);
        }
        for e in &self.endpoints {
            let _ = writeln!(out);
            endpoint_text(&mut out, p, e);
        }
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

/// The width of the SRV names (`_submissions._tcp`).
const SRV_LABEL: usize = 18;

fn services_rows(out: &mut String, p: Palette, s: &ServiceRecords) {
    let label = format!("_{}._tcp", s.service.name());
    let mut srv_row = |label: &str, text: &str| {
        let _ = writeln!(out, "  {label:<SRV_LABEL$}{text}");
    };
    match s.published {
        Published::Absent => srv_row(&label, &p.dim("no SRV record")),
        Published::Unknown => srv_row(&label, &p.paint(Paint::Red, "lookup failed")),
        Published::NotOffered => srv_row(&label, "\".\" (not offered)"),
        Published::Offered if s.records.is_empty() => {
            srv_row(&label, &p.paint(Paint::Red, "no usable record"));
        }
        Published::Offered => {
            for (i, r) in s.records.iter().enumerate() {
                srv_row(if i == 0 { &label } else { "" }, &srv_text(p, r));
            }
        }
    }
}

fn srv_text(p: Palette, r: &SrvTarget) -> String {
    let alias = r
        .alias_of
        .as_deref()
        .map(|to| format!(" (alias of {})", escape(to)))
        .unwrap_or_default();
    let addresses: Vec<String> = r.addresses.iter().map(ToString::to_string).collect();
    let addresses = if addresses.is_empty() {
        p.dim("no address")
    } else {
        addresses.join(", ")
    };
    format!(
        "{} {} {} {}{alias}  {addresses}",
        r.priority,
        r.weight,
        r.port,
        escape(&r.target)
    )
}

/// One row per endpoint: service and host, port, TLS, certificate days left, verdict.
fn table(out: &mut String, p: Palette, endpoints: &[EndpointReport]) {
    let rows: Vec<[String; 5]> = endpoints
        .iter()
        .map(|e| {
            [
                format!("{} {} [{}]", e.service.name(), escape(&e.host), e.address),
                e.port.to_string(),
                tls_cell(e),
                e.cert_days_left
                    .map_or_else(|| "-".to_string(), |d| d.to_string()),
                e.verdict.as_str().to_string(),
            ]
        })
        .collect();
    let head = ["endpoint", "port", "TLS", "cert days", "verdict"];
    let mut widths = head.map(str::len);
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 5]| {
        format!(
            "  {:<w0$}  {:>w1$}  {:<w2$}  {:>w3$}  ",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
        )
    };
    let _ = writeln!(out, "{}", p.dim(&format!("{}{}", line(head), head[4])));
    for (r, e) in rows.iter().zip(endpoints) {
        let paint = match e.verdict {
            Verdict::Ok => Paint::Green,
            Verdict::Warning => Paint::YellowBold,
            Verdict::Error | Verdict::Unreachable => Paint::Red,
            Verdict::NotListening => Paint::Dim,
        };
        let cells = [&*r[0], &*r[1], &*r[2], &*r[3], &*r[4]];
        let _ = writeln!(out, "{}{}", line(cells), p.paint(paint, &r[4]));
    }
}

fn tls_cell(e: &EndpointReport) -> String {
    let mode = match e.tls_mode {
        TlsMode::Implicit => "implicit",
        TlsMode::Starttls => "STARTTLS",
    };
    match (&e.tls_version, e.session.tls()) {
        (Some(version), _) => format!("{mode} {version}"),
        (None, Some(_)) => format!("{mode} failed"),
        (None, None) if e.session.connected() => format!("{mode}: none"),
        (None, None) => "-".to_string(),
    }
}

fn endpoint_text(out: &mut String, p: Palette, e: &EndpointReport) {
    match &e.session {
        ClientSession::Smtp(s) => session_text(out, p, s),
        ClientSession::Imap(s) | ClientSession::Pop3(s) => access_text(out, p, e, s),
    }
}

fn access_text(out: &mut String, p: Palette, e: &EndpointReport, s: &AccessSession) {
    let mode = match e.tls_mode {
        TlsMode::Starttls => e.service.starttls_command(),
        TlsMode::Implicit => "implicit TLS",
    };
    let _ = writeln!(
        out,
        "{}  {}",
        p.bold(&format!("{} [{}]:{}", escape(&e.host), e.address, e.port)),
        p.dim(&format!("{}, {mode}", e.service.name()))
    );
    let implicit = e.tls_mode == TlsMode::Implicit;
    if implicit {
        tls_rows(out, p, s.tls.as_ref());
    }
    if let Some(greeting) = &s.greeting {
        row(out, LABEL, "greeting", &escape(greeting));
    }
    if let Some(caps) = &s.capabilities {
        row(out, LABEL, "caps", &caps_text(p, caps));
    }
    if let Some(reply) = &s.starttls {
        row(out, LABEL, e.service.starttls_command(), &escape(reply));
    }
    if !implicit {
        tls_rows(out, p, s.tls.as_ref());
    }
    if let Some(caps) = &s.capabilities_tls {
        row(out, LABEL, "caps/TLS", &caps_text(p, caps));
    }
    if let Some(reply) = &s.logout {
        let command = match e.service.protocol() {
            Protocol::Imap => "LOGOUT",
            Protocol::Pop3 | Protocol::Smtp => "QUIT",
        };
        row(out, LABEL, command, &escape(reply));
    }
    if let Some(ended) = &s.ended {
        row(out, LABEL, "ended", &p.paint(Paint::Red, &escape(ended)));
    }
    row(
        out,
        LABEL,
        "time",
        &p.dim(&format!(
            "{}, {} bytes read",
            Duration(s.elapsed_ms),
            s.bytes_received
        )),
    );
    if let Some(lines) = &s.transcript {
        transcript(out, p, lines);
    }
}

fn caps_text(p: Palette, caps: &[String]) -> String {
    if caps.is_empty() {
        p.dim("none")
    } else {
        escape(&caps.join(", "))
    }
}

/// The check's scorecard line: the endpoints and their verdicts.
pub(super) fn card(c: &ClientsReport) -> String {
    if c.endpoints.is_empty() {
        return "no endpoint published".into();
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in &c.endpoints {
        let verdict = e.verdict.as_str();
        match counts.iter_mut().find(|(v, _)| *v == verdict) {
            Some((_, n)) => *n += 1,
            None => counts.push((verdict, 1)),
        }
    }
    let counts: Vec<String> = counts.iter().map(|(v, n)| format!("{n} {v}")).collect();
    let n = c.endpoints.len();
    let s = if n == 1 { "" } else { "s" };
    format!("{n} endpoint{s}: {}", counts.join(", "))
}
