//! Many domains in one run: the input lines (one domain per line, `#` comments, blank lines),
//! shards that split a list across machines with no coordination, and the one result every
//! input line gets — a report, or why the line is not a domain.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::CheckReport;

/// `--shard I/N`: of the input entries (numbered from 0), those whose number is I modulo N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Whether entry `number` (from 0, counting every domain line) belongs to this shard.
    pub fn takes(self, number: u64) -> bool {
        number % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let parse = |part: Option<&str>| part.and_then(|p| p.trim().parse::<u64>().ok());
        let mut parts = s.splitn(2, '/');
        match (parse(parts.next()), parse(parts.next())) {
            (Some(index), Some(count)) if count > 0 && index < count => Ok(Self { index, count }),
            _ => Err(format!(
                "{s:?} is not I/N with 0 <= I < N (e.g. 0/4 for the first of four shards)"
            )),
        }
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// What one input line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Domain(String),
    /// Not a domain: the line as given and why.
    Invalid {
        input: String,
        error: String,
    },
}

/// Reads one line of a domain list: `None` for blank lines and `#` comments (also after the
/// domain); otherwise the normalised domain, or why it is not one. Lines longer than a domain
/// can be are cut before they are kept.
pub fn entry(line: &str) -> Option<Entry> {
    let content = line.split('#').next().unwrap_or("").trim();
    if content.is_empty() {
        return None;
    }
    Some(match crate::dns::name::normalize_domain(content) {
        Ok(domain) => Entry::Domain(domain),
        Err(e) => Entry::Invalid {
            input: content.chars().take(300).collect(),
            error: e.reason,
        },
    })
}

/// The one result of an input entry.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum CheckResult {
    Report(Box<CheckReport>),
    Invalid(InvalidInput),
}

/// An input line that is not a domain, reported in the stream of results like any other.
#[derive(Debug, Clone, Serialize)]
pub struct InvalidInput {
    pub input: String,
    pub error: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_a_list_without_overlap() {
        let shards: Vec<Shard> = ["0/3", "1/3", "2/3"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        for number in 0..30 {
            assert_eq!(shards.iter().filter(|s| s.takes(number)).count(), 1);
        }
        for bad in ["3/3", "1/0", "x/2", "1", "-1/2"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_lines_with_comments_and_blanks() {
        assert_eq!(entry("  # a comment"), None);
        assert_eq!(entry(""), None);
        assert_eq!(
            entry("Example.COM  # ours"),
            Some(Entry::Domain("example.com".into()))
        );
        assert!(matches!(entry("not a domain"), Some(Entry::Invalid { .. })));
    }
}
