//! The catalog of finding codes: for each, its severity, a one-line summary, the explanation, the
//! fix and the RFC section behind it. `explain`, the README and the tests all read this table.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::finding::Severity;

/// One catalog entry.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub code: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub fix: &'static str,
    pub rfc: &'static str,
}

macro_rules! catalog {
    ($($variant:ident {
        code: $code:literal,
        severity: $severity:ident,
        rfc: $rfc:literal,
        summary: $summary:literal,
        explanation: $explanation:literal,
        fix: $fix:literal $(,)?
    })*) => {
        /// A stable finding code; see [`Code::entry`] for what it means.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($variant),* }

        impl Code {
            /// Every code, in catalog order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            pub fn entry(self) -> &'static Entry {
                match self {
                    $(Code::$variant => &Entry {
                        code: $code,
                        severity: Severity::$severity,
                        summary: $summary,
                        explanation: $explanation,
                        fix: $fix,
                        rfc: $rfc,
                    },)*
                }
            }
        }
    };
}

impl Code {
    pub fn as_str(self) -> &'static str {
        self.entry().code
    }

    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

catalog! {
    DnsLookupFailed {
        code: "dns-lookup-failed",
        severity: Error,
        rfc: "RFC 7208 §2.6.6, §4.4",
        summary: "A DNS query could not be answered",
        explanation: "The query timed out, or a name server answered SERVFAIL or REFUSED, so \
            nothing can be said about the record behind it. Receivers that meet the same failure \
            return a temporary error (SPF temperror) and may defer or reject mail. This is not \
            the same as a missing record: the record may well exist.",
        fix: "Check that every authoritative server of the zone answers for the name (dig \
            @server name TXT), that the zone is not lame or expired, and that DNSSEC, if signed, \
            validates.",
    }
    SpfMissing {
        code: "spf-missing",
        severity: Error,
        rfc: "RFC 7208 §4.5",
        summary: "The domain publishes no SPF record",
        explanation: "Without a v=spf1 TXT record at the domain, receivers get SPF result \
            'none' and cannot tell your servers from anyone else's. Large mailbox providers \
            require SPF or DKIM on all mail and reject or spam-folder mail that has neither.",
        fix: "Publish one TXT record at the domain listing your sending hosts, e.g. \
            \"v=spf1 mx include:_spf.provider.example -all\"; a domain that sends no mail \
            publishes \"v=spf1 -all\".",
    }
    SpfMultipleRecords {
        code: "spf-multiple-records",
        severity: Error,
        rfc: "RFC 7208 §4.5, §3.2",
        summary: "More than one v=spf1 record",
        explanation: "When a name has more than one TXT record starting with v=spf1, SPF \
            evaluation ends in permerror and every message fails SPF. This usually happens when \
            a second provider's record is added instead of merged.",
        fix: "Merge the records into one: keep one v=spf1, put all mechanisms of both before a \
            single 'all' at the end, and delete the other record.",
    }
    SpfSyntaxError {
        code: "spf-syntax-error",
        severity: Error,
        rfc: "RFC 7208 §4.6.1, §12",
        summary: "The SPF record does not parse",
        explanation: "A term of the record does not follow the SPF grammar (an unknown \
            mechanism, a missing ':' or domain, stray characters). Receivers treat a record with \
            any syntax error as permerror: the whole record is ignored, not just the bad term.",
        fix: "Correct the term at the marked position; mechanisms are all, include, a, mx, ptr, \
            ip4, ip6 and exists, modifiers are name=value, and terms are separated by single \
            spaces.",
    }
    SpfInvalidNetwork {
        code: "spf-invalid-network",
        severity: Error,
        rfc: "RFC 7208 §5.6, §5.3",
        summary: "An ip4/ip6 address or CIDR length is invalid",
        explanation: "The address is not a valid IPv4 dotted quad or IPv6 address, or the \
            prefix length is out of range (0-32 for IPv4, 0-128 for IPv6) or has a leading \
            zero. This is a syntax error: the record evaluates to permerror.",
        fix: "Write the network as ip4:192.0.2.0/24 or ip6:2001:db8::/32, with the prefix \
            length written without leading zeros.",
    }
    SpfBadMacro {
        code: "spf-bad-macro",
        severity: Error,
        rfc: "RFC 7208 §7.1",
        summary: "A macro is malformed",
        explanation: "A '%' must start %{letter...}, %%, %_ or %-; the letter must be one of \
            s l o d i p h v (and c r t in exp= text only), optionally followed by digits, 'r' \
            and delimiters. Anything else is a syntax error and makes the record permerror.",
        fix: "Write a literal percent sign as %%, close every %{ with }, and use only the \
            macro letters the RFC defines.",
    }
    SpfDuplicateModifier {
        code: "spf-duplicate-modifier",
        severity: Error,
        rfc: "RFC 7208 §6",
        summary: "redirect= or exp= appears more than once",
        explanation: "Each of the redirect and exp modifiers may appear at most once in a \
            record; a second one makes the record permerror.",
        fix: "Keep one redirect= (or exp=) and delete the others.",
    }
    SpfTooManyLookups {
        code: "spf-too-many-lookups",
        severity: Error,
        rfc: "RFC 7208 §4.6.4",
        summary: "More than 10 DNS-querying terms",
        explanation: "The include, a, mx, ptr and exists mechanisms and the redirect modifier \
            each cost a DNS lookup, counted across every record reached through includes and \
            redirects. A receiver stops at 10 and returns permerror, so mail fails SPF even \
            from your own servers once the count is exceeded (often only after a provider \
            changes its own include).",
        fix: "Remove includes of services you no longer use, replace a and mx with the ip4/ip6 \
            networks they stand for, and ask providers for a narrower include; the branch \
            counts show where the lookups go.",
    }
    SpfTooManyVoidLookups {
        code: "spf-too-many-void-lookups",
        severity: Error,
        rfc: "RFC 7208 §4.6.4",
        summary: "More than 2 lookups return no records",
        explanation: "Lookups that return NXDOMAIN or no answer are 'void'. Receivers allow at \
            most two per evaluation and return permerror after that, to limit abuse of DNS.",
        fix: "Remove the mechanisms whose names no longer exist, or publish the records they \
            point to.",
    }
    SpfIncludeLoop {
        code: "spf-include-loop",
        severity: Error,
        rfc: "RFC 7208 §5.2, §4.6.4",
        summary: "include/redirect leads back to a record already being evaluated",
        explanation: "A chain of include or redirect terms returns to a domain that is already \
            on the chain. Receivers run into the 10-lookup limit and return permerror.",
        fix: "Break the cycle: the included record must not include (or redirect to) any \
            domain above it.",
    }
    SpfTargetNoRecord {
        code: "spf-target-no-record",
        severity: Error,
        rfc: "RFC 7208 §5.2, §6.1",
        summary: "An include or redirect target has no SPF record",
        explanation: "An include whose target publishes no SPF record makes the whole \
            evaluation permerror, and so does a redirect to such a domain. A provider may have \
            moved its record, or the name is misspelt.",
        fix: "Check the provider's current instructions for the include name, correct it, or \
            remove the term.",
    }
    SpfPassAll {
        code: "spf-pass-all",
        severity: Error,
        rfc: "RFC 7208 §5.1",
        summary: "The record ends in +all",
        explanation: "+all (or a bare 'all') makes every IP address on the Internet an \
            authorised sender for the domain. The record protects nothing and invites abuse.",
        fix: "End the record with -all (or ~all while you verify the list of senders).",
    }
    SpfNeutralAll {
        code: "spf-neutral-all",
        severity: Warning,
        rfc: "RFC 7208 §5.1, §8.2",
        summary: "The record ends in ?all",
        explanation: "?all gives unlisted senders a 'neutral' result, which receivers treat the \
            same as having no SPF policy at all.",
        fix: "Use ~all while checking that every sender is listed, then -all.",
    }
    SpfNoAll {
        code: "spf-no-all",
        severity: Warning,
        rfc: "RFC 7208 §4.7",
        summary: "No 'all' mechanism and no redirect",
        explanation: "When no term matches and there is neither 'all' nor redirect=, the \
            result is 'neutral': unlisted senders are not marked as unauthorised.",
        fix: "End the record with -all (or ~all).",
    }
    SpfRedirectWithAll {
        code: "spf-redirect-with-all",
        severity: Warning,
        rfc: "RFC 7208 §6.1",
        summary: "redirect= next to an 'all' mechanism is never used",
        explanation: "The redirect modifier only applies when no mechanism matches; 'all' \
            always matches, so the redirect is ignored.",
        fix: "Remove either the 'all' mechanism or the redirect=, whichever you did not mean.",
    }
    SpfTermsAfterAll {
        code: "spf-terms-after-all",
        severity: Warning,
        rfc: "RFC 7208 §5.1",
        summary: "Mechanisms after 'all' are never reached",
        explanation: "Evaluation stops at 'all', which always matches; mechanisms written after \
            it are never evaluated, so the senders they list are not authorised.",
        fix: "Move the 'all' mechanism to the end of the record.",
    }
    SpfPtr {
        code: "spf-ptr",
        severity: Warning,
        rfc: "RFC 7208 §5.5",
        summary: "The ptr mechanism is used",
        explanation: "ptr is slow, unreliable and spends many DNS lookups; the RFC says it \
            should not be used, and some receivers skip it, so the senders it matches may fail.",
        fix: "Replace ptr with ip4/ip6 networks or a or mx mechanisms naming the hosts.",
    }
    SpfMxTooManyNames {
        code: "spf-mx-too-many-names",
        severity: Error,
        rfc: "RFC 7208 §4.6.4",
        summary: "An mx mechanism meets more than 10 MX names",
        explanation: "Receivers look up at most 10 MX host names for one mx mechanism; more \
            makes the evaluation permerror.",
        fix: "List the mail hosts' networks with ip4/ip6 instead of mx.",
    }
    SpfUnknownModifier {
        code: "spf-unknown-modifier",
        severity: Info,
        rfc: "RFC 7208 §6",
        summary: "A modifier that SPF does not define",
        explanation: "Receivers ignore modifiers they do not know, so it has no effect. It is \
            often a typo of redirect= or exp=.",
        fix: "Remove it, or correct the name if a redirect= or exp= was meant.",
    }
    SpfStringTooLong {
        code: "spf-string-too-long",
        severity: Error,
        rfc: "RFC 7208 §3.3, RFC 1035 §3.3.14",
        summary: "A TXT character-string is longer than 255 bytes",
        explanation: "One character-string of a TXT record holds at most 255 bytes; a longer \
            one cannot be published as written.",
        fix: "Split the record into several quoted strings of at most 255 bytes each; receivers \
            join them without adding spaces.",
    }
    SpfRecordTooLong {
        code: "spf-record-too-long",
        severity: Warning,
        rfc: "RFC 7208 §3.4",
        summary: "The SPF record is longer than 450 bytes",
        explanation: "Records this long, together with the other TXT records of the name, may \
            not fit in a 512-byte UDP answer; receivers must then retry over TCP, and some fail.",
        fix: "Shorten the record: move groups of mechanisms into include: records under your \
            own domain.",
    }
    SpfSplitInTerm {
        code: "spf-split-in-term",
        severity: Warning,
        rfc: "RFC 7208 §3.3",
        summary: "A string boundary joins two terms without a space",
        explanation: "The strings of a TXT record are joined without adding anything, so a \
            record split as \"... include:a.example\" \"include:b.example ...\" reads as one \
            bad term. The split looks like it expected a space to be added.",
        fix: "End the first string (or start the next) with a space.",
    }
    SpfObsoleteRrType {
        code: "spf-obsolete-rr-type",
        severity: Warning,
        rfc: "RFC 7208 §3.1, §14.1",
        summary: "The record is published as the obsolete SPF (type 99) RR",
        explanation: "SPF records are published as TXT only; the SPF RR type is no longer \
            looked up by receivers. If the type-99 record is the only one, the domain \
            effectively has no SPF.",
        fix: "Publish the record as TXT and remove the SPF-type record.",
    }
    SpfDuplicateInclude {
        code: "spf-duplicate-include",
        severity: Warning,
        rfc: "RFC 7208 §4.6.4",
        summary: "The same domain is included more than once",
        explanation: "A second include of the same domain matches nothing the first did not, \
            yet costs its lookups again toward the limit of 10.",
        fix: "Remove the repeated include.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_protocol_first() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "{name} twice");
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{name}"
            );
            assert!(
                ["dns-", "spf-"].iter().any(|p| name.starts_with(p)),
                "{name}"
            );
            assert_eq!(Code::from_name(name), Some(*code));
            let e = code.entry();
            assert!(!e.summary.is_empty() && !e.explanation.is_empty() && !e.fix.is_empty());
            assert!(e.rfc.starts_with("RFC "), "{name}");
        }
    }
}
