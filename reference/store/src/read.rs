//! Reading rows back as the runtime does: `Uuid::parse_str` on `id` and
//! `execution_id`, `sequence` as an i64, `serde_json::from_str::<EventKind>` on
//! `kind_json`, `DateTime::parse_from_rfc3339` on `created_at`, converted to UTC.
//! Each row's verdict is printed as one JSON line: the row's raw columns and either
//! the Event as serde writes it or the first column that failed and why. `--reader
//! seed` reads with the contract file's types (event.rs, the 1.0.0 reader) instead of
//! the generated crate's (the current schema).

use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row};
use serde_json::{json, Value as Json};
use uuid::Uuid;

/// The query of the Python store reader: every row, or one execution's or tenant's,
/// in (execution, sequence) order.
pub fn query(execution: Option<&str>, tenant: Option<&str>) -> (String, Vec<String>) {
    let mut sql =
        String::from("SELECT rowid, id, execution_id, sequence, kind_json, created_at FROM events");
    let mut args = Vec::new();
    let mut filters = Vec::new();
    if let Some(e) = execution {
        filters.push("execution_id = ?");
        args.push(e.to_string());
    }
    if let Some(t) = tenant {
        filters.push("tenant_id = ?");
        args.push(t.to_string());
    }
    if !filters.is_empty() {
        sql += &format!(" WHERE {}", filters.join(" AND "));
    }
    sql += " ORDER BY execution_id, sequence";
    (sql, args)
}

/// A column value as it is stored, for naming the row in the output.
pub fn raw(value: ValueRef<'_>) -> Json {
    match value {
        ValueRef::Null => Json::Null,
        ValueRef::Integer(i) => json!(i),
        ValueRef::Real(f) => json!(f),
        ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => json!(text),
            Err(_) => json!({ "text_bytes": hex(bytes) }),
        },
        ValueRef::Blob(bytes) => json!({ "blob": hex(bytes) }),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A column failed: its name and why.
pub type Failure = (&'static str, String);

/// A TEXT column as the runtime's `String` decode takes it.
pub fn text(row: &Row<'_>, index: usize, name: &'static str) -> Result<String, Failure> {
    match row.get_ref(index).map_err(|e| (name, e.to_string()))? {
        ValueRef::Text(bytes) => std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|e| (name, format!("invalid UTF-8: {e}"))),
        other => Err((name, format!("expected TEXT, found {}", type_name(other)))),
    }
}

/// The INTEGER column as the runtime's i64 decode takes it.
pub fn integer(row: &Row<'_>, index: usize, name: &'static str) -> Result<i64, Failure> {
    match row.get_ref(index).map_err(|e| (name, e.to_string()))? {
        ValueRef::Integer(i) => Ok(i),
        other => Err((
            name,
            format!("expected INTEGER, found {}", type_name(other)),
        )),
    }
}

fn type_name(value: ValueRef<'_>) -> &'static str {
    match value {
        ValueRef::Null => "NULL",
        ValueRef::Integer(_) => "INTEGER",
        ValueRef::Real(_) => "REAL",
        ValueRef::Text(_) => "TEXT",
        ValueRef::Blob(_) => "BLOB",
    }
}

pub fn uuid(row: &Row<'_>, index: usize, name: &'static str) -> Result<Uuid, Failure> {
    let text = text(row, index, name)?;
    Uuid::parse_str(&text).map_err(|e| (name, e.to_string()))
}

pub fn created_at(row: &Row<'_>, index: usize) -> Result<DateTime<Utc>, Failure> {
    let text = text(row, index, "created_at")?;
    DateTime::parse_from_rfc3339(&text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|e| ("created_at", e.to_string()))
}

/// Reads every row of the query with the types of `$types` (a crate with `Event` and
/// `EventKind`) whose execution id is `$execution`, printing one verdict per row.
#[macro_export]
macro_rules! read_rows {
    ($db:expr, $sql:expr, $args:expr, $types:ident, $execution:path) => {{
        let mut statement = $db.prepare($sql).map_err(|e| e.to_string())?;
        let mut rows = statement
            .query(rusqlite::params_from_iter($args))
            .map_err(|e| e.to_string())?;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        while let Some(row) = rows.next().map_err(|e| e.to_string())? {
            let verdict = (|| -> Result<String, $crate::read::Failure> {
                let id = $crate::read::uuid(row, 1, "id")?;
                let execution_id = $crate::read::uuid(row, 2, "execution_id")?;
                let sequence = $crate::read::integer(row, 3, "sequence")?;
                let kind_json = $crate::read::text(row, 4, "kind_json")?;
                let kind: $types::EventKind =
                    serde_json::from_str(&kind_json).map_err(|e| ("kind_json", e.to_string()))?;
                let created_at = $crate::read::created_at(row, 5)?;
                let event = $types::Event {
                    id,
                    execution_id: $execution(execution_id),
                    sequence,
                    kind,
                    created_at,
                };
                Ok(serde_json::to_string(&event).expect("an Event always serializes"))
            })();
            $crate::read::print(&mut out, row, verdict).map_err(|e| e.to_string())?;
        }
        std::io::Write::flush(&mut out).map_err(|e| e.to_string())
    }};
}

pub fn print(
    out: &mut impl std::io::Write,
    row: &Row<'_>,
    verdict: Result<String, Failure>,
) -> std::io::Result<()> {
    let cell = |i: usize| row.get_ref(i).map(raw).unwrap_or(Json::Null);
    let mut line = json!({
        "rowid": cell(0), "id": cell(1), "execution_id": cell(2), "sequence": cell(3),
    });
    match verdict {
        Ok(event) => line["event"] = json!(event),
        Err((column, message)) => line["error"] = json!({ "column": column, "message": message }),
    }
    writeln!(out, "{line}")
}

pub fn read(
    db: &Connection,
    reader: &str,
    execution: Option<&str>,
    tenant: Option<&str>,
) -> Result<(), String> {
    let (sql, args) = query(execution, tenant);
    match reader {
        "current" => read_rows!(db, &sql, &args, jamjet_schema, jamjet_schema::ExecutionId),
        "seed" => read_rows!(
            db,
            &sql,
            &args,
            jamjet_seed,
            jamjet_core::workflow::ExecutionId
        ),
        other => Err(format!("no reader {other:?} (current or seed)")),
    }
}
