"""JSON structure against the probe: grammar corners, nesting limits, duplicate keys,
canonical Value output, and mutation fuzzing (exact syntax error messages included);
also the fast path against the reference parser without the probe."""

from __future__ import annotations

import random

from jamjet_schema.wire import JsonObject, parse, write_value
from jamjet_schema.wire.serde_parser import parse_value
from tests.wire.wire_probe import Differential

GRAMMAR = [
    "", " ", "null", "nul", "nulll", "true", "tru", "truex", "false", "fals", "[]", "[", "]",
    "[1,]", "[,1]", "[1,,2]", "[1 2]", "{}", "{", "}", '{"a"}', '{"a":}', '{"a":1,}', '{,"a":1}',
    '{"a" 1}', '{"a":1 "b":2}', "{1:2}", "{a:1}", "{'a':1}", "['a']", '{"a":1}}', "[1]]", "[1] x",
    "1 2", " \t\n\r1\r\n\t ", "\x0c1", "\x0b1", "\u00a01", "1\u00a0", "\ufeff1", "/*c*/1", "1//c",
    "[\n1,\n2,\n]", "{\n\"a\":\n}", '"\n"', "[1,\n\n  x]", "[" * 3 + "]" * 2, "[[]]]",
    '{"a":[1,{"b":null}],"c":"d"}', '{"":0}', '{"a":1,"a":2}', '{"b":1,"a":2,"b":3,"a":4}',
    '{"é":1,"e":2,"z":3,"😀":4,"\u007f":5,"A":6}', "[18446744073709551615,-9223372036854775808]",
    "[18446744073709551616,-9223372036854775809]", "[1e400]", "[-1e400]", "{\"a\":1e400}",
    "[01]", "[-]", "[1.]", "[1e]", "[.5]", "[+1]", "NaN", "[Infinity]", "[-Infinity]", "[nan]",
]  # fmt: skip


def nested(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


def nested_objects(depth: int) -> str:
    return '{"a":' * (depth - 1) + "{}" + "}" * (depth - 1)


def depth_cases() -> list[str]:
    depths = [1, 126, 127, 128, 129, 200, 1000, 5000]
    cases = [nested(d) for d in depths] + [nested_objects(d) for d in depths]
    cases += ["[" * 127 + "1" + "]" * 127, "[" * 128 + "1" + "]" * 128, "[" * 128, "[" * 127]
    cases += ['["' + "[" * 300 + '"]', "[" * 127 + "]" * 126 + "x", "[" * 129 + "x"]
    mixed = "".join('{"k":[' for _ in range(64)) + "0" + "]}" * 64
    return [*cases, mixed, '{"k":' + mixed + "}", "[" + mixed + "]"]


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
