//! Untrusted text never reaches a terminal raw, whatever the output: JSON and JSON Lines escape
//! DEL and the C1 controls, and usage errors escape the argument they quote.

use crate::support::cmd::Mailaudit;
use crate::support::dns_server::{TestDns, Zone};

/// DEL, then 8-bit CSI (U+009B) as a terminal that honours C1 reads it, NEL and APC.
const CONTROLS: &str = "\u{7f}\u{9b}31m\u{85}\u{9f}";

fn is_del_or_c1(c: char) -> bool {
    ('\u{7f}'..='\u{9f}').contains(&c)
}

/// Whether any string in `value` holds `needle`.
fn holds(value: &serde_json::Value, needle: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s.contains(needle),
        serde_json::Value::Array(items) => items.iter().any(|v| holds(v, needle)),
        serde_json::Value::Object(map) => map.values().any(|v| holds(v, needle)),
        _ => false,
    }
}

#[test]
fn json_and_json_lines_escape_del_and_c1_controls() {
    let mut z = Zone::new();
    z.txt(
        "example.com",
        &[&format!("v=spf1 ip4:192.0.2.1 {CONTROLS} -all")],
    );
    let dns = TestDns::start(z);
    for format in ["json", "jsonl"] {
        let out = Mailaudit::new()
            .dns(&dns)
            .format(format)
            .args(["spf", "example.com"])
            .run();
        let raw: Vec<char> = out.stdout.chars().filter(|&c| is_del_or_c1(c)).collect();
        assert!(raw.is_empty(), "{format}: {raw:?} raw in\n{out}");
        assert!(out.stdout.contains(r"\u007f\u009b31m\u0085\u009f"), "{out}");
        // Escaped, not lost: the record reads back as it was published.
        let line = out.stdout.lines().next().unwrap_or_default();
        let json = if format == "json" { &out.stdout } else { line };
        let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
        assert!(holds(&value, CONTROLS), "{out}");
    }
}
