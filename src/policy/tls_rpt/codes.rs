//! The TLS-RPT finding codes (RFC 8460), joined into the catalog by `crate::catalog`.

crate::finding::codes! {
    prefix: "tlsrpt-";

    MISSING {
        code: "tlsrpt-missing",
        severity: Info,
        rfc: "RFC 8460 §3",
        summary: "The domain publishes no TLS-RPT record",
        explanation: "Without a v=TLSRPTv1 TXT record at _smtp._tls.DOMAIN, senders that fail \
            to set up TLS with your MX hosts (an expired certificate, a failed MTA-STS or DANE \
            validation) have nowhere to tell you, and the failures go unnoticed.",
        fix: "Publish \"v=TLSRPTv1; rua=mailto:tls-reports@DOMAIN\" at _smtp._tls.DOMAIN.",
    }
    MULTIPLE_RECORDS {
        code: "tlsrpt-multiple-records",
        severity: Error,
        rfc: "RFC 8460 §3",
        summary: "More than one v=TLSRPTv1 TXT record",
        explanation: "When _smtp._tls.DOMAIN holds more than one TXT record starting with \
            v=TLSRPTv1, senders must act as if the domain had no TLS-RPT record, and send no \
            reports.",
        fix: "Merge the records into one: a single rua= may list several addresses, separated \
            by commas.",
    }
    SYNTAX_ERROR {
        code: "tlsrpt-syntax-error",
        severity: Error,
        rfc: "RFC 8460 §3",
        summary: "The TLS-RPT record does not parse",
        explanation: "Fields are name=value pairs separated by ';', with no space around '=' \
            and extension values of visible characters other than '=' and ';'. Senders ignore a \
            record with a syntax error.",
        fix: "Correct the record at the marked position; the usual form is \
            \"v=TLSRPTv1; rua=mailto:tls-reports@example.com\".",
    }
    VERSION_NOT_FIRST {
        code: "tlsrpt-version-not-first",
        severity: Error,
        rfc: "RFC 8460 §3",
        summary: "The record does not start with v=TLSRPTv1",
        explanation: "Senders select the record by its first field, which must be exactly \
            v=TLSRPTv1 (case-sensitive). A record that starts otherwise, or has another version, \
            is discarded.",
        fix: "Put v=TLSRPTv1 first.",
    }
    NO_RUA {
        code: "tlsrpt-no-rua",
        severity: Error,
        rfc: "RFC 8460 §3",
        summary: "The record has no rua=",
        explanation: "rua is required: it says where senders deliver reports. A record without \
            it is invalid, and no report is sent.",
        fix: "Add rua=mailto:ADDRESS (or an https: URI of a report collector).",
    }
    RUA_INVALID {
        code: "tlsrpt-rua-invalid",
        severity: Error,
        rfc: "RFC 8460 §3",
        summary: "A rua URI is not a usable mailto: or https: URI",
        explanation: "Each rua destination is a mailto: URI with an address, or an https: URI \
            with a host, separated by commas. Senders skip other schemes (http:, a bare \
            address without mailto:) and malformed URIs, so those reports are lost.",
        fix: "Write each destination as mailto:user@example.com or \
            https://reports.example.com/path, separated by commas.",
    }
    UNKNOWN_FIELD {
        code: "tlsrpt-unknown-field",
        severity: Info,
        rfc: "RFC 8460 §3",
        summary: "A field of the record is not defined by RFC 8460",
        explanation: "Version 1 defines only v and rua. Senders ignore other well-formed \
            fields, so a misspelt rua (RUA=, ruf=) leaves the record without destinations.",
        fix: "Remove the field, or correct its name (field names are case-sensitive).",
    }
    DUPLICATE_FIELD {
        code: "tlsrpt-duplicate-field",
        severity: Warning,
        rfc: "RFC 8460 §3",
        summary: "A field appears more than once in the record",
        explanation: "The record gives the same field twice; senders may use either, so some \
            destinations may never receive reports.",
        fix: "Keep one rua= and list every destination in it, separated by commas.",
    }
}
