"""Reports of a run (and of coverage): text for people, JSON for machines.

Failures are grouped by observed cause (causes.py), most fixtures first, one worked example
each; each tier is named as what it is (an implementation-defined difference is
reported, never a failure). The text report clips long inputs and outputs and gives
where an output first differs as a JSON path; the JSON report carries the same
groups and every text in full. Texts a testee sent are printed with lone surrogates
as escapes, so no answer can make printing fail.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jamjet_schema.conformance import causes, triage
from jamjet_schema.conformance.causes import Group
from jamjet_schema.conformance.corpus import Case
from jamjet_schema.conformance.coverage import Coverage
from jamjet_schema.conformance.known_failures import prune_hint
from jamjet_schema.conformance.runner import CaseResult, RunResult, expected_outcome
from jamjet_schema.conformance.testee import Outcome, TesteeFailure, printable

CLIP = 300  # characters of an input or output shown in the text report
# A column of the tables: its title, and which results it counts.
_COLUMNS: tuple[tuple[str, Callable[[CaseResult], bool]], ...] = (
    ("passed", lambda r: r.status in ("passed", "now-passes")),
    ("failed", lambda r: r.status == "failed" and r.case.required),
    ("differs", lambda r: r.status == "failed" and not r.case.required),  # impl.-defined
    ("known", lambda r: r.status == "known-failure"),
    ("skipped", lambda r: r.status == "skipped"),
)


# ---- text ---------------------------------------------------------------------------


def text(
    result: RunResult,
    coverage: Coverage | None = None,
    era_hint: Callable[[str], str] | None = None,
) -> str:
    """The report for people. `era_hint` says how to choose a serde_json era where the
    run's front end is not the CLI (the kit: a key of its config)."""
    hint = era_hint or era_advice
    parts = [_header(result), _tables(result), *_failures(result, hint), *_others(result)]
    if coverage is not None:
        parts.append(coverage_text(coverage))
    parts.append(_verdict(result))
    return printable("\n\n".join(p for p in parts if p))


def _header(result: RunResult) -> str:
    lines = ["jamjet-schema conformance", f"  testee  {result.testee}"]
    lines.append(f"  corpus  {result.corpus} ({len(result.results)} cases selected)")
    if result.known is not None:
        lines.append(f"  known failures  {result.known.path} ({len(result.known)} entries)")
    if result.era is not None:
        lines.append(f"  serde_json era  {result.era}: the fixtures it re-records expect its bytes")
    return printable("\n".join(lines))


def _tables(result: RunResult) -> str:
    groups: list[tuple[str, Callable[[Case], str]]] = [
        ("rule", lambda c: c.rule),
        ("class", lambda c: c.case_class),
        ("tier", lambda c: c.tier),
    ]
    tables = [(f"by {name}", _tally(result.results, key)) for name, key in groups]
    width = max(len(k) + 2 for title, rows in tables for k in [*rows, title[2:]])
    return "\n\n".join(_table(title, rows, width) for title, rows in tables)


def _tally(results: Iterable[CaseResult], key: Callable[[Case], str]) -> dict[str, Counter[str]]:
    """Per key, the number of results in each column."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        row = table[key(r.case)]
        row.update(name for name, counts in _COLUMNS if counts(r))
    return dict(sorted(table.items()))


def _statuses(results: Iterable[CaseResult], key: Callable[[Case], str]) -> dict[str, Counter[str]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        table[key(r.case)][r.status] += 1
    return dict(sorted(table.items()))


def _table(title: str, rows: dict[str, Counter[str]], width: int) -> str:
    head = title.ljust(width) + "".join(f"{name:>9}" for name, _ in _COLUMNS)
    body = [
        f"  {key}".ljust(width) + "".join(f"{c[name]:>9}" for name, _ in _COLUMNS)
        for key, c in rows.items()
    ]
    return "\n".join([head, *body])


# The failure sections, one per tier, in this order; how each tier's entries are named.
_SECTIONS: tuple[tuple[str, str], ...] = (
    ("required", "FAILED"),
    ("api", "FAILED"),
    ("evolution", "FAILED"),
    ("implementation-defined", "implementation-defined: differs"),
)
ALSO = 10  # other fixture ids listed under a group (the JSON report lists all)
RULES_SHOWN = 5  # rules named under a group (the JSON report counts all)


def tier_groups(result: RunResult) -> list[tuple[str, list[Group]]]:
    """The failures of each tier that has some, in cause groups, most fixtures first."""
    failed = result.having("failed")
    return [
        (tier, _groups(result, [r for r in failed if r.case.tier == tier]))
        for tier, _ in _SECTIONS
        if any(r.case.tier == tier for r in failed)
    ]


def _failures(result: RunResult, hint: Callable[[str], str]) -> list[str]:
    return [_section(result, tier, groups, hint) for tier, groups in tier_groups(result)]


def _section(result: RunResult, tier: str, groups: list[Group], hint: Callable[[str], str]) -> str:
    n, g = sum(len(grp.results) for grp in groups), len(groups)
    counted = f"{_fixtures(n)} in {g} group{'s' * (g != 1)}, most fixtures first"
    if tier == "implementation-defined":
        title = f"IMPLEMENTATION-DEFINED DIFFERENCES: {counted} (reported, never failing the run)"
    else:
        title = f"FAILURES, {tier} tier: {counted}"
    body = [_group_text(i, grp, result.corpus, hint) for i, grp in enumerate(groups, start=1)]
    return "\n\n".join([title, *body])


def _groups(result: RunResult, failed: list[CaseResult]) -> list[Group]:
    """The era groups (failures that are an era's answers) and the cause groups."""
    in_era = {i: v for v, ids in result.era_matches.items() for i in ids}
    eras: dict[str, list[CaseResult]] = {}
    for r in failed:
        if r.case.id in in_era:
            eras.setdefault(in_era[r.case.id], []).append(r)
    grouped = [Group(era_title(v), f"era:{v}", tuple(rs), era=v) for v, rs in eras.items()]
    grouped += causes.group(r for r in failed if r.case.id not in in_era)
    return sorted(grouped, key=lambda grp: -len(grp.results))


def era_title(version: str) -> str:
    return f"writes floats as serde_json {version} does"


def era_advice(version: str) -> str:
    return f"run with --serde-json-era {version}"


def _fixtures(n: int) -> str:
    return f"{n} fixture{'s' * (n != 1)}"


def _group_text(number: int, grp: Group, corpus_root: Path, hint: Callable[[str], str]) -> str:
    head = f"{number}. {grp.title}: {_fixtures(len(grp.results))}"
    head += f"; {hint(grp.era)}" if grp.era is not None else ""
    if len(grp.rules) > 1:
        shown = ", ".join(f"{rule} {n}" for rule, n in grp.rules[:RULES_SHOWN])
        more = len(grp.rules) - RULES_SHOWN
        head += f"\n     fixtures of rules {shown}" + (f" and {more} more" if more > 0 else "")
    example = describe(grp.example, corpus_root, indent="     ", lead="e.g. ")
    others = [r.case.id for r in grp.results[1:]]
    lines = [head, example]
    if others:
        lines.append("     also " + "\n          ".join(others[:ALSO]))
    if len(others) > ALSO:
        lines.append(f"          ... and {len(others) - ALSO} more (--format json lists all)")
    return "\n".join(lines)


def label(r: CaseResult) -> str:
    """A result's status as the report names it: tiers as what they are."""
    if r.status == "failed" and not r.case.required:
        return "implementation-defined: differs"
    return r.status.upper()


def describe(
    r: CaseResult, corpus_root: Path | None = None, indent: str = "", lead: str = ""
) -> str:
    """One case in full: id, what it pins, input, expected and actual answers, and where
    an output first differs."""
    case, expected = r.case, expected_outcome(r.case)
    where = _relative(case.file, corpus_root)
    pad = indent + " " * len(lead)
    lines = [
        f"{indent}{lead}{label(r)} {case.id}",
        f"{pad}  rule {case.rule} | class {case.case_class} | type {case.type_name}"
        + (f" | form {case.form}" if case.form else "")
        + f" | {where}",
        f"{pad}  {case.description}",
        f"{pad}  -> {r.problem}",
        f"{pad}  input     {_clip(case.input)}",
    ]
    lines += [f"{pad}{line}" for line in _answers(expected, r.actual)]
    return printable("\n".join(lines))


def _answers(expected: Outcome, actual: Outcome) -> list[str]:
    both = expected.accepted and actual.accepted
    difference = triage.first_difference(expected.text, actual.text) if both else None
    at = _first_difference(expected.text, actual.text) if both else 0  # keeps it in view
    lines = [
        f"  expected  {expected.verdict:<7}{_clip(expected.text, at)}",
        f"  actual    {actual.verdict:<7}{_clip(actual.text, at)}",
    ]
    if difference is not None:
        lines.append(f"  {difference}")
    return lines


def _others(result: RunResult) -> list[str]:
    out = []
    skipped = Counter(r.actual.text for r in result.having("skipped"))
    if skipped:
        reasons = [f"  {n} x {reason}" for reason, n in skipped.most_common()]
        out.append(f"SKIPPED ({sum(skipped.values())})\n" + "\n".join(reasons))
    known = result.having("known-failure")
    if known and result.known is not None:
        out.append(f"KNOWN FAILURES: {len(known)} listed in {result.known.path} still fail")
    if result.stale and result.known is not None:
        out.append(_stale(result))
    return out


def _stale(result: RunResult) -> str:
    assert result.known is not None
    lines = [f"STALE KNOWN FAILURES ({len(result.stale)}): listed, but"]
    lines += [f"  now passes      {r.case.id}" for r in result.having("now-passes")]
    lines += [f"  no such fixture {i}" for i in result.unknown_listed]
    return "\n".join(lines + prune_hint(result.known, result.stale))


# How the closing line counts each kind of result.
_TALLY: tuple[tuple[str, Callable[[CaseResult], bool]], ...] = (
    ("passed", lambda r: r.status == "passed"),
    ("failed", lambda r: r.status == "failed" and r.case.required),
    ("implementation-defined differences", lambda r: r.status == "failed" and not r.case.required),
    ("known-failure", lambda r: r.status == "known-failure"),
    ("now-passes", lambda r: r.status == "now-passes"),
    ("skipped", lambda r: r.status == "skipped"),
)


def _verdict(result: RunResult) -> str:
    counts = {name: sum(1 for r in result.results if test(r)) for name, test in _TALLY}
    tally = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
    if result.ok:
        return f"PASS ({tally})"
    fatal = Counter(r.case.tier for r in result.results if r.status == "failed" and r.fatal)
    why = [f"{_fixtures(n)} of the {tier} tier fail{'s' * (n == 1)}" for tier, n in fatal.items()]
    why += [f"stale known-failure entries: {len(result.stale)}"] if result.stale else []
    return f"FAIL: {'; '.join(why)} ({tally})"


def coverage_text(coverage: Coverage) -> str:
    lines = [f"COVERAGE (manifest schema_version {coverage.schema_version}): fixtures per item"]
    indent = {"field": "  ", "variant": "  ", "variant-field": "    ", "rule": "  "}
    previous = None
    for item in coverage.items:
        if item.kind == "rule" and previous != "rule":
            lines.append("rules")
        mark = "" if item.count else "  <- no fixture"
        mark += " (a rule: reported only)" if mark and item.kind == "rule" else ""
        label = item.name.rsplit(".", 1)[-1] if item.kind == "variant-field" else item.name
        pad = 48 - len(indent[item.kind])
        lines.append(f"{indent[item.kind]}{label:<{pad}}{item.count:>6}{mark}")
        previous = item.kind
    missing = coverage.missing
    lines.append(f"{len(missing)} variant(s)/field(s) without a fixture")
    lines += [f"  covers names what the manifest lacks: {u}" for u in coverage.unknown]
    return "\n".join(lines)


# ---- helpers ------------------------------------------------------------------------


def _clip(value: str, around: int = 0, limit: int = CLIP) -> str:
    """`value` cut to about `limit` characters, keeping position `around` in view."""
    if len(value) <= limit:
        return value
    start = max(0, min(around - limit // 3, len(value) - limit))
    head = f"[...{start} chars] " if start else ""
    rest = len(value) - start - limit
    tail = f" [...{rest} more chars]" if rest > 0 else ""
    return head + value[start : start + limit] + tail


_first_difference = triage.differing_character


def _relative(path: Path, root: Path | None) -> str:
    try:
        return str(path.relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)


# ---- JSON ---------------------------------------------------------------------------


def as_json(result: RunResult | None, coverage: Coverage | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    if result is not None:
        doc["run"] = _run_json(result)
    if coverage is not None:
        doc["coverage"] = _coverage_json(coverage)
    doc["ok"] = (result is None or result.ok) and (coverage is None or coverage.ok)
    return doc


def _run_json(result: RunResult) -> dict[str, Any]:
    known = result.known
    return {
        "ok": result.ok,
        "testee": result.testee,
        "corpus": str(result.corpus),
        "known_failures": {"file": str(known.path), "entries": len(known)} if known else None,
        "totals": dict(Counter(r.status for r in result.results)),
        "by_rule": _counts(result, lambda c: c.rule),
        "by_class": _counts(result, lambda c: c.case_class),
        "by_tier": _counts(result, lambda c: c.tier),
        "serde_json_era": result.era,
        "era_matches": {v: list(ids) for v, ids in result.era_matches.items()},
        "groups": _groups_json(result),
        "failures": [_case_json(r) for r in result.having("failed")],
        "known_failures_still_failing": [r.case.id for r in result.having("known-failure")],
        "stale_known_failures": _stale_json(result),
        "skipped": [{"id": r.case.id, "reason": r.actual.text} for r in result.having("skipped")],
    }


def _counts(result: RunResult, key: Callable[[Case], str]) -> dict[str, dict[str, int]]:
    return {k: dict(c) for k, c in _statuses(result.results, key).items()}


def _groups_json(result: RunResult) -> list[dict[str, Any]]:
    """The groups of the text report, tier by tier; ids in full, the example in full."""
    out = []
    for tier, groups in tier_groups(result):
        for grp in groups:
            out.append(
                {
                    "tier": tier,
                    "fatal": grp.example.fatal,
                    "title": grp.title,
                    "cause": grp.key,
                    "rules": dict(grp.rules),
                    "serde_json_era": grp.era,
                    "advice": era_advice(grp.era) if grp.era is not None else None,
                    "count": len(grp.results),
                    "example": _case_json(grp.example),
                    "ids": [r.case.id for r in grp.results],
                }
            )
    return out


def _case_json(r: CaseResult) -> dict[str, Any]:
    case, expected = r.case, expected_outcome(r.case)
    return {
        "id": case.id,
        "fatal": r.fatal,
        "tier": case.tier,
        "rule": case.rule,
        "class": case.case_class,
        "type_name": case.type_name,
        **({"form": case.form} if case.form else {}),
        "file": str(case.file),
        "description": case.description,
        "problem": r.problem,
        "input": case.input,
        "expected": {"verdict": expected.verdict, "text": expected.text},
        "actual": {"verdict": r.actual.verdict, "text": r.actual.text, "defect": r.actual.defect},
        "status": label(r),
        "first_difference": _difference_json(expected, r.actual),
    }


def _difference_json(expected: Outcome, actual: Outcome) -> dict[str, Any] | None:
    if not (expected.accepted and actual.accepted):
        return None
    found = triage.first_difference(expected.text, actual.text)
    return {
        "path": found.path,
        "offset": found.offset,
        "expected": found.expected,
        "actual": found.actual,
        "note": found.note,
    }


def _stale_json(result: RunResult) -> list[dict[str, Any]]:
    lines = result.known.lines if result.known else {}
    now = [{"id": r.case.id, "why": "now passes"} for r in result.having("now-passes")]
    gone = [{"id": i, "why": "no such fixture"} for i in result.unknown_listed]
    return [{**entry, "line": lines.get(str(entry["id"]))} for entry in now + gone]


def _coverage_json(coverage: Coverage) -> dict[str, Any]:
    return {
        "ok": coverage.ok,
        "schema_version": coverage.schema_version,
        "items": [{"kind": i.kind, "name": i.name, "fixtures": i.count} for i in coverage.items],
        "missing": [i.name for i in coverage.missing],
        "unknown": list(coverage.unknown),
    }


# ---- a run that could not happen ------------------------------------------------------


@dataclass(frozen=True)
class Aborted:
    """What was being run when the testee stopped it."""

    testee: str
    corpus: Path
    selected: int


def aborted_text(failure: TesteeFailure, run: Aborted) -> str:
    lines = ["jamjet-schema conformance", f"  testee  {run.testee}"]
    lines.append(f"  corpus  {run.corpus} ({run.selected} cases selected)")
    lines += ["", f"RUN ABORTED ({failure.cause}): no verdict, exit status 2", failure.explain()]
    return printable("\n".join(lines))


def aborted_json(failure: TesteeFailure, run: Aborted) -> dict[str, Any]:
    return {
        "ok": False,
        "run": None,
        "aborted": {
            "testee": run.testee,
            "corpus": str(run.corpus),
            "selected": run.selected,
            "cause": failure.cause,
            "message": failure.summary,
            "request": failure.request,
            "fixture": failure.fixture,
            "exit_status": failure.exit_status,
            "stderr_tail": failure.stderr,
            "hint": failure.hint or None,
        },
    }
