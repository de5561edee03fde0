//! Arguments of `dmarc DOMAIN` (RFC 9989).

use clap::Args;

#[derive(Debug, Args)]
pub struct DmarcArgs {
    /// The domain whose DMARC policy to audit (a subdomain without a record of its own inherits
    /// one from above)
    pub domain: String,
}
