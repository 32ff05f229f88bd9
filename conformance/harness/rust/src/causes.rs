//! Failures by observed cause, as causes.json (beside the fixtures) describes and the
//! reference runner (`jamjet_schema.conformance.causes`) does: what the subject did
//! otherwise than serde. It accepted what serde rejects: the class of serde's error.
//! It rejected what serde accepts: its own error, generalised. It wrote other bytes:
//! every difference of the two texts read as JSON. Each failure is then counted once,
//! under the cause shown by most of the failures left.

use std::collections::{BTreeSet, HashMap, HashSet};

use regex::Regex;
use serde_json::Value;

use crate::json::{self, Json, StringToken};

/// What the subject did otherwise than serde.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cause {
    /// Stable, for machines: `omits-null`, `duplicate-member`, `rejects:...`.
    pub key: String,
    /// What the subject does, for people.
    pub title: String,
}

/// causes.json, ready to classify.
pub struct Causes {
    classes: Vec<(Regex, Cause)>,
    outputs: HashMap<String, Cause>,
    said: usize,
    at: Regex,
    quoted: Regex,
    digits: Regex,
    timestamp: Regex,
}

impl Causes {
    pub fn new(table: &Value) -> Result<Causes, String> {
        let bad =
            |what: &str| format!("causes.json is not in the format this harness reads: {what}");
        let cause = |c: &Value| -> Option<Cause> {
            Some(Cause {
                key: c.get("key")?.as_str()?.to_owned(),
                title: c.get("title")?.as_str()?.to_owned(),
            })
        };
        let mut classes = Vec::new();
        for c in table
            .pointer("/accepted/classes")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("accepted.classes"))?
        {
            let pattern = c
                .get("serde_error")
                .and_then(Value::as_str)
                .ok_or_else(|| bad("serde_error"))?;
            let regex = Regex::new(pattern).map_err(|e| bad(&e.to_string()))?;
            classes.push((regex, cause(c).ok_or_else(|| bad("a class"))?));
        }
        let outputs = table
            .pointer("/output/causes")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("output.causes"))?
            .iter()
            .map(|c| cause(c).map(|c| (c.key.clone(), c)))
            .collect::<Option<_>>()
            .ok_or_else(|| bad("an output cause"))?;
        let said = table
            .pointer("/rejected/said_length")
            .and_then(Value::as_u64)
            .ok_or_else(|| bad("said_length"))?;
        Ok(Causes {
            classes,
            outputs,
            said: usize::try_from(said).map_err(|e| bad(&e.to_string()))?,
            at: Regex::new(r" at line \d+ column \d+$").expect("a valid pattern"),
            quoted: Regex::new(r#"`[^`]*`|"[^"]*"|'[^']*'"#).expect("a valid pattern"),
            digits: Regex::new(r"\d+").expect("a valid pattern"),
            timestamp: Regex::new(
                r"^[+-]?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)\n?$",
            )
            .expect("a valid pattern"),
        })
    }

    /// Why the subject accepted what serde rejects: serde's error, classified.
    pub fn accepted(&self, serde_error: &str, rule: &str) -> Cause {
        let error = self.at.replace(serde_error, "");
        match self
            .classes
            .iter()
            .find(|(pattern, _)| pattern.is_match(&error))
        {
            Some((_, cause)) => cause.clone(),
            None => Cause {
                key: format!("accepts:{rule}"),
                title: format!("accepts what serde rejects ({rule})"),
            },
        }
    }

    /// Why the subject rejected what serde accepts: its error, names and numbers taken
    /// out, so that one check failing on many fixtures is one cause.
    pub fn rejected(&self, error: &str, rule: &str) -> Cause {
        // quoted parts first: names may hold line breaks
        let unquoted = self
            .quoted
            .replace_all(error.trim_matches(python_space), "_");
        let first = unquoted.split('\n').next().unwrap_or_default();
        let general = self
            .digits
            .replace_all(&self.at.replace(first, ""), "N")
            .into_owned();
        let said: String = general.chars().take(self.said).collect();
        if said.is_empty() {
            return Cause {
                key: format!("rejects:{rule}"),
                title: format!("rejects what serde accepts ({rule})"),
            };
        }
        Cause {
            key: format!("rejects:{said}"),
            title: format!("rejects what serde accepts, saying \"{said}\""),
        }
    }

    /// Every difference of serde's output and the subject's, classified.
    pub fn written(&self, expected: &str, actual: &str) -> Vec<Cause> {
        let (Some(a), Some(b)) = (json::read(expected), json::read(actual)) else {
            return vec![self.output("not-json")];
        };
        let mut found = BTreeSet::new();
        self.compare(&a.value, &b.value, "$", &mut found);
        if escaped_otherwise(&a.strings, &b.strings) {
            found.insert("escaping");
        }
        if found.is_empty() {
            found.insert("spelling");
        }
        found.into_iter().map(|key| self.output(key)).collect()
    }

    fn output(&self, key: &str) -> Cause {
        self.outputs.get(key).cloned().unwrap_or_else(|| Cause {
            key: key.to_owned(),
            title: key.to_owned(),
        })
    }

    fn compare(&self, a: &Json, b: &Json, path: &str, found: &mut BTreeSet<&'static str>) {
        match (a, b) {
            (Json::Object(x), Json::Object(y)) => self.compare_objects(x, y, path, found),
            (Json::Array(x), Json::Array(y)) => {
                if x.len() != y.len() {
                    found.insert("items");
                }
                for (i, (p, q)) in x.iter().zip(y).enumerate() {
                    self.compare(p, q, &format!("{path}[{i}]"), found);
                }
            }
            (Json::Number(x), Json::Number(y)) if x != y => {
                found.insert(number_cause(x, y));
            }
            (Json::String(x), Json::String(y)) if x != y => {
                found.insert(self.string_cause(x, y, path));
            }
            (Json::Number(_), Json::String(_)) => {
                found.insert("number-as-string");
            }
            (Json::String(_), Json::Number(_)) => {
                found.insert("string-as-number");
            }
            (Json::Number(_), Json::Number(_)) | (Json::String(_), Json::String(_)) => {}
            _ if a != b => {
                found.insert("other-value");
            }
            _ => {}
        }
    }

    fn compare_objects(
        &self,
        a: &[(Vec<u16>, Json)],
        b: &[(Vec<u16>, Json)],
        path: &str,
        found: &mut BTreeSet<&'static str>,
    ) {
        // the last of a member given twice, as a dict keeps it
        let ours: HashMap<&[u16], &Json> = a.iter().map(|(k, v)| (k.as_slice(), v)).collect();
        let theirs: HashMap<&[u16], &Json> = b.iter().map(|(k, v)| (k.as_slice(), v)).collect();
        for (key, value) in a {
            if !theirs.contains_key(key.as_slice()) {
                found.insert(omitted(value));
            }
        }
        for (key, value) in b {
            if !ours.contains_key(key.as_slice()) {
                found.insert(if *value == Json::Null {
                    "writes-null"
                } else {
                    "writes-member"
                });
            }
        }
        let common: Vec<&[u16]> = a
            .iter()
            .map(|(k, _)| k.as_slice())
            .filter(|k| theirs.contains_key(k))
            .collect();
        let their_order: Vec<&[u16]> = b
            .iter()
            .map(|(k, _)| k.as_slice())
            .filter(|k| ours.contains_key(k))
            .collect();
        if common != their_order {
            found.insert("member-order");
        }
        for key in common {
            let child = format!("{path}.{}", String::from_utf16_lossy(key));
            self.compare(ours[key], theirs[key], &child, found);
        }
    }

    fn string_cause(&self, a: &[u16], b: &[u16], path: &str) -> &'static str {
        let (x, y) = (String::from_utf16_lossy(a), String::from_utf16_lossy(b));
        if self.timestamp.is_match(&x) && self.timestamp.is_match(&y) {
            return "timestamp";
        }
        if path.ends_with(".type") {
            return "tag";
        }
        if b.contains(&0xfffd)
            && !a.contains(&0xfffd)
            && a.iter().any(|u| (0xd800..0xe000).contains(u))
        {
            return "replaced-surrogate";
        }
        "string-value"
    }
}

/// What Python's `str.strip()` takes away: the characters `str.isspace()` holds.
fn python_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..=' ' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}')
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
        )
}

fn omitted(value: &Json) -> &'static str {
    match value {
        Json::Null => "omits-null",
        Json::Array(v) if v.is_empty() => "omits-empty",
        Json::Object(v) if v.is_empty() => "omits-empty",
        _ => "omits-member",
    }
}

fn number_cause(a: &str, b: &str) -> &'static str {
    let same_f64 = f64_of(a) == f64_of(b);
    if is_float(a) {
        return if same_f64 {
            "float-spelling"
        } else {
            "float-value"
        }; // serde wrote a float
    }
    if is_float(b) {
        return if same_f64 {
            "integer-as-float"
        } else {
            "number-value"
        };
    }
    if same_f64 && beyond_2_53(a) {
        "integer-precision"
    } else {
        "number-value"
    }
}

fn is_float(number: &str) -> bool {
    number.contains(['.', 'e', 'E'])
}

/// The f64 of a number's text (Rust reads `NaN` and `inf`, Python `NaN` and `Infinity`).
fn f64_of(number: &str) -> f64 {
    number
        .replace("Infinity", "inf")
        .parse()
        .unwrap_or(f64::NAN)
}

/// |integer| > 2^53, for an integer's text of any length.
fn beyond_2_53(integer: &str) -> bool {
    let digits = integer.trim_start_matches('-').trim_start_matches('0');
    const LIMIT: &str = "9007199254740992";
    digits.len() > LIMIT.len() || (digits.len() == LIMIT.len() && digits > LIMIT)
}

/// A string both texts hold (a key too), spelt with other escapes by the subject.
fn escaped_otherwise(ours: &[StringToken], theirs: &[StringToken]) -> bool {
    let (a, b) = (spellings(ours), spellings(theirs));
    a.iter()
        .any(|(value, spelt)| b.get(value).is_some_and(|other| other != spelt))
}

fn spellings(tokens: &[StringToken]) -> HashMap<&[u16], HashSet<&str>> {
    let mut out: HashMap<&[u16], HashSet<&str>> = HashMap::new();
    for token in tokens {
        out.entry(&token.value).or_default().insert(&token.spelt);
    }
    out
}

/// Items under one cause each: repeatedly, the cause shown by most of the items left
/// (ties: the smaller key) takes every item showing it; so the groups come largest first.
pub fn group_by_cause<T: Clone>(items: &[(T, Vec<Cause>)]) -> Vec<(Cause, Vec<T>)> {
    let mut left: Vec<&(T, Vec<Cause>)> = items.iter().collect();
    let mut groups = Vec::new();
    while !left.is_empty() {
        let mut tally: HashMap<&Cause, usize> = HashMap::new();
        for (_, causes) in &left {
            for cause in causes {
                *tally.entry(cause).or_default() += 1;
            }
        }
        let Some((top, _)) = tally
            .into_iter()
            .min_by(|(c, n), (d, m)| m.cmp(n).then_with(|| c.cmp(d)))
        else {
            break; // a failure without a cause: never, each has one
        };
        let top = top.clone();
        let (taken, rest): (Vec<_>, Vec<_>) = left
            .into_iter()
            .partition(|(_, causes)| causes.contains(&top));
        groups.push((
            top,
            taken.into_iter().map(|(item, _)| item.clone()).collect(),
        ));
        left = rest;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn causes() -> Causes {
        Causes::new(&crate::corpus::embedded_causes()).unwrap()
    }

    fn keys(expected: &str, actual: &str) -> Vec<String> {
        causes()
            .written(expected, actual)
            .into_iter()
            .map(|c| c.key)
            .collect()
    }

    /// The table of tests/conformance/test_triage.py's test_what_an_output_did_otherwise.
    #[test]
    fn what_an_output_did_otherwise() {
        let table: &[(&str, &str, &[&str])] = &[
            (r#"{"a":1,"b":null}"#, r#"{"a":1}"#, &["omits-null"]),
            (r#"{"a":[],"b":1}"#, r#"{"b":1}"#, &["omits-empty"]),
            (r#"{"a":1}"#, r#"{"a":1,"b":null}"#, &["writes-null"]),
            (r#"{"a":1,"b":2}"#, r#"{"b":2,"a":1}"#, &["member-order"]),
            (
                r#"{"a":1.0,"b":1e21}"#,
                r#"{"a":1,"b":1e+21}"#,
                &["float-spelling"],
            ),
            (
                r#"{"a":0.30000000000000004}"#,
                r#"{"a":0.3}"#,
                &["float-value"],
            ),
            (
                r#"{"a":18446744073709551615}"#,
                r#"{"a":18446744073709552000}"#,
                &["integer-precision"],
            ),
            (r#"{"a":1}"#, r#"{"a":"1"}"#, &["number-as-string"]),
            (r#"{"a":"1"}"#, r#"{"a":1}"#, &["string-as-number"]),
            (r#"{"a":"x"}"#, r#"{"a":1}"#, &["string-as-number"]),
            (r#"{"a":null}"#, r#"{"a":0}"#, &["other-value"]),
            (
                r#"{"t":"2026-01-01T00:00:00.123456789Z"}"#,
                r#"{"t":"2026-01-01T00:00:00.123456Z"}"#,
                &["timestamp"],
            ),
            (
                r#"{"k":{"type":"node_started"}}"#,
                r#"{"k":{"type":"NodeStarted"}}"#,
                &["tag"],
            ),
            (
                r#"{"a":"\u001f<\u00e9"}"#,
                r#"{"a":"\u001F\u003c\u00e9"}"#,
                &["escaping"],
            ),
            (
                r#"{"a":"é","b":null}"#,
                r#"{"a":"\u00e9"}"#,
                &["escaping", "omits-null"],
            ),
            (r#"{"a":1}"#, r#"{"a": 1}"#, &["spelling"]),
            (r#"{"a":1}"#, "{'a':1}", &["not-json"]),
        ];
        for (expected, actual, want) in table {
            assert_eq!(keys(expected, actual), *want, "{expected} vs {actual}");
        }
    }

    #[test]
    fn serde_errors_and_subject_errors() {
        let c = causes();
        assert_eq!(
            c.accepted("duplicate field `a` at line 1 column 9", "duplicate-field")
                .key,
            "duplicate-member"
        );
        assert_eq!(c.accepted("something new", "tag").key, "accepts:tag");
        let said = c.rejected(
            "  unknown field `x7`, expected one of `a`, `b` at line 1 column 12\nmore",
            "unknown-field",
        );
        assert_eq!(said.key, "rejects:unknown field _, expected one of _, _");
        assert_eq!(
            c.rejected("line 12 of 'it\nspans'", "tag").key,
            "rejects:line N of _"
        );
        assert_eq!(c.rejected(" \n", "tag").key, "rejects:tag");
    }

    #[test]
    fn the_cause_of_most_takes_its_fixtures_first() {
        let cause = |k: &str| Cause {
            key: k.into(),
            title: k.into(),
        };
        let items = vec![
            (1, vec![cause("b"), cause("a")]),
            (2, vec![cause("b")]),
            (3, vec![cause("a")]),
            (4, vec![cause("c")]),
        ];
        let groups: Vec<(String, Vec<i32>)> = group_by_cause(&items)
            .into_iter()
            .map(|(c, i)| (c.key, i))
            .collect();
        assert_eq!(
            groups,
            [
                ("a".into(), vec![1, 3]),
                ("b".into(), vec![2]),
                ("c".into(), vec![4])
            ]
        );
    }
}
