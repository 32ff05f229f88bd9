"""Fixed input lists of the wire-layer differential suites (tests/wire), one wire
rule each: integer bounds, float spellings, string escapes and surrogates, JSON
grammar and nesting, timestamp and UUID spellings.

They live here so that the recorder puts each of them into the shipped corpus
(suite_inputs.py, `required/documents/wire-*.json`), hosted in a field of
its type, while tests/wire keeps sending them to the probe one Rust type at a time.
The seeded random and mutated inputs of those suites stay there.
"""

from __future__ import annotations

import json

from codegen.corpus.bounds import I64_MAX, RECURSION_LIMIT, U32_MAX, U64_MAX


def boundary_integers() -> list[str]:
    # one past each width's maximum, and the bounds of exactness and of i32
    points = [0, 1, 2**31, U32_MAX + 1, 2**53, I64_MAX + 1, U64_MAX + 1, 10**19, 10**20]
    values = {sign * (p + d) for p in points for d in (-1, 0, 1) for sign in (1, -1)}
    texts = [str(v) for v in sorted(values)]
    return [*texts, "-0", "00", "01", "-01", "1.0", "1e0", "1E2", "-1e0", "0e5", "true", '"1"']


SPECIAL_FLOATS = [
    "0.1", "1e16", "1e15", "1e-7", "1e-5", "0.00001", "0.000001", "1e-6", "1e-4",
    "123456789012345678901234567890", "1e308", "1e309", "-1e309", "5e-324", "2e-324",
    "3e-324", "1e-400", "2.2250738585072011e-308", "2.2250738585072014e-308",
    "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "-0.0",
    "-0", "0.0", "0e0", "0e999999999999", "1e999999999999", "1e-999999999999", "-1e-99999999999",
    "0.30000000000000004", "9007199254740993", "9007199254740993.0", "18446744073709551616",
    "18446744073709551616.5", "18446744073709551615.9", "-9223372036854775809",
    "1.00000000000000011102230246251565404236316680908203125", "123.456e-2", "1E+2", "1e+0",
    "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
    "1" + "0" * 400, "0." + "0" * 400 + "1", "1." + "9" * 40 + "e-10", "1e2147483647",
    "1e2147483648", "1e-2147483648", "1e-2147483649", "10e2147483647", "0.1e-2147483647",
    "1.", "1.e5", ".5", "1e", "1e+", "-", "--1", "+1", "1e5.0", "0x10", "NaN", "Infinity",
    "-Infinity", "1_000", " 1 ", "\t1\n", "1\u00a0",
]  # fmt: skip


def quoted(body: str) -> str:
    return f'"{body}"'


def control_characters() -> list[str]:
    raw = [quoted(chr(c)) for c in range(0x20)] + [quoted("a" + chr(c) + "b") for c in range(0x20)]
    escaped = [quoted(f"\\u{c:04x}") for c in range(0x80)] + [
        quoted(f"\\u{c:04X}") for c in range(32)
    ]
    return (
        raw + escaped + [quoted(chr(0x7F)), quoted("\\/"), quoted("/"), quoted("\\b\\f\\n\\r\\t")]
    )


def escapes() -> list[str]:
    singles = [quoted("\\" + chr(c)) for c in range(0x20, 0x7F)]
    broken = [
        "\\u",
        "\\u1",
        "\\u12",
        "\\u123",
        "\\u12g4",
        "\\uG000",
        "\\U0041",
        "\\x41",
        "\\",
        "\\\\",
    ]
    return singles + [quoted(b) for b in broken] + ['"\\u00', '"\\', '"abc', '"', '"\\"']


def surrogates() -> list[str]:
    pieces = [
        "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\ud800", "\\udbff", "\\udc00", "\\udfff",
        "\\ud800\\ud800", "\\ud800\\udbff\\udc00", "\\ud800x", "\\ud800\\n", "\\ud800\\u0041",
        "\\ud800\\", "\\ud800\\u", "\\ud800\\ud", "\\ud800\\udc0", "\\udc00\\ud800",
        "\\ud800\\udc00\\udc00", "a\\ud800", "\\ud800é", "\\ud800\\uDC00", "\\uDBFF\\uDFFF",
    ]  # fmt: skip
    texts = [quoted(p) for p in pieces]
    return [*texts, '"\\ud800', '"\\ud800\\', '"\\ud800\\u', '"\\ud800\\udc']


def unicode_texts() -> list[str]:
    samples = [
        "é",
        "日本語",
        "😀",
        "\u2028\u2029",
        "\ufeff",
        "\uffff",
        "\U0010ffff",
        "a\u0301",
        "\x85",
    ]
    texts = [quoted(s) for s in samples]
    texts += [json.dumps(s) for s in samples]  # \\u-escaped forms, pairs for astral ones
    return [*texts, "\ufeff" + quoted("bom"), quoted("tab\tinside")]


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
    limit = RECURSION_LIMIT
    depths = [1, limit - 2, limit - 1, limit, limit + 1, 200, 1000, 5000]
    cases = [nested(d) for d in depths] + [nested_objects(d) for d in depths]
    below, at = "[" * (limit - 1), "[" * limit
    cases += [below + "1" + "]" * (limit - 1), at + "1" + "]" * limit, at, below]
    cases += ['["' + "[" * 300 + '"]', below + "]" * (limit - 2) + "x", "[" * (limit + 1) + "x"]
    mixed = "".join('{"k":[' for _ in range(64)) + "0" + "]}" * 64
    return [*cases, mixed, '{"k":' + mixed + "}", "[" + mixed + "]"]


DATES = [
    "2020-01-01", "2020-02-29", "2021-02-29", "1900-02-29", "2000-02-29", "2100-02-29",
    "0000-01-01", "0000-02-29", "9999-12-31", "+10000-01-01", "-0001-12-31", "-0004-02-29",
    "+262142-12-31", "-262143-01-01", "+262143-01-01", "-262144-12-31", "+2147483647-01-01",
    "+2147483648-01-01", "-99999999999999999999-01-01", "2020-1-1", "2020-13-01", "2020-00-10",
    "2020-12-32", "2020-04-31", "2020-04-30", "2020-06-00", "20-01-01", "1-01-01", "02020-01-01",
    "+2020-01-01", "-2020-01-01", " 2020-01-01", "2020 -01-01", "2020- 01-01", "2020-01 -01",
    "2020-01- 1", "2020/01/01", "2020-01", "2020-001-01", "2020-01-001", "\u30002020-01-01",
    "2020\u00a0-01-01", "+-2020-01-01", "+ 2020-01-01", "x2020-01-01", "2020-01-0a",
]  # fmt: skip
SEPARATORS = ["T", "t", " ", "  ", "_", "", "TT", "\t", "T "]
TIMES = [
    "00:00:00", "23:59:59", "23:59:60", "12:34:60", "24:00:00", "12:60:00", "12:00:61", "1:2:3",
    "12:00", "12", "12:00:00.", "12:00:00,5", "12 : 00 : 00", "12:00:00 .5", "12:0:0", "123:00:00",
    "12:000:00", "12:00:000", "-1:00:00", "12:00:0x",
] + ["12:00:00." + "123456789012"[:n] for n in range(1, 13)] + [
    "23:59:60.999999999", "23:59:60.5", "00:00:00.000", "00:00:00.000000", "00:00:00.100000",
    "00:00:00.000001000", "00:00:00.9999999999999",
]  # fmt: skip
OFFSETS = [
    "Z", "z", "+00:00", "-00:00", "+01:00", "-01:30", "+0130", "+01", "+1:00", "+01:0", "+01:60",
    "+01:99", "+23:59", "+24:00", "-23:59", "-24:00", "+99:59", "UTC", "utc", "Utc", "+01::30",
    "+01 30", "+01: :30", "\u221201:00", "GMT", "", " Z", "Z ", "ZZ", "+01:00:00", "+01:00 ",
    " +01:00", "+01\u300000", "+", "-", "+0", "UT", "UTCx", "U", "+ab:00", "+01:a0", "+01:0a",
    "+é", "+01é", "+01:é", "\t\nZ\t\n",
]  # fmt: skip


def one_dimension_at_a_time() -> list[str]:
    base_date, base_sep, base_time, base_offset = "2020-06-15", "T", "10:20:30", "Z"
    texts = [d + base_sep + base_time + base_offset for d in DATES]
    texts += [base_date + s + base_time + base_offset for s in SEPARATORS]
    texts += [base_date + base_sep + t + base_offset for t in TIMES]
    texts += [base_date + base_sep + base_time + o for o in OFFSETS]
    return texts


SAMPLE = "67e55044-10b1-426f-9247-bb680e5fe0c8"


def shapes(text: str) -> list[str]:
    simple = text.replace("-", "")
    return [text, text.upper(), simple, simple.upper(), "{" + text + "}", "{" + simple + "}",
            "urn:uuid:" + text, "URN:UUID:" + text.upper(), "Urn:Uuid:" + text, "urn:uuid:" + simple,
            "{urn:uuid:" + text + "}", " " + text, text + " ", "(" + text + ")", "[" + text + "]",
            text[:8] + text[9:], text[:-1], text + "0", simple[:-1], simple + "0", "",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "{" + text, text + "}", "urn:uuid:" + text[:-1], "urn:uuid:" + text + "0"]  # fmt: skip
