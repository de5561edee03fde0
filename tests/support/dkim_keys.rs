//! DKIM public keys for fixtures: the RFC examples, and RSA keys of any size built as DER by
//! hand (the audit only decodes and measures them, so a modulus need not be a real one — which
//! is what lets fixtures hold the 512-bit keys no generator will make any more).

#![allow(dead_code)]

use base64ct::{Base64, Encoding};

/// RFC 6376 Appendix A's `brisbane` key: 1024-bit RSA, SubjectPublicKeyInfo.
pub const RFC6376_BRISBANE: &str = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB";
/// RFC 8463 Appendix A's `brisbane` key: Ed25519, raw (the RFC 8032 §7.1 test 1 key).
pub const RFC8463_BRISBANE: &str = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
/// Its secret seed (RFC 8032 §7.1 test 1).
pub const RFC8463_SEED: &str = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";

fn der(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 128 {
        out.push(u8::try_from(len).unwrap());
    } else if len < 256 {
        out.extend([0x81, u8::try_from(len).unwrap()]);
    } else {
        out.extend([
            0x82,
            u8::try_from(len >> 8).unwrap(),
            u8::try_from(len & 0xff).unwrap(),
        ]);
    }
    out.extend_from_slice(content);
    out
}

/// An RSAPublicKey with a `bits`-bit modulus (a multiple of 8) and exponent 65537.
fn rsa_public_key(bits: usize) -> Vec<u8> {
    let mut modulus = vec![0x00, 0xc3];
    modulus.extend(std::iter::repeat_n(0x5a, bits / 8 - 2));
    modulus.push(0x01);
    let mut body = der(0x02, &modulus);
    body.extend(der(0x02, &[0x01, 0x00, 0x01]));
    der(0x30, &body)
}

/// An RSA key of `bits` bits, base64: a SubjectPublicKeyInfo, or with `spki` false the bare
/// RSAPublicKey.
pub fn rsa_key(bits: usize, spki: bool) -> String {
    let inner = rsa_public_key(bits);
    if !spki {
        return Base64::encode_string(&inner);
    }
    let oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
    ];
    let mut algorithm = oid.to_vec();
    algorithm.extend([0x05, 0x00]);
    let mut bit_string = vec![0x00];
    bit_string.extend(inner);
    let mut body = der(0x30, &algorithm);
    body.extend(der(0x03, &bit_string));
    Base64::encode_string(&der(0x30, &body))
}

/// The RFC 8463 key wrapped in a SubjectPublicKeyInfo, as RSA keys are (44 bytes, not 32).
pub fn ed25519_spki() -> String {
    let mut spki = vec![
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
    ];
    spki.extend(Base64::decode_vec(RFC8463_BRISBANE).unwrap());
    Base64::encode_string(&spki)
}
