//! The personalities of the scripted IMAP and POP3 server (`access_server`) the mail-client
//! probe is tested against, good and hostile, by name, for either protocol, on a STARTTLS port
//! (143, 110) or an implicit-TLS one (993, 995). What they offer follows RFC 9051 (IMAP
//! capabilities, LOGINDISABLED), RFC 2449 (POP3 CAPA) and RFC 2595/RFC 8314 (TLS first, login
//! only over TLS). Certificates name mail.example.com ([`MX_HOST`]) from the test CA, except
//! where the certificate is the point.

#![allow(dead_code)]

use std::time::Duration;

use super::access_server::{AccessPersonality, Protocol, Script, TAG, imap_reply, line, pop3_list};
use super::https_server::{ServerCert, TestCa};
use super::smtp_personas::{cred, expiring_soon, good_cert};
use super::smtp_server::{Act, AfterStartTls};

pub use super::smtp_personas::MX_HOST;

/// Every personality of both protocols by name (the hostile ones are in [`HOSTILE`]).
pub const ALL: &[&str] = &[
    "good",
    "no-starttls",
    "login-before-tls",
    "starttls-refused",
    "expired",
    "wrong-name",
    "self-signed",
    "expiring-soon",
    "tls10-only",
    "implicit-tls",
    "plaintext-on-implicit",
    "bye-greeting",
];

/// The personalities that misbehave at the protocol level (the hang and flood cases).
pub const HOSTILE: &[&str] = &[
    "greeting-never",
    "endless",
    "megabyte-line",
    "garbage-after-starttls",
    "drop-mid-dialogue",
    "flood",
    "drip",
];

/// The personalities only IMAP has.
pub const IMAP_ONLY: &[&str] = &["preauth"];

/// The IMAP personality called `name` on a STARTTLS port (143), except `implicit-tls`, which is
/// `imap_implicit("good")`; `ca` issues its certificates.
pub fn imap_personality(name: &str, ca: &TestCa) -> AccessPersonality {
    personality(Protocol::Imap, name, ca, name == "implicit-tls")
}

/// The POP3 personality called `name` on a STLS port (110).
pub fn pop3_personality(name: &str, ca: &TestCa) -> AccessPersonality {
    personality(Protocol::Pop3, name, ca, name == "implicit-tls")
}

/// The IMAP personality called `name` on an implicit-TLS port (993): the handshake (as the
/// personality meets it) comes first, then the greeting, which names the capabilities over TLS.
/// `plaintext-on-implicit` stays plain: that is its point.
pub fn imap_implicit(name: &str, ca: &TestCa) -> AccessPersonality {
    personality(Protocol::Imap, name, ca, true)
}

/// The POP3 personality called `name` on an implicit-TLS port (995).
pub fn pop3_implicit(name: &str, ca: &TestCa) -> AccessPersonality {
    personality(Protocol::Pop3, name, ca, true)
}

/// What a server offers in the clear.
#[derive(Debug, Clone, Copy)]
struct Offer {
    starttls: bool,
    login: bool,
}

/// TLS first, login after it: what RFC 2595 §3.1 and RFC 8314 ask for.
const TLS_FIRST: Offer = Offer {
    starttls: true,
    login: false,
};
const NO_STARTTLS: Offer = Offer {
    starttls: false,
    login: true,
};
const BOTH: Offer = Offer {
    starttls: true,
    login: true,
};

/// The capabilities before TLS.
fn clear_words(protocol: Protocol, offer: Offer) -> Vec<&'static str> {
    let (base, starttls, login, no_login): (&[&str], _, &[&str], &[&str]) = match protocol {
        Protocol::Imap => (
            &[
                "IMAP4rev1",
                "IMAP4rev2",
                "SASL-IR",
                "ID",
                "ENABLE",
                "IDLE",
                "LITERAL+",
            ],
            "STARTTLS",
            &["AUTH=PLAIN"],
            &["LOGINDISABLED"],
        ),
        Protocol::Pop3 => (
            &["TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE"],
            "STLS",
            &["USER", "SASL PLAIN"],
            &[],
        ),
    };
    let mut words = base.to_vec();
    if offer.starttls {
        words.push(starttls);
    }
    words.extend_from_slice(if offer.login { login } else { no_login });
    words
}

/// The capabilities over TLS: login offered, STARTTLS no more (what `no-starttls` offers in
/// the clear).
fn tls_words(protocol: Protocol) -> Vec<&'static str> {
    clear_words(protocol, NO_STARTTLS)
}

fn greeting(protocol: Protocol, words: &[&str]) -> Script {
    match protocol {
        Protocol::Imap => vec![line(&format!(
            "* OK [CAPABILITY {}] {MX_HOST} IMAP test server ready",
            words.join(" ")
        ))],
        Protocol::Pop3 => vec![line(&format!("+OK {MX_HOST} POP3 test server ready"))],
    }
}

fn capability(protocol: Protocol, words: &[&str]) -> Script {
    match protocol {
        Protocol::Imap => imap_reply(
            &[&format!("CAPABILITY {}", words.join(" "))],
            "OK CAPABILITY completed",
        ),
        Protocol::Pop3 => pop3_list("+OK Capability list follows", words),
    }
}

/// A well-behaved server: STARTTLS offered, login only over TLS.
fn good(protocol: Protocol, ca: &TestCa, implicit: bool) -> AccessPersonality {
    let tls = tls_words(protocol);
    let (starttls, logout) = match protocol {
        Protocol::Imap => (
            imap_reply(&[], "OK Begin TLS negotiation now"),
            imap_reply(
                &[&format!("BYE {MX_HOST} logging out")],
                "OK LOGOUT completed",
            ),
        ),
        Protocol::Pop3 => (
            vec![line("+OK Begin TLS negotiation")],
            vec![line(&format!("+OK {MX_HOST} signing off"))],
        ),
    };
    let p = AccessPersonality {
        protocol,
        implicit_tls: implicit,
        credentials: Some(good_cert(ca)),
        handshake: AfterStartTls::Tls,
        greeting: greeting(protocol, &tls),
        capability: Vec::new(),
        capability_tls: capability(protocol, &tls),
        starttls,
        logout,
    };
    offering(p, TLS_FIRST)
}

/// `p` offering `offer` in the clear (and greeting with it, on a STARTTLS port).
fn offering(p: AccessPersonality, offer: Offer) -> AccessPersonality {
    let words = clear_words(p.protocol, offer);
    AccessPersonality {
        greeting: if p.implicit_tls {
            p.greeting.clone()
        } else {
            greeting(p.protocol, &words)
        },
        capability: capability(p.protocol, &words),
        ..p
    }
}

/// A reply of `imap` or `pop3` text, as the protocol of `p` wants.
fn say(p: &AccessPersonality, imap: &str, pop3: &str) -> Script {
    match p.protocol {
        Protocol::Imap => vec![line(&format!("{TAG} {imap}"))],
        Protocol::Pop3 => vec![line(pop3)],
    }
}

fn personality(protocol: Protocol, name: &str, ca: &TestCa, implicit: bool) -> AccessPersonality {
    let good = good(protocol, ca, implicit);
    match name {
        "good" | "implicit-tls" => good,
        // A plain greeting at once is what a misconfigured 993/995 sends: the probe's TLS
        // handshake meets it. Plain on any port.
        "plaintext-on-implicit" => self::good(protocol, ca, false),
        "no-starttls" => AccessPersonality {
            starttls: say(&good, "BAD STARTTLS unknown", "-ERR STLS unknown"),
            ..offering(good, NO_STARTTLS)
        },
        "login-before-tls" => offering(good, BOTH),
        "starttls-refused" => AccessPersonality {
            starttls: say(
                &good,
                "NO [UNAVAILABLE] TLS not available now",
                "-ERR [SYS/TEMP] TLS not available now",
            ),
            ..good
        },
        "tls10-only" => AccessPersonality {
            handshake: AfterStartTls::Tls10Hello,
            ..good
        },
        "bye-greeting" => AccessPersonality {
            greeting: vec![
                line(match protocol {
                    Protocol::Imap => "* BYE server shutting down, try later",
                    Protocol::Pop3 => "-ERR [SYS/TEMP] server shutting down, try later",
                }),
                Act::Close,
            ],
            ..good
        },
        // Logged in at connect: no STARTTLS in the authenticated state (RFC 9051 §6.2.1).
        "preauth" if protocol == Protocol::Imap => AccessPersonality {
            greeting: vec![line(&format!(
                "* PREAUTH [CAPABILITY {}] logged in as anonymous",
                tls_words(protocol).join(" ")
            ))],
            capability: good.capability_tls.clone(),
            starttls: say(&good, "BAD STARTTLS not allowed now", ""),
            ..good
        },
        other => certificate(other, ca, good),
    }
}

/// The personalities about the certificate.
fn certificate(name: &str, ca: &TestCa, good: AccessPersonality) -> AccessPersonality {
    let cert = match name {
        "expired" => ca.leaf_valid(&[MX_HOST], (2020, 1, 1), (2021, 1, 1)),
        "wrong-name" => ca.leaf(&["www.example.org"]),
        "self-signed" => ServerCert::self_signed(&[MX_HOST]),
        "expiring-soon" => expiring_soon(ca),
        other => return hostile(other, good),
    };
    AccessPersonality {
        credentials: Some(cred(&cert)),
        ..good
    }
}

/// The personalities that break the protocol. Those of the capability reply break it in the
/// clear and over TLS alike, so that they do on implicit-TLS ports too.
fn hostile(name: &str, good: AccessPersonality) -> AccessPersonality {
    let imap = good.protocol == Protocol::Imap;
    let capability = match name {
        "greeting-never" => {
            return AccessPersonality {
                greeting: vec![Act::Never],
                ..good
            };
        }
        "megabyte-line" => {
            // No line end, ever: the line only ends with the session.
            let mut text = if imap {
                b"* OK ".to_vec()
            } else {
                b"+OK ".to_vec()
            };
            text.extend(std::iter::repeat_n(b'x', 1024 * 1024));
            return AccessPersonality {
                greeting: vec![Act::Send(text), Act::Never],
                ..good
            };
        }
        "garbage-after-starttls" => {
            // The garbage comes in the same write as the yes, as a broken server sends it.
            let yes = if imap {
                "{tag} OK Begin TLS"
            } else {
                "+OK Begin TLS"
            };
            return AccessPersonality {
                starttls: vec![line(&format!("{yes}\r\nthis is not TLS"))],
                handshake: AfterStartTls::Garbage,
                ..good
            };
        }
        // Never the end of the reply: only the client's limits end it.
        "endless" => endless(imap, "X-STILL-GOING", Duration::ZERO),
        // Each line in time for a step timeout: only a session budget ends it.
        "drip" => endless(imap, "X-STILL-HERE", Duration::from_millis(300)),
        // Long lines within a line limit, as fast as the client reads: a byte limit ends it.
        "flood" => endless(imap, &format!("X-{}", "x".repeat(1500)), Duration::ZERO),
        // Half a reply, then the connection closes.
        "drop-mid-dialogue" => vec![
            if imap {
                line("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED")
            } else {
                line("+OK Capability list follows\r\nTOP")
            },
            Act::Close,
        ],
        other => panic!("no IMAP/POP3 personality called {other:?}"),
    };
    AccessPersonality {
        capability: capability.clone(),
        capability_tls: capability,
        ..good
    }
}

/// A capability reply that never ends: IMAP untagged lines, or POP3 CAPA lines without the `.`.
fn endless(imap: bool, word: &str, every: Duration) -> Script {
    if imap {
        vec![Act::Endless {
            line: format!("* CAPABILITY {word}\r\n").into_bytes(),
            every,
        }]
    } else {
        vec![
            line("+OK Capability list follows"),
            Act::Endless {
                line: format!("{word}\r\n").into_bytes(),
                every,
            },
        ]
    }
}
