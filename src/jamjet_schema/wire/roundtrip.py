"""The wire probe's `round_trip::<T>` in Python: parse, decode as T, write back.

Mirrors reference/testee/src/bin/jamjet-wire-probe.rs for its type names, so the
Python wire layer can be compared with serde line for line (tests/wire) or serve
as a Python testee for the same protocol.

Error messages: syntax errors carry serde_json's full text; type and value errors
carry serde's text without the " at line L column C" suffix (the tree has no byte
positions), and when a document holds both kinds of error serde may report the one
it meets first while this reports the syntax error. Verdicts are unaffected.
"""

from __future__ import annotations

from collections.abc import Callable

from ._constants import EXPECTING_SEQUENCE
from .booleans import as_bool, write_bool
from .errors import Path
from .floats import format_f64
from .jsontext import parse
from .nodes import JsonNode
from .numbers import as_f64, as_int, write_int
from .strings import as_string, write_json_string
from .timestamp import Timestamp
from .unexpected import invalid_type
from .uuids import format_uuid, uuid_from_node
from .value import write_value

Writer = Callable[[JsonNode, Path], str]


def _u32(node: JsonNode, path: Path) -> str:
    return write_int(as_int(node, "u32", path))


def _u64(node: JsonNode, path: Path) -> str:
    return write_int(as_int(node, "u64", path))


def _i64(node: JsonNode, path: Path) -> str:
    return write_int(as_int(node, "i64", path))


def _f64(node: JsonNode, path: Path) -> str:
    return format_f64(as_f64(node, path))


def _bool(node: JsonNode, path: Path) -> str:
    return write_bool(as_bool(node, path))


def _string(node: JsonNode, path: Path) -> str:
    return write_json_string(as_string(node, path))


def _value(node: JsonNode, path: Path) -> str:
    return write_value(node)


def _datetime(node: JsonNode, path: Path) -> str:
    return Timestamp.from_node(node, path).to_json()


def _uuid(node: JsonNode, path: Path) -> str:
    return f'"{format_uuid(uuid_from_node(node, path))}"'


def vec_of(item: Writer) -> Writer:
    """Vec<T>: a JSON array only ("a sequence"), items decoded in order."""

    def write(node: JsonNode, path: Path) -> str:
        if not isinstance(node, list):
            raise invalid_type(node, EXPECTING_SEQUENCE, path)
        return "[" + ",".join(item(child, (*path, i)) for i, child in enumerate(node)) + "]"

    return write


def option_of(inner: Writer) -> Writer:
    """Option<T>: null is None; anything else must decode as T (T's message on failure)."""

    def write(node: JsonNode, path: Path) -> str:
        return "null" if node is None else inner(node, path)

    return write


WRITERS: dict[str, Writer] = {
    "u32": _u32,
    "u64": _u64,
    "i64": _i64,
    "f64": _f64,
    "bool": _bool,
    "String": _string,
    "Value": _value,
    "DateTime<Utc>": _datetime,
    "Uuid": _uuid,
    "Vec<String>": vec_of(_string),
    "Vec<Value>": vec_of(_value),
    "Option<u32>": option_of(_u32),
    "Option<u64>": option_of(_u64),
    "Option<f64>": option_of(_f64),
    "Option<String>": option_of(_string),
    "Option<Value>": option_of(_value),
}


def round_trip(type_name: str, text: str) -> str:
    """serde_json::to_string(&serde_json::from_str::<T>(text)?) for the probe's T."""
    writer = WRITERS.get(type_name)
    if writer is None:
        raise KeyError(f"type {type_name} is not implemented by the Python wire layer")
    return writer(parse(text), ())
