"""The node:test harness (conformance/harness/node, the npm package
@jamjet/schema-conformance): packed, and installed with @jamjet/schema's tarball in a
project outside the repository. The README's test passes against @jamjet/schema; a
broken copy fails with the Python runner's groups; known failures and the serde_json
era work as the runner's. node --test's JUnit report is read back."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conformance import test_triage
from tests.conftest import REPO
from tests.harnesses.conftest import (
    ERA,
    FIXTURES,
    HERE,
    MATCH,
    Expected,
    era_groups,
    passing_id,
    readme_snippet,
    selected_fixtures,
    summary_groups,
)
from tests.test_typescript_package import write_strict_tsconfig

HARNESS = REPO / "conformance" / "harness" / "node"
SCHEMA = REPO / "generated" / "typescript"
NPM_QUIET = ["--no-audit", "--no-fund", "--prefer-offline"]
SUMMARY = "summary: failures grouped by observed cause"


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **env}
    )


def npm(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = run(["npm", *args], cwd)
    assert done.returncode == 0, f"npm {' '.join(args)} in {cwd}:\n{done.stdout}\n{done.stderr}"
    return done


def git_status() -> str:
    command = ["git", "status", "--porcelain", "--untracked-files=all", "--", str(HARNESS)]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def tarballs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The harness packed from its folder (npm ci there, then npm pack, which builds it and
    copies the corpus in), and @jamjet/schema packed (its prepack builds it with the
    pinned toolchain of tests/typescript)."""
    before = git_status()
    out = tmp_path_factory.mktemp("packed")
    npm("ci", *NPM_QUIET, cwd=HARNESS)
    npm("pack", "--pack-destination", str(out), cwd=HARNESS)
    npm("pack", str(SCHEMA), "--pack-destination", str(out), cwd=REPO)  # built by its prepack
    harness = next(out.glob("jamjet-schema-conformance-*.tgz"))
    schema = next(p for p in out.glob("jamjet-schema-*.tgz") if p != harness)
    yield harness, schema
    assert git_status() == before  # the build's corpus/, dist/ and LICENSE are ignored


def test_the_tarball_carries_the_corpus_and_no_dependency(tarballs: tuple[Path, Path]) -> None:
    harness, _ = tarballs
    with tarfile.open(harness) as archive:
        names = {n.removeprefix("package/") for n in archive.getnames()}
        packed = archive.extractfile("package/package.json")
        assert packed is not None
        manifest = json.load(packed)
    corpus = {f"corpus/{p.relative_to(FIXTURES).as_posix()}" for p in FIXTURES.rglob("*.json")}
    assert corpus <= names and "corpus/eras/serde_json-1.0.146.json" in names
    assert {"dist/index.js", "dist/index.d.ts", "README.md", "LICENSE"} <= names
    assert not any(n.startswith(("node_modules/", "scripts/")) for n in names)
    schema = json.loads((SCHEMA / "package.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "@jamjet/schema-conformance"
    assert manifest["version"] == schema["version"]
    assert not manifest.get("dependencies") and not manifest.get("peerDependencies")
    dry = npm("pack", "--dry-run", "--json", cwd=HARNESS).stdout
    listed = {f["path"] for f in json.loads(dry)[0]["files"]}
    assert "corpus/causes.json" in listed and "corpus/manifest.json" in listed


def table(test: Any) -> list[tuple[Any, ...]]:
    """A parametrized test's cases."""
    (mark,) = [m for m in test.pytestmark if m.name == "parametrize"]
    return [tuple(case) for case in mark.args[1]]


def test_the_triage_is_the_python_runners(tarballs: tuple[Path, Path]) -> None:
    """The harness's build (causes.ts, difference.ts) on test_triage.py's tables."""
    outputs = table(test_triage.test_what_an_output_did_otherwise)
    differences = table(test_triage.test_the_first_difference)
    dist = HARNESS / "dist"
    script = f"""
import {{ readFileSync }} from "node:fs";
import {{ Causes }} from {json.dumps((dist / "causes.js").as_uri())};
import {{ firstDifference }} from {json.dumps((dist / "difference.js").as_uri())};
const causes = new Causes(JSON.parse(readFileSync({json.dumps(str(FIXTURES / "causes.json"))}, "utf8")));
const outputs = {json.dumps([[e, a] for e, a, _ in outputs])};
const differences = {json.dumps([[e, a] for e, a, _ in differences])};
console.log(JSON.stringify([
  outputs.map(([e, a]) => causes.written(e, a).map((c) => c.key).sort()),
  differences.map(([e, a]) => firstDifference(e, a)),
]));
"""
    done = run(["node", "--input-type=module", "-e", script], REPO)
    assert done.returncode == 0, done.stderr
    keys, found = json.loads(done.stdout)
    assert keys == [sorted(k) for _, _, k in outputs]
    for shown, (_, _, start) in zip(found, differences, strict=True):
        assert shown.startswith(f"first difference {start}"), shown


@pytest.fixture(scope="module")
def project(tarballs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ESM project outside the checkout with both tarballs installed, its tests (the
    README's and those of node/src) compiled by tsc strict against their declarations."""
    root = tmp_path_factory.mktemp("node-project")
    manifest = {"name": "trial", "version": "0.0.0", "private": True, "type": "module"}
    (root / "package.json").write_text(json.dumps(manifest), encoding="utf-8")
    npm("install", *NPM_QUIET, *map(str, tarballs), cwd=root)
    shutil.copytree(HERE / "node" / "src", root / "src")
    (root / "src" / "conformance.test.ts").write_text(
        readme_snippet("ts", "@jamjet/schema-conformance"), encoding="utf-8"
    )
    (root / "known-failures.txt").write_text("# none\n", encoding="utf-8")
    toolchain = HARNESS / "node_modules"  # the harness's pinned compiler and @types/node
    write_strict_tsconfig(root, toolchain, "src", noUnusedLocals=True)
    built = run(
        ["node", str(toolchain / "typescript" / "bin" / "tsc"), "-p", "tsconfig.json"], root
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return root


@dataclass(frozen=True)
class Run:
    status: int
    tests: dict[str, str]  # test name -> passed, failed, todo, skipped
    failures: dict[str, str]  # test name -> its failure's message
    todo: dict[str, str]  # test name -> its TODO reason
    comments: str  # the report's comments: diagnostics, the totals


# node's wrapping of a failure in its JUnit report: before the message, and after it
_WRAPPER = re.compile(r"^\s*\[?Error \[ERR_TEST_FAILURE\]: ")
_AFTER = re.compile(r"\n    at |\]? \{\n  code: 'ERR_TEST_FAILURE'")


def failure_message(text: str) -> str:
    """A failure's message, as the harness threw it."""
    return _AFTER.split(_WRAPPER.sub("", text, count=1), maxsplit=1)[0]


def node_test(project: Path, test: str, **env: str) -> Run:
    report = project / f"{test}.xml"
    command = ["node", "--test", "--test-reporter=junit", f"--test-reporter-destination={report}"]
    done = run([*command, f"out/{test}.test.js"], project, **env)
    text = report.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    tests, failures, todo = {}, {}, {}
    for case in root.iter("testcase"):
        name, failure, skipped = case.get("name", ""), case.find("failure"), case.find("skipped")
        if failure is not None:
            tests[name], failures[name] = "failed", failure_message(failure.text or "")
        elif skipped is not None:
            tests[name] = skipped.get("type", "skipped")
            todo[name] = skipped.get("message", "")
        else:
            tests[name] = "passed"
    comments = "\n".join(re.findall(r"<!-- (.*?) -->", text, flags=re.S))
    return Run(done.returncode, tests, failures, todo, comments)


def test_the_readme_test_passes_against_jamjet_schema(project: Path) -> None:
    done = node_test(project, "conformance")
    assert done.status == 0, list(done.failures.items())[:3]
    assert len(done.tests) == selected_fixtures() + 1  # and the summary
    assert set(done.tests.values()) == {"passed"}
    assert f"PASS ({selected_fixtures()} passed)" in done.comments


def test_a_broken_copy_fails_with_a_group_per_cause(
    project: Path, broken_expected: Expected
) -> None:
    done = node_test(project, "broken")
    assert done.status == 1
    assert summary_groups(done.failures[SUMMARY]) == broken_expected.groups
    assert set(done.failures) == set(broken_expected.failing) | {SUMMARY}
    for group in broken_expected.groups:
        if group.tier != "implementation-defined":
            title = broken_expected.failing[group.example]
            assert done.failures[group.example].startswith(
                f"{title} [{group.key}]\n{group.example}: "
            )
        else:  # reported, never failing
            assert done.tests[group.example] == "todo"
            assert done.todo[group.example].startswith(
                "implementation-defined, never failing the run: "
            )


def test_known_failures_are_expected_and_a_stale_entry_fails(
    project: Path, broken_expected: Expected, tmp_path: Path
) -> None:
    listed = broken_expected.ids(MATCH)
    known = tmp_path / "known-failures.txt"
    known.write_text("".join(f"{i}  # broken on purpose\n" for i in listed), encoding="utf-8")
    done = node_test(project, "broken", HARNESS_MATCH=MATCH, HARNESS_KNOWN_FAILURES=str(known))
    assert done.status == 0, list(done.failures.items())[:3]
    assert {n for n, o in done.tests.items() if o == "todo"} == set(listed)
    assert all(done.todo[i].startswith(f"known failure ({known}:") for i in listed)
    assert f"KNOWN FAILURES: {len(listed)} listed in {known} still fail" in done.comments
    passing = passing_id(broken_expected, MATCH)
    with known.open("a", encoding="utf-8") as more:
        more.write(f"{passing}\nrequired.EventKind.no_such_fixture\n")
    done = node_test(project, "broken", HARNESS_MATCH=MATCH, HARNESS_KNOWN_FAILURES=str(known))
    assert done.status == 1
    assert set(done.failures) == {passing, SUMMARY}
    assert done.failures[passing].startswith("listed as a known failure (")
    assert "but passes: remove the line" in done.failures[passing]
    summary = done.failures[SUMMARY]
    assert "STALE KNOWN FAILURES (2): listed, but" in summary
    assert "no such fixture required.EventKind.no_such_fixture" in summary
    n = len(listed)
    assert f"sed -i.bak -e {n + 1}d -e {n + 2}d '{known}'" in summary


def test_the_serde_json_era_option_judges_by_the_eras_answers(
    project: Path, era_answers: Path
) -> None:
    without = node_test(project, "era", HARNESS_ERA_ANSWERS=str(era_answers))
    assert without.status == 1
    summary = without.failures[SUMMARY]
    assert [(g.tier, g.key, g.count) for g in summary_groups(summary)] == era_groups()
    assert f"writes floats as serde_json {ERA} does [era:{ERA}]" in summary
    judged = node_test(
        project, "era", HARNESS_ERA_ANSWERS=str(era_answers), HARNESS_SERDE_JSON_ERA=ERA
    )
    assert judged.status == 0, list(judged.failures.items())[:3]
    assert f"serde_json era {ERA}: the fixtures it re-records expect its bytes" in judged.comments
