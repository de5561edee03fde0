//! Text for people, one file per report kind: the SPF audit, `spf eval`, `explain`, and the
//! findings list they share. Colour comes from the [`Palette`](super::Palette) in the style.

mod bimi;
mod check;
mod clients;
mod dkim;
mod dkim_rotate;
mod dmarc;
mod eval;
mod explain;
mod findings;
mod mta_sts;
mod mx;
mod probe;
mod spf;
mod tls_rpt;

pub use check::{CheckSummary, SummaryRow};
pub use eval::EvaluationFor;
pub use explain::EntryList;
