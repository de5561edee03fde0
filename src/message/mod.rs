//! A received message (RFC 5322): what `verify` reads of it.

pub mod received;
