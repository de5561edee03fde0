//! ARC sets (RFC 8617 §4.1, §5.2 steps 1-2): a message's ARC-Authentication-Results,
//! ARC-Message-Signature and ARC-Seal fields grouped by their `i=` instance, and the shape the
//! chain must have before any signature is checked: at most 50 sets, instances 1..N each
//! exactly once, each with all three fields. Pure.

use std::collections::BTreeMap;

use crate::tags::TagList;

use super::read::{HeaderField, Message};

/// Most sets a chain may have (RFC 8617 §4.2.1): a higher instance fails the chain.
pub const MAX_ARC_SETS: u32 = 50;

pub const AAR: &str = "ARC-Authentication-Results";
pub const AMS: &str = "ARC-Message-Signature";
pub const SEAL: &str = "ARC-Seal";
const NAMES: [&str; 3] = [AAR, AMS, SEAL];

/// One instance's three fields.
#[derive(Debug, Clone, Copy)]
pub struct ArcSet<'a> {
    pub instance: u32,
    pub aar: &'a HeaderField,
    pub ams: &'a HeaderField,
    pub seal: &'a HeaderField,
}

/// Why the sets cannot form a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetsProblem {
    /// An instance above [`MAX_ARC_SETS`].
    TooMany { highest: u32 },
    /// Instances missing, repeated or incomplete, or an `i=` that does not read: in words.
    Broken(String),
}

/// The sets, instance 1 first; empty when the message has no ARC field.
pub fn arc_sets(message: &Message) -> Result<Vec<ArcSet<'_>>, SetsProblem> {
    let mut by_instance: BTreeMap<u32, [Option<&HeaderField>; 3]> = BTreeMap::new();
    // Bounded: a message has at most `read::MAX_HEADER_FIELDS` fields.
    for field in &message.headers {
        let Some(kind) = NAMES.iter().position(|n| field.is(n)) else {
            continue;
        };
        let instance = instance(field, kind).ok_or_else(|| {
            SetsProblem::Broken(format!("an {} field has no valid i= instance", NAMES[kind]))
        })?;
        let slot = &mut by_instance.entry(instance).or_default()[kind];
        if slot.is_some() {
            return Err(SetsProblem::Broken(format!(
                "instance {instance} has more than one {} field",
                NAMES[kind]
            )));
        }
        *slot = Some(field);
    }
    let Some(&highest) = by_instance.keys().next_back() else {
        return Ok(Vec::new());
    };
    if highest > MAX_ARC_SETS {
        return Err(SetsProblem::TooMany { highest });
    }
    let mut sets = Vec::with_capacity(by_instance.len());
    for expected in 1..=highest {
        let Some(fields) = by_instance.get(&expected) else {
            return Err(SetsProblem::Broken(format!(
                "instance {expected} is missing: the sets go up to {highest}"
            )));
        };
        let field = |kind: usize| {
            fields[kind].ok_or_else(|| {
                SetsProblem::Broken(format!("instance {expected} has no {} field", NAMES[kind]))
            })
        };
        sets.push(ArcSet {
            instance: expected,
            aar: field(0)?,
            ams: field(1)?,
            seal: field(2)?,
        });
    }
    Ok(sets)
}

/// `i=`: for the AAR the first element before `;` (§4.1.1), for the others a tag of the list.
fn instance(field: &HeaderField, kind: usize) -> Option<u32> {
    let value = std::str::from_utf8(field.value()).ok()?;
    let list = if kind == 0 {
        TagList::parse(value.split(';').next().unwrap_or_default())
    } else {
        TagList::parse(value)
    };
    let i = &list.tags.iter().find(|t| t.name == "i")?.value;
    if i.is_empty() || i.len() > 9 || !i.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    i.parse().ok().filter(|&n| n > 0)
}

/// An ARC-Authentication-Results value after its `i=` element, unfolded.
pub fn aar_results(field: &HeaderField) -> String {
    let value = String::from_utf8_lossy(field.value()).replace("\r\n", "");
    value
        .split_once(';')
        .map_or("", |(_, rest)| rest)
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(i: &str) -> String {
        format!(
            "{AAR}: i={i}; mx.example; spf=pass\r\n{AMS}: i={i}; a=rsa-sha256\r\n{SEAL}: i={i}; cv=none\r\n"
        )
    }

    fn sets(text: &str) -> Result<Vec<u32>, SetsProblem> {
        let m = Message::parse(format!("{text}From: a@example.com\r\n\r\n").as_bytes()).unwrap();
        arc_sets(&m).map(|s| s.iter().map(|s| s.instance).collect())
    }

    #[test]
    fn groups_the_fields_by_instance_in_any_order() {
        assert_eq!(sets(&(set("2") + &set("1"))), Ok(vec![1, 2]));
        assert_eq!(sets(""), Ok(vec![]));
        let m = Message::parse(set(" 1 ").as_bytes()).unwrap();
        assert_eq!(
            aar_results(arc_sets(&m).unwrap()[0].aar),
            "mx.example; spf=pass"
        );
    }

    #[test]
    fn gaps_repeats_missing_fields_and_bad_instances_are_broken() {
        let broken = |text: &str| match sets(text) {
            Err(SetsProblem::Broken(why)) => why,
            other => panic!("{other:?}"),
        };
        assert!(broken(&(set("1") + &set("3"))).contains("instance 2 is missing"));
        assert!(broken(&(set("1") + &set("1"))).contains("more than one"));
        assert!(
            broken(&set("1").replace("ARC-Seal: i=1; cv=none\r\n", "")).contains("no ARC-Seal")
        );
        assert!(broken(&set("0")).contains("no valid i="));
        assert!(broken(&set("x")).contains("no valid i="));
        assert_eq!(sets(&set("51")), Err(SetsProblem::TooMany { highest: 51 }));
    }
}
