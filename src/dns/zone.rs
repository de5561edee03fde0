//! Answers from RFC 1035 master files (`--zone`), for auditing a zone before it is published.
//! Names not in the data are NXDOMAIN; a name that owns other types (or has names below it) is
//! NODATA. CNAMEs are followed as a resolver would.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use hickory_proto::rr::{RData, RecordType as HickoryType};
use hickory_proto::serialize::txt::Parser;

use super::{Answer, BoxFuture, DnsSource, LookupResult, Rdata, RecordType, Txt};

/// CNAME chains longer than this are treated as a loop.
const MAX_CNAME_CHAIN: usize = 8;

#[derive(Default)]
pub struct ZoneSource {
    records: HashMap<(String, RecordType), Vec<Rdata>>,
    cnames: HashMap<String, String>,
    /// Every owner name and every name above one (empty non-terminals are NODATA, not NXDOMAIN).
    names: HashSet<String>,
}

impl ZoneSource {
    /// Loads every file; the error names the file and what is wrong with it.
    pub fn load(paths: &[impl AsRef<Path>]) -> Result<Self, String> {
        let mut zone = Self::default();
        for path in paths {
            let path = path.as_ref();
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read zone file {}: {e}", path.display()))?;
            zone.add_text(&text, Some(path))?;
        }
        Ok(zone)
    }

    /// Adds the records of one master file's text.
    pub fn add_text(&mut self, text: &str, path: Option<&Path>) -> Result<(), String> {
        let label = path.map_or_else(|| "zone data".to_string(), |p| p.display().to_string());
        let (_origin, sets) = Parser::new(text, path.map(Path::to_path_buf), None)
            .parse()
            .map_err(|e| format!("{label}: {e}"))?;
        for set in sets.values() {
            for record in set.records_without_rrsigs() {
                let owner = super::name::canonical(&record.name.to_ascii());
                self.add_name(&owner);
                if let RData::CNAME(target) = &record.data {
                    let target = super::name::canonical(&target.0.to_ascii());
                    self.cnames.insert(owner, target);
                    continue;
                }
                if let Some((rtype, data)) = convert(record.record_type(), &record.data) {
                    self.records.entry((owner, rtype)).or_default().push(data);
                }
            }
        }
        Ok(())
    }

    fn add_name(&mut self, owner: &str) {
        let mut name = owner;
        loop {
            self.names.insert(name.to_string());
            match name.split_once('.') {
                Some((_, parent)) if !parent.is_empty() => name = parent,
                _ => break,
            }
        }
    }

    fn answer(&self, name: &str, rtype: RecordType) -> Answer {
        let mut name = name.to_string();
        for _ in 0..MAX_CNAME_CHAIN {
            if let Some(records) = self.records.get(&(name.clone(), rtype)) {
                return Answer::Records(records.clone());
            }
            match self.cnames.get(&name) {
                Some(target) => name = target.clone(),
                None if self.names.contains(&name) => return Answer::NoData,
                None => return Answer::NxDomain,
            }
        }
        Answer::NxDomain
    }
}

impl DnsSource for ZoneSource {
    fn lookup<'a>(&'a self, name: &'a str, rtype: RecordType) -> BoxFuture<'a, LookupResult> {
        Box::pin(async move { Ok(self.answer(name, rtype)) })
    }
}

fn convert(rtype: HickoryType, data: &RData) -> Option<(RecordType, Rdata)> {
    let name = |n: &hickory_proto::rr::Name| super::name::canonical(&n.to_ascii());
    Some(match data {
        RData::A(a) => (RecordType::A, Rdata::A(a.0)),
        RData::AAAA(a) => (RecordType::Aaaa, Rdata::Aaaa(a.0)),
        RData::MX(mx) => (
            RecordType::Mx,
            Rdata::Mx {
                preference: mx.preference,
                exchange: name(&mx.exchange),
            },
        ),
        RData::TXT(txt) => {
            let txt = Txt {
                strings: txt.txt_data.iter().map(|s| s.to_vec()).collect(),
            };
            let kind = if rtype == HickoryType::TXT {
                RecordType::Txt
            } else {
                RecordType::Spf
            };
            (kind, Rdata::Txt(txt))
        }
        RData::PTR(ptr) => (RecordType::Ptr, Rdata::Ptr(name(&ptr.0))),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(text: &str) -> ZoneSource {
        let mut z = ZoneSource::default();
        z.add_text(text, None).unwrap();
        z
    }

    #[test]
    fn distinguishes_records_nodata_and_nxdomain() {
        let z = zone(
            "$ORIGIN example.com.\n$TTL 300\n@ IN TXT \"v=spf1 \" \"-all\"\nwww.sub IN A 192.0.2.1\nalias IN CNAME www.sub\n",
        );
        let Answer::Records(r) = z.answer("example.com", RecordType::Txt) else {
            panic!("no TXT")
        };
        assert_eq!(
            r[0],
            Rdata::Txt(Txt {
                strings: vec![b"v=spf1 ".to_vec(), b"-all".to_vec()]
            })
        );
        assert_eq!(z.answer("example.com", RecordType::Mx), Answer::NoData);
        assert_eq!(z.answer("sub.example.com", RecordType::A), Answer::NoData);
        assert_eq!(
            z.answer("nope.example.com", RecordType::A),
            Answer::NxDomain
        );
        assert!(matches!(
            z.answer("alias.example.com", RecordType::A),
            Answer::Records(_)
        ));
    }
}
