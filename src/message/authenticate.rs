//! A received message authenticated as its receiver would (RFC 7208, RFC 6376, RFC 9989,
//! RFC 8617, RFC 8601): SPF for the client given or taken from a trusted Received field (never
//! from an untrusted one), every DKIM signature, the ARC chain, and DMARC for the one author
//! domain.

use std::net::IpAddr;

use crate::dmarc::verdict::{DmarcResult, Identifier, Mechanism, evaluate};
use crate::dns::Dns;
use crate::finding::Finding;
use crate::sanitize::escape;
use crate::spf::eval::{EvalOptions, EvalRequest, SpfResult, check_host_with};

use super::DkimResult;
use super::arc::verify_arc;
use super::from::{FromProblem, author};
use super::read::Message;
use super::received::{NoHop, trusted_hop};
use super::report::{ClientSource, MessageReport, ReceivedResults, SpfCheck};
use super::verify::verify_dkim;
use super::{codes, our_results};

/// Authentication-Results fields of the message read at most.
pub const MAX_RECEIVED_RESULTS: usize = 50;

/// What the receiver knew of the SMTP session, as the user gives it.
#[derive(Debug, Clone, Default)]
pub struct Envelope {
    pub ip: Option<IpAddr>,
    pub mail_from: Option<String>,
    pub helo: Option<String>,
    /// The receiving MTA's names: their Received fields are believed.
    pub trusted_hosts: Vec<String>,
}

/// The verdict on `message` at `now` (seconds since 1970).
pub async fn authenticate(
    dns: &Dns,
    message: &Message,
    envelope: &Envelope,
    now: u64,
    options: EvalOptions,
) -> MessageReport {
    let spf = spf_check(dns, message, envelope, now, options).await;
    let dkim = verify_dkim(dns, message, now).await;
    let arc = verify_arc(dns, message).await;
    let mut findings = Vec::new();
    let (from, dmarc) = match author(message) {
        Ok(a) => {
            let mut ids = Vec::new();
            // DMARC's SPF identifier is the MAIL FROM domain (HELO for the null sender): a
            // HELO checked because the sender is unknown is no identifier of it.
            if let Some(e) = spf.evaluation.as_ref().filter(|_| spf.mail_from.is_some()) {
                ids.push(Identifier {
                    mechanism: Mechanism::Spf,
                    domain: e.domain.clone(),
                    passed: e.result == SpfResult::Pass,
                });
            }
            for check in &dkim.signatures {
                if let Some(sig) = &check.signature {
                    ids.push(Identifier {
                        mechanism: Mechanism::Dkim,
                        domain: sig.domain.clone(),
                        passed: check.result == DkimResult::Pass,
                    });
                }
            }
            (Some(a.address), Some(evaluate(dns, &a.domain, &ids).await))
        }
        Err(problem) => {
            findings.push(from_finding(&problem));
            (None, None)
        }
    };
    findings.extend(dkim.findings.iter().cloned());
    findings.extend(arc.findings.iter().cloned());
    let ours = our_results::ours(&spf, &dkim, &arc, dmarc.as_ref());
    MessageReport {
        spf,
        dkim,
        arc,
        from,
        dmarc,
        authentication_results: ours,
        received_results: received_results(message),
        findings,
    }
}

/// Whether DMARC's verdict fails the message, passes it, or could not be reached.
pub fn dmarc_failed(report: &MessageReport) -> bool {
    report.dmarc.is_none()
        || report
            .dmarc
            .as_ref()
            .is_some_and(|d| d.result == DmarcResult::Fail)
}

fn from_finding(problem: &FromProblem) -> Finding {
    match problem {
        FromProblem::Missing => Finding::new(
            codes::FROM_MISSING,
            "From",
            "the message has no From field: DMARC has no author domain to evaluate",
        ),
        FromProblem::SeveralFields(n) => Finding::new(
            codes::FROM_MULTIPLE,
            "From",
            format!("{n} From fields: DMARC needs exactly one author"),
        ),
        FromProblem::SeveralAddresses(n) => Finding::new(
            codes::FROM_MULTIPLE,
            "From",
            format!("the From field names {n} addresses: DMARC needs exactly one author"),
        ),
        FromProblem::NoDomain(text) => Finding::new(
            codes::FROM_NO_DOMAIN,
            "From",
            format!("{} has no usable domain", crate::sanitize::quoted(text)),
        ),
    }
}

/// The client, the envelope and SPF's result for them, or why it was not evaluated.
async fn spf_check(
    dns: &Dns,
    message: &Message,
    envelope: &Envelope,
    now: u64,
    options: EvalOptions,
) -> SpfCheck {
    let (mail_from, mail_from_source) = match &envelope.mail_from {
        Some(m) => (Some(m.clone()), Some("option".to_string())),
        None => match return_path(message) {
            Some(m) => (Some(m), Some("return-path".to_string())),
            None => (None, None),
        },
    };
    let mut check = SpfCheck {
        source: ClientSource::Unknown,
        hop: None,
        ip: envelope.ip,
        mail_from,
        mail_from_source,
        helo: envelope.helo.clone(),
        evaluation: None,
        not_evaluated: None,
    };
    if let Err(why) = client(message, envelope, &mut check) {
        check.not_evaluated = Some(why);
        return check;
    }
    let Some(ip) = check.ip else {
        return check;
    };
    let no_helo = check.helo.is_none();
    match check.mail_from.as_deref() {
        None if no_helo => {
            check.not_evaluated = Some(
                "no envelope sender (no --mail-from, no Return-Path field) and no HELO name".into(),
            );
            return check;
        }
        Some("") if no_helo => {
            check.not_evaluated = Some(
                "the null sender is checked as postmaster@HELO (RFC 7208 §2.4), and the HELO \
                 name is not known: give --helo"
                    .into(),
            );
            return check;
        }
        _ => {}
    }
    let request = EvalRequest {
        ip,
        mail_from: check.mail_from.clone(),
        helo: check.helo.clone(),
        receiver: "mailaudit".into(),
        now,
    };
    let mut evaluation = check_host_with(dns, &request, options).await;
    evaluation.trace.clear();
    check.evaluation = Some(evaluation);
    check
}

/// Fills in the client: the options, else the trusted Received field; `Err` says why neither.
fn client(message: &Message, envelope: &Envelope, check: &mut SpfCheck) -> Result<(), String> {
    if envelope.ip.is_some() {
        check.source = ClientSource::Options;
        return Ok(());
    }
    if envelope.trusted_hosts.is_empty() {
        return Err(
            "the connecting client is not known: give --ip, or --trusted-host to take it \
                    from the Received field the receiving MTA added (never from an untrusted one)"
                .into(),
        );
    }
    let received: Vec<String> = message.fields("Received").map(unfolded).collect();
    let received: Vec<&str> = received.iter().map(String::as_str).collect();
    match trusted_hop(&received, &envelope.trusted_hosts) {
        Ok(hop) => {
            check.source = ClientSource::Received;
            check.ip = Some(hop.ip);
            if check.helo.is_none() {
                check.helo.clone_from(&hop.helo);
            }
            check.hop = Some(hop);
            Ok(())
        }
        Err(NoHop::NotTrusted) => Err(format!(
            "no Received field was added by a trusted host ({})",
            envelope
                .trusted_hosts
                .iter()
                .map(|h| escape(h))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Err(NoHop::NoAddress { index }) => Err(format!(
            "Received field {index} (from the top, 0 the newest) was added by a trusted host but \
             names no client address"
        )),
    }
}

/// The envelope sender the final delivery recorded: the topmost Return-Path's `<addr>`.
fn return_path(message: &Message) -> Option<String> {
    let value = unfolded(message.fields("Return-Path").next()?);
    let value = value.trim();
    let inner = match (value.find('<'), value.rfind('>')) {
        (Some(open), Some(close)) if open < close => &value[open + 1..close],
        _ => value,
    };
    // A source route (`<@a,@b:user@d>`) is obsolete; the mailbox follows its colon.
    let inner = inner.rsplit_once(':').map_or(inner, |(_, m)| m);
    Some(inner.trim().to_string())
}

/// A field's value without its folds (RFC 5322 §2.2.3), read as text.
fn unfolded(field: &super::HeaderField) -> String {
    String::from_utf8_lossy(field.value())
        .replace("\r\n", "")
        .trim()
        .to_string()
}

fn received_results(message: &Message) -> Vec<ReceivedResults> {
    message
        .fields("Authentication-Results")
        .take(MAX_RECEIVED_RESULTS)
        .enumerate()
        .map(|(i, field)| {
            let text = unfolded(field);
            ReceivedResults {
                index: i + 1,
                parsed: super::auth_results::AuthResults::parse(&text),
                text,
            }
        })
        .collect()
}
