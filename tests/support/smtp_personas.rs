//! The personalities of the scripted SMTP server the probe is tested against, good and hostile,
//! shared by the tests and the `smtp_hostile` benchmark. Certificates are for mail.example.com
//! (the MX host of the test zones) from one test CA, whose PEM goes to `--ca-file`.

#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use rustls::SignatureScheme;
use rustls::pki_types::CertificateDer;
use rustls::sign::{Signer, SigningKey};

use super::https_server::{ServerCert, TestCa};
use super::smtp_server::{Act, AfterStartTls, Credentials, Personality};

/// The MX host name of the test zones, which good certificates name.
pub const MX_HOST: &str = "mail.example.com";

/// Every personality by name, in the order of the list (the hostile ones last).
pub const ALL: &[&str] = &[
    "good",
    "no-starttls",
    "expired",
    "wrong-name",
    "self-signed",
    "tls12-only",
    "banner-never",
    "endless-continuation",
    "megabyte-line",
    "garbage-after-starttls",
    "421-at-connect",
    "drop-mid-dialogue",
    "auth-before-tls",
    "implicit-tls",
    "plaintext-on-implicit",
];

/// The personalities that misbehave at the protocol level (the hang and flood cases).
pub const HOSTILE: &[&str] = &[
    "banner-never",
    "endless-continuation",
    "megabyte-line",
    "garbage-after-starttls",
    "421-at-connect",
    "drop-mid-dialogue",
    "drip",
    "flood",
    "silent-after-ehlo",
];

/// A certificate for [`MX_HOST`] from `ca`.
pub fn good_cert(ca: &TestCa) -> Credentials {
    cred(&ca.leaf(&[MX_HOST]))
}

/// The credentials a server presents with `cert`.
pub fn cred(cert: &ServerCert) -> Credentials {
    Credentials::new(cert.chain.clone(), cert.key_der())
}

/// The personality called `name`; `ca` issues its certificates.
pub fn personality(name: &str, ca: &TestCa) -> Personality {
    let good = Personality::good(good_cert(ca));
    match name {
        // plaintext-on-implicit: a plain SMTP server where the probe is told TLS comes first,
        // as a 465 set up like 587 answers.
        "good" | "plaintext-on-implicit" => good,
        "no-starttls" => Personality {
            ehlo: Act::reply(250, &["mail.example.com", "PIPELINING", "8BITMIME"]),
            ..good
        },
        "expired" => Personality {
            credentials: Some(cred(&ca.leaf_valid(&[MX_HOST], (2020, 1, 1), (2021, 1, 1)))),
            ..good
        },
        "not-yet-valid" => Personality {
            credentials: Some(cred(&ca.leaf_valid(&[MX_HOST], (2090, 1, 1), (2099, 1, 1)))),
            ..good
        },
        "expiring-soon" => Personality {
            credentials: Some(cred(&expiring_soon(ca))),
            ..good
        },
        "wrong-name" => Personality {
            credentials: Some(cred(&ca.leaf(&["www.example.org"]))),
            ..good
        },
        "self-signed" => Personality {
            credentials: Some(cred(&ServerCert::self_signed(&[MX_HOST]))),
            ..good
        },
        "tls12-only" => {
            let mut c = good_cert(ca);
            c.tls12_only = true;
            Personality {
                credentials: Some(c),
                ..good
            }
        }
        "implicit-tls" => Personality {
            implicit_tls: true,
            ehlo_tls: Act::reply(250, &["mail.example.com", "PIPELINING", "AUTH PLAIN LOGIN"]),
            ..good
        },
        "auth-before-tls" => Personality {
            ehlo: Act::reply(250, &["mail.example.com", "AUTH PLAIN LOGIN", "STARTTLS"]),
            ..good
        },
        other => hostile(other, good),
    }
}

/// The personalities that break the protocol.
fn hostile(name: &str, good: Personality) -> Personality {
    match name {
        "banner-never" => Personality {
            banner: Act::Never,
            ..good
        },
        "endless-continuation" => Personality {
            ehlo: Act::Endless {
                line: b"250-PIPELINING and more to come\r\n".to_vec(),
                every: Duration::ZERO,
            },
            ..good
        },
        "megabyte-line" => Personality {
            banner: Act::Send(megabyte_line()),
            ..good
        },
        "garbage-after-starttls" => Personality {
            // The garbage comes in the same write as the 220, as a broken server sends it.
            starttls: Act::Send(b"220 2.0.0 Ready\r\nthis is not TLS\r\n".to_vec()),
            after_starttls: AfterStartTls::Garbage,
            ..good
        },
        "421-at-connect" => Personality {
            banner: Act::reply(421, &["4.3.2 Service not available, closing channel"]),
            ..good
        },
        "drop-mid-dialogue" => Personality {
            ehlo: Act::Close,
            ..good
        },
        // Each line in time for the step timeout, never the end of the reply: only the budget
        // ends it.
        "drip" => Personality {
            ehlo: Act::Endless {
                line: b"250-still here\r\n".to_vec(),
                every: Duration::from_millis(300),
            },
            ..good
        },
        // Long lines within the line limit, many of them: the session's byte limit ends it.
        "flood" => Personality {
            ehlo: Act::Endless {
                line: format!("250-{}\r\n", "x".repeat(1500)).into_bytes(),
                every: Duration::ZERO,
            },
            ..good
        },
        "silent-after-ehlo" => Personality {
            starttls: Act::Never,
            ..good
        },
        other => more(other, good),
    }
}

/// The personalities that refuse or answer oddly.
fn more(name: &str, good: Personality) -> Personality {
    match name {
        "banner-554" => Personality {
            banner: Act::reply(554, &["5.7.1 No SMTP service here"]),
            ..good
        },
        "garbage-banner" => Personality {
            banner: Act::Send(b"SSH-2.0-OpenSSH_9.6\r\n".to_vec()),
            ..good
        },
        "ehlo-rejected" => Personality {
            ehlo: Act::reply(502, &["5.5.2 EHLO not implemented"]),
            ..good
        },
        "starttls-rejected" => Personality {
            starttls: Act::reply(454, &["4.7.0 TLS not available due to local problem"]),
            ..good
        },
        "tls10-only" => Personality {
            after_starttls: AfterStartTls::Tls10Hello,
            ..good
        },
        "version-alert" => Personality {
            after_starttls: AfterStartTls::VersionAlert,
            ..good
        },
        "ehlo-tls-rejected" => Personality {
            ehlo_tls: Act::reply(554, &["5.7.0 go away"]),
            ..good
        },
        "null-sender-rejected" => Personality {
            mail: Act::reply(550, &["5.7.1 Null sender not accepted"]),
            ..good
        },
        "postmaster-rejected" => Personality {
            rcpt: Act::reply(550, &["5.1.1 User unknown"]),
            ..good
        },
        other => panic!("no SMTP personality called {other:?}"),
    }
}

fn megabyte_line() -> Vec<u8> {
    let mut line = b"220 ".to_vec();
    line.extend(std::iter::repeat_n(b'x', 4 * 1024 * 1024));
    line.extend_from_slice(b"\r\n");
    line
}

/// A certificate that expires in ten days.
pub fn expiring_soon(ca: &TestCa) -> ServerCert {
    let end = mailaudit::date::Date::today().add_days(10);
    let (y, m, d) = end.ymd();
    let y = i32::try_from(y).expect("a year");
    ca.leaf_valid(
        &[MX_HOST],
        (2020, 1, 1),
        (y, u8::try_from(m).unwrap(), u8::try_from(d).unwrap()),
    )
}

/// A certificate from an RSA CA whose signature algorithm says SHA-1 (the OID of
/// sha256WithRSAEncryption turned into sha1WithRSAEncryption), as old CAs issued them.
pub fn sha1_signed(ca_rsa: &TestCa) -> Credentials {
    let cert = ca_rsa.leaf(&[MX_HOST]);
    let sha256_rsa = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
    let mut der = cert.chain[0].to_vec();
    let mut patched = 0;
    let mut i = 0;
    while i + sha256_rsa.len() <= der.len() {
        if der[i..i + sha256_rsa.len()] == sha256_rsa {
            der[i + sha256_rsa.len() - 1] = 0x05;
            patched += 1;
        }
        i += 1;
    }
    assert_eq!(
        patched, 2,
        "the algorithm appears in the TBS and the outer certificate"
    );
    let mut chain = cert.chain.clone();
    chain[0] = CertificateDer::from(der);
    Credentials::new(chain, cert.key_der())
}

/// A certificate over a 1024-bit RSA key, with the server signing its handshakes with that key
/// (RSASSA-PSS, SHA-256), as an old server would.
pub fn weak_rsa(ca: &TestCa) -> Credentials {
    use rsa::pkcs1::EncodeRsaPublicKey;
    let key = rsa::PrivateKey::new(&mut getrandom::SysRng, 1024).expect("RSA-1024 key");
    let pkcs1 = key
        .as_public_key()
        .to_pkcs1_der()
        .expect("RSAPublicKey")
        .as_bytes()
        .to_vec();
    let chain = ca.leaf_for_key(&[MX_HOST], &RsaPublic(pkcs1));
    Credentials {
        chain,
        key: Arc::new(Rsa1024(Arc::new(key))),
        tls12_only: false,
    }
}

/// An RSA public key (RFC 8017 RSAPublicKey, DER) for rcgen to certify.
struct RsaPublic(Vec<u8>);

impl rcgen::PublicKeyData for RsaPublic {
    fn der_bytes(&self) -> &[u8] {
        &self.0
    }

    fn algorithm(&self) -> &'static rcgen::SignatureAlgorithm {
        &rcgen::PKCS_RSA_SHA256
    }
}

/// An RSA key ring refuses to load (below 2048 bits), signing with the `rsa` crate.
#[derive(Debug)]
struct Rsa1024(Arc<rsa::PrivateKey>);

impl SigningKey for Rsa1024 {
    fn choose_scheme(&self, offered: &[SignatureScheme]) -> Option<Box<dyn Signer>> {
        offered
            .contains(&SignatureScheme::RSA_PSS_SHA256)
            .then(|| Box::new(Rsa1024Signer(self.0.clone())) as Box<dyn Signer>)
    }

    fn algorithm(&self) -> rustls::SignatureAlgorithm {
        rustls::SignatureAlgorithm::RSA
    }
}

#[derive(Debug)]
struct Rsa1024Signer(Arc<rsa::PrivateKey>);

impl Signer for Rsa1024Signer {
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, rustls::Error> {
        use rsa::signature::{SignatureEncoding, Signer as _};
        let key = rsa::pss::SigningKey::<rsa::sha2::Sha256>::new((*self.0).clone());
        key.try_sign(message)
            .map(|s| s.to_vec())
            .map_err(|e| rustls::Error::General(e.to_string()))
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::RSA_PSS_SHA256
    }
}
