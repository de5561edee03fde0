//! Which domains a page of many lists in its table and sections: every one, or the `max` with
//! the most errors, then warnings (the first in the input on a tie), so a page of a million
//! results still opens in a browser; the summary counts them all either way. Rows and sections
//! are spilled as they come; this keeps where each listed one lies, and copies those back.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, Read, Seek, SeekFrom, Write};

/// A writer that counts what went through it, so a spilled part's place is known.
pub struct Counted<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Counted<W> {
    pub fn new(inner: W) -> Self {
        Self { inner, written: 0 }
    }

    pub fn position(&self) -> u64 {
        self.written
    }

    pub fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Where one domain's row and section lie in the spilled text: (start, length).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub row: (u64, u64),
    pub section: (u64, u64),
}

/// Worse first: more errors, then more warnings, then earlier in the input.
type Rank = (usize, usize, Reverse<usize>);

#[derive(Debug)]
pub struct Listed {
    /// 0: every domain.
    max: usize,
    /// The worst `max` so far; the least bad on top, to be let go first.
    kept: BinaryHeap<Reverse<(Rank, Place)>>,
}

impl Listed {
    pub fn new(max: usize) -> Self {
        Self {
            max,
            kept: BinaryHeap::new(),
        }
    }

    /// The most domains listed; 0 for every one.
    pub fn max(&self) -> usize {
        self.max
    }

    pub fn add(&mut self, errors: usize, warnings: usize, index: usize, place: Place) {
        if self.max == 0 {
            return;
        }
        self.kept
            .push(Reverse(((errors, warnings, Reverse(index)), place)));
        if self.kept.len() > self.max {
            self.kept.pop();
        }
    }

    /// Whether every one of `domains` is listed.
    pub fn everything(&self, domains: usize) -> bool {
        self.max == 0 || domains <= self.max
    }

    /// The places of the listed domains, in input order.
    fn places(&self) -> Vec<Place> {
        let mut kept: Vec<(usize, Place)> = self
            .kept
            .iter()
            .map(|Reverse(((_, _, Reverse(index)), place))| (*index, *place))
            .collect();
        kept.sort_unstable();
        kept.into_iter().map(|(_, place)| place).collect()
    }

    /// Copies the listed domains' parts (rows, or sections) from `from` to `to`.
    pub fn copy<R: Read + Seek>(
        &self,
        domains: usize,
        from: &mut R,
        to: &mut dyn Write,
        part: fn(&Place) -> (u64, u64),
    ) -> io::Result<()> {
        if self.everything(domains) {
            io::copy(from, to)?;
            return Ok(());
        }
        for place in self.places() {
            let (start, len) = part(&place);
            from.seek(SeekFrom::Start(start))?;
            let copied = io::copy(&mut from.by_ref().take(len), to)?;
            if copied != len {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "a spilled part is shorter than written",
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(i: u64) -> Place {
        Place {
            row: (i * 2, 2),
            section: (i * 3, 3),
        }
    }

    #[test]
    fn keeps_the_worst_and_copies_them_in_input_order() {
        let mut listed = Listed::new(3);
        let counts = [(0, 1), (2, 0), (0, 0), (2, 0), (1, 5), (0, 9)];
        for (i, (errors, warnings)) in counts.into_iter().enumerate() {
            listed.add(errors, warnings, i, place(i as u64));
        }
        let rows: Vec<u8> = (0..6u8).flat_map(|i| [b'a' + i; 2]).collect();
        let mut out = Vec::new();
        let mut from = io::Cursor::new(rows);
        listed.copy(6, &mut from, &mut out, |p| p.row).unwrap();
        assert_eq!(out, b"bbddee");
        assert!(!listed.everything(6));
        assert!(listed.everything(3));
    }

    #[test]
    fn with_no_bound_everything_is_copied_whole() {
        let mut listed = Listed::new(0);
        listed.add(1, 1, 0, place(0));
        let mut out = Vec::new();
        let mut from = io::Cursor::new(b"whole".to_vec());
        listed.copy(10, &mut from, &mut out, |p| p.section).unwrap();
        assert_eq!(out, b"whole");
    }
}
