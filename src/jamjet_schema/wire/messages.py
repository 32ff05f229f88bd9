"""serde's data-error messages (serde::de::Error, as serde_json words them), formatted
from the templates in the table of wire constants, which the Rust reference says
(jamjet-wire-constants): one source for the Python models, the store readers and,
through the same table, the TypeScript and Java runtimes.

Each message is a `Message`: the text, and the corpus rule the input breaks, decided
here from what the raise site says (the kind of error, the type it expected), never
from the text, which holds the input's own data.
"""

from __future__ import annotations

from collections.abc import Sequence

from jamjet_schema.wire import _constants as c

_INTEGERS = frozenset(c.INT_RANGES)  # u32, u64, i64: a value of another width or type


class Message(str):
    """serde's text of one error, with the rule it breaks."""

    rule: str

    def __new__(cls, text: str, rule: str) -> Message:
        message = super().__new__(cls, text)
        message.rule = rule
        return message


def type_rule(expected: str) -> str:
    """The rule of a value of the wrong type or range, by what the visitor expected."""
    if expected in _INTEGERS:
        return "integer-width"
    if expected.startswith(c.EXPECTING_TIMESTAMP):  # or a Python value, for built models
        return "timestamp"
    if expected == c.EXPECTING_UUID:
        return "uuid"
    if expected == "variant identifier" or expected.startswith("internally tagged enum"):
        return "tag"
    return "wrong-type"


def one_of(names: Sequence[str]) -> str:
    """serde's OneOf: "`a`", "`a` or `b`", "one of `a`, `b`, `c`"."""
    if len(names) == 1:
        return c.MESSAGE_ONE_OF_ONE.format(a=names[0])
    if len(names) == 2:
        return c.MESSAGE_ONE_OF_TWO.format(a=names[0], b=names[1])
    listed = c.MESSAGE_ONE_OF_SEPARATOR.join(c.MESSAGE_ONE_OF_ONE.format(a=n) for n in names)
    return c.MESSAGE_ONE_OF_MANY.format(list=listed)


def unknown_variant(name: str, names: Sequence[str]) -> Message:
    if not names:
        return Message(c.MESSAGE_UNKNOWN_VARIANT_NONE.format(name=name), "tag")
    return Message(c.MESSAGE_UNKNOWN_VARIANT.format(name=name, one_of=one_of(names)), "tag")


def missing_field(name: str, rule: str = "required-field") -> Message:
    """`rule`: "tag" where the missing member is a tagged union's tag."""
    return Message(c.MESSAGE_MISSING_FIELD.format(name=name), rule)


def duplicate_field(name: str) -> Message:
    return Message(c.MESSAGE_DUPLICATE_FIELD.format(name=name), "duplicate-field")


def invalid_type(unexpected: str, expected: str) -> Message:
    """`unexpected` as serde's Unexpected displays it (wire.unexpected.describe)."""
    text = c.MESSAGE_INVALID_TYPE.format(unexpected=unexpected, expected=expected)
    return Message(text, type_rule(expected))


def invalid_value(unexpected: str, expected: str, rule: str | None = None) -> Message:
    text = c.MESSAGE_INVALID_VALUE.format(unexpected=unexpected, expected=expected)
    return Message(text, rule or type_rule(expected))


def invalid_length(length: int, expected: str) -> Message:
    return Message(c.MESSAGE_INVALID_LENGTH.format(length=length, expected=expected), "wrong-type")


def syntax_rule(code: str) -> str:
    """The rule of serde_json's syntax error `code` (an ErrorCode text of the table)."""
    return _SYNTAX_RULES.get(code, "json-syntax")


_SYNTAX_RULES = {
    c.RECURSION_LIMIT_EXCEEDED: "nesting-depth",
    c.CONTROL_CHARACTER: "unicode-escapes",
    c.INVALID_ESCAPE: "unicode-escapes",
    c.LONE_LEADING_SURROGATE: "unicode-escapes",
    c.UNEXPECTED_END_OF_HEX_ESCAPE: "unicode-escapes",
    c.NUMBER_OUT_OF_RANGE: "float-format",
}


def rule_of(kind: str, expected: str | None) -> str:
    """The rule of a refusal by its raise site, as the native core reports it: the
    `serde::de::Error` constructor (`kind`; "syntax" for serde_json's own, with its
    error code as `expected`) and what the visitor expected."""
    if kind == "syntax":
        return syntax_rule(expected or "")
    if kind == "missing_field":  # a tagged union's reader lacks its tag
        tagged = expected is not None and type_rule(expected) == "tag"
        return "tag" if tagged else "required-field"
    if kind == "duplicate_field":
        return "duplicate-field"
    if kind == "unknown_variant":
        return "tag"
    if kind == "invalid_length":
        return "wrong-type"
    return type_rule(expected or "")
