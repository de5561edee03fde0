//! Arguments of `bimi DOMAIN` (draft-brand-indicators-for-message-identification).

use clap::Args;

#[derive(Debug, Args)]
pub struct BimiArgs {
    /// The domain whose BIMI record to audit
    pub domain: String,
    /// The BIMI selector: the record is looked up at SELECTOR._bimi.DOMAIN
    #[arg(long, value_name = "SELECTOR", default_value = "default")]
    pub selector: String,
}
