//! The BIMI finding codes (draft-brand-indicators-for-message-identification-12), joined into
//! the catalog by `crate::catalog`.

crate::finding::codes! {
    prefix: "bimi-";

    MISSING {
        code: "bimi-missing",
        severity: Info,
        rfc: "draft-brand-indicators-for-message-identification-12 §7.2",
        summary: "No BIMI record",
        explanation: "Neither <selector>._bimi.<domain> nor the same selector at the \
            Organizational Domain holds a v=BIMI1 record, so mailbox providers show no brand \
            logo next to the domain's mail. BIMI is optional.",
        fix: "To have a logo shown, publish \"v=BIMI1; l=https://<host>/logo.svg; \
            a=https://<host>/vmc.pem\" at default._bimi.<domain> once DMARC is at quarantine \
            or reject.",
    }
    MULTIPLE_RECORDS {
        code: "bimi-multiple-records",
        severity: Error,
        rfc: "draft-brand-indicators-for-message-identification-12 §7.2",
        summary: "More than one v=BIMI1 record at one name",
        explanation: "When the selector's name holds several BIMI records, discovery ends \
            without a record and no logo is shown.",
        fix: "Keep one v=BIMI1 record at the name and delete the others.",
    }
    SYNTAX_ERROR {
        code: "bimi-syntax-error",
        severity: Error,
        rfc: "draft-brand-indicators-for-message-identification-12 §4.3",
        summary: "Part of the BIMI record does not parse",
        explanation: "An element is not tag=value, two ';' follow each other, or a value holds \
            control characters. Receivers must not fix syntax errors; a malformed record is an \
            error and no logo is shown.",
        fix: "Write the record as tag=value pairs separated by '; ', e.g. \
            \"v=BIMI1; l=https://example.com/logo.svg\".",
    }
    VERSION_NOT_FIRST {
        code: "bimi-version-not-first",
        severity: Error,
        rfc: "draft-brand-indicators-for-message-identification-12 §4.3",
        summary: "The record does not start with exactly v=BIMI1",
        explanation: "v=BIMI1 must be the first tag, spelt exactly so (v=bimi1 does not count). \
            Receivers ignore any other record entirely.",
        fix: "Start the record with \"v=BIMI1; \".",
    }
    DUPLICATE_TAG {
        code: "bimi-duplicate-tag",
        severity: Error,
        rfc: "draft-brand-indicators-for-message-identification-12 §4.3, RFC 6376 §3.2",
        summary: "A tag appears more than once",
        explanation: "BIMI records follow DKIM's tag-value syntax, where a tag that occurs twice \
            makes the whole record invalid.",
        fix: "Keep one occurrence of the tag.",
    }
    UNKNOWN_TAG {
        code: "bimi-unknown-tag",
        severity: Info,
        rfc: "draft-brand-indicators-for-message-identification-12 §4.3",
        summary: "A tag BIMI does not define",
        explanation: "Receivers ignore tags they do not know (BIMI defines v, l, a, lps and avp); \
            it may be a typo.",
        fix: "Correct the tag name or remove it.",
    }
    INVALID_LOCATION {
        code: "bimi-invalid-location",
        severity: Error,
        rfc: "draft-brand-indicators-for-message-identification-12 §4.3, §4.3.2",
        summary: "l= is missing or not an HTTPS URI of an SVG file",
        explanation: "l= is required. Its value is empty (declining BIMI, or taking the logo from \
            the mark certificate) or one https:// URI with a fully qualified host pointing at an \
            SVG (or SVGZ) file. Anything else is a permanent error and no logo is shown.",
        fix: "Write l=https://<host>/<path>.svg, serving an SVG Tiny PS logo over HTTPS.",
    }
    INVALID_EVIDENCE {
        code: "bimi-invalid-evidence",
        severity: Error,
        rfc: "draft-brand-indicators-for-message-identification-12 §4.3",
        summary: "a= is not an HTTPS URI of a PEM file",
        explanation: "a= is empty or one https:// URI with a fully qualified host pointing at the \
            PEM file of a Verified or Common Mark Certificate. Receivers that check evidence \
            reject anything else.",
        fix: "Write a=https://<host>/<path>.pem, or leave a= empty if you have no certificate.",
    }
    INVALID_VALUE {
        code: "bimi-invalid-value",
        severity: Warning,
        rfc: "draft-brand-indicators-for-message-identification-12 §4.3",
        summary: "lps= or avp= has an invalid value",
        explanation: "lps= takes comma-separated local-part prefixes of letters, digits and '-'; \
            avp= takes personal or brand. Receivers ignore an invalid value, and may treat the \
            whole record as failing.",
        fix: "Correct the value at the marked position.",
    }
    NO_EVIDENCE {
        code: "bimi-no-evidence",
        severity: Info,
        rfc: "draft-brand-indicators-for-message-identification-12 §7.3",
        summary: "The record has no mark certificate (a=)",
        explanation: "Without a= evidence, only receivers that show unverified logos use the \
            record; Gmail and Apple Mail show a logo only with a Verified or Common Mark \
            Certificate.",
        fix: "Obtain a VMC or CMC for the logo and publish its PEM file's URI in a=.",
    }
    DECLINED {
        code: "bimi-declined",
        severity: Info,
        rfc: "draft-brand-indicators-for-message-identification-12 §4.3.1",
        summary: "The record declines BIMI on purpose",
        explanation: "v=BIMI1 with l= and a= empty is an explicit refusal to take part in BIMI, \
            for example to keep a subdomain from showing the Organizational Domain's logo. \
            Receivers show no logo for it.",
        fix: "Nothing to fix if that is intended; otherwise publish l= (and a=).",
    }
    DMARC_NOT_ENFORCED {
        code: "bimi-dmarc-not-enforced",
        severity: Error,
        rfc: "draft-brand-indicators-for-message-identification-12 §7.1",
        summary: "DMARC is not at quarantine or reject",
        explanation: "Receivers show a BIMI logo only when the DMARC policy for the domain and \
            for its Organizational Domain is quarantine or reject; p=none, or no DMARC policy at \
            all, means no logo.",
        fix: "Move DMARC to p=quarantine or p=reject at the Organizational Domain (and the \
            domain, if it has a record of its own).",
    }
    DMARC_PARTIAL_ENFORCEMENT {
        code: "bimi-dmarc-partial-enforcement",
        severity: Error,
        rfc: "draft-brand-indicators-for-message-identification-12 §7.1, RFC 9989 §4.7",
        summary: "DMARC enforcement covers only part of the mail (pct below 100, t=y)",
        explanation: "Receivers require the DMARC policy to apply to all failing mail: a pct \
            below 100 (RFC 7489) disqualifies the domain, and so does t=y, which asks receivers \
            to apply the policy one step more leniently.",
        fix: "Remove pct (or set pct=100) and t=y from the DMARC records of the domain and its \
            Organizational Domain.",
    }
    DMARC_SP_NONE {
        code: "bimi-dmarc-sp-none",
        severity: Error,
        rfc: "draft-brand-indicators-for-message-identification-12 §7.1",
        summary: "The DMARC record has sp=none",
        explanation: "Receivers show no BIMI logo when the DMARC record of the domain or of its \
            Organizational Domain sets sp=none, even for mail from the domain itself.",
        fix: "Set sp=quarantine or sp=reject, or remove sp= so that subdomains get p's policy.",
    }
}
