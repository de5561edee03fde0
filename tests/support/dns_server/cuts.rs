//! Zone cuts over the test DNS server's fixture data (RFC 1034 §4.2, RFC 4035 §2): which names
//! are zone apexes, which zones are signed (NSEC or NSEC3 denial, RFC 4034 §4, RFC 5155) and
//! the faults a signed zone can be asked to show.

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
    pub(super) silent_dnskey: bool,
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
            silent_dnskey: false,
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
    pub fn silent_dnskey(self) -> Signing {
        Signing {
            silent_dnskey: true,
            ..self
        }
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
        if signing.silent_dnskey {
            self.silent(apex, Some("DNSKEY"));
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
