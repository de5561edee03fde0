//! Finding codes of `check`: what only several areas together show (RFC 9989 §4.4, RFC 7505,
//! RFC 7208 §4.6.4), and areas that could not be looked at.

crate::finding::codes! {
    prefix: "check-";

    DOMAIN_NOT_FOUND {
        code: "check-domain-not-found",
        severity: Error,
        rfc: "RFC 8020 §2, RFC 1035 §4.3.1",
        summary: "The domain does not exist (NXDOMAIN)",
        explanation: "Its name servers answer NXDOMAIN for the domain itself, and that means no \
            name below it exists either: no SPF, DKIM, MX, MTA-STS or TLS-RPT record can be \
            published for it, mail to it bounces and receivers refuse mail from it. Only the \
            DMARC and BIMI records of its Organizational Domain can still apply.",
        fix: "Check the spelling of the domain. If it is yours, make sure it is registered and \
            delegated to name servers that serve its zone (dig NS DOMAIN, dig SOA DOMAIN).",
    }
    UNFINISHED {
        code: "check-unfinished",
        severity: Warning,
        rfc: "RFC 7208 §4.6.4",
        summary: "An area of the check did not finish within the time budget",
        explanation: "Each area of `check` (SPF, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI) has the \
            time budget of --budget. Name servers that answer slowly at every step used it up, \
            so the area is missing from the report; receivers that meet the same servers \
            return temporary errors and may defer mail.",
        fix: "Run the area's own command (e.g. `mailaudit dmarc DOMAIN`) with a larger \
            --budget to see what is slow, then fix or replace the slow name servers.",
    }
    NOTHING_ALIGNS {
        code: "check-nothing-aligns",
        severity: Error,
        rfc: "RFC 9989 §4.4, §4.10",
        summary: "DMARC is published, but neither SPF nor any DKIM key was found",
        explanation: "DMARC passes only when SPF or DKIM passes for a domain aligned with the \
            From domain. With no SPF record and no DKIM key among the selectors tried, no mail \
            from the domain can pass DMARC, and with p=quarantine or p=reject receivers act on \
            all of it. DKIM selectors cannot be listed, so a key under a selector that was not \
            tried would still count.",
        fix: "Publish an SPF record for the domain's senders and sign its mail with DKIM; give \
            the signing selector with --selector to check it.",
    }
    PARKED_SPF {
        code: "check-parked-spf",
        severity: Warning,
        rfc: "RFC 7208 §10.1.2, RFC 7505 §4",
        summary: "A domain that sends no mail should publish v=spf1 -all",
        explanation: "A domain that sends no mail (declared with --parked, or publishing a null \
            MX) is still used in forged From and MAIL FROM addresses. \"v=spf1 -all\" tells \
            receivers that no host may send for it, so forged mail fails SPF.",
        fix: "Publish the single TXT record \"v=spf1 -all\" at the domain and remove any other \
            SPF record.",
    }
    PARKED_DMARC {
        code: "check-parked-dmarc",
        severity: Warning,
        rfc: "RFC 9989 §4.7, RFC 7505 §4",
        summary: "A domain that sends no mail should publish DMARC p=reject",
        explanation: "A domain that sends no mail (declared with --parked, or publishing a null \
            MX) has no legitimate mail that a strict policy could hurt. DMARC p=reject asks \
            receivers to reject all mail using its name in From.",
        fix: "Publish \"v=DMARC1; p=reject;\" at _dmarc.DOMAIN (add rua= to receive reports \
            about the forgeries).",
    }
    STS_ENFORCE_BROKEN {
        code: "check-sts-enforce-broken",
        severity: Error,
        rfc: "RFC 8461 §4.2, §5",
        summary: "MTA-STS enforce, but an MX host fails what it requires",
        explanation: "In enforce mode, senders that honour MTA-STS deliver only over TLS with a \
            certificate that validates for the MX host's name. An MX host that offers no \
            STARTTLS, fails the handshake or presents a certificate that does not validate \
            (expired, wrong name, untrusted, self-signed) receives no mail from those senders: \
            what is a warning for opportunistic TLS is a delivery failure here.",
        fix: "Fix the host's certificate or TLS first (a certificate from a public CA naming \
            the host, renewed in time); until then set the policy to mode: testing and change \
            its id.",
    }
}
