//! SPF macro digit transformers end to end (RFC 7208 §7.3): a count larger than the number of
//! parts keeps them all, however many digits it has; zero is a syntax error.

use serde_json::Value;

use crate::support::cmd::Mailaudit;
use crate::support::temp::TempDir;

fn eval(zone: &str, sender: &str) -> Value {
    let dir = TempDir::new("spf-macros");
    let path = dir.write("macros.zone", zone);
    Mailaudit::new()
        .zone(&path)
        .format("json")
        .args(["spf", "eval", "--ip", "192.0.2.1", "--mail-from", sender])
        .run()
        .json()
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
