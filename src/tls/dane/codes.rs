//! DANE for SMTP's finding codes (RFC 7672, RFC 7671, RFC 6698): the TLSA records of an MX host
//! and the chain each of its addresses presented, joined into the catalog by `crate::catalog`.

crate::finding::codes! {
    prefix: "dane-";

    NO_MATCH {
        code: "dane-no-match",
        severity: Error,
        rfc: "RFC 7672 §3.1",
        summary: "No usable TLSA record matches the certificate chain the server presented",
        explanation: "The MX host publishes usable TLSA records (DANE-TA or DANE-EE) in a signed \
            zone, so a DANE sender authenticates the server with them and nothing else. None of \
            them matches the chain this address presented: the digest differs, or the trust \
            anchor was found but the chain to it is invalid at the time of the check or the \
            certificate does not name the host. A DANE sender defers the mail and does not \
            deliver to this address; the report says each record's reason.",
        fix: "Publish a TLSA record for the key or issuer the server uses now (for DANE-EE the \
            SHA-256 of its SubjectPublicKeyInfo: `3 1 1`), or install the certificate the records \
            describe. Publish the new record a few TTLs before every key change.",
    }
    UNUSABLE_USAGE {
        code: "dane-unusable-usage",
        severity: Error,
        rfc: "RFC 7672 §3.1.3",
        summary: "TLSA records with usage 0 (PKIX-TA) or 1 (PKIX-EE), which SMTP senders ignore",
        explanation: "SMTP senders have no list of public CAs in common with the receiving \
            server, so RFC 7672 makes the PKIX usages unusable for SMTP: a sender treats such a \
            record as if it were absent. When every record has such a usage, a DANE sender still \
            insists on TLS but authenticates nothing; beside usable records they are only noise \
            (then this is a warning).",
        fix: "Publish DANE-EE (`3 1 1`, the SHA-256 of the server's public key) or DANE-TA (`2 1 \
            1`, of the issuing CA's key) records instead, and remove the usage 0 and 1 records.",
    }
    MALFORMED_TLSA {
        code: "dane-malformed-tlsa",
        severity: Error,
        rfc: "RFC 6698 §2.1, RFC 7671 §4",
        summary: "A TLSA record is malformed and can never match",
        explanation: "The record has a certificate usage, selector or matching type that is not \
            defined, or association data of the wrong length for its matching type (a SHA-256 \
            digest is 32 octets, a SHA-512 digest 64). Senders treat it as unusable; if no \
            usable record is left, DANE protects nothing.",
        fix: "Publish the record again from the certificate, with a tool that computes the \
            digest (for example `3 1 1` and the SHA-256 of the SubjectPublicKeyInfo in hex).",
    }
    NO_ROLLOVER_COVER {
        code: "dane-no-rollover-cover",
        severity: Warning,
        rfc: "RFC 7671 §8.1, RFC 7672 §3.1",
        summary: "A single DANE-EE record and nothing to cover a key change",
        explanation: "The only usable TLSA record pins the server's current key (DANE-EE). When \
            the key or certificate is replaced before a record for the new one has been \
            published for at least two TTLs, DANE senders stop delivering until the DNS \
            catches up. A second record for the next key, or a DANE-TA record for the issuing \
            CA, keeps mail flowing through the change (internet.nl judges it so).",
        fix: "Publish a `3 1 1` record for the next key now (generate the next key ahead of \
            time), or add a `2 1 1` record for the issuing CA's key.",
    }
    NO_STARTTLS {
        code: "dane-no-starttls",
        severity: Error,
        rfc: "RFC 7672 §2.2",
        summary: "A host with usable TLSA records does not offer STARTTLS",
        explanation: "Usable TLSA records tell DANE senders that this host supports TLS with a \
            certificate they can authenticate. When STARTTLS is not offered, or is refused, they \
            do not fall back to clear text: they defer the mail and do not deliver to this \
            address.",
        fix: "Turn STARTTLS on with the certificate the TLSA records describe, or remove the \
            TLSA records until it is on.",
    }
    TLSA_INSECURE {
        code: "dane-tlsa-insecure",
        severity: Warning,
        rfc: "RFC 7672 §2.2",
        summary: "TLSA records that senders ignore: the MX, address or TLSA records are not DNSSEC-secure",
        explanation: "DANE applies only when the MX RRset, the host's address records and its \
            TLSA RRset all validate as secure. Here one of them is insecure (an unsigned zone, or \
            below an insecure delegation), so DANE senders treat the host as having no TLSA \
            records and deliver with opportunistic TLS: the records protect nothing.",
        fix: "Sign the zones that hold the MX records, the host's A/AAAA records and the TLSA \
            records, and publish their DS records at the parents; or remove the TLSA records.",
    }
    TLSA_BOGUS {
        code: "dane-tlsa-bogus",
        severity: Error,
        rfc: "RFC 7672 §2.2.3",
        summary: "The host's TLSA lookup fails DNSSEC validation: DANE senders do not deliver",
        explanation: "The MX records and the host's addresses are secure, so a DANE sender must \
            find out whether the host has TLSA records. The TLSA lookup is bogus or failed, and \
            RFC 7672 §2.2.3 then has the sender defer the mail rather than deliver without \
            authentication: mail to this host waits in queues until it is fixed.",
        fix: "Make _25._tcp.HOST TLSA validate: re-sign the zone that holds it, fix its DS, or \
            make its servers answer TLSA queries (some firewalls and old servers drop them).",
    }
    MX_UNSIGNED {
        code: "dane-mx-unsigned",
        severity: Info,
        rfc: "RFC 7672 §2.2.1",
        summary: "An MX host lives in an unsigned zone while the domain is signed: DANE cannot protect it",
        explanation: "The domain's MX records validate as secure, but this host's address \
            records do not, so no TLSA record of it could be used: senders deliver to it with \
            opportunistic TLS only. Hosted mail services often sit in unsigned zones.",
        fix: "Nothing to fix on your side unless you run the host: sign its zone and publish \
            TLSA records, or use MTA-STS to protect delivery to it.",
    }
    OVER_MTA_STS {
        code: "dane-over-mta-sts",
        severity: Info,
        rfc: "RFC 8461 §2",
        summary: "The domain has both DANE and MTA-STS: senders that do DANE apply DANE",
        explanation: "A sender that supports DANE and finds usable, secure TLSA records for an \
            MX host applies DANE to it and ignores the MTA-STS policy (RFC 8461 §2); senders \
            without DANE apply MTA-STS. Both are checked here; each must hold on its own, or one \
            group of senders fails to deliver.",
        fix: "Nothing, if both pass: keep the TLSA records and the MTA-STS policy in step when \
            certificates or MX hosts change.",
    }
}
