//! The DNSSEC finding codes (RFC 4033-4035, RFC 8624), joined into the catalog by
//! `crate::catalog`.

crate::finding::codes! {
    prefix: "dnssec-";

    UNSIGNED {
        code: "dnssec-unsigned",
        severity: Info,
        rfc: "RFC 4033 §5",
        summary: "The domain's zone is not signed with DNSSEC",
        explanation: "No chain of signed DS and DNSKEY records leads from the root to the zone, \
            so a resolver cannot tell a forged answer from a real one: an attacker on the path \
            can hand a sender other MX hosts or a weaker SPF or DMARC record. Without DNSSEC, \
            DANE cannot protect the MX hosts either; MTA-STS is the alternative that needs no \
            signed zone.",
        fix: "Sign the zone at its DNS host (most offer it as one setting), then publish the DS \
            record it gives you at your registrar. Check the chain with \"mailaudit dnssec \
            DOMAIN\" before and after.",
    }
    BOGUS {
        code: "dnssec-bogus",
        severity: Error,
        rfc: "RFC 4035 §5.5",
        summary: "An answer fails DNSSEC validation (bogus)",
        explanation: "The zone is signed, but this answer does not validate: a signature has \
            expired or is not yet valid, is missing, or does not verify, or the DS record at \
            the parent matches no key of the zone. Validating resolvers (most large mail \
            providers use one) answer SERVFAIL for it, so to them the record does not exist and \
            mail may be deferred or bounced.",
        fix: "Re-sign the zone (most signers do this on their own; check that the signer still \
            runs and that the server loads its output), or make the DS record at the registrar \
            match a current key-signing key. The reason on the finding names the step that \
            failed.",
    }
    INDETERMINATE {
        code: "dnssec-indeterminate",
        severity: Warning,
        rfc: "RFC 4035 §4.3",
        summary: "The DNSSEC status of an answer could not be established",
        explanation: "The DS or DNSKEY records needed to validate the answer could not be \
            fetched (a timeout or a server failure), so it is neither known good nor known bad. \
            Resolvers that meet the same failure retry, and may answer SERVFAIL meanwhile.",
        fix: "Check that every authoritative server of the zone and its parent answers DS and \
            DNSKEY queries (dig +dnssec DOMAIN DNSKEY @server), including over TCP for large \
            key sets, then run the audit again.",
    }
    SIGNATURE_EXPIRING {
        code: "dnssec-signature-expiring",
        severity: Warning,
        rfc: "RFC 4034 §3.1.5",
        summary: "DNSSEC signatures expire within 3 days",
        explanation: "An RRSIG the zone serves is still valid but expires soon. Signers renew \
            signatures well ahead of their expiry; one this close usually means the signer has \
            stopped, and when it expires every answer of the zone turns bogus.",
        fix: "Check that the zone's signer runs and that the servers load the newly signed \
            zone (its serial increases); re-sign by hand if needed.",
    }
    DEPRECATED_ALGORITHM {
        code: "dnssec-deprecated-algorithm",
        severity: Warning,
        rfc: "RFC 8624 §3.1",
        summary: "A DNSSEC key uses an algorithm that must no longer be used for signing",
        explanation: "RSAMD5, DSA, RSASHA1 and RSASHA1-NSEC3-SHA1 are deprecated for signing \
            (RFC 8624): validators increasingly treat zones signed only with them as \
            unsigned, so the zone loses its protection without any error.",
        fix: "Roll the zone to ECDSAP256SHA256 (13) or RSASHA256 (8): most signers do an \
            algorithm rollover with one setting; publish the new DS at the registrar when asked \
            and remove the old one afterwards.",
    }
    SHA1_DS {
        code: "dnssec-weak-ds-digest",
        severity: Warning,
        rfc: "RFC 8624 §3.3",
        summary: "A DS record uses the SHA-1 digest",
        explanation: "DS digest type 1 (SHA-1) must no longer be published (RFC 8624): \
            validators may ignore it, and a zone whose only DS uses it may be treated as \
            unsigned.",
        fix: "Publish a DS with digest type 2 (SHA-256) at the registrar and delete the SHA-1 \
            one.",
    }
    DS_NO_DNSKEY {
        code: "dnssec-ds-no-dnskey",
        severity: Error,
        rfc: "RFC 4035 §5.2",
        summary: "No DS record at the parent matches a key of the zone",
        explanation: "The parent zone delegates with DS records, but none of them is the digest \
            of a DNSKEY the zone serves (a key rolled without updating the registrar, or a DS \
            for another zone). The chain of trust is broken: every answer of the zone is bogus \
            to validating resolvers.",
        fix: "Publish at the registrar the DS of the zone's current key-signing key (your DNS \
            host shows it), or, if you meant to stop signing, remove the DS first and wait for \
            its TTL before unsigning the zone.",
    }
    RESOLVER_NOT_VALIDATING {
        code: "dnssec-resolver-not-validating",
        severity: Info,
        rfc: "RFC 4035 §3.2.3",
        summary: "The resolver in use does not validate DNSSEC",
        explanation: "Answers from the resolver never carry the AD bit, so it does not check \
            signatures itself. mailaudit validates each answer on its own from the root's \
            anchors; software on this machine that trusts the resolver (and DANE senders behind \
            such a resolver) gets no protection.",
        fix: "Nothing for the audit. To protect this machine, use a validating resolver \
            (unbound, BIND or a public one with DNSSEC), or give mailaudit your own anchors \
            with --trust-anchor.",
    }
    NO_DNSSEC_DATA {
        code: "dnssec-resolver-strips",
        severity: Warning,
        rfc: "RFC 4035 §3.2.1",
        summary: "The resolver in use returns no DNSSEC records",
        explanation: "Asked with the DO bit for the keys the chain of trust starts from, the \
            resolver returned them without signatures, or not at all, so nothing can be \
            validated through it: every answer would look bogus. The DNSSEC statuses of this \
            run are indeterminate.",
        fix: "Ask a resolver that passes DNSSEC records (--resolver 1.1.1.1, 9.9.9.9 or your \
            own unbound), or give the servers with --resolver.",
    }
}
