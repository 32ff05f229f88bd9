"""What serde_json 1.0.154 makes of a JSON number literal (default features).

serde_json does not hand numbers to a correctly rounded decimal parser: without the
`float_roundtrip` feature it accumulates at most 19-20 significant digits into a u64,
silently drops the rest, and scales with one multiplication or division by an f64
power of ten (`f64_from_parts`, de.rs). The result can differ from Python's
`float(text)` in the last bit, so this module ports that arithmetic step by step.

The functions here take a literal that already matches the JSON number grammar;
the parsers (jsontext, serde_parser) are responsible for the grammar itself.
"""

from __future__ import annotations

import re

from ._constants import I32_MAX as I32_MAX
from ._constants import I32_MIN as I32_MIN
from ._constants import INT_RANGES

U64_MAX = INT_RANGES["u64"][1]
I64_MIN = INT_RANGES["i64"][0]

# Rust's `1e000 ..= 1e308` literals are correctly rounded, as is Python's float().
POW10: tuple[float, ...] = tuple(float(f"1e{i}") for i in range(309))

_PARTS = re.compile(r"(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([-+]?)([0-9]+))?\Z")


class NumberOutOfRange(ValueError):
    """serde_json's "number out of range": the literal's magnitude exceeds f64."""


def saturating_i32(value: int) -> int:
    return max(I32_MIN, min(I32_MAX, value))


def f64_from_parts(positive: bool, significand: int, exponent: int) -> float:
    """Port of `Deserializer::f64_from_parts` (not(feature = "float_roundtrip"))."""
    f = float(significand)  # u64 -> f64 rounds to nearest, ties to even, like Rust `as`
    while True:
        # exponent.wrapping_abs() as usize: i32::MIN stays negative, i.e. out of the table.
        index = abs(exponent) if exponent != I32_MIN else len(POW10)
        if index < len(POW10):
            if exponent >= 0:
                f *= POW10[index]
                if f == float("inf"):
                    raise NumberOutOfRange
            else:
                f /= POW10[index]
            break
        if f == 0.0:
            break
        if exponent >= 0:
            raise NumberOutOfRange
        f /= 1e308
        exponent += 308
    return f if positive else -f


def integer_value(positive: bool, significand: int) -> int | float:
    """ParserNumber for a literal without fraction or exponent whose digits fit a u64.

    Positive -> U64; negative -> I64 unless it underflows i64 or is `-0`, which
    serde_json turns into an F64 (so `-0` is the float -0.0, not the integer 0).
    """
    if positive:
        return significand
    if 0 < significand <= -I64_MIN:
        return -significand
    return -float(significand)


def split_significand(digits: str) -> tuple[int, int]:
    """Accumulate integer digits like `parse_integer`: (u64 significand, dropped digits).

    Digits stop accumulating at the first one that would overflow a u64; the rest only
    count towards the decimal exponent (`parse_long_integer`).
    """
    if len(digits) < 20:
        return int(digits), 0
    head = int(digits[:20])
    if head <= U64_MAX:
        return head, len(digits) - 20
    return int(digits[:19]), len(digits) - 19


def append_fraction(significand: int, fraction: str) -> tuple[int, int]:
    """Accumulate fraction digits like `parse_decimal`: (significand, exponent delta).

    Digits that would overflow the u64 are dropped (`parse_decimal_overflow`), even
    when earlier integer digits were already dropped -- serde_json keeps appending
    any fraction digit that still fits, a quirk reproduced here on purpose.
    """
    if len(fraction) <= 20:
        widened = significand * 10 ** len(fraction) + int(fraction)
        if widened <= U64_MAX:
            return widened, -len(fraction)
    appended = 0
    for char in fraction:
        candidate = significand * 10 + (ord(char) - 48)
        if candidate > U64_MAX:
            break
        significand = candidate
        appended += 1
    return significand, -appended


def exponent_value(digits: str) -> int | None:
    """The exponent's magnitude, or None when accumulating it overflows an i32."""
    stripped = digits.lstrip("0")
    if len(stripped) > 10:
        return None
    value = int(stripped or "0")
    return value if value <= I32_MAX else None


def number_from_literal(literal: str) -> int | float:
    """ParserNumber of a grammatical JSON number literal: int for U64/I64, else float.

    Raises NumberOutOfRange exactly where serde_json reports "number out of range".
    """
    if len(literal) <= 16 and "." in literal and "e" not in literal and "E" not in literal:
        # At most 15 digits and no exponent: the significand (< 2**53) and the power of
        # ten (<= 1e15) are exact f64s, so serde_json's single correctly rounded division
        # is the correctly rounded value, which is what float() computes.
        return float(literal)
    match = _PARTS.match(literal)
    if match is None:
        raise ValueError(f"not a JSON number literal: {literal!r}")
    sign, integer, fraction, exp_sign, exp_digits = match.groups()
    positive = sign == ""
    significand, exponent = split_significand(integer)
    if fraction is None and exp_digits is None and exponent == 0:
        return integer_value(positive, significand)
    if fraction is not None:
        significand, delta = append_fraction(significand, fraction)
        exponent += delta
    if exp_digits is not None:
        magnitude = exponent_value(exp_digits)
        positive_exp = exp_sign != "-"
        if magnitude is None:
            # parse_exponent_overflow: +inf is an error, anything tending to 0 is +-0.0.
            if significand != 0 and positive_exp:
                raise NumberOutOfRange
            return 0.0 if positive else -0.0
        exponent = saturating_i32(exponent + magnitude if positive_exp else exponent - magnitude)
    return f64_from_parts(positive, significand, exponent)
