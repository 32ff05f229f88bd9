//! Testee over single Rust types, for checking the wire layer of other
//! languages (numbers, strings, timestamps, UUIDs, serde_json::Value) one rule at a time.
//! The type_name is the Rust type as written here.

use chrono::{DateTime, Utc};
use jamjet_testee::{not_implemented, round_trip, serve};
use serde_json::Value;
use uuid::Uuid;

fn main() -> std::io::Result<()> {
    serve(|type_name, input, form| match type_name {
        "u32" => round_trip::<u32>(input, form),
        "u64" => round_trip::<u64>(input, form),
        "i64" => round_trip::<i64>(input, form),
        "f64" => round_trip::<f64>(input, form),
        "bool" => round_trip::<bool>(input, form),
        "String" => round_trip::<String>(input, form),
        "Value" => round_trip::<Value>(input, form),
        "DateTime<Utc>" => round_trip::<DateTime<Utc>>(input, form),
        "Uuid" => round_trip::<Uuid>(input, form),
        "Vec<String>" => round_trip::<Vec<String>>(input, form),
        "Vec<Value>" => round_trip::<Vec<Value>>(input, form),
        "Option<u32>" => round_trip::<Option<u32>>(input, form),
        "Option<u64>" => round_trip::<Option<u64>>(input, form),
        "Option<f64>" => round_trip::<Option<f64>>(input, form),
        "Option<String>" => round_trip::<Option<String>>(input, form),
        "Option<Value>" => round_trip::<Option<Value>>(input, form),
        other => not_implemented(other),
    })
}
