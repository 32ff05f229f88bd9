"""The wire model's own constants: what the contract decides, not what a schema says.

Each is stated once here; codegen emits it, beside the facts recorded from the Rust
reference (reference/wire-constants.json), into every runtime's table
(jamjet_schema/wire/_constants.py, the TypeScript runtime's constants.ts), and checks
that the Rust reference agrees where it has a say (the integer bounds).
"""

from __future__ import annotations

# Inclusive bounds of each integer width of the contract, by its Rust name.
INT_BOUNDS: dict[str, tuple[int, int]] = {
    "u32": (0, 2**32 - 1),
    "u64": (0, 2**64 - 1),
    "i64": (-(2**63), 2**63 - 1),
}

# The serde rules the corpus names its cases by (conformance/README.md), in the order
# the corpus lists them; the log commands summarise errors by the same names.
RULES: tuple[str, ...] = (
    "tag",
    "snake-case",
    "required-field",
    "null-vs-omitted",
    "default",
    "unknown-field",
    "duplicate-field",
    "wrong-type",
    "integer-width",
    "float-format",
    "timestamp",
    "uuid",
    "value-canonicalisation",
    "unicode-escapes",
    "nesting-depth",
    "json-syntax",
    "sequence-form",
    "api-form",
    "envelope",
    "evolution",
)

# The runtime's HTTP API (`GET /executions/{id}/events`, upstream routes.rs `list_events`)
# answers `{"events": [...]}`, built with `json!`: every event goes through
# serde_json::Value first, so each object's members come out sorted by key, at every
# level. The protocol and the parsers name the bare array and the envelope as types.
EVENTS_ARRAY = "Events"
EVENTS_ENVELOPE = "EventsResponse"
ENVELOPE_MEMBER = "events"
# How an accepted document is written back: `log` as serde_json::to_string writes the
# value (fields in declaration order), `api` through serde_json::Value (members sorted).
FORMS: tuple[str, ...] = ("log", "api")
