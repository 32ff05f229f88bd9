"""The wire constants have one source and every runtime reads the same table.

The Rust-side facts (reference/wire-constants.json) are what the reference binary
says today; the Python table (jamjet_schema.wire._constants) and the TypeScript one
(the runtime's constants.ts, as built) hold exactly those and the wire model's; the
modules that used to type them in read them from there.
"""

from __future__ import annotations

import ast
import io
import json
import re
import shutil
import subprocess
import tokenize
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import TypeAdapter, ValidationError

from codegen import rust_facts
from codegen.model import WireModel
from codegen.wire_table import WireConstants, wire_constants
from jamjet_schema.conformance import corpus
from jamjet_schema.models import types
from jamjet_schema.wire import WireError, _constants, describe, jsontext, numbers, serde_parser
from jamjet_schema.wire.numbers import IntType

REPO = Path(__file__).resolve().parents[2]
TS_CONSTANTS = REPO / "generated" / "typescript" / "dist" / "runtime" / "constants.js"


@pytest.fixture(scope="module")
def table(model: WireModel) -> WireConstants:
    return wire_constants(model)


def test_the_recorded_facts_are_what_the_rust_reference_says(rust_binaries: None) -> None:
    asked = rust_facts.ask_rust()
    assert asked == rust_facts.load()
    assert rust_facts.render(asked) == rust_facts.RECORDED.read_text(encoding="utf-8")


def test_rust_s_facts_are_the_known_ones(table: WireConstants) -> None:
    # a sanity pin on the recording itself, not a second source
    assert table.recursion_limit == 128
    assert table.int_ranges["u64"] == (0, 2**64 - 1)
    assert table.serde_json_errors["TRAILING_COMMA"] == "trailing comma"
    assert table.serde_expecting["BOOL"] == "a boolean"
    assert (0x300, 0x36F) in table.debug_escaped_ranges  # combining marks: Grapheme_Extend


def test_the_python_table_is_the_model_s_and_the_reference_s(table: WireConstants) -> None:
    assert table.int_ranges == _constants.INT_RANGES
    assert table.i32_range == (_constants.I32_MIN, _constants.I32_MAX)
    assert table.recursion_limit == _constants.RECURSION_LIMIT
    for name, text in table.serde_json_errors.items():
        assert getattr(_constants, name) == text, name
    for name, text in table.serde_expecting.items():
        assert getattr(_constants, f"EXPECTING_{name}") == text, name
    assert table.debug_escaped_ranges == _constants.DEBUG_ESCAPED_RANGES
    assert table.skip_predicates == _constants.SKIP_PREDICATES
    assert (
        _constants.PROTOCOL_TYPES
        == table.protocol_types
        == ("Event", "EventKind", "ProvenanceMetadata", "Events", "EventsResponse")
    )
    assert table.rules == _constants.RULES
    assert table.protocol_types[-2:] == (_constants.EVENTS_ARRAY, _constants.EVENTS_ENVELOPE)
    assert (_constants.ENVELOPE_MEMBER, _constants.FORMS) == ("events", ("log", "api"))


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("parse", [jsontext.parse, serde_parser.parse_value], ids=["fast", "exact"])
def test_the_parsers_stop_at_the_table_s_recursion_limit(parse: Callable[[str], object]) -> None:
    limit = _constants.RECURSION_LIMIT
    parse(nested(limit - 1))
    with pytest.raises(WireError, match=f"^{_constants.RECURSION_LIMIT_EXCEEDED} at line 1"):
        parse(nested(limit))


@pytest.mark.parametrize("rust", sorted(_constants.INT_RANGES))
def test_the_integer_readers_stop_at_the_table_s_bounds(rust: IntType) -> None:
    low, high = _constants.INT_RANGES[rust]
    rule = {"u32": types.U32_RULE, "u64": types.U64_RULE, "i64": types.I64_RULE}[rust]
    for inside in (low, high):
        assert numbers.as_int(inside, rust) == rule.validate(inside) == inside
    for outside in (low - 1, high + 1):
        with pytest.raises(WireError, match=f"invalid value: integer `{outside}`, expected {rust}"):
            numbers.as_int(outside, rust)
        with pytest.raises(ValidationError):
            TypeAdapter(Annotated[int, rule]).validate_python(outside)


def test_messages_escape_by_the_table() -> None:
    first, last = _constants.DEBUG_ESCAPED_RANGES[5]  # combining marks
    quoted = describe(chr(first) + chr(last) + chr(last + 1))
    assert quoted == f'string "\\u{{{first:x}}}\\u{{{last:x}}}{chr(last + 1)}"'


def test_the_rules_the_engine_says_are_the_corpus_s() -> None:
    # "encoding" is the log file's own (bytes that are no UTF-8), before any serde rule
    from jamjet_schema.wire import messages

    said = {
        messages.syntax_rule(code) for code in vars(_constants).values() if isinstance(code, str)
    }
    said |= {messages.type_rule(e) for e in (*_constants.INT_RANGES, "f64", "variant identifier")}
    said |= {
        messages.type_rule(_constants.EXPECTING_TIMESTAMP),
        messages.type_rule(_constants.EXPECTING_UUID),
    }
    assert said <= set(_constants.RULES), said - set(_constants.RULES)
    assert messages.syntax_rule(_constants.RECURSION_LIMIT_EXCEEDED) == "nesting-depth"


def _typescript_table() -> dict[str, object]:
    script = (
        f"import * as c from {json.dumps(TS_CONSTANTS.as_uri())};"
        "console.log(JSON.stringify(c, (k, v) => typeof v === 'bigint' ? `${v}n` : v));"
    )
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    table: dict[str, object] = json.loads(done.stdout)
    return table


@pytest.mark.skipif(
    shutil.which("node") is None or not TS_CONSTANTS.exists(),
    reason="the TypeScript package is not built (npm test --prefix tests/typescript)",
)
def test_the_typescript_table_is_the_same(table: WireConstants) -> None:
    ts = _typescript_table()
    for name, (low, high) in table.int_ranges.items():
        assert (ts[f"{name.upper()}_MIN"], ts[f"{name.upper()}_MAX"]) == (f"{low}n", f"{high}n")
    assert (ts["I32_MIN"], ts["I32_MAX"]) == table.i32_range
    assert ts["RECURSION_LIMIT"] == table.recursion_limit
    for name, text in table.serde_json_errors.items():
        assert ts[name] == text, name
    for name, text in table.serde_expecting.items():
        assert ts[f"EXPECTING_{name}"] == text, name
    for name, text in table.serde_messages.items():
        assert ts[f"MESSAGE_{name}"] == text, name
    flat = [bound for pair in table.debug_escaped_ranges for bound in pair]
    assert ts["DEBUG_ESCAPED_RANGES"] == flat
    assert ts["SKIP_PREDICATES"] == table.skip_predicates
    assert ts["PROTOCOL_TYPES"] == list(table.protocol_types)
    assert ts["RULES"] == list(table.rules)
    assert ts["UNICODE_VERSION"] == table.unicode_version


def _rule_enums(node: object) -> list[list[str]]:
    if isinstance(node, dict):
        found = [node["rule"]["enum"]] if isinstance(node.get("rule"), dict) else []
        return found + [e for value in node.values() for e in _rule_enums(value)]
    if isinstance(node, list):
        return [e for value in node for e in _rule_enums(value)]
    return []


def test_the_corpus_names_the_table_s_rules_and_types() -> None:
    # the runner reads the table; fixture.schema.json is emitted from it (codegen --check)
    assert corpus.RULES == _constants.RULES
    assert corpus.TYPE_NAMES == _constants.PROTOCOL_TYPES
    fixture_schema = json.loads((REPO / "conformance" / "fixture.schema.json").read_text("utf-8"))
    enums = _rule_enums(fixture_schema)
    assert enums and all(tuple(enum) == _constants.RULES for enum in enums)


JAVA_RUNTIME = REPO / "runtimes" / "java" / "dev" / "jamjet" / "schema" / "wire"
JAVA_TABLE = REPO / "generated/java/src/main/java/dev/jamjet/schema/wire/WireConstants.java"


def _java_literals(table: WireConstants) -> list[str]:
    texts = [*table.serde_json_errors.values(), *table.serde_expecting.values()]
    quoted = [json.dumps(text) for text in texts]
    ints = [str(high) for _, high in table.int_ranges.values()] + ["0xffff_ffffL"]
    return [*quoted, *ints, f"= {table.recursion_limit};"]


def test_the_java_runtime_types_in_none_of_the_table(table: WireConstants) -> None:
    # the hand-written runtime reads WireConstants (emitted from the table) instead
    sources = sorted(JAVA_RUNTIME.glob("*.java"))
    assert sources
    repeats = [
        (source.name, literal)
        for source in sources
        for literal in _java_literals(table)
        if literal in source.read_text(encoding="utf-8")
    ]
    assert repeats == []


def test_the_java_table_holds_the_table_s_values(table: WireConstants) -> None:
    java = JAVA_TABLE.read_text(encoding="utf-8")
    for name, text in table.serde_json_errors.items():
        assert f"static final String {name} = {json.dumps(text)};" in java, name
    for name, text in table.serde_expecting.items():
        assert f"static final String EXPECTING_{name} = {json.dumps(text)};" in java, name
    for name, text in table.serde_messages.items():
        assert f"static final String MESSAGE_{name} = {json.dumps(text)};" in java, name
    assert f"static final int RECURSION_LIMIT = {table.recursion_limit};" in java
    assert f'U64_MAX = new BigInteger("{table.int_ranges["u64"][1]}");' in java
    assert f"static final long I64_MIN = {table.int_ranges['i64'][0]}L;" in java
    body = java[java.index("DEBUG_ESCAPED_RANGES = {") :]
    flat = [int(n, 16) for n in re.findall(r"0x([0-9A-F]+)", body)]
    assert flat == [bound for pair in table.debug_escaped_ranges for bound in pair]


# --- serde's data-error messages: one source ----------------------------------------------

_SPELLED = re.compile(
    r"[\"'`](missing field|duplicate field|unknown variant|invalid type: |invalid value: "
    r"|invalid length |expected one of)"
)
# A Python literal that starts with one of them (prose that quotes one is not a message).
_PYTHON_SPELLED = re.compile(
    r"^[rbfuRBFU]{0,2}(\"{3}|'{3}|\"|')(missing field|duplicate field|unknown variant|"
    r"invalid type: |invalid value: |invalid length |expected one of)"
)
_COMMENT = ("//", "*", "/*")


def _python_literals(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings: (line, source text)."""
    source = path.read_text(encoding="utf-8")
    docstrings = {
        node.body[0].value.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
    }
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [
        (token.start[0], token.string)
        for token in tokens
        if token.type == tokenize.STRING and token.start[0] not in docstrings
    ]


def _spelled_by_hand() -> list[str]:
    found = []
    for path in sorted((REPO / "src" / "jamjet_schema").rglob("*.py")):
        if path.name in ("_constants.py", "messages.py") or "__pycache__" in path.parts:
            continue
        found += [
            f"{path}:{n}: {text}"
            for n, text in _python_literals(path)
            if _PYTHON_SPELLED.match(text)
        ]
    others = [p for p in (REPO / "runtimes" / "typescript").glob("*.ts") if p.name != "messages.ts"]
    others += [p for p in JAVA_RUNTIME.glob("*.java") if p.name != "Messages.java"]
    for path in sorted(others):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip().startswith(_COMMENT) and _SPELLED.search(line):
                found.append(f"{path}:{number}: {line.strip()}")
    return found


def test_no_runtime_spells_serdes_data_errors_by_hand() -> None:
    """The Python models, the store readers, TypeScript and Java fill the emitted
    templates (wire/messages.py, messages.ts, Messages.java); none writes one itself."""
    assert _spelled_by_hand() == []


def test_the_templates_give_back_what_serde_said() -> None:
    from jamjet_schema.wire import messages

    recorded = rust_facts.load().serde_messages
    names = ["{a}", "{b}", "{c}"]
    for count in range(4):
        said = recorded[f"UNKNOWN_VARIANT_{count}"]
        assert messages.unknown_variant("{name}", names[:count]) == said
    assert messages.missing_field("{name}") == recorded["MISSING_FIELD"]
    assert messages.duplicate_field("{name}") == recorded["DUPLICATE_FIELD"]
    assert messages.invalid_type("{unexpected}", "{expected}") == recorded["INVALID_TYPE"]
    assert messages.invalid_value("{unexpected}", "{expected}") == recorded["INVALID_VALUE"]
    assert messages.invalid_length(7, "x") == recorded["INVALID_LENGTH"].format(
        length=7, expected="x"
    )
