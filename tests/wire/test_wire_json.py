"""JSON structure against the probe: grammar corners, nesting limits, duplicate keys,
canonical Value output, and mutation fuzzing (exact syntax error messages included);
also the fast path against the reference parser without the probe."""

from __future__ import annotations

import random

from codegen.corpus.wire_lists import GRAMMAR, depth_cases
from jamjet_schema.wire import JsonObject, parse, write_value
from jamjet_schema.wire.serde_parser import parse_value
from tests.wire.wire_probe import Differential


def mutate(text: str, rng: random.Random) -> str:
    alphabet = ' \t\n",:[]{}01-+.eE\\ua/ntrfl\x00\x1f\u00e9'
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(len(chars) + 1)
        action = rng.randrange(3)
        if action == 0 and chars:
            del chars[min(position, len(chars) - 1)]
        elif action == 1:
            chars.insert(position, rng.choice(alphabet))
        elif chars:
            chars[min(position, len(chars) - 1)] = rng.choice(alphabet)
    return "".join(chars)


SEEDS = [
    '{"id":17,"kind":{"type":"started","attempt":2},"tags":["a","b"],"ratio":0.25,"ok":true}',
    '[{"a":null},{"b":[1,2,3.5e3]},"\\u00e9\\n",-0,18446744073709551615]',
    '{"nested":{"deep":[[[{"x":"\\ud83d\\ude00"}]]]},"empty":{},"list":[]}',
    '"plain string with \\"quotes\\" and \\\\ slashes"',
    "[1.5e-7,-2E+10,0.0001,123456789012345678901]",
]


def fuzz_cases(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [mutate(rng.choice(SEEDS), rng) for _ in range(count)]


def test_grammar(differential: Differential) -> None:
    for type_name in ["Value", "Option<Value>", "Vec<Value>"]:
        assert differential(type_name, GRAMMAR) == []


def test_nesting_limit(differential: Differential) -> None:
    for type_name in ["Value", "Vec<Value>", "Option<Value>"]:
        assert differential(type_name, depth_cases()) == []


def test_mutation_fuzz_exact_messages(differential: Differential) -> None:
    cases = fuzz_cases(seed=11, count=6000)
    assert differential("Value", cases) == []
    assert differential("Vec<Value>", cases[:2000]) == []


def test_duplicate_keys_are_kept_in_the_tree() -> None:
    node = parse('{"a":1,"b":2,"a":3}')
    assert isinstance(node, JsonObject)
    assert node.keys() == ["a", "b", "a"]
    assert node.first_duplicate() == "a"
    assert node.get("a") == 3
    assert write_value(node) == '{"a":3,"b":2}'


def test_fast_path_matches_reference_parser() -> None:
    cases = fuzz_cases(seed=12, count=20000) + GRAMMAR + depth_cases() + SEEDS
    for text in cases:
        try:
            expected: object = ("ok", parse_value(text))
        except ValueError as exc:
            expected = ("error", str(exc))
        try:
            got: object = ("ok", parse(text))
        except ValueError as exc:
            got = ("error", str(exc))
        assert repr(got) == repr(expected), text
