"""A run's report in the formats CI systems read: JUnit XML and GitHub Actions annotations.

JUnit: one test case per fixture, its class name the fixture's group (the fixture
file under the corpus, `required.EventKind.node_started`), so a CI's test view
shows the corpus as it is laid out; a known failure is a skipped case, an
implementation-defined difference a passed one with the difference in its output.
GitHub: one annotation per cause group (causes.py), at the line of the group's
example in its fixture file, so a pull request shows the list of fixes, not
thousands of lines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from jamjet_schema.conformance import report
from jamjet_schema.conformance.causes import Group
from jamjet_schema.conformance.runner import CaseResult, RunResult

SUITE = "jamjet-schema conformance"


# ---- JUnit XML ------------------------------------------------------------------------


def junit_xml(result: RunResult, seconds: float) -> bytes:
    """The run as JUnit XML: a test suite per tier, a test case per fixture."""
    root = ET.Element("testsuites", name=SUITE, time=f"{seconds:.3f}")
    by_tier: dict[str, list[CaseResult]] = {}
    for r in result.results:
        by_tier.setdefault(r.case.tier, []).append(r)
    for tier, results in by_tier.items():
        root.append(_suite(tier, results, result.corpus))
    for stale in _stale_cases(result):
        root.append(stale)
    _count(root, root.iter("testcase"))
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def _suite(tier: str, results: list[CaseResult], corpus: Path) -> ET.Element:
    suite = ET.Element("testsuite", name=f"{SUITE}: {tier} tier")
    for r in results:
        suite.append(_case(r, corpus))
    _count(suite, suite.iter("testcase"))
    return suite


def _case(r: CaseResult, corpus: Path) -> ET.Element:
    case = ET.Element("testcase", classname=group_name(r, corpus), name=r.case.id, time="0")
    if r.status == "failed" and r.case.required:
        failure = ET.SubElement(case, "failure", message=_xml_text(r.problem), type=r.case.rule)
        failure.text = _xml_text(report.describe(r, corpus))
    elif r.status == "now-passes":
        message = "listed as a known failure, but passes: remove it from the list"
        ET.SubElement(case, "failure", message=message, type="stale-known-failure")
    elif r.status == "known-failure":
        ET.SubElement(case, "skipped", message="known failure (listed)")
    elif r.status == "skipped":
        ET.SubElement(case, "skipped", message=_xml_text(r.actual.text or "skipped"))
    elif r.status == "failed":  # implementation-defined: reported, never failing
        ET.SubElement(case, "system-out").text = _xml_text(report.describe(r, corpus))
    return case


def group_name(r: CaseResult, corpus: Path) -> str:
    """The fixture's file under the corpus as a dotted name: `required.EventKind.node_started`."""
    try:
        relative = r.case.file.relative_to(corpus)
    except ValueError:
        relative = Path(r.case.tier) / r.case.file.name
    return ".".join(relative.with_suffix("").parts)


def _stale_cases(result: RunResult) -> list[ET.Element]:
    """Known-failures entries naming no fixture: a failing case each, in a suite of its own."""
    if not result.unknown_listed:
        return []
    suite = ET.Element("testsuite", name=f"{SUITE}: known-failures list")
    for listed in result.unknown_listed:
        case = ET.SubElement(suite, "testcase", classname="known-failures", name=listed, time="0")
        ET.SubElement(case, "failure", message="listed, but no fixture has this id")
    _count(suite, suite.iter("testcase"))
    return [suite]


def _count(element: ET.Element, cases: Iterable[ET.Element]) -> None:
    listed = list(cases)
    element.set("tests", str(len(listed)))
    element.set("failures", str(sum(1 for c in listed if c.find("failure") is not None)))
    element.set("errors", "0")
    element.set("skipped", str(sum(1 for c in listed if c.find("skipped") is not None)))


# What XML 1.0 cannot hold: control characters but tab and line ends, lone surrogates,
# U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """`text` with what XML cannot hold written as `\\uXXXX`."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ---- GitHub Actions annotations -------------------------------------------------------


def github_annotations(result: RunResult) -> list[str]:
    """A workflow command per cause group: `::error` for what fails the run, `::notice`
    for implementation-defined differences; and one per stale known-failures entry."""
    lines = []
    for tier, groups in report.tier_groups(result):
        for grp in groups:
            lines.append(_annotation(grp, tier, result.corpus))
    if result.known is not None:
        listed = result.known.lines
        for stale in result.stale:
            where = {"file": _shown(result.known.path), "line": str(listed.get(stale, 1))}
            lines.append(_command("error", where, "stale known failure", f"{stale}: remove it"))
    return lines


def _annotation(grp: Group, tier: str, corpus: Path) -> str:
    example = grp.example
    level = "notice" if tier == "implementation-defined" else "error"
    where = {
        "file": _shown(example.case.file),
        "line": str(_line_of(example.case.file, example.case.id)),
    }
    n = len(grp.results)
    title = f"{tier} tier: {grp.title} ({n} fixture{'s' * (n != 1)})"
    body = report.describe(example, corpus, lead="e.g. ")
    return _command(level, where, title, body)


def _command(level: str, where: dict[str, str], title: str, message: str) -> str:
    props = ",".join(f"{k}={_property(v)}" for k, v in {**where, "title": title}.items())
    return f"::{level} {props}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _shown(path: Path) -> str:
    """A path as GitHub matches it to the repository: relative to here when inside."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@cache
def _case_lines(path: Path) -> dict[str, int]:
    """Each case id of a fixture file -> the line its `"id"` member is on."""
    out: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith('"id": "'):
            out.setdefault(stripped[7:].split('"', 1)[0], number)
    return out


def _line_of(path: Path, case_id: str) -> int:
    try:
        return _case_lines(path).get(case_id, 1)
    except OSError:
        return 1
