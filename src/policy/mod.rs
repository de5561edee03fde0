//! Policies a domain publishes for the mail sent to it: MTA-STS (RFC 8461), which makes senders
//! require TLS to its MX hosts, and TLS-RPT (RFC 8460), where senders report TLS failures.

pub mod mta_sts;
mod record;
pub mod tls_rpt;
