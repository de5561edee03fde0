//! The few facts of an X.509 certificate (RFC 5280 §4.1) a report shows: subject and issuer
//! common names, the DNS names it is valid for, its validity period, its public key (type and
//! size, RFC 3279, RFC 5480, RFC 8410) and the algorithm its issuer signed it with. A small DER
//! reader (ITU-T X.690) that only walks what it needs; anything malformed yields `None`, never a
//! panic. The certificate's validity is judged by webpki, not here.

use super::der::{Element, algorithm_oid, children, element};

/// What a report says about one certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CertFacts {
    /// The subject's common name, else its attribute values.
    pub subject: String,
    pub issuer: String,
    /// The subjectAltName DNS names.
    pub names: Vec<String>,
    /// `YYYY-MM-DD HH:MM:SS UTC`.
    pub not_before: String,
    pub not_after: String,
    /// Issuer and subject are the same name: a self-issued (usually self-signed) certificate.
    pub self_issued: bool,
    /// The public key: "RSA", "ECDSA", "Ed25519", ... or the algorithm's OID.
    pub key_type: String,
    /// Its size in bits (the RSA modulus, the curve's order), when known.
    pub key_bits: Option<u32>,
    /// The signature algorithm ("sha256WithRSAEncryption", "ecdsa-with-SHA256", ...) or its OID.
    pub signature_algorithm: String,
}

const SEQUENCE: u8 = 0x30;
/// `[0]` EXPLICIT version and `[3]` EXPLICIT extensions of TBSCertificate.
const VERSION: u8 = 0xa0;
const EXTENSIONS: u8 = 0xa3;
/// id-at-commonName, 2.5.4.3.
const CN: &[u8] = &[0x55, 0x04, 0x03];
/// id-ce-subjectAltName, 2.5.29.17.
const SAN: &[u8] = &[0x55, 0x1d, 0x11];
/// GeneralName dNSName, `[2]` IMPLICIT IA5String.
const DNS_NAME: u8 = 0x82;

/// The facts of a DER certificate, or `None` when it does not parse.
pub fn facts(der: &[u8]) -> Option<CertFacts> {
    let (cert, _) = element(der)?;
    if cert.tag != SEQUENCE {
        return None;
    }
    let outer = children(cert.body);
    let tbs = *outer.first()?;
    let signature_algorithm = outer
        .get(1)
        .map(|a| super::algorithms::signature_name(&algorithm_oid(a.body)))
        .unwrap_or_default();
    let mut fields = children(tbs.body).into_iter().peekable();
    if fields.peek()?.tag == VERSION {
        fields.next();
    }
    // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, ...
    let _serial = fields.next()?;
    let _signature = fields.next()?;
    let issuer = fields.next()?;
    let validity = children(fields.next()?.body);
    let subject = fields.next()?;
    let (key_type, key_bits) = fields
        .next()
        .map(|spki| super::algorithms::public_key(spki.body))
        .unwrap_or_default();
    let names = fields
        .find(|f| f.tag == EXTENSIONS)
        .map(|ext| san_names(ext.body))
        .unwrap_or_default();
    Some(CertFacts {
        subject: name_text(subject.body),
        issuer: name_text(issuer.body),
        names,
        not_before: validity.first().map(time_text).unwrap_or_default(),
        not_after: validity.get(1).map(time_text).unwrap_or_default(),
        self_issued: issuer.body == subject.body,
        key_type,
        key_bits,
        signature_algorithm,
    })
}

/// The encodings (tag, length and contents) of a DER certificate's TBSCertificate fields after
/// its version: serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, ...
fn tbs_fields(der: &[u8]) -> Option<Vec<&[u8]>> {
    let (cert, _) = element(der)?;
    if cert.tag != SEQUENCE {
        return None;
    }
    let (tbs, _) = element(cert.body)?;
    let mut fields = Vec::new();
    let mut rest = tbs.body;
    // A TBSCertificate has ten fields at most (RFC 5280 §4.1).
    while fields.len() < 10 {
        let Some((e, after)) = element(rest) else {
            break;
        };
        if !(fields.is_empty() && e.tag == VERSION) {
            fields.push(&rest[..rest.len() - after.len()]);
        }
        rest = after;
    }
    Some(fields)
}

/// A certificate's SubjectPublicKeyInfo, whole (RFC 5280 §4.1.2.7): what a TLSA record with
/// selector 1 describes (RFC 6698 §2.1.2).
pub fn spki_der(der: &[u8]) -> Option<&[u8]> {
    tbs_fields(der)?.get(5).copied()
}

/// The contents of a certificate's issuer Name (without its SEQUENCE tag and length), as a
/// trust anchor's subject is written to chain to it.
pub fn issuer_name(der: &[u8]) -> Option<&[u8]> {
    let field = *tbs_fields(der)?.get(2)?;
    element(field).map(|(e, _)| e.body)
}

/// A Name as people read it: its common name, else its attribute values joined with ", ".
fn name_text(name: &[u8]) -> String {
    let mut cn = None;
    let mut values = Vec::new();
    for set in children(name) {
        for attribute in children(set.body) {
            let parts = children(attribute.body);
            if let [oid, value] = parts.as_slice() {
                let text = crate::dns::bytes_text(value.body);
                if oid.body == CN {
                    cn = Some(text.clone());
                }
                values.push(text);
            }
        }
    }
    cn.unwrap_or_else(|| values.join(", "))
}

/// The dNSName entries of the subjectAltName extension, if any.
fn san_names(extensions: &[u8]) -> Vec<String> {
    let Some(list) = children(extensions).into_iter().next() else {
        return Vec::new();
    };
    for extension in children(list.body) {
        let parts = children(extension.body);
        let (Some(oid), Some(value)) = (parts.first(), parts.last()) else {
            continue;
        };
        if oid.body != SAN {
            continue;
        }
        let Some((names, _)) = element(value.body) else {
            return Vec::new();
        };
        return children(names.body)
            .into_iter()
            .filter(|n| n.tag == DNS_NAME)
            .map(|n| crate::dns::bytes_text(n.body))
            .collect();
    }
    Vec::new()
}

/// UTCTime (`YYMMDDHHMMSSZ`, years 1950–2049, RFC 5280 §4.1.2.5.1) or GeneralizedTime
/// (`YYYYMMDDHHMMSSZ`) as `YYYY-MM-DD HH:MM:SS UTC`.
fn time_text(e: &Element<'_>) -> String {
    let raw = crate::dns::bytes_text(e.body);
    let digits = raw.trim_end_matches('Z');
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return raw;
    }
    let full = match (e.tag, digits.len()) {
        (0x17, 12) => {
            let yy: u32 = digits[..2].parse().unwrap_or(0);
            let century = if yy >= 50 { "19" } else { "20" };
            format!("{century}{digits}")
        }
        (0x18, 14) => digits.to_string(),
        _ => return raw,
    };
    format!(
        "{}-{}-{} {}:{}:{} UTC",
        &full[..4],
        &full[4..6],
        &full[6..8],
        &full[8..10],
        &full[10..12],
        &full[12..14]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_input_is_none_not_a_panic() {
        for bad in [
            &[][..],
            &[0x30],
            &[0x30, 0x85, 1, 2, 3, 4, 5],
            &[0x30, 0x05, 0x30, 0x03, 0x02, 0x01],
            &[0x30, 0x82, 0xff, 0xff],
        ] {
            assert_eq!(facts(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn reads_a_generated_certificate() {
        let mut params =
            rcgen::CertificateParams::new(vec!["mta-sts.example.com".to_string()]).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "mta-sts.example.com");
        params.not_before = rcgen::date_time_ymd(2020, 1, 2);
        params.not_after = rcgen::date_time_ymd(2060, 3, 4);
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.self_signed(&key).unwrap();
        let facts = facts(cert.der()).unwrap();
        assert_eq!(facts.subject, "mta-sts.example.com");
        assert_eq!(facts.issuer, "mta-sts.example.com");
        assert!(facts.self_issued);
        assert_eq!(facts.names, ["mta-sts.example.com"]);
        assert_eq!(facts.not_before, "2020-01-02 00:00:00 UTC");
        assert_eq!(facts.not_after, "2060-03-04 00:00:00 UTC");
        assert_eq!(facts.key_type, "ECDSA P-256");
        assert_eq!(facts.key_bits, Some(256));
        assert_eq!(facts.signature_algorithm, "ecdsa-with-SHA256");
    }

    #[test]
    fn times_read_in_both_encodings() {
        let utc = Element {
            tag: 0x17,
            body: b"491231235959Z",
        };
        assert_eq!(time_text(&utc), "2049-12-31 23:59:59 UTC");
        let utc = Element {
            tag: 0x17,
            body: b"500101000000Z",
        };
        assert_eq!(time_text(&utc), "1950-01-01 00:00:00 UTC");
        let generalized = Element {
            tag: 0x18,
            body: b"20990101000000Z",
        };
        assert_eq!(time_text(&generalized), "2099-01-01 00:00:00 UTC");
    }
}
