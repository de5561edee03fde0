//! Our verdict on a message as an Authentication-Results field (RFC 8601 §2.7, RFC 8617 §10.2):
//! `spf`, one `dkim` per signature, `arc` when the message has a chain, and `dmarc`, with
//! authserv-id `mailaudit`, to hold beside the field the real receiver wrote.

use crate::dmarc::verdict::{DmarcResult, DmarcVerdict};

use super::DkimVerification;
use super::arc_report::{ArcResult, ArcVerification};
use super::auth_results::{AuthResults, MethodResult};
use super::report::SpfCheck;

/// The authserv-id our field carries.
pub const AUTHSERV_ID: &str = "mailaudit";

/// The field's results: SPF when it was evaluated, DKIM (`none` without a signature), ARC
/// when the message carries a set, DMARC.
pub fn ours(
    spf: &SpfCheck,
    dkim: &DkimVerification,
    arc: &ArcVerification,
    dmarc: Option<&DmarcVerdict>,
) -> AuthResults {
    let mut results = Vec::new();
    if let Some(e) = &spf.evaluation {
        // The null sender and a HELO-only check name the HELO domain (RFC 8601 §2.7.2).
        let property = if spf.mail_from.as_deref().is_none_or(str::is_empty) {
            ("smtp.helo".to_string(), e.domain.clone())
        } else {
            ("smtp.mailfrom".to_string(), e.sender.clone())
        };
        results.push(MethodResult {
            method: "spf".into(),
            result: e.result.as_str().into(),
            reason: e.problem.clone(),
            properties: vec![property],
        });
    }
    if dkim.signatures.is_empty() {
        results.push(result("dkim", "none", None, Vec::new()));
    }
    for check in &dkim.signatures {
        let mut properties = Vec::new();
        if let Some(sig) = &check.signature {
            properties.push(("header.d".to_string(), sig.domain.clone()));
            properties.push(("header.s".to_string(), sig.selector.clone()));
            // The first 8 characters of b= tell signatures apart (RFC 6008).
            let b: String = sig.signature.chars().take(8).collect();
            properties.push(("header.b".to_string(), b));
        }
        let reason = (check.result != super::DkimResult::Pass).then(|| check.reason.clone());
        results.push(result("dkim", check.result.as_str(), reason, properties));
    }
    if arc.result != ArcResult::None {
        // header.oldest-pass is RFC 8617 §10.2's; 0 says every hop's signature still holds.
        let properties = arc.oldest_pass.map_or_else(Vec::new, |o| {
            vec![("header.oldest-pass".to_string(), o.to_string())]
        });
        let reason = (arc.result == ArcResult::Fail).then(|| arc.reason.clone());
        results.push(result("arc", arc.result.as_str(), reason, properties));
    }
    let dmarc_result = match dmarc.map(|d| d.result) {
        Some(DmarcResult::Pass) => "pass",
        Some(DmarcResult::Fail) => "fail",
        Some(DmarcResult::None) => "none",
        Some(DmarcResult::TempError) => "temperror",
        None => "permerror",
    };
    let properties = dmarc.map_or_else(Vec::new, |d| {
        vec![("header.from".to_string(), d.from_domain.clone())]
    });
    let reason = match dmarc {
        None => Some("no single From address".to_string()),
        Some(d) if d.result == DmarcResult::Fail => {
            Some(format!("disposition {}", d.disposition.as_str()))
        }
        Some(_) => None,
    };
    results.push(result("dmarc", dmarc_result, reason, properties));
    AuthResults {
        authserv_id: AUTHSERV_ID.into(),
        results,
    }
}

fn result(
    method: &str,
    result: &str,
    reason: Option<String>,
    properties: Vec<(String, String)>,
) -> MethodResult {
    MethodResult {
        method: method.into(),
        result: result.into(),
        reason,
        properties,
    }
}
