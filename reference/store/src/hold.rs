//! A writer holding the store: takes the lock, says `held` on stdout, and keeps it
//! until its stdin closes. `exclusive` is a WAL store in exclusive locking mode (or a
//! rollback-journal store) inside a write transaction: readers get SQLITE_BUSY.
//! `write` is an ordinary write transaction, which in WAL mode blocks no reader.

use rusqlite::Connection;
use std::io::{Read, Write};

/// `until` is the writer's stdin: the lock is held until it closes.
pub fn hold(path: &str, mode: &str, mut until: impl Read) -> Result<(), String> {
    let db = Connection::open(path).map_err(|e| e.to_string())?;
    if mode == "exclusive" {
        db.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(|e| e.to_string())?;
    } else if mode != "write" {
        return Err(format!("no hold mode {mode:?} (exclusive or write)"));
    }
    let begin = if mode == "exclusive" {
        "BEGIN EXCLUSIVE"
    } else {
        "BEGIN IMMEDIATE"
    };
    db.execute_batch(&format!(
        "{begin}; INSERT INTO _sqlx_migrations (version, description, success, checksum,
         execution_time) VALUES (-1, 'held', 1, x'', 0);"
    ))
    .map_err(|e| e.to_string())?;
    println!("held");
    std::io::stdout().flush().map_err(|e| e.to_string())?;
    let mut rest = Vec::new();
    let _ = until.read_to_end(&mut rest);
    db.execute_batch("ROLLBACK").map_err(|e| e.to_string())
}
