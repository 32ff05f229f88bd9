//! `list-events`: what the runtime's HTTP API answers `GET /executions/{id}/events`
//! with, for a tenant. The events are read as the tenant-scoped backend's get_events
//! reads them (this execution's rows of this tenant, by sequence; any row it cannot
//! read fails the whole answer), each NodeCompleted output is resolved from the
//! tenant's artifacts as list_events does (artifacts::serve), and the answer is
//! `{"events": [...]}` through `serde_json::Value` (`--form api`, the runtime's bytes)
//! or each Event as serde writes it, one per line (`--form log`).

use crate::artifacts;
use crate::read::{created_at, integer, text, uuid};
use jamjet_schema::{Event, EventKind, ExecutionId};
use rusqlite::{params, Connection};
use serde_json::json;
use std::io::Write;
use uuid::Uuid;

pub fn list_events(
    db: &Connection,
    execution: &str,
    tenant: Option<&str>,
    form: &str,
) -> Result<(), String> {
    if form != "api" && form != "log" {
        return Err(format!("no form {form:?} (api or log)"));
    }
    // The route parses the id and binds the UUID's own text.
    let execution = Uuid::parse_str(execution)
        .map_err(|e| format!("invalid execution_id: {e}"))?
        .to_string();
    let tenant = tenant.unwrap_or("default");
    let mut statement = db
        .prepare(
            "SELECT id, execution_id, sequence, kind_json, created_at FROM events
             WHERE execution_id = ?1 AND tenant_id = ?2 ORDER BY sequence ASC",
        )
        .map_err(|e| e.to_string())?;
    let mut rows = statement
        .query(params![execution, tenant])
        .map_err(|e| e.to_string())?;
    let mut events = Vec::new();
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let event = (|| {
            let kind_json = text(row, 3, "kind_json")?;
            Ok::<Event, crate::read::Failure>(Event {
                id: uuid(row, 0, "id")?,
                execution_id: ExecutionId(uuid(row, 1, "execution_id")?),
                sequence: integer(row, 2, "sequence")?,
                kind: serde_json::from_str(&kind_json).map_err(|e| ("kind_json", e.to_string()))?,
                created_at: created_at(row, 4)?,
            })
        })()
        .map_err(|(column, message)| {
            format!("a row the runtime cannot read: {column}: {message}")
        })?;
        events.push(event);
    }
    for event in &mut events {
        if let EventKind::NodeCompleted { output, .. } = &mut event.kind {
            if let Some(why) = artifacts::serve(db, tenant, output)? {
                eprintln!(
                    "warning: execution_id={} sequence={} id={}: {why}",
                    event.execution_id.0, event.sequence, event.id
                );
            }
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if form == "api" {
        let answer = serde_json::to_string(&json!({ "events": events })).expect("serializes");
        writeln!(out, "{answer}")
    } else {
        events.iter().try_for_each(|event| {
            let line = serde_json::to_string(event).expect("an Event always serializes");
            writeln!(out, "{line}")
        })
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())
}
