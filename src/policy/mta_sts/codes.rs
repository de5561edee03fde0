//! The MTA-STS finding codes (RFC 8461), joined into the catalog by `crate::catalog`.

crate::finding::codes! {
    prefix: "mta-sts-";

    MISSING {
        code: "mta-sts-missing",
        severity: Info,
        rfc: "RFC 8461 §3",
        summary: "The domain publishes no MTA-STS policy",
        explanation: "Without an _mta-sts TXT record and a policy at \
            https://mta-sts.DOMAIN/.well-known/mta-sts.txt, senders use STARTTLS only when it is \
            offered and deliver in clear text when an attacker strips it or presents any \
            certificate. MTA-STS makes senders that support it insist on TLS with a valid \
            certificate for your MX hosts.",
        fix: "Serve a policy file (start with mode: testing) at \
            https://mta-sts.DOMAIN/.well-known/mta-sts.txt with a certificate valid for \
            mta-sts.DOMAIN, then publish \"v=STSv1; id=YYYYMMDDhhmmss\" at _mta-sts.DOMAIN, and \
            a TLS-RPT record to hear about failures.",
    }
    MULTIPLE_RECORDS {
        code: "mta-sts-multiple-records",
        severity: Error,
        rfc: "RFC 8461 §3.1",
        summary: "More than one v=STSv1 TXT record",
        explanation: "When _mta-sts.DOMAIN holds more than one TXT record starting with v=STSv1, \
            senders must act as if the domain had no MTA-STS policy at all.",
        fix: "Keep exactly one v=STSv1 record and delete the others.",
    }
    RECORD_SYNTAX_ERROR {
        code: "mta-sts-record-syntax-error",
        severity: Error,
        rfc: "RFC 8461 §3.1",
        summary: "The _mta-sts TXT record does not parse",
        explanation: "Fields are name=value pairs separated by ';', with no space around '=' \
            and values of visible characters other than '=' and ';'. Senders treat a record \
            with a syntax error as no record: the policy is never fetched.",
        fix: "Correct the record at the marked position; the usual form is \
            \"v=STSv1; id=20240101T000000\".",
    }
    RECORD_VERSION_NOT_FIRST {
        code: "mta-sts-record-version-not-first",
        severity: Error,
        rfc: "RFC 8461 §3.1",
        summary: "The record does not start with v=STSv1",
        explanation: "Senders select the record by its first field, which must be exactly \
            v=STSv1 (case-sensitive). A record that starts otherwise, or has another version, is \
            discarded, so the domain has no MTA-STS policy for them.",
        fix: "Put v=STSv1 first: \"v=STSv1; id=...\".",
    }
    RECORD_ID_INVALID {
        code: "mta-sts-record-id-invalid",
        severity: Error,
        rfc: "RFC 8461 §3.1",
        summary: "The id field is missing or invalid",
        explanation: "id is required: 1 to 32 letters and digits. Senders compare it with the id \
            of the policy they cached to decide whether to fetch the policy again; a record \
            without a valid id is invalid and ignored.",
        fix: "Publish an id of letters and digits only, e.g. the time of the change as \
            id=20240101T120000 (not 2024-01-01T12:00:00), and change it whenever the policy \
            changes.",
    }
    RECORD_UNKNOWN_FIELD {
        code: "mta-sts-record-unknown-field",
        severity: Info,
        rfc: "RFC 8461 §3.1",
        summary: "A field of the record is not defined by RFC 8461",
        explanation: "Version 1 defines only v and id. Other well-formed fields are ignored by \
            senders, so a misspelt id (ID=, Id=) leaves the record without one.",
        fix: "Remove the field, or correct its name (field names are case-sensitive).",
    }
    RECORD_DUPLICATE_FIELD {
        code: "mta-sts-record-duplicate-field",
        severity: Warning,
        rfc: "RFC 8461 §3.1",
        summary: "A field appears more than once in the record",
        explanation: "The record gives the same field twice; which one a sender reads is not \
            defined, so policy updates may go unnoticed.",
        fix: "Keep one of each field.",
    }
    POLICY_HOST_MISSING {
        code: "mta-sts-policy-host-missing",
        severity: Error,
        rfc: "RFC 8461 §3.3",
        summary: "mta-sts.DOMAIN has no address",
        explanation: "The TXT record announces a policy, but the host senders fetch it from, \
            mta-sts.DOMAIN, has no A or AAAA record. Senders cannot fetch the policy, so MTA-STS \
            is not in effect (and a sender that cached an earlier policy keeps using it).",
        fix: "Publish an address (or a CNAME to your policy host) for mta-sts.DOMAIN, or remove \
            the _mta-sts record.",
    }
    POLICY_UNREACHABLE {
        code: "mta-sts-policy-unreachable",
        severity: Error,
        rfc: "RFC 8461 §3.3",
        summary: "The policy host cannot be reached over HTTPS",
        explanation: "No address of mta-sts.DOMAIN accepted a connection on port 443, or the \
            TLS handshake or the HTTP exchange failed. Senders cannot fetch the policy, so \
            MTA-STS is not in effect for them.",
        fix: "Serve https://mta-sts.DOMAIN/.well-known/mta-sts.txt over HTTPS on port 443 at \
            every address of mta-sts.DOMAIN.",
    }
    POLICY_TIMEOUT {
        code: "mta-sts-policy-timeout",
        severity: Error,
        rfc: "RFC 8461 §3.3",
        summary: "The policy fetch did not finish in time",
        explanation: "Connecting, the TLS handshake and the HTTP response together took longer \
            than --timeout. Senders also give up on slow policy hosts, and then deliver as if \
            there were no policy.",
        fix: "Check that the policy host answers promptly on every address it publishes.",
    }
    CERTIFICATE_INVALID {
        code: "mta-sts-certificate-invalid",
        severity: Error,
        rfc: "RFC 8461 §3.3, RFC 6125",
        summary: "The policy host's certificate does not validate",
        explanation: "Senders fetch the policy only over HTTPS with a certificate that is valid \
            for mta-sts.DOMAIN, chains to a root CA they trust, and is within its validity \
            period. The message says which of these fails: expired, not yet valid, a name \
            mismatch, an untrusted or self-signed issuer, or a server that does not send its \
            intermediate certificates.",
        fix: "Serve a certificate from a public CA that names mta-sts.DOMAIN (a wildcard \
            *.DOMAIN works), send the full chain, and renew it before it expires.",
    }
    POLICY_REDIRECT {
        code: "mta-sts-policy-redirect",
        severity: Error,
        rfc: "RFC 8461 §3.3",
        summary: "The policy URL answers with a redirect",
        explanation: "Senders must not follow HTTP 3xx redirects when fetching the policy, so a \
            redirect (often from a web server that sends every request to www) means no policy.",
        fix: "Serve the policy file itself at https://mta-sts.DOMAIN/.well-known/mta-sts.txt \
            with status 200.",
    }
    POLICY_HTTP_STATUS {
        code: "mta-sts-policy-http-status",
        severity: Error,
        rfc: "RFC 8461 §3.3",
        summary: "The policy URL does not answer 200",
        explanation: "Senders accept the policy only from a response with status 200; any other \
            status (404 for a missing file, 403, 500) means there is no policy to apply.",
        fix: "Place the policy file at /.well-known/mta-sts.txt on the mta-sts.DOMAIN host.",
    }
    POLICY_CONTENT_TYPE {
        code: "mta-sts-policy-content-type",
        severity: Error,
        rfc: "RFC 8461 §3.2",
        summary: "The policy is not served as text/plain",
        explanation: "The policy's media type must be text/plain; senders should refuse other \
            types, because a web page (text/html) at that path is no policy.",
        fix: "Configure the web server to send Content-Type: text/plain for mta-sts.txt.",
    }
    POLICY_TOO_LARGE {
        code: "mta-sts-policy-too-large",
        severity: Error,
        rfc: "RFC 8461 §3.3, §10.3",
        summary: "The policy body is larger than 64 KiB",
        explanation: "A policy is a few lines; senders cap what they read to protect themselves, \
            and a body larger than 64 KiB is cut off or refused. Nothing past that bound was \
            read.",
        fix: "Serve only the policy lines at /.well-known/mta-sts.txt.",
    }
    POLICY_WITHOUT_RECORD {
        code: "mta-sts-policy-without-record",
        severity: Warning,
        rfc: "RFC 8461 §3.1, §3.3",
        summary: "A policy is served but no _mta-sts TXT record announces it",
        explanation: "Senders look for the _mta-sts TXT record first and fetch the policy only \
            when it is there. Without the record the policy is never read, so it protects \
            nothing.",
        fix: "Publish \"v=STSv1; id=YYYYMMDDhhmmss\" at _mta-sts.DOMAIN.",
    }
    POLICY_SYNTAX_ERROR {
        code: "mta-sts-policy-syntax-error",
        severity: Error,
        rfc: "RFC 8461 §3.2",
        summary: "A line of the policy file does not parse",
        explanation: "Each line is 'key: value' with the key at the start of the line, nothing \
            between the key and ':', a value without control characters, and no empty lines \
            between fields. Senders that parse strictly reject the whole policy.",
        fix: "Correct the marked line.",
    }
    POLICY_LF_ENDINGS {
        code: "mta-sts-policy-lf-endings",
        severity: Info,
        rfc: "RFC 8461 §3.2",
        summary: "Policy lines end in LF, not CRLF",
        explanation: "The RFC's text calls the policy CRLF-separated; its grammar (and every \
            common sender) also accepts a bare LF, so this works, but a strict parser may \
            differ.",
        fix: "Nothing is required; to follow the text exactly, save the file with CRLF line \
            endings.",
    }
    POLICY_VERSION_INVALID {
        code: "mta-sts-policy-version-invalid",
        severity: Error,
        rfc: "RFC 8461 §3.2",
        summary: "The policy has no 'version: STSv1' line",
        explanation: "version is required, exactly once, with the value STSv1 (case-sensitive). \
            A policy without it is invalid.",
        fix: "Add the line 'version: STSv1'.",
    }
    POLICY_MODE_INVALID {
        code: "mta-sts-policy-mode-invalid",
        severity: Error,
        rfc: "RFC 8461 §3.2",
        summary: "The policy's mode is missing or unknown",
        explanation: "mode is required, exactly once: enforce, testing or none (lowercase). A \
            policy without a valid mode is invalid.",
        fix: "Add 'mode: testing' while you watch TLS-RPT reports, then 'mode: enforce'.",
    }
    POLICY_MAX_AGE_INVALID {
        code: "mta-sts-policy-max-age-invalid",
        severity: Error,
        rfc: "RFC 8461 §3.2",
        summary: "The policy's max_age is missing or not a number",
        explanation: "max_age is required, exactly once: the number of seconds (1 to 10 \
            digits) a sender may cache the policy. A policy without a valid max_age is invalid.",
        fix: "Add 'max_age: 604800' (a week) or longer once the policy is stable.",
    }
    POLICY_MAX_AGE_TOO_LONG {
        code: "mta-sts-policy-max-age-too-long",
        severity: Warning,
        rfc: "RFC 8461 §3.2",
        summary: "max_age is above the maximum of 31557600 seconds",
        explanation: "The RFC caps max_age at 31557600 seconds (one year). Senders cap or reject \
            larger values.",
        fix: "Use at most 31557600.",
    }
    POLICY_MAX_AGE_SHORT {
        code: "mta-sts-policy-max-age-short",
        severity: Warning,
        rfc: "RFC 8461 §3.2, §10.2",
        summary: "max_age is shorter than a day",
        explanation: "A sender keeps the policy only for max_age seconds. A short lifetime \
            means it often has no cached policy, and an attacker who blocks the policy fetch \
            at that moment downgrades delivery to unauthenticated TLS or clear text. The RFC \
            expects weeks or more.",
        fix: "Raise max_age to at least a week (604800) once the policy is stable.",
    }
    POLICY_DUPLICATE_FIELD {
        code: "mta-sts-policy-duplicate-field",
        severity: Error,
        rfc: "RFC 8461 §3.2",
        summary: "version, mode or max_age appears more than once",
        explanation: "version, mode and max_age are each required exactly once. With two \
            values senders may take either, or reject the policy.",
        fix: "Keep one line for each of these fields.",
    }
    POLICY_UNKNOWN_FIELD {
        code: "mta-sts-policy-unknown-field",
        severity: Info,
        rfc: "RFC 8461 §3.2",
        summary: "A policy line has a key RFC 8461 does not define",
        explanation: "Senders ignore keys other than version, mode, mx and max_age. Keys are \
            case-sensitive, so 'Mode:' or 'MX:' are ignored too.",
        fix: "Remove the line or correct its key.",
    }
    POLICY_NO_MX {
        code: "mta-sts-policy-no-mx",
        severity: Error,
        rfc: "RFC 8461 §3.2",
        summary: "The policy lists no mx pattern",
        explanation: "In enforce and testing mode the policy must have at least one mx line: \
            with none, no MX host can be valid, and in enforce mode no mail can be delivered.",
        fix: "Add one 'mx:' line per MX host (or '*.DOMAIN' pattern) that receives your mail.",
    }
    POLICY_MX_INVALID {
        code: "mta-sts-policy-mx-invalid",
        severity: Error,
        rfc: "RFC 8461 §3.2, §4.1",
        summary: "An mx pattern is not a host name or *.suffix",
        explanation: "An mx value is a host name, or '*.' followed by a host name, which \
            matches exactly one more label on the left. Other forms (a '*' elsewhere, a \
            trailing dot, a URL, a Unicode name) match nothing, so the hosts they were meant \
            for fail validation.",
        fix: "Write host names in ASCII (A-labels for internationalised names), without a \
            trailing dot, one per mx line, e.g. 'mx: mail.example.com' or \
            'mx: *.mail.example.net'.",
    }
    POLICY_TESTING {
        code: "mta-sts-policy-testing",
        severity: Info,
        rfc: "RFC 8461 §5",
        summary: "The policy is in testing mode",
        explanation: "In testing mode senders report TLS failures (to the TLS-RPT address) but \
            still deliver over unauthenticated or clear connections, so the policy does not \
            protect mail yet.",
        fix: "After TLS-RPT reports show no failures for a while, change to 'mode: enforce' and \
            publish a new id.",
    }
    POLICY_MODE_NONE {
        code: "mta-sts-policy-mode-none",
        severity: Info,
        rfc: "RFC 8461 §5, §8.3",
        summary: "The policy's mode is none",
        explanation: "mode: none tells senders that the domain no longer has an active policy. \
            It is the documented way to withdraw MTA-STS: publish it with a new id, wait for \
            the old max_age to pass so every cached policy is replaced, then remove the records.",
        fix: "If you are withdrawing MTA-STS, keep the none policy until the previous max_age \
            has passed; otherwise set mode to testing or enforce.",
    }
    MX_NOT_COVERED {
        code: "mta-sts-mx-not-covered",
        severity: Error,
        rfc: "RFC 8461 §4.1",
        summary: "An MX host matches no mx pattern of the policy",
        explanation: "Senders accept an MX host only if its name matches an mx pattern (a \
            '*.' pattern matches exactly one left-most label). In enforce mode mail is not \
            delivered to an MX host that matches none; in testing mode the failure is \
            reported.",
        fix: "Add an mx line for the host (and publish a new id), or remove the MX record.",
    }
    MX_PATTERN_UNUSED {
        code: "mta-sts-mx-pattern-unused",
        severity: Warning,
        rfc: "RFC 8461 §4.1",
        summary: "An mx pattern matches none of the domain's MX hosts",
        explanation: "The pattern allows hosts that are not MX hosts of the domain: often a \
            leftover of a previous mail provider, which an attacker who controls such a host \
            could use, or a typo that leaves the real host uncovered.",
        fix: "Remove the pattern if the host no longer receives mail (and publish a new id).",
    }
    NO_MX {
        code: "mta-sts-no-mx",
        severity: Warning,
        rfc: "RFC 8461 §4.1, RFC 7505",
        summary: "The domain has no MX hosts for the policy to cover",
        explanation: "MTA-STS validates MX hosts. The domain has no MX record (senders then use \
            its address record, RFC 5321 §5.1) or a null MX (it accepts no mail), so the policy \
            has no host to apply to.",
        fix: "Publish MX records for the hosts that receive mail, or remove the MTA-STS records \
            from a domain that receives none.",
    }
}
