//! mailaudit: audits a domain's email authentication and explains what to fix.

pub mod cli;
pub mod config;
pub mod dns;
pub mod docs;
pub mod finding;
pub mod lint;
pub mod render;
pub mod run;
pub mod spf;

pub use run::run;
