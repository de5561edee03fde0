//! The SPF finding codes (RFC 7208), joined into the catalog by `crate::catalog`.

crate::finding::codes! {
    prefix: "spf-";

    MISSING {
        code: "spf-missing",
        severity: Error,
        rfc: "RFC 7208 §4.5",
        summary: "The domain publishes no SPF record",
        explanation: "Without a v=spf1 TXT record at the domain, receivers get SPF result \
            'none' and cannot tell your servers from anyone else's. Large mailbox providers \
            require SPF or DKIM on all mail and reject or spam-folder mail that has neither.",
        fix: "Publish one TXT record at the domain listing your sending hosts, e.g. \
            \"v=spf1 mx include:_spf.provider.example -all\"; a domain that sends no mail \
            publishes \"v=spf1 -all\".",
    }
    MULTIPLE_RECORDS {
        code: "spf-multiple-records",
        severity: Error,
        rfc: "RFC 7208 §4.5, §3.2",
        summary: "More than one v=spf1 record",
        explanation: "When a name has more than one TXT record starting with v=spf1, SPF \
            evaluation ends in permerror and every message fails SPF. This usually happens when \
            a second provider's record is added instead of merged.",
        fix: "Merge the records into one: keep one v=spf1, put all mechanisms of both before a \
            single 'all' at the end, and delete the other record.",
    }
    SYNTAX_ERROR {
        code: "spf-syntax-error",
        severity: Error,
        rfc: "RFC 7208 §4.6.1, §12",
        summary: "The SPF record does not parse",
        explanation: "A term of the record does not follow the SPF grammar (an unknown \
            mechanism, a missing ':' or domain, stray characters). Receivers treat a record with \
            any syntax error as permerror: the whole record is ignored, not just the bad term.",
        fix: "Correct the term at the marked position; mechanisms are all, include, a, mx, ptr, \
            ip4, ip6 and exists, modifiers are name=value, and terms are separated by single \
            spaces.",
    }
    INVALID_NETWORK {
        code: "spf-invalid-network",
        severity: Error,
        rfc: "RFC 7208 §5.6, §5.3",
        summary: "An ip4/ip6 address or CIDR length is invalid",
        explanation: "The address is not a valid IPv4 dotted quad or IPv6 address, or the \
            prefix length is out of range (0-32 for IPv4, 0-128 for IPv6) or has a leading \
            zero. This is a syntax error: the record evaluates to permerror.",
        fix: "Write the network as ip4:192.0.2.0/24 or ip6:2001:db8::/32, with the prefix \
            length written without leading zeros.",
    }
    BAD_MACRO {
        code: "spf-bad-macro",
        severity: Error,
        rfc: "RFC 7208 §7.1",
        summary: "A macro is malformed",
        explanation: "A '%' must start %{letter...}, %%, %_ or %-; the letter must be one of \
            s l o d i p h v (and c r t in exp= text only), optionally followed by digits, 'r' \
            and delimiters. Anything else is a syntax error and makes the record permerror.",
        fix: "Write a literal percent sign as %%, close every %{ with }, and use only the \
            macro letters the RFC defines.",
    }
    DUPLICATE_MODIFIER {
        code: "spf-duplicate-modifier",
        severity: Error,
        rfc: "RFC 7208 §6",
        summary: "redirect= or exp= appears more than once",
        explanation: "Each of the redirect and exp modifiers may appear at most once in a \
            record; a second one makes the record permerror.",
        fix: "Keep one redirect= (or exp=) and delete the others.",
    }
    TOO_MANY_LOOKUPS {
        code: "spf-too-many-lookups",
        severity: Error,
        rfc: "RFC 7208 §4.6.4",
        summary: "More than 10 DNS-querying terms",
        explanation: "The include, a, mx, ptr and exists mechanisms and the redirect modifier \
            each cost a DNS lookup, counted across every record reached through includes and \
            redirects. A receiver stops at 10 and returns permerror, so mail fails SPF even \
            from your own servers once the count is exceeded (often only after a provider \
            changes its own include).",
        fix: "Remove includes of services you no longer use, replace a and mx with the ip4/ip6 \
            networks they stand for, and ask providers for a narrower include; the branch \
            counts show where the lookups go.",
    }
    TOO_MANY_VOID_LOOKUPS {
        code: "spf-too-many-void-lookups",
        severity: Error,
        rfc: "RFC 7208 §4.6.4",
        summary: "More than 2 lookups return no records",
        explanation: "Lookups that return NXDOMAIN or no answer are 'void'. Receivers allow at \
            most two per evaluation and return permerror after that, to limit abuse of DNS.",
        fix: "Remove the mechanisms whose names no longer exist, or publish the records they \
            point to.",
    }
    INCLUDE_LOOP {
        code: "spf-include-loop",
        severity: Error,
        rfc: "RFC 7208 §5.2, §4.6.4",
        summary: "include/redirect leads back to a record already being evaluated",
        explanation: "A chain of include or redirect terms returns to a domain that is already \
            on the chain. Receivers run into the 10-lookup limit and return permerror.",
        fix: "Break the cycle: the included record must not include (or redirect to) any \
            domain above it.",
    }
    TARGET_NO_RECORD {
        code: "spf-target-no-record",
        severity: Error,
        rfc: "RFC 7208 §5.2, §6.1",
        summary: "An include or redirect target has no SPF record",
        explanation: "An include whose target publishes no SPF record makes the whole \
            evaluation permerror, and so does a redirect to such a domain. A provider may have \
            moved its record, or the name is misspelt.",
        fix: "Check the provider's current instructions for the include name, correct it, or \
            remove the term.",
    }
    PASS_ALL {
        code: "spf-pass-all",
        severity: Error,
        rfc: "RFC 7208 §5.1",
        summary: "The record ends in +all",
        explanation: "+all (or a bare 'all') makes every IP address on the Internet an \
            authorised sender for the domain. The record protects nothing and invites abuse.",
        fix: "End the record with -all (or ~all while you verify the list of senders).",
    }
    NEUTRAL_ALL {
        code: "spf-neutral-all",
        severity: Warning,
        rfc: "RFC 7208 §5.1, §8.2",
        summary: "The record ends in ?all",
        explanation: "?all gives unlisted senders a 'neutral' result, which receivers treat the \
            same as having no SPF policy at all.",
        fix: "Use ~all while checking that every sender is listed, then -all.",
    }
    NO_ALL {
        code: "spf-no-all",
        severity: Warning,
        rfc: "RFC 7208 §4.7",
        summary: "No 'all' mechanism and no redirect",
        explanation: "When no term matches and there is neither 'all' nor redirect=, the \
            result is 'neutral': unlisted senders are not marked as unauthorised.",
        fix: "End the record with -all (or ~all).",
    }
    REDIRECT_WITH_ALL {
        code: "spf-redirect-with-all",
        severity: Warning,
        rfc: "RFC 7208 §6.1",
        summary: "redirect= next to an 'all' mechanism is never used",
        explanation: "The redirect modifier only applies when no mechanism matches; 'all' \
            always matches, so the redirect is ignored.",
        fix: "Remove either the 'all' mechanism or the redirect=, whichever you did not mean.",
    }
    TERMS_AFTER_ALL {
        code: "spf-terms-after-all",
        severity: Warning,
        rfc: "RFC 7208 §5.1",
        summary: "Mechanisms after 'all' are never reached",
        explanation: "Evaluation stops at 'all', which always matches; mechanisms written after \
            it are never evaluated, so the senders they list are not authorised.",
        fix: "Move the 'all' mechanism to the end of the record.",
    }
    PTR {
        code: "spf-ptr",
        severity: Warning,
        rfc: "RFC 7208 §5.5",
        summary: "The ptr mechanism is used",
        explanation: "ptr is slow, unreliable and spends many DNS lookups; the RFC says it \
            should not be used, and some receivers skip it, so the senders it matches may fail.",
        fix: "Replace ptr with ip4/ip6 networks or a or mx mechanisms naming the hosts.",
    }
    MX_TOO_MANY_NAMES {
        code: "spf-mx-too-many-names",
        severity: Error,
        rfc: "RFC 7208 §4.6.4",
        summary: "An mx mechanism meets more than 10 MX names",
        explanation: "Receivers look up at most 10 MX host names for one mx mechanism; more \
            makes the evaluation permerror.",
        fix: "List the mail hosts' networks with ip4/ip6 instead of mx.",
    }
    UNKNOWN_MODIFIER {
        code: "spf-unknown-modifier",
        severity: Info,
        rfc: "RFC 7208 §6",
        summary: "A modifier that SPF does not define",
        explanation: "Receivers ignore modifiers they do not know, so it has no effect. It is \
            often a typo of redirect= or exp=.",
        fix: "Remove it, or correct the name if a redirect= or exp= was meant.",
    }
    STRING_TOO_LONG {
        code: "spf-string-too-long",
        severity: Error,
        rfc: "RFC 7208 §3.3, RFC 1035 §3.3.14",
        summary: "A TXT character-string is longer than 255 bytes",
        explanation: "One character-string of a TXT record holds at most 255 bytes; a longer \
            one cannot be published as written.",
        fix: "Split the record into several quoted strings of at most 255 bytes each; receivers \
            join them without adding spaces.",
    }
    RECORD_TOO_LONG {
        code: "spf-record-too-long",
        severity: Warning,
        rfc: "RFC 7208 §3.4",
        summary: "The SPF record is longer than 450 bytes",
        explanation: "Records this long, together with the other TXT records of the name, may \
            not fit in a 512-byte UDP answer; receivers must then retry over TCP, and some fail.",
        fix: "Shorten the record: move groups of mechanisms into include: records under your \
            own domain.",
    }
    SPLIT_IN_TERM {
        code: "spf-split-in-term",
        severity: Warning,
        rfc: "RFC 7208 §3.3",
        summary: "A string boundary joins two terms without a space",
        explanation: "The strings of a TXT record are joined without adding anything, so a \
            record split as \"... include:a.example\" \"include:b.example ...\" reads as one \
            bad term. The split looks like it expected a space to be added.",
        fix: "End the first string (or start the next) with a space.",
    }
    OBSOLETE_RR_TYPE {
        code: "spf-obsolete-rr-type",
        severity: Warning,
        rfc: "RFC 7208 §3.1, §14.1",
        summary: "The record is published as the obsolete SPF (type 99) RR",
        explanation: "SPF records are published as TXT only; the SPF RR type is no longer \
            looked up by receivers. If the type-99 record is the only one, the domain \
            effectively has no SPF.",
        fix: "Publish the record as TXT and remove the SPF-type record.",
    }
    DUPLICATE_INCLUDE {
        code: "spf-duplicate-include",
        severity: Warning,
        rfc: "RFC 7208 §4.6.4",
        summary: "The same domain is included more than once",
        explanation: "A second include of the same domain matches nothing the first did not, \
            yet costs its lookups again toward the limit of 10.",
        fix: "Remove the repeated include.",
    }
    NETWORK_TOO_BROAD {
        code: "spf-network-too-broad",
        severity: Error,
        rfc: "RFC 7208 §5.6, §5.1",
        summary: "An ip4/ip6 network authorises a large part of the Internet",
        explanation: "A passing ip4 network shorter than /8, or ip6 shorter than /16, covers a \
            share of the whole address space that no organisation sends mail from; \
            ip4:0.0.0.0/0 and ip6:::/0 authorise every address exactly as +all does. Anyone can \
            then send mail that passes SPF for the domain.",
        fix: "List the networks your mail actually leaves from, with the prefix length of each \
            (e.g. ip4:192.0.2.0/24), or use include: for a provider's ranges.",
    }
    AUDIT_LIMIT {
        code: "spf-audit-limit",
        severity: Warning,
        rfc: "RFC 7208 §4.6.4",
        summary: "The include tree is too large to follow to the end",
        explanation: "mailaudit follows an SPF tree further than a receiver does, to show where \
            the lookups go, but stops at a bound on distinct records, on include depth and on \
            DNS queries, so that a record that multiplies itself (includes that include each \
            other, wildcards that include their own children) cannot make the audit run for \
            ever. A tree that reaches a bound is far past the 10 lookups receivers allow. The \
            terms not followed are marked in the tree.",
        fix: "Flatten the tree: remove includes that are not needed, and replace deep chains \
            with the ip4/ip6 networks they stand for.",
    }
    AUDIT_DEADLINE {
        code: "spf-audit-deadline",
        severity: Error,
        rfc: "RFC 7208 §4.6.4",
        summary: "Following the include tree took longer than the time budget",
        explanation: "The audit of one domain has a time budget (--budget, 20 seconds by \
            default, which is what RFC 7208 suggests a receiver allows for one evaluation at the \
            least). Name servers that answer slowly or not at all used it up; receivers that \
            meet the same servers return temperror and may defer the mail. What was reached \
            before the budget ran out is reported; the terms not followed are marked.",
        fix: "Check the name servers of the include targets marked 'not followed' (dig \
            @server name TXT) and remove includes of domains whose servers do not answer.",
    }
}
