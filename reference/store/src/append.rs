//! Appending events as the runtime's store does: `kind_json` is
//! `serde_json::to_string(&event.kind)`, `created_at` is `to_rfc3339()`, and the
//! sequence is the store's own, `MAX(sequence) + 1` within the execution (the
//! event's own number is advisory). The execution row is made on first use.
//!
//! With a spill threshold, each NodeCompleted output is first spilled as the runtime's
//! worker does before it commits the event: stored in `artifacts` (for the event's
//! tenant) when its JSON is longer than the threshold, and replaced by its sentinel.
//! The store's own append never spills; the worker does.

use crate::artifacts;
use jamjet_schema::{Event, EventKind};
use rusqlite::{params, Connection, OptionalExtension};
use std::io::BufRead;

pub fn append(
    db: &mut Connection,
    tenant: Option<&str>,
    spill: Option<usize>,
    input: impl BufRead,
) -> Result<(), String> {
    let tx = db.transaction().map_err(|e| e.to_string())?;
    for (number, line) in input.lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let mut event: Event =
            serde_json::from_str(&line).map_err(|e| format!("input line {}: {e}", number + 1))?;
        if let (Some(threshold), EventKind::NodeCompleted { output, .. }) = (spill, &mut event.kind)
        {
            artifacts::spill(&tx, tenant.unwrap_or("default"), output, threshold)
                .map_err(|e| format!("input line {}: {e}", number + 1))?;
        }
        insert(&tx, &event, tenant).map_err(|e| format!("input line {}: {e}", number + 1))?;
    }
    tx.commit().map_err(|e| e.to_string())
}

fn insert(db: &Connection, event: &Event, tenant: Option<&str>) -> rusqlite::Result<()> {
    let execution = event.execution_id.0.to_string();
    let tenant = tenant.unwrap_or("default");
    ensure_execution(db, &execution, &event.created_at.to_rfc3339(), tenant)?;
    let next: i64 = db.query_row(
        "SELECT COALESCE(MAX(sequence), 0) + 1 FROM events WHERE execution_id = ?1",
        params![execution],
        |row| row.get(0),
    )?;
    let kind_json = serde_json::to_string(&event.kind).expect("an EventKind always serializes");
    db.execute(
        "INSERT INTO events (id, execution_id, sequence, kind_json, created_at, tenant_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            event.id.to_string(),
            execution,
            next,
            kind_json,
            event.created_at.to_rfc3339(),
            tenant
        ],
    )?;
    Ok(())
}

fn ensure_execution(
    db: &Connection,
    execution: &str,
    at: &str,
    tenant: &str,
) -> rusqlite::Result<()> {
    let known: Option<i64> = db
        .query_row(
            "SELECT 1 FROM workflow_executions WHERE execution_id = ?1",
            params![execution],
            |row| row.get(0),
        )
        .optional()?;
    if known.is_none() {
        db.execute(
            "INSERT INTO workflow_executions (execution_id, workflow_id, workflow_version, status,
             initial_input, current_state, started_at, updated_at, tenant_id)
             VALUES (?1, 'workflow', '1', 'running', '{}', '{}', ?2, ?2, ?3)",
            params![execution, at, tenant],
        )?;
    }
    Ok(())
}
