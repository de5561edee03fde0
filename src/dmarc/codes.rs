//! The DMARC finding codes (RFC 9989, RFC 9990), joined into the catalog by `crate::catalog`.

crate::finding::codes! {
    prefix: "dmarc-";

    MISSING {
        code: "dmarc-missing",
        severity: Error,
        rfc: "RFC 9989 §4.10.1",
        summary: "No DMARC policy applies to the domain",
        explanation: "No usable v=DMARC1 record was found at _dmarc.<domain> nor at any name the \
            DNS Tree Walk reaches above it, so receivers apply no DMARC policy: anyone can put \
            the domain in the From header and nothing tells receivers to distrust it. Gmail, \
            Yahoo and Microsoft require a DMARC record of bulk senders and reject or junk \
            their mail without one.",
        fix: "Publish a TXT record at _dmarc.<domain>, starting with \
            \"v=DMARC1; p=none; rua=mailto:dmarc-reports@<domain>\"; read the reports, then \
            move to p=quarantine and p=reject.",
    }
    MULTIPLE_RECORDS {
        code: "dmarc-multiple-records",
        severity: Error,
        rfc: "RFC 9989 §4.10",
        summary: "More than one v=DMARC1 record at one name",
        explanation: "When a _dmarc name holds more than one record starting with v=DMARC1, \
            receivers discard all of them and carry on walking up the tree as if the name had \
            none. The domain's own policy is then ignored, and a parent's (or none) applies.",
        fix: "Merge the records into one and delete the others; one name holds exactly one \
            v=DMARC1 record.",
    }
    SYNTAX_ERROR {
        code: "dmarc-syntax-error",
        severity: Error,
        rfc: "RFC 9989 §4.8",
        summary: "Part of the DMARC record does not parse",
        explanation: "An element of the record is not tag=value, two ';' follow each other, or a \
            value holds characters a DMARC value may not (control characters, non-ASCII). \
            Receivers discard the broken part and fall back to defaults, which may not be what \
            the record means.",
        fix: "Write the record as tag=value pairs separated by '; ', in plain ASCII, e.g. \
            \"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\".",
    }
    VERSION_NOT_FIRST {
        code: "dmarc-version-not-first",
        severity: Error,
        rfc: "RFC 9989 §4.7",
        summary: "The record does not start with v=DMARC1",
        explanation: "v=DMARC1 must be the very first tag. A record that starts with anything \
            else is not a DMARC record for receivers and is ignored entirely.",
        fix: "Move v=DMARC1 to the front: \"v=DMARC1; p=...\".",
    }
    UNKNOWN_TAG {
        code: "dmarc-unknown-tag",
        severity: Warning,
        rfc: "RFC 9989 §4.7",
        summary: "A tag that DMARC does not define",
        explanation: "Receivers ignore tags they do not know. Tag names are case-sensitive, so \
            P=reject or RUA=... are unknown tags and the policy they were meant to set is not \
            set; often the tag is a typo.",
        fix: "Correct the tag name (p, sp, np, adkim, aspf, fo, rua, ruf, psd, t, all lower \
            case) or remove it.",
    }
    DUPLICATE_TAG {
        code: "dmarc-duplicate-tag",
        severity: Error,
        rfc: "RFC 9989 §4.7, RFC 6376 §3.2",
        summary: "A tag appears more than once",
        explanation: "DMARC records follow DKIM's tag-value syntax, where a tag name that \
            occurs twice makes the whole list invalid. Receivers differ: some ignore the record, \
            some use the first value, some the last.",
        fix: "Keep one occurrence of the tag with the value you mean.",
    }
    INVALID_VALUE {
        code: "dmarc-invalid-value",
        severity: Error,
        rfc: "RFC 9989 §4.8, §4.10.1",
        summary: "A tag's value is not valid",
        explanation: "The value does not follow the grammar of its tag (p, sp and np take none, \
            quarantine or reject; adkim and aspf r or s; psd y, n or u; t y or n; fo 0, 1, d \
            and s joined by ':'; rua and ruf comma-separated URIs; RFC 7489's pct 0 to 100). \
            Receivers replace an invalid value with the default; an invalid p, sp or np makes \
            them treat the whole record as p=none when it has a valid rua, and apply no DMARC \
            at all when it has none.",
        fix: "Correct the value at the marked position.",
    }
    POLICY_MISSING {
        code: "dmarc-policy-missing",
        severity: Error,
        rfc: "RFC 9989 §4.7, §4.10.1, RFC 7489 §6.3",
        summary: "The record has no p= tag",
        explanation: "Without p=, receivers treat the record as p=none when it asks for \
            aggregate reports (a valid rua), and apply no DMARC processing at all when it does \
            not. RFC 9989 no longer requires p, but RFC 7489 did, and receivers built to it may \
            ignore the whole record.",
        fix: "Add the policy right after the version: \"v=DMARC1; p=none; ...\" (or quarantine \
            or reject).",
    }
    POLICY_NONE {
        code: "dmarc-policy-none",
        severity: Warning,
        rfc: "RFC 9989 §3.2.12, §4.7",
        summary: "p=none: monitoring only",
        explanation: "p=none asks receivers to do nothing with mail that fails DMARC: the domain \
            is in monitoring mode, so spoofed mail is delivered as usual. It is the right first \
            step while the aggregate reports show which senders still fail, not a place to \
            stay; BIMI logos and several providers' sender rules need p=quarantine or reject.",
        fix: "Once the aggregate reports show your own mail passing, change p=none to \
            p=quarantine, then p=reject.",
    }
    SUBDOMAIN_POLICY_WEAKER {
        code: "dmarc-subdomain-policy-weaker",
        severity: Warning,
        rfc: "RFC 9989 §4.7",
        summary: "sp= or np= is weaker than p=",
        explanation: "sp sets the policy for existing subdomains and np for names that do not \
            exist. A weaker value there than p lets spoofers use any subdomain, or a made-up \
            one, instead of the domain itself, and get through.",
        fix: "Remove sp= and np= (they default to p), or set them at least as strict as p; \
            np=reject is right for nearly every domain.",
    }
    PCT_PARTIAL {
        code: "dmarc-pct-partial",
        severity: Warning,
        rfc: "RFC 9989 Appendix A.6, RFC 7489 §6.3",
        summary: "pct= below 100 applies the policy to a share of the mail only",
        explanation: "pct was removed by RFC 9989: receivers that follow it ignore the tag and \
            apply the policy to all failing mail, while receivers built to RFC 7489 apply it to \
            that percentage only and treat the rest one step more leniently. The same record \
            thus means different things to different receivers; pct=0 is the old spelling of \
            what t=y now says.",
        fix: "Remove pct (use t=y while testing a stricter policy), so that every receiver \
            applies the policy to all failing mail.",
    }
    REMOVED_TAG {
        code: "dmarc-removed-tag",
        severity: Info,
        rfc: "RFC 9989 Appendix C.5.2",
        summary: "A tag RFC 9989 removed (pct=100, rf, ri)",
        explanation: "rf (failure report format), ri (report interval) and pct are historic: \
            receivers following RFC 9989 ignore them. pct=100, rf=afrf and ri=86400 are the old \
            defaults and change nothing.",
        fix: "Remove the tag.",
    }
    TESTING {
        code: "dmarc-testing",
        severity: Warning,
        rfc: "RFC 9989 §4.7, Appendix A.6",
        summary: "t=y: the policy is in test mode",
        explanation: "t=y asks receivers not to apply the policy as written but one step \
            below: reject is treated as quarantine, quarantine as none. It is meant for a \
            short test of a stricter policy.",
        fix: "Remove t=y (or set t=n) once the test is over.",
    }
    NO_RUA {
        code: "dmarc-no-rua",
        severity: Warning,
        rfc: "RFC 9989 §4.7, RFC 9990",
        summary: "No aggregate reports are requested",
        explanation: "Without a valid rua= URI receivers send no aggregate reports, so you \
            cannot see who sends mail as your domain, which of your own senders fail, or \
            whether it is safe to tighten the policy.",
        fix: "Add rua=mailto:ADDRESS with a mailbox (or a report-processing service) that \
            receives the reports.",
    }
    REPORT_URI_NOT_MAILTO {
        code: "dmarc-report-uri-not-mailto",
        severity: Warning,
        rfc: "RFC 9989 §4.7",
        summary: "A report URI is not a mailto: URI",
        explanation: "Receivers that send reports must support mailto: URIs; any other scheme \
            (https:, ...) is optional and in practice ignored, so no reports arrive there.",
        fix: "Use mailto:ADDRESS for rua and ruf.",
    }
    REPORT_SIZE_LIMIT {
        code: "dmarc-report-size-limit",
        severity: Info,
        rfc: "RFC 9989 §4.8, Appendix C.4",
        summary: "A report URI carries the obsolete !size limit",
        explanation: "RFC 7489 let a URI end in !10m to cap report sizes. RFC 9989 removed it: \
            new receivers ignore it, old ones drop reports larger than the limit.",
        fix: "Remove the !size suffix from the URI.",
    }
    TOO_MANY_REPORT_URIS {
        code: "dmarc-too-many-report-uris",
        severity: Warning,
        rfc: "RFC 7489 §6.2, RFC 9989 Appendix C.7",
        summary: "More report URIs than receivers send to",
        explanation: "RFC 7489 lets receivers limit the URIs of rua and ruf they send reports to, \
            requiring only two; most receivers still work that way, so the addresses after the \
            second may never get a report.",
        fix: "List at most two URIs per tag, the most important first; forward reports from one \
            mailbox if more parties need them.",
    }
    REPORT_DESTINATION_UNAUTHORIZED {
        code: "dmarc-report-destination-unauthorized",
        severity: Warning,
        rfc: "RFC 9990 §3.2.3",
        summary: "An external report destination has not authorised the reports",
        explanation: "When a report address is in another organizational domain than the \
            policy, receivers first look up <policy domain>._report._dmarc.<destination> for a \
            TXT record starting with v=DMARC1 (a '*' label there authorises every domain). \
            Without it they must not send reports there, so that nobody can aim reports at a \
            victim.",
        fix: "Ask the destination's operator to publish \"v=DMARC1\" as TXT at \
            <policy domain>._report._dmarc.<destination> (report services publish a wildcard \
            *._report._dmarc.<destination>), or use an address in your own domain.",
    }
    REPORT_DESTINATION_NO_MAIL {
        code: "dmarc-report-destination-no-mail",
        severity: Warning,
        rfc: "RFC 5321 §5.1, RFC 7505",
        summary: "A report address's domain cannot receive mail",
        explanation: "Reports are sent by mail: the domain of a mailto: address needs an MX \
            record, or at least an A or AAAA record (the implicit MX). A domain with neither, a \
            null MX, or no existence at all bounces every report.",
        fix: "Correct the address, or publish MX records for its domain.",
    }
    RECORD_AT_APEX {
        code: "dmarc-record-at-apex",
        severity: Warning,
        rfc: "RFC 9989 §4.5",
        summary: "A v=DMARC1 record is published at the domain instead of _dmarc",
        explanation: "Receivers look for DMARC only at _dmarc.<domain>. A v=DMARC1 TXT record at \
            the domain itself is never read; if it is the only one, the domain has no DMARC \
            policy.",
        fix: "Publish the record at _dmarc.<domain> and delete it from the domain.",
    }
    CNAME_WITH_OTHER_DATA {
        code: "dmarc-cname-with-other-data",
        severity: Error,
        rfc: "RFC 2181 §10.1, RFC 1034 §3.6.2",
        summary: "_dmarc has a CNAME and other records at once",
        explanation: "A name with a CNAME may hold no other data. When _dmarc.<domain> has both, \
            resolvers answer inconsistently: some follow the CNAME, some return the records \
            beside it, so receivers see different DMARC policies.",
        fix: "Keep either the CNAME (to a provider's record) or your own TXT record at \
            _dmarc.<domain>, not both.",
    }
}
