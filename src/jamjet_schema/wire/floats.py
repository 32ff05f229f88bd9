"""`format_f64`: the bytes serde_json 1.0.154 writes for an f64 (zmij 1.0.23).

Digits: zmij prints the shortest decimal that rounds back to the same f64, and among
equally short candidates the one nearest the exact value (ties to even: the only
exact ties, fractions ending in .25/.75 of the last place, go to the even digit).
CPython's repr() makes the same choice (David Gay's mode 0), so the digits come
from repr(); the differential tests check this against the Rust judge, including
every power of two, where zmij takes its asymmetric-interval branch.

Layout (zmij `write`, f64 FIXED_DEC_EXP = -5..=15, where `e` is the decimal
exponent of the first significant digit):
  -5 <= e <= 15  positional, always with a fraction: 1e15 -> "1000000000000000.0",
                 1.5 -> "1.5", 1e-5 -> "0.00001"
  otherwise      d[.ddd]e+NN / e-NN, no padding, no ".0": 1e16 -> "1e+16",
                 1e-6 -> "1e-6", 1.5e300 -> "1.5e+300"
Zero is "0.0" / "-0.0". serde_json writes NaN and the infinities as `null`.

Up to serde_json 1.0.146 floats went through ryu, with the same digits and layout
but no sign on a positive exponent (`1e16`, `1.5e300`): `ryu_spelling`, checked
against a build pinned to 1.0.146 (tests/logs/test_eras.py).
"""

from __future__ import annotations

import math


def shortest_digits(value: float) -> tuple[str, int]:
    """(significant digits without leading/trailing zeros, exponent of the first digit).

    `value` must be finite and non-zero; the sign is ignored.
    """
    text = repr(abs(value))
    mantissa, _, exp_text = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    all_digits = whole + fraction
    digits = all_digits.lstrip("0")
    # "0.000123": each leading zero moves the first significant digit one place right.
    leading_zeros = len(all_digits) - len(digits)
    exponent = (int(exp_text) if exp_text else 0) + len(whole) - 1 - leading_zeros
    return digits.rstrip("0"), exponent


def layout(digits: str, exponent: int) -> str:
    """zmij's placement of `digits` (first digit at 10**exponent) for an f64."""
    count = len(digits)
    if -5 <= exponent <= 15:
        if count - 1 <= exponent:
            return digits + "0" * (exponent - count + 1) + ".0"
        if exponent >= 0:
            return digits[: exponent + 1] + "." + digits[exponent + 1 :]
        return "0." + "0" * (-exponent - 1) + digits
    mantissa = digits[0] + ("." + digits[1:] if count > 1 else "")
    return f"{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"


_FLOAT_REPR = float.__repr__


def format_f64(value: float) -> str:
    """What `serde_json::to_string(&value)` writes for an f64."""
    if type(value) is float:
        text = _FLOAT_REPR(value)
        if "e" not in text and "n" not in text:
            # repr() is positional exactly for 1e-4 <= |value| < 1e16 and for zeros; zmij
            # is positional for a wider range and places the same digits the same way
            # there ("0.001", "1.5", "100.0", "-0.0"). "inf"/"nan" hold an "n".
            return text
    if not math.isfinite(value):
        return "null"
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    if value == 0.0:
        return sign + "0.0"
    return sign + layout(*shortest_digits(value))


RYU_ERA = "1.0.146"  # the last serde_json release that writes floats through ryu


def ryu_spelling(written: str) -> str:
    """The f64 text `format_f64` gives, as serde_json up to 1.0.146 (ryu) wrote it."""
    return written.replace("e+", "e")


def format_f64_ryu(value: float) -> str:
    """What `serde_json::to_string(&value)` wrote for an f64 up to serde_json 1.0.146."""
    return ryu_spelling(format_f64(value))


def display_f64(value: float) -> str:
    """zmij's `format` (not `format_finite`): how serde_json's error messages show a float."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return format_f64(value)
