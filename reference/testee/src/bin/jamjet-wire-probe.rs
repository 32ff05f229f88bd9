//! Testee over single Rust types, for checking the wire layer of other
//! languages (numbers, strings, timestamps, UUIDs, serde_json::Value) one rule at a time.
//! The type_name is the Rust type as written here.

use chrono::{DateTime, Utc};
use jamjet_testee::{not_implemented, round_trip, serve};
use serde_json::Value;
use uuid::Uuid;

fn main() -> std::io::Result<()> {
    serve(|type_name, input| match type_name {
        "u32" => round_trip::<u32>(input),
        "u64" => round_trip::<u64>(input),
        "i64" => round_trip::<i64>(input),
        "f64" => round_trip::<f64>(input),
        "bool" => round_trip::<bool>(input),
        "String" => round_trip::<String>(input),
        "Value" => round_trip::<Value>(input),
        "DateTime<Utc>" => round_trip::<DateTime<Utc>>(input),
        "Uuid" => round_trip::<Uuid>(input),
        "Vec<String>" => round_trip::<Vec<String>>(input),
        "Vec<Value>" => round_trip::<Vec<Value>>(input),
        "Option<u32>" => round_trip::<Option<u32>>(input),
        "Option<u64>" => round_trip::<Option<u64>>(input),
        "Option<f64>" => round_trip::<Option<f64>>(input),
        "Option<String>" => round_trip::<Option<String>>(input),
        "Option<Value>" => round_trip::<Option<Value>>(input),
        other => not_implemented(other),
    })
}
