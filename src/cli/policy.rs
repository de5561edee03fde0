//! Arguments of `mta-sts DOMAIN` (RFC 8461) and `tlsrpt DOMAIN` (RFC 8460).

use clap::Args;

#[derive(Debug, Args)]
pub struct MtaStsArgs {
    /// The domain whose MTA-STS record and policy to audit
    pub domain: String,
}

#[derive(Debug, Args)]
pub struct TlsRptArgs {
    /// The domain whose TLS-RPT record (_smtp._tls.DOMAIN) to audit
    pub domain: String,
}
