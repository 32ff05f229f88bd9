"""The native core: serde itself, behind the models' API.

`_jamjet_schema_native` is built from native/ (PyO3) around the generated Rust crate,
the reference every implementation is judged by, so what it answers is serde's
verdict and serde_json's bytes by construction. It is used whenever it is importable;
`JAMJET_SCHEMA_NATIVE=0` in the environment forces the pure-Python path, which stays
exact and supported (a platform without a built extension). `native_available()`
tells which path is active.

This module imports neither pydantic nor the models: the log commands check clean
logs with it alone and load the models only for the lines they report.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from jamjet_schema.wire.errors import format_path
from jamjet_schema.wire.messages import rule_of

ENV = "JAMJET_SCHEMA_NATIVE"


def _load() -> ModuleType | None:
    if os.environ.get(ENV, "1").strip() == "0":
        return None
    try:
        import _jamjet_schema_native as core
    except ImportError:
        return None
    return core


CORE: Any = _load()
_DOCUMENT_INDEX = {name: i for i, name in enumerate(CORE.DOCUMENTS if CORE else ())}


def native_available() -> bool:
    """True when the native core is in use; False on the pure-Python path."""
    return CORE is not None


Reader = Callable[[str | bytes | bytearray], Any]


class _Readers(dict[type, Reader | None]):
    """class -> the core's reader of that document (None for other classes, and for
    every class without the core); the classes are handed to the core on first use."""

    def __missing__(self, cls: type) -> Reader | None:
        if not self and CORE is not None:
            self.update(_bind())
        return self.setdefault(cls, None)


READERS = _Readers()


def _bind() -> dict[type, Reader]:
    import uuid

    import _jamjet_schema_generated as generated

    from jamjet_schema.wire import Timestamp

    classes = [getattr(generated, name) for name in CORE.CLASSES]
    for cls in classes:
        if not getattr(cls, "__pydantic_complete__", True):
            cls.model_rebuild()  # forward references resolved before instances exist
    CORE.bind(classes, Timestamp, uuid.UUID, uuid.SafeUUID.unknown)
    return {
        getattr(generated, name): functools.partial(CORE.read, index)
        for index, name in enumerate(CORE.DOCUMENTS)
    }


@dataclass(slots=True)  # not frozen: made once per reported line, frozen costs 3x
class Refusal:
    """Why serde refuses a text, as the core found it: where, serde's words, the rule."""

    path: str  # the field path of the offending value ("" at the root)
    message: str  # serde's message
    rule: str  # the corpus rule, named by the raise site (wire.messages.rule_of)
    variant: str | None  # the union's tag, where the text shows one

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def refusal(document: str, data: str | bytes | bytearray) -> Refusal | None:
    """Why serde refuses `data` as `document` (a name in CORE.DOCUMENTS), located by the
    core alone, without the models; None when it accepts the text or cannot locate the
    refusal exactly (the models' exact path then says)."""
    return located(CORE.explain(_DOCUMENT_INDEX[document], data))


def judge(document: str, data: str | bytes | bytearray) -> tuple[Any, Refusal | None]:
    """`(model, None)` when serde accepts `data` as `document`, else `(None, why)` (why
    None where the core cannot locate the refusal): one parse of a good text, two of a
    refused one. The document's class must be bound (READERS[cls] looked up once)."""
    model, found = CORE.judge(_DOCUMENT_INDEX[document], data)
    return model, located(found)


Located = tuple[list[str | int], str, str, str | None, str | None]


def located(found: Located | None) -> Refusal | None:
    """The Refusal of what the core answers (`explain`, or a batch check's refused
    line): (path, message, raise site's kind, what it expected, variant)."""
    if found is None:
        return None
    path, message, kind, expected, variant = found
    return Refusal(format_path(path), message, rule_of(kind, expected), variant)


def message(cls: type, data: str | bytes | bytearray) -> str | None:
    """serde's message for a text it refuses as document `cls`; None if it accepts it."""
    index = CORE.DOCUMENTS.index(cls.__name__)
    ok, text = CORE.check(index, data)
    return None if ok else str(text)
