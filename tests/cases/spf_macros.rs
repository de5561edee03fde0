//! SPF macro digit transformers end to end (RFC 7208 §7.3): a count larger than the number of
//! parts keeps them all, however many digits it has; zero is a syntax error.

use serde_json::Value;

use super::zone_file::TempDir;
use crate::support::run::mailaudit;

fn eval(zone: &str, sender: &str) -> Value {
    let dir = TempDir::new();
    let path = dir.file("macros.zone", zone);
    let out = mailaudit(&[
        "--zone",
        path.to_str().unwrap(),
        "--format",
        "json",
        "spf",
        "eval",
        "--ip",
        "192.0.2.1",
        "--mail-from",
        sender,
    ]);
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", out.stdout, out.stderr))
}

#[test]
fn a_digit_count_past_any_integer_keeps_every_label() {
    let zone = "$ORIGIN example.com.\n\
                @ TXT \"v=spf1 a:%{d99999999999999999999}.%{d1} -all\"\n\
                example.com.com. A 192.0.2.1\n";
    let result = eval(zone, "x@example.com");
    assert_eq!(result["result"], "pass", "{result}");
}

#[test]
fn a_digit_count_of_zero_is_a_permerror() {
    let zone = "example.com. TXT \"v=spf1 a:%{d0} -all\"\n";
    let result = eval(zone, "x@example.com");
    assert_eq!(result["result"], "permerror", "{result}");
}
