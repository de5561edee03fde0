//! The catalog (DESIGN.md "Findings"): every protocol's finding codes joined in one list, so
//! `explain`, the generated docs and the tests read one source.

use crate::finding::Code;

/// Each protocol's prefix and codes, in catalog order.
const GROUPS: &[(&str, &[Code])] = &[
    (crate::dns::codes::PREFIX, crate::dns::codes::ALL),
    (crate::dnssec::codes::PREFIX, crate::dnssec::codes::ALL),
    (crate::spf::codes::PREFIX, crate::spf::codes::ALL),
    (
        crate::policy::mta_sts::codes::PREFIX,
        crate::policy::mta_sts::codes::ALL,
    ),
    (
        crate::policy::tls_rpt::codes::PREFIX,
        crate::policy::tls_rpt::codes::ALL,
    ),
    (crate::dkim::codes::PREFIX, crate::dkim::codes::ALL),
    (crate::dmarc::codes::PREFIX, crate::dmarc::codes::ALL),
    (crate::message::codes::PREFIX, crate::message::codes::ALL),
    (
        crate::policy::bimi::codes::PREFIX,
        crate::policy::bimi::codes::ALL,
    ),
    (crate::check::codes::PREFIX, crate::check::codes::ALL),
    (crate::mx::codes::PREFIX, crate::mx::codes::ALL),
    (crate::smtp::codes::PREFIX, crate::smtp::codes::ALL),
    (
        crate::tls::dane::codes::PREFIX,
        crate::tls::dane::codes::ALL,
    ),
    (crate::clients::codes::PREFIX, crate::clients::codes::ALL),
    (crate::desired::codes::PREFIX, crate::desired::codes::ALL),
];

/// Every code of every protocol, in catalog order.
pub fn all() -> impl Iterator<Item = Code> {
    GROUPS.iter().flat_map(|(_, codes)| codes.iter().copied())
}

/// The code prefixes, one per protocol (`dns-`, `spf-`, ...).
pub fn prefixes() -> impl Iterator<Item = &'static str> {
    GROUPS.iter().map(|(prefix, _)| *prefix)
}

/// The code with this name.
pub fn find(name: &str) -> Option<Code> {
    all().find(|c| c.as_str() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_carry_their_protocol_prefix() {
        let mut seen = std::collections::HashSet::new();
        for (prefix, codes) in GROUPS {
            assert!(prefix.ends_with('-'), "{prefix}");
            for code in *codes {
                let name = code.as_str();
                assert!(seen.insert(name), "{name} twice");
                assert!(
                    name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                    "{name}"
                );
                assert!(name.starts_with(prefix), "{name} lacks {prefix}");
                assert_eq!(find(name), Some(*code));
                let e = code.entry();
                assert!(!e.summary.is_empty() && !e.explanation.is_empty() && !e.fix.is_empty());
                // BIMI is still an Internet-Draft.
                assert!(
                    e.rfc.starts_with("RFC ") || e.rfc.starts_with("draft-"),
                    "{name}"
                );
            }
        }
    }
}
