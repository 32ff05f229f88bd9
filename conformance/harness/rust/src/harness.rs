//! The corpus as cargo tests, through libtest-mimic (a `[[test]]` target with
//! `harness = false`): a test per fixture named by its id, of the kind of its fixture
//! file (`[required.EventKind.node_started] required.EventKind.node_started.minimal`),
//! then a summary test that lists the failures grouped by observed cause and fails the
//! run when a required or api fixture fails or the known-failures file is stale. A known
//! failure and an implementation-defined difference are ignored tests, with the cause as
//! the reason (the pytest plugin's xfail).
//! The usual arguments work: `cargo test --test conformance -- node_started`.

use libtest_mimic::{Arguments, Completion, Failed, Trial};

use crate::judge::{judge, FixtureResult, Judgement, Status};
use crate::{Options, Subject};

/// The summary test's kind and name.
pub const SUMMARY_KIND: &str = "jamjet-schema conformance";
pub const SUMMARY_NAME: &str = "summary: failures grouped by observed cause";

/// Judges the corpus with `subject` and reports it as cargo's tests, then exits with
/// libtest's status (101 when a test fails). Panics on a bad option or corpus.
pub fn run(subject: &dyn Subject, options: Options) -> ! {
    let args = Arguments::from_args();
    let judgement =
        judge(subject, &options).unwrap_or_else(|e| panic!("jamjet-schema-conformance: {e}"));
    let mut trials: Vec<Trial> = judgement.results.iter().map(trial).collect();
    trials.push(summary_trial(&judgement));
    let conclusion = libtest_mimic::run(&args, trials);
    // a passing run's summary (implementation-defined differences, skips) is shown after
    // libtest's; a failing one's is the summary test's failure message
    if judgement.ok && !args.list && !args.quiet {
        println!("{}\n", judgement.summary);
    }
    conclusion.exit()
}

fn trial(r: &FixtureResult) -> Trial {
    let (status, fatal, message) = (r.status, r.fatal, r.message.clone());
    Trial::ignorable_test(r.fixture.id.clone(), move || match status {
        Status::Passed => Ok(Completion::Completed),
        Status::Skipped => Ok(Completion::ignored_with(message)),
        // the first line: the cause, and the known-failures line or the tier
        Status::KnownFailure => Ok(Completion::ignored_with(first_line(&message))),
        Status::NowPasses => Err(Failed::from(message)),
        Status::Failed if fatal => Err(Failed::from(message)),
        // implementation-defined: reported (as the pytest plugin's xfail), never failing
        Status::Failed => Ok(Completion::ignored_with(first_line(&message))),
    })
    .with_kind(r.fixture.group.clone())
}

fn summary_trial(judgement: &Judgement) -> Trial {
    let (ok, summary) = (judgement.ok, judgement.summary.clone());
    Trial::test(SUMMARY_NAME, move || {
        if ok {
            Ok(())
        } else {
            Err(Failed::from(summary))
        }
    })
    .with_kind(SUMMARY_KIND)
}

fn first_line(text: &str) -> &str {
    text.split('\n').next().unwrap_or_default()
}
