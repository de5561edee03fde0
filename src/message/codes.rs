//! The finding codes of a message's DKIM signatures (RFC 6376 §6, §8.2), joined into the
//! catalog by `crate::catalog`.

crate::finding::codes! {
    prefix: "message-";

    DKIM_TOO_MANY_SIGNATURES {
        code: "message-dkim-too-many-signatures",
        severity: Warning,
        rfc: "RFC 6376 §6.1, §8.4",
        summary: "More DKIM-Signature fields than are checked",
        explanation: "Each signature costs a DNS query and public-key arithmetic, so verifiers \
            limit how many they examine (RFC 6376 §6.1 allows it). mailaudit checks the first 20 \
            DKIM-Signature fields from the top; the rest were not examined. Legitimate mail \
            carries one to three signatures; dozens suggest a message built to exhaust \
            verifiers.",
        fix: "Sign once per signing domain. If a mail system adds a signature at every hop, \
            have it stop, or remove stale signatures before re-signing.",
    }
    DKIM_BODY_LENGTH {
        code: "message-dkim-body-length",
        severity: Warning,
        rfc: "RFC 6376 §3.5, §8.2",
        summary: "The signature covers only part of the body (l=)",
        explanation: "With l= the signature covers the first l= bytes of the canonical body; \
            anything after them is unsigned. Anyone who gets hold of the message can append \
            content (a new HTML part, a link) and the signature still verifies, so the domain \
            vouches for text it never sent.",
        fix: "Sign the whole body: remove the body-length option from the signer (OpenDKIM \
            BodyLengths, dkimpy length=True, and the like).",
    }
    DKIM_NOT_VERIFIED {
        code: "message-dkim-not-verified",
        severity: Warning,
        rfc: "RFC 6376 §6.1, RFC 8601 §2.7.1",
        summary: "A DKIM signature of the message did not verify",
        explanation: "A signature that does not verify (fail, neutral, policy, temperror or \
            permerror) counts as if it were absent: receivers ignore it, and DMARC can only \
            pass through another signature or SPF. The message says why: the body or the \
            signed fields changed in transit, the key is missing or revoked, the algorithm or \
            key size is no longer accepted, the signature expired, ...",
        fix: "Look at the reason given. A body hash mismatch means something rewrote the body \
            after signing (a footer, a mailing list, a line-ending change); a signature \
            mismatch means a signed field changed or the published key is not the signer's; a \
            missing key means the selector's record is not published where d= and s= say.",
    }
}
