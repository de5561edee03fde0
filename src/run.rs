//! Runs one command: builds the configuration, asks the protocol modules, and renders their
//! report. Returns the text for stdout and the exit status; `main` writes it.

use crate::cli::{Cli, Command, Format, LintCommand, SpfCommand, SpfEvalArgs};
use crate::config::Config;
use crate::dns::Txt;
use crate::finding::Finding;
use crate::lint::Code;
use crate::render::{self, text::Style};
use crate::spf;

/// Exit statuses (DESIGN.md "Output and exit status").
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

/// What a completed command prints and how it exits.
#[derive(Debug)]
pub struct Outcome {
    pub stdout: String,
    pub status: u8,
}

/// Runs `cli`. An `Err` is a one-line message for stderr, and exit status 2.
pub fn run(cli: Cli) -> Result<Outcome, String> {
    let config = Config::from_args(&cli.global);
    colored::control::set_override(config.color);
    let style = Style {
        quiet: config.quiet,
    };
    match cli.command {
        Command::Explain(args) => explain(args.code.as_deref(), config.format),
        Command::Completions(args) => Ok(Outcome {
            stdout: crate::docs::completion(args.shell),
            status: EXIT_OK,
        }),
        Command::GenerateDocs(args) => {
            crate::docs::generate(&args.dir)?;
            Ok(Outcome {
                stdout: String::new(),
                status: EXIT_OK,
            })
        }
        Command::Spf(args) => match (args.command, args.domain) {
            (Some(SpfCommand::Eval(args)), _) => block_on(spf_eval(&config, args)),
            (None, Some(domain)) => {
                let domain = crate::dns::name::normalize_domain(&domain)?;
                block_on(async {
                    let dns = config.resolver()?;
                    let report = spf::audit::audit_domain(&dns, &domain).await;
                    Ok(findings_outcome(
                        &config,
                        &report.findings,
                        render::render(&report, config.format, |r| render::spf::report(r, style)),
                    ))
                })
            }
            (None, None) => Err("spf needs a DOMAIN (or `spf eval`)".to_string()),
        },
        Command::Lint(LintCommand::Spf(args)) => {
            let txt = record_strings(&args.record);
            block_on(async {
                let dns = if args.resolve {
                    Some(config.resolver()?)
                } else {
                    None
                };
                let report = spf::audit::audit_text(dns.as_ref(), "record", txt).await;
                Ok(findings_outcome(
                    &config,
                    &report.findings,
                    render::render(&report, config.format, |r| render::spf::report(r, style)),
                ))
            })
        }
    }
}

/// `spf eval`: exit 0 whatever the SPF result, since the evaluation itself succeeded.
async fn spf_eval(config: &Config, args: SpfEvalArgs) -> Result<Outcome, String> {
    if args.mail_from.as_deref() == Some("") && args.helo.is_none() {
        return Err(
            "the null sender (--mail-from \"\") is checked as postmaster@HELO: give --helo".into(),
        );
    }
    let dns = config.resolver()?;
    let request = spf::eval::EvalRequest {
        ip: args.ip,
        mail_from: args.mail_from,
        helo: args.helo,
        receiver: args.receiver,
        now: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    let mut evaluation = spf::eval::check_host(&dns, &request).await;
    if !args.trace {
        evaluation.trace.clear();
    }
    let ip = args.ip.to_string();
    Ok(Outcome {
        stdout: render::render(&evaluation, config.format, |e| {
            render::eval::evaluation(e, &ip)
        }),
        status: EXIT_OK,
    })
}

fn block_on<F: std::future::Future<Output = Result<Outcome, String>>>(
    f: F,
) -> Result<Outcome, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?
        .block_on(f)
}

/// Exit 1 when a finding is at or above `--fail-on`.
fn findings_outcome(config: &Config, findings: &[Finding], stdout: String) -> Outcome {
    let fails = findings.iter().any(|f| config.fails(f.severity));
    Outcome {
        stdout,
        status: if fails { EXIT_FINDINGS } else { EXIT_OK },
    }
}

fn explain(code: Option<&str>, format: Format) -> Result<Outcome, String> {
    let stdout = match code {
        Some(name) => {
            let code = Code::from_name(name).ok_or_else(|| {
                format!("unknown finding code {name:?}; `mailaudit explain` lists them all")
            })?;
            render::render(code.entry(), format, render::explain::entry)
        }
        None => {
            let entries: Vec<_> = Code::ALL.iter().map(|c| c.entry()).collect();
            render::render(&entries, format, |e| render::explain::list(e))
        }
    };
    Ok(Outcome {
        stdout,
        status: EXIT_OK,
    })
}

/// A record typed on the command line: plain text, or zone-file style quoted strings
/// (`"v=spf1 ..." "... -all"`), which keeps the split for linting.
fn record_strings(input: &str) -> Txt {
    let trimmed = input.trim();
    if !trimmed.starts_with('"') {
        return Txt {
            strings: vec![trimmed.as_bytes().to_vec()],
        };
    }
    let mut strings = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut escaped = false;
    for b in trimmed.bytes() {
        match (&mut current, b) {
            (Some(s), _) if escaped => {
                s.push(b);
                escaped = false;
            }
            (Some(_), b'\\') => escaped = true,
            (Some(_), b'"') => strings.extend(current.take()),
            (Some(s), _) => s.push(b),
            (None, b'"') => current = Some(Vec::new()),
            (None, _) => {}
        }
    }
    strings.extend(current);
    Txt { strings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_strings() {
        let t = record_strings(r#""v=spf1 a" "-all \"x\"""#);
        assert_eq!(
            t.strings,
            vec![b"v=spf1 a".to_vec(), b"-all \"x\"".to_vec()]
        );
        assert_eq!(
            record_strings("v=spf1 -all").strings,
            vec![b"v=spf1 -all".to_vec()]
        );
    }
}
