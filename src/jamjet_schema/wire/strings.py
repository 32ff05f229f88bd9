"""JSON strings as serde_json writes them (ser.rs `format_escaped_str`, ESCAPE table).

Escaped: `"` and `\\` with a backslash; \\b \\t \\n \\f \\r by their short forms; every
other byte below 0x20 as \\u00XX with lower-case hex (so U+000B is \\u000b).
Written raw: everything else, including `/`, DEL (0x7F) and all non-ASCII text.
"""

from __future__ import annotations

import json.encoder
import re
from collections.abc import Callable

from ._constants import EXPECTING_STRING
from .errors import Path, WireError
from .nodes import JsonNode
from .unexpected import invalid_type

_SURROGATE = re.compile("[\ud800-\udfff]")

# CPython's json encoder (ensure_ascii=False) escapes exactly serde_json's set, in
# the same forms: `"` `\` \b \f \n \r \t, other C0 controls as lower-case \u00xx,
# nothing else (tests/wire checks every code point). It is C code, hence used here.
_encode_basestring: Callable[[str], str] = json.encoder.encode_basestring


def write_json_string(text: str) -> str:
    """`serde_json::to_string(&text)`: the quoted, escaped JSON string."""
    if not text.isascii() and _SURROGATE.search(text) is not None:
        # A Rust String is UTF-8; a lone surrogate has no serde_json rendering.
        raise WireError("string holds a lone surrogate, which a Rust String cannot")
    return _encode_basestring(text)


def as_string(node: JsonNode, path: Path = ()) -> str:
    """The String target: only a JSON string; serde's visitor expects "a string"."""
    if isinstance(node, str):
        return node
    raise invalid_type(node, EXPECTING_STRING, path)
