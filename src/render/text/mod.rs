//! Text for people, one file per report kind: the SPF audit, `spf eval`, `explain`, and the
//! findings list they share. Colour comes from the [`Palette`](super::Palette) in the style.

mod bimi;
mod dmarc;
mod eval;
mod explain;
mod findings;
mod spf;

pub use eval::EvaluationFor;
pub use explain::EntryList;
