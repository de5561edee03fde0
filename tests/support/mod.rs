//! Test support: an in-process authoritative DNS server serving fixture data (zones signed live
//! if asked, and a validating resolver to look at them), scripted HTTPS,
//! SMTP, IMAP and POP3 servers with their personalities, a builder that runs the built
//! `mailaudit` binary, mirror structs of its JSON output, a line diff for whole texts, the
//! examples of the README and the guide, and self-removing temporary directories. Not every test uses every helper.

pub mod access_personas;
pub mod access_server;
pub mod blackhole;
pub mod cmd;
pub mod codes;
pub mod diff;
pub mod dkim_keys;
pub mod dns_server;
pub mod docs;
pub mod hostile;
pub mod https_server;
pub mod huge_records;
pub mod messages;
pub mod model;
pub mod props;
pub mod signed_zones;
pub mod smtp_personas;
pub mod smtp_server;
pub mod temp;
pub mod validating;
pub mod zone_edit;
