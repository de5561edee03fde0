//! The progress bar of a long run (indicatif): on stderr, and only when stderr is a terminal, so
//! redirected output and pipes never carry it. Labels are escaped like all untrusted text.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::sanitize::escape;

/// A bar counting finished items, or nothing at all when stderr is not a terminal.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar of `total` items, headed `what`; drawn only on a terminal, and only for more than
    /// one item.
    pub fn new(total: usize, what: &str) -> Self {
        if total < 2 || !std::io::stderr().is_terminal() {
            return Self(None);
        }
        let bar = ProgressBar::with_draw_target(
            Some(total as u64),
            ProgressDrawTarget::stderr_with_hz(10),
        );
        let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
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
