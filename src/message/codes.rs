//! The finding codes of a message: its DKIM signatures (RFC 6376 §6, §8.2), its ARC chain
//! (RFC 8617 §5.2) and its author (RFC 5322 §3.6.2, RFC 9989 §4.4), joined into the catalog by
//! `crate::catalog`.

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
    ARC_CHAIN_FAILED {
        code: "message-arc-chain-failed",
        severity: Warning,
        rfc: "RFC 8617 §5.2",
        summary: "The message's ARC chain does not validate",
        explanation: "ARC lets a receiver see what authentication said before an intermediary \
            (a mailing list, a forwarder) changed the message: each hop seals the results it \
            found. A chain that fails (instances missing or repeated, a seal that says cv=fail, \
            the newest ARC-Message-Signature or any ARC-Seal not verifying) vouches for \
            nothing: receivers ignore it, and a message that fails DMARC after a list gets no \
            help from it.",
        fix: "Look at the instance and signature named. The newest ARC-Message-Signature \
            failing means something changed the message after the last hop sealed it; an \
            ARC-Seal failing means an ARC field was altered or a hop's key is not published. \
            The hop that broke it is the one to fix (its sealing, or its changes after \
            sealing).",
    }
    ARC_TOO_MANY_SETS {
        code: "message-arc-too-many-sets",
        severity: Warning,
        rfc: "RFC 8617 §4.2.1, §5.2",
        summary: "More ARC sets than a chain may have (50)",
        explanation: "RFC 8617 caps a chain at 50 sets (instance i=50) so that validation stays \
            bounded; a message with a higher instance fails ARC outright. Legitimate mail \
            crosses a handful of sealing hops; dozens suggest a mail loop or a message built to \
            exhaust verifiers.",
        fix: "Find the loop between the forwarders or lists that seal the message, or stop \
            the hop that adds sets needlessly.",
    }
    FROM_MISSING {
        code: "message-from-missing",
        severity: Error,
        rfc: "RFC 5322 §3.6, RFC 9989 §4.4",
        summary: "The message has no From field",
        explanation: "DMARC is evaluated for the domain of the From address, the author the \
            reader sees. A message without a From field breaks RFC 5322, which requires one, \
            and leaves DMARC nothing to evaluate: receivers commonly reject such mail outright.",
        fix: "Have the program that composes the message write a From field with the \
            author's address.",
    }
    FROM_MULTIPLE {
        code: "message-from-multiple",
        severity: Error,
        rfc: "RFC 5322 §3.6.2, RFC 9989 §4.4",
        summary: "The message names more than one author (several From fields or addresses)",
        explanation: "DMARC needs exactly one author domain. With several From fields, or \
            several addresses in one, a receiver cannot tell which domain's policy applies; \
            RFC 9989 says such a message is not evaluated as if it had one author, and \
            receivers commonly reject it, since several authors are also a way to show the \
            reader a domain that is not the one authenticated.",
        fix: "Write one From field with one address; name co-authors elsewhere (Reply-To, the \
            body), and the sending person in Sender if needed.",
    }
    FROM_NO_DOMAIN {
        code: "message-from-no-domain",
        severity: Error,
        rfc: "RFC 5322 §3.4.1, RFC 9989 §4.4",
        summary: "The From address has no usable domain",
        explanation: "The From field names no address with a domain (a bare name, an empty \
            group, or a domain that is not a valid name), so there is no domain for DMARC to \
            find a policy for. Receivers treat such mail as suspect.",
        fix: "Write the author's full address, local-part@domain, in the From field.",
    }
}
