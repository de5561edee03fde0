//! Finding codes of the desired state (`[policy."GLOB"]` in the config file): the
//! administrator's own rules, broken (errors), and suppressions that have expired.

crate::finding::codes! {
    prefix: "policy-";

    DMARC_WEAKER {
        code: "policy-dmarc-weaker",
        severity: Error,
        rfc: "RFC 9989 §4.7",
        summary: "The DMARC policy is weaker than the config file's dmarc_policy",
        explanation: "The config file says the policy that applies to the domain (its own \
            record's p, or an inherited sp or np) must be at least none, quarantine or reject. \
            The record that applies asks receivers for less, so spoofed mail is treated more \
            leniently than decided; someone may have weakened it.",
        fix: "Publish p= (or the Organizational Domain's sp=/np=) at the level the config file \
            asks for, or change dmarc_policy if the decision changed.",
    }
    DMARC_SP_WEAKER {
        code: "policy-dmarc-sp-weaker",
        severity: Error,
        rfc: "RFC 9989 §4.7",
        summary: "The DMARC policy for subdomains is weaker than the config file's dmarc_sp",
        explanation: "The record that applies sets sp (or, without sp, p) below the level the \
            config file asks for subdomains that exist.",
        fix: "Set sp= in the DMARC record to the level asked for, or change dmarc_sp.",
    }
    DMARC_NP_WEAKER {
        code: "policy-dmarc-np-weaker",
        severity: Error,
        rfc: "RFC 9989 §4.7",
        summary: "The DMARC policy for non-existent subdomains is weaker than dmarc_np",
        explanation: "The record that applies sets np (or, without np, sp or p) below the level \
            the config file asks for subdomains that do not exist, which spoofers like to use.",
        fix: "Set np= in the DMARC record to the level asked for, or change dmarc_np.",
    }
    RSA_KEY_SHORT {
        code: "policy-rsa-key-short",
        severity: Error,
        rfc: "RFC 8301 §3.2",
        summary: "A DKIM RSA key is shorter than the config file's min_rsa_bits",
        explanation: "A published RSA key has fewer bits than the minimum the config file sets. \
            Receivers may still accept it, but the administrator decided on longer keys.",
        fix: "Rotate to a key of at least min_rsa_bits (`mailaudit dkim rotate`), then revoke \
            the short one.",
    }
    EDDSA_MISSING {
        code: "policy-eddsa-missing",
        severity: Error,
        rfc: "RFC 8463 §3",
        summary: "No Ed25519 DKIM key was found, and the config file requires one",
        explanation: "The config file says ed25519 = true: the domain should sign with an \
            Ed25519 key besides (or instead of) RSA. None of the selectors found holds one.",
        fix: "Generate one (`mailaudit dkim keygen --algorithm ed25519`), publish it and sign \
            with it; or list its selector in the domain's selectors if it is published already.",
    }
    MTA_STS_MODE {
        code: "policy-mta-sts-mode",
        severity: Error,
        rfc: "RFC 8461 §5",
        summary: "The MTA-STS policy mode is weaker than the config file's mta_sts_mode",
        explanation: "The config file asks for a policy in testing or enforce mode (none < \
            testing < enforce); the policy fetched is in a weaker mode, or there is none.",
        fix: "Publish the policy with the mode asked for (and a new id in the _mta-sts \
            record), or change mta_sts_mode.",
    }
    TLS_RPT_MISSING {
        code: "policy-tls-rpt-missing",
        severity: Error,
        rfc: "RFC 8460 §3",
        summary: "No TLS-RPT record, and the config file requires one",
        explanation: "The config file says tls_rpt = true, but _smtp._tls.DOMAIN holds no \
            TLS-RPT record, so no one is told when senders fail to reach the MX hosts over TLS.",
        fix: "Publish \"v=TLSRPTv1; rua=mailto:tls-reports@DOMAIN\" at _smtp._tls.DOMAIN.",
    }
    SPF_LOOKUPS {
        code: "policy-spf-lookups",
        severity: Error,
        rfc: "RFC 7208 §4.6.4",
        summary: "The SPF record needs more DNS lookups than the config file's spf_max_lookups",
        explanation: "Receivers stop at 10 lookups; the config file keeps headroom below that, \
            since a provider's include can grow at any time. The record needs more than the \
            headroom allows.",
        fix: "Remove includes that are no longer used, or replace ones that cost many lookups \
            with ip4:/ip6: ranges you keep up to date.",
    }
    SPF_INCLUDE_MISSING {
        code: "policy-spf-include-missing",
        severity: Error,
        rfc: "RFC 7208 §5.2",
        summary: "The SPF record does not include a name the config file's spf_include lists",
        explanation: "The config file lists names the SPF tree must include (at any depth), \
            usually a provider that sends for the domain. It is missing, so that provider's \
            mail fails SPF.",
        fix: "Add include:NAME to the record (or to a record it includes), or update \
            spf_include.",
    }
    SPF_INCLUDE_FORBIDDEN {
        code: "policy-spf-include-forbidden",
        severity: Error,
        rfc: "RFC 7208 §5.2",
        summary: "The SPF record includes a name the config file's spf_exclude forbids",
        explanation: "The SPF tree includes (at some depth) a name the config file says must \
            not be there, such as a provider no longer used: every server it lists may send \
            mail that passes SPF for the domain.",
        fix: "Remove the include (or the record that brings it in), or update spf_exclude.",
    }
    MX_MISMATCH {
        code: "policy-mx-mismatch",
        severity: Error,
        rfc: "RFC 5321 §5.1",
        summary: "The MX hosts are not exactly the ones the config file's mx lists",
        explanation: "Mail for the domain goes to the hosts its MX records name. They differ \
            from the set the config file expects: a host was added, removed or renamed.",
        fix: "Publish MX records for exactly the hosts expected, or update mx.",
    }
    IGNORE_EXPIRED {
        code: "policy-ignore-expired",
        severity: Warning,
        rfc: "RFC 5598 §2.1",
        summary: "A suppression of the config file has expired",
        explanation: "An [[ignore]] rule's until date has passed, so the findings it covered \
            are shown and counted again. The accepted risk was meant to be dealt with by then.",
        fix: "Fix what the findings say, or, if the decision stands, move the rule's until \
            date (and say why in reason).",
    }
}
