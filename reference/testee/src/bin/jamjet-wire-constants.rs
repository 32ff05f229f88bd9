//! The wire constants other runtimes copy from Rust, asked of Rust itself: integer
//! bounds, serde_json's recursion limit and error texts, what serde's visitors expect
//! (serde, chrono, uuid), and the scalar values that
//! `{:?}` escapes in a str. Prints one JSON object (keys sorted) that
//! `python -m codegen.rust_facts` records in reference/wire-constants.json; codegen
//! emits every runtime's table from that file and the wire model.

use serde_json::{json, Map, Value};

/// serde_json's error for `input` read as a Value, without " at line L column C".
fn error_text(input: &str) -> String {
    error_text_of::<Value>(input)
}

/// One input per ErrorCode the runtimes raise, named as they name it.
const ERROR_INPUTS: &[(&str, &str)] = &[
    ("EOF_LIST", "["),
    ("EOF_OBJECT", "{"),
    ("EOF_STRING", "\"a"),
    ("EOF_VALUE", ""),
    ("EXPECTED_COLON", "{\"a\" 1}"),
    ("EXPECTED_LIST_COMMA_OR_END", "[1 2]"),
    ("EXPECTED_OBJECT_COMMA_OR_END", "{\"a\":1 2}"),
    ("EXPECTED_IDENT", "nul!"),
    ("EXPECTED_VALUE", "x"),
    ("INVALID_ESCAPE", "\"\\x\""),
    ("INVALID_NUMBER", "-a"),
    ("NUMBER_OUT_OF_RANGE", "1e400"),
    ("CONTROL_CHARACTER", "\"\u{1}\""),
    ("KEY_MUST_BE_A_STRING", "{1:1}"),
    ("LONE_LEADING_SURROGATE", "\"\\ud800\\u0041\""),
    ("TRAILING_COMMA", "[1,]"),
    ("TRAILING_CHARACTERS", "1 2"),
    ("UNEXPECTED_END_OF_HEX_ESCAPE", "\"\\ud800\""),
];

/// What serde's visitor for `T` expects, in its `invalid type: null, expected ...`.
fn expecting<T: serde::de::DeserializeOwned>() -> String {
    let text = error_text_of::<T>("null");
    let (_, expected) = text
        .split_once(", expected ")
        .expect("an invalid type message");
    expected.to_string()
}

fn error_text_of<T: serde::de::DeserializeOwned>(input: &str) -> String {
    let Err(err) = serde_json::from_str::<T>(input) else {
        panic!("{input} was read")
    };
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// The visitors' expected texts the runtimes word their type errors with.
fn expectings() -> Map<String, Value> {
    [
        ("BOOL", expecting::<bool>()),
        ("STRING", expecting::<String>()),
        ("SEQUENCE", expecting::<Vec<u8>>()),
        ("MAP", expecting::<std::collections::BTreeMap<String, u8>>()),
        ("TIMESTAMP", expecting::<chrono::DateTime<chrono::Utc>>()),
        ("UUID", expecting::<uuid::Uuid>()),
    ]
    .into_iter()
    .map(|(name, text)| (name.to_string(), Value::String(text)))
    .collect()
}

/// serde's data-error messages (`serde::de::Error`'s provided methods, as serde_json's
/// Error words them), with `{placeholders}` where the runtimes put their values.
fn serde_messages() -> Map<String, Value> {
    use serde::de::{Error, Unexpected};
    use serde_json::Error as E;
    let text = |err: E| Value::String(err.to_string());
    let variants: [&[&'static str]; 4] = [&[], &["{a}"], &["{a}", "{b}"], &["{a}", "{b}", "{c}"]];
    let mut out: Map<String, Value> = variants
        .iter()
        .enumerate()
        .map(|(n, names)| {
            let err = E::unknown_variant("{name}", names);
            (format!("UNKNOWN_VARIANT_{n}"), text(err))
        })
        .collect();
    let unexpected = Unexpected::Other("{unexpected}");
    let length = E::invalid_length(7, &"{expected}").to_string();
    let entries = [
        ("MISSING_FIELD", text(E::missing_field("{name}"))),
        ("DUPLICATE_FIELD", text(E::duplicate_field("{name}"))),
        (
            "INVALID_TYPE",
            text(E::invalid_type(unexpected, &"{expected}")),
        ),
        (
            "INVALID_VALUE",
            text(E::invalid_value(unexpected, &"{expected}")),
        ),
        (
            "INVALID_LENGTH",
            Value::String(length.replacen('7', "{length}", 1)),
        ),
    ];
    out.extend(entries.map(|(name, value)| (name.to_string(), value)));
    out
}

/// The first nesting depth of arrays serde_json::from_str refuses: its recursion
/// limit (Deserializer::new's remaining_depth).
fn recursion_limit() -> usize {
    (1..1000)
        .find(|&depth| {
            let text = "[".repeat(depth) + &"]".repeat(depth);
            serde_json::from_str::<Value>(&text).is_err()
        })
        .expect("serde_json refuses some depth below 1000")
}

/// Inclusive ranges of the scalar values `{:?}` of a str writes as an escape.
fn debug_escaped_ranges() -> Vec<[u32; 2]> {
    let mut ranges: Vec<[u32; 2]> = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let shown = format!("{:?}", c.to_string());
        if shown == format!("\"{c}\"") {
            continue;
        }
        let code = c as u32;
        match ranges.last_mut() {
            Some(last) if last[1] + 1 == code => last[1] = code,
            _ => ranges.push([code, code]),
        }
    }
    ranges
}

fn main() {
    let limit = recursion_limit();
    let mut errors: Map<String, Value> = ERROR_INPUTS
        .iter()
        .map(|(name, input)| (name.to_string(), Value::String(error_text(input))))
        .collect();
    let too_deep = "[".repeat(limit);
    errors.insert(
        "RECURSION_LIMIT_EXCEEDED".into(),
        error_text(&too_deep).into(),
    );
    let (major, minor, patch) = char::UNICODE_VERSION;
    let facts = json!({
        "integers": {
            "u32": [u32::MIN, u32::MAX],
            "u64": [u64::MIN, u64::MAX],
            "i64": [i64::MIN, i64::MAX],
            "i32": [i32::MIN, i32::MAX],
        },
        "recursion_limit": limit,
        "serde_json_errors": errors,
        "serde_expecting": expectings(),
        "serde_messages": serde_messages(),
        "debug_escaped_ranges": debug_escaped_ranges(),
        "unicode_version": format!("{major}.{minor}.{patch}"),
    });
    println!("{facts}");
}
