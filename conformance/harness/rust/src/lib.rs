#![doc = include_str!("../README.md")]

mod causes;
mod corpus;
mod difference;
mod harness;
mod json;
mod judge;
mod known_failures;
mod summary;

use std::path::PathBuf;

pub use causes::Cause;
pub use corpus::{Fixture, Tier};
pub use harness::{run, SUMMARY_KIND, SUMMARY_NAME};
pub use judge::{agrees, judge, Answer, FixtureResult, Group, Judgement, Status};
pub use known_failures::KnownFailures;

/// How an accepted document is written back (conformance/protocol.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Form {
    /// `serde_json::to_string` of the value: the log's bytes.
    #[default]
    Log,
    /// As the runtime's HTTP API writes it: through `serde_json::Value`, members sorted.
    Api,
}

/// Your implementation, as the harness calls it.
pub trait Subject {
    /// Parse `input` as `type_name` (`Event`, `EventKind`, `ProvenanceMetadata`,
    /// `Events`, `EventsResponse`) and write it back in `form`: Ok(the output text), or
    /// Err(why it is rejected). A panic stops the run.
    fn answer(&self, type_name: &str, input: &str, form: Form) -> Result<String, String>;

    /// false: the fixtures of `type_name` are skipped (default: every type is supported).
    fn supports(&self, type_name: &str) -> bool {
        let _ = type_name;
        true
    }
}

/// What to run, and how to judge it.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A fixtures folder (default: `$JAMJET_SCHEMA_CORPUS`, else the corpus carried in
    /// this crate).
    pub corpus: Option<PathBuf>,
    /// Leave out the implementation-defined fixtures (which are reported, never failing).
    pub required_only: bool,
    /// A known-failures file (conformance/known-failures/README.md's format).
    pub known_failures: Option<PathBuf>,
    /// Judge the fixtures that serde_json release re-records (eras/) by its answers: "1.0.146".
    pub serde_json_era: Option<String>,
    /// Only the fixtures of these rules (conformance/README.md's vocabulary); empty: all.
    pub rules: Vec<String>,
    /// Only the fixtures whose id contains this.
    pub matching: Option<String>,
}

impl Options {
    pub fn corpus(mut self, dir: impl Into<PathBuf>) -> Self {
        self.corpus = Some(dir.into());
        self
    }

    pub fn required_only(mut self) -> Self {
        self.required_only = true;
        self
    }

    pub fn known_failures(mut self, file: impl Into<PathBuf>) -> Self {
        self.known_failures = Some(file.into());
        self
    }

    pub fn serde_json_era(mut self, version: impl Into<String>) -> Self {
        self.serde_json_era = Some(version.into());
        self
    }

    pub fn rules<R: Into<String>>(mut self, rules: impl IntoIterator<Item = R>) -> Self {
        self.rules = rules.into_iter().map(Into::into).collect();
        self
    }

    pub fn matching(mut self, id_part: impl Into<String>) -> Self {
        self.matching = Some(id_part.into());
        self
    }
}
