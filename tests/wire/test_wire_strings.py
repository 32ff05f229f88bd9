"""Strings against the probe: escapes in and out, control characters, Unicode,
surrogate pairs and every way a surrogate escape can be left unpaired."""

from __future__ import annotations

import json
import random

from codegen.corpus.wire_lists import (
    control_characters,
    escapes,
    quoted,
    surrogates,
    unicode_texts,
)
from jamjet_schema.wire import WireError, write_json_string
from tests.wire.wire_probe import Differential

STRING_TYPES = ["String", "Value", "Option<String>"]


def random_strings(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(0x20, 0x7F)] + ["é", "😀", "\u2028", "\x7f", "\\n", "\\u00e9"]
    alphabet += ["\\ud83d\\ude00", "\\u0000", "\\t", '\\"', "\\\\", "\\/"]
    return [quoted("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))))
            for _ in range(count)]  # fmt: skip


def test_control_characters(differential: Differential) -> None:
    for type_name in STRING_TYPES:
        assert differential(type_name, control_characters()) == []


def test_escapes(differential: Differential) -> None:
    for type_name in STRING_TYPES:
        assert differential(type_name, escapes()) == []


def test_surrogates(differential: Differential) -> None:
    for type_name in [*STRING_TYPES, "Vec<String>"]:
        texts = surrogates() if type_name != "Vec<String>" else [f"[{t}]" for t in surrogates()]
        assert differential(type_name, texts) == []


def test_unicode(differential: Differential) -> None:
    for type_name in STRING_TYPES:
        assert differential(type_name, unicode_texts()) == []


def test_random_strings(differential: Differential) -> None:
    texts = random_strings(seed=5, count=3000)  # bare quotes and backslashes included
    assert differential("String", texts) == []
    assert differential("Value", ['{"k":' + t + "}" for t in texts[:1000]]) == []


def test_type_errors_show_strings_like_rust_debug(differential: Differential) -> None:
    samples = ["abc", 'q"uote', "back\\slash", "\x00\x01\x1f", "\t\n\r", "é😀", "a\u0301", "\u200b",
               "\xa0", "\xad", "\ue000", "\uffff", "\x7f", "\x85", "'", "\u2028", "\U000e0020"]  # fmt: skip
    texts = [json.dumps(s) for s in samples] + [json.dumps(s, ensure_ascii=False) for s in samples]
    for type_name in ["u32", "bool", "f64", "Vec<String>", "Option<u64>"]:
        assert differential(type_name, texts) == []


def test_writer_refuses_lone_surrogates() -> None:
    try:
        write_json_string("\ud800")
    except WireError:
        return
    raise AssertionError("a lone surrogate must not be written")


def test_every_scalar_value_in_messages(differential: Differential) -> None:
    """Rust's `{:?}` escaping, checked for all of Unicode 1000 code points at a time."""
    codes = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    chunks = ["".join(chr(c) for c in codes[i : i + 1000]) for i in range(0, len(codes), 1000)]
    texts = [json.dumps(chunk, ensure_ascii=False) for chunk in chunks]
    assert differential("u32", texts) == []
    assert differential("String", texts[:200]) == []
