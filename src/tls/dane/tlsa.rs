//! The TLSA record (RFC 6698 §2.1): certificate usage, selector, matching type and the
//! certificate association data — read from wire RDATA or from presentation text
//! (`3 1 1 <hex>`, §2.2), written back the same way, and serialized as its three numbers and the
//! data in lowercase hex. What the numbers are worth to an SMTP sender is RFC 7672 §3.1's.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most hex digits read from presentation text: a full certificate (`x 0 0`) is a few KiB;
/// RDATA cannot exceed 65535 octets.
const MAX_DATA: usize = 65_535;

/// One TLSA record's RDATA.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tlsa {
    /// 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE (RFC 7218).
    pub usage: u8,
    /// 0 the full certificate, 1 its SubjectPublicKeyInfo.
    pub selector: u8,
    /// 0 the data itself, 1 its SHA-256, 2 its SHA-512.
    pub matching: u8,
    #[serde(serialize_with = "hex_out", deserialize_with = "hex_in")]
    pub data: Vec<u8>,
}

/// What one record is worth to an SMTP sender (RFC 7672 §3.1, RFC 7671 §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usability {
    /// DANE-TA or DANE-EE, well formed.
    Usable,
    /// PKIX-TA or PKIX-EE: SMTP senders do not use them (RFC 7672 §3.1.3).
    UnusableUsage,
    /// An unknown usage, selector or matching type, or data of the wrong length.
    Malformed,
}

impl Tlsa {
    /// From wire RDATA: three octets and the association data (RFC 6698 §2.1).
    pub fn from_rdata(rdata: &[u8]) -> Result<Self, String> {
        match rdata {
            [usage, selector, matching, data @ ..] => Ok(Self {
                usage: *usage,
                selector: *selector,
                matching: *matching,
                data: data.to_vec(),
            }),
            _ => Err(format!(
                "TLSA RDATA of {} octets is shorter than its three fixed fields",
                rdata.len()
            )),
        }
    }

    /// The wire RDATA.
    pub fn to_rdata(&self) -> Vec<u8> {
        let mut out = vec![self.usage, self.selector, self.matching];
        out.extend_from_slice(&self.data);
        out
    }

    /// Why the record cannot be used, in words; `None` when its fields are well formed (RFC
    /// 6698 §2.1, RFC 7671 §4: unknown values make a record unusable).
    pub fn malformation(&self) -> Option<String> {
        let expected = match self.matching {
            0 => None,
            1 => Some((32, "SHA-256")),
            2 => Some((64, "SHA-512")),
            other => return Some(format!("matching type {other} is not defined (0, 1, 2)")),
        };
        if self.usage > 3 {
            return Some(format!(
                "certificate usage {} is not defined (0 to 3)",
                self.usage
            ));
        }
        if self.selector > 1 {
            return Some(format!("selector {} is not defined (0, 1)", self.selector));
        }
        match expected {
            Some((len, name)) if self.data.len() != len => Some(format!(
                "a {name} digest is {len} octets, but the data has {}",
                self.data.len()
            )),
            None if self.data.is_empty() => Some("the association data is empty".into()),
            _ => None,
        }
    }

    pub fn usability(&self) -> Usability {
        if self.malformation().is_some() {
            Usability::Malformed
        } else if self.usage < 2 {
            Usability::UnusableUsage
        } else {
            Usability::Usable
        }
    }

    /// The record as text short enough for a message: data longer than 32 octets (a full
    /// certificate or key) is cut, with its length.
    pub fn short(&self) -> String {
        if self.data.len() <= 32 {
            return self.to_string();
        }
        format!(
            "{} {} {} {}... ({} octets)",
            self.usage,
            self.selector,
            self.matching,
            crate::hex::encode(&self.data[..8]),
            self.data.len()
        )
    }

    /// The usage's name (RFC 7218 §2.1).
    pub fn usage_name(&self) -> &'static str {
        match self.usage {
            0 => "PKIX-TA",
            1 => "PKIX-EE",
            2 => "DANE-TA",
            3 => "DANE-EE",
            _ => "unknown usage",
        }
    }
}

impl std::str::FromStr for Tlsa {
    type Err = String;

    /// Presentation text: three decimal numbers, then the data in hex, which may be split by
    /// white space (RFC 6698 §2.2).
    fn from_str(text: &str) -> Result<Self, String> {
        let mut fields = text.split_ascii_whitespace();
        let mut number = |what: &str| {
            let field = fields
                .next()
                .ok_or_else(|| format!("the TLSA record has no {what}"))?;
            field.parse::<u8>().map_err(|_| {
                format!(
                    "the TLSA {what} {} is not a number from 0 to 255",
                    crate::sanitize::quoted(field)
                )
            })
        };
        let (usage, selector, matching) = (
            number("certificate usage")?,
            number("selector")?,
            number("matching type")?,
        );
        let digits: String = fields.collect();
        let data = hex_decode(&digits)?;
        Ok(Self {
            usage,
            selector,
            matching,
            data,
        })
    }
}

impl fmt::Display for Tlsa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {}",
            self.usage,
            self.selector,
            self.matching,
            crate::hex::encode(&self.data)
        )
    }
}

fn hex_decode(digits: &str) -> Result<Vec<u8>, String> {
    if digits.is_empty() {
        return Err("the TLSA record has no association data".into());
    }
    if digits.len() > MAX_DATA * 2 {
        return Err(format!(
            "the TLSA association data is longer than {MAX_DATA} octets"
        ));
    }
    crate::hex::decode(digits.as_bytes()).ok_or_else(|| {
        format!(
            "the TLSA association data {} is not an even number of hex digits",
            crate::sanitize::quoted(&digits[..digits.len().min(80)])
        )
    })
}

fn hex_out<S: Serializer>(data: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::hex::encode(data))
}

fn hex_in<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    let text = String::deserialize(d)?;
    hex_decode(&text).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIGEST: &str = "0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";

    #[test]
    fn reads_and_writes_presentation_text() {
        let text = format!("3 1 1 {}", DIGEST.to_uppercase());
        let tlsa: Tlsa = text.parse().unwrap();
        assert_eq!((tlsa.usage, tlsa.selector, tlsa.matching), (3, 1, 1));
        assert_eq!(tlsa.data.len(), 32);
        assert_eq!(tlsa.to_string(), format!("3 1 1 {DIGEST}"));
        // Hex split by white space, as zone files write long data.
        let split: Tlsa = format!("3 1 1 {} {}", &DIGEST[..32], &DIGEST[32..])
            .parse()
            .unwrap();
        assert_eq!(split, tlsa);
        assert_eq!(tlsa.usability(), Usability::Usable);
    }

    #[test]
    fn reads_and_writes_rdata() {
        let tlsa: Tlsa = format!("2 0 1 {DIGEST}").parse().unwrap();
        let rdata = tlsa.to_rdata();
        assert_eq!(&rdata[..3], &[2, 0, 1]);
        assert_eq!(Tlsa::from_rdata(&rdata).unwrap(), tlsa);
        assert!(Tlsa::from_rdata(&[3, 1]).is_err());
    }

    #[test]
    fn refuses_bad_text() {
        for bad in [
            "",
            "3 1",
            "3 1 1",
            "256 1 1 00",
            "x 1 1 00",
            "3 1 1 abc",
            "3 1 1 zz",
        ] {
            assert!(bad.parse::<Tlsa>().is_err(), "{bad}");
        }
    }

    #[test]
    fn serializes_numbers_and_hex() {
        let tlsa: Tlsa = "3 0 0 A0B1".parse().unwrap();
        let json = serde_json::to_string(&tlsa).unwrap();
        assert_eq!(
            json,
            r#"{"usage":3,"selector":0,"matching":0,"data":"a0b1"}"#
        );
        assert_eq!(serde_json::from_str::<Tlsa>(&json).unwrap(), tlsa);
    }

    #[test]
    fn names_what_is_malformed() {
        let with = |text: &str| text.parse::<Tlsa>().unwrap();
        for (record, why) in [
            (
                "3 1 1 00112233",
                "SHA-256 digest is 32 octets, but the data has 4",
            ),
            ("3 1 2 00112233", "SHA-512 digest is 64 octets"),
            ("3 2 1 00", "selector 2"),
            ("3 1 3 00", "matching type 3"),
            ("4 1 0 00", "certificate usage 4"),
        ] {
            let tlsa = with(record);
            let found = tlsa.malformation().unwrap_or_default();
            assert!(found.contains(why), "{record}: {found}");
            assert_eq!(tlsa.usability(), Usability::Malformed);
        }
        assert_eq!(with("1 0 0 00").usability(), Usability::UnusableUsage);
        assert_eq!(with("2 0 0 00").usability(), Usability::Usable);
    }
}
