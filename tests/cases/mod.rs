//! Integration test cases, one module per capability.
mod bimi;
mod conformance;
mod dmarc;
mod dmarc_properties;
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
