//! The generated crate against the corpus, read as plain data: what any other
//! language's runner does, without our Python. Every case of every tier must hold,
//! since the corpus was recorded from this very crate.

use jamjet_schema::{Event, EventKind, ProvenanceMetadata};
use jamjet_testee::{round_trip, Outcome};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("corpus folder") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            fixture_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") && !path.ends_with("manifest.json")
        {
            out.push(path);
        }
    }
}

fn answer(type_name: &str, input: &str) -> Outcome {
    match type_name {
        "Event" => round_trip::<Event>(input),
        "EventKind" => round_trip::<EventKind>(input),
        "ProvenanceMetadata" => round_trip::<ProvenanceMetadata>(input),
        other => panic!("unknown type_name {other}"),
    }
}

fn check(case: &Value) -> Result<(), String> {
    let field = |name: &str| case[name].as_str().unwrap_or_default().to_owned();
    let got = answer(&field("type_name"), &field("input"));
    match (field("class").as_str(), got) {
        ("rejected", Outcome::Error(_)) => Ok(()),
        ("canonical" | "accepted", Outcome::Output(out)) if out == field("output") => Ok(()),
        (class, got) => Err(format!("{}: expected {class}, got {got:?}", field("id"))),
    }
}

#[test]
fn generated_crate_passes_every_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/fixtures");
    let mut files = Vec::new();
    fixture_files(&root, &mut files);
    assert!(!files.is_empty(), "no fixtures under {}", root.display());
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("fixture file");
        let data: Value = serde_json::from_str(&text).expect("fixture JSON");
        for case in data["cases"].as_array().expect("cases") {
            checked += 1;
            if let Err(msg) = check(case) {
                failures.push(msg);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 1000, "only {checked} cases");
}
