"""Exact emulation of the Rust wire layer (serde_json 1.0.154, chrono 0.4.45, uuid 1.29.3).

Other languages must read and write exactly the bytes the Rust event log does. This
package reproduces serde's verdicts and output in pure Python:

* jsontext.parse        -- serde_json::from_str's verdict, duplicate keys kept
* numbers / booleans / strings -- primitive targets with serde's error messages
* floats.format_f64     -- serde_json's f64 output (zmij)
* strings.write_json_string, value.write_value -- serde_json's string/Value output
* timestamp.Timestamp   -- chrono's DateTime<Utc>
* uuids                 -- uuid's serde form
* roundtrip.round_trip  -- the wire probe's parse-decode-write for its type names
"""

from .booleans import as_bool, write_bool
from .errors import WireError, format_path
from .floats import format_f64
from .jsontext import parse
from .nodes import JsonNode, JsonObject
from .number_literals import number_from_literal
from .numbers import as_f64, as_int, write_int
from .roundtrip import round_trip
from .strings import as_string, write_json_string
from .timestamp import Timestamp
from .unexpected import describe, invalid_type
from .uuids import format_uuid, parse_uuid, uuid_from_node
from .value import write_value

__all__ = [
    "JsonNode",
    "JsonObject",
    "Timestamp",
    "WireError",
    "as_bool",
    "as_f64",
    "as_int",
    "as_string",
    "describe",
    "format_f64",
    "format_path",
    "format_uuid",
    "invalid_type",
    "number_from_literal",
    "parse",
    "parse_uuid",
    "round_trip",
    "uuid_from_node",
    "write_bool",
    "write_int",
    "write_json_string",
    "write_value",
]
