//! mailaudit: audits a domain's email authentication and explains what to fix.

pub mod dns;
pub mod finding;
pub mod lint;
pub mod spf;
