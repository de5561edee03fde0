//! Policies a mail domain publishes beside its authentication records: MTA-STS (RFC 8461), which
//! makes senders require TLS to its MX hosts; TLS-RPT (RFC 8460), where senders report TLS
//! failures; and BIMI (draft-brand-indicators-for-message-identification), brand logos.

pub mod bimi;
pub mod mta_sts;
mod record;
pub mod tls_rpt;
