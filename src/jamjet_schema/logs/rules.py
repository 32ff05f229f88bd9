"""Names the serde rule an error message breaks, for the per-rule summary.

The messages are serde's (and the Python models say the same): the first pattern
that matches names the rule. The names are the corpus's rule names.
"""

from __future__ import annotations

import re

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rule, re.compile(pattern))
    for rule, pattern in (
        ("encoding", r"invalid UTF-8|not closed"),
        ("nesting-depth", r"recursion limit"),
        ("unicode-escapes", r"surrogate|unicode code point|invalid escape|control character"),
        ("float-format", r"number out of range"),
        (
            "json-syntax",
            r"expected value|EOF while parsing|trailing characters|trailing comma|expected `[,:]`|key must be a string|invalid number|expected ident",
        ),
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
)


def rule_of(message: str) -> str:
    for rule, pattern in _RULES:
        if pattern.search(message):
            return rule
    return "other"
