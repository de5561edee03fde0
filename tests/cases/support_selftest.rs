//! The test support itself: the command builder, the text diff, the JSON mirror structs, the
//! temporary directories and the scripted IMAP/POP3 server behave as the tests relying on them
//! assume.

use std::ffi::OsString;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::pki_types::ServerName;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use crate::support::access_personas::{
    ALL, HOSTILE, IMAP_ONLY, MX_HOST, imap_implicit, imap_personality, pop3_implicit,
    pop3_personality,
};
use crate::support::access_server::TestAccess;
use crate::support::cmd::Mailaudit;
use crate::support::diff::{assert_text_eq, line_diff};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::https_server::TestCa;
use crate::support::model::{Entry, Evaluation, SpfReport};
use crate::support::temp::TempDir;

/// The message of the panic `f` raises; fails the test when it does not panic.
fn panic_message(f: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else {
        panic!("a panic without a message")
    }
}

fn strings(line: Vec<OsString>) -> Vec<String> {
    line.into_iter()
        .map(|a| a.into_string().expect("UTF-8"))
        .collect()
}

#[test]
fn the_builder_adds_the_server_and_a_timeout_before_the_arguments() {
    let dns = TestDns::start(Zone::new());
    let addr = dns.addr().to_string();
    let line = Mailaudit::new()
        .args(["spf", "example.com"])
        .format("json")
        .dns(&dns)
        .command_line();
    assert_eq!(
        strings(line),
        [
            "--resolver",
            &addr,
            "--timeout",
            "2",
            "--format",
            "json",
            "--no-dnssec",
            "spf",
            "example.com"
        ]
    );
    let line = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .color("never")
        .arg("explain")
        .command_line();
    assert_eq!(
        strings(line),
        [
            "--resolver",
            &addr,
            "--timeout",
            "0.5",
            "--color",
            "never",
            "--no-dnssec",
            "explain"
        ]
    );
    let line = Mailaudit::new()
        .zone("/tmp/z")
        .args(["spf", "--", "-x"])
        .command_line();
    assert_eq!(strings(line), ["--zone", "/tmp/z", "spf", "--", "-x"]);
}

#[test]
fn failed_asserts_show_the_command_and_both_streams() {
    let out = Mailaudit::new().args(["explain", "no-such-code"]).run();
    let message = panic_message(|| {
        out.assert_success();
    });
    assert!(
        message.contains("expected exit status 0, got 2"),
        "{message}"
    );
    assert!(
        message.contains("$ mailaudit explain no-such-code"),
        "{message}"
    );
    assert!(message.contains("--- stderr\n"), "{message}");
    assert!(message.contains(out.stderr.trim_end()), "{message}");

    let out = Mailaudit::new().args(["explain", "spf-ptr"]).run();
    let message = panic_message(|| {
        out.json();
    });
    assert!(message.contains("stdout is not a JSON"), "{message}");
    assert!(message.contains("--- stdout\nspf-ptr"), "{message}");
}

#[test]
fn stdin_and_environment_reach_the_run() {
    // mailaudit reads no stdin: a large input must neither block nor fail the run.
    Mailaudit::new()
        .stdin(vec![b'x'; 1 << 20])
        .arg("explain")
        .run()
        .assert_success();
    // NO_COLOR is removed by default; `env` sets it, `env_remove` removes it again.
    let out = Mailaudit::new()
        .env("NO_COLOR", "1")
        .env_remove("NO_COLOR")
        .env("MAILAUDIT_TEST_VARIABLE", "x")
        .color("always")
        .args(["explain", "spf-ptr"])
        .run();
    out.assert_success();
    assert!(out.stdout.contains('\x1b'), "{out}");
}

#[test]
fn equal_texts_pass_and_different_ones_show_a_line_diff() {
    assert_text_eq("a\nb\n", "a\nb\n");
    let expected = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    let actual = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n";
    assert_eq!(
        line_diff(expected, actual),
        "@@ expected line 1, actual line 1 @@\n  1\n- 2\n+ TWO\n  3\n  4\n\
         @@ expected line 8, actual line 8 @@\n  8\n  9\n+ 10\n"
    );
    // Changes closer than twice the context share one hunk.
    assert_eq!(
        line_diff("1\n2\n3\n4\n5\n", "1\nx\n3\n4\ny\n"),
        "@@ expected line 1, actual line 1 @@\n  1\n- 2\n+ x\n  3\n  4\n- 5\n+ y\n"
    );
    let message = panic_message(|| assert_text_eq(expected, actual));
    assert!(message.starts_with("texts differ (- expected, + actual):\n@@"));
    assert_eq!(line_diff("same\n", "same\n"), "");
}

#[test]
#[allow(clippy::format_collect)] // a test fixture, built once
fn the_diff_shows_what_is_otherwise_invisible() {
    assert_eq!(
        line_diff("error\n", "error  \n"),
        "@@ expected line 1, actual line 1 @@\n- error\n+ error  ⏎\n"
    );
    assert_eq!(
        line_diff("end\n", "end"),
        "@@ expected line 1, actual line 1 @@\n- end\n+ end (no newline at end)\n"
    );
    assert_eq!(
        line_diff("red\n", "\x1b[31mred\r\n"),
        "@@ expected line 1, actual line 1 @@\n- red\n+ \\u{1b}[31mred\\r\n"
    );
    // Large texts with nothing in common are shown whole rather than aligned.
    let a: String = (0..3000).map(|i| format!("a{i}\n")).collect();
    let b: String = (0..3000).map(|i| format!("b{i}\n")).collect();
    let diff = line_diff(&a, &b);
    assert_eq!(diff.lines().filter(|l| l.starts_with("- ")).count(), 3000);
    assert_eq!(diff.lines().filter(|l| l.starts_with("+ ")).count(), 3000);
}

const REPORT: &str = r#"{
  "domain": "example.com",
  "tree": null,
  "lookups": 0, "lookup_limit": 10, "void_lookups": 0, "void_lookup_limit": 2,
  "findings": [
    {"code": "spf-missing", "severity": "error", "subject": "example.com", "message": "m"FINDING}
  ]EXTRA
}"#;

fn report(finding: &str, extra: &str) -> Result<SpfReport, serde_json::Error> {
    serde_json::from_str(&REPORT.replace("FINDING", finding).replace("EXTRA", extra))
}

#[test]
fn mirror_structs_refuse_what_the_readme_does_not_document() {
    report("", "").expect("the documented shape");
    report(r#", "location": {"start": 0, "end": 1}"#, "").expect("a location");
    report(r#", "location": {"line": 4, "start": 0, "end": 1}"#, "").expect("a policy line");
    let unknown = report(r#", "hint": "x""#, "").unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `hint`"),
        "{unknown}"
    );
    let unknown = report("", r#", "extra": 1"#).unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `extra`"),
        "{unknown}"
    );
    // Left out when empty: never null.
    report(r#", "location": null"#, "").unwrap_err();
    report(r#", "location": {"start": 0, "end": 1, "x": 0}"#, "").unwrap_err();
    // The record's text is in the report, once: not in each finding.
    report(r#", "location": {"record": "r", "start": 0, "end": 1}"#, "").unwrap_err();
    // Only the documented severities.
    serde_json::from_str::<SpfReport>(
        &REPORT
            .replace("FINDING", "")
            .replace("EXTRA", "")
            .replace("error", "fatal"),
    )
    .unwrap_err();

    let eval = |extra: &str| {
        serde_json::from_str::<Evaluation>(&format!(
            r#"{{"result": "pass", "domain": "d", "sender": "s", "identity": "helo",
                "mechanism": null, "explanation": null, "explanation_source": null,
                "problem": null, "dns_terms": 0, "void_lookups": 0{extra}}}"#
        ))
    };
    assert!(eval("").expect("no trace").trace.is_none());
    let traced = eval(
        r#", "trace": [{"depth": 0, "event": "check-host", "domain": "d"},
        {"depth": 0, "event": "term", "term": "mx", "outcome": "no-match"}]"#,
    )
    .expect("a trace");
    assert_eq!(traced.trace.map(|t| t.len()), Some(2));
    eval(r#", "trace": null"#).unwrap_err();
    eval(r#", "trace": [{"depth": 0, "event": "check-host", "domain": "d", "x": 1}]"#).unwrap_err();
    eval(r#", "trace": [{"depth": 0, "event": "guess", "domain": "d"}]"#).unwrap_err();
    // Fields that are always printed may be null, never missing.
    let missing = serde_json::from_str::<Evaluation>(
        r#"{"result": "pass", "domain": "d", "sender": "s", "identity": "helo",
            "mechanism": null, "explanation_source": null, "problem": null,
            "dns_terms": 0, "void_lookups": 0}"#,
    )
    .unwrap_err();
    assert!(missing.to_string().contains("explanation"), "{missing}");

    serde_json::from_str::<Entry>(
        r#"{"code": "c", "severity": "info", "summary": "s", "explanation": "e", "fix": "f",
            "rfc": "r", "see_also": []}"#,
    )
    .unwrap_err();
}

#[test]
fn temp_dirs_are_unique_and_removed_on_drop_and_on_panic() {
    let (first, second) = (TempDir::new("selftest"), TempDir::new("selftest"));
    assert_ne!(first.path(), second.path());
    let file = first.write("sub/dir/file.txt", "x");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    let (first_path, second_path) = (first.path().to_path_buf(), second.path().to_path_buf());
    drop(first);
    assert!(!first_path.exists());
    assert!(second_path.is_dir());
    drop(second);
    assert!(!second_path.exists());

    let mut inside = PathBuf::new();
    panic_message(|| {
        let dir = TempDir::new("selftest-panic");
        inside = dir.write("file", "y");
        panic!("a failing test");
    });
    assert!(
        inside.starts_with(std::env::temp_dir()),
        "{}",
        inside.display()
    );
    assert!(!inside.exists() && !inside.parent().unwrap().exists());
}

/// How long a self-test waits for one line from the scripted server.
const WAIT: Duration = Duration::from_secs(5);

/// A line-by-line client of one connection to the scripted IMAP/POP3 server.
struct Client<S> {
    io: BufReader<S>,
}

impl Client<TcpStream> {
    async fn connect(server: &TestAccess) -> Self {
        let tcp = TcpStream::connect(("127.0.0.1", server.port()))
            .await
            .expect("connect to the test server");
        Client {
            io: BufReader::new(tcp),
        }
    }

    /// The TLS handshake with SNI [`MX_HOST`], trusting only `ca`.
    async fn tls(self, ca: &TestCa) -> Client<TlsStream<TcpStream>> {
        // Nothing may come between the yes to STARTTLS and the handshake.
        assert!(self.io.buffer().is_empty(), "bytes before the handshake");
        self.try_tls(ca).await.expect("the TLS handshake")
    }

    /// The TLS handshake, however it ends.
    async fn try_tls(self, ca: &TestCa) -> std::io::Result<Client<TlsStream<TcpStream>>> {
        let mut roots = rustls::RootCertStore::empty();
        roots.add(ca.certificate()).expect("the test CA");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        let name = ServerName::try_from(MX_HOST).expect("a server name");
        let tls = TlsConnector::from(Arc::new(config))
            .connect(name, self.io.into_inner())
            .await?;
        Ok(Client {
            io: BufReader::new(tls),
        })
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Client<S> {
    async fn send(&mut self, line: &str) {
        let io = self.io.get_mut();
        io.write_all(format!("{line}\r\n").as_bytes())
            .await
            .expect("send a line");
        io.flush().await.expect("send a line");
    }

    /// One line without its CRLF; `None` at the end of the connection.
    async fn line(&mut self) -> Option<String> {
        let mut line = String::new();
        let mut bounded = (&mut self.io).take(64 * 1024);
        let n = tokio::time::timeout(WAIT, bounded.read_line(&mut line))
            .await
            .expect("a line in time")
            .expect("a readable line");
        assert!(n == 0 || line.ends_with("\r\n"), "{line:?}");
        (n > 0).then(|| line.trim_end_matches("\r\n").to_string())
    }

    /// Lines up to and with the first that `last` accepts (at most 100).
    async fn until(&mut self, last: impl Fn(&str) -> bool) -> Vec<String> {
        let mut lines = Vec::new();
        while lines.len() < 100 {
            let line = self.line().await.expect("more lines");
            let done = last(&line);
            lines.push(line);
            if done {
                return lines;
            }
        }
        panic!("no end of the reply in {lines:?}")
    }
}

#[tokio::test]
async fn the_good_imap_server_echoes_tags_through_starttls_and_refuses_login() {
    let ca = TestCa::new("mailaudit test CA");
    let server = TestAccess::start(imap_personality("good", &ca));
    let mut c = Client::connect(&server).await;
    let greeting = c.line().await.expect("a greeting");
    assert!(
        greeting.starts_with("* OK [CAPABILITY IMAP4rev1 ")
            && greeting.contains(" STARTTLS LOGINDISABLED] "),
        "{greeting}"
    );
    c.send("x.1 CAPABILITY").await;
    let reply = c.until(|l| l.starts_with("x.1 ")).await;
    assert_eq!(reply.len(), 2, "{reply:?}");
    assert!(reply[0].starts_with("* CAPABILITY IMAP4rev1 "), "{reply:?}");
    assert!(reply[0].ends_with(" STARTTLS LOGINDISABLED"), "{reply:?}");
    assert!(!reply[0].contains("AUTH="), "{reply:?}");
    assert_eq!(reply[1], "x.1 OK CAPABILITY completed");
    c.send("x.2 STARTTLS").await;
    assert_eq!(
        c.line().await.as_deref(),
        Some("x.2 OK Begin TLS negotiation now")
    );

    let mut c = c.tls(&ca).await;
    c.send("A3 CAPABILITY").await;
    let reply = c.until(|l| l.starts_with("A3 ")).await;
    assert!(reply[0].ends_with(" AUTH=PLAIN"), "{reply:?}");
    assert!(!reply[0].contains("LOGINDISABLED") && !reply[0].contains("STARTTLS"));
    c.send("A4 LOGIN user secret").await;
    assert!(c.line().await.expect("a reply").starts_with("A4 NO "));
    c.send("A5 NOISE").await;
    assert!(c.line().await.expect("a reply").starts_with("A5 BAD "));
    c.send("A6 LOGOUT").await;
    let reply = c.until(|l| l.starts_with("A6 ")).await;
    assert!(reply[0].starts_with("* BYE "), "{reply:?}");
    assert_eq!(reply[1], "A6 OK LOGOUT completed");
    assert_eq!(
        c.line().await,
        None,
        "closed after LOGOUT, with close_notify"
    );

    assert_eq!(
        server.commands(),
        [
            "x.1 CAPABILITY",
            "x.2 STARTTLS",
            "A3 CAPABILITY",
            "A4 LOGIN user secret",
            "A5 NOISE",
            "A6 LOGOUT"
        ]
    );
    assert_eq!(server.server_names(), [Some(MX_HOST.to_string())]);
}

#[tokio::test]
async fn the_good_pop3_server_goes_through_stls_and_refuses_login() {
    let ca = TestCa::new("mailaudit test CA");
    let server = TestAccess::start(pop3_personality("good", &ca));
    let mut c = Client::connect(&server).await;
    assert!(c.line().await.expect("a greeting").starts_with("+OK "));
    c.send("CAPA").await;
    let capa = c.until(|l| l == ".").await;
    assert_eq!(capa[0], "+OK Capability list follows");
    assert!(capa.contains(&"STLS".to_string()), "{capa:?}");
    assert!(!capa.iter().any(|l| l == "USER" || l.starts_with("SASL")));
    c.send("STLS").await;
    assert_eq!(c.line().await.as_deref(), Some("+OK Begin TLS negotiation"));

    let mut c = c.tls(&ca).await;
    c.send("CAPA").await;
    let capa = c.until(|l| l == ".").await;
    assert!(capa.contains(&"USER".to_string()), "{capa:?}");
    assert!(capa.contains(&"SASL PLAIN".to_string()), "{capa:?}");
    assert!(!capa.contains(&"STLS".to_string()), "{capa:?}");
    c.send("USER someone").await;
    assert!(c.line().await.expect("a reply").starts_with("-ERR "));
    c.send("QUIT").await;
    assert!(c.line().await.expect("a reply").starts_with("+OK "));
    assert_eq!(c.line().await, None, "closed after QUIT");

    assert_eq!(
        server.commands(),
        ["CAPA", "STLS", "CAPA", "USER someone", "QUIT"]
    );
    assert_eq!(server.server_names(), [Some(MX_HOST.to_string())]);
}

#[tokio::test]
async fn implicit_tls_comes_before_the_greeting() {
    let ca = TestCa::new("mailaudit test CA");
    let server = TestAccess::start(imap_personality("implicit-tls", &ca));
    let mut c = Client::connect(&server).await.tls(&ca).await;
    let greeting = c.line().await.expect("a greeting");
    assert!(greeting.contains(" AUTH=PLAIN] "), "{greeting}");
    c.send("t LOGOUT").await;
    assert_eq!(c.until(|l| l.starts_with("t ")).await.len(), 2);
    assert_eq!(server.commands(), ["t LOGOUT"]);
}

#[tokio::test]
async fn a_flood_ends_when_its_client_leaves() {
    let ca = TestCa::new("mailaudit test CA");
    let server = TestAccess::start(pop3_personality("flood", &ca));
    let mut c = Client::connect(&server).await;
    c.line().await.expect("a greeting");
    c.send("CAPA").await;
    let mut flood = (&mut c.io).take(4 * 1024 * 1024);
    let mut sink = tokio::io::sink();
    let read = tokio::time::timeout(WAIT, tokio::io::copy(&mut flood, &mut sink));
    let bytes = read.await.expect("4 MiB in time").expect("readable");
    assert_eq!(bytes, 4 * 1024 * 1024);
    assert_eq!(server.open_sessions(), 1);
    drop(c);
    let start = Instant::now();
    while server.open_sessions() > 0 {
        assert!(
            start.elapsed() < WAIT,
            "the flood goes on without its client"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn drop_mid_dialogue_closes_in_the_middle_of_the_capabilities() {
    let ca = TestCa::new("mailaudit test CA");
    let server = TestAccess::start(imap_personality("drop-mid-dialogue", &ca));
    let mut c = Client::connect(&server).await;
    c.line().await.expect("a greeting");
    c.send("a1 CAPABILITY").await;
    assert!(
        c.line()
            .await
            .expect("half a reply")
            .starts_with("* CAPABILITY ")
    );
    assert_eq!(c.line().await, None, "no tagged completion, the end");
}

#[test]
fn every_named_access_personality_exists() {
    let ca = TestCa::new("mailaudit test CA");
    for name in ALL.iter().chain(HOSTILE) {
        let implicit = *name == "implicit-tls";
        for p in [imap_personality(name, &ca), pop3_personality(name, &ca)] {
            assert_eq!(p.implicit_tls, implicit, "{name}");
        }
        for p in [imap_implicit(name, &ca), pop3_implicit(name, &ca)] {
            assert_eq!(p.implicit_tls, *name != "plaintext-on-implicit", "{name}");
        }
    }
    for name in IMAP_ONLY {
        imap_personality(name, &ca);
    }
    let message = panic_message(|| {
        pop3_personality("preauth", &ca);
    });
    assert!(message.contains("\"preauth\""), "{message}");
}

#[tokio::test]
async fn every_hostile_personality_lets_go_when_its_client_leaves() {
    let ca = TestCa::new("mailaudit test CA");
    for (name, imap) in HOSTILE.iter().flat_map(|n| [(n, true), (n, false)]) {
        let p = if imap {
            imap_personality(name, &ca)
        } else {
            pop3_personality(name, &ca)
        };
        let server = TestAccess::start(p);
        let mut tcp = TcpStream::connect(("127.0.0.1", server.port()))
            .await
            .expect("connect");
        let lines: [&[u8]; 2] = if imap {
            [b"a1 CAPABILITY\r\n", b"a2 STARTTLS\r\n"]
        } else {
            [b"CAPA\r\n", b"STLS\r\n"]
        };
        let mut buf = vec![0u8; 64 * 1024];
        for line in lines {
            let _ = tcp.write_all(line).await;
            let _ = tokio::time::timeout(Duration::from_millis(50), tcp.read(&mut buf)).await;
        }
        drop(tcp);
        let start = Instant::now();
        while server.open_sessions() > 0 {
            assert!(start.elapsed() < WAIT, "{name} goes on without its client");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

#[tokio::test]
async fn the_certificate_and_tls_personalities_fail_handshakes_as_named() {
    let ca = TestCa::new("mailaudit test CA");
    let cases = [
        ("expiring-soon", ""),
        ("expired", "Expired"),
        ("wrong-name", "NotValidForName"),
        ("self-signed", "UnknownIssuer"),
        ("tls10-only", "ServerDoesNotSupportTls12Or13"),
        ("garbage-after-starttls", "InvalidContentType"),
        ("plaintext-on-implicit", "InvalidContentType"),
    ];
    for (name, error) in cases {
        let server = TestAccess::start(pop3_personality(name, &ca));
        let mut c = Client::connect(&server).await;
        if name != "plaintext-on-implicit" {
            c.line().await.expect("a greeting");
            c.send("STLS").await;
            assert!(c.line().await.expect("a reply").starts_with("+OK "));
        }
        let message = match c.try_tls(&ca).await {
            Ok(_) => String::new(),
            Err(e) => format!("{e:?}"),
        };
        assert!(message.contains(error), "{name}: {message:?}");
        assert_eq!(error.is_empty(), message.is_empty(), "{name}: {message:?}");
    }
}
