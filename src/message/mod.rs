//! A received message (RFC 5322): what `verify` reads of it — the trace fields that say where it
//! came from (`received`) and the Authentication-Results fields receivers wrote (`auth_results`,
//! RFC 8601), which `verify` also writes.

pub mod auth_results;
pub mod received;
