"""serde's JSON text of a member read from a canonical event: its members in the order
they were read.

A canonical event already holds every nested object in serde's order (a Value's
members sorted, a struct's in declaration order), so writing them back in the order
read gives serde's bytes, whatever the member's type; numbers and strings as
jamjet_schema.wire writes them (serde_json's forms).
"""

from __future__ import annotations

from typing import Any

from jamjet_schema.wire.floats import format_f64
from jamjet_schema.wire.strings import write_json_string


def json_text(node: Any) -> str:
    out: list[str] = []
    _write(node, out)
    return "".join(out)


def _write(node: Any, out: list[str]) -> None:
    if isinstance(node, str):
        out.append(write_json_string(node))
    elif isinstance(node, dict):
        out.append("{")
        first = True
        for key, value in node.items():
            if not first:
                out.append(",")
            first = False
            out.append(write_json_string(key))
            out.append(":")
            _write(value, out)
        out.append("}")
    elif isinstance(node, list):
        out.append("[")
        for index, item in enumerate(node):
            if index:
                out.append(",")
            _write(item, out)
        out.append("]")
    elif node is None:
        out.append("null")
    elif node is True:
        out.append("true")
    elif node is False:
        out.append("false")
    elif isinstance(node, int):
        out.append(str(node))
    else:
        out.append(format_f64(node))
