//! Throughput of the Rust reference: parse + canonical write of every line of a
//! JSON Lines event log, timed inside the process (no protocol overhead).
//! Prints `{"events": N, "seconds": S}`.

use jamjet_schema::Event;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: jamjet-bench LOG.jsonl");
    let text = std::fs::read_to_string(&path).expect("readable log");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let start = Instant::now();
    let mut bytes = 0usize;
    for line in &lines {
        let event: Event = serde_json::from_str(line).expect("a valid event");
        bytes += serde_json::to_string(&event).expect("serialisable").len();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{{\"events\": {}, \"seconds\": {seconds}, \"bytes\": {bytes}}}",
        lines.len()
    );
}
