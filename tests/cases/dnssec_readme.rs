//! The README's DNSSEC example is real output: `dnssec example.net` against the signed test DNS
//! server (a root, `net.` and `example.net` of its own, trusted through `--trust-anchor`). Key
//! tags and dates differ on every run, so numbers are compared as `#`.

use std::path::Path;

use crate::support::cmd::Mailaudit;
use crate::support::dns_server::{AnchorForm, Signing, TestDns, Zone};
use crate::support::docs::console_examples;
use crate::support::temp::TempDir;

/// The command as the README shows it.
const SHOWN: &str = "$ mailaudit dnssec example.net";

fn lab() -> Zone {
    let mut z = Zone::new();
    z.signed_zone(".", Signing::nsec())
        .signed_zone("net", Signing::nsec3())
        .signed_zone("example.net", Signing::nsec());
    z.txt("example.net", &["v=spf1 mx -all"])
        .txt(
            "_dmarc.example.net",
            &["v=DMARC1; p=reject; rua=mailto:dmarc@example.net"],
        )
        .mx("example.net", 10, "mail.example.net")
        .a("mail.example.net", "192.0.2.25")
        .tlsa(
            "_25._tcp.mail.example.net",
            3,
            1,
            1,
            "8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1",
        );
    z
}

/// Digit runs as `#`, so that key tags, dates and days left compare alike.
fn numbers_masked(text: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            out.push(c);
            in_number = false;
        }
    }
    out
}

#[test]
fn the_readme_dnssec_example_is_what_the_command_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dns = TestDns::start(lab());
    let dir = TempDir::new("readme-dnssec");
    let anchor = dns
        .trust_anchor()
        .write(dir.path(), "lab.key", AnchorForm::Ds);
    let out = Mailaudit::new()
        .dns(&dns)
        .args(["--trust-anchor", &anchor.display().to_string()])
        .args(["dnssec", "example.net"])
        .run();
    assert_eq!(out.code, 0, "{out}");
    let example = console_examples(root)
        .into_iter()
        .find(|e| e.command == SHOWN)
        .unwrap_or_else(|| panic!("the README shows no `{SHOWN}`; it prints:\n{}", out.stdout));
    assert_eq!(
        numbers_masked(&example.shown),
        numbers_masked(&out.stdout),
        "the README's DNSSEC example; printed now:\n{}",
        out.stdout
    );
}
