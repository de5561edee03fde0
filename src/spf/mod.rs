//! SPF (RFC 7208): the record in the RFC's words and the processing limits of §4.6.4, defined
//! once. The record's parser, macros and selection sit beside this file; `audit/` follows a
//! domain's policy through DNS and lints it, `eval/` is check_host().

pub mod audit;
pub mod codes;
pub mod eval;
pub mod macros;
pub mod networks;
pub mod parse;
mod report;
pub mod select;

pub use report::{SpfNode, SpfReport, TermNode};

use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;

use serde::Serialize;

use macros::MacroString;

/// §4.6.4: DNS-querying terms (include, a, mx, ptr, exists, redirect) per evaluation.
pub const MAX_DNS_TERMS: usize = 10;
/// §4.6.4: terms whose lookup is answered NXDOMAIN or NODATA (void lookups) per evaluation.
pub const MAX_VOID_LOOKUPS: usize = 2;
/// §4.6.4: MX names one `mx` may look at (more is a permerror) and PTR names one `ptr` or `%{p}`
/// looks at (the rest are ignored).
pub const MAX_NAMES_PER_MECHANISM: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Pass,
    Fail,
    SoftFail,
    Neutral,
}

/// The CIDR lengths after `a` or `mx` (`/24//64`); `None` means the full address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DualCidr {
    pub v4: Option<u8>,
    pub v6: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "name")]
pub enum Mechanism {
    All,
    Include {
        domain: MacroString,
    },
    A {
        domain: Option<MacroString>,
        cidr: DualCidr,
    },
    Mx {
        domain: Option<MacroString>,
        cidr: DualCidr,
    },
    Ptr {
        domain: Option<MacroString>,
    },
    Ip4 {
        network: Ipv4Addr,
        prefix: u8,
    },
    Ip6 {
        network: Ipv6Addr,
        prefix: u8,
    },
    Exists {
        domain: MacroString,
    },
}

impl Mechanism {
    /// Whether the term costs one of the 10 DNS-querying terms of §4.6.4.
    pub fn queries_dns(&self) -> bool {
        !matches!(self, Self::All | Self::Ip4 { .. } | Self::Ip6 { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Directive {
    pub qualifier: Qualifier,
    pub mechanism: Mechanism,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "modifier")]
pub enum Modifier {
    Redirect { domain: MacroString },
    Exp { domain: MacroString },
    Unknown { name: String, value: MacroString },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    Directive(Directive),
    Modifier(Modifier),
    /// Did not parse; the matching [`SyntaxError`] says why.
    Invalid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub span: Range<usize>,
    pub kind: TermKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    Syntax,
    /// An ip4/ip6 network or CIDR length.
    Network,
    Macro,
    DuplicateModifier,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub span: Range<usize>,
    pub message: String,
}

/// A parsed record. `errors` empty means the record is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpfRecord {
    pub text: String,
    pub terms: Vec<Term>,
    pub errors: Vec<SyntaxError>,
}

impl SpfRecord {
    /// The text of one term.
    pub fn term_text(&self, term: &Term) -> &str {
        &self.text[term.span.clone()]
    }

    pub fn directives(&self) -> impl Iterator<Item = (&Term, &Directive)> {
        self.terms.iter().filter_map(|t| match &t.kind {
            TermKind::Directive(d) => Some((t, d)),
            _ => None,
        })
    }

    pub fn redirect(&self) -> Option<&MacroString> {
        self.redirect_term().map(|(_, domain)| domain)
    }

    pub fn exp(&self) -> Option<&MacroString> {
        self.exp_term().map(|(_, domain)| domain)
    }

    /// The index of the `all` mechanism among the terms, if there is one.
    pub fn all(&self) -> Option<usize> {
        self.terms.iter().position(
            |t| matches!(&t.kind, TermKind::Directive(d) if d.mechanism == Mechanism::All),
        )
    }

    /// The exp= term, if there is one.
    pub fn exp_term(&self) -> Option<(&Term, &MacroString)> {
        self.terms.iter().find_map(|t| match &t.kind {
            TermKind::Modifier(Modifier::Exp { domain }) => Some((t, domain)),
            _ => None,
        })
    }

    /// The redirect= term, if there is one.
    pub fn redirect_term(&self) -> Option<(&Term, &MacroString)> {
        self.terms.iter().find_map(|t| match &t.kind {
            TermKind::Modifier(Modifier::Redirect { domain }) => Some((t, domain)),
            _ => None,
        })
    }
}

crate::finding::outcome!(incomplete: SpfReport);
