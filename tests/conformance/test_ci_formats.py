"""`conformance --junit-xml FILE` and `--format github`: the run as CI systems read it.

The JUnit XML is read back by junitparser, as a CI's test view would; the annotations
are GitHub's workflow commands, one per cause group, at the line of the example."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml, Skipped

from jamjet_schema import cli
from jamjet_schema.conformance import causes, corpus, report, runner
from jamjet_schema.conformance.testee import Testee
from tests.conformance.conftest import DATA, broken_command, broken_testee


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(["conformance", "--corpus", str(DATA), *args])
    return code, capsys.readouterr().out


def test_junit_xml_is_a_test_case_per_fixture(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "conformance.xml"
    known = tmp_path / "known.txt"
    loaded = corpus.load(DATA)
    result = runner.run(broken_testee("drop_nulls"), loaded.cases, None, loaded.root)
    failed = {r.case.id for r in result.having("failed") if r.case.required}
    listed = min(failed)
    known.write_text(listed + "\n", encoding="utf-8")
    testee = shlex.join(broken_command("drop_nulls"))
    args = ["--testee", testee, "--junit-xml", str(out), "--known-failures", str(known)]
    code, _ = run(capsys, *args)
    assert code == 1
    cases = [case for suite in JUnitXml.fromfile(str(out)) for case in suite]
    assert sorted(c.name for c in cases) == sorted(c.id for c in loaded.cases)
    failing = {c.name for c in cases if any(isinstance(x, Failure) for x in c.result)}
    assert failing == failed - {listed}
    skipped = [c for c in cases if any(isinstance(x, Skipped) for x in c.result)]
    assert [c.name for c in skipped] == [listed]
    by_id = {c.id: c for c in loaded.cases}
    for c in cases:  # the class is the fixture's file under the corpus
        file = by_id[c.name].file.relative_to(DATA).with_suffix("")
        assert c.classname == ".".join(file.parts)


def test_a_failure_carries_its_worked_example(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "conformance.xml"
    run(capsys, "--testee", shlex.join(broken_command("tag_first")), "--junit-xml", str(out))
    [case] = [c for s in JUnitXml.fromfile(str(out)) for c in s if c.result]
    [failure] = case.result
    assert failure.message == "rejected; the reference accepts it"
    assert "actual    error  the tag `type` must come first" in failure.text


def test_github_annotations_are_one_per_cause_at_the_example(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "--testee", shlex.join(broken_command("lib_java_port")))
    text_report = out
    code, out = run(
        capsys, "--testee", shlex.join(broken_command("lib_java_port")), "--format", "github"
    )
    assert code == 1
    commands = [line for line in out.splitlines() if line.startswith("::")]
    result = runner.run(broken_testee("lib_java_port"), corpus.load(DATA).cases, None, DATA)
    groups = [g for _, gs in report.tier_groups(result) for g in gs]
    assert len(commands) == len(groups) > 1
    for command, grp in zip(commands, groups, strict=True):
        m = re.match(r"::(error|notice) file=([^,]+),line=(\d+),title=([^:]+)::(.*)$", command)
        assert m, command
        tier = grp.example.case.tier
        assert m[1] == ("notice" if tier == "implementation-defined" else "error")
        line = Path(m[2]).read_text(encoding="utf-8").splitlines()[int(m[3]) - 1]
        assert f'"id": "{grp.example.case.id}"' in line
        assert grp.title.replace(",", "%2C") in m[4]
        assert "%0A" in m[5] and "\n" not in m[5]
    assert out.endswith(text_report)  # then the text report, as without --format github
    assert any(g.key == causes.OMITS_NULL.key for g in groups)


def test_a_report_is_never_written_over_an_input(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    known = tmp_path / "known.txt"
    known.write_text("# nothing yet\n", encoding="utf-8")
    args = ["--impl", "rust", "--known-failures", str(known), "--junit-xml", str(known)]
    code = cli.main(["conformance", "--corpus", str(DATA), *args])
    assert code == 2
    assert known.read_text(encoding="utf-8") == "# nothing yet\n"
    assert "refusing to write over an input" in capsys.readouterr().err
