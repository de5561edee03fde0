//! DANE in an SMTP session (RFC 7672 §2.2, §3): a host with usable TLSA records must offer
//! STARTTLS, and the chain its address presented must match one of them; the verdict goes into
//! the session, and a failure is a finding about the endpoint.

use std::time::SystemTime;

use crate::tls::Inspector;
use crate::tls::dane::{self, DaneStatus, DaneVerdict, RecordOutcome, Usability, codes};

use super::session::Dialogue;

/// Records' reasons named in one finding's message.
const SHOWN: usize = 4;

impl Dialogue<'_> {
    /// STARTTLS is not offered or was refused (`why`), which a DANE sender does not forgive.
    pub(super) fn dane_without_starttls(&mut self, why: &str) {
        let Some(input) = self.endpoint.dane.as_ref() else {
            return;
        };
        let usable = input
            .tlsa
            .iter()
            .filter(|r| r.usability() == Usability::Usable)
            .count();
        if usable > 0 {
            self.finding(
                codes::NO_STARTTLS,
                format!(
                    "{why}, but the host publishes {usable} usable TLSA record(s): DANE senders \
                     do not fall back to clear text, so they do not deliver here"
                ),
            );
        }
    }

    /// The chain presented (if any) against the host's TLSA records, once the session is over.
    pub(super) fn judge_dane(&mut self) {
        let Some(mut input) = self.endpoint.dane.clone() else {
            return;
        };
        if !self.session.connected {
            return;
        }
        if input.names.is_empty() {
            // The MX host name is always a reference identifier (RFC 7672 §3.2.2).
            std::sync::Arc::make_mut(&mut input)
                .names
                .push(self.endpoint.host.clone());
        }
        let chain = self
            .inspector
            .as_ref()
            .map(Inspector::presented)
            .unwrap_or_default();
        let at = self.settings.at.unwrap_or_else(SystemTime::now);
        let verdict = dane::verify(&chain, &input, at);
        let tls_tried = self.session.tls.is_some();
        match verdict.status {
            DaneStatus::NoMatch => {
                let message = no_match_message(&verdict);
                self.finding(codes::NO_MATCH, message);
            }
            DaneStatus::NoCertificate if tls_tried => self.finding(
                codes::NO_MATCH,
                "the TLS handshake ended before the server presented a certificate, so no TLSA \
                 record can match: DANE senders do not deliver here"
                    .to_string(),
            ),
            _ => {}
        }
        self.session.dane = Some(verdict);
    }
}

/// Each usable record's reason, the first few of them.
fn no_match_message(verdict: &DaneVerdict) -> String {
    let tried: Vec<String> = verdict
        .records
        .iter()
        .filter(|r| {
            !matches!(
                r.outcome,
                RecordOutcome::UnusableUsage | RecordOutcome::Malformed
            )
        })
        .map(|r| format!("record {} ({}): {}", r.index, r.record.short(), r.detail))
        .collect();
    let more = match tried.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!("; and {n} more"),
    };
    format!(
        "no usable TLSA record matches the chain the server presented: {}{more}",
        tried[..tried.len().min(SHOWN)].join("; ")
    )
}
