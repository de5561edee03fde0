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

/// OSC (set the window title) ended by BEL, CSI "erase the screen", 8-bit CSI, NEL.
const HOSTILE: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{85}";

/// Every ESC in `text` starts an SGR sequence (colour), as clap's own styles write them.
fn only_colour(text: &str) -> bool {
    text.split('\u{1b}').skip(1).all(|after| {
        after.strip_prefix('[').is_some_and(|sgr| {
            let end = sgr.find(|c: char| !c.is_ascii_digit() && c != ';');
            end.is_some_and(|i| sgr[i..].starts_with('m'))
        })
    })
}

#[test]
fn usage_errors_escape_the_argument_they_quote() {
    let option = format!("--{HOSTILE}");
    let cases: [&[&str]; 5] = [
        &[
            "dkim",
            "keygen",
            "--domain",
            "example.com",
            "--selector",
            HOSTILE,
        ],
        &["--format", HOSTILE, "explain"],
        &[&option, "explain"],
        // Quoted twice: in the error and in clap's tip "to pass '…' as a value".
        &["check", &option],
        &[HOSTILE],
    ];
    for args in cases {
        // CLICOLOR_FORCE makes clap write as to a terminal (colour, nothing stripped).
        for force in [None, Some("1")] {
            let mut command = Mailaudit::new().args(args);
            if let Some(force) = force {
                command = command.env("CLICOLOR_FORCE", force);
            }
            let out = command.run();
            out.assert_code(2);
            assert!(out.stdout.is_empty(), "{out}");
            let err = &out.stderr;
            let raw = |c: char| c == '\u{7}' || ('\u{7f}'..='\u{9f}').contains(&c);
            assert!(
                !err.chars().any(raw) && only_colour(err),
                "{force:?}: {err:?}"
            );
            assert!(
                err.contains(r"\x1b]0;pwned\x07\x1b[2J\x9b31m\x85"),
                "{err:?}"
            );
            assert_eq!(err.contains('\u{1b}'), force.is_some(), "{err:?}");
        }
    }
    // Help and version stay clap's: on stdout, exit 0.
    for flag in ["--help", "--version"] {
        let out = Mailaudit::new().arg(flag).run();
        out.assert_success().assert_stdout_contains("mailaudit");
        assert!(out.stderr.is_empty(), "{out}");
    }
}
