"""The one error type of the wire layer.

serde reports a failure as a single line of text; we keep that text verbatim in
`message` (so it can be compared byte for byte with the Rust judge) and carry the
location separately in `path`, because a decoder built on a parsed tree knows where
it is in the document but not the byte column serde would have reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

PathItem = str | int
Path = tuple[PathItem, ...]


class WireError(ValueError):
    """Input that serde_json (with chrono / uuid) would refuse.

    `message` is serde's wording, e.g. "invalid type: floating point `1.5`, expected u32";
    syntax errors from the JSON parser keep serde's " at line L column C" suffix.
    `path` locates the offending value: object keys as str, array indexes as int.
    """

    path: Path
    message: str

    def __init__(self, message: str, path: Path = ()) -> None:
        super().__init__(message, path)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        if not self.path:
            return self.message
        return f"{format_path(self.path)}: {self.message}"

    def __repr__(self) -> str:
        return f"WireError({self.message!r}, path={self.path!r})"

    def __reduce__(self) -> tuple[type[WireError], tuple[str, Path]]:
        # Keeps pickling (multiprocessing, pytest-xdist) working despite the
        # keyword-free two-argument constructor.
        return (WireError, (self.message, self.path))

    def prefixed(self, *outer: PathItem) -> WireError:
        """The same error seen from an enclosing value: `outer` goes in front of the path."""
        return WireError(self.message, (*outer, *self.path))


_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def format_path(path: Sequence[PathItem]) -> str:
    """The field-path notation of every message (and of the TypeScript runtime's
    WireError): member names joined by `.`, array elements as `[i]`, a name that is
    not an identifier as `["name"]`: `("kind", "refs", 2)` -> `kind.refs[2]`."""
    text = ""
    for item in path:
        if isinstance(item, int):
            text += f"[{item}]"
        elif _IDENTIFIER.match(item):
            text += f".{item}" if text else item
        else:
            text += f"[{json.dumps(item, ensure_ascii=False)}]"
    return text
