//! DMARC policy discovery by the DNS Tree Walk (RFC 9989 §4.10): the domain's own `_dmarc`
//! record, then the names above it toward the root — a name of eight or more labels is first
//! shortened to seven, so no walk makes more than eight queries — stopping at a record with
//! `psd=y` or `psd=n`. From the records met it selects the Organizational Domain (§4.10.2) and the
//! record that applies (§4.10.1), and from that record the policy for the domain: `p` for its
//! own record, `sp` or `np` for a subdomain that exists or does not. No Public Suffix List.

use crate::dns::{Answer, Dns, LookupError, RecordType, Txt, txts};

use super::parse::is_candidate;
use super::{DmarcRecord, MAX_WALK_QUERIES, Psd, WALK_SHORTENED_LABELS};

/// A record receivers use: the one valid DMARC record at `_dmarc.<domain>`.
#[derive(Debug, Clone)]
pub struct PolicyRecord {
    pub domain: String,
    pub txt: Txt,
    pub record: DmarcRecord,
}

/// What one `_dmarc` name holds for receivers.
#[derive(Debug, Clone)]
pub enum Found {
    Record(Box<PolicyRecord>),
    /// No record whose first tag is `v=DMARC1`.
    None {
        nxdomain: bool,
    },
    /// More than one: receivers discard them all (§4.10 step 2).
    Multiple(Vec<Txt>),
    Failed(LookupError),
}

/// The TXT lookup of one `_dmarc` name.
#[derive(Debug, Clone)]
pub struct NameLookup {
    /// The domain, without `_dmarc.`.
    pub domain: String,
    pub found: Found,
    /// Records meant as DMARC that receivers ignore (the version is not first, or not exactly
    /// `DMARC1`), with their parse.
    pub malformed: Vec<(Txt, DmarcRecord)>,
}

impl NameLookup {
    pub fn name(&self) -> String {
        format!("_dmarc.{}", self.domain)
    }

    pub fn record(&self) -> Option<&PolicyRecord> {
        match &self.found {
            Found::Record(r) => Some(r),
            _ => None,
        }
    }
}

/// The outcome of one tree walk.
#[derive(Debug, Clone)]
pub struct Discovery {
    pub domain: String,
    /// Every name asked for, in walk order.
    pub steps: Vec<NameLookup>,
    /// The step whose record applies to the domain.
    pub applied: Option<usize>,
    /// Unknown when a lookup failed before the walk could end.
    pub organizational_domain: Option<String>,
}

impl Discovery {
    pub fn record(&self) -> Option<&PolicyRecord> {
        self.applied.and_then(|i| self.steps[i].record())
    }

    /// The record that applies was found above the domain.
    pub fn inherited(&self) -> bool {
        self.applied.is_some_and(|i| i > 0)
    }

    /// The lookup that stopped the walk, if one failed.
    pub fn failure(&self) -> Option<&LookupError> {
        self.steps.iter().find_map(|s| match &s.found {
            Found::Failed(e) => Some(e),
            _ => None,
        })
    }

    /// Whether receivers could know which policy applies: nothing failed before it was found.
    pub fn complete(&self) -> bool {
        self.applied == Some(0) || self.failure().is_none()
    }
}

/// The names a walk from `domain` asks for, in order (§4.10 steps 3, 4 and 7, and the example
/// there): the domain, then its ancestors up to the top-level label, the first of them shortened
/// to seven labels when the domain has eight or more.
pub fn walk_names(domain: &str) -> Vec<String> {
    let labels: Vec<&str> = domain.split('.').collect();
    let mut names = vec![domain.to_string()];
    let mut keep = labels.len().saturating_sub(1).min(WALK_SHORTENED_LABELS);
    while keep >= 1 {
        names.push(labels[labels.len() - keep..].join("."));
        keep -= 1;
    }
    debug_assert!(names.len() <= MAX_WALK_QUERIES);
    names
}

/// Walks the tree from `domain`, one query after the other, as a receiver does.
pub async fn discover(dns: &Dns, domain: &str) -> Discovery {
    let mut steps = Vec::new();
    for name in walk_names(domain) {
        let step = lookup_name(dns, &name).await;
        let stop = match &step.found {
            Found::Record(r) => r.record.psd() != Psd::Unknown,
            Found::Failed(_) => true,
            _ => false,
        };
        steps.push(step);
        if stop {
            break;
        }
    }
    let failed = steps.iter().any(|s| matches!(s.found, Found::Failed(_)));
    let organizational_domain = (!failed).then(|| organizational_domain(domain, &steps));
    let applied = applied(&steps, organizational_domain.as_deref());
    Discovery {
        domain: domain.to_string(),
        steps,
        applied,
        organizational_domain,
    }
}

/// The Organizational Domain (§4.10.2) a walk from `domain` finds when `published` holds the
/// only DMARC records on its way: what records about to be published imply before anything else
/// is known (the walk's names and stopping rule as [`discover`]'s, no DNS).
pub fn organizational_domain_among(domain: &str, published: &[PolicyRecord]) -> String {
    let mut steps = Vec::new();
    for name in walk_names(domain) {
        let found = published
            .iter()
            .find(|r| r.domain == name)
            .map_or(Found::None { nxdomain: false }, |r| {
                Found::Record(Box::new(r.clone()))
            });
        let stop = matches!(&found, Found::Record(r) if r.record.psd() != Psd::Unknown);
        steps.push(NameLookup {
            domain: name,
            found,
            malformed: Vec::new(),
        });
        if stop {
            break;
        }
    }
    organizational_domain(domain, &steps)
}

/// Looks up `_dmarc.<domain>` and sorts its TXT records as receivers do (§4.10 step 2).
pub async fn lookup_name(dns: &Dns, domain: &str) -> NameLookup {
    let mut lookup = NameLookup {
        domain: domain.to_string(),
        found: Found::None { nxdomain: false },
        malformed: Vec::new(),
    };
    let answer = match dns.lookup(&lookup.name(), RecordType::Txt).await {
        Ok(answer) => answer,
        Err(e) => {
            lookup.found = Found::Failed(e);
            return lookup;
        }
    };
    let mut valid = Vec::new();
    for txt in txts(answer.records()) {
        let record = DmarcRecord::parse(&txt.text());
        if record.valid_version {
            valid.push((txt, record));
        } else if is_candidate(&record.tags) {
            lookup.malformed.push((txt, record));
        }
    }
    lookup.found = match valid.len() {
        0 => Found::None {
            nxdomain: answer == Answer::NxDomain,
        },
        1 => {
            let (txt, record) = valid.remove(0);
            Found::Record(Box::new(PolicyRecord {
                domain: domain.to_string(),
                txt,
                record,
            }))
        }
        _ => Found::Multiple(valid.into_iter().map(|(txt, _)| txt).collect()),
    };
    lookup
}

/// §4.10.2: from the records met, longest name first: a `psd=n` record's domain; one label below
/// a `psd=y` record's domain (unless that is where the walk started); else the record with the
/// fewest labels; with no record at all, the domain itself.
fn organizational_domain(start: &str, steps: &[NameLookup]) -> String {
    for (i, step) in steps.iter().enumerate() {
        let Some(r) = step.record() else { continue };
        match r.record.psd() {
            Psd::No => return step.domain.clone(),
            Psd::Yes if i > 0 => return one_label_below(start, &step.domain),
            _ => {}
        }
    }
    steps
        .iter()
        .rev()
        .find(|s| s.record().is_some())
        .map_or_else(|| start.to_string(), |s| s.domain.clone())
}

/// The ancestor of `start` (or `start` itself) that has one label more than `above`.
fn one_label_below(start: &str, above: &str) -> String {
    let labels: Vec<&str> = start.split('.').collect();
    let keep = (above.split('.').count() + 1).min(labels.len());
    labels[labels.len() - keep..].join(".")
}

/// §4.10.1: the domain's own record, else the Organizational Domain's, else the Public Suffix
/// Domain's (a `psd=y` record met on the walk).
fn applied(steps: &[NameLookup], organizational: Option<&str>) -> Option<usize> {
    if steps.first()?.record().is_some() {
        return Some(0);
    }
    let organizational = organizational?;
    steps
        .iter()
        .position(|s| s.domain == organizational && s.record().is_some())
        .or_else(|| {
            steps
                .iter()
                .position(|s| s.record().is_some_and(|r| r.record.psd() == Psd::Yes))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::FailureKind;
    use crate::dns::fake::FakeDns;

    #[test]
    fn long_names_are_shortened_to_eight_queries() {
        let names = walk_names("a.b.c.d.e.f.g.h.i.j.mail.example.com");
        assert_eq!(
            names,
            [
                "a.b.c.d.e.f.g.h.i.j.mail.example.com",
                "g.h.i.j.mail.example.com",
                "h.i.j.mail.example.com",
                "i.j.mail.example.com",
                "j.mail.example.com",
                "mail.example.com",
                "example.com",
                "com"
            ]
        );
        assert_eq!(walk_names("example.com"), ["example.com", "com"]);
        assert_eq!(walk_names("a.b.c.d.e.f.g.example").len(), 8);
    }

    async fn walk(fake: FakeDns, domain: &str) -> Discovery {
        discover(&Dns::new(fake), domain).await
    }

    #[tokio::test]
    async fn the_record_at_the_fewest_labels_is_the_organizational_domain() {
        let fake = FakeDns::default()
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=none")
            .txt("_dmarc.example.com", "v=DMARC1; p=reject");
        let d = walk(fake, "a.mail.example.com").await;
        assert_eq!(d.organizational_domain.as_deref(), Some("example.com"));
        // §4.10.1: the Organizational Domain's record applies, not the nearer one.
        assert_eq!(d.record().unwrap().domain, "example.com");
        assert!(d.inherited());
        assert_eq!(d.steps.len(), 4);
    }

    #[tokio::test]
    async fn psd_flags_stop_the_walk_and_decide() {
        let fake = FakeDns::default()
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=quarantine; psd=n")
            .txt("_dmarc.example.com", "v=DMARC1; p=reject");
        let d = walk(fake, "a.mail.example.com").await;
        assert_eq!(d.organizational_domain.as_deref(), Some("mail.example.com"));
        assert_eq!(d.steps.len(), 2);

        let fake = FakeDns::default().txt("_dmarc.com", "v=DMARC1; p=reject; psd=y");
        let d = walk(fake, "a.mail.example.com").await;
        assert_eq!(d.organizational_domain.as_deref(), Some("example.com"));
        assert_eq!(
            d.record().unwrap().domain,
            "com",
            "the PSD's record applies"
        );

        let fake = FakeDns::default().txt("_dmarc.example.com", "v=DMARC1; p=reject; psd=y");
        let d = walk(fake, "example.com").await;
        assert_eq!(d.organizational_domain.as_deref(), Some("example.com"));
        assert_eq!(d.applied, Some(0));
    }

    #[tokio::test]
    async fn several_records_are_discarded_and_the_walk_goes_on() {
        let fake = FakeDns::default()
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=none")
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=reject")
            .txt("_dmarc.example.com", "v=DMARC1; p=quarantine");
        let d = walk(fake, "mail.example.com").await;
        assert!(matches!(d.steps[0].found, Found::Multiple(_)));
        assert_eq!(d.record().unwrap().domain, "example.com");
    }

    #[test]
    fn the_organizational_domain_among_records_about_to_be_published() {
        let record = |domain: &str, text: &str| PolicyRecord {
            domain: domain.into(),
            txt: Txt::single(text),
            record: DmarcRecord::parse(text),
        };
        let own = [record("example.com", "v=DMARC1; p=reject")];
        assert_eq!(
            organizational_domain_among("example.com", &own),
            "example.com"
        );
        assert_eq!(
            organizational_domain_among("reports.example.com", &own),
            "example.com"
        );
        assert_eq!(
            organizational_domain_among("example.net", &own),
            "example.net"
        );
        // With no record above it, a parent is an Organizational Domain of its own.
        let sub = [record("mail.example.com", "v=DMARC1; p=reject")];
        assert_eq!(
            organizational_domain_among("example.com", &sub),
            "example.com"
        );
        let psd = [record("example.com", "v=DMARC1; p=reject; psd=y")];
        assert_eq!(
            organizational_domain_among("a.b.example.com", &psd),
            "b.example.com"
        );
    }

    #[tokio::test]
    async fn a_failure_leaves_the_policy_unknown_never_missing() {
        let fake =
            FakeDns::default().fail("_dmarc.example.com", RecordType::Txt, FailureKind::Servfail);
        let d = walk(fake, "mail.example.com").await;
        assert!(d.failure().is_some() && !d.complete());
        assert_eq!(d.organizational_domain, None);
        assert!(d.record().is_none());
        assert_eq!(d.steps.len(), 2, "the walk stops at the failure");
    }
}
