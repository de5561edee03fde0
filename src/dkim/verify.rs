//! Is a key published? (RFC 6376 §3.6.2.2): the record at a selector looked up and compared with
//! the public half of a private key — for `dkim verify-published`, and for rotation, which only
//! activates a key once DNS serves it and only marks a key revoked once DNS serves its empty
//! record.

use crate::dns::{Dns, RecordType};

use super::KeyRecordReport;
use super::key::PublicKeyData;
use super::lints::lint_record;
use super::rotate::Observation;

/// What the selector's record was found to hold, compared with `expected`.
#[derive(Debug, Clone)]
pub struct Published {
    pub observation: Observation,
    /// The record, when there is one.
    pub record: Option<KeyRecordReport>,
}

/// Looks up `name` and compares the key it publishes with `expected` (with `None`, any key
/// published counts as [`Observation::Differs`]).
pub async fn published(dns: &Dns, name: &str, expected: Option<&PublicKeyData>) -> Published {
    let answer = match dns.lookup(name, RecordType::Txt).await {
        Ok(answer) => answer,
        Err(e) => {
            return Published {
                observation: Observation::Failed(e.detail),
                record: None,
            };
        }
    };
    let txts = crate::dns::txts(answer.records());
    let Some(txt) = txts.first() else {
        return Published {
            observation: Observation::Absent,
            record: None,
        };
    };
    let linted = lint_record(name, txt);
    let record = Some(KeyRecordReport::new(txt, &linted));
    let observation = if txts.len() > 1 {
        Observation::Differs(format!(
            "{} TXT records at {name}; there must be one",
            txts.len()
        ))
    } else if linted.record.revoked() {
        Observation::Revoked
    } else {
        match &linted.key {
            Some(key) if Some(&key.data) == expected => Observation::Matches,
            Some(key) => Observation::Differs(format!(
                "{name} publishes another key ({} bits {}), not this one",
                key.data.bits(),
                key.data.key_type()
            )),
            None => Observation::Differs(linted.findings.first().map_or_else(
                || format!("{name} publishes no usable key"),
                |f| format!("{name}: {}", f.message),
            )),
        }
    };
    Published {
        observation,
        record,
    }
}

impl Published {
    /// One line saying what was found.
    pub fn reason(&self, name: &str) -> String {
        match &self.observation {
            Observation::Matches => format!("{name} publishes this key"),
            Observation::Absent => format!("{name} has no key record"),
            Observation::Revoked => format!("{name} publishes an empty p= (revoked)"),
            Observation::Differs(why)
            | Observation::Failed(why)
            | Observation::KeyUnreadable(why) => why.clone(),
        }
    }
}
