//! The cron recipe, examples/cron-watch.sh, run three times against the test DNS server: the
//! first run saves, the second (after the DMARC policy was weakened) names the change, the
//! third (nothing changed) prints nothing.

use std::process::Command;

use super::*;

fn zone(dmarc: &str) -> Zone {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 -all"]);
    z.mx("example.com", 0, ".");
    z.txt("_dmarc.example.com", &[dmarc]);
    z.txt("example.org", &["v=spf1 -all"]);
    z.mx("example.org", 0, ".");
    z
}

/// One run of the script against `dns`: its exit code, stdout and stderr.
fn watch(dns: &TestDns, dir: &TempDir) -> (i32, String, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cron-watch.sh");
    let out = Command::new("sh")
        .arg(script)
        .arg(dir.path().join("domains.txt"))
        .arg(dir.path().join("state"))
        .args([
            "--no-probe",
            "--timeout",
            "1",
            "--resolver",
            &dns.resolver_arg(),
        ])
        .env("MAILAUDIT", env!("CARGO_BIN_EXE_mailaudit"))
        .env_remove("DIFF_ARGS")
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn the_cron_recipe_says_what_changed_and_is_quiet_otherwise() {
    let dir = TempDir::new("cron-watch");
    dir.write("domains.txt", "example.com\nexample.org\n");
    let strict = TestDns::start(zone("v=DMARC1; p=reject"));
    let first = watch(&strict, &dir);
    assert_eq!(first, (0, String::new(), String::new()), "first run");
    assert!(dir.path().join("state/previous.jsonl").is_file());
    drop(strict);

    let weakened = TestDns::start(zone("v=DMARC1; p=none"));
    let (code, stdout, stderr) = watch(&weakened, &dir);
    assert_eq!(
        code, 0,
        "a new warning is below --fail-on error: {stdout}{stderr}"
    );
    assert!(
        stdout.contains("example.com\n")
            && stdout.contains("dmarc-policy-none")
            && stdout.contains(
                "  DMARC example.com\n    - v=DMARC1; p=reject\n    + v=DMARC1; p=none\n"
            ),
        "{stdout}{stderr}"
    );
    assert!(!stdout.contains("example.org"), "{stdout}");

    let third = watch(&weakened, &dir);
    assert_eq!(third, (0, String::new(), String::new()), "nothing changed");
}
