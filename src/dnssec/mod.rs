//! DNSSEC (RFC 4033-4035): the chain of trust from the anchor to a domain's zone, the status
//! of every answer an audit used, why a bogus answer is bogus, and the `dnssec-` findings.
//! Answers are validated by hickory inside the resolver (`dns::validation`); this module
//! explains them. DANE matching lives in `tls::dane`.

pub mod audit;
pub mod chain;
pub mod codes;
pub mod dane;
mod diagnose;
pub mod records;
mod report;

pub use report::DnssecReport;
