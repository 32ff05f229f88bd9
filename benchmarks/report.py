"""The results as markdown: the machine, the tables, the facts and issue 11's targets."""

from __future__ import annotations

import os
import platform
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from benchmarks import inprocess as ip
from benchmarks import nested, node
from benchmarks import processes as pr
from benchmarks.timing import Row, Rows
from codegen.pipeline import REPO
from jamjet_schema import native

# The pure-Python path's rates in issue 8's run (docs/benchmarks.md before the native
# core, 100,000 events): the "before" of "no slower than before".
BEFORE = {ip.PURE_PARSE: 57_297.0, ip.PURE_ROUND_TRIP: 21_209.0, pr.CLI_PURE: 26_970.0}
FLAT = 1.10  # memory counts as flat when the 4x log's peak RSS is within 10%


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def versions() -> str:
    python = [f"{name} {metadata.version(name)}" for name in _PACKAGES]
    lock = tomllib.loads((REPO / "Cargo.lock").read_text())["package"]
    rust = [
        f"{name} {', '.join(p['version'] for p in lock if p['name'] == name) or 'absent'}"
        for name in ("serde_json", "chrono", "uuid")
    ]
    core = "in use" if native.native_available() else "NOT in use (pure-Python path only)"
    return f"{', '.join(python)}; Rust (Cargo.lock): {', '.join(rust)}; native core {core}"


_PACKAGES = ("jamjet-schema", "pydantic", "pydantic-core", "msgspec", "jsonschema")


def header(events: int, log_bytes: int, rounds: int, process_rounds: int) -> list[str]:
    return [
        f"- Log: {events:,} events, {log_bytes / 1e6:.1f} MB ({log_bytes / events:.0f} bytes per "
        "event), every variant in turn, payloads as an agent runtime's (Values nested 3 to 5 "
        "levels, floats of 3 to 7 significant digits, events from about 200 bytes to 4 KB: "
        "benchmarks/loggen.py, realistic=True); the 4x log is the same lines four times.",
        f"- Machine: {machine()}.",
        f"- Versions: {versions()}.",
        f"- Method: in-process contenders interleaved in {rounds} rounds over the whole log "
        f"and processes in {process_rounds}, the order rotating, the best round of each kept; "
        "`x peer` is this row's events/s over its peer's, measured in the same run.",
    ]


def table(rows: list[Row], everything: Rows, memory: bool = False) -> list[str]:
    extra = " peak RSS |" if memory else ""
    lines = [
        f"| measurement | events | events/s | x peer | peer |{extra} note |",
        f"| --- | ---: | ---: | ---: | --- |{' ---: |' if memory else ''} --- |",
    ]
    for r in rows:
        ratio = f"{r.rate / everything[r.peer].rate:.2f}" if r.peer else ""
        rss = f" {r.rss_kb / 1024:.0f} MB |" if memory else ""
        lines.append(
            f"| {r.name} | {r.events:,} | {r.rate:,.0f} | {ratio} | {r.peer or ''} |{rss} {r.note} |"
        )
    return lines


@dataclass(frozen=True)
class Target:
    promise: str
    value: float | None  # the measured ratio; None when it could not be measured
    goal: float
    at_most: bool = False
    detail: str = ""

    def line(self) -> str:
        if self.value is None:
            return f"- {self.promise}: not measured, {self.detail} (NOT met)"
        met = self.value <= self.goal if self.at_most else self.value >= self.goal
        verdict = "met" if met else "NOT met"
        return f"- {self.promise}: {self.value:.3f} ({verdict}){self.detail}"


def targets(rows: Rows) -> list[Target]:
    """Issue 11's targets, each a ratio of two rows of this run (or to issue 8's rates)."""
    return [*_cli_targets(rows), *_model_targets(rows), *_pure_targets(rows)]


def issue21_targets(rows: Rows) -> list[Target]:
    """Issue 21's targets on the realistic log: parse and round trip beside plain
    Pydantic, and a page of events written by a response model."""
    pairs: list[Pair] = [
        ("21a. parse (native) >= 0.9 x plain Pydantic", ip.NATIVE_PARSE, ip.PYDANTIC_PARSE, 0.9),
        (
            "21b. parse + model_dump_json (native) >= 1.2 x plain Pydantic's",
            ip.NATIVE_ROUND_TRIP,
            ip.PYDANTIC_ROUND_TRIP,
            1.2,
        ),
        (
            "21c. Page(events=[100 events]).model_dump_json() (native) >= 1.0 x plain Pydantic's",
            nested.NATIVE,
            nested.PLAIN,
            1.0,
        ),
        (
            "21d. validate --jobs 1 on the log with a tenth of its lines bad >= 0.7 x its rate "
            "on the clean log",
            pr.CLI_BAD,
            pr.CLI_ONE,
            0.7,
        ),
    ]
    return _native_targets(rows, pairs)


Pair = tuple[str, str, str, float]  # (promise, row, peer row, goal)


def issue23_targets(rows: Rows) -> list[Target]:
    """Issue 23's targets: the TypeScript package exact at zod's speed, in one Node process."""
    pairs: list[Pair] = [
        ("23a. parseEvent >= 0.8 x JSON.parse + zod 4", node.EXACT_PARSE, node.ZOD_PARSE, 0.8),
        (
            "23b. serializeEvent(parseEvent(x)) >= 0.8 x JSON.parse + zod 4 + JSON.stringify",
            node.EXACT_ROUND_TRIP,
            node.ZOD_ROUND_TRIP,
            0.8,
        ),
    ]
    out = []
    for promise, name, peer, goal in pairs:
        value, detail = _ratio(rows, name, peer)
        out.append(Target(promise, value, goal, detail=detail))
    return out


def _native_targets(rows: Rows, pairs: list[Pair]) -> list[Target]:
    """Each pair's ratio of native-core rows; not measured without the core."""
    out = []
    for promise, name, peer, goal in pairs:
        if name not in rows:
            out.append(Target(promise, None, goal, detail="the native core is not in use"))
            continue
        value, detail = _ratio(rows, name, peer)
        out.append(Target(promise, value, goal, detail=detail))
    return out


def _ratio(rows: Rows, name: str, peer: str) -> tuple[float, str]:
    a, b = rows[name].rate, rows[peer].rate
    return a / b, f"; {a:,.0f} vs {b:,.0f} events/s"


def _cli_targets(rows: Rows) -> list[Target]:
    one, one_detail = _ratio(rows, pr.CLI_ONE, pr.JSON_PROCESS)
    two, two_detail = _ratio(rows, pr.CLI_TWO, pr.CLI_ONE)
    short, long = rows[pr.CLI_ONE].rss_kb, rows[pr.CLI_LONG].rss_kb
    return [
        Target(
            "1a. validate --jobs 1 on one core >= 2.0 x json.loads of the same lines "
            "(both whole processes)",
            one,
            2.0,
            detail=one_detail,
        ),
        Target(
            "1b. validate --jobs 2 on two cores >= 1.7 x its one-core rate",
            two,
            1.7,
            detail=two_detail,
        ),
        Target(
            f"1c. memory flat: peak RSS of validate on the 4x log <= {FLAT:.2f} x on the log",
            long / short,
            FLAT,
            at_most=True,
            detail=f"; {long / 1024:.0f} MB vs {short / 1024:.0f} MB",
        ),
    ]


def _model_targets(rows: Rows) -> list[Target]:
    pairs: list[Pair] = [
        (
            "2a. Event.model_validate_json (native) >= 0.7 x plain Pydantic validate_json",
            ip.NATIVE_PARSE,
            ip.PYDANTIC_PARSE,
            0.7,
        ),
        (
            "2b. parse + model_dump_json (native) >= 1.2 x plain Pydantic parse + dump",
            ip.NATIVE_ROUND_TRIP,
            ip.PYDANTIC_ROUND_TRIP,
            1.2,
        ),
    ]
    return _native_targets(rows, pairs)


def _pure_targets(rows: Rows) -> list[Target]:
    checks = [
        ("3a. pure-Python parse no slower than before", ip.PURE_PARSE, ip.NATIVE_PARSE),
        (
            "3b. pure-Python parse + dump no slower than before",
            ip.PURE_ROUND_TRIP,
            ip.NATIVE_ROUND_TRIP,
        ),
        ("3c. pure-Python validate CLI (one core) no slower than before", pr.CLI_PURE, pr.CLI_ONE),
    ]
    out = []
    for promise, name, native_row in checks:
        rate, before = rows[name].rate, BEFORE[name]
        detail = f"; {rate:,.0f} vs {before:,.0f} events/s in issue 8's run"
        if native_row in rows:
            detail += f"; native/pure {rows[native_row].rate / rate:.2f}"
        out.append(
            Target(f"{promise} (>= 1.0 x issue 8's rate)", rate / before, 1.0, detail=detail)
        )
    return out
