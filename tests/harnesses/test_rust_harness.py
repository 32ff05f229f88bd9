"""The cargo harness (conformance/harness/rust, the crate jamjet-schema-conformance) in a
cargo project outside the repository, depending on it and on the generated crate by
path: the README's test passes against the generated crate; a broken copy fails with
the Python runner's groups; known failures and the serde_json era work as the runner's.

The project shares target/harness (serde and the rest are built once, then only the
project's tests) and the repository's Cargo.lock (so it builds offline from cargo's
cache once the repository has built)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

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

CRATE = REPO / "conformance" / "harness" / "rust"
TARGET = REPO / "target" / "harness"
TESTS = ("conformance", "broken", "era")  # conformance: the README's snippet
SUMMARY = "summary: failures grouped by observed cause"
MANIFEST = """\
[package]
name = "harness-trial"
version = "0.0.0"
edition = "2021"
publish = false

[dev-dependencies]
jamjet-schema = {{ path = "{repo}/generated/rust" }}
jamjet-schema-conformance = {{ path = "{repo}/conformance/harness/rust" }}
regex = "1"
serde = "1"
{tests}
[workspace]
"""


def cargo(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "CARGO_TARGET_DIR": str(TARGET), "CARGO_TERM_COLOR": "never"}
    command = ["cargo", *args]
    return subprocess.run(
        command, cwd=cwd, env={**environment, **(env or {})}, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cargo-project")
    tests = "".join(f'\n[[test]]\nname = "{t}"\nharness = false\n' for t in TESTS)
    (root / "Cargo.toml").write_text(MANIFEST.format(repo=REPO, tests=tests), encoding="utf-8")
    shutil.copy(REPO / "Cargo.lock", root / "Cargo.lock")  # the repository's versions
    shutil.copytree(HERE / "rust", root / "tests")
    (root / "tests" / "conformance.rs").write_text(
        readme_snippet("rust", "jamjet_schema_conformance"), encoding="utf-8"
    )
    (root / "tests" / "known-failures.txt").write_text("# none\n", encoding="utf-8")
    built = cargo("test", "--offline", "--no-run", cwd=root)
    if built.returncode != 0 and "offline" in built.stderr:  # a crate not in cargo's cache yet
        built = cargo("test", "--no-run", cwd=root)
    assert built.returncode == 0, built.stderr
    return root


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    tests: dict[str, str]  # test name -> ok, FAILED, ignored
    reasons: dict[str, str]  # an ignored test's name -> why

    def failure(self, name: str) -> str:
        """The failure message libtest printed for test `name`."""
        found = re.search(
            rf"^---- {re.escape(name)} ----\n(.*?)(?=\n\n---- |\n\n\nfailures:)",
            self.out,
            re.S | re.M,
        )
        assert found, f"no failure message for {name}"
        return found.group(1)


# `test [kind] name ... ok`, `... FAILED`, `... ignored (why)`
_TEST = re.compile(r"^test (?:\[[^\]]*\] +)?(.+?) +\.\.\. (\S+)(?: \((.*)\))?$", re.M)


def run(project: Path, test: str, **env: str) -> Run:
    done = cargo("test", "--offline", "-q", "--test", test, cwd=project, env=env)
    found = _TEST.findall(done.stdout)
    tests = {name: outcome for name, outcome, _ in found}
    reasons = {name: why for name, _, why in found if why}
    return Run(done.returncode, done.stdout + done.stderr, tests, reasons)


def test_the_crate_is_the_schemas_version_and_carries_the_corpus() -> None:
    version = tomllib.loads((CRATE / "Cargo.toml").read_text(encoding="utf-8"))["package"][
        "version"
    ]
    generated = tomllib.loads(
        (REPO / "generated" / "rust" / "Cargo.toml").read_text(encoding="utf-8")
    )
    assert version == generated["package"]["version"]
    listed = cargo(
        "package",
        "--offline",
        "--list",
        "--allow-dirty",
        "-p",
        "jamjet-schema-conformance",
        cwd=REPO,
    )
    assert listed.returncode == 0, listed.stderr
    files = set(listed.stdout.split())
    corpus = {f"corpus/{p.relative_to(FIXTURES).as_posix()}" for p in FIXTURES.rglob("*.json")}
    assert corpus <= files and {"corpus/causes.json", "corpus/manifest.json", "LICENSE"} <= files
    assert "corpus/eras/serde_json-1.0.146.json" in files


def test_the_readme_test_passes_against_the_generated_crate(project: Path) -> None:
    done = run(project, "conformance")
    assert done.status == 0, done.out[-3000:]
    assert len(done.tests) == selected_fixtures() + 1  # and the summary
    assert set(done.tests.values()) == {"ok"}
    assert f"PASS ({selected_fixtures()} passed)" in done.out


def test_a_broken_copy_fails_with_a_group_per_cause(
    project: Path, broken_expected: Expected
) -> None:
    done = run(project, "broken")
    assert done.status == 101
    assert summary_groups(done.out) == broken_expected.groups
    failed = {name for name, outcome in done.tests.items() if outcome == "FAILED"}
    assert failed == set(broken_expected.failing) | {SUMMARY}
    for group in broken_expected.groups:
        if group.tier != "implementation-defined":
            title = broken_expected.failing[group.example]
            assert done.failure(group.example).startswith(
                f"{title} [{group.key}]\n{group.example}: "
            )
    summary = done.failure(SUMMARY)
    assert summary.startswith("FAILURES, required tier: ") and "\nFAIL: " in summary


def test_known_failures_are_expected_and_a_stale_entry_fails(
    project: Path, broken_expected: Expected, tmp_path: Path
) -> None:
    listed = broken_expected.ids(MATCH)
    known = tmp_path / "known-failures.txt"
    known.write_text("".join(f"{i}  # broken on purpose\n" for i in listed), encoding="utf-8")
    done = run(project, "broken", HARNESS_MATCH=MATCH, HARNESS_KNOWN_FAILURES=str(known))
    assert done.status == 0, done.out[-3000:]
    assert {n for n, o in done.tests.items() if o == "ignored"} == set(listed)
    assert [i for i in listed if not done.reasons[i].startswith(f"known failure ({known}:")] == []
    assert f"KNOWN FAILURES: {len(listed)} listed in {known} still fail" in done.out
    passing = passing_id(broken_expected, MATCH)
    with known.open("a", encoding="utf-8") as more:
        more.write(f"{passing}\nrequired.EventKind.no_such_fixture\n")
    done = run(project, "broken", HARNESS_MATCH=MATCH, HARNESS_KNOWN_FAILURES=str(known))
    assert done.status == 101
    assert done.tests[passing] == "FAILED"
    assert done.failure(passing).endswith("but passes: remove the line")
    summary = done.failure(SUMMARY)
    assert "STALE KNOWN FAILURES (2): listed, but" in summary
    assert "no such fixture required.EventKind.no_such_fixture" in summary
    n = len(listed)
    assert f"sed -i.bak -e {n + 1}d -e {n + 2}d '{known}'" in summary


def test_the_serde_json_era_option_judges_by_the_eras_answers(
    project: Path, era_answers: Path
) -> None:
    without = run(project, "era", HARNESS_ERA_ANSWERS=str(era_answers))
    assert without.status == 101
    assert [(g.tier, g.key, g.count) for g in summary_groups(without.out)] == era_groups()
    assert f"writes floats as serde_json {ERA} does [era:{ERA}]" in without.out
    judged = run(project, "era", HARNESS_ERA_ANSWERS=str(era_answers), HARNESS_SERDE_JSON_ERA=ERA)
    assert judged.status == 0, judged.out[-3000:]
    assert f"serde_json era {ERA}: the fixtures it re-records expect its bytes" in judged.out
    unknown = run(
        project, "era", HARNESS_ERA_ANSWERS=str(era_answers), HARNESS_SERDE_JSON_ERA="0.0.1"
    )
    assert unknown.status != 0 and "the corpus records no serde_json era 0.0.1" in unknown.out
