"""The survey of JSON library defaults (docs/json-library-defaults.md), proven.

Each row names a default, the required fixture that catches it and a broken testee
(tests/conformance/broken/) that is the reference with that default applied. Each
such testee must fail the run on its fixtures, through the CLI as a porter runs it;
the reference must pass them. The emulations in broken/_defaults.py are checked
against the real libraries found on the machine."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from codegen.corpus.era_builds import eras
from jamjet_schema.cli import main
from jamjet_schema.conformance.testee import Testee
from tests.conformance.broken import _defaults as emulate
from tests.conformance.conftest import HERE, REPO, broken_command

DOC = REPO / "docs" / "json-library-defaults.md"
FIXTURES = REPO / "conformance" / "fixtures"
PROBES = HERE / "library_defaults"
_ROW = re.compile(
    r"^\| (?P<library>[^|]+) \|.*\| `(?P<fixture>required\.[^`]+)` \| `(?P<testee>[^`]+)` \|$"
)


def survey() -> dict[str, set[str]]:
    """broken testee -> the fixtures the survey says catch it."""
    out: dict[str, set[str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if m := _ROW.match(line):
            out.setdefault(m["testee"], set()).add(m["fixture"])
    return out


SURVEY = survey()


def fixture_dicts(ids: set[str]) -> list[dict[str, object]]:
    found = [
        case
        for path in sorted((FIXTURES / "required").rglob("*.json"))
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
        if case["id"] in ids
    ]
    assert {c["id"] for c in found} == ids, (
        f"not required fixtures: {ids - {c['id'] for c in found}}"
    )
    return found


def witness_corpus(folder: Path, ids: set[str]) -> Path:
    (folder / "required").mkdir(parents=True)
    doc = {"description": "survey witnesses", "tier": "required", "cases": fixture_dicts(ids)}
    (folder / "required" / "witnesses.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


def command_of(testee: str) -> str:
    if testee.startswith("era:"):
        [era] = [e for e in eras(REPO) if e.serde_json == testee.removeprefix("era:")]
        return str(era.testee().command[0])
    return " ".join(broken_command(testee))


def run_cli(command: str, corpus: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(
        ["conformance", "--testee", command, "--corpus", str(corpus), "--tier", "required"]
    )
    return status, capsys.readouterr().out


def test_the_survey_has_a_row_per_library() -> None:
    libraries = {
        m["library"].split("`")[0].strip()
        for line in DOC.read_text().splitlines()
        if (m := _ROW.match(line))
    }
    for library in (
        "Go",
        "Jackson",
        "Gson",
        "System.Text.Json",
        "JavaScript",
        "Python",
        "PHP",
        "serde_json ≤ 1.0.146",
    ):
        assert library in libraries
    assert all((HERE / "broken" / f"{t}.py").is_file() or t.startswith("era:") for t in SURVEY)


def test_the_reference_passes_every_witness(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = witness_corpus(tmp_path, set().union(*SURVEY.values()))
    status, out = run_cli(str(reference.command[0]), corpus, capsys)
    assert status == 0, out


@pytest.mark.parametrize("testee", sorted(SURVEY))
def test_each_library_default_fails_the_required_tier(
    testee: str, reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run_cli(command_of(testee), witness_corpus(tmp_path, SURVEY[testee]), capsys)
    assert status == 1, out
    for fixture in SURVEY[testee]:
        assert fixture in out


# ---- the emulations against the real libraries -------------------------------------------

FLOATS = [
    "1", "-1", "0.5", "-0.0", "100", "1e7", "12345678.9", "0.001", "0.0001", "0.00001",
    "0.000001", "1e-7", "2.5e-5", "1e-10", "1e15", "1e16", "1e20", "1e21", "1e22", "6.02214076e23",
    "1.5e300", "5e-324", "1.7976931348623157e308", "123456789012345680", "0.1", "3.141592653589793",
]  # fmt: skip
STRINGS = [
    "<a href='x'>&amp; 1+1=2 `b`</a>", "a/b", "caf\u00e9 \u4e2d\u6587", "\u2028\u2029",
    "\x01\x1f\x7f", "\U0001f600", 'tab\t"q"\\',
]  # fmt: skip


def probe(command: list[str], lines: list[str], cwd: Path = PROBES) -> list[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not on this machine")
    done = subprocess.run(
        command, input="".join(f"{line}\n" for line in lines), capture_output=True,
        text=True, encoding="utf-8", cwd=cwd, timeout=300, check=True,
    )  # fmt: skip
    return done.stdout.split("\n")[:-1]  # not splitlines(): U+2028 is no line end here


def requests(floats: list[str], strings: list[str]) -> list[str]:
    return [f"f {f}" for f in floats] + [f"s {json.dumps(s)}" for s in strings]


def test_go_encoding_json_is_emulated() -> None:
    go_string = emulate.escaping(emulate.escapes_of("<>&\u2028\u2029"))
    lone = ['"\\ud800"', '"a\\udc00b"']
    answers = probe(["go", "run", "probe.go"], requests(FLOATS, STRINGS) + [f"s {t}" for t in lone])
    expected = [emulate.go_number(float(f)) for f in FLOATS] + [go_string(s) for s in STRINGS]
    expected += [
        go_string(json.loads(emulate.lone_surrogates(t, lambda _: "\\ufffd"))) for t in lone
    ]
    assert answers == expected


def test_javascript_json_stringify_is_emulated() -> None:
    lone = ['"\\ud800"', '"a\\udc00b"']
    answers = probe(["node", "probe.mjs"], requests(FLOATS, STRINGS) + [f"s {t}" for t in lone])
    expected = [emulate.javascript_number(float(f)) for f in FLOATS]
    expected += [emulate.serde_string(s) for s in STRINGS] + lone
    assert answers == expected
    big = probe(["node", "probe.mjs"], ["f 18446744073709551615", "f 9007199254740993"])
    assert big == [emulate.javascript_integer(2**64 - 1), emulate.javascript_integer(2**53 + 1)]


def test_java_double_to_string_is_emulated() -> None:
    answers = probe(["java", "Probe.java"], FLOATS)
    assert answers == [emulate.java_double(float(f)) for f in FLOATS]


def test_python_json_is_emulated() -> None:
    assert [json.dumps(float(f)) for f in FLOATS] == [repr(float(f)) for f in FLOATS]
    # lib_ascii_only writes with json.dumps itself; besides non-ASCII it escapes DEL
    assert json.dumps("\x7f\u00e9") == '"\\u007f\\u00e9"'
    doc = '{"a":[1,{"b":null}],"c":"x"}'
    assert emulate.rewrite(doc, separators=(", ", ": ")) == json.dumps(json.loads(doc))
    assert json.loads(
        emulate.restore_names("[7.25e-301,7.5e-301,7.75e-301]"), parse_constant=str
    ) == ["NaN", "Infinity", "-Infinity"]
