//! The `all` term of the records the domain owns (RFC 7208 §5.1): `+all` and `?all` (and a
//! missing `all` in a policy record) give everyone pass or neutral; each becomes `-all`, or
//! `~all` with `--softfail`.

use std::collections::BTreeSet;

use crate::spf::SpfReport;

use super::draft::Draft;

/// The codes an `all` term at the end of a record clears.
const CODES: [&str; 3] = ["spf-pass-all", "spf-neutral-all", "spf-no-all"];

/// Ends each owned record a finding names with `all`; a code is listed as cleared only when
/// every record it names is owned.
pub(super) fn fix(draft: &mut Draft, report: &SpfReport, found: &BTreeSet<&str>, all: &str) {
    for code in CODES.into_iter().filter(|c| found.contains(c)) {
        let subjects: BTreeSet<&str> = report
            .findings
            .iter()
            .filter(|f| f.code.as_str() == code)
            .map(|f| f.subject.as_str())
            .collect();
        let targets: Vec<usize> = (0..draft.recs.len())
            .filter(|&i| draft.owned(i) && subjects.contains(draft.recs[i].node.domain.as_str()))
            .collect();
        let clears = targets.len() == subjects.len();
        for i in targets {
            let rec = &mut draft.recs[i];
            rec.terms = with_all(&rec.terms, all);
            let why = format!(
                "mail from hosts the record does not name now gets {all} instead of passing \
                 or being left neutral, so receivers can act on forged mail."
            );
            if !rec.whys.contains(&why) {
                rec.whys.push(why);
            }
            if clears {
                rec.fixes.insert(code);
            }
        }
    }
}

/// `terms` with their `all` term (any qualifier) replaced by `all`, or `all` added at the end.
pub(super) fn with_all(terms: &[String], all: &str) -> Vec<String> {
    let is_all = |t: &str| {
        let t = t.to_ascii_lowercase();
        matches!(t.as_str(), "all" | "+all" | "?all" | "~all" | "-all")
    };
    let mut out: Vec<String> = terms.iter().filter(|t| !is_all(t)).cloned().collect();
    out.push(all.to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(record: &str) -> Vec<String> {
        record
            .split_whitespace()
            .skip(1)
            .map(String::from)
            .collect()
    }

    #[test]
    fn the_all_term_is_replaced_or_added() {
        assert_eq!(with_all(&terms("v=spf1 mx +all"), "-all"), ["mx", "-all"]);
        assert_eq!(with_all(&terms("v=spf1 mx ?ALL"), "~all"), ["mx", "~all"]);
        assert_eq!(with_all(&terms("v=spf1 a"), "-all"), ["a", "-all"]);
        assert_eq!(with_all(&terms("v=spf1"), "-all"), ["-all"]);
    }
}
