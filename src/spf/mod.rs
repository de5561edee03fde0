//! SPF (RFC 7208): parsing, auditing a domain's policy, and evaluating check_host().

pub mod audit;
pub mod lints;
pub mod macros;
pub mod parse;
pub mod select;
mod walk;
