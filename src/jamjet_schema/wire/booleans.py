"""The bool target: only `true` and `false`; serde's visitor expects "a boolean"."""

from __future__ import annotations

from ._constants import EXPECTING_BOOL
from .errors import Path
from .nodes import JsonNode
from .unexpected import invalid_type


def as_bool(node: JsonNode, path: Path = ()) -> bool:
    if isinstance(node, bool):
        return node
    raise invalid_type(node, EXPECTING_BOOL, path)


def write_bool(value: bool) -> str:
    return "true" if value else "false"
