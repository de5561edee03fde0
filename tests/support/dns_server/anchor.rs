//! The trust anchor of the test DNS server's own root (RFC 4033 §2, RFC 7958 in zone-file
//! form): the root's DNSKEY and DS as zone-file lines, written to a file for `--trust-anchor`.

use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use hickory_proto::dnssec::PublicKey;
use hickory_proto::dnssec::rdata::{DNSKEY, DS};

use super::names::hex_of_bytes;

/// What a trust-anchor file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorForm {
    /// The root DNSKEY line only: what hickory's `TrustAnchors::from_file` reads (it rejects
    /// DS lines).
    Dnskey,
    /// The root DS line only.
    Ds,
    /// The DNSKEY line, then the DS line.
    Both,
}

/// The root key of a signed [`super::TestDns`], made when the server started.
#[derive(Debug, Clone)]
pub struct TrustAnchor {
    pub(super) dnskey: DNSKEY,
    pub(super) ds: DS,
}

impl TrustAnchor {
    /// `. 3600 IN DNSKEY 257 3 <algorithm> <base64 public key>`
    pub fn dnskey_line(&self) -> String {
        format!(
            ". 3600 IN DNSKEY {} 3 {} {}",
            self.dnskey.flags(),
            u8::from(self.dnskey.public_key().algorithm()),
            Base64::encode_string(self.dnskey.public_key().public_bytes())
        )
    }

    /// `. 3600 IN DS <key tag> <algorithm> <digest type> <hex digest>`
    pub fn ds_line(&self) -> String {
        format!(
            ". 3600 IN DS {} {} {} {}",
            self.ds.key_tag(),
            u8::from(self.ds.algorithm()),
            u8::from(self.ds.digest_type()),
            hex_of_bytes(self.ds.digest())
        )
    }

    /// The root key's tag (RFC 4034 Appendix B).
    pub fn key_tag(&self) -> u16 {
        self.ds.key_tag()
    }

    /// Writes the anchor as `form` says into `dir`/`file_name` (e.g. a `TempDir`'s path), one
    /// record a line; returns the path, for `--trust-anchor`. Panics if it cannot be written.
    pub fn write(&self, dir: &Path, file_name: &str, form: AnchorForm) -> PathBuf {
        let text = match form {
            AnchorForm::Dnskey => format!("{}\n", self.dnskey_line()),
            AnchorForm::Ds => format!("{}\n", self.ds_line()),
            AnchorForm::Both => format!("{}\n{}\n", self.dnskey_line(), self.ds_line()),
        };
        let path = dir.join(file_name);
        std::fs::write(&path, text)
            .unwrap_or_else(|e| panic!("cannot write the trust anchor {}: {e}", path.display()));
        path
    }
}
