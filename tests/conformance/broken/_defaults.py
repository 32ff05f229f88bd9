"""What other JSON libraries do by default where serde_json does otherwise
(docs/json-library-defaults.md), as rewrites of the reference's answer or input.

The broken testees lib_*.py apply one of these each; tests/conformance/
test_library_defaults.py checks the emulations against the real libraries that are
on the machine (Go, Node.js, Python, Java) and that each testee fails the required tier.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from tests.conformance.broken._wrap import Num, Obj, loads

StringWriter = Callable[[str], str]  # a decoded string -> its JSON text
NumberWriter = Callable[[float], str]  # an f64 -> its JSON text


def serde_string(value: str) -> str:
    """serde_json's escaping: only `"`, `\\` and control characters (Python's json agrees)."""
    return json.dumps(value, ensure_ascii=False)


def escaping(chars: dict[str, str], base: StringWriter = serde_string) -> StringWriter:
    """`base`, but each character of `chars` written as its replacement escape."""

    def write(value: str) -> str:
        return '"' + "".join(chars.get(ch) or base(ch)[1:-1] for ch in value) + '"'

    return write


def escapes_of(chars: str, upper: bool = False) -> dict[str, str]:
    return {ch: unicode_escape(ch, upper) for ch in chars}


def unicode_escape(ch: str, upper: bool) -> str:
    """`ch` as \\uXXXX escapes (a surrogate pair beyond the BMP)."""
    units = ch.encode("utf-16-be", "surrogatepass")
    codes = [int.from_bytes(units[i : i + 2], "big") for i in range(0, len(units), 2)]
    return "".join(f"\\u{c:04X}" if upper else f"\\u{c:04x}" for c in codes)


def non_ascii_escaped(upper: bool, base: StringWriter = serde_string) -> StringWriter:
    def write(value: str) -> str:
        return "".join(ch if ord(ch) < 0x80 else unicode_escape(ch, upper) for ch in base(value))

    return write


_CONTROL_ESCAPE = re.compile(r"\\u00([01][0-9a-f])")


def control_upper_hex(value: str) -> str:
    """Jackson: control characters without a short escape as \\u001F (upper-case hex)."""
    return _CONTROL_ESCAPE.sub(lambda m: "\\u00" + m.group(1).upper(), serde_string(value))


def rewrite(
    output: str,
    string: StringWriter = serde_string,
    number: NumberWriter | None = None,
    integer: Callable[[int], str] | None = None,
    separators: tuple[str, str] = (",", ":"),
) -> str:
    """The reference's output written again with another library's string, float,
    integer writers and separators (None: serde's own)."""
    item, colon = separators

    def dump(value: Any) -> str:
        if isinstance(value, Obj):
            return "{" + item.join(f"{string(k)}{colon}{dump(v)}" for k, v in value) + "}"
        if isinstance(value, list):
            return "[" + item.join(dump(v) for v in value) + "]"
        if isinstance(value, Num):
            is_float = any(c in value for c in ".eE")
            if is_float and number is not None:
                return number(float(value))
            if not is_float and integer is not None:
                return integer(int(value))
            return str(value)
        if isinstance(value, str):
            return string(value)
        return json.dumps(value)

    return dump(loads(output))


# ---- number writers ---------------------------------------------------------------------


def shortest_digits(value: float) -> tuple[str, int]:
    """The shortest round-trip digits of a finite, non-zero |value| and the position n
    of the decimal point: |value| = 0.d1d2...dk x 10^n."""
    _sign, digits, exponent = Decimal(repr(abs(value))).normalize().as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits))
    return text, len(text) + exponent


def _scientific(digits: str, n: int, exp_char: str, plus: bool, min_exp_digits: int) -> str:
    e = n - 1
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    sign = "-" if e < 0 else ("+" if plus else "")
    return f"{mantissa}{exp_char}{sign}{abs(e):0{min_exp_digits}d}"


def _fixed(digits: str, n: int) -> str:
    if n >= len(digits):
        return digits + "0" * (n - len(digits))
    if n > 0:
        return digits[:n] + "." + digits[n:]
    return "0." + "0" * -n + digits


def _signed(value: float, body: Callable[[float], str]) -> str:
    return ("-" if value < 0 else "") + body(abs(value))


def javascript_number(value: float) -> str:
    """ECMAScript Number::toString, as JSON.stringify writes numbers (-0 as 0)."""
    if value == 0:
        return "0"
    digits, n = shortest_digits(value)
    if -6 < n <= 21:
        return _signed(value, lambda _: _fixed(digits, n))
    return _signed(value, lambda _: _scientific(digits, n, "e", True, 1))


def go_number(value: float) -> str:
    """Go encoding/json: strconv 'f' (shortest) below 1e21 and from 1e-6, else 'e'
    with the exponent's leading zero removed (1e-07 -> 1e-7)."""
    if value == 0:
        return "-0" if str(value).startswith("-") else "0"
    digits, n = shortest_digits(value)
    if 1e-6 <= abs(value) < 1e21:
        return _signed(value, lambda _: _fixed(digits, n))
    return _signed(value, lambda _: _scientific(digits, n, "e", True, 2)).replace("e-0", "e-")


def java_double(value: float) -> str:
    """Java's Double.toString (JDK 19 and later: shortest digits), as Jackson and Gson
    write a double: decimal from 1e-3 to below 1e7, always with a fraction; else 1.0E21."""
    if value == 0:
        return "-0.0" if str(value).startswith("-") else "0.0"
    digits, n = shortest_digits(value)
    if 1e-3 <= abs(value) < 1e7:
        text = _fixed(digits, n)
        return _signed(value, lambda _: text if "." in text else text + ".0")
    if len(digits) == 1:  # at least one fraction digit: the closest two-digit one
        mantissa = f"{abs(value):.1e}"
        exponent = int(mantissa.split("e")[1])
        return _signed(value, lambda _: f"{mantissa[:3]}E{exponent}")
    return _signed(value, lambda _: _scientific(digits, n, "E", False, 1))


def dotnet_double(value: float) -> str:
    """.NET (Core 3.0 and later) double formatting, as System.Text.Json writes it:
    shortest digits, scientific from 1E+15 and below 1E-05, exponent of two digits."""
    if value == 0:
        return "-0" if str(value).startswith("-") else "0"
    digits, n = shortest_digits(value)
    if -5 < n <= 15:
        return _signed(value, lambda _: _fixed(digits, n))
    return _signed(value, lambda _: _scientific(digits, n, "E", True, 2))


def php_double(value: float) -> str:
    """PHP json_encode with serialize_precision -1 (php_gcvt, mode 0): exponential when
    the decimal point is past 17 digits or before -3 (1.0e+25, 1.0e-5); no `.0` for a
    whole number unless JSON_PRESERVE_ZERO_FRACTION."""
    if value == 0:
        return "-0" if str(value).startswith("-") else "0"
    digits, n = shortest_digits(value)
    decpt = n
    if (decpt < -3) if decpt < 0 else (decpt > 17):
        mantissa_digits = digits if len(digits) > 1 else digits + "0"
        return _signed(value, lambda _: _scientific(mantissa_digits, n, "e", True, 1))
    return _signed(value, lambda _: _fixed(digits, n))


def javascript_integer(value: int) -> str:
    """An integer through a double (JSON.parse, PHP json_decode, Go's interface{}),
    written back as JSON.stringify writes it."""
    return str(value) if abs(value) <= 2**53 else javascript_number(float(value))


# ---- input rewrites ---------------------------------------------------------------------

# A \uXXXX escape of a surrogate, and whether the next one completes a pair.
_SURROGATE = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})(\\u[dD][c-fC-F][0-9a-fA-F]{2})?|(?<!\\)((?:\\\\)*)\\u([dD][c-fC-F][0-9a-fA-F]{2})"
)


def lone_surrogates(text: str, replacement: Callable[[str], str]) -> str:
    """`text` with each lone surrogate escape (hex digits given) replaced."""

    def sub(m: re.Match[str]) -> str:
        if m.group(2) is not None:
            if m.group(3) is not None:
                return m.group(0)
            return m.group(1) + replacement(m.group(2))
        return m.group(4) + replacement(m.group(5))

    return _SURROGATE.sub(sub, text)


# Private-use characters standing in for lone surrogates on their way through the
# reference (which refuses them): U+F0000 + the surrogate's low bits.
def placeholder(hex_digits: str) -> str:
    return unicode_escape(chr(0xF0000 + int(hex_digits, 16) - 0xD800), upper=False)


def restore_placeholders(output: str) -> str:
    """The placeholders written back as the lone surrogates' escapes (lower-case hex)."""
    return re.sub(
        "[\U000f0000-\U000f07ff]",
        lambda m: f"\\u{0xD800 + ord(m.group()) - 0xF0000:04x}",
        output,
    )


_BARE = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')
# Doubles standing in for NaN and the infinities on their way through the reference.
SENTINELS = {"NaN": "7.25e-301", "Infinity": "7.5e-301", "-Infinity": "7.75e-301"}


def bare_names(text: str) -> str:
    """NaN, Infinity, -Infinity outside strings replaced by their sentinel doubles."""
    return _BARE.sub(lambda m: SENTINELS[m.group(1)] if m.group(1) else m.group(0), text)


def restore_names(output: str) -> str:
    for name, sentinel in SENTINELS.items():
        output = output.replace(sentinel, name)
    return output
