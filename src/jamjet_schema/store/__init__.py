"""The runtime's own event store (SQLite), read strictly read-only, row by row as the
runtime reads it.

- `location`: what names a store (a path, a `sqlite://` URL) and how to tell one.
- `connection`: opening it read-only without touching it, and its layout checked.
- `rfc3339`, `rows`: one row read exactly as the runtime does (`Uuid::parse_str`,
  `serde_json::from_str::<EventKind>`, `DateTime::parse_from_rfc3339` to UTC).
- `scan`: every row, in batches through the native core; only problem rows take the
  per-row path.
- `artifacts`: NodeCompleted outputs the runtime spilled to its `artifacts` table,
  resolved as its HTTP API resolves them (`export --resolve-artifacts`).
- `readers`, `sequences`: the migration question (would a reader of another schema
  version read every stored event?) and per-execution warnings.
"""
