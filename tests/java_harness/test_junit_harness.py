"""The JUnit 5 harness (conformance/harness/java) as a team uses it: a Maven project outside
the repository, whose test class is the README's, run by `mvn test` against the generated
Java package (0 failures) and against broken copies of it (the build fails; the summary
groups the failures by cause exactly as `jamjet-schema conformance` groups the same
subject's answers); known-failures lists and the serde_json era option likewise.

Real builds, no mocks: the README's two commands install dev.jamjet:jamjet-schema and the
harness into the local Maven repository, one Maven run runs the README's test class, one
(offline) the other scenarios of project/; the Python runner asks the same subjects
through the harness's Testee main."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from jamjet_schema.conformance import corpus, report, runner

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
HARNESS = REPO / "conformance" / "harness" / "java"
PACKAGE = REPO / "generated" / "java"
ERA = "1.0.146"
ERA_FILE = REPO / "conformance" / "fixtures" / "eras" / f"serde_json-{ERA}.json"
PASSING = "required.EventKind.workflow_failed.tag-last"  # a fixture the ryu subject passes
NO_SUCH = "required.EventKind.no-such-fixture"
SUMMARY = "summary: failures grouped by observed cause"
NAMES = "known-failures: every entry names a fixture"
MAVEN = ["mvn", "-B", "--no-transfer-progress"]


def pom_version(pom: Path) -> str:
    found = ET.parse(pom).getroot().find("{http://maven.apache.org/POM/4.0.0}version")
    assert found is not None and found.text
    return found.text


def readme_java_block(containing: str, language: str) -> str:
    """The block of the README's Java section holding `containing`."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Java") :]
    section = section[: section.index("\n## ", 1)]
    blocks = re.findall(rf"```{language}\n(.*?)```", section, flags=re.S)
    [found] = [b for b in blocks if containing in b]
    return str(found)


@dataclass(frozen=True)
class Suite:
    """One test class's Surefire report: its counts, and its test cases by fixture id (the
    last word of a phrased name) or by their own name."""

    counts: dict[str, int]
    cases: dict[str, ET.Element]

    def message(self, name: str) -> str:
        failure = self.cases[name].find("failure")
        assert failure is not None, f"{name} did not fail"
        return failure.get("message", "")

    def skipped(self, name: str) -> bool:
        return self.cases[name].find("skipped") is not None


@dataclass(frozen=True)
class Build:
    code: int
    output: str
    reports: Path

    def suite(self, test_class: str) -> Suite:
        root = ET.parse(self.reports / f"TEST-{test_class}.xml").getroot()
        counts = {k: int(root.get(k, "0")) for k in ("tests", "failures", "errors", "skipped")}
        cases = {}
        for case in root.iter("testcase"):
            name = case.get("name", "")
            key = name.split(" conformance() ", 1)[-1] if " conformance() " in name else name
            cases[key.removeprefix("conformance() ")] = case
        return Suite(counts, cases)


def mvn(*args: str, cwd: Path) -> Build:
    done = subprocess.run(
        [*MAVEN, *args], cwd=cwd, capture_output=True, text=True, timeout=900, check=False
    )
    return Build(done.returncode, done.stdout + done.stderr, cwd / "target" / "surefire-reports")


@pytest.fixture(scope="module")
def installed() -> None:
    """dev.jamjet:jamjet-schema and the harness in the local Maven repository, by the
    README's commands (`mvn -f generated/java install`, `mvn -f conformance/harness/java
    install`), run from the repository's root."""
    block = readme_java_block("mvn -f conformance/harness/java install", "sh")
    commands = [line.split("#", 1)[0].split() for line in block.splitlines() if line.strip()]
    assert [c[:2] for c in commands] == [["mvn", "-f"], ["mvn", "-f"]]
    for command in commands:
        build = mvn(*command[1:], "-q", cwd=REPO)
        assert build.code == 0, f"{' '.join(command)}\n{build.output[-5000:]}"


def era_ids(tier: str | None = None) -> list[str]:
    cases = json.loads(ERA_FILE.read_text(encoding="utf-8"))["cases"]
    return [c["id"] for c in cases if tier is None or c["id"].startswith(f"{tier}.")]


@pytest.fixture(scope="module")
def project(installed: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """project/ in a temporary folder, the README's test class and dependency in it, and the
    known-failures lists its scenarios read."""
    folder = tmp_path_factory.mktemp("outside") / "my-jamjet-reader"
    shutil.copytree(HERE / "project", folder)
    source = readme_java_block("@TestFactory", "java")
    (folder / "src" / "test" / "java" / "JamjetConformanceTest.java").write_text(
        source, encoding="utf-8"
    )
    dependency = readme_java_block("<artifactId>jamjet-schema-conformance</artifactId>", "xml")
    pom = (folder / "pom.xml").read_text(encoding="utf-8")
    pom = pom.replace("@JAMJET_VERSION@", pom_version(PACKAGE / "pom.xml"))
    (folder / "pom.xml").write_text(
        pom.replace("@HARNESS_DEPENDENCY@", dependency), encoding="utf-8"
    )
    lists = folder / "known-failures"
    lists.mkdir()
    listed = "# every fixture the ryu subject fails\n" + "\n".join(era_ids()) + "\n"
    (lists / "ryu.txt").write_text(listed, encoding="utf-8")
    (lists / "stale.txt").write_text(f"{listed}{PASSING}  # passes\n{NO_SUCH}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ours(project: Path) -> Build:
    """The README's test class: the generated package as the subject."""
    return mvn("test", "-Dtest=JamjetConformanceTest", cwd=project)


@pytest.fixture(scope="module")
def scenarios(project: Path, ours: Build) -> Build:
    """Every other test class of project/ (broken subjects, lists, eras), offline: the first
    run resolved what they need."""
    return mvn("-o", "test", "-Dtest=!JamjetConformanceTest", cwd=project)


def python_groups(project: Path, subject: str) -> list[dict[str, Any]]:
    """What `jamjet-schema conformance` reports for the same subject, asked through the
    harness's Testee main."""
    classpath = (
        f"target/test-classes{os.pathsep}" + (project / "target" / "classpath.txt").read_text()
    )
    command = ["java", "-cp", classpath, "dev.jamjet.schema.conformance.Testee", subject]
    result = runner.run_conformance(command, cwd=project, timeout=120)
    groups: list[dict[str, Any]] = report.as_json(result)["run"]["groups"]
    return groups


_SECTION = re.compile(r"^(?:FAILURES, (\S+) tier|(IMPLEMENTATION-DEFINED) DIFFERENCES): ")
_GROUP = re.compile(r"^\d+\. (.+): (\d+) fixtures?(?:; run with \.serdeJsonEra\(\"[\d.]+\"\))?$")


def summary_groups(text: str) -> list[tuple[str, str, int]]:
    """(tier, title, count) of each group of a summary, in its order."""
    out, tier = [], ""
    for line in text.splitlines():
        if section := _SECTION.match(line):
            tier = section.group(1) or "implementation-defined"
        elif group := _GROUP.match(line):
            out.append((tier, group.group(1), int(group.group(2))))
    return out


def as_rows(groups: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    return [(g["tier"], g["title"], g["count"]) for g in groups]


def test_the_harness_has_the_package_version() -> None:
    assert pom_version(HARNESS / "pom.xml") == pom_version(PACKAGE / "pom.xml")


def test_the_readme_test_class_passes_on_the_generated_package(ours: Build) -> None:
    assert ours.code == 0, ours.output[-5000:]
    suite = ours.suite("JamjetConformanceTest")
    loaded = corpus.load()
    ids = {c.id for c in loaded.cases if c.tier != "evolution"}
    assert suite.counts == {"tests": len(ids) + 1, "failures": 0, "errors": 0, "skipped": 0}
    assert set(suite.cases) == ids | {SUMMARY}  # a test per fixture, named by its id
    assert f"PASS ({len(ids)} passed)" in ours.output


@pytest.fixture(scope="module")
def broken(scenarios: Build) -> Suite:
    return scenarios.suite("BrokenCopyTest")


def test_a_broken_copy_fails_the_build_grouped_by_cause(
    scenarios: Build, broken: Suite, project: Path
) -> None:
    assert scenarios.code != 0  # the build fails
    groups = summary_groups(broken.message(SUMMARY))
    assert groups == as_rows(python_groups(project, "BrokenSubject"))
    required = [(title, n) for tier, title, n in groups if tier == "required"]
    assert [n for _, n in required] == sorted((n for _, n in required), reverse=True)
    assert {title for title, _ in required} == {  # what BrokenSubject does otherwise
        "leaves out members serde writes as null",
        "spells floats otherwise (the same f64, other text)",
        "accepts a member given twice (serde rejects duplicates)",
        "escapes strings otherwise (the same text)",
        'rejects what serde accepts, saying "Text _ could not be parsed at index N"',
    }
    fatal = sum(n for tier, _, n in groups if tier != "implementation-defined")
    differs = sum(n for tier, _, n in groups if tier == "implementation-defined")
    assert broken.counts["failures"] == fatal + 1 and broken.counts["skipped"] == differs
    printed = [
        scenarios.output.index(f"\n{i}. {title}: {n} fixtures\n")
        for i, (title, n) in enumerate(required, 1)
    ]
    assert printed == sorted(printed)  # the output lists them too, in count order


@pytest.mark.parametrize(
    ("fixture", "cause"),
    [
        (
            "required.Event.field.id.twice",
            "accepts a member given twice (serde rejects duplicates)",
        ),
        (
            "required.EventKind.agent_tool_completed.minimal",
            "leaves out members serde writes as null",
        ),
    ],
)
def test_a_failing_fixture_says_its_cause_then_the_case_in_full(
    broken: Suite, fixture: str, cause: str
) -> None:
    """The message is the cause, then the case as the Python runner describes it."""
    [case] = [c for c in corpus.load().cases if c.id == fixture]
    message = broken.message(fixture)
    title, described = message.split("\n", 1)
    assert title == cause
    assert described.startswith(f"FAILED {fixture}\n  rule {case.rule} | class {case.case_class}")
    assert f"\n  input     {case.input}\n  expected  " in described
    if case.output is not None:
        assert "\n  first difference at $" in described


def test_listed_failures_are_expected(scenarios: Build) -> None:
    suite = scenarios.suite("KnownFailuresTest")
    assert suite.counts["failures"] == suite.counts["errors"] == 0
    assert suite.counts["skipped"] == len(era_ids())
    assert suite.skipped(era_ids("required")[0]) and not suite.skipped(NAMES)


def test_a_stale_list_fails_with_the_lines_to_remove(scenarios: Build) -> None:
    suite = scenarios.suite("StaleKnownFailuresTest")
    line = len(era_ids()) + 2  # after the comment and the ryu list
    assert suite.counts["failures"] == 3  # the passing fixture, the unknown id, the summary
    assert suite.message(PASSING) == (
        f"listed as a known failure at known-failures/stale.txt:{line}, but passes: "
        f"remove line {line} from known-failures/stale.txt"
    )
    assert f"no such fixture {NO_SUCH}" in suite.message(NAMES)
    summary = suite.message(SUMMARY)
    assert summary.startswith("FAIL: stale known-failure entries: 2 (")
    assert f"sed -i.bak -e {line}d -e {line + 1}d known-failures/stale.txt" in summary


def test_the_era_option_judges_by_the_eras_answers(scenarios: Build, project: Path) -> None:
    with_era = scenarios.suite("EraTest")
    assert with_era.counts == {
        "tests": with_era.counts["tests"],
        "failures": 0,
        "errors": 0,
        "skipped": 0,
    }
    without = scenarios.suite("EraWithoutOptionTest")
    fatal = len(era_ids("required")) + len(era_ids("api"))
    assert without.counts["failures"] == fatal + 1
    assert without.counts["skipped"] == len(era_ids("implementation-defined"))
    title = f"writes floats as serde_json {ERA} does"
    groups = summary_groups(without.message(SUMMARY))
    assert groups == [
        ("required", title, len(era_ids("required"))),
        ("api", title, len(era_ids("api"))),
        ("implementation-defined", title, len(era_ids("implementation-defined"))),
    ]
    assert groups == as_rows(python_groups(project, "RyuSubject"))
    advice = f'{title}; run with .serdeJsonEra("{ERA}")\n'
    assert without.message(era_ids("required")[0]).startswith(advice)
