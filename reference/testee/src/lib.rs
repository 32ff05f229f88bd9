//! The testee side of the conformance protocol (conformance/protocol.md).
//!
//! One request per stdin line: `{"id": 17, "type_name": "EventKind", "input": "<JSON text>"}`,
//! optionally with `"form": "api"` (write back as the runtime's HTTP API does).
//! One response per request, in order, on stdout: `{"id": 17, "output": "..."}`,
//! `{"id": 17, "error": "..."}` or `{"id": 17, "skipped": "..."}`. End of input ends the testee.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, Write};

/// What a testee answers for one request.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Output(String),
    Error(String),
    Skipped(String),
}

/// How an accepted document is written back (conformance/protocol.md).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// `serde_json::to_string` of the value: fields in declaration order.
    #[default]
    Log,
    /// Through `serde_json::Value` first, as the runtime's `json!` does: members sorted.
    Api,
}

impl Form {
    pub fn write<T: Serialize>(self, value: &T) -> serde_json::Result<String> {
        match self {
            Form::Log => serde_json::to_string(value),
            Form::Api => serde_json::to_value(value).and_then(|v| serde_json::to_string(&v)),
        }
    }
}

#[derive(Deserialize)]
struct Request {
    id: serde_json::Value,
    type_name: String,
    input: String,
    #[serde(default)]
    form: Form,
}

/// The envelope of the runtime's `list_events`, over any crate's `Event`: `json!({"events":
/// events})` when written, a struct with the one field when read.
#[derive(Serialize, Deserialize)]
pub struct Envelope<E> {
    pub events: Vec<E>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Answer {
    Output(String),
    Error(String),
    Skipped(String),
}

#[derive(Serialize)]
struct Response {
    id: serde_json::Value,
    #[serde(flatten)]
    answer: Answer,
}

/// Parses `input` as `T` with serde_json and writes it back in `form`: the whole serde verdict.
pub fn round_trip<T: DeserializeOwned + Serialize>(input: &str, form: Form) -> Outcome {
    match serde_json::from_str::<T>(input) {
        Ok(value) => match form.write(&value) {
            Ok(text) => Outcome::Output(text),
            Err(err) => Outcome::Error(format!("serialize: {err}")),
        },
        Err(err) => Outcome::Error(err.to_string()),
    }
}

/// Parses `input` as `T` and answers with `f` of it as JSON: for accessors such as
/// `EventKind::node_id`, which the protocol exposes as the type name `EventKind.node_id`.
pub fn answer<T: DeserializeOwned, R: Serialize>(input: &str, f: impl Fn(&T) -> R) -> Outcome {
    match serde_json::from_str::<T>(input) {
        Ok(value) => match serde_json::to_string(&f(&value)) {
            Ok(text) => Outcome::Output(text),
            Err(err) => Outcome::Error(format!("serialize: {err}")),
        },
        Err(err) => Outcome::Error(err.to_string()),
    }
}

/// Runs the protocol loop until end of input; `handle` maps (type_name, input, form) to an
/// outcome.
pub fn serve(handle: impl Fn(&str, &str, Form) -> Outcome) -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let request: Request = serde_json::from_str(&line).map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidData, format!("bad request line: {e}"))
        })?;
        let answer = match handle(&request.type_name, &request.input, request.form) {
            Outcome::Output(s) => Answer::Output(s),
            Outcome::Error(s) => Answer::Error(s),
            Outcome::Skipped(s) => Answer::Skipped(s),
        };
        let response = Response {
            id: request.id,
            answer,
        };
        serde_json::to_writer(&mut out, &response)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(())
}

/// The answer for a type this testee does not implement.
pub fn not_implemented(type_name: &str) -> Outcome {
    Outcome::Skipped(format!(
        "type {type_name} is not implemented by this testee"
    ))
}

/// The protocol's type names, answered by the types of one crate:
/// `handler!(jamjet_schema, jamjet_schema::EventsResponse)` for the generated crate (its own
/// envelope), `handler!(jamjet_seed, testee::Envelope<jamjet_seed::Event>)` for the contract
/// file. Both crates define the same names, so one table serves both.
#[macro_export]
macro_rules! handler {
    ($types:ident, $envelope:ty) => {
        |type_name: &str, input: &str, form: $crate::Form| -> $crate::Outcome {
            match type_name {
                "Event" => $crate::round_trip::<$types::Event>(input, form),
                "EventKind" => $crate::round_trip::<$types::EventKind>(input, form),
                "ProvenanceMetadata" => {
                    $crate::round_trip::<$types::ProvenanceMetadata>(input, form)
                }
                "Events" => $crate::round_trip::<Vec<$types::Event>>(input, form),
                "EventsResponse" => $crate::round_trip::<$envelope>(input, form),
                "EventKind.node_id" => $crate::answer::<$types::EventKind, _>(input, |kind| {
                    kind.node_id().map(String::from)
                }),
                other => $crate::not_implemented(other),
            }
        }
    };
}
