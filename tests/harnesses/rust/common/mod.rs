//! The subjects of the cargo project the harness tests build (tests/harnesses/
//! test_rust_harness.py): the generated crate, and copies of it broken on purpose or
//! answering as an older serde_json build.

#![allow(dead_code)] // each test target uses some of them

pub mod tree;

use std::collections::HashMap;

use jamjet_schema::{
    serde_json, to_api_string, Event, EventKind, EventsResponse, ProvenanceMetadata,
};
use jamjet_schema_conformance::{Form, Subject};
use regex::Regex;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The generated crate (generated/rust), every protocol type name to its type.
pub struct Ours;

fn round_trip<T: DeserializeOwned + Serialize>(input: &str, form: Form) -> Result<String, String> {
    let value: T = serde_json::from_str(input).map_err(|e| e.to_string())?;
    match form {
        Form::Log => serde_json::to_string(&value),
        Form::Api => to_api_string(&value),
    }
    .map_err(|e| e.to_string())
}

impl Subject for Ours {
    fn answer(&self, type_name: &str, input: &str, form: Form) -> Result<String, String> {
        match type_name {
            "Event" => round_trip::<Event>(input, form),
            "EventKind" => round_trip::<EventKind>(input, form),
            "ProvenanceMetadata" => round_trip::<ProvenanceMetadata>(input, form),
            "Events" => round_trip::<Vec<Event>>(input, form),
            "EventsResponse" => round_trip::<EventsResponse>(input, form),
            other => Err(format!("no type {other}")),
        }
    }
}

/// Broken on purpose, three ways at once, by rewriting the texts around `Ours` (as
/// ../broken_combo.py does around the Rust reference): it accepts a member given twice
/// (the last one wins, at the first one's place), leaves out null members, and writes a
/// whole f64 as `1` where serde writes `1.0`.
pub struct Broken {
    dot_zero: Regex,
}

impl Broken {
    pub fn new() -> Broken {
        // broken_combo.py's (?<=[:\[,])(-?\d+)\.0(?=[,}\]]), without look-around: the
        // delimiters are matched, so a pass misses every other one of a run; repeat
        let dot_zero = Regex::new(r"([:\[,])(-?\d+)\.0([,}\]])").expect("a valid pattern");
        Broken { dot_zero }
    }

    fn whole_floats(&self, text: String) -> String {
        let next = self.dot_zero.replace_all(&text, "$1$2$3").into_owned();
        if next == text {
            text
        } else {
            self.whole_floats(next)
        }
    }
}

impl Subject for Broken {
    fn answer(&self, type_name: &str, input: &str, form: Form) -> Result<String, String> {
        let asked = match tree::read(input) {
            Some(question) if question.has_duplicates() => question.keep_last().write(),
            _ => input.to_owned(),
        };
        let output = Ours.answer(type_name, &asked, form)?;
        let written = tree::read(&output).map_or(output, |t| t.drop_nulls().write());
        Ok(self.whole_floats(written))
    }
}

/// Answers as the serde_json build of an era does: its answers (a JSON file of
/// `[type_name, input, form, output or null, error or null]`), else `Ours`'s.
pub struct Era {
    answers: HashMap<(String, String, String), Result<String, String>>,
}

impl Era {
    pub fn from_file(path: &str) -> Era {
        let text = std::fs::read_to_string(path).expect("the era's answers");
        let rows: Vec<(String, String, String, Option<String>, Option<String>)> =
            serde_json::from_str(&text).expect("rows of [type_name, input, form, output, error]");
        let answers = rows
            .into_iter()
            .map(|(t, i, f, output, error)| ((t, i, f), output.ok_or(error.unwrap_or_default())))
            .collect();
        Era { answers }
    }
}

impl Subject for Era {
    fn answer(&self, type_name: &str, input: &str, form: Form) -> Result<String, String> {
        let form_name = if form == Form::Api { "api" } else { "log" };
        let key = (type_name.to_owned(), input.to_owned(), form_name.to_owned());
        self.answers
            .get(&key)
            .cloned()
            .unwrap_or_else(|| Ours.answer(type_name, input, form))
    }
}

/// The options the pytest asks for, from the environment.
pub fn options() -> jamjet_schema_conformance::Options {
    let mut options = jamjet_schema_conformance::Options::default();
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    options.known_failures = var("HARNESS_KNOWN_FAILURES").map(Into::into);
    options.serde_json_era = var("HARNESS_SERDE_JSON_ERA");
    options.matching = var("HARNESS_MATCH");
    options
}
