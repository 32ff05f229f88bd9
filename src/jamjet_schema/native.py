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
from types import ModuleType
from typing import Any

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


def message(cls: type, data: str | bytes | bytearray) -> str | None:
    """serde's message for a text it refuses as document `cls`; None if it accepts it."""
    index = CORE.DOCUMENTS.index(cls.__name__)
    ok, text = CORE.check(index, data)
    return None if ok else str(text)
