"""Wire-heavy whole documents beyond the systematic cases: recorded into the corpus
(suite_inputs.py) and fed to the differential suites.

No outcome is predicted here: the Rust reference's answer is the expectation. Each
input puts one tricky wire value (a float spelling, a timestamp form, a UUID form,
a nested Value, an escaped string, a JSON syntax slip, a serde structural quirk)
into an otherwise valid document. Each category names the serde rule it pins; the
inputs of serde's structural quirks are implementation-defined (see edges.py).
"""

from __future__ import annotations

import json
import random
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from codegen.corpus.bounds import I64_MAX, I64_MIN, RECURSION_LIMIT, U32_MAX, U64_MAX, int_texts


@dataclass(frozen=True)
class Extra:
    category: str
    type_name: str
    input: str
    rule: str
    implementation_defined: bool = False


UUID = '"67e55044-10b1-426f-9247-bb680e5fe0c8"'
TIME = '"2024-05-06T07:08:09Z"'
STARTED = '{"type":"node_started","node_id":"n","worker_id":"w","attempt":1}'


def event(kind: str = STARTED, id: str = UUID, created_at: str = TIME, tail: str = "") -> str:
    return (
        f'{{"id":{id},"execution_id":{UUID},"sequence":1,"kind":{kind},'
        f'"created_at":{created_at}{tail}}}'
    )


def completed(output: str = "null", tail: str = "") -> str:
    return (
        f'{{"type":"node_completed","node_id":"n","output":{output},"state_patch":{{}},'
        f'"duration_ms":5{tail}}}'
    )


def provenance(confidence: str = "null", tail: str = "") -> str:
    return f'{{"model_id":"m","confidence":{confidence}{tail}}}'


def all_extras() -> list[Extra]:
    out: list[Extra] = []
    for category, (generate, rule, quirky) in _CATEGORIES.items():
        for type_name, text in generate():
            rule_of_text = rule if isinstance(rule, str) else rule(text)
            out.append(Extra(category, type_name, text, rule_of_text, quirky(text)))
    return out


Gen = Iterator[tuple[str, str]]

# -- floats ------------------------------------------------------------------------------

_FLOAT_LITERALS = [
    "0",
    "-0",
    "0.0",
    "-0.0",
    "1",
    "1.0",
    "1.5",
    "0.1",
    "0.2",
    "0.30000000000000004",
    "100",
    "1e2",
    "1E2",
    "1e+2",
    "1e-2",
    "1.0e0",
    "123.456e5",
    "3.141592653589793",
    "2.718281828459045",
    "1e15",
    "1e16",
    "1e17",
    "123456789012345680",
    "1e21",
    "1e22",
    "1e23",
    "1e-5",
    "1e-6",
    "1e-7",
    "0.00001",
    "0.000001",
    "0.0000001",
    "9007199254740992",
    "9007199254740993",
    *int_texts(U64_MAX, U64_MAX + 1, I64_MIN, I64_MIN - 1),
    "12345678901234567890123",
    "5e-324",
    "4.9406564584124654e-324",
    "2.4703282292062328e-324",
    "2.4703282292062327e-324",
    "2.2250738585072014e-308",
    "2.2250738585072011e-308",
    "1.7976931348623157e308",
    "1.7976931348623158e308",
    "1.7976931348623159e308",
    "1e308",
    "1e309",
    "-1e309",
    "1e400",
    "1e-400",
    "-1e-400",
    "0.1000000000000000055511151231257827",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203124",
    "0.000000000000000000000000000001",
    "123456789.123456789123456789",
    "1e0000000000000000000001",
    "0e99999999999",
    "1e-99999999999",
    "1e99999999999",
    "1.5e300",
    "-1.5e-300",
    "6.02214076e23",
    "1.602176634e-19",
    "0.5",
    "0.25",
    "0.125",
    "1e-10",
    "99999999999999999999",
    "1.0000000000000002",
    "0.9999999999999999",
]


def _random_doubles(count: int) -> list[str]:
    rng = random.Random(20240506)
    out: list[str] = []
    while len(out) < count:
        value = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        if value == value and abs(value) != float("inf"):
            out.append(repr(value))
    return out


def floats() -> Gen:
    literals = [*_FLOAT_LITERALS, *_random_doubles(400)]
    literals += [repr(2.0**k) for k in range(-1074, 1024)]  # every power of two
    literals += [repr(float(f"1e{k}")) for k in range(-323, 309)]  # every power of ten
    for text in literals:
        yield "ProvenanceMetadata", provenance(text)
    for text in _FLOAT_LITERALS:
        yield (
            "EventKind",
            f'{{"type":"cost_budget_exceeded","node_id":"n","limit_usd":{text},"current_usd":0}}',
        )
        yield "EventKind", completed(f'{{"x":{text},"l":[{text}]}}')
        yield "Event", event(completed(text))


# -- integers ----------------------------------------------------------------------------


def integers() -> Gen:
    texts = [
        "0",
        "1",
        "-1",
        "-0",
        *int_texts(U32_MAX, U32_MAX + 1, U64_MAX, U64_MAX + 1),
        *int_texts(I64_MAX, I64_MAX + 1, I64_MIN, I64_MIN - 1),
        "1.0",
        "1e0",
        "01",
        "00",
        "+1",
        "1_000",
        "0x10",
        "true",
        '"1"',
        "null",
        "[]",
        "{}",
        "1.5",
        "-1.0",
    ]
    for text in texts:
        yield (
            "EventKind",
            f'{{"type":"node_started","node_id":"n","worker_id":"w","attempt":{text}}}',
        )
        yield "EventKind", completed().replace('"duration_ms":5', f'"duration_ms":{text}')
        yield "Event", event().replace('"sequence":1', f'"sequence":{text}')


# -- timestamps --------------------------------------------------------------------------

_TIMESTAMPS = [
    "2024-05-06T07:08:09Z",
    "2024-05-06t07:08:09z",
    "2024-05-06 07:08:09Z",
    "2024-05-06T07:08:09+00:00",
    "2024-05-06T07:08:09-00:00",
    "2024-05-06T07:08:09+05:30",
    "2024-05-06T07:08:09-23:59",
    "2024-05-06T07:08:09+23:59",
    "2024-05-06T07:08:09+24:00",
    "2024-05-06T07:08:09+0530",
    "2024-05-06T07:08:09+05",
    "2024-05-06T07:08:09.1Z",
    "2024-05-06T07:08:09.12Z",
    "2024-05-06T07:08:09.123Z",
    "2024-05-06T07:08:09.1234Z",
    "2024-05-06T07:08:09.123456Z",
    "2024-05-06T07:08:09.1234567Z",
    "2024-05-06T07:08:09.123456789Z",
    "2024-05-06T07:08:09.1234567891Z",
    "2024-05-06T07:08:09.123456789123456Z",
    "2024-05-06T07:08:09.000Z",
    "2024-05-06T07:08:09.000000001Z",
    "2024-05-06T07:08:09.100Z",
    "2024-05-06T07:08:09.120000Z",
    "2024-05-06T07:08:09.999999999Z",
    "2024-05-06T07:08:09.Z",
    "2024-05-06T07:08:09,5Z",
    "2016-12-31T23:59:60Z",
    "2016-12-31T23:59:60.5Z",
    "2016-12-31T23:59:60.999999999Z",
    "2016-12-31T22:59:60+01:00",
    "2024-05-06T07:08:60Z",
    "2024-05-06T07:08:61Z",
    "2024-05-06T24:00:00Z",
    "2024-05-06T07:60:00Z",
    "2024-02-29T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2024-04-31T00:00:00Z",
    "2024-13-01T00:00:00Z",
    "2024-00-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z",
    "9999-12-31T23:59:59+00:00",
    "9999-12-31T23:59:59-01:00",
    "0000-01-01T00:00:00+01:00",
    "1970-01-01T00:00:00Z",
    "1969-12-31T23:59:59.999999999Z",
    "+2024-05-06T07:08:09Z",
    "-0001-01-01T00:00:00Z",
    "12024-05-06T07:08:09Z",
    "24-05-06T07:08:09Z",
    "2024-5-6T7:8:9Z",
    "2024-05-06T07:08Z",
    "2024-05-06T07:08:09",
    "2024-05-06",
    "2024-05-06T07:08:09UTC",
    " 2024-05-06T07:08:09Z",
    "2024-05-06T07:08:09Z ",
    "2024-05-06T07:08:09ZZ",
    "2024-05-06T07:08:09+00:00:00",
    "2024-05-06T07:08:09.5+02:00",
    "2024-05-06T07:08:09-00:01",
    "2024-05-06T07:08:09+00:60",
    "2024-05-06\t07:08:09Z",
    "2024-05-06T07:08:09\u00a0Z",
    "",
]


def timestamps() -> Gen:
    for text in _TIMESTAMPS:
        literal = json.dumps(text)
        yield "Event", event(created_at=literal)
        yield "EventKind", f'{{"type":"timer_created","node_id":"n","fire_at":{literal}}}'
    for literal in ["0", "null", "[]", "{}", '"2024-05-06T07:08:09\\u005a"']:
        yield "Event", event(created_at=literal)


# -- UUIDs -------------------------------------------------------------------------------

_UUIDS = [
    "67e55044-10b1-426f-9247-bb680e5fe0c8",
    "67E55044-10B1-426F-9247-BB680E5FE0C8",
    "67e55044-10B1-426f-9247-bB680E5Fe0c8",
    "67e5504410b1426f9247bb680e5fe0c8",
    "67E5504410B1426F9247BB680E5FE0C8",
    "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
    "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8",
    "URN:UUID:67e55044-10b1-426f-9247-bb680e5fe0c8",
    "UrN:uUiD:67e55044-10b1-426f-9247-bb680e5fe0c8",
    "{67e5504410b1426f9247bb680e5fe0c8}",
    "urn:uuid:67e5504410b1426f9247bb680e5fe0c8",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "67e55044-10b1-426f-9247-bb680e5fe0c",
    "67e55044-10b1-426f-9247-bb680e5fe0c8a",
    "67e5504-410b1-426f-9247-bb680e5fe0c8",
    "67e55044-10b1-426f-9247bb680e5fe0c8-",
    "67e55044_10b1_426f_9247_bb680e5fe0c8",
    "67e55044-10b1-426f-9247-bb680e5fe0cg",
    "g7e55044-10b1-426f-9247-bb680e5fe0c8",
    "67e5504410b1426f9247bb680e5fe0c",
    "",
    " 67e55044-10b1-426f-9247-bb680e5fe0c8",
    "67e55044-10b1-426f-9247-bb680e5fe0c8 ",
    "(67e55044-10b1-426f-9247-bb680e5fe0c8)",
    "{67e55044-10b1-426f-9247-bb680e5fe0c8",
    "67e55044-10b1-426f-9247-bb680e5fé0c8",
    "67e55044-10b1-426f-9247-bb680e5fe0\u00e9",
    "----------------------------------",
    "67e55044--10b1-426f-9247-bb680e5fe0c8",
]


def uuids() -> Gen:
    for text in _UUIDS:
        yield "Event", event(id=json.dumps(text, ensure_ascii=False))
    for literal in [
        "1",
        "null",
        "[103,229,80,68,16,177,66,111,146,71,187,104,14,95,224,200]",
        "{}",
    ]:
        yield "Event", event(id=literal)


# -- Values and strings ------------------------------------------------------------------


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


_VALUES = [
    '{"a":1,"a":2}',
    '{"b":{"x":1,"x":{"y":2}},"a":[{"k":1,"k":null}]}',
    '{"a":{"a":{"a":1}},"a":3}',
    '{"z":1,"Z":2,"é":3,"e":4,"":5,"\\u0000":6,"😀":7,"\\uffff":8,"\uff41":9,"\\u007f":10,"aa":11,"a":12}',
    '{"\\ud83d\\ude00":1,"\\ue000":2,"\\uffff":3,"\\u00ff":4}',
    f"[{U64_MAX},{U64_MAX + 1},{I64_MIN},{I64_MIN - 1},-0,0,1.0,1e0]",
    '[true,false,null,"",[],{},[[]],{"":{}}]',
    '{"type":"workflow_failed","type":"x"}',
    '"\\u0000\\u001f\\u007f\\t\\n\\r\\b\\f\\/\\"\\\\\\u2028\\u2029"',
    '"\\ud83d\\ude00😀"',
    '"\\ud800"',
    '"\\udc00"',
    '"\\ud800\\u0041"',
    '"\\ud83d\\ud83d"',
    '"\\ud83d"',
    '"\\u12"',
    '"\\x41"',
    '"\\U0041"',
    '"\\u00e9\\u00E9"',
    '"a\tb"',
    '"a\nb"',
    '"\u007f"',
    '"\u0080\u07ff\u0800\uffff\U00010000\U0010ffff"',
    "1.7976931348623157e308",
    "5e-324",
    "-0",
    "-0.0",
    "0e0",
    "12345678901234567890",
    _nested(100),
    *(_nested(d) for d in range(RECURSION_LIMIT - 4, RECURSION_LIMIT + 1)),
    '{"a":' * 60 + "1" + "}" * 60,
]


def values() -> Gen:
    for text in _VALUES:
        yield "EventKind", completed(text)
        yield "Event", event(completed(text))
        yield (
            "EventKind",
            f'{{"type":"workflow_started","workflow_id":"w","workflow_version":"1","initial_input":{text}}}',
        )
        yield (
            "EventKind",
            f'{{"type":"coordinator_scoring","node_id":"n","rankings":[{text},{text}],"spread":1,"weights":{text}}}',
        )


_STRINGS = [
    '"plain"',
    '""',
    '"\\u0041\\/\\n\\u00e9"',
    '"\\ud83d\\ude00"',
    '"\\ud800"',
    '"\\udfff"',
    '"\\ud800\\udbff"',
    '"\\u0000"',
    '"\u0000"',
    '"\u001f"',
    '"\u007f"',
    '"\\u001F"',
    '"tab\\there"',
    '"quote\\"back\\\\"',
    '"\u2028\u2029"',
    '"é😀"',
    '"\\/\\/"',
    '"\\a"',
    '"\\u"',
    '"\\uD83D\\uDE00"',
    '"\\uDBFF\\uDFFF"',
    '"\\uDC00\\uD800"',
    '"\\ud800\\n"',
    '"unterminated',
    '"\\"',
    "'single'",
]


def strings() -> Gen:
    for text in _STRINGS:
        yield "EventKind", f'{{"type":"node_started","node_id":{text},"worker_id":"w","attempt":1}}'
        yield "ProvenanceMetadata", f'{{"model_id":{text},"evidence_refs":[{text}]}}'
        yield "EventKind", f'{{"type":"workflow_failed","error":"e",{text}:1}}'  # as a member name


# -- JSON syntax -------------------------------------------------------------------------


def syntax() -> Gen:
    doc = '{"type":"workflow_failed","error":"e"}'
    variants = [
        doc,
        " " + doc + " ",
        "\t\r\n" + doc + "\n",
        "\ufeff" + doc,
        doc + ",",
        doc + "x",
        doc + doc,
        doc[:-1],
        doc[:-1] + ",}",
        '{"type":"workflow_failed",,"error":"e"}',
        '{"type" "workflow_failed","error":"e"}',
        "{'type':'workflow_failed','error':'e'}",
        '{type:"workflow_failed","error":"e"}',
        "\u00a0" + doc,
        "\f" + doc,
        "\v" + doc,
        "",
        " ",
        "null",
        "true",
        "1",
        '"x"',
        "[]",
        "{}",
        "[",
        "{",
        "]",
        "NaN",
        '{"type":"workflow_failed","error":"e" }',
        '{ "type" : "workflow_failed" , "error" : "e" }',
        '{"type":"workflow_failed","error":"e","n":NaN}',
        '{"type":"workflow_failed","error":"e","n":Infinity}',
        '{"type":"workflow_failed","error":"e","n":-Infinity}',
        '{"type":"workflow_failed","error":"e","n":.5}',
        '{"type":"workflow_failed","error":"e","n":1.}',
        '{"type":"workflow_failed","error":"e","n":-}',
        '{"type":"workflow_failed","error":"e","n":1e}',
        '{"type":"workflow_failed","error":"e","n":01}',
        '{"type":"workflow_failed","error":"e","n":[1,]}',
        '{"type":"workflow_failed","error":"e","n":tru}',
        '{"type":"workflow_failed","error":"e","n":nul}',
        '{"type":"workflow_failed","error":"e",1:2}',
        '{"ty\\u0070e":"workflow_failed","error":"e"}',
        '{"type":"workflow\\u005ffailed","error":"e"}',
    ]
    for text in variants:
        yield "EventKind", text
    for text in ["", "null", "1", "[]", "{}", '"x"', event() + " ", event()[:-1]]:
        yield "Event", text


# -- serde's structural quirks -----------------------------------------------------------


def _sequence_forms() -> Gen:
    yield "Event", f"[{UUID},{UUID},1,{STARTED},{TIME}]"
    yield "Event", f'[{UUID},{UUID},1,["node_started","n","w",1],{TIME}]'
    yield "Event", f"[{UUID},{UUID},1,{STARTED}]"
    yield "Event", f"[{UUID},{UUID},1,{STARTED},{TIME},1]"
    yield "Event", f'[{UUID},{UUID},1,["node_started","n","w"],{TIME}]'
    yield "Event", f'[{UUID},{UUID},1,["node_started","n","w",1,2],{TIME}]'
    yield "Event", f"[{UUID},{UUID},1,[],{TIME}]"
    yield "Event", f"[{UUID},{UUID},1,[1],{TIME}]"
    yield "Event", f'[{UUID},{UUID},1,["NodeStarted","n","w",1],{TIME}]'
    for text in [
        '["workflow_cancelled"]',
        '["workflow_cancelled",null]',
        '["workflow_cancelled","r"]',
        '["workflow_cancelled",null,null]',
        '["node_cancelled"]',
        '["node_cancelled","n"]',
        '["node_completed","n",1,{},5]',
        '["node_completed","n",1,{},5,null,null,null,null,null,null,null]',
        '["node_completed","n",1,{},5,null,null,null,null,null,null,null,null]',
        '["approval_received","n","u","approved",null,null]',
        '["approval_received","n","u","approved"]',
        '["plan_generated",[]]',
        '["plan_generated",["a"]]',
        '["plan_generated"]',
        "[null]",
        "[{}]",
    ]:
        yield "EventKind", text
    for text in [
        "[]",
        "[null]",
        "[null,null,null]",
        "[null,null,null,false]",
        "[null,null,null,true,null]",
        "[null,null,null,false,null,null]",
        '[null,null,null,false,null,null,["e"]]',
        "[null,null,null,false,null,null,[]]",
        "[null,null,null,false,null,null,[],1]",
        '["m","v",0.5,true,"s","t",["e"]]',
        "[1,null,null,false,null,null]",
    ]:
        yield "ProvenanceMetadata", text


def _enum_forms() -> Gen:
    for decision in [
        '"approved"',
        '"rejected"',
        '"Approved"',
        '"APPROVED"',
        '""',
        "1",
        "null",
        "[]",
        "{}",
        '{"approved":null}',
        '{"rejected":{}}',
        '{"approved":[]}',
        '{"approved":1}',
        '{"approved":null,"rejected":null}',
        '{"approved":null,"approved":null}',
        '{"maybe":null}',
        '["approved"]',
        '{"approved":{"x":1}}',
        '"appro\\u0076ed"',
    ]:
        yield (
            "EventKind",
            f'{{"type":"approval_received","node_id":"n","user_id":"u","decision":{decision}}}',
        )


def _ignored_members() -> Gen:
    for junk in [
        "1e400",
        '"\\ud800"',
        '"\\udc00x"',
        "-1e400",
        "1e-400",
        "18446744073709551616",
        '{"a":1,"a":2}',
        _nested(120),
        _nested(130),
        _nested(2000),
        '{"\\ud800":1}',
        "[1e400]",
        "[1,]",
        "01",
        "1.",
        "-",
        '"\\x"',
        '"\\u12"',
        "[1}",
        '{"a"}',
        "nul",
        "{,}",
        '"\t"',
    ]:
        yield "Event", event(tail=f',"zz":{junk}')
        yield "EventKind", f'{{"type":"workflow_failed","error":"e","zz":{junk}}}'
        yield "ProvenanceMetadata", provenance(tail=f',"zz":{junk}')
        yield "Event", event(kind=f'{{"type":"workflow_failed","error":"e","zz":{junk}}}')


def _tag_forms() -> Gen:
    base = '"node_id":"n","worker_id":"w","attempt":1'
    for text in [
        f'{{{base},"type":"node_started"}}',
        '{"node_id":"n","type":"node_started","worker_id":"w","attempt":1}',
        f'{{"type":"node_started",{base},"type":"node_started"}}',
        f'{{"type":"node_started",{base},"type":"node_failed"}}',
        f'{{"type":null,{base}}}',
        f'{{"type":["node_started"],{base}}}',
        f'{{"type":{{}},{base}}}',
        f'{{"type":"node_started ",{base}}}',
        f'{{"Type":"node_started",{base}}}',
        f'{{"type":"nodeStarted",{base}}}',
        f'{{"type":"node_started",{base},"node_id":"m"}}',
        f'{{"type":"node_started",{base},"extra":{{"type":"x"}}}}',
        '{"type":"node_started","node_id":"n","worker_id":"w"}',
        '{"type":"workflow_cancelled"}',
        '{"type":"workflow_cancelled","reason":null}',
        '{"type":"node_cancelled","node_id":"n","node_id":"n"}',
    ]:
        yield "EventKind", text
        yield "EventKind.node_id", text
        yield "Event", event(kind=text)


# -- the TypeScript package's API tests (tests/typescript/src/api.test.ts) ------------------

_TS_UUID = "67e55044-10b1-426f-9247-bb680e5fe0c8"
_TS_COMPLETED = (
    '{"type":"node_completed","node_id":"n","output":null,"state_patch":{},'
    '"duration_ms":18446744073709551615'
)


def typescript_api() -> Gen:
    yield "EventKind", _TS_COMPLETED + ',"input_tokens":9007199254740993}'
    yield "EventKind", _TS_COMPLETED + ',"cost_usd":null,"provenance":null}'
    yield "EventKind", _TS_COMPLETED + ',"provenance":[null,null,0.5,true,null,null]}'
    yield (
        "Event",
        f'{{"id":"{_TS_UUID}","execution_id":"{_TS_UUID}","sequence":-9223372036854775808,'
        f'"kind":{_TS_COMPLETED}}},"created_at":"2020-01-01T00:00:00Z"}}',
    )
    yield (
        "Event",
        f'{{"id":"{_TS_UUID.upper()}","execution_id":"{{{_TS_UUID}}}","sequence":1,'
        '"kind":{"type":"workflow_failed","error":"e"},"created_at":"2020-01-01 01:30:00.5+01:30"}',
    )
    yield "ProvenanceMetadata", '{"verified":false,"evidence_refs":[],"x":1e999}'
    yield "EventKind", '{"type":"node_complete"}'
    yield "EventKind", '{"type":"node_cancelled","node_id":"a","type":"node_cancelled"}'
    yield "EventKind", '{"type":"tool_called","node_id":"n","tool":"t"}'


def _typescript_rule(text: str) -> str:
    """serde's quirks among them (implementation-defined): the sequence form of the
    provenance, and an unknown member serde skips without reading it."""
    if '"provenance":[' in text:
        return "sequence-form"
    return "unknown-field" if '"x":1e999' in text else "required-field"


def _typescript_quirk(text: str) -> bool:
    return _typescript_rule(text) != "required-field"


def _never(_text: str) -> bool:
    return False


def _always(_text: str) -> bool:
    return True


def _map_form(text: str) -> bool:
    """A unit variant as serde's externally tagged map: accepted by serde only."""
    decision = text.split('"decision":', 1)[1]
    return decision.startswith("{") and not decision.startswith("{}")


# Values of an unknown member that are JSON but not serde_json values: serde skips
# them in a struct without building them, but buffers and refuses them in an enum.
_QUIRKY_JUNK = (
    "1e400",
    '"\\ud800"',
    '"\\udc00x"',
    "[" * (RECURSION_LIMIT + 1),
    '{"\\ud800":1}',
    "[1e400]",
)


def _quirky_member(text: str) -> bool:
    return any(f'"zz":{junk}' in text for junk in _QUIRKY_JUNK) or '"zz":-1e400' in text


# category: (inputs, the serde rule they pin (or which rule each does), which inputs
# are implementation-defined)
_CATEGORIES: dict[
    str, tuple[Callable[[], Gen], str | Callable[[str], str], Callable[[str], bool]]
] = {
    "floats": (floats, "float-format", _never),
    "integers": (integers, "integer-width", _never),
    "timestamps": (timestamps, "timestamp", _never),
    "uuids": (uuids, "uuid", _never),
    "values": (values, "value-canonicalisation", _never),
    "strings": (strings, "unicode-escapes", _never),
    "syntax": (syntax, "json-syntax", _never),
    "sequence-forms": (_sequence_forms, "sequence-form", _always),
    "enum-forms": (_enum_forms, "snake-case", _map_form),
    "ignored-members": (_ignored_members, "unknown-field", _quirky_member),
    "tag-forms": (_tag_forms, "tag", _never),
    "typescript-api": (typescript_api, _typescript_rule, _typescript_quirk),
}
