//! SPF (RFC 7208): parsing, auditing a domain's policy, and evaluating check_host().

pub mod audit;
pub mod eval;
mod evaluator;
mod exp;
pub mod expand;
pub mod lints;
pub mod macros;
mod mechanisms;
pub mod parse;
mod prefetch;
pub mod select;
pub mod trace;
mod validate;
mod walk;
