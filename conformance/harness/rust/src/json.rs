//! A JSON reader that keeps what serde_json's `Value` loses and the cause of a
//! difference depends on: each object's members in order (a member given twice too),
//! each number's text (`1.0` is not `1` on the wire), and every string's spelling (for
//! other escapes). serde_json's `preserve_order` and `arbitrary_precision` would keep
//! some of it, but they are global to a build and would change the subject's own
//! bytes. It reads what the reference runner's reader (Python's `json.loads`) reads:
//! strict JSON, plus `NaN`, `Infinity` and `-Infinity` as numbers. Strings are kept as
//! UTF-16 units, so a lone surrogate escape stays one.

/// A JSON value, as the text spelt it.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as its text.
    Number(String),
    String(Vec<u16>),
    Array(Vec<Json>),
    /// Members in order, duplicates kept.
    Object(Vec<(Vec<u16>, Json)>),
}

/// A string of the text (a key too): as it is spelt there, and decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct StringToken {
    pub spelt: String,
    pub value: Vec<u16>,
}

/// A text read as JSON: its value and its strings.
#[derive(Clone, Debug)]
pub struct Read {
    pub value: Json,
    pub strings: Vec<StringToken>,
}

/// Deeper than Python's recursion limit lets `json.loads` go: not JSON to the reference.
const MAX_DEPTH: usize = 1000;
const LITERALS: [&str; 6] = ["null", "true", "false", "NaN", "Infinity", "-Infinity"];

/// `text` read as JSON, or None when it is not JSON.
pub fn read(text: &str) -> Option<Read> {
    let mut reader = Reader {
        text,
        pos: 0,
        strings: Vec::new(),
    };
    let value = reader.value(0)?;
    reader.space();
    (reader.pos == text.len()).then_some(Read {
        value,
        strings: reader.strings,
    })
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    strings: Vec<StringToken>,
}

impl Reader<'_> {
    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.next()? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(Json::String),
            _ => self.number().or_else(|| self.literal()),
        }
    }

    fn object(&mut self, depth: usize) -> Option<Json> {
        self.pos += 1;
        let mut members = Vec::new();
        if self.next()? == b'}' {
            self.pos += 1;
            return Some(Json::Object(members));
        }
        loop {
            if self.next()? != b'"' {
                return None;
            }
            let key = self.string()?;
            if self.next()? != b':' {
                return None;
            }
            self.pos += 1;
            members.push((key, self.value(depth + 1)?));
            match self.after()? {
                b'}' => return Some(Json::Object(members)),
                b',' => {}
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Json> {
        self.pos += 1;
        let mut items = Vec::new();
        if self.next()? == b']' {
            self.pos += 1;
            return Some(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            match self.after()? {
                b']' => return Some(Json::Array(items)),
                b',' => {}
                _ => return None,
            }
        }
    }

    /// The punctuation after a member or item, taken.
    fn after(&mut self) -> Option<u8> {
        let c = self.next()?;
        self.pos += 1;
        Some(c)
    }

    fn string(&mut self) -> Option<Vec<u16>> {
        let start = self.pos;
        self.pos += 1;
        let mut value = Vec::new();
        loop {
            let c = self.text[self.pos..].chars().next()?;
            if c < ' ' {
                return None; // a control character
            }
            self.pos += c.len_utf8();
            match c {
                '"' => break,
                '\\' => self.escape(&mut value)?,
                _ => value.extend(c.encode_utf16(&mut [0; 2]).iter()),
            }
        }
        self.strings.push(StringToken {
            spelt: self.text[start..self.pos].to_owned(),
            value: value.clone(),
        });
        Some(value)
    }

    fn escape(&mut self, value: &mut Vec<u16>) -> Option<()> {
        let c = *self.text.as_bytes().get(self.pos)?;
        self.pos += 1;
        let simple = match c {
            b'"' | b'\\' | b'/' => c,
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let hex = self.text.get(self.pos..self.pos + 4)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                self.pos += 4;
                value.push(u16::from_str_radix(hex, 16).ok()?); // a lone surrogate stays one
                return Some(());
            }
            _ => return None,
        };
        value.push(u16::from(simple));
        Some(())
    }

    fn number(&mut self) -> Option<Json> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut end = start + usize::from(bytes.get(start) == Some(&b'-'));
        match bytes.get(end)? {
            b'0' => end += 1,
            b'1'..=b'9' => end = digits(bytes, end),
            _ => return None,
        }
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digits(bytes, end + 1);
        }
        if matches!(bytes.get(end), Some(b'e' | b'E')) {
            let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
            if bytes.get(end + 1 + sign).is_some_and(u8::is_ascii_digit) {
                end = digits(bytes, end + 1 + sign);
            }
        }
        self.pos = end;
        Some(Json::Number(self.text[start..end].to_owned()))
    }

    fn literal(&mut self) -> Option<Json> {
        let rest = &self.text[self.pos..];
        let word = LITERALS.into_iter().find(|w| rest.starts_with(w))?;
        self.pos += word.len();
        Some(match word {
            "null" => Json::Null,
            "true" => Json::Bool(true),
            "false" => Json::Bool(false),
            _ => Json::Number(word.to_owned()),
        })
    }

    /// The next byte after white space (JSON's four).
    fn next(&mut self) -> Option<u8> {
        self.space();
        self.text.as_bytes().get(self.pos).copied()
    }

    fn space(&mut self) {
        let bytes = self.text.as_bytes();
        while matches!(bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }
}

/// The end of the run of ASCII digits from `at`.
fn digits(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    at
}

/// A tree as compact JSON, numbers as they were spelt (for reports; a lone surrogate
/// is shown as U+FFFD).
pub fn write(value: &Json) -> String {
    match value {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => b.to_string(),
        Json::Number(text) => text.clone(),
        Json::String(units) => write_string(units),
        Json::Array(items) => format!(
            "[{}]",
            items.iter().map(write).collect::<Vec<_>>().join(",")
        ),
        Json::Object(members) => {
            let members: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{}:{}", write_string(k), write(v)))
                .collect();
            format!("{{{}}}", members.join(","))
        }
    }
}

/// A string as JSON.
pub fn write_string(units: &[u16]) -> String {
    serde_json::Value::String(String::from_utf16_lossy(units)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn keeps_order_duplicates_and_number_text() {
        let read = read(r#" {"b":1.0,"a":[1e3,-0],"b":null} "#).unwrap();
        let expected = Json::Object(vec![
            (units("b"), Json::Number("1.0".into())),
            (
                units("a"),
                Json::Array(vec![Json::Number("1e3".into()), Json::Number("-0".into())]),
            ),
            (units("b"), Json::Null),
        ]);
        assert_eq!(read.value, expected);
        assert_eq!(write(&read.value), r#"{"b":1.0,"a":[1e3,-0],"b":null}"#);
    }

    #[test]
    fn keeps_spellings_and_lone_surrogates() {
        let read = read(r#"["\u00e9","é","\ud800"]"#).unwrap();
        let spelt: Vec<&str> = read.strings.iter().map(|s| s.spelt.as_str()).collect();
        assert_eq!(spelt, [r#""\u00e9""#, r#""é""#, r#""\ud800""#]);
        assert_eq!(read.strings[0].value, read.strings[1].value);
        assert_eq!(read.strings[2].value, vec![0xd800]);
    }

    #[test]
    fn reads_what_json_loads_reads() {
        for text in ["NaN", "-Infinity", "[Infinity]", "\"\\/\"", "0", "-0.5e-3"] {
            assert!(read(text).is_some(), "{text}");
        }
        for text in [
            "",
            "01",
            "1.",
            "1e",
            "[1,]",
            "{\"a\":1,}",
            "'a'",
            "\"\t\"",
            "\u{feff}1",
            "1 2",
            "-",
        ] {
            assert!(read(text).is_none(), "{text:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert!(read(&deep).is_none());
    }
}
