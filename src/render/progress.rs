//! The progress bar of a long run (indicatif): on stderr, and only when stderr is a terminal, so
//! redirected output and pipes never carry it. Labels are escaped like all untrusted text.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::sanitize::escape;

/// A bar counting finished items, or nothing at all when stderr is not a terminal.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar of `total` items headed `what`, or a counter when the total is not known (a list
    /// read as it goes); drawn only on a terminal, and never for a single item.
    pub fn new(what: &str, total: Option<u64>) -> Self {
        if total.is_some_and(|n| n < 2) || !std::io::stderr().is_terminal() {
            return Self(None);
        }
        let target = ProgressDrawTarget::stderr_with_hz(10);
        let (bar, template) = match total {
            Some(n) => (
                ProgressBar::with_draw_target(Some(n), target),
                "{prefix} [{bar:30}] {pos}/{len} {wide_msg}",
            ),
            None => (
                ProgressBar::with_draw_target(None, target),
                "{prefix} {spinner} {pos} done {wide_msg}",
            ),
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_prefix(escape(what));
        bar.enable_steady_tick(Duration::from_millis(200));
        Self(Some(bar))
    }

    /// One more item is done; `label` says which.
    pub fn done(&self, label: &str) {
        if let Some(bar) = &self.0 {
            bar.set_message(escape(label));
            bar.inc(1);
        }
    }

    /// Removes the bar before the report is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
