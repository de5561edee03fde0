//! One SMTP session as a sending server holds it (RFC 5321 §3, RFC 3207): connect, read the
//! banner, EHLO (HELO when refused), STARTTLS and the TLS handshake (or TLS first on an
//! implicit-TLS port, RFC 8314 §3.3), EHLO again, and QUIT — with `--rcpt-test`, also
//! `MAIL FROM:<>`, `RCPT TO:<postmaster@...>` and RSET. Nothing else is sent. Each step has a
//! timeout and the session a budget; whatever the server does, the session ends and says how.
//! The TLS steps are in `starttls`, the recipient test in `rcpt`.

use std::net::SocketAddr;
use std::time::Instant;

use tokio::time::timeout;

use crate::finding::Finding;
use crate::tls::Inspector;

use super::connection::{Connection, Meter, open};
use super::lints::{self, ReadFailure};
use super::{
    Direction, Ehlo, Endpoint, Extensions, Reply, Session, Settings, TlsMode, TranscriptLine, codes,
};

/// The session ended early; its findings are recorded.
pub struct Stop;

pub(super) type Step<T> = Result<T, Stop>;

/// A session in progress and what it has recorded.
pub(super) struct Dialogue<'a> {
    pub endpoint: &'a Endpoint,
    pub settings: &'a Settings,
    pub session: Session,
    pub findings: Vec<Finding>,
    transcript: Vec<TranscriptLine>,
    pub(super) conn: Option<Connection>,
    pub(super) meter: Meter,
    /// What the session is doing now, for a timeout's message.
    pub(super) doing: String,
    pub(super) inspector: Option<Inspector>,
}

/// Probes one endpoint within the budget.
pub async fn run(endpoint: &Endpoint, settings: &Settings) -> (Session, Vec<Finding>) {
    let started = Instant::now();
    let mut d = Dialogue::new(endpoint, settings);
    let (budget, named) = settings.session_budget();
    match timeout(budget, d.converse()).await {
        Ok(Ok(())) => {}
        Ok(Err(Stop)) => d.mark_ended(),
        Err(_) => {
            d.budget_exceeded(budget, &named);
            d.mark_ended();
        }
    }
    d.finish(started)
}

impl<'a> Dialogue<'a> {
    fn new(endpoint: &'a Endpoint, settings: &'a Settings) -> Self {
        Self {
            endpoint,
            settings,
            session: Session {
                host: endpoint.host.clone(),
                address: endpoint.address,
                port: endpoint.port,
                tls_mode: endpoint.tls,
                role: endpoint.role,
                connected: false,
                banner: None,
                ehlo: None,
                helo: None,
                starttls: None,
                tls: None,
                ehlo_tls: None,
                rcpt_test: None,
                quit: None,
                ended: None,
                elapsed_ms: 0,
                bytes_received: 0,
                transcript: None,
                dane: None,
                connect_failure: None,
                tls_failure: None,
            },
            findings: Vec::new(),
            transcript: Vec::new(),
            conn: None,
            meter: Meter::default(),
            doing: "connecting".into(),
            inspector: None,
        }
    }

    async fn converse(&mut self) -> Step<()> {
        self.connect().await?;
        let implicit = self.endpoint.tls == TlsMode::Implicit;
        if implicit {
            self.start_tls().await?;
        }
        self.banner().await?;
        let extensions = self.greet().await?;
        if !implicit {
            if let Some(found) = extensions.as_ref().and_then(lints::auth_before_tls) {
                self.record(found);
            }
            if extensions.as_ref().is_some_and(|e| e.starttls) {
                self.starttls().await?;
            } else {
                self.record(lints::starttls_missing(
                    self.endpoint.role,
                    extensions.is_some(),
                ));
                self.dane_without_starttls("the server does not offer STARTTLS");
            }
        }
        if let Some(recipient) = self.settings.rcpt_test.clone() {
            self.rcpt_test(&recipient).await?;
        }
        self.quit().await
    }

    async fn connect(&mut self) -> Step<()> {
        let addr = SocketAddr::new(self.endpoint.address, self.endpoint.port);
        let failure = match open(addr, &self.meter, self.settings.limits).await {
            Ok(conn) => {
                self.conn = Some(conn);
                self.session.connected = true;
                return Ok(());
            }
            Err(failure) => failure,
        };
        let error = failure.explained();
        self.note(&format!("cannot connect: {error}"));
        let blocked = if self.endpoint.port == 25 && !failure.no_route {
            "; outbound port 25 is blocked on many home and cloud networks, so this may be \
             about where the probe runs rather than about the server"
        } else {
            ""
        };
        self.finding(
            codes::CONNECT_FAILED,
            format!("cannot connect to {addr}: {error}{blocked}"),
        );
        if failure.no_route
            && let Some(f) = self.findings.last_mut()
        {
            // Untested, not broken.
            f.severity = crate::finding::Severity::Warning;
        }
        self.session.connect_failure = Some(failure);
        Err(Stop)
    }

    async fn banner(&mut self) -> Step<()> {
        let banner = self.read("the banner").await?;
        self.session.banner = Some(banner.clone());
        match banner.code {
            220 => Ok(()),
            421 => {
                self.finding(
                    codes::SERVICE_NOT_AVAILABLE,
                    format!("the server greets with {}", banner.summary()),
                );
                self.quit_quietly().await;
                Err(Stop)
            }
            _ => {
                self.finding(
                    codes::BANNER_UNEXPECTED,
                    format!("the server greets with {}, not 220", banner.summary()),
                );
                self.quit_quietly().await;
                Err(Stop)
            }
        }
    }

    /// EHLO, or HELO when EHLO is refused; the extensions, or `None` after HELO.
    async fn greet(&mut self) -> Step<Option<Extensions>> {
        let name = self.settings.ehlo.clone();
        let reply = self
            .command(&format!("EHLO {name}"), "the reply to EHLO")
            .await?;
        if reply.is_positive() {
            let extensions = Extensions::parse(&reply.lines);
            self.session.ehlo = Some(Ehlo {
                reply,
                extensions: extensions.clone(),
            });
            return Ok(Some(extensions));
        }
        let helo = self
            .command(&format!("HELO {name}"), "the reply to HELO")
            .await?;
        self.session.helo = Some(helo.clone());
        let outcome = if helo.is_positive() {
            "HELO was accepted, so the session goes on without extensions (no STARTTLS)"
        } else {
            "HELO was refused too"
        };
        self.finding(
            codes::EHLO_REJECTED,
            format!(
                "EHLO {name} got {}; {outcome} ({})",
                reply.summary(),
                helo.summary()
            ),
        );
        if helo.is_positive() {
            Ok(None)
        } else {
            self.quit_quietly().await;
            Err(Stop)
        }
    }

    async fn quit(&mut self) -> Step<()> {
        let reply = self.command("QUIT", "the reply to QUIT").await?;
        if !reply.is_positive() {
            self.finding(
                codes::UNEXPECTED_REPLY,
                format!("QUIT got {}", reply.summary()),
            );
        }
        self.session.quit = Some(reply);
        Ok(())
    }

    /// QUIT after the server refused the session: a courtesy, so nothing it does is a finding.
    pub(super) async fn quit_quietly(&mut self) {
        let Some(conn) = self.conn.as_mut() else {
            return;
        };
        let step = self.settings.limits.step;
        self.transcript.push(TranscriptLine {
            direction: Direction::Sent,
            text: "QUIT".into(),
        });
        if let Ok(Ok(())) = timeout(step, conn.send("QUIT")).await
            && let Ok(Ok(reply)) = timeout(step, conn.read_reply()).await
        {
            self.received(&reply);
            self.session.quit = Some(reply);
        }
    }

    /// Sends `line` and reads the reply.
    pub(super) async fn command(&mut self, line: &str, reply_to: &str) -> Step<Reply> {
        self.transcript.push(TranscriptLine {
            direction: Direction::Sent,
            text: line.to_string(),
        });
        self.doing = format!("sending {}", line.split(' ').next().unwrap_or(line));
        let step = self.settings.limits.step;
        let Some(conn) = self.conn.as_mut() else {
            return Err(Stop);
        };
        match timeout(step, conn.send(line)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                return Err(self.dropped(&format!(
                    "while sending {}: {e}",
                    crate::sanitize::quoted(line)
                )));
            }
            Err(_) => {
                let message = format!(
                    "could not send {} within {} s",
                    crate::sanitize::quoted(line),
                    step.as_secs_f64()
                );
                self.finding(codes::TIMEOUT, message);
                return Err(Stop);
            }
        }
        self.read(reply_to).await
    }

    /// Reads one reply within the step timeout; `what` names it for messages.
    async fn read(&mut self, what: &str) -> Step<Reply> {
        self.doing = format!("waiting for {what}");
        let step = self.settings.limits.step;
        let Some(conn) = self.conn.as_mut() else {
            return Err(Stop);
        };
        match timeout(step, conn.read_reply()).await {
            Ok(Ok(reply)) => {
                self.received(&reply);
                Ok(reply)
            }
            Ok(Err(e)) => {
                match lints::read_failed(what, e) {
                    ReadFailure::Dropped(detail) => {
                        self.dropped(&detail);
                    }
                    ReadFailure::Stopped { note, found } => {
                        self.note(&note);
                        self.record(found);
                    }
                }
                Err(Stop)
            }
            Err(_) => {
                let message = format!(
                    "timed out after {} s waiting for {what}",
                    step.as_secs_f64()
                );
                self.note(&message);
                self.finding(codes::TIMEOUT, message);
                Err(Stop)
            }
        }
    }

    fn received(&mut self, reply: &Reply) {
        for line in reply.wire_lines() {
            self.transcript.push(TranscriptLine {
                direction: Direction::Received,
                text: line,
            });
        }
    }

    pub(super) fn dropped(&mut self, detail: &str) -> Stop {
        self.note(&format!("connection closed {detail}"));
        self.finding(
            codes::CONNECTION_DROPPED,
            format!("the server closed the connection {detail}"),
        );
        Stop
    }

    fn budget_exceeded(&mut self, budget: std::time::Duration, named: &str) {
        let budget = budget.as_secs_f64();
        let doing = self.doing.clone();
        if doing == "the TLS handshake" && self.session.tls.is_none() {
            self.tls_failed(format!("the budget of {budget} s ran out"), None);
        }
        self.note(&format!("budget of {budget} s used up while {doing}"));
        self.finding(
            codes::BUDGET_EXCEEDED,
            format!("the session did not end within {named}; it was {doing}"),
        );
    }

    pub(super) fn bytes_read(&self) -> u64 {
        self.meter.read()
    }

    pub(super) fn note(&mut self, text: &str) {
        self.transcript.push(TranscriptLine {
            direction: Direction::Note,
            text: text.to_string(),
        });
    }

    /// Records what a lint found.
    pub(super) fn record(&mut self, (code, message): lints::Found) {
        self.finding(code, message);
    }

    /// Records a finding about this endpoint, at the severity its role calls for.
    pub(super) fn finding(&mut self, code: crate::finding::Code, message: String) {
        let finding = Finding::new(code, self.endpoint.label(), message);
        self.findings
            .push(lints::for_role(finding, self.endpoint.role));
    }

    fn finish(mut self, started: Instant) -> (Session, Vec<Finding>) {
        self.judge_dane();
        self.session.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.session.bytes_received = self.meter.read();
        if self.settings.transcript {
            self.session.transcript = Some(self.transcript);
        }
        (self.session, self.findings)
    }

    /// Records that the session ended early, and why: its last finding.
    fn mark_ended(&mut self) {
        let why = self
            .findings
            .last()
            .map_or_else(|| "ended early".to_string(), |f| f.message.clone());
        self.session.ended = Some(why);
    }
}
