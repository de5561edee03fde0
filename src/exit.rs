//! The exit status of a run (DESIGN.md "Output and exit status"), accumulated across every record
//! a command writes: 0 when nothing reached `--fail-on`, 1 when a finding did, 2 when the run
//! could not be completed. A bulk run carries on past a failed domain and still exits right: there
//! an unfinished domain is data in its result, not a failed run ([`ExitStatus::add_findings_of`]).

use crate::finding::{Finding, Outcome, Severity};

/// Exit code for usage errors and runs that could not be completed.
pub const EXIT_FAILURE: u8 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitStatus {
    /// `None`: no finding fails the run.
    fail_on: Option<Severity>,
    worst: Option<Severity>,
    incomplete: bool,
}

impl ExitStatus {
    pub fn new(fail_on: Option<Severity>) -> Self {
        Self {
            fail_on,
            worst: None,
            incomplete: false,
        }
    }

    /// Takes a report into account: its findings, its parts' findings, whether it is whole.
    pub fn add(&mut self, report: &dyn Outcome) {
        self.add_findings(report.findings());
        if report.incomplete() {
            self.mark_incomplete();
        }
        for part in report.parts() {
            self.add(part);
        }
    }

    /// Takes a report's findings and its parts' into account, but not whether it is whole: in a
    /// bulk run (`check --domains-file`) a domain whose lookups failed is data in its result,
    /// and only a run that could not go on exits 2.
    pub fn add_findings_of(&mut self, report: &dyn Outcome) {
        self.add_findings(report.findings());
        for part in report.parts() {
            self.add_findings_of(part);
        }
    }

    /// Takes these findings into account, but those a suppression of the config file covers.
    pub fn add_findings(&mut self, findings: &[Finding]) {
        let counted = findings.iter().filter(|f| !f.is_suppressed());
        self.add_worst(counted.map(|f| f.severity).max());
    }

    /// Takes the worst severity of findings written earlier into account (a resumed run's).
    pub fn add_worst(&mut self, worst: Option<Severity>) {
        self.worst = self.worst.max(worst);
    }

    /// Marks the run as not completed: some of the work could not be done at all.
    pub fn mark_incomplete(&mut self) {
        self.incomplete = true;
    }

    /// Makes the run exit 1 whatever its findings: a check that failed (`dkim verify-published`
    /// on a mismatch, `dkim status` when work is due).
    pub fn mark_failed(&mut self) {
        self.fail_on = Some(Severity::Info);
        self.worst = Some(Severity::Error);
    }

    /// Whether findings reached `--fail-on`.
    pub fn failed(self) -> bool {
        match (self.worst, self.fail_on) {
            (Some(worst), Some(limit)) => worst >= limit,
            _ => false,
        }
    }

    pub fn code(self) -> u8 {
        if self.incomplete {
            EXIT_FAILURE
        } else {
            u8::from(self.failed())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spf::codes;

    #[test]
    fn accumulates_across_records() {
        let warning = Finding::new(codes::PTR, "example.com", "ptr");
        let error = Finding::new(codes::MISSING, "example.com", "none");
        let mut status = ExitStatus::new(Some(Severity::Error));
        assert_eq!(status.code(), 0);
        status.add_findings(std::slice::from_ref(&warning));
        assert_eq!(status.code(), 0);
        status.add_findings(&[error]);
        status.add_findings(&[]);
        assert_eq!(status.code(), 1);
        status.mark_incomplete();
        assert_eq!(status.code(), 2);

        let mut never = ExitStatus::new(None);
        never.add_findings(&[warning]);
        assert_eq!(never.code(), 0);
    }
}
