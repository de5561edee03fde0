//! Text for the SMTP probe (RFC 5321, RFC 3207): the hosts, then a few lines per endpoint in
//! the manner of a swaks and testssl summary — banner, extensions, STARTTLS, the TLS version,
//! cipher and group, the chain with its verdict, EHLO over TLS, QUIT — the dialogue with
//! `--transcript`, and the findings.

use std::fmt::Write;

use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;
use crate::smtp::{
    Direction, Ehlo, ProbeReport, RcptTest, Reply, Role, Session, TlsMode, TlsOutcome,
    TranscriptLine,
};
use crate::tls::{CertVerdict, ChainCert};

use super::findings::{findings, quiet_findings};
use super::layout::row;

/// The width of the row labels.
pub(super) const LABEL: usize = 10;

impl Report for ProbeReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let title = self
            .domain
            .as_deref()
            .map_or_else(|| "hosts".to_string(), escape);
        let _ = writeln!(out, "{} {}", p.bold("SMTP probe"), p.bold(&title));
        for host in &self.hosts {
            let label = host
                .preference
                .map_or_else(|| "host".to_string(), |_| "MX".into());
            let preference = host.preference.map(|n| format!("{n} ")).unwrap_or_default();
            let addresses: Vec<String> = host.addresses.iter().map(ToString::to_string).collect();
            let addresses = if addresses.is_empty() {
                p.dim("no address")
            } else {
                addresses.join(", ")
            };
            row(
                &mut out,
                LABEL,
                &label,
                &format!("{preference}{}  {addresses}", escape(&host.name)),
            );
        }
        if self.hosts.is_empty() {
            row(&mut out, LABEL, "hosts", &p.dim("none to probe"));
        }
        for session in &self.sessions {
            let _ = writeln!(out);
            session_text(&mut out, p, session);
        }
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

pub(super) fn session_text(out: &mut String, p: Palette, s: &Session) {
    let mode = match s.tls_mode {
        TlsMode::Starttls => "STARTTLS",
        TlsMode::Implicit => "implicit TLS",
    };
    let role = match s.role {
        Role::Relay => "relay",
        Role::Submission => "submission",
    };
    let _ = writeln!(
        out,
        "{}  {}",
        p.bold(&format!("{} [{}]:{}", escape(&s.host), s.address, s.port)),
        p.dim(&format!("{mode}, {role}"))
    );
    if s.tls_mode == TlsMode::Implicit {
        tls_rows(out, p, s.tls.as_ref());
    }
    if let Some(banner) = &s.banner {
        row(out, LABEL, "banner", &reply_text(banner));
    }
    if let Some(ehlo) = &s.ehlo {
        row(out, LABEL, "EHLO", &ehlo_text(ehlo));
    }
    if let Some(helo) = &s.helo {
        row(out, LABEL, "HELO", &reply_text(helo));
    }
    if let Some(reply) = &s.starttls {
        row(out, LABEL, "STARTTLS", &reply_text(reply));
    }
    if s.tls_mode == TlsMode::Starttls {
        tls_rows(out, p, s.tls.as_ref());
    }
    if let Some(ehlo) = &s.ehlo_tls {
        row(out, LABEL, "EHLO/TLS", &ehlo_text(ehlo));
    }
    if let Some(verdict) = &s.dane {
        super::dane::dane_rows(out, LABEL, p, verdict);
    }
    if let Some(test) = &s.rcpt_test {
        rcpt_rows(out, test);
    }
    if let Some(quit) = &s.quit {
        row(out, LABEL, "QUIT", &reply_text(quit));
    }
    if let Some(ended) = &s.ended {
        row(out, LABEL, "ended", &p.paint(Paint::Red, &escape(ended)));
    }
    let secs = Duration(s.elapsed_ms);
    row(
        out,
        LABEL,
        "time",
        &p.dim(&format!("{secs}, {} bytes read", s.bytes_received)),
    );
    if let Some(lines) = &s.transcript {
        transcript(out, p, lines);
    }
}

/// The dialogue: `>` sent, `<` received, `*` what happened off the wire.
pub(super) fn transcript(out: &mut String, p: Palette, lines: &[TranscriptLine]) {
    let _ = writeln!(out, "  dialogue");
    for line in lines {
        let (mark, text) = match line.direction {
            Direction::Sent => ("> ", escape(&line.text)),
            Direction::Received => ("< ", escape(&line.text)),
            Direction::Note => ("* ", p.dim(&escape(&line.text))),
        };
        let _ = writeln!(out, "    {mark}{text}");
    }
}

/// Milliseconds shown as seconds.
pub(super) struct Duration(pub u64);

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{:02} s", self.0 / 1000, (self.0 % 1000) / 10)
    }
}

fn reply_text(reply: &Reply) -> String {
    let more = match reply.lines.len() {
        0 | 1 => String::new(),
        n => format!(" (+{} lines)", n - 1),
    };
    format!("{}{more}", escape(&reply.summary()))
}

fn ehlo_text(ehlo: &Ehlo) -> String {
    let keywords = ehlo.extensions.keywords();
    if keywords.is_empty() {
        format!("{} (no extensions)", ehlo.reply.code)
    } else {
        escape(&keywords.join(", "))
    }
}

pub(super) fn tls_rows(out: &mut String, p: Palette, tls: Option<&TlsOutcome>) {
    let Some(tls) = tls else {
        return;
    };
    let f = &tls.facts;
    if tls.established {
        let group = f
            .key_exchange_group
            .as_deref()
            .unwrap_or("no key exchange group");
        row(
            out,
            LABEL,
            "TLS",
            &format!("{}  {}  {}", f.version, f.cipher_suite, group),
        );
    } else {
        let error = tls.error.as_deref().unwrap_or("failed");
        row(
            out,
            LABEL,
            "TLS",
            &p.paint(Paint::Red, &format!("failed: {}", escape(error))),
        );
    }
    if let Some(cert) = &f.certificate {
        let paint = if cert.verdict == CertVerdict::Valid {
            Paint::Green
        } else {
            Paint::Red
        };
        row(out, LABEL, "cert", &p.paint(paint, &escape(&cert.detail)));
    }
    for (i, c) in f.chain.iter().enumerate() {
        let label = if i == 0 && f.certificate.is_none() {
            "cert"
        } else {
            ""
        };
        row(out, LABEL, label, &chain_text(p, i, c));
    }
}

fn chain_text(p: Palette, i: usize, c: &ChainCert) -> String {
    let key = match c.key_bits {
        Some(bits) if !c.key_type.starts_with("ECDSA") && c.key_type != "Ed25519" => {
            format!("{} {bits}", c.key_type)
        }
        _ => c.key_type.clone(),
    };
    let left = match c.days_left {
        Some(days) if days < 0 => p.paint(Paint::Red, &format!("expired {} days ago", -days)),
        Some(days) => format!("{days} days left"),
        None => escape(&c.not_after),
    };
    format!(
        "{} {}  {}  {}  {left}  {}",
        i + 1,
        escape(&c.subject),
        escape(&key),
        escape(&c.signature_algorithm),
        p.dim(&format!("issued by {}", escape(&c.issuer)))
    )
}

fn rcpt_rows(out: &mut String, test: &RcptTest) {
    if let Some(reply) = &test.mail_from {
        row(
            out,
            LABEL,
            "MAIL",
            &format!("FROM:<>  {}", reply_text(reply)),
        );
    }
    if let Some(reply) = &test.rcpt_to {
        row(
            out,
            LABEL,
            "RCPT",
            &format!("TO:<{}>  {}", escape(&test.recipient), reply_text(reply)),
        );
    }
}

/// The check's scorecard line: sessions, STARTTLS, TLS versions and the soonest certificate expiry.
pub(super) fn card(p: &ProbeReport) -> String {
    let total = p.sessions.len();
    if total == 0 {
        return "nothing to probe".into();
    }
    let connected = p.sessions.iter().filter(|s| s.connected).count();
    let tls: Vec<&TlsOutcome> = p
        .sessions
        .iter()
        .filter_map(|s| s.tls.as_ref())
        .filter(|t| t.established)
        .collect();
    let mut versions: Vec<&str> = tls.iter().map(|t| t.facts.version.as_str()).collect();
    versions.sort_unstable();
    versions.dedup();
    let days = tls
        .iter()
        .filter_map(|t| t.facts.chain.first().and_then(|c| c.days_left))
        .min();
    let mut facts = format!("{connected}/{total} connected, TLS on {}", tls.len());
    if !versions.is_empty() {
        let _ = write!(facts, " ({})", versions.join(", "));
    }
    if let Some(days) = days {
        let _ = write!(facts, ", certificate expires in {days} days");
    }
    facts
}
