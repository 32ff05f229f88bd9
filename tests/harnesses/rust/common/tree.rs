//! A JSON tree that keeps what serde_json's Value loses (member order, members given
//! twice, number text, each string as spelt), for the broken subject's rewrites. It
//! reads what Python's json.loads reads (../broken_combo.py's reader): strict JSON, and
//! NaN, Infinity and -Infinity as numbers.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

pub enum Tree {
    /// A number, `true`, `false` or `null`, as spelt.
    Scalar(String),
    /// A string as spelt, and decoded (lone surrogates replaced: only compared as keys).
    Str(String, String),
    Array(Vec<Tree>),
    Object(Vec<(Tree, Tree)>),
}

pub fn read(text: &str) -> Option<Tree> {
    let mut at = 0;
    let tree = value(text.as_bytes(), &mut at, 0)?;
    space(text.as_bytes(), &mut at);
    (at == text.len()).then_some(tree)
}

fn value(b: &[u8], at: &mut usize, depth: usize) -> Option<Tree> {
    space(b, at);
    if depth > 900 {
        return None; // deeper than json.loads goes: forwarded untouched, as by broken_combo.py
    }
    match *b.get(*at)? {
        b'{' => {
            *at += 1;
            let mut members = Vec::new();
            if punct(b, at, b'}') {
                return Some(Tree::Object(members));
            }
            loop {
                space(b, at);
                let key = string(b, at)?;
                if !punct(b, at, b':') {
                    return None;
                }
                members.push((key, value(b, at, depth + 1)?));
                if punct(b, at, b'}') {
                    return Some(Tree::Object(members));
                }
                if !punct(b, at, b',') {
                    return None;
                }
            }
        }
        b'[' => {
            *at += 1;
            let mut items = Vec::new();
            if punct(b, at, b']') {
                return Some(Tree::Array(items));
            }
            loop {
                items.push(value(b, at, depth + 1)?);
                if punct(b, at, b']') {
                    return Some(Tree::Array(items));
                }
                if !punct(b, at, b',') {
                    return None;
                }
            }
        }
        b'"' => string(b, at),
        _ => scalar(b, at),
    }
}

fn string(b: &[u8], at: &mut usize) -> Option<Tree> {
    let start = *at;
    if b.get(start) != Some(&b'"') {
        return None;
    }
    *at += 1;
    loop {
        match *b.get(*at)? {
            b'"' => break,
            b'\\' => *at += 2,
            c if c < 0x20 => return None,
            _ => *at += 1,
        }
    }
    *at += 1;
    let spelt = std::str::from_utf8(&b[start..*at]).ok()?.to_owned();
    let decoded =
        jamjet_schema::serde_json::from_str::<String>(&spelt).unwrap_or_else(|_| spelt.clone());
    Some(Tree::Str(spelt, decoded))
}

/// A number (NaN and Infinity too, as json.loads reads them) or a literal.
static SCALAR: LazyLock<Regex> = LazyLock::new(|| {
    let number = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?";
    Regex::new(&format!("^(?:{number}|-?Infinity|NaN|true|false|null)")).expect("a valid pattern")
});

fn scalar(b: &[u8], at: &mut usize) -> Option<Tree> {
    let text = std::str::from_utf8(&b[*at..]).ok()?;
    let found = SCALAR.find(text)?.as_str().to_owned();
    *at += found.len();
    Some(Tree::Scalar(found))
}

fn punct(b: &[u8], at: &mut usize, c: u8) -> bool {
    space(b, at);
    let found = b.get(*at) == Some(&c);
    *at += usize::from(found);
    found
}

fn space(b: &[u8], at: &mut usize) {
    while matches!(b.get(*at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        *at += 1;
    }
}

impl Tree {
    fn key(&self) -> &str {
        match self {
            Tree::Str(_, decoded) => decoded,
            _ => "",
        }
    }

    pub fn has_duplicates(&self) -> bool {
        match self {
            Tree::Object(members) => {
                let keys: HashSet<&str> = members.iter().map(|(k, _)| k.key()).collect();
                keys.len() != members.len() || members.iter().any(|(_, v)| v.has_duplicates())
            }
            Tree::Array(items) => items.iter().any(Tree::has_duplicates),
            _ => false,
        }
    }

    /// A member given twice keeps its first place and its last value, as a dict does.
    pub fn keep_last(self) -> Tree {
        match self {
            Tree::Object(members) => {
                let mut kept: Vec<(Tree, Tree)> = Vec::new();
                for (key, value) in members {
                    let value = value.keep_last();
                    match kept.iter_mut().find(|(k, _)| k.key() == key.key()) {
                        Some((_, v)) => *v = value,
                        None => kept.push((key, value)),
                    }
                }
                Tree::Object(kept)
            }
            Tree::Array(items) => Tree::Array(items.into_iter().map(Tree::keep_last).collect()),
            other => other,
        }
    }

    pub fn drop_nulls(self) -> Tree {
        match self {
            Tree::Object(members) => Tree::Object(
                members
                    .into_iter()
                    .filter(|(_, v)| !matches!(v, Tree::Scalar(s) if s == "null"))
                    .map(|(k, v)| (k, v.drop_nulls()))
                    .collect(),
            ),
            Tree::Array(items) => Tree::Array(items.into_iter().map(Tree::drop_nulls).collect()),
            other => other,
        }
    }

    /// Compact, each string as it was spelt.
    pub fn write(&self) -> String {
        match self {
            Tree::Scalar(text) | Tree::Str(text, _) => text.clone(),
            Tree::Array(items) => format!(
                "[{}]",
                items.iter().map(Tree::write).collect::<Vec<_>>().join(",")
            ),
            Tree::Object(members) => {
                let members: Vec<String> = members
                    .iter()
                    .map(|(k, v)| format!("{}:{}", k.write(), v.write()))
                    .collect();
                format!("{{{}}}", members.join(","))
            }
        }
    }
}
