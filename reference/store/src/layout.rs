//! The runtime's tables, as its migrations leave them: `events` (with `tenant_id`
//! added by the later migration), beside `workflow_executions`, `snapshots`,
//! `artifacts` (the content-addressed store of spilled values, migration 0010) and
//! sqlx's `_sqlx_migrations`. WAL mode, as the runtime opens it.

use rusqlite::Connection;

/// The first migration: executions, their events, snapshots.
const INITIAL: &str = "
CREATE TABLE workflow_executions (
    execution_id     TEXT PRIMARY KEY,
    workflow_id      TEXT NOT NULL,
    workflow_version TEXT NOT NULL,
    status           TEXT NOT NULL,
    initial_input    TEXT NOT NULL,
    current_state    TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    completed_at     TEXT
);
CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    execution_id TEXT NOT NULL REFERENCES workflow_executions(execution_id),
    sequence     INTEGER NOT NULL,
    kind_json    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE(execution_id, sequence)
);
CREATE INDEX idx_events_execution ON events(execution_id, sequence);
CREATE TABLE snapshots (
    id           TEXT PRIMARY KEY,
    execution_id TEXT NOT NULL REFERENCES workflow_executions(execution_id),
    at_sequence  INTEGER NOT NULL,
    state_json   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
";

/// The later migration that made the store multi-tenant.
const TENANTS: &str = "
ALTER TABLE events ADD COLUMN tenant_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE workflow_executions ADD COLUMN tenant_id TEXT NOT NULL DEFAULT 'default';
CREATE INDEX idx_events_tenant ON events(tenant_id);
";

/// The artifact store (upstream `runtime/state/migrations/0010_artifacts.sql`): one row
/// per (tenant, SHA-256 of the bytes); no sharing across tenants.
const ARTIFACTS: &str = "
CREATE TABLE artifacts (
    tenant_id  TEXT    NOT NULL DEFAULT 'default',
    hash       TEXT    NOT NULL,
    bytes      BLOB    NOT NULL,
    size       INTEGER NOT NULL,
    media_type TEXT,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, hash)
);
CREATE INDEX idx_artifacts_hash ON artifacts(hash);
INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
VALUES (20250101000000, 'artifacts', 1, x'02', 1);
";

/// The same `events` columns without constraints: only for tests that need rows the
/// runtime's layout cannot hold (NULLs).
const LOOSE: &str = "
CREATE TABLE events (
    id TEXT, execution_id TEXT, sequence INTEGER, kind_json TEXT, created_at TEXT,
    tenant_id TEXT DEFAULT 'default'
);
CREATE INDEX idx_events_execution ON events(execution_id, sequence);
";

const MIGRATIONS: &str = "
CREATE TABLE _sqlx_migrations (
    version        BIGINT PRIMARY KEY,
    description    TEXT NOT NULL,
    installed_on   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    success        BOOLEAN NOT NULL,
    checksum       BLOB NOT NULL,
    execution_time BIGINT NOT NULL
);
INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
VALUES (20240101000000, 'initial', 1, x'00', 1), (20240601000000, 'tenants', 1, x'01', 1);
";

/// How `create` lays the store out.
pub struct Options {
    pub loose: bool,
    pub wal: bool,
    /// The artifacts migration ran (false: a store from before it).
    pub artifacts: bool,
}

pub fn create(path: &str, options: &Options) -> rusqlite::Result<()> {
    let db = Connection::open(path)?;
    let mode = if options.wal { "WAL" } else { "DELETE" };
    db.pragma_update(None, "journal_mode", mode)?;
    if options.loose {
        db.execute_batch(LOOSE)?;
    } else {
        db.execute_batch(INITIAL)?;
        db.execute_batch(TENANTS)?;
    }
    db.execute_batch(MIGRATIONS)?;
    if options.artifacts {
        db.execute_batch(ARTIFACTS)?;
    }
    Ok(())
}

/// A connection as the runtime opens one: busy timeout, foreign keys on.
pub fn open(path: &str) -> rusqlite::Result<Connection> {
    let db = Connection::open(path)?;
    db.busy_timeout(std::time::Duration::from_secs(5))?;
    db.pragma_update(None, "foreign_keys", true)?;
    Ok(db)
}
