"""Which column holds each member of an `Event`, in the order serde writes them.

The order and the members' types come from the emitted wire table (the generated
package's `plans.CLASSES`), so a change to `Event` reaches the store's reader; only
where the runtime keeps each member is said here (`kind` is stored alone, as
`kind_json`). Both the exact path (`event_line`) and the bulk path's SQL
(`EVENT_LINE_SQL`) are built from it.
"""

from __future__ import annotations

from collections.abc import Mapping

from _jamjet_schema_generated.plans import CLASSES

_COLUMN_OF = {"kind": "kind_json"}
_QUOTED = ("string", "uuid", "timestamp")  # written as JSON strings by serde

# (member, column, written as a JSON string)
EVENT_MEMBERS: tuple[tuple[str, str, bool], ...] = tuple(
    (name, _COLUMN_OF.get(name, name), kind in _QUOTED) for name, kind, _, _ in CLASSES["Event"][1]
)

# How SQLite turns each column into its member's JSON text, for rows that pass the
# bulk path's guards (scan._FAST): created_at without its `+00:00` (`%!.*s` counts
# characters, as length() does), then serde's `Z`.
_SQL_OF = {
    "id": ("%s", "id"),
    "execution_id": ("%s", "execution_id"),
    "sequence": ("%d", "sequence"),
    "kind_json": ("%s", "kind_json"),
    "created_at": ("%!.*sZ", "length(created_at) - 6, created_at"),
}


def event_line(values: Mapping[str, object]) -> str:
    """The Event as serde writes it, from its members' canonical texts."""
    return (
        "{"
        + ",".join(_member(name, values[name], quoted) for name, _, quoted in EVENT_MEMBERS)
        + "}"
    )


def _member(name: str, text: object, quoted: bool) -> str:
    return f'"{name}":"{text}"' if quoted else f'"{name}":{text}'


def _event_line_sql() -> str:
    """One printf, not a chain of `||` (each of which copies the growing string)."""
    layout = [(name, *_SQL_OF[column], quoted) for name, column, quoted in EVENT_MEMBERS]
    text = ",".join(_member(name, spec, quoted) for name, spec, _, quoted in layout)
    return f"printf('{{{text}}}', {', '.join(args for _, _, args, _ in layout)})"


EVENT_LINE_SQL = _event_line_sql()
