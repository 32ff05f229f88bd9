# Types of the native core (native/src/lib.rs, lines.rs); shipped in the wheel beside it.
from typing import Any

CLASSES: list[str]
DOCUMENTS: list[str]
VARIANTS: list[str]
ROOT: str  # the document each line of a log holds

# Why serde refuses a text (refusal.rs): (path from the root, serde's message, the
# serde::de::Error constructor or "syntax", what the visitor expected, the union's tag)
Explained = tuple[list[str | int], str, str, str | None, str | None]

# (line index in the chunk, first byte, end byte, 1 = refused / 2 = not canonical,
#  why a refused line is refused, where the core can locate it)
Place = tuple[int, int, int, int, Explained | None]

def bind(classes: list[type], timestamp: type, uuid: type, uuid_unknown: object) -> None: ...
def read(doc: int, data: str | bytes | bytearray) -> Any | None: ...
def judge(doc: int, data: str | bytes | bytearray) -> tuple[Any | None, Explained | None]: ...
def explain(doc: int, data: str | bytes | bytearray) -> Explained | None: ...
def write(model: object) -> str | None: ...
def form(model: object) -> Any | None: ...
def check(doc: int, data: str | bytes | bytearray) -> tuple[bool, str]: ...

# Whole lines data[start:end]; places are positions in data; the last item counts line ends.
def check_lines(
    data: bytes, start: int, end: int, canonical: bool
) -> tuple[list[int], list[Place], int]: ...
def canonical_lines(
    data: bytes, start: int, end: int
) -> tuple[bytes, list[int], list[Place], int]: ...

# A column of the columnar layout as Arrow lays it out (native/src/columns.rs): its
# null count, its buffers (validity None when nothing is null), its children.
Column = tuple[int, list[bytes | None], list[Any]]

# Every accepted event as columns, in the layout's order (with `canonical`, a line
# serde writes otherwise is a problem too, yet in the columns).
def column_lines(
    data: bytes, start: int, end: int, canonical: bool
) -> tuple[list[Column], list[int], list[Place], int]: ...
