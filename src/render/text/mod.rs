//! Text for people, one file per report kind: the SPF audit, `spf eval`, `explain`, and the
//! findings list they share. Colour comes from the [`Palette`](super::Palette) in the style.

mod bimi;
mod check;
mod clients;
mod dane;
mod diff;
mod dkim;
mod dkim_rotate;
mod dmarc;
mod dnssec;
mod explain;
mod findings;
mod generate;
mod layout;
mod mta_sts;
mod mx;
pub mod scorecard;
mod smtp;
mod spf;
mod spf_eval;
mod tls_rpt;
mod verify;
mod verify_arc;

pub use check::{CheckSummary, SummaryRow};
pub use explain::EntryList;
pub use spf_eval::EvaluationFor;
