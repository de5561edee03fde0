//! Shards of a domain list (`--shard I/N`, `--shard auto`, `--shards N`): entry I of every N, so
//! that machines split a list with no coordination; with `auto` the index (and the count, where
//! the engine says it) comes from the job engine's environment — a Kubernetes Indexed Job, a
//! Slurm job array, an AWS Batch or a Google Cloud Batch array job.

use std::fmt;
use std::str::FromStr;

use crate::sanitize::quoted;

/// `--shard I/N`: of the input entries (numbered from 0), those whose number is I modulo N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Whether entry `number` (from 0, counting every domain line) belongs to this shard.
    pub fn takes(self, number: u64) -> bool {
        number % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let parse = |part: Option<&str>| part.and_then(|p| p.trim().parse::<u64>().ok());
        let mut parts = s.splitn(2, '/');
        match (parse(parts.next()), parse(parts.next())) {
            (Some(index), Some(count)) if count > 0 && index < count => Ok(Self { index, count }),
            _ => Err(format!(
                "{} is not I/N with 0 <= I < N (e.g. 0/4 for the first of four shards), nor auto",
                quoted(s)
            )),
        }
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// What `--shard` says: a shard, or `auto` (from the job engine's environment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardArg {
    Given(Shard),
    Auto,
}

impl FromStr for ShardArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if s.trim().eq_ignore_ascii_case("auto") {
            Ok(Self::Auto)
        } else {
            s.parse().map(Self::Given)
        }
    }
}

/// The shard a run takes and, for `--shard auto`, where its two numbers came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub shard: Shard,
    /// The variable the index was read from; `None` for `--shard I/N`.
    pub index_from: Option<&'static str>,
    /// The variable the count was read from, or `--shards`; `None` for `--shard I/N`.
    pub count_from: Option<&'static str>,
}

impl fmt::Display for Resolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "shard {}", self.shard)?;
        if let (Some(index), Some(count)) = (self.index_from, self.count_from) {
            write!(f, " (index from {index}, count from {count})")?;
        }
        Ok(())
    }
}

/// A job engine's variables: the index (from `min`, in steps of `step`) and the count.
struct Engine {
    index: &'static str,
    min: Option<&'static str>,
    step: Option<&'static str>,
    count: Option<&'static str>,
}

/// The engines `--shard auto` knows, with the variables each sets in every task's environment.
const ENGINES: [Engine; 4] = [
    // Kubernetes Indexed Job: the count is the Job's `completions`, not in the environment.
    Engine {
        index: "JOB_COMPLETION_INDEX",
        min: None,
        step: None,
        count: None,
    },
    // Slurm job array (`--array=MIN-MAX[:STEP]`): task IDs run from MIN in steps of STEP.
    Engine {
        index: "SLURM_ARRAY_TASK_ID",
        min: Some("SLURM_ARRAY_TASK_MIN"),
        step: Some("SLURM_ARRAY_TASK_STEP"),
        count: Some("SLURM_ARRAY_TASK_COUNT"),
    },
    // AWS Batch array job: the size is not in the environment.
    Engine {
        index: "AWS_BATCH_JOB_ARRAY_INDEX",
        min: None,
        step: None,
        count: None,
    },
    // Google Cloud Batch.
    Engine {
        index: "BATCH_TASK_INDEX",
        min: None,
        step: None,
        count: Some("BATCH_TASK_COUNT"),
    },
];

/// Every variable `--shard auto` reads (for tests that must clear them all).
pub fn engine_variables() -> Vec<&'static str> {
    ENGINES
        .iter()
        .flat_map(|e| [Some(e.index), e.min, e.step, e.count])
        .flatten()
        .collect()
}

/// Why `--shard`/`--shards` cannot name a shard; one line, values quoted and escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ShardError(String);

/// The shard of `--shard` and `--shards`, reading the environment through `env` for `auto`.
/// `None` without `--shard`: the whole list.
pub fn resolve(
    shard: Option<ShardArg>,
    shards: Option<u64>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Option<Resolved>, ShardError> {
    match (shard, shards) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(ShardError(
            "--shards N is the count for --shard auto; give --shard auto too".into(),
        )),
        (Some(ShardArg::Given(_)), Some(_)) => Err(ShardError(
            "--shards goes with --shard auto only: --shard I/N says the count already".into(),
        )),
        (Some(ShardArg::Given(shard)), None) => Ok(Some(Resolved {
            shard,
            index_from: None,
            count_from: None,
        })),
        (Some(ShardArg::Auto), shards) => auto(shards, &env).map(Some),
    }
}

/// `--shard auto`: the one engine whose index is set, its count or `--shards`.
fn auto(
    shards: Option<u64>,
    env: &impl Fn(&str) -> Option<String>,
) -> Result<Resolved, ShardError> {
    let mut set = ENGINES.iter().filter(|e| env(e.index).is_some());
    let engine = match (set.next(), set.next()) {
        (Some(engine), None) => engine,
        (Some(one), Some(other)) => {
            return Err(ShardError(format!(
                "--shard auto: both {} and {} are set, so the job engine is not clear; unset one \
                 or give --shard I/N",
                one.index, other.index
            )));
        }
        (None, _) => {
            return Err(ShardError(format!(
                "--shard auto: no job engine's index is set ({}); give --shard I/N outside a job \
                 array",
                ENGINES.map(|e| e.index).join(", ")
            )));
        }
    };
    let index = index(engine, env)?;
    let from_engine = engine
        .count
        .and_then(|name| env(name).map(|value| (name, value)));
    let (count, count_from) = match (from_engine, shards) {
        (Some((name, value)), shards) => {
            let count = number(name, &value)?;
            if let Some(shards) = shards.filter(|&s| s != count) {
                return Err(ShardError(format!(
                    "--shard auto: {name} says {count} shards but --shards says {shards}"
                )));
            }
            (count, name)
        }
        (None, Some(shards)) => (shards, "--shards"),
        (None, None) => {
            return Err(ShardError(format!(
                "--shard auto: {} gives the index but not the number of shards; give it with \
                 --shards N",
                engine.index
            )));
        }
    };
    if index >= count {
        return Err(ShardError(format!(
            "--shard auto: index {index} (from {}) is not below the count {count} (from \
             {count_from})",
            engine.index
        )));
    }
    Ok(Resolved {
        shard: Shard { index, count },
        index_from: Some(engine.index),
        count_from: Some(count_from),
    })
}

/// The engine's index from 0: its variable, less the first (Slurm's MIN), over the step.
fn index(engine: &Engine, env: &impl Fn(&str) -> Option<String>) -> Result<u64, ShardError> {
    let read = |name: &'static str| env(name).map(|v| number(name, &v)).transpose();
    let id = read(engine.index)?.unwrap_or_default();
    let Some(min_name) = engine.min else {
        return Ok(id);
    };
    let min = read(min_name)?.ok_or_else(|| {
        ShardError(format!(
            "--shard auto: {} is set but {min_name} is not",
            engine.index
        ))
    })?;
    let step = match engine.step {
        Some(name) => read(name)?.unwrap_or(1),
        None => 1,
    };
    let offset = id.checked_sub(min).filter(|o| step > 0 && o % step == 0);
    offset.map(|o| o / step).ok_or_else(|| {
        ShardError(format!(
            "--shard auto: {} {id} is not {min_name} {min} plus a multiple of the step {step}",
            engine.index
        ))
    })
}

/// A variable's value as a number, or why not.
fn number(name: &str, value: &str) -> Result<u64, ShardError> {
    let digits = value.trim();
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = digits.parse()
    {
        return Ok(n);
    }
    Err(ShardError(format!(
        "--shard auto: {name} is {}, not a number",
        quoted(value)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    fn auto(shards: Option<u64>, vars: &[(&str, &str)]) -> Result<Resolved, ShardError> {
        resolve(Some(ShardArg::Auto), shards, with(vars)).map(|r| r.expect("a shard"))
    }

    fn shard(index: u64, count: u64) -> Shard {
        Shard { index, count }
    }

    #[test]
    fn shards_split_a_list_without_overlap() {
        let shards: Vec<Shard> = ["0/3", "1/3", "2/3"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        for number in 0..30 {
            assert_eq!(shards.iter().filter(|s| s.takes(number)).count(), 1);
        }
        for bad in ["3/3", "1/0", "x/2", "1", "-1/2", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        assert_eq!("auto".parse::<ShardArg>(), Ok(ShardArg::Auto));
        assert_eq!("1/4".parse::<ShardArg>(), Ok(ShardArg::Given(shard(1, 4))));
    }

    #[test]
    fn each_engine_gives_the_index_and_where_it_says_so_the_count() {
        let k8s = auto(Some(16), &[("JOB_COMPLETION_INDEX", "3")]).unwrap();
        assert_eq!(k8s.shard, shard(3, 16));
        assert_eq!(
            k8s.to_string(),
            "shard 3/16 (index from JOB_COMPLETION_INDEX, count from --shards)"
        );
        let slurm = [
            ("SLURM_ARRAY_TASK_ID", "4"),
            ("SLURM_ARRAY_TASK_MIN", "1"),
            ("SLURM_ARRAY_TASK_COUNT", "8"),
        ];
        let resolved = auto(None, &slurm).unwrap();
        assert_eq!(resolved.shard, shard(3, 8));
        assert_eq!(
            resolved.to_string(),
            "shard 3/8 (index from SLURM_ARRAY_TASK_ID, count from SLURM_ARRAY_TASK_COUNT)"
        );
        assert_eq!(auto(Some(8), &slurm).unwrap().shard, shard(3, 8));
        let stepped = [
            ("SLURM_ARRAY_TASK_ID", "12"),
            ("SLURM_ARRAY_TASK_MIN", "0"),
            ("SLURM_ARRAY_TASK_STEP", "4"),
            ("SLURM_ARRAY_TASK_COUNT", "4"),
        ];
        assert_eq!(auto(None, &stepped).unwrap().shard, shard(3, 4));
        let aws = auto(Some(5), &[("AWS_BATCH_JOB_ARRAY_INDEX", "0")]).unwrap();
        assert_eq!(aws.shard, shard(0, 5));
        let google = [("BATCH_TASK_INDEX", "2"), ("BATCH_TASK_COUNT", "3")];
        let resolved = auto(None, &google).unwrap();
        assert_eq!(resolved.shard, shard(2, 3));
        assert_eq!(resolved.count_from, Some("BATCH_TASK_COUNT"));
    }

    #[test]
    fn what_cannot_name_a_shard_is_a_one_line_error() {
        type Case<'a> = (Option<u64>, &'a [(&'a str, &'a str)], &'a str);
        let cases: [Case; 9] = [
            (Some(4), &[], "no job engine's index is set"),
            (
                None,
                &[("JOB_COMPLETION_INDEX", "1")],
                "give it with --shards N",
            ),
            (
                Some(4),
                &[("JOB_COMPLETION_INDEX", "x1")],
                "\"x1\", not a number",
            ),
            (Some(4), &[("JOB_COMPLETION_INDEX", "4")], "index 4"),
            (
                Some(2),
                &[("BATCH_TASK_INDEX", "0"), ("BATCH_TASK_COUNT", "3")],
                "says 3",
            ),
            (
                Some(2),
                &[("BATCH_TASK_INDEX", "0"), ("BATCH_TASK_COUNT", "")],
                "not a number",
            ),
            (
                None,
                &[("SLURM_ARRAY_TASK_ID", "2")],
                "SLURM_ARRAY_TASK_MIN is not",
            ),
            (
                None,
                &[
                    ("SLURM_ARRAY_TASK_ID", "1"),
                    ("SLURM_ARRAY_TASK_MIN", "2"),
                    ("SLURM_ARRAY_TASK_COUNT", "2"),
                ],
                "not SLURM_ARRAY_TASK_MIN 2 plus",
            ),
            (
                Some(4),
                &[("JOB_COMPLETION_INDEX", "1"), ("BATCH_TASK_INDEX", "1")],
                "both JOB_COMPLETION_INDEX and BATCH_TASK_INDEX",
            ),
        ];
        for (shards, vars, expected) in cases {
            let error = auto(shards, vars).unwrap_err().to_string();
            assert!(error.contains(expected), "{vars:?}: {error}");
            assert!(!error.contains('\n'), "{error}");
        }
        let escaped = auto(Some(4), &[("JOB_COMPLETION_INDEX", "\x1b[2J")]).unwrap_err();
        assert!(escaped.to_string().contains("\\x1b[2J"), "{escaped}");
        let given = Some(ShardArg::Given(shard(0, 2)));
        assert!(resolve(given, Some(2), with(&[])).is_err());
        assert!(resolve(None, Some(2), with(&[])).is_err());
        assert_eq!(resolve(None, None, with(&[])), Ok(None));
        let resolved = resolve(given, None, with(&[])).unwrap().unwrap();
        assert_eq!(resolved.to_string(), "shard 0/2");
    }
}
