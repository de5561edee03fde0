//! Integration test cases, one module per capability.
mod dns_server_selftest;
mod docs_sync;
mod spf_audit;
