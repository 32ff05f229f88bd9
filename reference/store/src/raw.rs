//! Raw rows for bad-data tests: each input line is a JSON object of column values,
//! stored verbatim (a JSON string as TEXT, an integer as INTEGER, a float as REAL,
//! null as NULL, `{"blob": "<hex>"}` as a BLOB). Foreign keys are off, so a row need
//! not belong to a known execution.

use rusqlite::types::Value;
use rusqlite::Connection;
use serde_json::Value as Json;
use std::io::BufRead;

pub fn insert_raw(db: &mut Connection, input: impl BufRead) -> Result<(), String> {
    db.pragma_update(None, "foreign_keys", false)
        .map_err(|e| e.to_string())?;
    let tx = db.transaction().map_err(|e| e.to_string())?;
    for (number, line) in input.lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let where_ = |e: String| format!("input line {}: {e}", number + 1);
        let row: serde_json::Map<String, Json> =
            serde_json::from_str(&line).map_err(|e| where_(e.to_string()))?;
        let names: Vec<&str> = row.keys().map(String::as_str).collect();
        let values = row
            .values()
            .map(sql_value)
            .collect::<Result<Vec<_>, _>>()
            .map_err(where_)?;
        let marks = vec!["?"; names.len()].join(", ");
        let sql = format!("INSERT INTO events ({}) VALUES ({marks})", names.join(", "));
        tx.execute(&sql, rusqlite::params_from_iter(values))
            .map_err(|e| where_(e.to_string()))?;
    }
    tx.commit().map_err(|e| e.to_string())
}

fn sql_value(value: &Json) -> Result<Value, String> {
    Ok(match value {
        Json::Null => Value::Null,
        Json::String(text) => Value::Text(text.clone()),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().ok_or("a number beyond f64")?),
        },
        Json::Object(o) => match o.get("blob").and_then(Json::as_str) {
            Some(hex) => Value::Blob(from_hex(hex)?),
            None => return Err("an object value must be {\"blob\": \"<hex>\"}".into()),
        },
        other => return Err(format!("no SQLite value for {other}")),
    })
}

fn from_hex(hex: &str) -> Result<Vec<u8>, String> {
    (0..hex.len())
        .step_by(2)
        .map(|i| {
            u8::from_str_radix(hex.get(i..i + 2).unwrap_or("?"), 16).map_err(|e| e.to_string())
        })
        .collect()
}
