//! Judging, as the reference runner (`jamjet_schema.conformance.runner`) does: a
//! fixture passes when the subject's verdict is serde's (output or error) and, when
//! accepted, its output is byte-identical; serde's error text is never compared.
//! Required and api fixtures fail the run; implementation-defined ones are reported,
//! never failing. A known failure that fails is expected; one that passes, or an id
//! naming no fixture, fails the run. With a serde_json era, the fixtures it re-records
//! are judged by its answers; without, failures that are exactly an era's answers are
//! grouped as that era.

use std::collections::{HashMap, HashSet};
use std::panic::{self, AssertUnwindSafe};

use crate::causes::{group_by_cause, Cause, Causes};
use crate::corpus::{self, Fixture, Tier};
use crate::known_failures::KnownFailures;
use crate::summary;
use crate::{Options, Subject};

/// What became of one fixture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Passed,
    Failed,
    /// Listed in the known-failures file, and failing: expected.
    KnownFailure,
    /// Listed in the known-failures file, but passing: the line must go.
    NowPasses,
    /// Of a type the subject does not support.
    Skipped,
}

/// The subject's answer to one fixture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Output(String),
    Error(String),
    Skipped(String),
}

/// One fixture judged.
#[derive(Clone, Debug)]
pub struct FixtureResult {
    /// The fixture, with the era's answer when the era option re-records it.
    pub fixture: Fixture,
    pub answer: Answer,
    pub status: Status,
    /// Fails the run: a required or api fixture failing, or a known failure passing.
    pub fatal: bool,
    /// What the subject did otherwise (failures and known failures).
    pub causes: Vec<Cause>,
    /// What its test shows: for a failure, the cause's title, then the fixture, both
    /// answers and where the outputs first differ.
    pub message: String,
}

/// Failures with one observed cause (or one serde_json era's answers).
#[derive(Clone, Debug)]
pub struct Group {
    pub tier: Tier,
    pub key: String,
    pub title: String,
    /// The serde_json release whose answers these are, for an era's group.
    pub era: Option<String>,
    pub fatal: bool,
    /// The fixtures, the example first.
    pub ids: Vec<String>,
    /// The rules of the fixtures, most first.
    pub rules: Vec<(String, usize)>,
}

/// A whole run, judged.
#[derive(Clone, Debug)]
pub struct Judgement {
    pub corpus: String,
    pub results: Vec<FixtureResult>,
    /// The failures, tier by tier (required, api, implementation-defined), most first.
    pub groups: Vec<Group>,
    pub known_failures: Option<KnownFailures>,
    /// Known-failures entries naming no fixture of the corpus.
    pub unknown_listed: Vec<String>,
    pub era: Option<String>,
    pub ok: bool,
    /// The report: the groups with counts and an example each, stale entries, the verdict.
    pub summary: String,
}

/// Runs every selected fixture through `subject` and judges it. Err: a bad option or
/// corpus (unreadable, an unknown era, a bad known-failures file).
pub fn judge(subject: &dyn Subject, options: &Options) -> Result<Judgement, String> {
    let chosen = options.corpus.clone().or_else(|| {
        std::env::var_os("JAMJET_SCHEMA_CORPUS")
            .filter(|v| !v.is_empty())
            .map(Into::into)
    });
    let corpus = match chosen {
        Some(dir) => corpus::from_dir(&dir)?,
        None => corpus::embedded()?,
    };
    let known = options
        .known_failures
        .as_deref()
        .map(KnownFailures::read)
        .transpose()?;
    let era = choose_era(&corpus.eras, options.serde_json_era.as_deref())?;
    let causes = Causes::new(&corpus.causes)?;
    let raw: Vec<FixtureResult> = corpus
        .fixtures
        .iter()
        .filter(|f| selected(f, options))
        .map(|f| era.and_then(|e| e.get(&f.id)).unwrap_or(f))
        .map(|f| judge_one(f.clone(), ask(subject, f), known.as_ref(), &causes))
        .collect();
    let others: Vec<_> = corpus
        .eras
        .iter()
        .filter(|(v, _)| Some(v) != options.serde_json_era.as_ref())
        .collect();
    let groups: Vec<Group> = Tier::ALL
        .into_iter()
        .flat_map(|t| tier_groups(t, &raw, &others))
        .collect();
    let group_of: HashMap<&str, &Group> = groups
        .iter()
        .flat_map(|g| g.ids.iter().map(move |id| (id.as_str(), g)))
        .collect();
    let results: Vec<FixtureResult> = raw
        .iter()
        .map(|r| FixtureResult {
            message: summary::printable(&message(
                r,
                group_of.get(r.fixture.id.as_str()).copied(),
                known.as_ref(),
            )),
            ..r.clone()
        })
        .collect();
    let ids: HashSet<&str> = corpus.fixtures.iter().map(|f| f.id.as_str()).collect();
    let mut unknown_listed: Vec<String> = known
        .iter()
        .flat_map(|k| k.lines.keys())
        .filter(|id| !ids.contains(id.as_str()))
        .cloned()
        .collect();
    unknown_listed.sort_by_key(|id| known.as_ref().map(|k| k.lines[id]));
    let ok = unknown_listed.is_empty() && !results.iter().any(|r| r.fatal);
    let mut judgement = Judgement {
        corpus: corpus.root,
        results,
        groups,
        known_failures: known,
        unknown_listed,
        era: options.serde_json_era.clone(),
        ok,
        summary: String::new(),
    };
    judgement.summary = summary::summarize(&judgement);
    Ok(judgement)
}

type Era = HashMap<String, Fixture>;

fn choose_era<'a>(
    eras: &'a [(String, Era)],
    version: Option<&str>,
) -> Result<Option<&'a Era>, String> {
    let Some(version) = version else {
        return Ok(None);
    };
    match eras.iter().find(|(v, _)| v == version) {
        Some((_, era)) => Ok(Some(era)),
        None => {
            let known: Vec<&str> = eras.iter().map(|(v, _)| v.as_str()).collect();
            let known = if known.is_empty() {
                "none".to_owned()
            } else {
                known.join(", ")
            };
            Err(format!(
                "the corpus records no serde_json era {version} (it has: {known})"
            ))
        }
    }
}

fn selected(f: &Fixture, options: &Options) -> bool {
    // evolution fixtures are answers of an older release's reader: not for a current subject
    let tier = match f.tier {
        Tier::Evolution => false,
        Tier::ImplementationDefined => !options.required_only,
        Tier::Required | Tier::Api => true,
    };
    let rule = options.rules.is_empty() || options.rules.contains(&f.rule);
    tier && rule && options.matching.as_deref().is_none_or(|m| f.id.contains(m))
}

fn ask(subject: &dyn Subject, f: &Fixture) -> Answer {
    if !subject.supports(&f.type_name) {
        return Answer::Skipped(format!("the subject does not support {}", f.type_name));
    }
    // A panic is no verdict: the run cannot go on, as a testee that crashes ends the
    // reference runner's; say which fixture it was, then let it unwind.
    match panic::catch_unwind(AssertUnwindSafe(|| {
        subject.answer(&f.type_name, &f.input, f.form)
    })) {
        Ok(Ok(text)) => Answer::Output(text),
        Ok(Err(error)) => Answer::Error(error),
        Err(payload) => {
            eprintln!(
                "jamjet-schema-conformance: the subject panicked on {} (type {}, input {:?})",
                f.id, f.type_name, f.input
            );
            panic::resume_unwind(payload)
        }
    }
}

/// The subject's answer is serde's: the verdict, and the bytes when accepted.
pub fn agrees(f: &Fixture, answer: &Answer) -> bool {
    match (&f.output, answer) {
        (None, Answer::Error(_)) => true,
        (Some(expected), Answer::Output(text)) => text == expected,
        _ => false,
    }
}

fn judge_one(
    fixture: Fixture,
    answer: Answer,
    known: Option<&KnownFailures>,
    causes: &Causes,
) -> FixtureResult {
    let listed = known.is_some_and(|k| k.lines.contains_key(&fixture.id));
    let status = match (&answer, agrees(&fixture, &answer), listed) {
        (Answer::Skipped(_), _, _) => Status::Skipped,
        (_, true, false) => Status::Passed,
        (_, true, true) => Status::NowPasses,
        (_, false, false) => Status::Failed,
        (_, false, true) => Status::KnownFailure,
    };
    let fatal = (status == Status::Failed && fixture.tier != Tier::ImplementationDefined)
        || status == Status::NowPasses;
    let failing = matches!(status, Status::Failed | Status::KnownFailure);
    FixtureResult {
        causes: if failing {
            causes_of(&fixture, &answer, causes)
        } else {
            Vec::new()
        },
        fixture,
        answer,
        status,
        fatal,
        message: String::new(),
    }
}

fn causes_of(f: &Fixture, answer: &Answer, causes: &Causes) -> Vec<Cause> {
    match (&f.output, answer) {
        (None, _) => vec![causes.accepted(f.serde_error.as_deref().unwrap_or_default(), &f.rule)],
        (Some(expected), Answer::Output(text)) => causes.written(expected, text),
        (Some(_), Answer::Error(text) | Answer::Skipped(text)) => {
            vec![causes.rejected(text, &f.rule)]
        }
    }
}

/// The failures of `tier`: an era's answers grouped by era, the rest by cause.
fn tier_groups(tier: Tier, results: &[FixtureResult], eras: &[&(String, Era)]) -> Vec<Group> {
    let failed: Vec<&FixtureResult> = results
        .iter()
        .filter(|r| r.status == Status::Failed && r.fixture.tier == tier)
        .collect();
    let era_of = |r: &FixtureResult| {
        eras.iter()
            .filter(|(_, answers)| {
                answers
                    .get(&r.fixture.id)
                    .is_some_and(|then| agrees(then, &r.answer))
            })
            .map(|(v, _)| v.clone())
            .next_back()
    };
    let mut by_era: Vec<(String, Vec<&FixtureResult>)> = Vec::new();
    let mut rest = Vec::new();
    for r in failed {
        match era_of(r) {
            Some(v) => match by_era.iter_mut().find(|(w, _)| *w == v) {
                Some((_, rs)) => rs.push(r),
                None => by_era.push((v, vec![r])),
            },
            None => rest.push((r, r.causes.clone())),
        }
    }
    let mut groups: Vec<Group> = by_era
        .into_iter()
        .map(|(v, rs)| {
            let title = format!("writes floats as serde_json {v} does");
            group(
                tier,
                Cause {
                    key: format!("era:{v}"),
                    title,
                },
                &rs,
                Some(v),
            )
        })
        .collect();
    groups.extend(
        group_by_cause(&rest)
            .into_iter()
            .map(|(cause, rs)| group(tier, cause, &rs, None)),
    );
    groups.sort_by_key(|g| std::cmp::Reverse(g.ids.len())); // stable: eras first among equals
    groups
}

fn group(tier: Tier, cause: Cause, results: &[&FixtureResult], era: Option<String>) -> Group {
    let mut rules: Vec<(String, usize)> = Vec::new();
    for r in results {
        match rules.iter_mut().find(|(rule, _)| *rule == r.fixture.rule) {
            Some((_, n)) => *n += 1,
            None => rules.push((r.fixture.rule.clone(), 1)),
        }
    }
    rules.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    Group {
        tier,
        key: cause.key,
        title: cause.title,
        era,
        fatal: tier != Tier::ImplementationDefined,
        ids: results.iter().map(|r| r.fixture.id.clone()).collect(),
        rules,
    }
}

fn message(r: &FixtureResult, group: Option<&Group>, known: Option<&KnownFailures>) -> String {
    let line = || {
        let k = known.expect("a listed fixture has a known-failures file");
        format!(
            "{}:{}",
            k.path,
            k.lines.get(&r.fixture.id).copied().unwrap_or_default()
        )
    };
    match r.status {
        Status::Passed => "agrees with serde".into(),
        Status::Skipped => match &r.answer {
            Answer::Skipped(why) => why.clone(),
            _ => String::new(),
        },
        Status::NowPasses => format!(
            "listed as a known failure ({}), but passes: remove the line",
            line()
        ),
        Status::KnownFailure => {
            let titles: Vec<&str> = r.causes.iter().map(|c| c.title.as_str()).collect();
            format!(
                "known failure ({}): {}\n{}",
                line(),
                titles.join("; "),
                summary::describe(r)
            )
        }
        Status::Failed => {
            let head = if r.fixture.tier == Tier::ImplementationDefined {
                "implementation-defined, never failing the run: "
            } else {
                ""
            };
            let (title, key) = group.map_or(("", ""), |g| (g.title.as_str(), g.key.as_str()));
            format!("{head}{title} [{key}]\n{}", summary::describe(r))
        }
    }
}
