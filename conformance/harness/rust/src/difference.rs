//! Where two outputs first differ, for a failure's message: a JSON path when both are
//! JSON and their values differ (`at $.kind.output (member 2)`), else a character.

use crate::json::{self, write, write_string, Json};

const SHOWN: usize = 80; // characters of each side shown

pub fn first_difference(expected: &str, actual: &str) -> String {
    let (a, b) = (json::read(expected), json::read(actual));
    let note = match (&a, &b) {
        (Some(a), Some(b)) => match walk(&a.value, &b.value, "$") {
            Some(found) => return found,
            None => " (the same JSON value, spelt differently)",
        },
        (Some(_), None) => " (the actual output is not JSON)",
        _ => "",
    };
    let at = differing_character(expected, actual);
    format!(
        "first difference at character {at}{note}: expected {}, got {}",
        window(expected, at),
        window(actual, at)
    )
}

fn said(path: &str, expected: &str, actual: &str, note: &str) -> String {
    format!("first difference at {path}{note}: expected {expected}, got {actual}")
}

fn walk(a: &Json, b: &Json, path: &str) -> Option<String> {
    match (a, b) {
        (Json::Object(x), Json::Object(y)) => walk_object(x, y, path),
        (Json::Array(x), Json::Array(y)) => walk_array(x, y, path),
        _ if a == b => None,
        _ => Some(said(path, &clip(&write(a)), &clip(&write(b)), "")),
    }
}

fn walk_object(a: &[(Vec<u16>, Json)], b: &[(Vec<u16>, Json)], path: &str) -> Option<String> {
    for i in 0..a.len().max(b.len()) {
        match (a.get(i), b.get(i)) {
            (Some((k, x)), Some((l, y))) if k == l => {
                if let Some(found) = walk(x, y, &child(path, k)) {
                    return Some(found);
                }
            }
            (x, y) => {
                return Some(said(
                    path,
                    &member(x),
                    &member(y),
                    &format!(" (member {})", i + 1),
                ))
            }
        }
    }
    None
}

fn walk_array(a: &[Json], b: &[Json], path: &str) -> Option<String> {
    for i in 0..a.len().max(b.len()) {
        let at = format!("{path}[{i}]");
        match (a.get(i), b.get(i)) {
            (Some(x), Some(y)) => {
                if let Some(found) = walk(x, y, &at) {
                    return Some(found);
                }
            }
            (x, y) => return Some(said(&at, &item(x), &item(y), "")),
        }
    }
    None
}

fn child(path: &str, key: &[u16]) -> String {
    let key = String::from_utf16_lossy(key);
    let mut chars = key.chars();
    let simple = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if simple {
        format!("{path}.{key}")
    } else {
        format!(
            "{path}[{}]",
            write_string(&key.encode_utf16().collect::<Vec<_>>())
        )
    }
}

fn member(m: Option<&(Vec<u16>, Json)>) -> String {
    m.map_or("no more members".into(), |(k, v)| {
        clip(&format!("{}:{}", write_string(k), write(v)))
    })
}

fn item(value: Option<&Json>) -> String {
    value.map_or("no more items".into(), |v| clip(&write(v)))
}

fn clip(text: &str) -> String {
    let count = text.chars().count();
    if count <= SHOWN {
        return text.to_owned();
    }
    let shown: String = text.chars().take(SHOWN).collect();
    format!("{shown}... [{} more chars]", count - SHOWN)
}

/// The index (in characters) of the first character where `a` and `b` differ.
pub fn differing_character(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.chars().count().min(b.chars().count()))
}

fn window(text: &str, at: usize) -> String {
    if text.is_empty() {
        return "(nothing)".into();
    }
    let start = at.saturating_sub(20);
    let shown: String = text.chars().skip(start).take(SHOWN).collect();
    let head = if start > 0 { "..." } else { "" };
    let tail = if start + SHOWN < text.chars().count() {
        "..."
    } else {
        ""
    };
    serde_json::Value::String(format!("{head}{shown}{tail}")).to_string()
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    /// The table of tests/conformance/test_triage.py's test_the_first_difference.
    #[test]
    fn the_first_difference() {
        let table = [
            (
                r#"{"a":1,"b":{"c":[1,2.0]}}"#,
                r#"{"a":1,"b":{"c":[1,2]}}"#,
                "at $.b.c[1]: expected 2.0, got 2",
            ),
            (
                r#"{"a":1,"b":2}"#,
                r#"{"b":2,"a":1}"#,
                r#"at $ (member 1): expected "a":1, got "b":2"#,
            ),
            (
                r#"{"a":1,"b":null}"#,
                r#"{"a":1}"#,
                r#"at $ (member 2): expected "b":null, got no more members"#,
            ),
            (
                r#"{"a":[1]}"#,
                r#"{"a":[1,2]}"#,
                "at $.a[1]: expected no more items, got 2",
            ),
            (
                r#"{"a b":"x"}"#,
                r#"{"a b":"y"}"#,
                r#"at $["a b"]: expected "x", got "y""#,
            ),
            (
                r#"{"a":"1"}"#,
                r#"{"a":1}"#,
                r#"at $.a: expected "1", got 1"#,
            ),
            (
                r#"{"a":"\u00e9"}"#,
                r#"{"a":"é"}"#,
                "at character 6 (the same JSON value, spelt differ",
            ),
            (
                r#"{"a":1}"#,
                "{'a':1}",
                "at character 1 (the actual output is not JSON)",
            ),
        ];
        for (expected, actual, shown) in table {
            let found = first_difference(expected, actual);
            assert!(
                found.starts_with(&format!("first difference {shown}")),
                "{found}"
            );
        }
    }
}
