//! One IMAP or POP3 session held as a mail client holds it, up to the point where it would
//! log in (RFC 9051, RFC 1939, RFC 2595, RFC 8314): connecting, TLS first on an implicit-TLS
//! port, lines sent and read within the SMTP probe's bounds (octets per line, lines per reply,
//! octets per session, a timeout per step), the STARTTLS upgrade with the same inspecting
//! handshake, and the findings on the way. The protocol scripts are `imap` and `pop3`, and
//! `probe` runs them.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::time::timeout;

use crate::finding::{Code, Finding};
use crate::sanitize::quoted;
use crate::smtp::connection::{Connection, Meter, ReadError, Stream, open};
use crate::smtp::{Direction, Settings, TlsMode, TlsOutcome, TranscriptLine};
use crate::tls::{FailureKind, HandshakeFailure, Inspector, TlsFacts};

use super::{AccessSession, ClientEndpoint, codes, lints};

/// The session ended early; its findings are recorded.
pub struct Stop;

pub type Step<T> = Result<T, Stop>;

/// A session in progress and what it has recorded.
pub struct Dialogue<'a> {
    pub endpoint: &'a ClientEndpoint,
    pub settings: &'a Settings,
    pub session: AccessSession,
    pub findings: Vec<Finding>,
    transcript: Vec<TranscriptLine>,
    conn: Option<Connection>,
    meter: Meter,
    /// What the session is doing now, for the budget's message.
    doing: String,
}

impl<'a> Dialogue<'a> {
    pub fn new(endpoint: &'a ClientEndpoint, settings: &'a Settings) -> Self {
        Self {
            endpoint,
            settings,
            session: AccessSession {
                connected: false,
                greeting: None,
                capabilities: None,
                starttls: None,
                tls: None,
                capabilities_tls: None,
                logout: None,
                ended: None,
                elapsed_ms: 0,
                bytes_received: 0,
                transcript: None,
            },
            findings: Vec::new(),
            transcript: Vec::new(),
            conn: None,
            meter: Meter::default(),
            doing: "connecting".into(),
        }
    }

    /// Connects, and on an implicit-TLS port runs the handshake at once.
    pub async fn connect(&mut self) -> Step<()> {
        let addr = SocketAddr::new(self.endpoint.address, self.endpoint.port);
        match open(addr, &self.meter, self.settings.limits).await {
            Ok(conn) => {
                self.conn = Some(conn);
                self.session.connected = true;
            }
            Err(failure) => {
                self.note(&format!("cannot connect: {}", failure.explained()));
                let finding = lints::unreachable(self.endpoint, &addr, &failure);
                self.findings.push(finding);
                return Err(Stop);
            }
        }
        if self.endpoint.service.tls_mode() == TlsMode::Implicit {
            self.start_tls().await?;
        }
        Ok(())
    }

    /// The TLS handshake over the connection as it is now; bytes the server sent after its
    /// positive reply to STARTTLS are thrown away (RFC 2595 §3.1) and reported.
    pub async fn start_tls(&mut self) -> Step<()> {
        let Some(conn) = self.conn.take() else {
            return Err(Stop);
        };
        let (io, leftover) = conn.into_parts();
        if !leftover.is_empty() {
            self.injected(&leftover);
        }
        let (trust, host) = (&self.settings.trust, &self.endpoint.host);
        let inspector = match Inspector::new(trust, host, self.endpoint.address, self.settings.at) {
            Ok(i) => i,
            Err(e) => {
                let f = failure(FailureKind::Other, crate::tls::tls_error(&e));
                self.tls_failed(None, &f);
                self.handshake_finding(&f);
                return Err(Stop);
            }
        };
        if inspector.name_unusable() {
            self.findings.push(lints::sni_unusable(self.endpoint));
        }
        self.doing = "the TLS handshake".into();
        let step = self.settings.limits.step;
        match timeout(step, inspector.handshake(io)).await {
            Ok(Ok((tls, facts))) => {
                let stream: Box<dyn Stream> = Box::new(tls);
                self.conn = Some(Connection::new(
                    stream,
                    self.meter.clone(),
                    self.settings.limits,
                ));
                self.tls_done(facts);
                Ok(())
            }
            Ok(Err(f)) => {
                self.tls_failed(Some(&inspector), &f);
                self.handshake_finding(&f);
                Err(Stop)
            }
            Err(_) => {
                let message = format!(
                    "the TLS handshake did not finish within {} s",
                    step.as_secs_f64()
                );
                self.tls_failed(
                    Some(&inspector),
                    &failure(FailureKind::Other, message.clone()),
                );
                self.finding(codes::TIMEOUT, message);
                Err(Stop)
            }
        }
    }

    /// Bytes that came after the positive reply to STARTTLS and before TLS: dropped, and a
    /// finding (RFC 2595 §3.1 and RFC 3207 §5 injection).
    fn injected(&mut self, leftover: &[u8]) {
        self.note(&format!(
            "discarded {} bytes sent before TLS",
            leftover.len()
        ));
        let shown = crate::dns::bytes_text(&leftover[..leftover.len().min(60)]);
        self.finding(
            codes::STARTTLS_INJECTION,
            format!(
                "{} bytes arrived after the positive reply to {}, before TLS: {}",
                leftover.len(),
                self.endpoint.service.starttls_command(),
                quoted(&shown)
            ),
        );
    }

    fn tls_done(&mut self, facts: TlsFacts) {
        let outcome = TlsOutcome {
            established: true,
            error: None,
            server_version: None,
            facts,
        };
        self.note(&outcome.summary());
        self.findings
            .extend(lints::certificate(self.endpoint, &outcome));
        self.session.tls = Some(outcome);
    }

    fn tls_failed(&mut self, inspector: Option<&Inspector>, f: &HandshakeFailure) {
        let outcome = TlsOutcome::failed(f.detail.clone(), f.server_version.clone(), inspector);
        self.note(&outcome.summary());
        self.findings
            .extend(lints::certificate(self.endpoint, &outcome));
        self.session.tls = Some(outcome);
    }

    fn handshake_finding(&mut self, f: &HandshakeFailure) {
        if self.meter.read() >= self.settings.limits.bytes {
            self.too_large("during the TLS handshake");
        } else {
            let finding = lints::handshake_failed(self.endpoint, f);
            self.findings.push(finding);
        }
    }

    /// Sends one command line.
    pub async fn send(&mut self, line: &str) -> Step<()> {
        self.transcript.push(TranscriptLine {
            direction: Direction::Sent,
            text: line.to_string(),
        });
        let verb = line
            .split(' ')
            .find(|w| w.chars().all(|c| c.is_ascii_uppercase()));
        self.doing = format!("sending {}", verb.unwrap_or(line));
        let step = self.settings.limits.step;
        let Some(conn) = self.conn.as_mut() else {
            return Err(Stop);
        };
        match timeout(step, conn.send(line)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(self.dropped(&format!("while sending {}: {e}", quoted(line)))),
            Err(_) => {
                let message = format!(
                    "could not send {} within {} s",
                    quoted(line),
                    step.as_secs_f64()
                );
                self.finding(codes::TIMEOUT, message);
                Err(Stop)
            }
        }
    }

    /// Reads one line within the step timeout and the line limit; `what` names it for
    /// messages. Bytes that are not UTF-8 are shown as `\xNN`.
    pub async fn line(&mut self, what: &str) -> Step<String> {
        self.doing = format!("waiting for {what}");
        let step = self.settings.limits.step;
        let Some(conn) = self.conn.as_mut() else {
            return Err(Stop);
        };
        match timeout(step, conn.read_line()).await {
            Ok(Ok(raw)) => {
                let text = crate::dns::bytes_text(&raw);
                self.transcript.push(TranscriptLine {
                    direction: Direction::Received,
                    text: text.clone(),
                });
                Ok(text)
            }
            Ok(Err(e)) => Err(self.read_failed(what, e)),
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

    /// One line, or `None` for any failure, which is not a finding: for the reply to LOGOUT
    /// or QUIT, which a server may close without sending.
    pub async fn quiet_line(&mut self) -> Option<String> {
        let conn = self.conn.as_mut()?;
        let raw = timeout(self.settings.limits.step, conn.read_line())
            .await
            .ok()?
            .ok()?;
        let text = crate::dns::bytes_text(&raw);
        self.transcript.push(TranscriptLine {
            direction: Direction::Received,
            text: text.clone(),
        });
        Some(text)
    }

    /// Lines of one multi-line response, within the line-count limit: `more` says whether a
    /// line is followed by another, or why it cannot be read (a malformed response, at once).
    pub async fn lines(
        &mut self,
        what: &str,
        more: impl Fn(&str) -> Result<bool, String>,
    ) -> Step<Vec<String>> {
        let mut lines = Vec::new();
        loop {
            if lines.len() == self.settings.limits.lines {
                let limit = self.settings.limits.lines;
                self.note(&format!("more than {limit} lines; stopped reading"));
                self.finding(
                    codes::RESPONSE_TOO_LARGE,
                    format!("{what} went on past {limit} lines; the probe stopped reading"),
                );
                return Err(Stop);
            }
            let line = self.line(what).await?;
            let go_on = match more(&line) {
                Ok(go_on) => go_on,
                Err(why) => {
                    self.finding(codes::RESPONSE_MALFORMED, format!("{what}: {why}"));
                    return Err(Stop);
                }
            };
            lines.push(line);
            if !go_on {
                return Ok(lines);
            }
        }
    }

    fn read_failed(&mut self, what: &str, e: ReadError) -> Stop {
        match e {
            ReadError::Closed => self.dropped(&format!("while waiting for {what}")),
            ReadError::Io(error) => self.dropped(&format!("while waiting for {what}: {error}")),
            ReadError::LineTooLong(limit) => {
                self.note(&format!(
                    "a line longer than {limit} octets; stopped reading"
                ));
                self.finding(
                    codes::RESPONSE_TOO_LARGE,
                    format!(
                        "a line of {what} is longer than {limit} octets; the probe stopped \
                         reading"
                    ),
                );
                Stop
            }
            ReadError::TooManyBytes(_) => {
                self.too_large(&format!("while sending {what}"));
                Stop
            }
            ReadError::TooManyLines(limit) => {
                self.finding(
                    codes::RESPONSE_TOO_LARGE,
                    format!("{what} went on past {limit} lines; the probe stopped reading"),
                );
                Stop
            }
            ReadError::Malformed(line) => {
                self.finding(
                    codes::RESPONSE_MALFORMED,
                    format!("{what}: {} cannot be read", quoted(&line)),
                );
                Stop
            }
        }
    }

    fn too_large(&mut self, when: &str) {
        let limit = self.settings.limits.bytes;
        self.note(&format!(
            "{limit} octets read in the session; stopped reading"
        ));
        self.finding(
            codes::RESPONSE_TOO_LARGE,
            format!(
                "the server sent more than {limit} octets in the session ({when}); the probe \
                 stopped reading"
            ),
        );
    }

    pub fn dropped(&mut self, detail: &str) -> Stop {
        self.note(&format!("connection closed {detail}"));
        self.finding(
            codes::CONNECTION_DROPPED,
            format!("the server closed the connection {detail}"),
        );
        Stop
    }

    fn budget_exceeded(&mut self, budget: Duration, named: &str) {
        let doing = self.doing.clone();
        self.note(&format!(
            "budget of {} s used up while {doing}",
            budget.as_secs_f64()
        ));
        self.finding(
            codes::BUDGET_EXCEEDED,
            format!("the session did not end within {named}; it was {doing}"),
        );
    }

    pub fn note(&mut self, text: &str) {
        self.transcript.push(TranscriptLine {
            direction: Direction::Note,
            text: text.to_string(),
        });
    }

    /// Records a finding about this endpoint.
    pub fn finding(&mut self, code: Code, message: String) {
        self.findings
            .push(Finding::new(code, self.endpoint.label(), message));
    }

    /// Ends the session after its script: run to the end (`Ok(Ok(()))`), stopped early
    /// (`Ok(Err(Stop))`), or out of its `budget` (`Err`), which `named` names.
    pub fn conclude(
        mut self,
        script: Result<Step<()>, tokio::time::error::Elapsed>,
        (budget, named): (Duration, String),
        started: Instant,
    ) -> (AccessSession, Vec<Finding>) {
        let ended = match script {
            Ok(Ok(())) => false,
            Ok(Err(Stop)) => true,
            Err(_) => {
                self.budget_exceeded(budget, &named);
                true
            }
        };
        if ended {
            self.session.ended = Some(
                self.findings
                    .last()
                    .map_or_else(|| "ended early".to_string(), |f| f.message.clone()),
            );
        }
        self.finish(started)
    }

    fn finish(mut self, started: Instant) -> (AccessSession, Vec<Finding>) {
        self.session.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.session.bytes_received = self.meter.read();
        if self.settings.transcript {
            self.session.transcript = Some(self.transcript);
        }
        (self.session, self.findings)
    }
}

fn failure(kind: FailureKind, detail: String) -> HandshakeFailure {
    HandshakeFailure {
        kind,
        detail,
        server_version: None,
    }
}
