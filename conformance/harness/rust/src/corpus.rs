//! The corpus (conformance/fixtures, format conformance/fixture.schema.json): its
//! fixtures in path order, its serde_json eras, and causes.json. The crate carries
//! one (embedded at build time); another folder can be read instead. Fixture files
//! need no member order nor number text: plain serde_json reads them.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::Form;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
}

/// A tier of the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    Required,
    Api,
    Evolution,
    ImplementationDefined,
}

impl Tier {
    pub const ALL: [Tier; 4] = [
        Tier::Required,
        Tier::Api,
        Tier::Evolution,
        Tier::ImplementationDefined,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Tier::Required => "required",
            Tier::Api => "api",
            Tier::Evolution => "evolution",
            Tier::ImplementationDefined => "implementation-defined",
        }
    }

    fn named(name: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// One fixture: a question (type, input, form) and serde's answer.
#[derive(Clone, Debug)]
pub struct Fixture {
    pub id: String,
    pub description: String,
    pub rule: String,
    pub type_name: String,
    /// `canonical`, `accepted` or `rejected`.
    pub class: String,
    pub input: String,
    /// What serde writes back; None when serde rejects the input.
    pub output: Option<String>,
    /// serde's error when it rejects (for people and for the cause; never compared).
    pub serde_error: Option<String>,
    pub form: Form,
    pub tier: Tier,
    /// The fixture file under the corpus, with `/`.
    pub file: String,
    /// The file's path dotted, without `.json`: `required.EventKind.node_started`.
    pub group: String,
}

/// A loaded corpus.
pub struct Corpus {
    /// Where it was read from (`(carried in the crate)` for the embedded one).
    pub root: String,
    pub fixtures: Vec<Fixture>,
    /// serde_json release -> its answers by fixture id (eras/serde_json-X.json).
    pub eras: Vec<(String, HashMap<String, Fixture>)>,
    pub causes: Value,
}

const NOT_FIXTURES: [&str; 2] = ["manifest.json", "causes.json"];
const ERAS: &str = "eras/";

/// The corpus carried in this crate.
pub fn embedded() -> Result<Corpus, String> {
    let files = embedded::FILES
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()));
    load("(carried in the crate)", files.collect())
}

/// causes.json of the corpus carried in this crate.
#[cfg(test)]
pub fn embedded_causes() -> Value {
    let (_, text) = embedded::FILES
        .iter()
        .find(|(p, _)| *p == "causes.json")
        .expect("causes.json is carried");
    serde_json::from_str(text).expect("causes.json is JSON")
}

/// The corpus in `dir`.
pub fn from_dir(dir: &Path) -> Result<Corpus, String> {
    if !dir.join("manifest.json").is_file() {
        return Err(format!(
            "{} is no corpus folder (no manifest.json)",
            dir.display()
        ));
    }
    let mut parts = Vec::new();
    walk(dir, &mut Vec::new(), &mut parts)?;
    parts.sort();
    let files = parts
        .into_iter()
        .map(|p| {
            let path: PathBuf = p.iter().fold(dir.to_path_buf(), |d, part| d.join(part));
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((p.join("/"), text))
        })
        .collect::<Result<_, String>>()?;
    load(&dir.display().to_string(), files)
}

fn walk(root: &Path, parts: &mut Vec<String>, found: &mut Vec<Vec<String>>) -> Result<(), String> {
    let dir: PathBuf = parts
        .iter()
        .fold(root.to_path_buf(), |d, part| d.join(part));
    let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        parts.push(entry.file_name().to_string_lossy().into_owned());
        if entry.path().is_dir() {
            walk(root, parts, found)?;
        } else if parts.last().is_some_and(|n| n.ends_with(".json")) {
            found.push(parts.clone());
        }
        parts.pop();
    }
    Ok(())
}

/// The corpus of `(path, text)` files, in path order (part by part).
fn load(root: &str, files: Vec<(String, String)>) -> Result<Corpus, String> {
    let mut fixtures = Vec::new();
    let mut eras = Vec::new();
    let mut causes = None;
    for (path, text) in files {
        let doc: Value = serde_json::from_str(&text)
            .map_err(|e| format!("{root}/{path}: not a JSON document: {e}"))?;
        let name = path.rsplit('/').next().unwrap_or_default();
        if path == "causes.json" {
            causes = Some(doc);
        } else if NOT_FIXTURES.contains(&name) {
            continue;
        } else if path.starts_with(ERAS) {
            eras.push(era_file(&doc, &path).map_err(|e| format!("{root}/{path}: {e}"))?);
        } else {
            fixtures.extend(fixture_file(&doc, &path).map_err(|e| format!("{root}/{path}: {e}"))?);
        }
    }
    if fixtures.is_empty() {
        return Err(format!("no fixture files under {root}"));
    }
    let causes = causes.ok_or_else(|| format!("{root} has no causes.json"))?;
    Ok(Corpus {
        root: root.to_owned(),
        fixtures,
        eras,
        causes,
    })
}

fn fixture_file(doc: &Value, path: &str) -> Result<Vec<Fixture>, String> {
    let top = object(doc, "$")?;
    let tier_name = text(top, "$", "tier")?;
    let tier = Tier::named(tier_name).ok_or_else(|| format!("$.tier: {tier_name} is no tier"))?;
    cases(top)?
        .iter()
        .enumerate()
        .map(|(i, case)| fixture(case, &format!("$.cases[{i}]"), tier, path))
        .collect()
}

fn era_file(doc: &Value, path: &str) -> Result<(String, HashMap<String, Fixture>), String> {
    let top = object(doc, "$")?;
    let version = text(top, "$", "serde_json")?.to_owned();
    let mut answers = HashMap::new();
    for (i, case) in cases(top)?.iter().enumerate() {
        let at = format!("$.cases[{i}]");
        let id = text(object(case, &at)?, &at, "id")?;
        let tier = Tier::ALL
            .into_iter()
            .find(|t| id.starts_with(&format!("{}.", t.name())))
            .unwrap_or(Tier::Required);
        let f = fixture(case, &at, tier, path)?;
        answers.insert(f.id.clone(), f);
    }
    Ok((version, answers))
}

fn cases(top: &Map<String, Value>) -> Result<&Vec<Value>, String> {
    top.get("cases")
        .and_then(Value::as_array)
        .ok_or_else(|| "$.cases: not an array".to_owned())
}

fn fixture(case: &Value, at: &str, tier: Tier, path: &str) -> Result<Fixture, String> {
    let case = object(case, at)?;
    let class = text(case, at, "class")?.to_owned();
    let rejected = class == "rejected";
    let optional =
        |key: &str| -> Result<Option<String>, String> { Ok(Some(text(case, at, key)?.to_owned())) };
    Ok(Fixture {
        id: text(case, at, "id")?.to_owned(),
        description: text(case, at, "description")?.to_owned(),
        rule: text(case, at, "rule")?.to_owned(),
        type_name: text(case, at, "type_name")?.to_owned(),
        input: text(case, at, "input")?.to_owned(),
        output: if rejected { None } else { optional("output")? },
        serde_error: if rejected {
            optional("serde_error")?
        } else {
            None
        },
        form: if case.get("form").and_then(Value::as_str) == Some("api") {
            Form::Api
        } else {
            Form::Log
        },
        class,
        tier,
        file: path.to_owned(),
        group: path.trim_end_matches(".json").replace('/', "."),
    })
}

fn object<'a>(value: &'a Value, at: &str) -> Result<&'a Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{at}: not an object"))
}

fn text<'a>(object: &'a Map<String, Value>, at: &str, key: &str) -> Result<&'a str, String> {
    object
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{at}.{key}: not a string"))
}
