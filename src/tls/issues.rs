//! What a client that validates certificates makes of the chain a server presented (RFC 5280
//! §6, RFC 6125 §6, RFC 8446 §4.4.2): expired or not yet valid, the wrong name, an untrusted
//! chain, renewal due within [`EXPIRING_DAYS`], and keys or signatures too weak to count. Each
//! protocol maps these to its own finding codes and severities.

use crate::finding::Code;

use super::algorithms::{MIN_RSA_BITS, weak_signature};
use super::{CertVerdict, TlsFacts};

/// Certificate validity left below which renewal looks overdue.
pub const EXPIRING_DAYS: i64 = 30;

/// One kind of certificate problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertIssueKind {
    Expired,
    NotYetValid,
    NameMismatch,
    /// Untrusted issuer, self-signed, incomplete chain, or otherwise invalid.
    Untrusted,
    ExpiringSoon,
    WeakKey,
    WeakSignature,
}

/// The finding codes a protocol gives each kind of certificate problem.
#[derive(Debug, Clone, Copy)]
pub struct CertCodes {
    pub expired: Code,
    pub not_yet_valid: Code,
    pub name_mismatch: Code,
    pub untrusted: Code,
    pub expiring_soon: Code,
    pub weak_key: Code,
    pub weak_signature: Code,
}

impl CertCodes {
    pub fn code(&self, kind: CertIssueKind) -> Code {
        match kind {
            CertIssueKind::Expired => self.expired,
            CertIssueKind::NotYetValid => self.not_yet_valid,
            CertIssueKind::NameMismatch => self.name_mismatch,
            CertIssueKind::Untrusted => self.untrusted,
            CertIssueKind::ExpiringSoon => self.expiring_soon,
            CertIssueKind::WeakKey => self.weak_key,
            CertIssueKind::WeakSignature => self.weak_signature,
        }
    }
}

/// Every problem of the chain as a finding code from `codes` and its message.
pub fn coded_issues(host: &str, facts: &TlsFacts, codes: &CertCodes) -> Vec<(Code, String)> {
    cert_issues(host, facts)
        .into_iter()
        .map(|issue| (codes.code(issue.kind), issue.message))
        .collect()
}

/// A certificate problem and its message, with the values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertIssue {
    pub kind: CertIssueKind,
    pub message: String,
}

/// Every problem of the chain `facts` records, presented by a server known as `host`.
pub fn cert_issues(host: &str, facts: &TlsFacts) -> Vec<CertIssue> {
    let mut issues = Vec::new();
    let mut add = |kind, message| issues.push(CertIssue { kind, message });
    if let Some(cert) = &facts.certificate {
        let kind = match cert.verdict {
            CertVerdict::Valid => None,
            CertVerdict::Expired => Some(CertIssueKind::Expired),
            CertVerdict::NotYetValid => Some(CertIssueKind::NotYetValid),
            CertVerdict::NameMismatch => Some(CertIssueKind::NameMismatch),
            CertVerdict::UntrustedIssuer
            | CertVerdict::SelfSigned
            | CertVerdict::IncompleteChain
            | CertVerdict::Invalid => Some(CertIssueKind::Untrusted),
        };
        if let Some(kind) = kind {
            add(kind, format!("certificate of {host}: {}", cert.detail));
        }
    }
    if let Some(leaf) = facts.chain.first() {
        let expired = facts
            .certificate
            .as_ref()
            .is_some_and(|c| c.verdict == CertVerdict::Expired);
        let soon = leaf
            .days_left
            .filter(|d| (0..=EXPIRING_DAYS).contains(d) && !expired);
        if let Some(days) = soon {
            add(
                CertIssueKind::ExpiringSoon,
                format!(
                    "the certificate expires in {days} days, on {}",
                    leaf.not_after
                ),
            );
        }
    }
    for (i, cert) in facts.chain.iter().enumerate() {
        let which = if i == 0 {
            "the server's certificate".to_string()
        } else {
            format!("chain certificate {} ({})", i + 1, cert.subject)
        };
        if cert.key_type == "RSA" && cert.key_bits.is_some_and(|b| b < MIN_RSA_BITS) {
            let bits = cert.key_bits.unwrap_or(0);
            add(
                CertIssueKind::WeakKey,
                format!("{which} has an RSA key of {bits} bits, below {MIN_RSA_BITS}"),
            );
        }
        // A root's signature on itself is not checked by anyone; only issued certificates count.
        let self_signed_root = i > 0 && cert.subject == cert.issuer;
        if weak_signature(&cert.signature_algorithm) && !self_signed_root {
            add(
                CertIssueKind::WeakSignature,
                format!("{which} is signed with {}", cert.signature_algorithm),
            );
        }
    }
    issues
}
