//! The TLS part of an SMTP session (RFC 3207, RFC 8314 §3.3): STARTTLS and its reply, the
//! handshake through the inspecting verifier (without SNI when the host name cannot carry it),
//! and what a failed or completed handshake records.

use tokio::time::timeout;

use crate::tls::Inspector;

use super::connection::{Connection, Stream};
use super::lints;
use super::session::{Dialogue, Step, Stop};
use super::{Ehlo, Extensions, TlsMode, TlsOutcome, codes};

impl Dialogue<'_> {
    pub(super) async fn starttls(&mut self) -> Step<()> {
        let reply = self.command("STARTTLS", "the reply to STARTTLS").await?;
        self.session.starttls = Some(reply.clone());
        if reply.code != 220 {
            self.finding(
                codes::STARTTLS_REJECTED,
                format!("STARTTLS is offered but answered {}", reply.summary()),
            );
            self.dane_without_starttls(&format!("STARTTLS was answered {}", reply.summary()));
            self.quit_quietly().await;
            return Err(Stop);
        }
        self.start_tls().await?;
        let name = self.settings.ehlo.clone();
        let again = self
            .command(&format!("EHLO {name}"), "the reply to EHLO over TLS")
            .await?;
        if again.is_positive() {
            let extensions = Extensions::parse(&again.lines);
            self.session.ehlo_tls = Some(Ehlo {
                reply: again,
                extensions,
            });
        } else {
            self.finding(
                codes::UNEXPECTED_REPLY,
                format!("EHLO over TLS got {}", again.summary()),
            );
        }
        Ok(())
    }

    /// The TLS handshake over the connection as it is now.
    pub(super) async fn start_tls(&mut self) -> Step<()> {
        let Some(conn) = self.conn.take() else {
            return Err(Stop);
        };
        let (io, leftover) = conn.into_parts();
        if !leftover.is_empty() {
            self.note(&format!(
                "discarded {} bytes sent before TLS",
                leftover.len()
            ));
            self.record(lints::plaintext_after_starttls(&leftover));
        }
        let inspector = self.new_inspector()?;
        let inspector = self.inspector.insert(inspector);
        self.doing = "the TLS handshake".into();
        let step = self.settings.limits.step;
        let result = timeout(step, inspector.handshake(io)).await;
        match result {
            Ok(Ok((tls, facts))) => {
                let boxed: Box<dyn Stream> = Box::new(tls);
                self.conn = Some(Connection::new(
                    boxed,
                    self.meter.clone(),
                    self.settings.limits,
                ));
                let outcome = TlsOutcome {
                    established: true,
                    error: None,
                    server_version: None,
                    facts,
                };
                self.note(&outcome.summary());
                self.certificate(&outcome);
                self.session.tls = Some(outcome);
                Ok(())
            }
            Ok(Err(failure)) => {
                self.handshake_failed(failure);
                Err(Stop)
            }
            Err(_) => {
                let message = format!(
                    "the TLS handshake did not finish within {} s",
                    step.as_secs_f64()
                );
                self.tls_failed(message.clone(), None);
                self.finding(codes::TIMEOUT, message);
                Err(Stop)
            }
        }
    }

    /// The inspector for this endpoint's handshake; a host name it cannot send as SNI is a
    /// finding, and the handshake goes on without SNI.
    fn new_inspector(&mut self) -> Step<Inspector> {
        let (trust, host) = (&self.settings.trust, &self.endpoint.host);
        let inspector = match Inspector::new(trust, host, self.endpoint.address, self.settings.at) {
            Ok(i) => i,
            Err(e) => {
                self.tls_failed(crate::tls::tls_error(&e), None);
                return Err(Stop);
            }
        };
        if inspector.name_unusable() {
            self.record(lints::sni_unusable(&self.endpoint.host));
        }
        Ok(inspector)
    }

    fn handshake_failed(&mut self, failure: crate::tls::HandshakeFailure) {
        self.tls_failed(failure.detail.clone(), failure.server_version.clone());
        let limit = self.settings.limits.bytes;
        let implicit = self.endpoint.tls == TlsMode::Implicit;
        let found = lints::handshake_failed(&failure, implicit, self.bytes_read(), limit);
        self.record(found);
        self.session.tls_failure = Some(failure);
    }

    pub(super) fn tls_failed(&mut self, error: String, server_version: Option<String>) {
        let outcome = TlsOutcome::failed(error, server_version, self.inspector.as_ref());
        self.note(&outcome.summary());
        self.certificate(&outcome);
        self.session.tls = Some(outcome);
    }

    /// The findings about the certificate chain a handshake met.
    fn certificate(&mut self, outcome: &TlsOutcome) {
        for found in lints::certificate(&self.endpoint.host, outcome) {
            self.record(found);
        }
    }
}
