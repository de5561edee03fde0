//! DKIM key rotation (RFC 6376 §3.1: selectors exist so keys can be replaced): publish a new key
//! under a new selector, switch the signer, keep the old record for an overlap, then revoke it
//! with an empty `p=`. `state` is the YAML state file and its atomic write, `lock` keeps runs
//! from overlapping, `file` opens their files safely, `shape` refuses what a YAML parser would
//! choke on before it parses, `session` is one run (open, lock, save, what a step records); `plan`
//! decides, from the state, the date and what DNS shows, what is due. All are pure of the
//! command line.

pub mod file;
pub mod lock;
pub mod plan;
pub mod report;
mod selector;
pub mod session;
pub mod shape;
pub mod state;

pub use plan::{Due, DueKind, Observation, Unrecorded, due};
pub use report::{
    DomainStatus, KeyView, RotateReport, RotatedKey, SignerChange, StatusReport, Step,
};
pub use selector::next_selector;
pub use session::{OpenError, Policy, Rotation, revocation_record};
pub use state::{DomainState, ExecRecord, KeyEntry, KeyStatus, RotationState, StateError};
