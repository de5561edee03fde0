//! The DKIM finding codes (RFC 6376, RFC 8301, RFC 8463), joined into the catalog by
//! `crate::catalog`.

crate::finding::codes! {
    prefix: "dkim-";

    SELECTOR_NOT_FOUND {
        code: "dkim-selector-not-found",
        severity: Error,
        rfc: "RFC 6376 §3.6.2.2, §6.1.2",
        summary: "No DKIM key record at the selector",
        explanation: "A verifier looks the key up at selector._domainkey.domain. When the name \
            does not exist, or holds no TXT record, every signature made with this selector \
            fails with 'no key for signature' (permfail), as if the mail were unsigned.",
        fix: "Publish the key record the signer's key belongs to at selector._domainkey.domain, \
            or make the signer use a selector that is published.",
    }
    NONE_FOUND {
        code: "dkim-none-found",
        severity: Warning,
        rfc: "RFC 6376 §3.1",
        summary: "No DKIM key found under any selector tried",
        explanation: "Selectors cannot be listed through DNS: they are only known from the \
            s= tag of signed mail. None of the widely used selectors mailaudit tried holds a \
            key, so either the domain does not sign its mail with DKIM, or it uses a selector \
            that is not on the list. This is not proof that the domain has no DKIM keys.",
        fix: "Look at the DKIM-Signature header of a message the domain sent (its s= tag is the \
            selector) and run `mailaudit dkim DOMAIN --selector S`. If the domain does not sign, \
            set up DKIM signing with the mail provider or `mailaudit dkim keygen`.",
    }
    NO_DOMAINKEY {
        code: "dkim-no-domainkey",
        severity: Warning,
        rfc: "RFC 6376 §3.6.2.1, RFC 8020",
        summary: "_domainkey does not exist: no DKIM key under any selector",
        explanation: "Every DKIM key record lives below _domainkey.domain, so a domain that \
            publishes any key has that name (at least as an empty non-terminal, answered \
            NOERROR with no data). It was answered NXDOMAIN, which proves that no name below it \
            exists (RFC 8020): no selector holds a key, whatever its name, so the widely used \
            selectors were not tried. The domain's mail is not signed with keys of its own. A \
            few DNS providers wrongly answer NXDOMAIN for an empty non-terminal; then this \
            finding is wrong, and resolvers that apply RFC 8020 hide the keys from receivers \
            too.",
        fix: "Set up DKIM signing with the mail provider or `mailaudit dkim keygen`, and publish \
            the key. If the domain does publish keys and you see this, have the DNS provider \
            fix its answer for _domainkey.domain (NOERROR with no data, not NXDOMAIN), and \
            meanwhile audit them with `mailaudit dkim DOMAIN --selector S`.",
    }
    MULTIPLE_RECORDS {
        code: "dkim-multiple-records",
        severity: Error,
        rfc: "RFC 6376 §3.6.2.2",
        summary: "More than one TXT record at the selector",
        explanation: "TXT records at a selector must be unique; with several, the result is \
            undefined: verifiers may use any one of them, or fail, so signatures verify by \
            chance.",
        fix: "Keep one key record at the selector and delete the others; publish a new key under \
            a new selector instead of beside an old one.",
    }
    SYNTAX_ERROR {
        code: "dkim-syntax-error",
        severity: Error,
        rfc: "RFC 6376 §3.2, §3.6.1",
        summary: "The key record does not parse",
        explanation: "The record is not a valid tag=value list (a missing '=', an empty element, \
            a tag given twice, a character that does not belong in p= or a list), or the \
            required p= tag is missing. Verifiers ignore a key record they cannot parse, and \
            signatures made with the key fail.",
        fix: "Publish the record as 'v=DKIM1; k=rsa; p=BASE64KEY' with tags separated by ';', \
            each tag once, and the key in p= as base64 only.",
    }
    VERSION_NOT_FIRST {
        code: "dkim-version-not-first",
        severity: Error,
        rfc: "RFC 6376 §3.6.1",
        summary: "v= is not the first tag",
        explanation: "When a key record has a v= tag, it must be the first tag. Verifiers that \
            check this discard the record, and signatures made with the key fail.",
        fix: "Move v=DKIM1 to the start of the record, or leave it out (it is optional).",
    }
    BAD_VERSION {
        code: "dkim-bad-version",
        severity: Error,
        rfc: "RFC 6376 §3.6.1",
        summary: "v= is not DKIM1",
        explanation: "The only key record version is DKIM1. A record with any other v= value is \
            discarded by verifiers, and signatures made with the key fail.",
        fix: "Write v=DKIM1 exactly, or leave v= out.",
    }
    KEY_REVOKED {
        code: "dkim-key-revoked",
        severity: Info,
        rfc: "RFC 6376 §3.6.1",
        summary: "The key is revoked (empty p=)",
        explanation: "An empty p= means the key has been revoked: signatures made with it fail. \
            This is how a retired key should end after a rotation; it is worth knowing only if \
            a signer still uses this selector.",
        fix: "Nothing, if the selector is retired. Otherwise move the signer to a selector with \
            a published key.",
    }
    KEY_UNDECODABLE {
        code: "dkim-key-undecodable",
        severity: Error,
        rfc: "RFC 6376 §3.6.1",
        summary: "The public key in p= cannot be decoded",
        explanation: "p= must be base64 of the public key: for RSA a DER SubjectPublicKeyInfo \
            (or RSAPublicKey), for Ed25519 the raw 32-byte key. Base64 that does not decode, or \
            bytes that are not a key, make every signature with this selector fail. This is \
            often a key cut short when it was pasted, or split across strings with a quote or \
            space inside.",
        fix: "Publish the public key again from the key pair, e.g. with `mailaudit dkim keygen`, \
            and check it with `mailaudit dkim verify-published`.",
    }
    KEY_TYPE_MISMATCH {
        code: "dkim-key-type-mismatch",
        severity: Error,
        rfc: "RFC 6376 §3.6.1, RFC 8463 §4",
        summary: "k= and the key in p= disagree",
        explanation: "The key in p= is of another algorithm than k= says (k= defaults to rsa). \
            Verifiers read p= as the algorithm k= names, so every signature with this selector \
            fails.",
        fix: "Set k= to the key's algorithm (k=ed25519 for an Ed25519 key; k=rsa or no k= for \
            RSA), or publish the right key.",
    }
    KEY_TOO_SHORT {
        code: "dkim-key-too-short",
        severity: Error,
        rfc: "RFC 8301 §3.2",
        summary: "RSA key shorter than 1024 bits",
        explanation: "Verifiers must not consider signatures with RSA keys shorter than 1024 \
            bits valid; many reject keys under 1024 bits outright. Keys this short can also be \
            factored by anyone who wants to forge your mail.",
        fix: "Generate a 2048-bit key under a new selector (`mailaudit dkim keygen`), publish it, \
            switch the signer, and revoke the old key.",
    }
    KEY_SHORT {
        code: "dkim-key-short",
        severity: Warning,
        rfc: "RFC 8301 §3.2",
        summary: "RSA key shorter than 2048 bits",
        explanation: "Signers should use RSA keys of at least 2048 bits; 1024-bit keys are \
            within reach of well-funded attackers and some receivers already treat them as \
            weak.",
        fix: "Rotate to a 2048-bit key under a new selector (`mailaudit dkim rotate`).",
    }
    KEY_PKCS1 {
        code: "dkim-key-not-spki",
        severity: Warning,
        rfc: "RFC 6376 §3.6.1",
        summary: "RSA key published as RSAPublicKey, not SubjectPublicKeyInfo",
        explanation: "p= holds a bare PKCS#1 RSAPublicKey. RFC 6376's examples and most \
            verifiers use a SubjectPublicKeyInfo; some accept both, others fail every \
            signature, so whether mail verifies depends on the receiver.",
        fix: "Publish the key as SubjectPublicKeyInfo (`openssl rsa -pubout` output, or \
            `mailaudit dkim keygen`); the key pair stays the same.",
    }
    HASH_SHA1_ONLY {
        code: "dkim-hash-weak-only",
        severity: Error,
        rfc: "RFC 8301 §3.1",
        summary: "h= allows only sha1",
        explanation: "h= restricts the key to the listed hash algorithms. Verifiers must not \
            accept rsa-sha1 signatures any more, so a key limited to sha1 cannot produce a \
            signature that verifies.",
        fix: "Remove h= (any hash is then allowed) or write h=sha256, and sign with rsa-sha256.",
    }
    HASH_UNKNOWN {
        code: "dkim-hash-unknown",
        severity: Error,
        rfc: "RFC 6376 §3.6.1, RFC 8301 §3.1",
        summary: "h= names no hash algorithm verifiers know",
        explanation: "Verifiers ignore hash names they do not know in h=. When none of the \
            listed names is sha256 (or sha1), no signature made with the key can pass.",
        fix: "Write h=sha256 or remove h=.",
    }
    TESTING {
        code: "dkim-testing",
        severity: Warning,
        rfc: "RFC 6376 §3.6.1",
        summary: "t=y: the domain is testing DKIM",
        explanation: "t=y tells verifiers the domain is testing DKIM and that they must not \
            treat signed and unsigned mail differently. Left on after testing, it throws away \
            the protection DKIM was set up for.",
        fix: "Remove t=y from the record once signing works.",
    }
    SERVICE_EXCLUDES_EMAIL {
        code: "dkim-service-excludes-email",
        severity: Error,
        rfc: "RFC 6376 §3.6.1",
        summary: "s= does not include email",
        explanation: "s= limits the key to the listed service types; only '*' and 'email' cover \
            mail. Verifiers must ignore a key whose s= does not, so signatures with it fail.",
        fix: "Remove s= or write s=email.",
    }
    UNKNOWN_KEY_TYPE {
        code: "dkim-unknown-key-type",
        severity: Error,
        rfc: "RFC 6376 §3.6.1, RFC 8463 §3",
        summary: "k= names an unknown key type",
        explanation: "The key types are rsa and ed25519. Verifiers ignore a key record with any \
            other k=, so signatures with the key fail.",
        fix: "Set k=rsa (or leave k= out) for an RSA key, k=ed25519 for an Ed25519 key.",
    }
    ED25519_KEY_SIZE {
        code: "dkim-eddsa-key-size",
        severity: Error,
        rfc: "RFC 8463 §4",
        summary: "Ed25519 key is not 32 bytes",
        explanation: "An Ed25519 key is published as its raw 32 bytes (44 base64 characters). \
            A key of any other length, often one wrapped in a SubjectPublicKeyInfo the way RSA \
            keys are, cannot be used and ed25519-sha256 signatures fail.",
        fix: "Publish the raw 32-byte public key, base64 encoded (`mailaudit dkim keygen \
            --algorithm ed25519` prints it).",
    }
    ED25519_ONLY {
        code: "dkim-eddsa-only",
        severity: Warning,
        rfc: "RFC 8463 §1, RFC 6376 §3.3",
        summary: "The domain signs with Ed25519 keys only",
        explanation: "Many verifiers do not implement ed25519-sha256 yet and treat such a \
            signature as if it were absent. RFC 8463 expects signers to add an RSA signature \
            next to the Ed25519 one until verifiers catch up.",
        fix: "Sign every message twice: with the Ed25519 key and with a 2048-bit RSA key under \
            a selector of its own.",
    }
    STRING_TOO_LONG {
        code: "dkim-string-too-long",
        severity: Error,
        rfc: "RFC 1035 §3.3, RFC 6376 §3.6.2.2",
        summary: "A character-string of the record is longer than 255 bytes",
        explanation: "One TXT character-string holds at most 255 bytes; a 2048-bit key does not \
            fit in one. A zone or DNS provider given a longer string rejects it, truncates it \
            or splits it where it likes.",
        fix: "Split the record into several quoted strings of at most 255 bytes each; \
            verifiers join them without spaces (`mailaudit dkim keygen` prints it split).",
    }
    GRANULARITY {
        code: "dkim-granularity",
        severity: Warning,
        rfc: "RFC 6376 Appendix C, RFC 4871 §3.6.1",
        summary: "g= restricts the key to some addresses",
        explanation: "g= came from RFC 4871 and was removed by RFC 6376. Verifiers that still \
            honour it fail signatures whose i= local part does not match; newer ones ignore \
            it, so the same mail verifies at some receivers and not at others.",
        fix: "Remove g= from the record.",
    }
}
