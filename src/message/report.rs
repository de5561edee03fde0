//! What `verify` found about one received message (RFC 7208, RFC 6376, RFC 9989, RFC 8601):
//! SPF for the client that handed it over, every DKIM signature, the ARC chain (RFC 8617), the
//! DMARC verdict for its author, our result as an Authentication-Results field, and the fields
//! it already carries.

use std::net::IpAddr;

use serde::Serialize;

use crate::dmarc::verdict::DmarcVerdict;
use crate::finding::Finding;
use crate::spf::eval::Evaluation;

use super::DkimVerification;
use super::arc_report::ArcVerification;
use super::auth_results::AuthResults;
use super::received::Hop;

/// The whole verdict on a message.
#[derive(Debug, Clone, Serialize)]
pub struct MessageReport {
    pub spf: SpfCheck,
    pub dkim: DkimVerification,
    pub arc: ArcVerification,
    /// The one From address; `null` when there is none, or several.
    pub from: Option<String>,
    /// `null` when the message has no single author domain (a finding says why).
    pub dmarc: Option<DmarcVerdict>,
    /// Our result, as a receiver with authserv-id `mailaudit` would write it.
    pub authentication_results: AuthResults,
    /// The message's own Authentication-Results fields, top first.
    pub received_results: Vec<ReceivedResults>,
    /// The From findings, the DKIM findings and the ARC findings.
    pub findings: Vec<Finding>,
}

/// Where the SPF client came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClientSource {
    /// `--ip` (with `--helo`).
    Options,
    /// The topmost Received field a `--trusted-host` added.
    Received,
    /// Neither: SPF is not evaluated.
    Unknown,
}

/// SPF for the client that handed the message over (RFC 7208 §2.3, §2.4).
#[derive(Debug, Clone, Serialize)]
pub struct SpfCheck {
    pub source: ClientSource,
    /// The Received field the client was taken from, with `source: received`.
    pub hop: Option<Hop>,
    pub ip: Option<IpAddr>,
    /// The envelope sender checked: `--mail-from`, else the Return-Path field (`""`: null).
    pub mail_from: Option<String>,
    /// Where the envelope sender came from: `option`, `return-path`, or `null`.
    pub mail_from_source: Option<String>,
    pub helo: Option<String>,
    /// `null` when SPF was not evaluated.
    pub evaluation: Option<Evaluation>,
    /// Why SPF was not evaluated.
    pub not_evaluated: Option<String>,
}

/// An Authentication-Results field the message carries.
#[derive(Debug, Clone, Serialize)]
pub struct ReceivedResults {
    /// Its place among the message's Authentication-Results fields, 1 at the top.
    pub index: usize,
    /// The value, unfolded.
    pub text: String,
    /// Read as `method=result` pairs; `null` when it has no authserv-id.
    pub parsed: Option<AuthResults>,
}
