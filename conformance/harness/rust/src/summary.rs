//! The texts people read: one fixture in full (a failing test's message), and the
//! summary of a run, its failures grouped by observed cause as the reference runner
//! prints them (tier by tier, most fixtures first, an example each).

use crate::corpus::Tier;
use crate::difference::{differing_character, first_difference};
use crate::judge::{Answer, FixtureResult, Group, Judgement, Status};
use crate::Form;

const CLIP: usize = 300; // characters of an input or output shown
const RULES_SHOWN: usize = 5;

/// One fixture in full: what it pins, the input, both answers, where the outputs first differ.
pub fn describe(r: &FixtureResult) -> String {
    let f = &r.fixture;
    let (expected_verdict, expected) = match (&f.output, &f.serde_error) {
        (Some(output), _) => ("output", output.as_str()),
        (None, error) => ("error", error.as_deref().unwrap_or_default()),
    };
    let (verdict, actual) = match &r.answer {
        Answer::Output(text) => ("output", text.as_str()),
        Answer::Error(text) => ("error", text.as_str()),
        Answer::Skipped(text) => ("skipped", text.as_str()),
    };
    let both = f.output.is_some() && verdict == "output";
    let at = if both {
        differing_character(expected, actual)
    } else {
        0
    };
    let form = if f.form == Form::Api {
        " | form api"
    } else {
        ""
    };
    let mut lines = vec![
        format!("{}: {}", f.id, f.description),
        format!(
            "  rule {} | class {} | type {}{form} | {}",
            f.rule, f.class, f.type_name, f.file
        ),
        format!("  -> {}", problem(r)),
        format!("  input     {}", clip(&f.input, 0)),
        format!("  expected  {expected_verdict:<7}{}", clip(expected, at)),
        format!("  actual    {verdict:<7}{}", clip(actual, at)),
    ];
    if both {
        lines.push(format!("  {}", first_difference(expected, actual)));
    }
    lines.join("\n")
}

fn problem(r: &FixtureResult) -> &'static str {
    match (&r.fixture.output, &r.answer) {
        (_, Answer::Skipped(_)) => "skipped by the subject",
        (None, _) => "accepted; serde rejects it",
        (Some(_), Answer::Error(_)) => "rejected; serde accepts it",
        (Some(_), Answer::Output(_)) => "accepted, but the output differs",
    }
}

/// `value` cut to about CLIP characters, keeping character `around` in view, on one line.
fn clip(value: &str, around: usize) -> String {
    let count = value.chars().count();
    if count <= CLIP {
        return one_line(value);
    }
    let start = around.saturating_sub(CLIP / 3).min(count - CLIP);
    let shown: String = value.chars().skip(start).take(CLIP).collect();
    let head = if start > 0 {
        format!("[...{start} chars] ")
    } else {
        String::new()
    };
    let rest = count - start - CLIP;
    let tail = if rest > 0 {
        format!(" [...{rest} more chars]")
    } else {
        String::new()
    };
    format!("{head}{}{tail}", one_line(&shown))
}

/// `text` with control characters (but tab and line breaks) and U+FFFE, U+FFFF as
/// \uXXXX escapes: safe to print, and to put in a JUnit report's XML.
pub fn printable(text: &str) -> String {
    escape(
        text,
        |c| matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\x7f' | '\u{fffe}' | '\u{ffff}'),
    )
}

/// A text shown on one line: `printable`, and tabs and line breaks escaped too.
fn one_line(text: &str) -> String {
    escape(text, |c| {
        c.is_ascii_control() || matches!(c, '\u{fffe}' | '\u{ffff}')
    })
}

fn escape(text: &str, unprintable: impl Fn(char) -> bool) -> String {
    text.chars()
        .map(|c| {
            if unprintable(c) {
                format!("\\u{:04x}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The run's report: every tier's failures by cause, known failures, stale entries, the verdict.
pub fn summarize(j: &Judgement) -> String {
    let mut parts = Vec::new();
    if let Some(era) = &j.era {
        parts.push(format!(
            "serde_json era {era}: the fixtures it re-records expect its bytes"
        ));
    }
    for tier in Tier::ALL {
        let groups: Vec<&Group> = j.groups.iter().filter(|g| g.tier == tier).collect();
        if !groups.is_empty() {
            parts.push(section(tier, &groups));
        }
    }
    let count = |status: Status| j.results.iter().filter(|r| r.status == status).count();
    if count(Status::Skipped) > 0 {
        parts.push(format!(
            "SKIPPED: {} of types the subject does not support",
            fixtures(count(Status::Skipped))
        ));
    }
    if let (n @ 1.., Some(known)) = (count(Status::KnownFailure), &j.known_failures) {
        parts.push(format!(
            "KNOWN FAILURES: {n} listed in {} still fail",
            known.path
        ));
    }
    if let Some(stale) = stale(j) {
        parts.push(stale);
    }
    parts.push(verdict(j));
    printable(&parts.join("\n\n"))
}

fn section(tier: Tier, groups: &[&Group]) -> String {
    let n: usize = groups.iter().map(|g| g.ids.len()).sum();
    let plural = if groups.len() == 1 { "" } else { "s" };
    let counted = format!(
        "{} in {} group{plural}, most fixtures first",
        fixtures(n),
        groups.len()
    );
    let title = if tier == Tier::ImplementationDefined {
        format!("IMPLEMENTATION-DEFINED DIFFERENCES: {counted} (reported, never failing the run)")
    } else {
        format!("FAILURES, {} tier: {counted}", tier.name())
    };
    let mut lines = vec![title];
    lines.extend(groups.iter().enumerate().map(|(i, g)| group_text(i, g)));
    lines.join("\n")
}

fn group_text(i: usize, g: &Group) -> String {
    let advice = g.era.as_ref().map_or(String::new(), |v| {
        format!("; run with the serde_json era option {v}")
    });
    let mut lines = vec![format!(
        "  {}. {} [{}]: {}{advice}",
        i + 1,
        g.title,
        g.key,
        fixtures(g.ids.len())
    )];
    if g.rules.len() > 1 {
        let shown: Vec<String> = g
            .rules
            .iter()
            .take(RULES_SHOWN)
            .map(|(rule, n)| format!("{rule} {n}"))
            .collect();
        let more = g.rules.len().saturating_sub(RULES_SHOWN);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        lines.push(format!(
            "       fixtures of rules {}{more}",
            shown.join(", ")
        ));
    }
    lines.push(format!(
        "       e.g. {}",
        g.ids.first().map_or("", String::as_str)
    ));
    lines.join("\n")
}

fn stale(j: &Judgement) -> Option<String> {
    let known = j.known_failures.as_ref()?;
    let passing: Vec<String> = j
        .results
        .iter()
        .filter(|r| r.status == Status::NowPasses)
        .map(|r| r.fixture.id.clone())
        .collect();
    if passing.is_empty() && j.unknown_listed.is_empty() {
        return None;
    }
    let mut lines = vec![format!(
        "STALE KNOWN FAILURES ({}): listed, but",
        passing.len() + j.unknown_listed.len()
    )];
    lines.extend(passing.iter().map(|id| format!("  now passes      {id}")));
    lines.extend(
        j.unknown_listed
            .iter()
            .map(|id| format!("  no such fixture {id}")),
    );
    lines.extend(known.prune_hint(&[passing, j.unknown_listed.clone()].concat()));
    Some(lines.join("\n"))
}

fn verdict(j: &Judgement) -> String {
    let count =
        |test: &dyn Fn(&FixtureResult) -> bool| j.results.iter().filter(|r| test(r)).count();
    let tally: Vec<String> = [
        ("passed", count(&|r| r.status == Status::Passed)),
        ("failed", count(&|r| r.status == Status::Failed && r.fatal)),
        (
            "implementation-defined differences",
            count(&|r| r.status == Status::Failed && !r.fatal),
        ),
        (
            "known-failure",
            count(&|r| r.status == Status::KnownFailure),
        ),
        ("now-passes", count(&|r| r.status == Status::NowPasses)),
        ("skipped", count(&|r| r.status == Status::Skipped)),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(name, n)| format!("{n} {name}"))
    .collect();
    let tally = tally.join(", ");
    if j.ok {
        return format!("PASS ({tally})");
    }
    let mut why: Vec<String> = [Tier::Required, Tier::Api, Tier::Evolution]
        .into_iter()
        .filter_map(|tier| {
            let n = count(&|r| r.status == Status::Failed && r.fatal && r.fixture.tier == tier);
            (n > 0).then(|| {
                format!(
                    "{} of the {} tier fail{}",
                    fixtures(n),
                    tier.name(),
                    if n == 1 { "s" } else { "" }
                )
            })
        })
        .collect();
    let stale = count(&|r| r.status == Status::NowPasses) + j.unknown_listed.len();
    if stale > 0 {
        why.push(format!("stale known-failure entries: {stale}"));
    }
    format!("FAIL: {} ({tally})", why.join("; "))
}

fn fixtures(n: usize) -> String {
    format!("{n} fixture{}", if n == 1 { "" } else { "s" })
}
