//! Integration test cases, one module per capability.
mod conformance;
mod dkim_audit;
mod dkim_keygen;
mod dkim_properties;
mod dkim_rotate;
mod dns_cache;
mod dns_server_selftest;
mod docs_sync;
mod output;
mod properties;
mod spf_audit;
mod spf_eval;
mod spf_hostile;
mod spf_macros;
mod support_selftest;
mod zone_file;
