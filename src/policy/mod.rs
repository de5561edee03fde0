//! Policies a mail domain publishes beside its authentication records: BIMI (brand logos,
//! draft-brand-indicators-for-message-identification), and MTA-STS and TLS-RPT (RFC 8461,
//! RFC 8460).

pub mod bimi;
