"""Sample values per scalar: valid ones with the canonical text serde writes back,
and invalid ones serde refuses. These are predictions, checked against the Rust
reference by tests/test_reference_predictions.py; a wrong one fails there.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.corpus.bounds import I64_MAX, I64_MIN, U32_MAX, U64_MAX
from codegen.model import Scalar


@dataclass(frozen=True)
class Valid:
    name: str
    input: str
    canonical: str
    rule: str


@dataclass(frozen=True)
class Invalid:
    name: str
    input: str
    rule: str


def _same(name: str, text: str, rule: str) -> Valid:
    return Valid(name, text, text, rule)


VALID: dict[Scalar, list[Valid]] = {
    Scalar.STRING: [
        _same("plain", '"x"', "wrong-type"),
        Valid("escapes", '"\\u0041\\/\\n\\u00e9"', '"A/\\né"', "unicode-escapes"),
        Valid("surrogate-pair", '"\\ud83d\\ude00"', '"\U0001f600"', "unicode-escapes"),
    ],
    Scalar.BOOL: [_same("true", "true", "wrong-type"), _same("false", "false", "wrong-type")],
    Scalar.U32: [_same("zero", "0", "integer-width"), _same("max", str(U32_MAX), "integer-width")],
    Scalar.U64: [
        _same("max", str(U64_MAX), "integer-width"),
        _same("2^53+1", str(2**53 + 1), "integer-width"),
    ],
    Scalar.I64: [
        _same("min", str(I64_MIN), "integer-width"),
        _same("max", str(I64_MAX), "integer-width"),
    ],
    Scalar.F64: [
        _same("half", "0.5", "float-format"),
        Valid("integer", "1", "1.0", "float-format"),
        Valid("exponent", "1.5e3", "1500.0", "float-format"),
        _same("negative-zero", "-0.0", "float-format"),
    ],
    Scalar.TIMESTAMP: [
        _same("nanoseconds", '"2024-05-06T07:08:09.123456789Z"', "timestamp"),
        Valid("offset", '"2024-05-06T09:08:09+02:00"', '"2024-05-06T07:08:09Z"', "timestamp"),
        _same("milliseconds", '"2024-05-06T07:08:09.120Z"', "timestamp"),
    ],
    Scalar.UUID: [
        _same("hyphenated", '"67e55044-10b1-426f-9247-bb680e5fe0c8"', "uuid"),
        Valid(
            "upper-case",
            '"67E55044-10B1-426F-9247-BB680E5FE0C8"',
            '"67e55044-10b1-426f-9247-bb680e5fe0c8"',
            "uuid",
        ),
        Valid(
            "simple",
            '"67e5504410b1426f9247bb680e5fe0c8"',
            '"67e55044-10b1-426f-9247-bb680e5fe0c8"',
            "uuid",
        ),
    ],
    Scalar.JSON: [
        Valid(
            "object", '{"b":1,"a":[true,null]}', '{"a":[true,null],"b":1}', "value-canonicalisation"
        ),
        _same("null", "null", "value-canonicalisation"),
        Valid("float", "1e3", "1000.0", "value-canonicalisation"),
    ],
}

# The value of each scalar in the base documents every per-field case varies one field
# of: the most ordinary one (a small integer, sorted keys, a plain string), so a bug
# at a boundary (u64::MAX, key order, nanoseconds) shows up only in the fixtures of
# its own rule, not in every document. The boundaries are samples of their own above.
BASE: dict[Scalar, Valid] = {
    Scalar.STRING: _same("plain", '"x"', "wrong-type"),
    Scalar.BOOL: _same("false", "false", "wrong-type"),
    Scalar.U32: _same("one", "1", "integer-width"),
    Scalar.U64: _same("one", "1", "integer-width"),
    Scalar.I64: _same("one", "1", "integer-width"),
    Scalar.F64: _same("half", "0.5", "float-format"),
    Scalar.TIMESTAMP: _same("seconds", '"2024-05-06T07:08:09Z"', "timestamp"),
    Scalar.UUID: _same("hyphenated", '"67e55044-10b1-426f-9247-bb680e5fe0c8"', "uuid"),
    Scalar.JSON: _same("sorted-object", '{"a":1}', "value-canonicalisation"),
}

_NOT_STRING = [Invalid("number", "1", "wrong-type"), Invalid("array", "[]", "wrong-type")]
_NOT_NUMBER = [Invalid("string", '"1"', "wrong-type"), Invalid("bool", "true", "wrong-type")]

INVALID: dict[Scalar, list[Invalid]] = {
    Scalar.STRING: [
        *_NOT_STRING,
        Invalid("object", "{}", "wrong-type"),
        Invalid("bool", "true", "wrong-type"),
    ],
    Scalar.BOOL: [Invalid("number", "1", "wrong-type"), Invalid("string", '"true"', "wrong-type")],
    Scalar.U32: [
        *_NOT_NUMBER,
        Invalid("one-past-max", str(U32_MAX + 1), "integer-width"),
        Invalid("negative", "-1", "integer-width"),
        Invalid("float", "1.0", "integer-width"),
    ],
    Scalar.U64: [
        *_NOT_NUMBER,
        Invalid("one-past-max", str(U64_MAX + 1), "integer-width"),
        Invalid("negative", "-1", "integer-width"),
        Invalid("exponent", "1e3", "integer-width"),
    ],
    Scalar.I64: [
        *_NOT_NUMBER,
        Invalid("one-past-max", str(I64_MAX + 1), "integer-width"),
        Invalid("one-below-min", str(I64_MIN - 1), "integer-width"),
        Invalid("float", "1.0", "integer-width"),
    ],
    Scalar.F64: [*_NOT_NUMBER, Invalid("out-of-range", "1e400", "float-format")],
    Scalar.TIMESTAMP: [
        Invalid("number", "0", "timestamp"),
        Invalid("no-offset", '"2024-05-06T07:08:09"', "timestamp"),
        Invalid("date-only", '"2024-05-06"', "timestamp"),
    ],
    Scalar.UUID: [
        Invalid("number", "1", "uuid"),
        Invalid("short", '"67e55044-10b1-426f"', "uuid"),
        Invalid("bad-hex", '"g7e55044-10b1-426f-9247-bb680e5fe0c8"', "uuid"),
    ],
    Scalar.JSON: [],
}
