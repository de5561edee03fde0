//! Zone cuts over the test DNS server's fixture data (RFC 1034 §4.2, RFC 4035 §2): which names
//! are zone apexes, which zones are signed (NSEC or NSEC3 denial, RFC 4034 §4, RFC 5155) and
//! the faults a signed zone can be asked to show.
//!
//! # Serving signed zones
//! ```ignore
//! let mut zone = Zone::new();
//! zone.signed_zone(".", Signing::nsec())            // the root: required once any zone is
//!     .signed_zone("test", Signing::nsec())         // declared
//!     .signed_zone("example.test", Signing::nsec3())
//!     .unsigned_zone("plain.test")                  // an insecure delegation
//!     .a("example.test", "192.0.2.1")               // fixture data as usual; it belongs to
//!     .tlsa("_25._tcp.mx.example.test", 3, 1, 1, "8cb0..21f1"); // the deepest zone above it
//! let server = TestDns::start(zone);                // keys are made here, fresh each start
//! let dir = TempDir::new("anchor");
//! let anchor = server.trust_anchor().write(dir.path(), "root.key", AnchorForm::Dnskey);
//! // mailaudit --resolver <server.resolver_arg()> --trust-anchor <anchor> ...
//! ```
//! The server is a "recursive" view of every zone at once. Each declared zone gets a SOA and
//! an NS at its apex, and a DNSKEY when signed (one key, flags 257, signing everything); its
//! parent's zone holds its DS (signed by the parent) when it is signed, and proves there is
//! none (an NSEC/NSEC3 at the delegation point: NS, no DS) when it is not. Negative answers carry
//! the SOA of the zone that holds the name (with or without DO). Queries with the DO bit get an
//! RRSIG on every RRset of a signed zone, and NSEC/NSEC3 records proving each NXDOMAIN (the
//! covering record and the wildcard's; for NSEC3 the closest-encloser proof) and each NODATA.
//! Without DO, answers carry no RRSIG and no denial records. `AnchorForm::Ds` or `Both` write the
//! root's DS line (`. 3600 IN DS <tag> 13 2 <hex>`) as well; `TrustAnchor::dnskey_line`,
//! `ds_line` and `key_tag` give the text.
//!
//! Faults, per zone, on [`Signing`]: `expired()` (RRSIGs from 30 days ago to a day ago),
//! `not_yet_valid()` (RRSIGs from a day from now),
//! `expiring_in_days(n)` (valid now, expiring an hour short of n days), `ds_mismatch()` (the
//! parent's DS is for another key), `without_rrsigs()` (only the DNSKEY RRset is signed),
//! `silent_dnskey()` and `silent_ds()` (DNSKEY or DS queries for the apex go unanswered),
//! `algorithm(KeyAlgorithm::..)` (EcdsaP256 = 13, the default; EcdsaP384 = 14; Ed25519 = 15;
//! RsaSha256 = 8; RsaSha1 = 5, signed with the `rsa` crate since ring signs no SHA-1;
//! `Unverifiable(n)`, a P-256 key labelled n, e.g. 1 RSAMD5 or 3 DSA, which hickory validates
//! as `Insecure`), `ds_sha1()` (DS digest type 1, not 2).
//! Not covered in signed zones: `txt_below`/`exists_below` names are not in the NSEC chains,
//! and wildcard answers are signed as if the name asked for existed (no wildcard proof).
//!
//! # What hickory 0.26's validator makes of it (tests/cases/dnssec_fixture.rs)
//! `ResolverOpts::validate` with `with_trust_anchor(TrustAnchors::from_file(..))`; hickory's
//! anchor reader takes DNSKEY lines only and fails on a DS line, so a DS anchor is the product's
//! to read. `Resolver::lookup` gives:
//! - secure or insecure data: `Ok(lookup)`; `lookup.answers()` holds the records and their
//!   RRSIGs, each record's `proof` is `Proof::Secure` (signed zone) or `Proof::Insecure` (under
//!   an unsigned delegation). RSA/SHA-1 (5) and a SHA-1 DS validate as `Secure`: flagging them
//!   deprecated is the product's job (read the DNSKEY/DS algorithm numbers).
//! - a validated NXDOMAIN or NODATA: `Err(NetError::Dns(DnsError::NoRecordsFound(no)))` with
//!   `no.response_code` NXDomain or NoError, `no.soa` and every record of `no.authorities`
//!   (SOA, NSEC or NSEC3, RRSIGs) `Proof::Secure`; under an unsigned delegation the same error
//!   with `Proof::Insecure` authorities. By hickory's source (not exercised here),
//!   `DnsError::Nsec { proof, .. }` comes out only when a denial proves Insecure or
//!   Indeterminate (e.g. NSEC3 iterations over the soft limit); a Bogus one becomes
//!   `DnssecBogus`.
//! - bogus (expired signatures, DS matching no DNSKEY, missing RRSIGs, positive or negative
//!   answer): `Err(NetError::Dns(DnsError::DnssecBogus))`, no records and no reason.
//! - a DNSKEY or DS fetch that times out: also `DnssecBogus` (after about twice the query
//!   timeout with one attempt), indistinguishable from the above; to call it indeterminate the
//!   product must ask for the DNSKEY (or DS) itself and see the timeout.
//! - a CNAME chain handed over whole whose target does not exist or lacks the type: the server
//!   proves the target's denial in the target's zone (RFC 4035 §3.1.3), but hickory checks it
//!   against the name it asked for and says `DnssecBogus`. With `Zone::cname_hops(0)` (one CNAME
//!   per answer) hickory asks for the target itself and gets a secure `NoRecordsFound`.
//!
//! tests/support/signed_zones.rs has a ready tree with a zone per case, and
//! tests/support/validating.rs a validating hickory resolver for the server and raw DO queries.

use hickory_proto::dnssec::DigestType;

use super::Zone;
use super::names::{Key, key_of};
use super::signing::{KeyAlgorithm, Window};

/// How a signed zone proves that a name or type does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denial {
    /// NSEC chain (RFC 4034 §4): owner names in canonical order.
    Nsec,
    /// NSEC3 chain (RFC 5155): SHA-1 hashed owners, no salt, 0 extra iterations (RFC 9276).
    Nsec3,
}

/// How one zone is signed, and what is wrong with it. Start from [`Signing::nsec`] or
/// [`Signing::nsec3`]; each method returns the changed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signing {
    pub(super) denial: Denial,
    pub(super) algorithm: KeyAlgorithm,
    pub(super) ds_digest: DigestType,
    pub(super) window: Window,
    pub(super) ds_mismatch: bool,
    pub(super) without_rrsigs: bool,
    /// Types (DNSKEY, DS) whose queries for the apex go unanswered.
    pub(super) silent: Vec<&'static str>,
}

impl Signing {
    /// Signed with ECDSA P-256 (13), NSEC denial, DS digest SHA-256 (2) at the parent, valid
    /// signatures.
    pub fn nsec() -> Signing {
        Signing {
            denial: Denial::Nsec,
            algorithm: KeyAlgorithm::EcdsaP256,
            ds_digest: DigestType::SHA256,
            window: Window::Valid,
            ds_mismatch: false,
            without_rrsigs: false,
            silent: Vec::new(),
        }
    }

    /// Like [`Signing::nsec`] with NSEC3 denial.
    pub fn nsec3() -> Signing {
        Signing {
            denial: Denial::Nsec3,
            ..Signing::nsec()
        }
    }

    /// The key's algorithm (its DS at the parent follows it).
    pub fn algorithm(self, algorithm: KeyAlgorithm) -> Signing {
        Signing { algorithm, ..self }
    }

    /// The DS digest type at the parent: SHA-1 (1) instead of SHA-256 (2).
    pub fn ds_sha1(self) -> Signing {
        Signing {
            ds_digest: DigestType::SHA1,
            ..self
        }
    }

    /// Every RRSIG of the zone has expired: inception 30 days ago, expiration a day ago.
    pub fn expired(self) -> Signing {
        Signing {
            window: Window::Expired,
            ..self
        }
    }

    /// Every RRSIG of the zone becomes valid only tomorrow (inception a day from now).
    pub fn not_yet_valid(self) -> Signing {
        Signing {
            window: Window::NotYetValid,
            ..self
        }
    }

    /// Every RRSIG of the zone is valid now and expires within `days` days (an hour short).
    pub fn expiring_in_days(self, days: u32) -> Signing {
        Signing {
            window: Window::ExpiringInDays(days),
            ..self
        }
    }

    /// The parent publishes a DS for another key of the same algorithm: it matches no DNSKEY.
    pub fn ds_mismatch(self) -> Signing {
        Signing {
            ds_mismatch: true,
            ..self
        }
    }

    /// Answers from the zone carry no RRSIGs (the DNSKEY RRset still does).
    pub fn without_rrsigs(self) -> Signing {
        Signing {
            without_rrsigs: true,
            ..self
        }
    }

    /// DNSKEY queries for the zone's apex are never answered: a validator must time out.
    pub fn silent_dnskey(mut self) -> Signing {
        self.silent.push("DNSKEY");
        self
    }

    /// DS queries for the zone's apex (answered by its parent) are never answered.
    pub fn silent_ds(mut self) -> Signing {
        self.silent.push("DS");
        self
    }
}

/// One declared zone: its apex and how it is signed (`None`: unsigned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cut {
    pub(super) apex: Key,
    pub(super) signing: Option<Signing>,
}

impl Zone {
    /// Declares `apex` (e.g. ".", "test", "signed.test") a zone signed as `signing` says. The
    /// zone holds the fixture names at and below `apex` that no deeper declared zone holds; its
    /// apex gets a SOA, NS and DNSKEY of its own, and its parent's zone a DS (and an NS) at
    /// `apex`. Once any zone is declared, the root "." must be declared too.
    pub fn signed_zone(&mut self, apex: &str, signing: Signing) -> &mut Self {
        for &rtype in &signing.silent {
            self.silent(apex, Some(rtype));
        }
        self.declare(apex, Some(signing))
    }

    /// Declares `apex` an unsigned zone: its parent's zone proves there is no DS at `apex`
    /// (an insecure delegation, RFC 4035 §5.2) when the parent is signed.
    pub fn unsigned_zone(&mut self, apex: &str) -> &mut Self {
        self.declare(apex, None)
    }

    fn declare(&mut self, apex: &str, signing: Option<Signing>) -> &mut Self {
        let apex = key_of(apex);
        self.cuts.retain(|cut| cut.apex != apex);
        self.cuts.push(Cut { apex, signing });
        self
    }
}
