"""What the node:test and cargo harness tests share: the Python runner's groups for the
broken subject (broken_combo.py, the same rewrites as the harnesses' broken subjects),
the serde_json era's answers for the era subject, and a reader of a harness's summary."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from jamjet_schema.conformance import report, runner
from jamjet_schema.conformance.testee import Testee
from tests.conftest import REPO

HERE = Path(__file__).resolve().parent
FIXTURES = REPO / "conformance" / "fixtures"
ERA = "1.0.146"
ERA_FILE = FIXTURES / "eras" / f"serde_json-{ERA}.json"
# the fixtures the known-failures tests run (Options' match): 22 of them fail for the broken subject
MATCH = "required.EventKind.node_completed."


@dataclass(frozen=True)
class Grouped:
    """A summary's group: its tier, cause key, count and example fixture."""

    tier: str
    key: str
    count: int
    example: str


_SECTION = re.compile(r"^(?:FAILURES, (\S+) tier|(IMPLEMENTATION-DEFINED) DIFFERENCES): ")
_GROUP = re.compile(r"^  (\d+)\. .* \[([^\]]+)\]: (\d+) fixtures?")
_EXAMPLE = re.compile(r"^ +e\.g\. (\S+)$")


def summary_groups(summary: str) -> list[Grouped]:
    """The groups a harness's summary lists, in its order."""
    found: list[Grouped] = []
    tier, key, count = "", "", 0
    for line in summary.splitlines():
        if section := _SECTION.match(line):
            tier = section.group(1) or "implementation-defined"
        elif group := _GROUP.match(line):
            key, count = group.group(2), int(group.group(3))
        elif example := _EXAMPLE.match(line):
            found.append(Grouped(tier, key, count, example.group(1)))
    return found


@dataclass(frozen=True)
class Expected:
    """The Python runner's verdict on the broken subject's equivalent testee."""

    groups: list[Grouped]
    failing: dict[str, str]  # fatal failures: id -> the title of its group

    def ids(self, part: str) -> list[str]:
        return [i for i in self.failing if part in i]


@pytest.fixture(scope="session")
def broken_expected(rust_built: None) -> Expected:
    """`jamjet-schema conformance` on broken_combo.py (the broken subjects' rewrites
    around the Rust reference), over the corpus the harnesses carry."""
    testee = Testee((sys.executable, str(HERE / "broken_combo.py")), REPO)
    result = runner.run_conformance(testee, corpus=FIXTURES)
    groups = report.as_json(result)["run"]["groups"]
    found = [Grouped(g["tier"], g["cause"], g["count"], g["ids"][0]) for g in groups]
    failing = {i: g["title"] for g in groups if g["fatal"] for i in g["ids"]}
    return Expected(found, failing)


@pytest.fixture(scope="session")
def era_answers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The era's answers as rows [type_name, input, form, output, error] (what the era
    subjects answer), in a file."""
    cases = json.loads(ERA_FILE.read_text(encoding="utf-8"))["cases"]
    rows = [
        [c["type_name"], c["input"], c.get("form", "log"), c.get("output"), c.get("serde_error")]
        for c in cases
    ]
    path = tmp_path_factory.mktemp("era") / "answers.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


def era_groups() -> list[tuple[str, str, int]]:
    """What a subject answering as the era does fails without the era option: one group
    per tier, the era's, of all the fixtures the era re-records there."""
    cases = json.loads(ERA_FILE.read_text(encoding="utf-8"))["cases"]
    tiers = ("required", "api", "implementation-defined")
    counts = {t: sum(1 for c in cases if c["id"].startswith(f"{t}.")) for t in tiers}
    return [(t, f"era:{ERA}", n) for t, n in counts.items() if n]


def passing_id(expected: Expected, part: str) -> str:
    """A fixture whose id holds `part` and that the broken subject passes."""
    for path in sorted(FIXTURES.glob("required/**/*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            if part in case["id"] and case["id"] not in expected.failing:
                return str(case["id"])
    raise AssertionError(f"no passing fixture matches {part}")


def selected_fixtures() -> int:
    """The fixtures a harness runs by default: all but the evolution tier's and the eras'."""
    paths = [p for p in FIXTURES.rglob("*.json") if p.parent.name != "eras"]
    files = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    return sum(len(f["cases"]) for f in files if f.get("tier") not in (None, "evolution"))


def readme_snippet(language: str, marker: str) -> str:
    """The README's test over the corpus in `language` (the block that names `marker`)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.S | re.M)
    (snippet,) = [str(b) for b in blocks if marker in b]
    return snippet
