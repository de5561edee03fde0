//! SPF record selection (RFC 7208 §4.5): of a name's TXT records, the ones that start with the
//! version section `v=spf1`.

use crate::dns::{Answer, Dns, LookupError, RecordType, Txt};

use super::parse::is_spf1;

/// What the TXT answer of a name holds, SPF-wise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// No record starts with `v=spf1`.
    None,
    /// Exactly one; the record's strings as published.
    One(Txt),
    /// Several: a permerror (§4.5).
    Many(Vec<Txt>),
}

pub fn select(records: &[Txt]) -> Selection {
    let mut spf: Vec<Txt> = records
        .iter()
        .filter(|t| is_spf1_bytes(&t.joined()))
        .cloned()
        .collect();
    match spf.len() {
        0 => Selection::None,
        1 => Selection::One(spf.remove(0)),
        _ => Selection::Many(spf),
    }
}

/// The SPF records among a TXT answer.
pub fn from_answer(answer: &Answer) -> Selection {
    select(&crate::dns::txts(answer.records()))
}

/// What the TXT lookup of a name found, SPF-wise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    pub selection: Selection,
    /// The name does not exist at all.
    pub nxdomain: bool,
    /// Every TXT record at the name, SPF or not, as published: a change to the SPF record
    /// replaces the name's whole TXT set and must carry the others over.
    pub txts: Vec<Txt>,
}

/// Looks up `domain`'s TXT records and selects its SPF record (§4.4, §4.5).
pub async fn lookup(dns: &Dns, domain: &str) -> Result<Lookup, LookupError> {
    let answer = dns.lookup(domain, RecordType::Txt).await?;
    Ok(Lookup {
        selection: from_answer(&answer),
        nxdomain: answer == Answer::NxDomain,
        txts: crate::dns::txts(answer.records()),
    })
}

/// [`is_spf1`] on raw bytes: a record whose text is not UTF-8 may still be an SPF record.
fn is_spf1_bytes(bytes: &[u8]) -> bool {
    bytes.len() >= 6 && is_spf1(&String::from_utf8_lossy(&bytes[..bytes.len().min(7)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn txt(s: &[&str]) -> Txt {
        Txt {
            strings: s.iter().map(|s| s.as_bytes().to_vec()).collect(),
        }
    }

    #[test]
    fn selects_by_version_section() {
        assert_eq!(
            select(&[txt(&["google-site-verification=x"])]),
            Selection::None
        );
        assert_eq!(select(&[txt(&["v=spf10 -all"])]), Selection::None);
        let one = txt(&["v=spf1 ", "-all"]);
        assert_eq!(select(&[one.clone(), txt(&["other"])]), Selection::One(one));
        assert!(matches!(
            select(&[txt(&["v=spf1 -all"]), txt(&["V=SPF1 +all"])]),
            Selection::Many(_)
        ));
    }
}
