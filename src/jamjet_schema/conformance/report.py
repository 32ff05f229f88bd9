"""Reports of a run (and of coverage): text for people, JSON for machines.

The text report truncates long inputs and outputs, and for a differing output shows
the window around the first difference; the JSON report always carries full texts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jamjet_schema.conformance.corpus import Case
from jamjet_schema.conformance.coverage import Coverage
from jamjet_schema.conformance.known_failures import prune_hint
from jamjet_schema.conformance.runner import STATUSES, CaseResult, RunResult, expected_outcome
from jamjet_schema.conformance.testee import Outcome

CLIP = 300  # characters of an input or output shown in the text report
_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("passed", ("passed", "now-passes")),
    ("failed", ("failed",)),
    ("known", ("known-failure",)),
    ("skipped", ("skipped",)),
)


# ---- text ---------------------------------------------------------------------------


def text(result: RunResult, coverage: Coverage | None = None) -> str:
    parts = [_header(result), _tables(result), *_failures(result), *_others(result)]
    if coverage is not None:
        parts.append(coverage_text(coverage))
    parts.append(_verdict(result))
    return "\n\n".join(p for p in parts if p)


def _header(result: RunResult) -> str:
    lines = ["jamjet-schema conformance", f"  testee  {result.testee}"]
    lines.append(f"  corpus  {result.corpus} ({len(result.results)} cases selected)")
    if result.known is not None:
        lines.append(f"  known failures  {result.known.path} ({len(result.known)} entries)")
    return "\n".join(lines)


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
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        table[key(r.case)][r.status] += 1
    return dict(sorted(table.items()))


def _table(title: str, rows: dict[str, Counter[str]], width: int) -> str:
    head = title.ljust(width) + "".join(f"{name:>9}" for name, _ in _COLUMNS)
    body = [
        f"  {key}".ljust(width) + "".join(f"{sum(c[s] for s in st):>9}" for _, st in _COLUMNS)
        for key, c in rows.items()
    ]
    return "\n".join([head, *body])


def _failures(result: RunResult) -> list[str]:
    failed = result.having("failed")
    required = [r for r in failed if r.case.required]
    optional = [r for r in failed if not r.case.required]
    out = []
    if required:
        body = "\n\n".join(describe(r, result.corpus) for r in required)
        out.append(f"FAILURES ({len(required)})\n\n{body}")
    if optional:
        body = "\n\n".join(describe(r, result.corpus) for r in optional)
        title = f"IMPLEMENTATION-DEFINED DIFFERENCES ({len(optional)}, reported, not failures)"
        out.append(f"{title}\n\n{body}")
    return out


def describe(r: CaseResult, corpus_root: Path | None = None) -> str:
    """One case in full: id, what it pins, input, expected and actual answers."""
    case, expected = r.case, expected_outcome(r.case)
    where = _relative(case.file, corpus_root)
    lines = [
        f"{r.status.upper()} {case.id}",
        f"  rule {case.rule} | class {case.case_class} | type {case.type_name} | {where}",
        f"  {case.description}",
        f"  -> {r.problem}",
        f"  input     {_clip(case.input)}",
    ]
    lines += _answers(expected, r.actual)
    return "\n".join(lines)


def _answers(expected: Outcome, actual: Outcome) -> list[str]:
    at = _first_difference(expected.text, actual.text) if expected.accepted else 0
    lines = [
        f"  expected  {expected.verdict:<7}{_clip(expected.text, at)}",
        f"  actual    {actual.verdict:<7}{_clip(actual.text, at)}",
    ]
    if expected.accepted and actual.accepted:
        lines.append(f"            (first difference at character {at})")
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


def _verdict(result: RunResult) -> str:
    counts = Counter(r.status for r in result.results)
    fatal = sum(r.fatal for r in result.results if r.status == "failed")
    tally = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
    if result.ok:
        return f"PASS ({tally})"
    why = [f"required-tier failures: {fatal}"] if fatal else []
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


def _first_difference(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


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
        "failures": [_case_json(r) for r in result.having("failed")],
        "known_failures_still_failing": [r.case.id for r in result.having("known-failure")],
        "stale_known_failures": _stale_json(result),
        "skipped": [{"id": r.case.id, "reason": r.actual.text} for r in result.having("skipped")],
    }


def _counts(result: RunResult, key: Callable[[Case], str]) -> dict[str, dict[str, int]]:
    return {k: dict(c) for k, c in _tally(result.results, key).items()}


def _case_json(r: CaseResult) -> dict[str, Any]:
    case, expected = r.case, expected_outcome(r.case)
    return {
        "id": case.id,
        "fatal": r.fatal,
        "tier": case.tier,
        "rule": case.rule,
        "class": case.case_class,
        "type_name": case.type_name,
        "file": str(case.file),
        "description": case.description,
        "problem": r.problem,
        "input": case.input,
        "expected": {"verdict": expected.verdict, "text": expected.text},
        "actual": {"verdict": r.actual.verdict, "text": r.actual.text},
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
