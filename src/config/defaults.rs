//! The config file's `[defaults]`: any global option by its long name, checked as the command
//! line checks it (clap's own parsers) and used only where the command line does not give it.

use clap::{Args, FromArgMatches};
use serde::Deserialize;
use toml::Spanned;

use crate::cli::GlobalArgs;

use super::located::ParseError;

/// `[defaults]`, as written; each key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Defaults {
    resolver: Option<Spanned<Vec<String>>>,
    zone: Option<Spanned<Vec<String>>>,
    timeout: Option<Spanned<f64>>,
    budget: Option<Spanned<f64>>,
    dns_concurrency: Option<Spanned<i64>>,
    qps: Option<Spanned<i64>>,
    format: Option<Spanned<String>>,
    color: Option<Spanned<String>>,
    fail_on: Option<Spanned<String>>,
    quiet: Option<Spanned<bool>>,
    ca_file: Option<Spanned<String>>,
}

/// One key: its clap id, its long name, where it is, and its values as command-line words.
struct Given {
    id: &'static str,
    long: &'static str,
    span: std::ops::Range<usize>,
    words: Vec<String>,
}

impl Defaults {
    fn keys(&self) -> Vec<Given> {
        fn one<T: ToString>(
            id: &'static str,
            long: &'static str,
            v: Option<&Spanned<T>>,
        ) -> Option<Given> {
            v.map(|v| Given {
                id,
                long,
                span: v.span(),
                words: vec![v.get_ref().to_string()],
            })
        }
        fn many(
            id: &'static str,
            long: &'static str,
            v: Option<&Spanned<Vec<String>>>,
        ) -> Option<Given> {
            v.map(|v| Given {
                id,
                long,
                span: v.span(),
                words: v.get_ref().clone(),
            })
        }
        let quiet = self.quiet.as_ref().map(|q| Given {
            id: "quiet",
            long: "quiet",
            span: q.span(),
            words: Vec::new(),
        });
        [
            many("resolver", "resolver", self.resolver.as_ref()),
            many("zone", "zone", self.zone.as_ref()),
            one("timeout", "timeout", self.timeout.as_ref()),
            one("budget", "budget", self.budget.as_ref()),
            one(
                "dns_concurrency",
                "dns-concurrency",
                self.dns_concurrency.as_ref(),
            ),
            one("qps", "qps", self.qps.as_ref()),
            one("format", "format", self.format.as_ref()),
            one("color", "color", self.color.as_ref()),
            one("fail_on", "fail-on", self.fail_on.as_ref()),
            quiet.filter(|_| self.quiet.as_ref().is_some_and(|q| *q.get_ref())),
            one("ca_file", "ca-file", self.ca_file.as_ref()),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Checks every key as the command line would, each on its own; and that `resolver` and
    /// `zone` are not both given.
    pub fn check(&self) -> Result<(), ParseError> {
        for key in self.keys() {
            parsed(&key)?;
        }
        if let (Some(_), Some(zone)) = (&self.resolver, &self.zone) {
            return Err(ParseError::at(
                zone.span(),
                "zone",
                "cannot be used with resolver",
            ));
        }
        Ok(())
    }

    /// Fills in `args` every option the command line did not give (`given`); those that
    /// conflict with one it gave (`zone` and `resolver`, `zone` and `qps`) are left out.
    pub fn apply(&self, args: &mut GlobalArgs, given: &std::collections::BTreeSet<String>) {
        let conflicts: &[(&str, &[&str])] = &[
            ("resolver", &["zone"]),
            ("qps", &["zone"]),
            ("zone", &["resolver", "qps"]),
        ];
        for key in self.keys() {
            let clash = conflicts
                .iter()
                .filter(|(id, _)| *id == key.id)
                .flat_map(|(_, others)| others.iter())
                .any(|o| given.contains(*o));
            if given.contains(key.id) || clash {
                continue;
            }
            // Checked when the file was read.
            let Ok(d) = parsed(&key) else { continue };
            copy(key.id, d, args);
        }
    }
}

/// The key's value parsed by clap, as `--LONG VALUE...` on the command line.
fn parsed(key: &Given) -> Result<GlobalArgs, ParseError> {
    let command = GlobalArgs::augment_args(clap::Command::new("mailaudit"))
        .no_binary_name(true)
        .color(clap::ColorChoice::Never);
    let flag = format!("--{}", key.long);
    let words: Vec<String> = if key.words.is_empty() {
        vec![flag]
    } else {
        key.words
            .iter()
            .flat_map(|w| [flag.clone(), w.clone()])
            .collect()
    };
    let bad = |e: clap::Error| {
        let text = e.render().to_string();
        let first = text.lines().next().unwrap_or("invalid value");
        let first = first.strip_prefix("error: ").unwrap_or(first);
        ParseError::at(key.span.clone(), key.long, first.to_string())
    };
    let matches = command.try_get_matches_from(words).map_err(bad)?;
    GlobalArgs::from_arg_matches(&matches).map_err(bad)
}

/// Takes option `id` from `from` into `to`.
fn copy(id: &str, from: GlobalArgs, to: &mut GlobalArgs) {
    match id {
        "resolver" => to.resolver = from.resolver,
        "zone" => to.zone = from.zone,
        "timeout" => to.timeout = from.timeout,
        "budget" => to.budget = from.budget,
        "dns_concurrency" => to.dns_concurrency = from.dns_concurrency,
        "qps" => to.qps = from.qps,
        "format" => to.format = from.format,
        "color" => to.color = from.color,
        "fail_on" => to.fail_on = from.fail_on,
        "quiet" => to.quiet = from.quiet,
        "ca_file" => to.ca_file = from.ca_file,
        _ => {}
    }
}
