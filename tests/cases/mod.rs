//! Integration test cases, one module per capability.
mod conformance;
mod dns_server_selftest;
mod docs_sync;
mod spf_audit;
mod spf_eval;
