//! The SMTP probe's finding codes (RFC 5321, RFC 3207, RFC 8314, RFC 7505), joined into the
//! catalog by `crate::catalog`. Certificate problems are warnings on relay ports, where TLS is
//! opportunistic, and are raised to errors on submission ports (465, 587), whose clients
//! validate certificates.

crate::finding::codes! {
    prefix: "smtp-";

    NULL_MX {
        code: "smtp-null-mx",
        severity: Info,
        rfc: "RFC 7505 §3",
        summary: "The domain publishes a null MX: it accepts no mail",
        explanation: "An MX record with the exchange \".\" says that the domain accepts no mail \
            at all. Senders bounce mail to it at once instead of trying its addresses, so there \
            is nothing to probe.",
        fix: "Nothing, if the domain is not meant to receive mail. Otherwise remove the null MX \
            and publish MX records for the hosts that receive its mail.",
    }
    IMPLICIT_MX {
        code: "smtp-implicit-mx",
        severity: Info,
        rfc: "RFC 5321 §5.1",
        summary: "The domain has no MX record; mail goes to its own address",
        explanation: "Without MX records, senders treat the domain itself as the only mail \
            host, with preference 0, and deliver to its A and AAAA addresses. The probe does the \
            same. This works, but is rarely meant: the web server usually does not accept mail.",
        fix: "Publish MX records for the hosts that receive the domain's mail, or a null MX \
            (\"0 .\") if it receives none.",
    }
    NO_ADDRESS {
        code: "smtp-no-address",
        severity: Error,
        rfc: "RFC 5321 §5.1",
        summary: "A mail host has no address to connect to",
        explanation: "The host has neither an A nor an AAAA record, so senders cannot connect \
            to it and try the next MX host; if it is the only one, mail to the domain cannot be \
            delivered.",
        fix: "Publish an address for the host, or point the MX record at a host that has one.",
    }
    PROBE_LIMIT {
        code: "smtp-probe-limit",
        severity: Warning,
        rfc: "RFC 5321 §5.1",
        summary: "More MX hosts or addresses than the probe connects to",
        explanation: "The probe takes the MX audit's bounds: at most 16 MX hosts, by preference, \
            and 8 addresses per host and family (IPv4, IPv6), so that a domain's data cannot \
            make one run open thousands of connections. The rest are not probed. Senders try \
            far fewer (RFC 5321 §5.1 asks for at least two addresses; Postfix tries five by \
            default), so mail never reaches them either.",
        fix: "Trim the MX records and the address records of each host to those that receive \
            mail; a few hosts with one or two addresses each is plenty.",
    }
    PROBE_DEADLINE {
        code: "smtp-probe-deadline",
        severity: Warning,
        rfc: "RFC 5321 §4.5.3.2",
        summary: "The probe's time ran out before every endpoint was probed",
        explanation: "A run of live sessions has a deadline: --deadline for `probe`, the \
            domain's --budget for `check` (its SMTP probe and its mail-client endpoints). \
            Sessions run a few at a time; those whose turn came after the deadline were not \
            started, and are counted here rather than blamed on servers that were never asked. \
            The report is incomplete. Slow servers ahead of them used the time; their own \
            findings say which.",
        fix: "Look at the slow servers' findings (smtp-timeout, smtp-budget-exceeded); give the \
            run a longer --deadline (--budget for `check`), or `probe` more --jobs.",
    }
    CONNECT_FAILED {
        code: "smtp-connect-failed",
        severity: Error,
        rfc: "RFC 5321 §4.5.4.1",
        summary: "The connection to the mail server failed",
        explanation: "The TCP connection was refused, could not be routed, or was not answered \
            in time. Senders retry later and then try other MX hosts. Outbound connections to \
            port 25 are blocked on many home, office and cloud networks, so when every host \
            fails this way the finding may be about where the probe runs, not about the server.",
        fix: "Check that the server listens on the port at this address and that no firewall \
            drops the connection; run the probe again from a host allowed to connect to port 25.",
    }
    TIMEOUT {
        code: "smtp-timeout",
        severity: Error,
        rfc: "RFC 5321 §4.5.3.2",
        summary: "The server did not answer a step in time",
        explanation: "A step of the session (the banner, a reply to a command, the TLS \
            handshake) took longer than --timeout. Senders wait up to five minutes for the \
            banner and most replies, but a server this slow for a probe is usually overloaded, \
            tarpitting, or stuck, and real senders will defer mail to it.",
        fix: "Check the server's load and its greeting delay (greylisting or tarpit settings); \
            give the probe a longer --timeout if the delay is intended.",
    }
    BUDGET_EXCEEDED {
        code: "smtp-budget-exceeded",
        severity: Error,
        rfc: "RFC 5321 §4.5.3.2",
        summary: "The session did not finish within the probe's budget",
        explanation: "Each step answered in time, but the whole session took longer than \
            --budget, for example because the server trickles a reply out line by line. The \
            probe stopped; what it had seen until then is reported.",
        fix: "Check why the server answers so slowly; give the probe a longer --budget if that \
            is intended.",
    }
    CONNECTION_DROPPED {
        code: "smtp-connection-dropped",
        severity: Error,
        rfc: "RFC 5321 §3.8",
        summary: "The server closed the connection in the middle of the session",
        explanation: "The server closed or reset the connection where a reply was due. \
            Senders treat this as a temporary failure and retry later, so mail is delayed or, \
            after days of retries, bounced.",
        fix: "Look in the server's log for the session: a crash, a connection limit, or a \
            policy that drops clients without a reply.",
    }
    SERVICE_NOT_AVAILABLE {
        code: "smtp-service-not-available",
        severity: Error,
        rfc: "RFC 5321 §3.1, §4.2.3",
        summary: "The server greets with 421: service not available",
        explanation: "A 421 greeting means the server refuses sessions for now (overload, \
            maintenance, or a block on the client's address). Senders retry later; mail is \
            delayed while it lasts.",
        fix: "Check the server's load and connection limits, and whether it blocks the probing \
            address on purpose.",
    }
    BANNER_UNEXPECTED {
        code: "smtp-banner-unexpected",
        severity: Error,
        rfc: "RFC 5321 §3.1, §4.3.2",
        summary: "The server greets with a code other than 220",
        explanation: "A session starts with a 220 greeting; 554 refuses service for good, and \
            other codes are not valid greetings. Senders do not deliver to a server that does \
            not greet with 220.",
        fix: "Configure the server to greet with 220 its-host-name, and check whether it \
            refuses the probing address on purpose.",
    }
    REPLY_MALFORMED {
        code: "smtp-reply-malformed",
        severity: Error,
        rfc: "RFC 5321 §4.2",
        summary: "The server sent a line that is not an SMTP reply",
        explanation: "Every reply line is a three-digit code from 2xx to 5xx, then a space (the \
            last line) or a hyphen (more follow) and text, and all lines of a reply share one \
            code. A server that sends anything else is not speaking SMTP, or a middlebox is \
            interfering; senders give up on the session.",
        fix: "Check what listens on the port (another service, a proxy, a protocol detector).",
    }
    REPLY_LINE_TOO_LONG {
        code: "smtp-reply-line-too-long",
        severity: Error,
        rfc: "RFC 5321 §4.5.3.1.5",
        summary: "A reply line is longer than the probe accepts",
        explanation: "A reply line may be at most 512 octets including CRLF. The probe accepts \
            a margin beyond that and stopped reading at its limit; senders stop too, so the \
            session fails.",
        fix: "Find what makes the server send such a line (a broken greeting or a custom \
            message) and shorten it.",
    }
    REPLY_TOO_MANY_LINES {
        code: "smtp-reply-too-many-lines",
        severity: Error,
        rfc: "RFC 5321 §4.2.1",
        summary: "A reply has more lines than the probe accepts",
        explanation: "A multi-line reply went on past the probe's limit of lines without a last \
            line: a server that never ends a reply keeps senders waiting until they give up.",
        fix: "Check the server: a real EHLO reply has a few dozen lines at most.",
    }
    SESSION_TOO_LARGE {
        code: "smtp-session-too-large",
        severity: Error,
        rfc: "RFC 5321 §4.5.3.1",
        summary: "The server sent more data than a probe session needs",
        explanation: "The session went over the probe's limit of octets read (the TLS handshake \
            included). A banner, two EHLO replies and a certificate chain fit well within it; a \
            server that sends this much is broken or hostile.",
        fix: "Check what the server sends: an endless banner, huge replies or an oversized \
            certificate chain.",
    }
    EHLO_REJECTED {
        code: "smtp-ehlo-rejected",
        severity: Error,
        rfc: "RFC 5321 §4.1.4",
        summary: "The server refuses EHLO",
        explanation: "Without EHLO there are no service extensions: no STARTTLS, no SIZE, no \
            8BITMIME. Senders fall back to HELO and deliver in clear text, or not at all when \
            HELO is refused too. The message says what HELO got.",
        fix: "Enable ESMTP on the server; check whether it refuses the EHLO name the probe \
            sent (--ehlo) on purpose.",
    }
    STARTTLS_MISSING {
        code: "smtp-starttls-missing",
        severity: Error,
        rfc: "RFC 3207 §4, RFC 8314 §3",
        summary: "The server does not offer STARTTLS",
        explanation: "Without STARTTLS every sender delivers in clear text: messages can be \
            read and altered on the way, and MTA-STS or DANE cannot protect the domain.",
        fix: "Install a certificate for the host name and enable STARTTLS (Postfix: \
            smtpd_tls_security_level = may; Exim: tls_advertise_hosts = *).",
    }
    STARTTLS_REJECTED {
        code: "smtp-starttls-rejected",
        severity: Error,
        rfc: "RFC 3207 §4",
        summary: "The server offers STARTTLS but refuses it",
        explanation: "The server announced STARTTLS, but answered the command with something \
            other than 220 (often 454 TLS not available, when the certificate or key cannot be \
            loaded). Senders then deliver in clear text or defer.",
        fix: "Check the server's log: the certificate and key files, their permissions, and the \
            TLS library's errors.",
    }
    STARTTLS_PLAINTEXT_AFTER_REPLY {
        code: "smtp-starttls-plaintext-after-reply",
        severity: Warning,
        rfc: "RFC 3207 §4.2",
        summary: "The server sent data after its 220 reply to STARTTLS, before TLS",
        explanation: "Between the 220 reply to STARTTLS and the TLS handshake nothing may be \
            sent: the client must begin TLS at once. Data in between is a broken server, or an \
            injection attempt that a careless client would take as part of the encrypted \
            session (the STARTTLS response injection described in the NO STARTTLS study). The \
            probe discards it, as clients must.",
        fix: "Check the server or the middlebox in front of it: after 220 to STARTTLS, the \
            next bytes must be its TLS handshake.",
    }
    TLS_HANDSHAKE_FAILED {
        code: "smtp-tls-handshake-failed",
        severity: Error,
        rfc: "RFC 3207 §4.1, RFC 8446",
        summary: "STARTTLS was accepted but the TLS handshake failed",
        explanation: "The server accepted STARTTLS (or listens with implicit TLS) but the \
            handshake did not complete: no common protocol version or cipher suite, a bad key \
            or signature, or something that is not TLS. Senders then defer the mail, or retry \
            in clear text. The message says what the probe (rustls, TLS 1.2 and 1.3) saw.",
        fix: "Enable TLS 1.2 and 1.3 with current cipher suites (ECDHE with AES-GCM or \
            ChaCha20-Poly1305) and check that the certificate and key match.",
    }
    IMPLICIT_NOT_TLS {
        code: "smtp-implicit-not-tls",
        severity: Error,
        rfc: "RFC 8314 §3.3",
        summary: "An implicit-TLS port does not speak TLS",
        explanation: "On this port (465, or one given with --implicit-tls-port) TLS must start \
            with the first byte, but the server answered the TLS ClientHello in clear text — \
            usually its SMTP banner, because the port is set up for STARTTLS like 587. Mail \
            programs configured for SMTPS fail with a handshake error.",
        fix: "Turn implicit TLS on for the port (Postfix: smtpd_tls_wrappermode=yes on the \
            submissions service in master.cf), or stop publishing it as implicit TLS.",
    }
    TLS_LEGACY_ONLY {
        code: "smtp-tls-legacy-only",
        severity: Error,
        rfc: "RFC 8996, RFC 8997",
        summary: "The server speaks only TLS below 1.2",
        explanation: "The server's ServerHello chose SSL 3.0, TLS 1.0 or TLS 1.1, which are \
            deprecated and disabled in current TLS libraries. Senders that follow RFC 8996 \
            cannot negotiate TLS with it and deliver in clear text or not at all.",
        fix: "Upgrade the server's TLS library or configuration to offer TLS 1.2 and 1.3.",
    }
    SNI_UNUSABLE {
        code: "smtp-sni-unusable",
        severity: Warning,
        rfc: "RFC 6066 §3",
        summary: "The host name cannot be sent as the TLS server name (SNI)",
        explanation: "A TLS client names the server it wants in the server_name extension \
            (SNI), which holds only a DNS host name. This name is not one that TLS libraries \
            accept there (a label starts or ends with '-', holds a character other than a \
            letter, digit, '-' or '_', or the last label reads as a number), so senders either \
            start TLS without SNI, as the probe does, or fail before sending anything. A server \
            with several certificates then cannot tell which one to present, and a sender that \
            validates certificates cannot match any certificate to the name.",
        fix: "Give the mail host a name of letters, digits and hyphens (no label starting or \
            ending with '-', a top-level label that is not a number), point the MX record at \
            it, and put it in the certificate.",
    }
    CERT_EXPIRED {
        code: "smtp-cert-expired",
        severity: Warning,
        rfc: "RFC 5280 §4.1.2.5, RFC 8461 §4.2",
        summary: "The server's certificate has expired",
        explanation: "Opportunistic senders still deliver, but senders that enforce MTA-STS or \
            DANE-less validation refuse to, and submission clients show errors. On a submission \
            port this is an error.",
        fix: "Renew the certificate and reload the mail server; automate renewal (ACME).",
    }
    CERT_NOT_YET_VALID {
        code: "smtp-cert-not-yet-valid",
        severity: Warning,
        rfc: "RFC 5280 §4.1.2.5",
        summary: "The server's certificate is not valid yet",
        explanation: "The certificate's notBefore time is in the future: it was issued with a \
            wrong date, or the server's or probe's clock is wrong. Validating senders refuse \
            it. On a submission port this is an error.",
        fix: "Check the clocks, and install a certificate whose validity has begun.",
    }
    CERT_EXPIRING_SOON {
        code: "smtp-cert-expiring-soon",
        severity: Warning,
        rfc: "RFC 5280 §4.1.2.5",
        summary: "The server's certificate expires within 30 days",
        explanation: "The certificate is still valid, but expires soon; certificates renewed \
            automatically are replaced about 30 days before they expire, so renewal may be \
            failing. On submission ports it is an error: users' mail programs validate the \
            certificate and will all fail at once when it lapses.",
        fix: "Renew the certificate now and check the renewal job.",
    }
    CERT_UNTRUSTED {
        code: "smtp-cert-untrusted",
        severity: Warning,
        rfc: "RFC 5280 §6, RFC 8461 §4.2",
        summary: "The server's certificate does not chain to a trusted root",
        explanation: "The certificate is self-signed, issued by a private or unknown CA, or \
            sent without the intermediate certificates that link it to a public root. \
            Opportunistic senders still deliver; MTA-STS senders and submission clients refuse. \
            On a submission port this is an error.",
        fix: "Use a certificate from a public CA (e.g. Let's Encrypt) and configure the server \
            to send the full chain (fullchain.pem).",
    }
    CERT_NAME_MISMATCH {
        code: "smtp-cert-name-mismatch",
        severity: Warning,
        rfc: "RFC 6125 §6, RFC 8461 §4.1",
        summary: "The server's certificate is not valid for the MX host name",
        explanation: "Validating senders check the certificate against the MX host name they \
            connected to (RFC 8461 §4.1); a certificate for another name fails that check. On a \
            submission port this is an error.",
        fix: "Get a certificate whose subjectAltName includes the MX host name (every name the \
            server is reached by).",
    }
    CERT_WEAK_KEY {
        code: "smtp-cert-weak-key",
        severity: Warning,
        rfc: "RFC 8603 §3.3, NIST SP 800-131A",
        summary: "A certificate in the chain has an RSA key below 2048 bits",
        explanation: "RSA keys below 2048 bits can be factored with enough effort, and current \
            TLS libraries (rustls, recent OpenSSL security levels) refuse them, so the \
            handshake may fail outright. On a submission port this is an error.",
        fix: "Generate a new key of at least 2048 bits (or ECDSA P-256) and have the \
            certificate reissued.",
    }
    CERT_WEAK_SIGNATURE {
        code: "smtp-cert-weak-signature",
        severity: Warning,
        rfc: "RFC 9155, RFC 6151",
        summary: "A certificate in the chain is signed with SHA-1 or MD5",
        explanation: "Signatures over SHA-1 or MD5 can be forged by collision, and validating \
            clients reject them. On a submission port this is an error.",
        fix: "Have the certificate reissued with a SHA-256 signature (any current CA does).",
    }
    AUTH_BEFORE_TLS {
        code: "smtp-auth-before-tls",
        severity: Warning,
        rfc: "RFC 4954 §4, RFC 3207 §5",
        summary: "The server offers AUTH before TLS",
        explanation: "AUTH is offered over the unencrypted connection, so a client that uses it \
            before STARTTLS (or an attacker who strips STARTTLS) sends the password in clear \
            text. On a submission port this is an error.",
        fix: "Offer AUTH only after STARTTLS (Postfix: smtpd_tls_auth_only = yes; Exim: \
            auth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}}).",
    }
    UNEXPECTED_REPLY {
        code: "smtp-unexpected-reply",
        severity: Error,
        rfc: "RFC 5321 §4.2, §4.3.2",
        summary: "A command got a 4xx or 5xx reply where a 2xx was due",
        explanation: "A command every server must accept at that point (EHLO after STARTTLS, \
            RSET, QUIT) was refused. Senders treat this as a failure of the session.",
        fix: "Check the server's log for why it refused the command.",
    }
    NULL_SENDER_REJECTED {
        code: "smtp-null-sender-rejected",
        severity: Error,
        rfc: "RFC 5321 §4.5.5, §6.1",
        summary: "The server refuses the null sender MAIL FROM:<>",
        explanation: "Delivery status notifications (bounces) are sent with an empty \
            reverse-path, and a server must accept them; refusing MAIL FROM:<> loses every \
            bounce for the domain's users. A 4xx is temporary and reported as a warning.",
        fix: "Accept the null reverse-path; filter bounces by content, not by the empty sender.",
    }
    POSTMASTER_REJECTED {
        code: "smtp-postmaster-rejected",
        severity: Error,
        rfc: "RFC 5321 §4.5.1",
        summary: "The server refuses mail to postmaster",
        explanation: "Every domain that accepts mail must accept it for postmaster@domain, so \
            that problems can be reported to a person. A 4xx (often greylisting) is temporary \
            and reported as a warning.",
        fix: "Create postmaster as an alias of the people who run the mail service, and exempt \
            it from filters that reject senders.",
    }
}
