"""Pins every entry of src/jamjet_schema/wire/KNOWN_DIFFERENCES.md against the probe."""

from __future__ import annotations

from tests.wire.wire_probe import Probe, classify, python_answer


def test_error_order_differs_but_both_reject(probe: Probe) -> None:
    [rust] = probe.run("Vec<String>", ["[1,"])
    python = python_answer("Vec<String>", "[1,")
    assert rust.text == "invalid type: integer `1`, expected a string at line 1 column 2"
    assert python.text == "EOF while parsing a value at line 1 column 3"
    assert not rust.accepted and not python.accepted
    assert classify(rust, python) == "order"


def test_type_errors_carry_no_position(probe: Probe) -> None:
    [rust] = probe.run("u32", ["1.5"])
    python = python_answer("u32", "1.5")
    assert rust.text == "invalid type: floating point `1.5`, expected u32 at line 1 column 3"
    assert python.text == "invalid type: floating point `1.5`, expected u32"
    assert classify(rust, python) is None


def test_syntax_errors_carry_the_same_position(probe: Probe) -> None:
    [rust] = probe.run("Value", ['{"a":1,}'])
    assert python_answer("Value", '{"a":1,}') == rust
