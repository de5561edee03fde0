//! The per-record cap on findings (DESIGN.md "Findings"): a record of 64 KiB (the most one TXT
//! answer holds, RFC 1035 §4.2.2) may hold thousands of bad terms, and a report that lists each
//! of them says no more than one that shows a few and counts the rest.

use super::{Code, Finding};

/// Findings of one code about one record shown, each with its position, before the rest are
/// only counted.
pub const SHOWN_PER_CODE: usize = 5;

/// The findings about one record: at most [`SHOWN_PER_CODE`] of each code, then, at the end,
/// one per code that says how many more there were. Findings past the cap are dropped as they
/// come, so a hostile record costs time, not memory.
#[derive(Debug, Default)]
pub struct Capped {
    shown: Vec<Finding>,
    /// Per code, in order of appearance: how many came, and the subject of the first.
    seen: Vec<(Code, usize, String)>,
}

impl Capped {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, finding: Finding) {
        let index = self
            .seen
            .iter()
            .position(|(c, _, _)| *c == finding.code)
            .unwrap_or_else(|| {
                self.seen.push((finding.code, 0, finding.subject.clone()));
                self.seen.len() - 1
            });
        self.seen[index].1 += 1;
        if self.seen[index].1 <= SHOWN_PER_CODE {
            self.shown.push(finding);
        }
    }

    /// The findings shown, then one per code that counts those that were not.
    pub fn into_vec(self) -> Vec<Finding> {
        let mut out = self.shown;
        for (code, n, subject) in self.seen {
            if n > SHOWN_PER_CODE {
                let message = format!(
                    "{} more problems like these are not shown",
                    n - SHOWN_PER_CODE
                );
                out.push(Finding::new(code, subject, message));
            }
        }
        out
    }
}

impl Extend<Finding> for Capped {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, findings: I) {
        for finding in findings {
            self.push(finding);
        }
    }
}

/// `findings` about one record, capped (see [`Capped`]).
pub fn cap(findings: impl IntoIterator<Item = Finding>) -> Vec<Finding> {
    let mut capped = Capped::new();
    capped.extend(findings);
    capped.into_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Entry, Severity};

    const fn entry(code: &'static str) -> Entry {
        Entry {
            code,
            severity: Severity::Error,
            summary: "",
            explanation: "",
            fix: "",
            rfc: "",
        }
    }

    static A: Entry = entry("test-a");
    static B: Entry = entry("test-b");

    #[test]
    fn a_few_of_each_code_are_shown_and_the_rest_counted() {
        let (a, b) = (Code::new(&A), Code::new(&B));
        let findings = (0..9)
            .map(|i| Finding::new(a, "r", format!("a{i}")))
            .chain([Finding::new(b, "r", "b")]);
        let capped = cap(findings);
        let messages: Vec<&str> = capped.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "a0",
                "a1",
                "a2",
                "a3",
                "a4",
                "b",
                "4 more problems like these are not shown"
            ]
        );
        assert_eq!(capped[6].code, a);
        assert!(capped[6].location.is_none());
    }

    #[test]
    fn up_to_the_cap_nothing_changes() {
        let a = Code::new(&A);
        let findings: Vec<Finding> = (0..SHOWN_PER_CODE)
            .map(|i| Finding::new(a, "r", i.to_string()))
            .collect();
        assert_eq!(cap(findings.clone()), findings);
    }
}
