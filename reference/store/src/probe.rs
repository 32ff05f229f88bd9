//! The two pairs of readers side by side, on texts given one per line as JSON
//! strings: `DateTime::parse_from_rfc3339` (the store's `created_at`) against serde's
//! `DateTime<Utc>` (an Event's `created_at` in JSON), and `Uuid::parse_str` (the
//! store's ids) against serde's `Uuid`. Each answer is serde's bytes for the value
//! read (in UTC), or the reader's error message.

use chrono::{DateTime, Utc};
use serde_json::{json, Value as Json};
use std::io::{BufRead, Write};
use uuid::Uuid;

fn answer<T: serde::Serialize, E: std::fmt::Display>(result: Result<T, E>) -> Json {
    match result {
        Ok(value) => json!({ "ok": serde_json::to_string(&value).expect("serializes") }),
        Err(err) => json!({ "error": err.to_string() }),
    }
}

pub fn probe(input: impl BufRead) -> Result<(), String> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in input.lines() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let text: String = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let quoted = serde_json::to_string(&text).expect("a string serializes");
        let verdicts = json!({
            "text": text,
            "parse_from_rfc3339": answer(
                DateTime::parse_from_rfc3339(&text).map(|at| at.with_timezone(&Utc))
            ),
            "serde_datetime": answer(serde_json::from_str::<DateTime<Utc>>(&quoted)),
            "uuid_parse_str": answer(Uuid::parse_str(&text)),
            "serde_uuid": answer(serde_json::from_str::<Uuid>(&quoted)),
        });
        writeln!(out, "{verdicts}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
