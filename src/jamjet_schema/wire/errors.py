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

OTHER = "other"  # the rule of an error nothing classifies
PathItem = str | int
Path = tuple[PathItem, ...]


class WireError(ValueError):
    """Input that serde_json (with chrono / uuid) would refuse.

    `message` is serde's wording, e.g. "invalid type: floating point `1.5`, expected u32";
    syntax errors from the JSON parser keep serde's " at line L column C" suffix.
    `path` locates the offending value: object keys as str, array indexes as int.
    `rule` is the corpus rule the input breaks, said where the error is raised (a
    messages.Message carries its own); "other" where nothing says more.
    """

    path: Path
    message: str
    rule: str

    def __init__(self, message: str, path: Path = (), rule: str | None = None) -> None:
        super().__init__(message, path)
        self.message = message
        self.path = path
        self.rule = rule or getattr(message, "rule", None) or OTHER

    def __str__(self) -> str:
        if not self.path:
            return self.message
        return f"{format_path(self.path)}: {self.message}"

    def __repr__(self) -> str:
        return f"WireError({self.message!r}, path={self.path!r})"

    def __reduce__(self) -> tuple[type[WireError], tuple[str, Path, str]]:
        # Keeps pickling (multiprocessing, pytest-xdist) working despite the
        # keyword-free constructor.
        return (WireError, (self.message, self.path, self.rule))

    def prefixed(self, *outer: PathItem) -> WireError:
        """The same error seen from an enclosing value: `outer` goes in front of the path."""
        return WireError(self.message, (*outer, *self.path), self.rule)


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
