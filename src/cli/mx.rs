//! Arguments of `mx DOMAIN` (RFC 5321 §5.1).

use clap::Args;

#[derive(Debug, Args)]
pub struct MxArgs {
    /// The domain whose mail exchangers to audit: MX records, addresses, reverse DNS
    pub domain: String,
}
