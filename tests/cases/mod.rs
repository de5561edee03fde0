//! Integration test cases, one module per capability.
mod conformance;
mod dns_cache;
mod dns_server_selftest;
mod docs_sync;
mod mta_sts;
mod output;
mod policy_lint;
mod policy_properties;
mod properties;
mod spf_audit;
mod spf_eval;
mod spf_hostile;
mod spf_macros;
mod support_selftest;
mod tls_rpt;
mod zone_file;
