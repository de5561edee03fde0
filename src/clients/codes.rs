//! The finding codes of the mail-client endpoints (RFC 6186 SRV records, RFC 8314 TLS for
//! submission and mail access, RFC 9051 IMAP, RFC 1939/2449 POP3, RFC 2595 STARTTLS/STLS),
//! joined into the catalog by `crate::catalog`. Submission endpoints are probed by the SMTP
//! probe and report its `smtp-` codes, at the severity of a submission port, except the ones a
//! client endpoint judges its own way (a port closed or not speaking TLS). Certificate
//! problems are errors here: mail clients validate certificates and refuse to go on.

crate::finding::codes! {
    prefix: "client-";

    SRV_NONE {
        code: "client-srv-none",
        severity: Info,
        rfc: "RFC 6186 §3",
        summary: "No RFC 6186 SRV record is published for any mail-client service",
        explanation: "Mail programs that follow RFC 6186 look up _submissions._tcp, \
            _submission._tcp, _imaps._tcp, _imap._tcp, _pop3s._tcp and _pop3._tcp to configure \
            themselves from an address alone. Without them, users type in server names, or the \
            program guesses (often imap.DOMAIN, smtp.DOMAIN, mail.DOMAIN).",
        fix: "Publish SRV records for the services users reach, e.g. \
            \"_submissions._tcp.example.com. SRV 0 1 465 mail.example.com.\", and \
            \"_imap._tcp.example.com. SRV 0 0 0 .\" for each service not offered. To probe \
            the usual ports of a host now, give --host NAME.",
    }
    SRV_NOT_OFFERED {
        code: "client-srv-not-offered",
        severity: Info,
        rfc: "RFC 6186 §3.4, RFC 2782",
        summary: "An SRV record says the service is not offered (target \".\")",
        explanation: "A single SRV record whose target is \".\" says that the service is \
            decidedly not available at this domain, so clients do not look for it elsewhere. \
            This is the right way to say so.",
        fix: "Nothing, if the service is not offered.",
    }
    SRV_INVALID {
        code: "client-srv-invalid",
        severity: Error,
        rfc: "RFC 2782, RFC 6186 §3",
        summary: "An SRV record cannot be used as published",
        explanation: "The record's target is not a host name, its port is 0, or the \".\" \
            target that says a service is not offered stands beside records that say it is. \
            Clients skip such a record, or give up on the service.",
        fix: "Publish \"priority weight port target\" with the host name of the server and \
            its port; use the single record \"0 0 0 .\" only for a service not offered.",
    }
    SRV_CNAME {
        code: "client-srv-cname",
        severity: Warning,
        rfc: "RFC 2782",
        summary: "An SRV record's target is an alias (CNAME)",
        explanation: "RFC 2782 says the target of an SRV record must not be an alias. Many \
            clients follow the CNAME anyway, but some do not, and the certificate must then \
            be valid for the name in the SRV record, not only for the canonical one.",
        fix: "Point the SRV record at the canonical host name (the CNAME's target).",
    }
    SRV_NO_ADDRESS {
        code: "client-srv-no-address",
        severity: Error,
        rfc: "RFC 2782, RFC 6186 §3",
        summary: "A host a mail client is sent to has no address",
        explanation: "The SRV target (or the --host given) has neither an A nor an AAAA \
            record, so mail programs configured from it cannot connect.",
        fix: "Publish an address for the host, or point the SRV record at a host that has one.",
    }
    PROBE_LIMIT {
        code: "client-probe-limit",
        severity: Warning,
        rfc: "RFC 2782, RFC 6186 §3",
        summary: "More SRV records or endpoints than the probe takes",
        explanation: "A service has more SRV records, or a host more addresses, or the run more \
            endpoints, than the probe's bounds (32 records per service, 8 addresses per host, \
            64 endpoints). Real deployments stay far below these; the rest were not probed.",
        fix: "Check that the records are meant; publish only the hosts clients should use.",
    }
    IMPLICIT_TLS_PREFERRED {
        code: "client-implicit-tls-preferred",
        severity: Info,
        rfc: "RFC 8314 §3.3, §5.1",
        summary: "A service is offered with STARTTLS only; RFC 8314 prefers implicit TLS",
        explanation: "RFC 8314 recommends that mail programs connect with TLS from the first \
            byte (submission on 465, IMAP on 993, POP3 on 995) rather than starting in clear \
            text and upgrading with STARTTLS, which an attacker on the path can strip or \
            tamper with before TLS begins.",
        fix: "Offer the implicit-TLS port as well, and publish its SRV record (with a lower \
            priority number than the STARTTLS service's) so that clients prefer it.",
    }
    NOT_LISTENING {
        code: "client-not-listening",
        severity: Info,
        rfc: "RFC 8314 §3, RFC 6186 §3",
        summary: "Nothing answers on a standard port of a host given with --host",
        explanation: "The host was given with --host, and the probe tried the standard port \
            of each service. Nothing answered on this one, which is fine when the service is \
            not offered there.",
        fix: "Nothing, if the service is not meant to be offered on this port. Otherwise \
            check that the server listens on it and that no firewall is in the way.",
    }
    CONNECT_FAILED {
        code: "client-connect-failed",
        severity: Error,
        rfc: "RFC 6186 §3",
        summary: "A published IMAP or POP3 endpoint cannot be connected to",
        explanation: "The SRV record sends mail programs to this address and port, but the \
            connection was refused or did not complete in time. Users configured from the \
            record cannot reach their mail.",
        fix: "Make the server listen on the published port, open it in the firewall, or \
            correct the SRV record.",
    }
    TIMEOUT {
        code: "client-timeout",
        severity: Error,
        rfc: "RFC 9051 §7.1, RFC 1939 §3",
        summary: "The server did not answer within --timeout",
        explanation: "A step of the session (the greeting, a reply, the TLS handshake) took \
            longer than --timeout. Mail programs wait about as long before giving up.",
        fix: "Check that the server is not overloaded and answers promptly; if the network is \
            slow, try a longer --timeout.",
    }
    BUDGET_EXCEEDED {
        code: "client-budget-exceeded",
        severity: Error,
        rfc: "RFC 9051, RFC 1939",
        summary: "The session did not end within --budget",
        explanation: "Each step was answered in time, but the whole session took longer than \
            --budget, for instance because the server sends its replies a byte at a time.",
        fix: "Check the server's responsiveness; if the network is slow, raise --budget.",
    }
    CONNECTION_DROPPED {
        code: "client-connection-dropped",
        severity: Error,
        rfc: "RFC 9051 §7.1.5, RFC 1939 §3",
        summary: "The server closed the connection in the middle of the session",
        explanation: "The server closed the connection without a BYE (IMAP) or before the \
            QUIT reply (POP3), while the client waited for an answer. Mail programs report a \
            connection error.",
        fix: "Check the server's logs for why it dropped the connection (limits per address, \
            a crash, a misconfigured proxy).",
    }
    RESPONSE_TOO_LARGE {
        code: "client-response-too-large",
        severity: Error,
        rfc: "RFC 9051 §4, RFC 2449 §4",
        summary: "The server sent a line, a reply or a session larger than the probe reads",
        explanation: "A line went on past the line limit, a reply past the line count, or the \
            session past its byte limit. No sane greeting or capability list is that large; \
            the server is broken or hostile, and the probe stopped reading.",
        fix: "Check what the server sends after connecting; a proxy or a wrong service on the \
            port is a common cause.",
    }
    RESPONSE_MALFORMED {
        code: "client-response-malformed",
        severity: Error,
        rfc: "RFC 9051 §7.1, RFC 1939 §3",
        summary: "A response is not IMAP or POP3",
        explanation: "The server's greeting or reply does not have the form the protocol \
            requires (\"* OK\" for IMAP, \"+OK\" for POP3), or an IMAP response announces a \
            literal (\"{123}\" at the end of a line), which no answer to the probe's commands \
            holds, or completes a tag that was never sent. A mail program cannot go on, or waits \
            until it gives up. Often another service listens on the port.",
        fix: "Make sure the IMAP or POP3 server, and not another service, listens on the port.",
    }
    GREETING_REFUSED {
        code: "client-greeting-refused",
        severity: Error,
        rfc: "RFC 9051 §7.1.5, RFC 1939 §4",
        summary: "The server refuses the connection in its greeting",
        explanation: "The greeting is \"* BYE\" (IMAP) or \"-ERR\" (POP3): the server will \
            not serve this client, often because of a limit per address or a maintenance mode.",
        fix: "Check the server's connection limits and access rules.",
    }
    STARTTLS_MISSING {
        code: "client-starttls-missing",
        severity: Error,
        rfc: "RFC 2595 §3, §4, RFC 8314 §3",
        summary: "STARTTLS (IMAP) or STLS (POP3) is not offered on the clear-text port",
        explanation: "The capabilities do not include STARTTLS (IMAP) or STLS (POP3), so a \
            mail program on this port either sends the password in clear text or refuses to \
            go on.",
        fix: "Enable STARTTLS/STLS with a valid certificate (Dovecot: ssl = yes), or close the \
            port and offer only the implicit-TLS one.",
    }
    STARTTLS_REJECTED {
        code: "client-starttls-rejected",
        severity: Error,
        rfc: "RFC 2595 §3.1, §4",
        summary: "STARTTLS or STLS is offered but refused",
        explanation: "The server lists STARTTLS (IMAP) or STLS (POP3) but refuses the \
            command, so no TLS session can be started on this port.",
        fix: "Check the server's TLS configuration: a missing certificate or key file is the \
            usual cause.",
    }
    STARTTLS_INJECTION {
        code: "client-starttls-injection",
        severity: Error,
        rfc: "RFC 2595 §3.1, RFC 8314 §4.1",
        summary: "The server sent more after agreeing to STARTTLS, before TLS",
        explanation: "Bytes arrived after the positive reply to STARTTLS or STLS and before \
            the TLS handshake. A client must throw them away; a client that does not would \
            take them as replies sent over TLS, which is how STARTTLS command-injection \
            attacks work. A correct server sends nothing there.",
        fix: "Upgrade the server, or the proxy in front of it, to a version that buffers \
            nothing across STARTTLS.",
    }
    CLEARTEXT_LOGIN {
        code: "client-cleartext-login",
        severity: Error,
        rfc: "RFC 2595 §3.2, RFC 8314 §4, RFC 9051 §6.2.3",
        summary: "Login with a password is offered before TLS",
        explanation: "Before TLS the server accepts a password in clear text: IMAP without \
            LOGINDISABLED (so LOGIN works), or AUTH=PLAIN/LOGIN, or POP3 USER or SASL PLAIN \
            in CAPA. A mail program that uses it, or an attacker who strips STARTTLS, exposes \
            the password on the network.",
        fix: "Refuse clear-text authentication before TLS (Dovecot: \
            disable_plaintext_auth = yes, or auth_allow_cleartext = no in 2.4), so IMAP \
            advertises LOGINDISABLED and POP3 leaves USER out until STLS.",
    }
    IMPLICIT_NOT_TLS {
        code: "client-implicit-not-tls",
        severity: Error,
        rfc: "RFC 8314 §3",
        summary: "An implicit-TLS port does not speak TLS",
        explanation: "On this port (465, 993 or 995, or one published for submissions, imaps or \
            pop3s) TLS must start with the first byte, but the server answered the TLS \
            ClientHello in clear text. Mail programs fail with a handshake error.",
        fix: "Configure the port for TLS (Dovecot: a listener with ssl = yes; Postfix: \
            smtpd_tls_wrappermode=yes for 465), or publish the port under the STARTTLS service \
            (_submission._tcp, _imap._tcp, _pop3._tcp) instead.",
    }
    SNI_UNUSABLE {
        code: "client-sni-unusable",
        severity: Warning,
        rfc: "RFC 6066 §3, RFC 8314 §4.1",
        summary: "The host name cannot be sent as the TLS server name (SNI)",
        explanation: "A mail program names the server it wants in the TLS server_name \
            extension (SNI), which holds only a DNS host name, and checks the certificate \
            against that name. This name is not one TLS libraries accept there (its last label \
            reads as a number, a label starts or ends with '-', or it holds other characters), \
            so mail programs fail before TLS or go on without SNI, as the probe does; either way \
            no certificate can be valid for it.",
        fix: "Publish the service under a host name of letters, digits and hyphens whose last \
            label is not a number (in the SRV record, or the name users configure), and put \
            that name in the certificate.",
    }
    TLS_HANDSHAKE_FAILED {
        code: "client-tls-handshake-failed",
        severity: Error,
        rfc: "RFC 8446, RFC 8314 §4.1",
        summary: "The TLS handshake failed",
        explanation: "The client and the server could not agree on TLS: the server closed \
            the connection, sent an alert, or offered nothing the client accepts. Mail programs \
            cannot connect securely.",
        fix: "Check the server's TLS configuration (certificate, key, protocol versions and \
            cipher suites) and its logs.",
    }
    TLS_LEGACY_ONLY {
        code: "client-tls-legacy-only",
        severity: Error,
        rfc: "RFC 8996, RFC 8997, RFC 8314 §4.1",
        summary: "The server speaks only TLS versions below 1.2",
        explanation: "TLS 1.0 and 1.1 are deprecated (RFC 8996, and RFC 8997 for mail). \
            Current mail programs refuse them, so users cannot connect securely.",
        fix: "Enable TLS 1.2 and 1.3 on the server (Dovecot: ssl_min_protocol = TLSv1.2).",
    }
    CERT_EXPIRED {
        code: "client-cert-expired",
        severity: Error,
        rfc: "RFC 5280 §4.1.2.5, RFC 8314 §4.1",
        summary: "The server's certificate has expired",
        explanation: "Mail programs validate the certificate and refuse an expired one, or \
            ask the user to accept it, which teaches users to accept attacks.",
        fix: "Renew the certificate and reload the server; automate renewal (ACME) and reload \
            the mail services after each renewal.",
    }
    CERT_NOT_YET_VALID {
        code: "client-cert-not-yet-valid",
        severity: Error,
        rfc: "RFC 5280 §4.1.2.5",
        summary: "The server's certificate is not valid yet",
        explanation: "The certificate's validity begins in the future, so clients refuse it. \
            Usually the server's clock, or the issuer's, is wrong.",
        fix: "Check the clocks, and install a certificate that is valid now.",
    }
    CERT_EXPIRING_SOON {
        code: "client-cert-expiring-soon",
        severity: Error,
        rfc: "RFC 5280 §4.1.2.5",
        summary: "The server's certificate expires within 30 days",
        explanation: "Mail programs validate the certificate and will refuse it once it \
            expires, cutting every user off at once, so on a client endpoint this is an error \
            while there is still time. Automated renewal normally replaces a certificate 30 \
            days before its end, so one this close suggests that renewal, or reloading the \
            mail server after it, has failed.",
        fix: "Renew the certificate now, and make sure the mail services are reloaded after \
            each renewal.",
    }
    CERT_UNTRUSTED {
        code: "client-cert-untrusted",
        severity: Error,
        rfc: "RFC 5280 §6, RFC 8314 §4.1",
        summary: "The server's certificate chain is not trusted",
        explanation: "The chain does not lead to a public root: it is self-signed, from a \
            private CA, or missing its intermediate certificates. Mail programs refuse it or \
            warn the user on every connection.",
        fix: "Use a certificate from a public CA and send the full chain (leaf and \
            intermediates; e.g. fullchain.pem for Let's Encrypt).",
    }
    CERT_NAME_MISMATCH {
        code: "client-cert-name-mismatch",
        severity: Error,
        rfc: "RFC 6125 §6, RFC 8314 §4.1",
        summary: "The certificate is not valid for the host name clients connect to",
        explanation: "Clients check that the certificate names the host they connect to (the \
            SRV target, or the server name the user typed). This one does not, so they refuse \
            it or warn the user.",
        fix: "Add the host name to the certificate's subjectAltName, or point the SRV record \
            at a name the certificate covers.",
    }
    CERT_WEAK {
        code: "client-cert-weak",
        severity: Error,
        rfc: "RFC 8996, CA/B Forum Baseline Requirements §6.1.5",
        summary: "The chain uses an RSA key below 2048 bits or a SHA-1 or MD5 signature",
        explanation: "Keys and signatures this weak are no longer accepted by current TLS \
            libraries, so mail programs refuse the certificate.",
        fix: "Issue a new certificate with an RSA key of 2048 bits or more (or ECDSA), signed \
            with SHA-256 or better.",
    }
}
