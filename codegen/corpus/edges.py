"""Edge values of the wire layer, placed one at a time into a field of the right type.

These are inputs only: what serde makes of them is recorded from the Rust reference
(codegen/corpus/record.py), never predicted here. Each group names the serde rule it
pins and the scalar type whose field hosts it.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.corpus.bounds import I64_MAX, I64_MIN, RECURSION_LIMIT, U32_MAX, U64_MAX, int_texts
from codegen.model import Scalar


@dataclass(frozen=True)
class EdgeGroup:
    rule: str
    host: Scalar
    description: str
    inputs: tuple[tuple[str, str], ...]  # (name, JSON text of the value)


def _names(*texts: str) -> tuple[tuple[str, str], ...]:
    return tuple((t, t) for t in texts)


def _quoted(*texts: str) -> tuple[tuple[str, str], ...]:
    return tuple((t, f'"{t}"') for t in texts)


def _nested(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


FLOATS = EdgeGroup(
    "float-format",
    Scalar.F64,
    "f64: what serde_json accepts as a number and how it writes it back",
    _names(
        "0.1",
        "0.5",
        "1",
        "-1",
        "1.0",
        "1e16",
        "1e15",
        "1e-7",
        "1e-5",
        "0.00001",
        "0.0001",
        "0.001",
        "0.000001",
        "100",
        "1e7",
        "12345678.9",
        "1e20",
        "1e21",
        "1e22",
        "123456789012345680",
        "1.5e300",
        "1e308",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "1e309",
        "-1e309",
        "5e-324",
        "2e-324",
        "1e-400",
        "2.2250738585072011e-308",
        "-0",
        "-0.0",
        "0e0",
        "1E2",
        "1e+2",
        "1e-0",
        "3.141592653589793",
        "0.30000000000000004",
        "9007199254740993",
        "9007199254740993.0",
        "123456789012345678901234567890",
        "18446744073709551616",
        "0.1000000000000000055511151231257827021181583404541015625",
        "1.00000000000000011102230246251565404236316680908203125",
        "2.225073858507201136057409796709131975934819546351645648023426109724822222021076945516529523908135087914149158913039621106870086438694594645527657207407820621743379988141063267329253552286881372149012981122451451889849057222307285255133155755015914397476397983411801999323962548289017107081850690630666655994938275772572015763062690663332809455575419698441782566e-308",
        "NaN",
        "Infinity",
        "-Infinity",
        "1.",
        ".5",
        "01",
        "+1",
        "0x10",
        "1e",
        "-",
    ),
)

U32S = EdgeGroup(
    "integer-width",
    Scalar.U32,
    "u32: exact bounds, no floats, no signs",
    _names(
        "0",
        "-0",
        *int_texts(U32_MAX, U32_MAX + 1),
        "1e0",
        "1.0",
        "00",
        "-1",
        "+1",
        *int_texts(U64_MAX, U64_MAX + 1),
        "99999999999999999999999",
    ),
)

U64S = EdgeGroup(
    "integer-width",
    Scalar.U64,
    "u64: exact beyond 2^53, nothing past 2^64-1",
    _names(
        *int_texts(U64_MAX, U64_MAX + 1),
        "9007199254740992",
        "9007199254740993",
        "-0",
        "1.8446744073709552e19",
    ),
)

I64S = EdgeGroup(
    "integer-width",
    Scalar.I64,
    "i64: both bounds and one past each",
    _names(
        *int_texts(I64_MIN, I64_MIN - 1, I64_MAX, I64_MAX + 1),
        "-0",
        "-1",
    ),
)

TIMESTAMPS = EdgeGroup(
    "timestamp",
    Scalar.TIMESTAMP,
    "chrono DateTime<Utc>: which RFC 3339 spellings it reads, and how it writes them",
    (
        *_quoted(
            "2024-05-06T07:08:09Z",
            "2024-05-06T07:08:09z",
            "2024-05-06t07:08:09Z",
            "2024-05-06 07:08:09Z",
            "2024-05-06T07:08:09+00:00",
            "2024-05-06T07:08:09-00:00",
            "2024-05-06T07:08:09+05:30",
            "2024-05-06T07:08:09-23:59",
            "2024-05-06T07:08:09+24:00",
            "2024-05-06T07:08:09+0530",
            "2024-05-06T07:08:09+05",
            "2024-05-06T07:08:09 +05:30",
            "2024-05-06T07:08:09.1Z",
            "2024-05-06T07:08:09.12Z",
            "2024-05-06T07:08:09.123Z",
            "2024-05-06T07:08:09.1234Z",
            "2024-05-06T07:08:09.123456Z",
            "2024-05-06T07:08:09.1234567Z",
            "2024-05-06T07:08:09.123456789Z",
            "2024-05-06T07:08:09.1234567891Z",
            "2024-05-06T07:08:09.123456789123Z",
            "2024-05-06T07:08:09.000Z",
            "2024-05-06T07:08:09.100000000Z",
            "2024-05-06T07:08:09.Z",
            "2024-05-06T07:08:09,5Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2016-12-31T23:59:60.999999999Z",
            "2017-01-01T05:29:60+05:30",
            "2024-05-06T12:00:60Z",
            "2024-05-06T24:00:00Z",
            "2024-02-29T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "10000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "1970-01-01T00:00:00Z",
            "2024-5-6T07:08:09Z",
            "2024-05-06T7:08:09Z",
            "2024-05-06T07:08Z",
            "2024-05-06",
            "2024-05-06T07:08:09",
            "2024-13-01T00:00:00Z",
            "2024-05-06T07:08:09+05:30:00",
            " 2024-05-06T07:08:09Z",
            "2024-05-06T07:08:09Z ",
            "2024-05-06T07:08:09ZZ",
            "2024-05-06T07:08:09GMT",
            "2024-W19-1T07:08:09Z",
            "",
        ),
        ("number", "1715000000"),
        ("null", "null"),
    ),
)

UUIDS = EdgeGroup(
    "uuid",
    Scalar.UUID,
    "uuid::Uuid: the forms the uuid crate reads, written lower-case hyphenated",
    _quoted(
        "67e55044-10b1-426f-9247-bb680e5fe0c8",
        "67E55044-10B1-426F-9247-BB680E5FE0C8",
        "67e55044-10B1-426f-9247-bb680e5fe0c8",
        "67e5504410b1426f9247bb680e5fe0c8",
        "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
        "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8",
        "URN:UUID:67e55044-10b1-426f-9247-bb680e5fe0c8",
        "{67e5504410b1426f9247bb680e5fe0c8}",
        "urn:uuid:67e5504410b1426f9247bb680e5fe0c8",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "67e5504410b1-426f-9247-bb680e5fe0c8",
        "67e55044-10b1-426f-9247-bb680e5fe0c",
        "67e55044-10b1-426f-9247-bb680e5fe0c80",
        "67e55044_10b1_426f_9247_bb680e5fe0c8",
        " 67e55044-10b1-426f-9247-bb680e5fe0c8",
        "g7e55044-10b1-426f-9247-bb680e5fe0c8",
        "{67e55044-10b1-426f-9247-bb680e5fe0c8",
        "67e55044-10b1-426f-9247-bb680e5fe0c8}",
        "",
    ),
)

VALUES = EdgeGroup(
    "value-canonicalisation",
    Scalar.JSON,
    "serde_json::Value: keys sorted, last duplicate wins, numbers re-serialised",
    (
        ("keys-sorted", '{"b":1,"a":2,"A":3,"aa":4,"":5}'),
        ("duplicate-key-last-wins", '{"a":1,"a":2}'),
        ("duplicate-key-replaces-object", '{"a":{"y":1,"x":2},"a":[]}'),
        ("keys-by-utf8-bytes", '{"\u00e9":1,"z":2,"\U0001f600":3,"\uffff":4,"\ue000":5}'),
        ("escaped-key", '{"\\u00e9":1,"e":2}'),
        ("u64-max", str(U64_MAX)),
        ("u64-max-plus-one", str(U64_MAX + 1)),
        ("i64-min", str(I64_MIN)),
        ("i64-min-minus-one", str(I64_MIN - 1)),
        ("2^53+1", "9007199254740993"),
        ("integer-with-exponent", "1e3"),
        ("out-of-range", "1E400"),
        ("minus-zero-integer", "-0"),
        ("minus-zero", "-0.0"),
        ("one-point-zero", "1.0"),
        ("small-exponent", "1.5e-7"),
        ("mixed-numbers", "[1,2.0,-3,4e0]"),
        ("empty-object", "{}"),
        ("empty-array", "[]"),
        ("empty-string", '""'),
        ("true", "true"),
        ("null", "null"),
        ("nested-sorting", '[{"b":null,"a":[{"d":1,"c":2}]}]'),
        ("nan-inside", '{"a":NaN}'),
        ("trailing-comma-object", '{"a":1,}'),
        ("trailing-comma-array", "[1,]"),
    ),
)

STRINGS = EdgeGroup(
    "unicode-escapes",
    Scalar.STRING,
    "strings: which escapes serde_json reads, and how it writes every character",
    (
        ("escaped-nul", '"\\u0000"'),
        ("escaped-u001f", '"\\u001f"'),
        ("escaped-space", '"\\u0020"'),
        ("escaped-del", '"\\u007f"'),
        ("escaped-u0080", '"\\u0080"'),
        ("escaped-line-separators", '"\\u2028\\u2029"'),
        ("surrogate-pair", '"\\ud83d\\ude00"'),
        ("surrogate-pair-upper-hex", '"\\uD83D\\uDE00"'),
        ("lone-high-surrogate", '"\\ud800"'),
        ("lone-low-surrogate", '"\\udc00"'),
        ("high-surrogate-then-letter", '"\\ud800\\u0041"'),
        ("two-high-surrogates", '"\\ud800\\ud800"'),
        ("reversed-pair", '"\\udc00\\ud800"'),
        ("short-escapes", '"\\b\\f\\n\\r\\t\\"\\\\\\/"'),
        ("escaped-apostrophe", '"\\\'"'),
        ("hex-escape", '"\\x41"'),
        ("upper-hex", '"\\u00E9"'),
        ("short-unicode-escape", '"\\u00e"'),
        ("raw-u0001", '"\u0001"'),
        ("raw-u001f", '"\u001f"'),
        ("raw-del", '"\u007f"'),
        ("raw-line-separator", '"\u2028"'),
        ("raw-emoji", '"\U0001f600"'),
        ("raw-byte-order-mark", '"\ufeff"'),
        ("raw-tab", '"tab\there"'),
        # what other JSON libraries escape by default and serde_json writes as it is
        # (docs/json-library-defaults.md): HTML-sensitive and other ASCII punctuation,
        # the solidus, non-ASCII text
        ("raw-html-and-punctuation", "\"<a href='x'>&amp; 1+1=2 `b`</a>\""),
        ("raw-solidus", '"a/b"'),
        ("raw-non-ascii", '"caf\u00e9 \u00fcber \u4e2d\u6587"'),
    ),
)

_LIMIT = RECURSION_LIMIT
_PAIRS = (_LIMIT - 2) // 2

DEPTHS = EdgeGroup(
    "nesting-depth",
    Scalar.JSON,
    f"serde_json's recursion limit of {_LIMIT} nested arrays/objects, counted from the document root",
    tuple((f"arrays-{d}", _nested(d)) for d in (1, _LIMIT - 3, _LIMIT - 2, _LIMIT - 1, _LIMIT, 200))
    + tuple((f"objects-{d}", '{"a":' * d + "1" + "}" * d) for d in range(_LIMIT - 2, _LIMIT + 1))
    # pairs of an array and an object around one array: the deepest depth serde_json takes
    + ((f"mixed-{_LIMIT - 1}", '[{"a":' * _PAIRS + "[1]" + "}]" * _PAIRS),),
)

# Values of a member the type does not know. serde skips such a member in a struct
# without building it, but an internally tagged enum buffers every member first.
# The first four are not valid values for serde_json: what happens to them is a
# serde quirk (accepted in a struct, rejected in an enum), so implementation-defined.
QUIRKY_UNKNOWN_MEMBERS = frozenset(
    {"lone-surrogate", "number-out-of-range", "huge-integer", "nested-300"}
)
UNKNOWN_MEMBER_VALUES: tuple[tuple[str, str], ...] = (
    ("lone-surrogate", '"\\ud800"'),
    ("number-out-of-range", "1e400"),
    ("huge-integer", "1" * 400),
    ("nested-300", _nested(300)),
    ("nested-120", _nested(120)),
    ("escaped-string", '"\\u00e9\\n"'),
    ("not-json", "NaN"),
)

# The edge values the TypeScript differential tests mutate corpus documents with
# (tests/typescript/src/support/trees.ts, VALUES; tests/test_corpus_documents.py keeps
# the two lists equal): each is recorded in a field of every wire type and as an
# unknown member (suite_inputs.py).
MUTATION_VALUES: tuple[str, ...] = (
    *("null", "true", "false", "0", "-1", "1", "1.0", "1.5", "-0", "1e999", "-1e999"),
    *("2.5e-324", *int_texts(U32_MAX, U32_MAX + 1), "9007199254740993", str(U64_MAX)),
    *(*int_texts(U64_MAX + 1, I64_MIN, I64_MIN - 1), '""', '"x"'),
    *('"approved"', '"rejected"', '"Approved"', '"node_completed"', '"tool_called"'),
    *('"2020-01-01T00:00:00Z"', '"2020-02-30T00:00:00Z"', '"2020-01-01t00:00:00.5+01:00"'),
    *('"67e55044-10b1-426f-9247-bb680e5fe0c8"', '"{67E55044-10B1-426F-9247-BB680E5FE0C8}"'),
    *('"\\ud800"', '"\\u0041"', "[]", "{}", "[1]", '["x"]', '{"approved":null}'),
    *('{"approved":{}}', '{"rejected":[]}', '{"approved":null,"x":1}', '{"a":1,"a":2}'),
    *('{"type":"node_cancelled","node_id":"n"}', '["node_cancelled","n"]'),
    *("[null,null,null,true]", '{"model_id":"m","verified":true,"evidence_refs":["e"]}'),
    *(_nested(_LIMIT - 1), _nested(_LIMIT + 1), '{"a":' + _nested(_LIMIT + 2) + "}"),
)

GROUPS = (FLOATS, U32S, U64S, I64S, TIMESTAMPS, UUIDS, VALUES, STRINGS, DEPTHS)

# Whole documents that are not JSON as serde_json reads it: (name, text).
SYNTAX: tuple[tuple[str, str], ...] = (
    ("empty", ""),
    ("whitespace-only", " \n"),
    ("trailing-comma", '{"type":"workflow_failed","error":"e",}'),
    ("trailing-garbage", '{"type":"workflow_failed","error":"e"}x'),
    ("two-documents", '{"type":"workflow_failed","error":"e"}{}'),
    ("surrounding-whitespace", ' \t\r\n{"type":"workflow_failed","error":"e"} \t\r\n'),
    ("nbsp-whitespace", '\u00a0{"type":"workflow_failed","error":"e"}'),
    ("byte-order-mark", '\ufeff{"type":"workflow_failed","error":"e"}'),
    ("single-quotes", "{'type':'workflow_failed','error':'e'}"),
    ("comment", '{"type":"workflow_failed",/* c */"error":"e"}'),
    ("unquoted-key", '{type:"workflow_failed","error":"e"}'),
    ("escaped-key", '{"\\u0074ype":"workflow_\\u0066ailed","\\u0065rror":"e"}'),
    ("key-not-string", '{1:"workflow_failed"}'),
)
