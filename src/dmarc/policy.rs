//! The effective DMARC policy (RFC 9989 §4.7, §4.10.1, §3.2.13): what receivers do with failing
//! mail from one domain, given the record that applies and whether the domain exists.

use serde::Serialize;

use crate::dns::{Answer, LookupError};

use super::{DmarcRecord, Policy};

/// Whether the domain exists (RFC 9989 §3.2.13, Appendix A.4): any answer but NXDOMAIN to a
/// query for the domain itself means it does, whatever the type asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Existence {
    Exists,
    #[serde(rename = "nxdomain")]
    NxDomain,
    /// The lookup failed; receivers cannot tell either, and `sp` is assumed.
    Unknown,
}

impl Existence {
    pub fn of(answer: &Result<Answer, LookupError>) -> Self {
        match answer {
            Ok(Answer::NxDomain) => Self::NxDomain,
            Ok(_) => Self::Exists,
            Err(_) => Self::Unknown,
        }
    }
}

/// The tag an effective policy comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicySource {
    P,
    Sp,
    Np,
    /// `p` is missing or invalid, or `sp` or `np` is invalid (§4.10.1): receivers act as if
    /// the record said `p=none` when it has a valid `rua`, and apply no DMARC otherwise.
    Fallback,
}

/// What receivers do with failing mail from one domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EffectivePolicy {
    /// `null` when receivers apply no DMARC processing at all.
    pub policy: Option<Policy>,
    pub source: PolicySource,
    /// `t=y`: applied one step more leniently.
    pub testing: bool,
}

/// The policy `record` sets for a domain: its own record (`own`), or a subdomain of the record's
/// domain that exists or not (§4.10.1, §4.7 `sp`, `np`).
pub fn effective(record: &DmarcRecord, own: bool, existence: Existence) -> EffectivePolicy {
    let testing = record.testing();
    let Some(p) = record
        .p
        .filter(|_| !record.invalid("sp") && !record.invalid("np"))
    else {
        return EffectivePolicy {
            policy: record.has_valid_rua().then_some(Policy::None),
            source: PolicySource::Fallback,
            testing,
        };
    };
    // The domain's own record gives p; a subdomain's np (when it does not exist) or sp, each
    // falling back to p when absent.
    let (policy, source) = match (own, existence, record.np, record.sp) {
        (false, Existence::NxDomain, Some(np), _) => (np, PolicySource::Np),
        (false, _, _, Some(sp)) => (sp, PolicySource::Sp),
        _ => (p, PolicySource::P),
    };
    EffectivePolicy {
        policy: Some(policy),
        source,
        testing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_effective_policy_follows_existence() {
        let r = DmarcRecord::parse("v=DMARC1; p=reject; sp=quarantine; np=none");
        let of = |own, e| effective(&r, own, e).policy;
        assert_eq!(of(true, Existence::NxDomain), Some(Policy::Reject));
        assert_eq!(of(false, Existence::Exists), Some(Policy::Quarantine));
        assert_eq!(of(false, Existence::NxDomain), Some(Policy::None));
        let bad_sp = DmarcRecord::parse("v=DMARC1; p=reject; sp=maybe; rua=mailto:a@example.com");
        let e = effective(&bad_sp, true, Existence::Exists);
        assert_eq!(
            (e.policy, e.source),
            (Some(Policy::None), PolicySource::Fallback)
        );
        let bare = DmarcRecord::parse("v=DMARC1");
        assert_eq!(effective(&bare, true, Existence::Exists).policy, None);
    }
}
