//! DMARC for one message (RFC 9989 §4.4, §4.7, §4.10, §5.3): the policy that applies to the
//! From domain, found by the tree walk; whether each identifier that SPF or DKIM authenticated
//! aligns with it (strict: the same name; relaxed: the same Organizational Domain, each found by
//! its own walk), said in words; the result and what the policy asks receivers to do with mail
//! that fails (`t=y` one step more leniently).

use serde::Serialize;

use crate::dns::Dns;

use super::audit::resolve;
use super::discovery::discover;
use super::policy::EffectivePolicy;
use super::{AlignmentMode, Policy};

/// Identifiers looked at; a message carries a few (one SPF domain, a DKIM d= per signature).
pub const MAX_IDENTIFIERS: usize = 24;

/// The mechanism that authenticated an identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mechanism {
    Spf,
    Dkim,
}

/// A domain SPF (the MAIL FROM, or HELO, domain) or DKIM (a signature's `d=`) vouched for, or
/// tried to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identifier {
    pub mechanism: Mechanism,
    pub domain: String,
    /// The SPF or DKIM result was pass.
    pub passed: bool,
}

/// One identifier held against the From domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlignmentCheck {
    #[serde(flatten)]
    pub identifier: Identifier,
    pub mode: AlignmentMode,
    pub aligned: bool,
    /// In words: "DKIM d=mail.example.com aligns relaxed with example.com".
    pub text: String,
}

/// The DMARC result of the message (RFC 8601 §2.7.1's words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DmarcResult {
    Pass,
    Fail,
    /// No policy applies to the From domain.
    None,
    /// The walk could not be completed; a receiver would try again later.
    TempError,
}

/// The message's DMARC verdict.
#[derive(Debug, Clone, Serialize)]
pub struct DmarcVerdict {
    pub from_domain: String,
    /// Where the record that applies was found, and its text.
    pub record: Option<String>,
    pub organizational_domain: Option<String>,
    pub policy: Option<EffectivePolicy>,
    pub checks: Vec<AlignmentCheck>,
    pub result: DmarcResult,
    /// What the policy asks receivers to do with the message (`none` when it passes).
    pub disposition: Policy,
    /// The verdict in a sentence.
    pub text: String,
}

/// The verdict for a message whose From domain is `from` (lowercase, no trailing dot), given
/// what SPF and DKIM authenticated.
pub async fn evaluate(dns: &Dns, from: &str, identifiers: &[Identifier]) -> DmarcVerdict {
    let resolution = resolve(dns, from).await;
    let discovery = &resolution.discovery;
    let mut verdict = DmarcVerdict {
        from_domain: from.to_string(),
        record: discovery
            .record()
            .map(|r| format!("_dmarc.{}: {}", r.domain, r.record.text())),
        organizational_domain: discovery.organizational_domain.clone(),
        policy: resolution.effective(),
        checks: Vec::new(),
        result: DmarcResult::None,
        disposition: Policy::None,
        text: String::new(),
    };
    if !discovery.complete() {
        verdict.result = DmarcResult::TempError;
        verdict.text = format!("the DMARC policy of {from} could not be looked up");
        return verdict;
    }
    let Some(record) = discovery.record() else {
        verdict.text = format!("no DMARC policy applies to {from}");
        return verdict;
    };
    let (adkim, aspf) = (record.record.adkim(), record.record.aspf());
    for id in identifiers.iter().take(MAX_IDENTIFIERS) {
        let mode = match id.mechanism {
            Mechanism::Spf => aspf,
            Mechanism::Dkim => adkim,
        };
        let check = align(
            dns,
            from,
            verdict.organizational_domain.as_deref(),
            id,
            mode,
        )
        .await;
        verdict.checks.push(check);
    }
    let passing = verdict
        .checks
        .iter()
        .find(|c| c.aligned && c.identifier.passed);
    let Some(policy) = verdict.policy.filter(|p| p.policy.is_some()) else {
        verdict.text = format!(
            "the DMARC record for {from} sets no valid policy and no report address: receivers \
             apply no DMARC"
        );
        return verdict;
    };
    if let Some(pass) = passing {
        verdict.result = DmarcResult::Pass;
        verdict.text = format!("DMARC passes: {}, and passed", pass.text);
        return verdict;
    }
    verdict.result = DmarcResult::Fail;
    verdict.disposition = disposition(policy);
    verdict.text = format!(
        "DMARC fails: no identifier that passed SPF or DKIM aligns with {from}; the policy asks \
         receivers to apply {}{}",
        verdict.disposition.as_str(),
        if policy.testing {
            " (t=y: one step more leniently than it says)"
        } else {
            ""
        }
    );
    verdict
}

/// Whether `id` aligns with `from` under `mode`, said in words.
async fn align(
    dns: &Dns,
    from: &str,
    from_org: Option<&str>,
    id: &Identifier,
    mode: AlignmentMode,
) -> AlignmentCheck {
    let domain = id.domain.trim_end_matches('.').to_ascii_lowercase();
    let what = match id.mechanism {
        Mechanism::Spf => format!("SPF domain {domain}"),
        Mechanism::Dkim => format!("DKIM d={domain}"),
    };
    let (aligned, text) = if domain == from {
        (true, format!("{what} is {from} itself"))
    } else if mode == AlignmentMode::Strict {
        (false, format!("{what} is not {from} (strict alignment)"))
    } else {
        let theirs = discover(dns, &domain).await.organizational_domain;
        match (from_org, theirs.as_deref()) {
            (Some(ours), Some(theirs)) if ours == theirs => (
                true,
                format!("{what} aligns relaxed with {from} (both under {ours})"),
            ),
            (Some(ours), Some(theirs)) => (
                false,
                format!(
                    "{what} does not align with {from}: its Organizational Domain is {theirs}, not {ours}"
                ),
            ),
            _ => (
                false,
                format!("{what}: its Organizational Domain could not be looked up"),
            ),
        }
    };
    AlignmentCheck {
        identifier: Identifier {
            domain,
            ..id.clone()
        },
        mode,
        aligned,
        text,
    }
}

/// What the policy asks for failing mail: `t=y` applies it one step more leniently (§4.7).
fn disposition(policy: EffectivePolicy) -> Policy {
    match (policy.policy.unwrap_or(Policy::None), policy.testing) {
        (Policy::Reject, true) => Policy::Quarantine,
        (Policy::Quarantine, true) => Policy::None,
        (p, _) => p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::fake::FakeDns;

    fn id(mechanism: Mechanism, domain: &str, passed: bool) -> Identifier {
        Identifier {
            mechanism,
            domain: domain.into(),
            passed,
        }
    }

    async fn verdict(fake: FakeDns, from: &str, ids: &[Identifier]) -> DmarcVerdict {
        evaluate(&Dns::new(fake), from, ids).await
    }

    #[tokio::test]
    async fn relaxed_dkim_of_a_subdomain_passes() {
        let fake = FakeDns::default().txt("_dmarc.example.com", "v=DMARC1; p=reject");
        let v = verdict(
            fake,
            "example.com",
            &[
                id(Mechanism::Spf, "bounces.example.net", true),
                id(Mechanism::Dkim, "mail.example.com", true),
            ],
        )
        .await;
        assert_eq!(v.result, DmarcResult::Pass);
        assert_eq!(v.disposition, Policy::None);
        assert!(!v.checks[0].aligned);
        assert_eq!(
            v.checks[1].text,
            "DKIM d=mail.example.com aligns relaxed with example.com (both under example.com)"
        );
    }

    #[tokio::test]
    async fn strict_spf_needs_the_same_name_and_testing_softens_the_disposition() {
        let fake = FakeDns::default().txt("_dmarc.example.com", "v=DMARC1; p=reject; aspf=s; t=y");
        let v = verdict(
            fake,
            "example.com",
            &[
                id(Mechanism::Spf, "mail.example.com", true),
                id(Mechanism::Dkim, "example.com", false),
            ],
        )
        .await;
        assert_eq!(v.result, DmarcResult::Fail);
        assert!(!v.checks[0].aligned);
        // Aligned, but DKIM did not pass.
        assert!(v.checks[1].aligned);
        assert_eq!(v.disposition, Policy::Quarantine);
    }

    #[tokio::test]
    async fn a_subdomain_gets_sp_and_no_record_is_none() {
        let fake = FakeDns::default()
            .txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine")
            .txt("news.example.com", "v=spf1 -all");
        let v = verdict(fake, "news.example.com", &[]).await;
        assert_eq!(
            (v.result, v.disposition),
            (DmarcResult::Fail, Policy::Quarantine)
        );
        let v = verdict(FakeDns::default(), "example.org", &[]).await;
        assert_eq!(v.result, DmarcResult::None);
    }
}
