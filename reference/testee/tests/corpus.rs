//! The corpus read as plain data, as any other language's runner reads it, without
//! our Python. The generated crate must hold every case of the current schema (the
//! corpus was recorded from it); the contract file compiled verbatim, a 1.0.0
//! reader, must hold the evolution cases recorded for 1.0.0 readers.

use jamjet_testee::{handler, Envelope, Form, Outcome};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The corpus's files that are no fixture file: what it covers, how failures group.
fn is_beside_fixtures(path: &Path) -> bool {
    path.ends_with("manifest.json") || path.ends_with("causes.json")
}

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("corpus folder") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            fixture_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") && !is_beside_fixtures(&path) {
            out.push(path);
        }
    }
}

type Answer = fn(&str, &str, Form) -> Outcome;

fn generated(type_name: &str, input: &str, form: Form) -> Outcome {
    handler!(jamjet_schema, jamjet_schema::EventsResponse)(type_name, input, form)
}

fn seed(type_name: &str, input: &str, form: Form) -> Outcome {
    handler!(jamjet_seed, Envelope<jamjet_seed::Event>)(type_name, input, form)
}

fn check(case: &Value, answer: Answer) -> Result<(), String> {
    let field = |name: &str| case[name].as_str().unwrap_or_default().to_owned();
    let form = match case["form"].as_str() {
        Some("api") => Form::Api,
        _ => Form::Log,
    };
    let got = answer(&field("type_name"), &field("input"), form);
    match (field("class").as_str(), got) {
        ("rejected", Outcome::Error(_)) => Ok(()),
        ("canonical" | "accepted", Outcome::Output(out)) if out == field("output") => Ok(()),
        (class, got) => Err(format!("{}: expected {class}, got {got:?}", field("id"))),
    }
}

/// Runs every case of the files whose tier `wanted` accepts; returns how many ran.
fn run_corpus(wanted: impl Fn(&Value) -> bool, answer: Answer) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/fixtures");
    let mut files = Vec::new();
    fixture_files(&root, &mut files);
    assert!(!files.is_empty(), "no fixtures under {}", root.display());
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("fixture file");
        let data: Value = serde_json::from_str(&text).expect("fixture JSON");
        if !wanted(&data) {
            continue;
        }
        for case in data["cases"].as_array().expect("cases") {
            checked += 1;
            if let Err(msg) = check(case, answer) {
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
    checked
}

#[test]
fn generated_crate_passes_every_current_fixture() {
    // evolution: for older readers; era: what an older serde_json build writes
    let current = |data: &Value| data["tier"] != "evolution" && data["tier"] != "era";
    let checked = run_corpus(current, generated);
    assert!(checked > 1000, "only {checked} cases");
}

#[test]
fn contract_file_reads_newer_documents_as_recorded() {
    let for_1_0_0 =
        |data: &Value| data["tier"] == "evolution" && data["cases"][0]["reader_version"] == "1.0.0";
    assert!(run_corpus(for_1_0_0, seed) > 0);
}
