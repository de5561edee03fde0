//! Test support: an in-process authoritative DNS server serving fixture data, and a helper that
//! runs the built `mailaudit` binary. Not every test uses every helper.

pub mod dns_server;
pub mod run;
