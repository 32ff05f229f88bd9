"""serde's data-error messages (serde::de::Error, as serde_json words them), formatted
from the templates in the table of wire constants, which the Rust reference says
(jamjet-wire-constants): one source for the Python models, the store readers and,
through the same table, the TypeScript and Java runtimes."""

from __future__ import annotations

from collections.abc import Sequence

from jamjet_schema.wire import _constants as c


def one_of(names: Sequence[str]) -> str:
    """serde's OneOf: "`a`", "`a` or `b`", "one of `a`, `b`, `c`"."""
    if len(names) == 1:
        return c.MESSAGE_ONE_OF_ONE.format(a=names[0])
    if len(names) == 2:
        return c.MESSAGE_ONE_OF_TWO.format(a=names[0], b=names[1])
    listed = c.MESSAGE_ONE_OF_SEPARATOR.join(c.MESSAGE_ONE_OF_ONE.format(a=n) for n in names)
    return c.MESSAGE_ONE_OF_MANY.format(list=listed)


def unknown_variant(name: str, names: Sequence[str]) -> str:
    if not names:
        return c.MESSAGE_UNKNOWN_VARIANT_NONE.format(name=name)
    return c.MESSAGE_UNKNOWN_VARIANT.format(name=name, one_of=one_of(names))


def missing_field(name: str) -> str:
    return c.MESSAGE_MISSING_FIELD.format(name=name)


def duplicate_field(name: str) -> str:
    return c.MESSAGE_DUPLICATE_FIELD.format(name=name)


def invalid_type(unexpected: str, expected: str) -> str:
    """`unexpected` as serde's Unexpected displays it (wire.unexpected.describe)."""
    return c.MESSAGE_INVALID_TYPE.format(unexpected=unexpected, expected=expected)


def invalid_value(unexpected: str, expected: str) -> str:
    return c.MESSAGE_INVALID_VALUE.format(unexpected=unexpected, expected=expected)


def invalid_length(length: int, expected: str) -> str:
    return c.MESSAGE_INVALID_LENGTH.format(length=length, expected=expected)
