"""Numbers against the probe: integer widths, f64 parsing (serde's own arithmetic) and
f64 output (zmij), plus the fast number path against the reference parser."""

from __future__ import annotations

import random
import struct

from codegen.corpus.wire_lists import SPECIAL_FLOATS, boundary_integers
from jamjet_schema.wire import number_from_literal, parse
from jamjet_schema.wire.floats import format_f64
from jamjet_schema.wire.serde_parser import parse_value
from tests.wire.wire_probe import Differential

INT_TYPES = ["u32", "u64", "i64", "Option<u32>", "Option<u64>"]
FLOAT_TYPES = ["f64", "Option<f64>", "Value"]


def random_float_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(count):
        bits = rng.getrandbits(64)
        value = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if value == value and abs(value) != float("inf"):
            texts.append(repr(value))
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 40)))
        point = rng.randint(0, len(digits))
        mantissa = (digits[:point] or "0") + ("." + digits[point:] if point < len(digits) else "")
        mantissa = mantissa.lstrip("0") or "0"
        if mantissa.startswith("."):
            mantissa = "0" + mantissa
        exponent = rng.choice(["", f"e{rng.randint(-340, 320)}", f"E+{rng.randint(0, 30)}"])
        texts.append(rng.choice(["", "-"]) + mantissa + exponent)
    return texts


def powers_of_two() -> list[str]:
    values = [2.0**e for e in range(-1074, 1024)]
    return [repr(v) for v in values] + [repr(-v) for v in values]


def test_integer_boundaries(differential: Differential) -> None:
    for type_name in [*INT_TYPES, *FLOAT_TYPES]:
        assert differential(type_name, boundary_integers()) == []


def test_special_floats(differential: Differential) -> None:
    for type_name in [*FLOAT_TYPES, "u64", "i64"]:
        assert differential(type_name, SPECIAL_FLOATS) == []


def test_random_floats(differential: Differential) -> None:
    texts = random_float_texts(seed=20240611, count=6000)
    assert differential("f64", texts) == []
    assert differential("Value", texts[:3000]) == []


def test_every_power_of_two(differential: Differential) -> None:
    # zmij formats these through its asymmetric-interval branch: checked exhaustively.
    assert differential("f64", powers_of_two()) == []


def test_values_with_numbers_inside(differential: Differential) -> None:
    texts = random_float_texts(seed=7, count=400)
    docs = ["[" + ",".join(texts[i : i + 5]) + "]" for i in range(0, len(texts), 5)]
    docs += ['{"n":' + t + "}" for t in texts[:100]]
    assert differential("Value", docs) == []
    assert differential("Vec<Value>", docs[:80]) == []


def test_serde_float_arithmetic_is_not_correct_rounding(differential: Differential) -> None:
    """serde_json's default parser truncates to a u64 significand and scales once; some
    long literals therefore land one ulp away from Python's correctly rounded float()."""
    rng = random.Random(99)
    differing: list[str] = []
    while len(differing) < 25:
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(17, 30)))
        literal = f"{rng.randint(1, 9)}.{digits}e{rng.randint(-300, 300)}"
        if number_from_literal(literal) != float(literal):
            differing.append(literal)
    assert differential("f64", [*differing, "9007199254740993.0"]) == []
    # 90071992547409930 rounds to an f64 first, then /10 rounds again: 2**53 + 2.
    assert number_from_literal("9007199254740993.0") == 9007199254740994.0
    assert float("9007199254740993.0") == 9007199254740992.0
    # e.g. this one: serde_json and Python disagree, we side with serde_json.
    assert format_f64(float(differing[0])) != format_f64(float(number_from_literal(differing[0])))


def test_fast_number_path_matches_reference_parser() -> None:
    texts = random_float_texts(seed=3, count=4000) + SPECIAL_FLOATS + boundary_integers()
    for text in texts:
        try:
            expected: object = ("ok", repr(parse_value(text)))
        except ValueError as exc:
            expected = ("error", str(exc))
        try:
            got: object = ("ok", repr(parse(text)))
        except ValueError as exc:
            got = ("error", str(exc))
        assert got == expected, text


def test_number_classification() -> None:
    assert parse("18446744073709551615") == 2**64 - 1
    assert isinstance(parse("18446744073709551616"), float)
    assert parse("-9223372036854775808") == -(2**63)
    assert isinstance(parse("-9223372036854775809"), float)
    minus_zero = parse("-0")
    assert isinstance(minus_zero, float) and str(minus_zero) == "-0.0"
    assert isinstance(parse("1.0"), float)
    assert isinstance(parse("1e2"), float)
