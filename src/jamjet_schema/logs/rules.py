"""Names the serde rule an error message breaks, for the per-rule summary.

The messages are serde's (and the Python models say the same): the first pattern
that matches names the rule. The names are the corpus's rule names, and serde_json's
own texts come from the wire constants table (jamjet_schema.wire._constants).
"""

from __future__ import annotations

import re

from jamjet_schema.wire import _constants as c

ENCODING = "encoding"  # the log file's own rule (bytes that are no UTF-8), before any serde rule


def _texts(*texts: str) -> str:
    return "|".join(re.escape(text) for text in texts)


_JSON_SYNTAX = _texts(
    c.EXPECTED_VALUE,
    c.EOF_VALUE,
    c.EOF_LIST,
    c.EOF_OBJECT,
    c.EOF_STRING,
    c.TRAILING_CHARACTERS,
    c.TRAILING_COMMA,
    c.EXPECTED_COLON,
    c.EXPECTED_LIST_COMMA_OR_END,
    c.EXPECTED_OBJECT_COMMA_OR_END,
    c.KEY_MUST_BE_A_STRING,
    c.INVALID_NUMBER,
    c.EXPECTED_IDENT,
)
_PATTERNS: tuple[tuple[str, str], ...] = (
    (ENCODING, r"invalid UTF-8"),
    ("nesting-depth", _texts(c.RECURSION_LIMIT_EXCEEDED)),
    (
        "unicode-escapes",
        r"surrogate|unicode code point|" + _texts(c.INVALID_ESCAPE, c.CONTROL_CHARACTER),
    ),
    ("float-format", _texts(c.NUMBER_OUT_OF_RANGE)),
    ("json-syntax", _JSON_SYNTAX),
    (
        "tag",
        r"unknown variant|missing field `type`|expected internally tagged enum|expected variant identifier",
    ),
    ("duplicate-field", r"duplicate field"),
    ("required-field", r"missing field"),
    ("integer-width", r"invalid value: integer|expected u32|expected u64|expected i64"),
    (
        "timestamp",
        r"RFC 3339|premature end of input|input contains invalid characters|input is out of range|trailing input|no possible date",
    ),
    ("uuid", r"UUID|uuid"),
    ("wrong-type", r"invalid type|invalid length"),
)
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rule, re.compile(pattern)) for rule, pattern in _PATTERNS
)


def rule_of(message: str) -> str:
    for rule, pattern in _RULES:
        if pattern.search(message):
            return rule
    return "other"
