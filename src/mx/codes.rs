//! The MX finding codes (RFC 5321 §5.1, RFC 7505, RFC 2181 §10.3), joined into the catalog by
//! `crate::catalog`.

crate::finding::codes! {
    prefix: "mx-";

    UNDELIVERABLE {
        code: "mx-undeliverable",
        severity: Error,
        rfc: "RFC 5321 §5.1",
        summary: "Mail to the domain cannot be delivered: it does not exist, or has no MX and no address",
        explanation: "A sender looks up the domain's MX records; when there are none it falls back \
            to the domain's own A and AAAA records (the implicit MX). When the domain does not \
            exist (NXDOMAIN), or has neither MX records nor addresses, there is nowhere to \
            deliver and senders bounce the mail at once. A domain that is meant to receive no \
            mail says so better with a null MX, which also stops senders from retrying.",
        fix: "Publish MX records naming your mail servers, e.g. \"example.com. MX 10 \
            mail.example.com.\" with A/AAAA records for mail.example.com; or, for a domain that \
            receives no mail, publish a null MX: \"example.com. MX 0 .\".",
    }
    MISSING {
        code: "mx-missing",
        severity: Warning,
        rfc: "RFC 5321 §5.1",
        summary: "No MX records: mail goes to the domain's own A/AAAA addresses",
        explanation: "Without MX records, senders treat the domain as its own mail exchanger \
            with preference 0 (the implicit MX) and deliver to its A and AAAA addresses, which \
            are usually a web server that does not accept mail: messages then wait in queues \
            for days before bouncing. It works only when those addresses run an SMTP server \
            on port 25.",
        fix: "Publish MX records for the servers that receive the domain's mail; if the domain \
            receives no mail, publish a null MX (\"example.com. MX 0 .\", RFC 7505) so that \
            senders bounce at once.",
    }
    NULL_MX {
        code: "mx-null",
        severity: Info,
        rfc: "RFC 7505 §3",
        summary: "A null MX: the domain accepts no mail",
        explanation: "The single MX record \"0 .\" says that the domain accepts no mail (RFC \
            7505). Senders bounce mail to it at once instead of trying the domain's A/AAAA \
            addresses, and receivers may reject mail whose sender address is in the domain, \
            since no bounce could reach it.",
        fix: "Nothing, if the domain is not meant to receive mail. A domain that sends no mail \
            either publishes \"v=spf1 -all\" and a DMARC policy of p=reject too. Remove the null \
            MX and publish real MX records if the domain should receive mail.",
    }
    NULL_MX_MIXED {
        code: "mx-null-mixed",
        severity: Error,
        rfc: "RFC 7505 §3",
        summary: "A null MX beside other MX records",
        explanation: "A domain that publishes a null MX (\"0 .\") must not publish any other MX \
            record (RFC 7505 §3), and nothing says what a sender does with the mix: it may \
            bounce every message as if the domain accepted no mail, or skip the null MX and \
            deliver to the other hosts.",
        fix: "Decide whether the domain receives mail: if it does, delete the \"MX 0 .\" \
            record; if it does not, delete every other MX record.",
    }
    TARGET_CNAME {
        code: "mx-target-cname",
        severity: Warning,
        rfc: "RFC 2181 §10.3, RFC 5321 §5.1",
        summary: "An MX record names an alias (CNAME), not a host",
        explanation: "The exchange of an MX record must be a name with its own A/AAAA records, \
            not an alias (RFC 2181 §10.3; RFC 5321 §5.1 leaves any other answer outside the \
            standard). Most senders follow the CNAME anyway, but some do not, and a sender \
            that enforces MTA-STS checks the server's certificate against the name in the MX \
            record, not the alias target (RFC 8461 §4.2).",
        fix: "Point the MX record at the canonical host name (the CNAME's target), or replace \
            the CNAME with A/AAAA records.",
    }
    TARGET_IP_LITERAL {
        code: "mx-target-ip-literal",
        severity: Error,
        rfc: "RFC 5321 §5.1, RFC 1035 §3.3.9",
        summary: "An MX record names an IP address instead of a host name",
        explanation: "The exchange of an MX record is a domain name (RFC 1035 §3.3.9) that must \
            resolve to address records (RFC 5321 §5.1). Written as an address (MX 10 \
            192.0.2.1.), it is a name whose last label is a number: senders look it up as a \
            host name, find nothing, and cannot deliver to that exchange.",
        fix: "Give the server a host name with an A (and AAAA) record, e.g. \"mail.example.com. \
            A 192.0.2.1\", and name that host in the MX record.",
    }
    HOST_NO_ADDRESS {
        code: "mx-host-no-address",
        severity: Error,
        rfc: "RFC 5321 §5.1",
        summary: "An MX host has no A or AAAA record",
        explanation: "The name an MX record points to must resolve to at least one address (RFC \
            5321 §5.1). This one does not exist, or has neither A nor AAAA records, so senders \
            skip it; when it is the only or the preferred MX, mail is delayed or bounced.",
        fix: "Publish A (and AAAA) records for the host, or correct the MX record to name a \
            host that has them.",
    }
    HOST_NOT_PUBLIC {
        code: "mx-host-not-public",
        severity: Error,
        rfc: "RFC 6890, RFC 1918, RFC 5737, RFC 3849",
        summary: "Every address of an MX host is private, loopback, documentation or otherwise unreachable",
        explanation: "The host's addresses all lie in special-purpose blocks that are not \
            reachable from the Internet (the IANA registries of RFC 6890: private-use, shared \
            CGNAT space, loopback, link-local, documentation, benchmarking, unique-local, \
            multicast, reserved). Senders outside the network cannot connect; a loopback \
            address makes a sender try to deliver to itself. This usually comes from an \
            internal (split-horizon) zone published to the Internet, or an example address \
            left in place.",
        fix: "Publish the host's public addresses in the public zone; keep internal addresses \
            in the internal view only.",
    }
    ADDRESS_NOT_PUBLIC {
        code: "mx-address-not-public",
        severity: Warning,
        rfc: "RFC 6890, RFC 1918, RFC 5737, RFC 3849",
        summary: "Some addresses of an MX host are private, loopback, documentation or otherwise unreachable",
        explanation: "Besides addresses senders can reach, the host has addresses in \
            special-purpose blocks that are not reachable from the Internet (RFC 6890). Senders \
            try the addresses in turn and time out on these, which delays mail.",
        fix: "Remove the unreachable addresses from the public zone.",
    }
    DUPLICATE_HOST {
        code: "mx-duplicate-host",
        severity: Warning,
        rfc: "RFC 5321 §5.1",
        summary: "The same host is named by more than one MX record",
        explanation: "Two MX records name the same exchange (with different preferences, or the \
            same name in different case). Senders try the host again after it failed, which \
            adds nothing and delays falling back to a real alternative; it often means a \
            backup MX was meant to name another host.",
        fix: "Keep one MX record per host; name a different host in the other if a backup was \
            intended.",
    }
    NO_AAAA {
        code: "mx-no-aaaa",
        severity: Info,
        rfc: "RFC 3596, RFC 5321 §5.1",
        summary: "No MX host has an IPv6 address (AAAA)",
        explanation: "Every mail exchanger is reachable over IPv4 only. Mail still flows, since \
            nearly every sender has IPv4, but senders on IPv6-only networks cannot deliver.",
        fix: "Give at least one MX host an AAAA record on an address its SMTP server listens \
            on, with a PTR record for that address.",
    }
    PTR_MISSING {
        code: "mx-ptr-missing",
        severity: Warning,
        rfc: "RFC 1912 §2.1, RFC 8601 §3",
        summary: "An MX address has no PTR record",
        explanation: "The address has no reverse DNS. Receiving does not need it, but MX hosts \
            usually send mail too (bounces, forwards, outgoing mail through the same host), \
            and many receivers reject or mark mail from addresses without reverse DNS, or whose \
            reverse name does not resolve back (the \"iprev\" check, RFC 8601).",
        fix: "Ask whoever holds the address block (the hosting or access provider) to set a PTR \
            record for the address naming the host, e.g. mail.example.com, and make sure that \
            name has an A/AAAA record with the same address.",
    }
    PTR_NOT_CONFIRMED {
        code: "mx-ptr-not-confirmed",
        severity: Warning,
        rfc: "RFC 8601 §3, RFC 1912 §2.1",
        summary: "No PTR name of an MX address resolves back to it",
        explanation: "The address has PTR records, but none of the names they give has an A/AAAA \
            record with the address: the reverse DNS is not forward-confirmed. Receivers that \
            check it (the \"iprev\" method of RFC 8601) treat the address as unnamed, and mail \
            the host sends is more likely to be rejected or filtered.",
        fix: "Make the PTR name resolve to the address (an A or AAAA record), or change the PTR \
            record to a name that does.",
    }
    AUDIT_LIMIT {
        code: "mx-audit-limit",
        severity: Warning,
        rfc: "RFC 5321 §5.1",
        summary: "More MX hosts, addresses or PTR names than the audit follows",
        explanation: "mailaudit follows at most 16 MX hosts, 8 addresses per host and family, \
            and 5 PTR names per address, so that a domain's data cannot make one audit send \
            thousands of queries. What lies beyond is listed but not checked. Senders try far \
            fewer hosts and addresses than that (RFC 5321 §5.1 asks for at least two; Postfix \
            tries at most five addresses by default), so mail never reaches most of them \
            either.",
        fix: "Trim the MX records and the address records of each host to those that receive \
            mail; a few hosts with one or two addresses each is plenty.",
    }
    AUDIT_DEADLINE {
        code: "mx-audit-deadline",
        severity: Error,
        rfc: "RFC 5321 §4.5.4.1, §5.1",
        summary: "The MX audit did not finish within its time budget",
        explanation: "The audit of one domain has a time budget (--budget, 20 seconds by \
            default). DNS servers that answer this slowly, or not at all, delay senders too: \
            they queue the mail and retry later (RFC 5321 §4.5.4.1). What was not answered in \
            time is shown as unknown, not as missing.",
        fix: "Check that every authoritative server of the zones involved (the domain, the MX \
            hosts' zones, the reverse zones) answers promptly (dig @server name MX / A / PTR).",
    }
}
