//! Finding codes of the DNS layer (RFC 1035, RFC 2308): lookups that could not be completed.

crate::finding::codes! {
    prefix: "dns-";

    LOOKUP_FAILED {
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
}
