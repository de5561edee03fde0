//! Arguments of `dnssec DOMAIN` (RFC 4033-4035).

use clap::Args;

#[derive(Debug, Args)]
pub struct DnssecArgs {
    /// The domain whose chain of trust to show, from the anchor down to its zone
    pub domain: String,
}
