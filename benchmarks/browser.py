"""The TypeScript rows again in a browser: the same timing core
(benchmarks/typescript/bench.js) bundled by esbuild, on the same log, in a page of headless
Chromium (Debian's `chromium`; tests/browser/src/bench.ts drives it). The report sets the
exact rows' ratios to their zod peers beside Node's, and says whether the browser's are
within 20% of Node's: the package should be as fast, against the same peer, in both.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from benchmarks import node, report
from benchmarks.timing import Row, Rows
from codegen.pipeline import REPO

RUNNER = REPO / "tests/browser/dist/bench.js"
# the page's toolchain (esbuild) and its driver, after node.BUILD (package and harness)
BUILD = [
    ["npm", "ci", "--prefix", "tests/browser", "--no-audit", "--no-fund"],
    ["npm", "run", "build", "--prefix", "tests/browser", "--silent"],
]
TOLERANCE = 0.2  # the browser's ratio within 20% of Node's

# the harness's key of each of Node's rows
_KEYS = {
    node.JSON_PARSE: "json_parse",
    node.JSON_ROUND_TRIP: "json_round_trip",
    node.ZOD_PARSE: "zod_parse",
    node.ZOD_ROUND_TRIP: "zod_round_trip",
    node.EXACT_PARSE: "exact_parse",
    node.EXACT_ROUND_TRIP: "exact_round_trip",
}
# the ratios compared: each exact row over its zod peer
_PAIRS = (
    ("parseEvent / JSON.parse + zod 4", node.EXACT_PARSE, node.ZOD_PARSE),
    (
        "serializeEvent(parseEvent(x)) / JSON.parse + zod 4 + JSON.stringify",
        node.EXACT_ROUND_TRIP,
        node.ZOD_ROUND_TRIP,
    ),
)


def in_browser(name: str) -> str:
    """A Node row's name for its browser twin: `TypeScript: x` -> `Chromium: x`."""
    return "Chromium: " + name.removeprefix("TypeScript: ")


@dataclass(frozen=True)
class BrowserRun:
    rows: list[Row]
    browser: str
    zod: str
    warmup: int
    rounds: int


def chromium() -> str | None:
    """The browser tests/browser runs: $CHROMIUM, else `chromium` on the PATH."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium")


def unavailable() -> str | None:
    """Why the browser rows cannot be measured here, or None when they can."""
    if chromium() is None:
        return "no Chromium here (`apt-get install chromium`, or set CHROMIUM)"
    if not RUNNER.exists():
        steps = " && ".join(" ".join(step) for step in BUILD)
        return f"tests/browser is not built (`{steps}`)"
    return None


def browser_run(log: Path, beside: node.NodeRun, rounds: int, warmup: int) -> BrowserRun | str:
    """The harness on `log` in Chromium, a row beside each of Node's (`beside`, on the same
    log); or why it could not run here. Raises if the page fails or miscounts."""
    why = unavailable()
    if why is not None:
        return why
    command = ["node", str(RUNNER), str(log), "--rounds", str(rounds), "--warmup", str(warmup)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"the browser benchmark exited {done.returncode}: {done.stderr}")
    out = json.loads(done.stdout)
    events = beside.rows[0].events
    if (out["events"], out["exactIdentical"], out["zodAccepted"]) != (events, events, events):
        raise AssertionError(f"the browser benchmark read {out['events']} lines of {events}")
    rows = [
        Row(
            in_browser(r.name),
            events,
            out["seconds"][_KEYS[r.name]],
            r.note,
            in_browser(r.peer) if r.peer else None,
        )
        for r in beside.rows
    ]
    return BrowserRun(rows, out["browser"], out["zod"], warmup, rounds)


def section(beside: node.NodeRun, run: BrowserRun | str) -> list[str]:
    """The report's browser section: its table, then each ratio beside Node's."""
    title = ["", "## TypeScript in a browser (headless Chromium, the same harness)", ""]
    if isinstance(run, str):
        return [*title, f"- not measured: {run}"]
    rows = Rows()
    rows.add(*beside.rows, *run.rows)
    lines = [
        *title,
        *report.table(run.rows, rows),
        "",
        f"- Chromium {run.browser.rpartition('/')[2]}, zod {run.zod}: the timing core of the Node rows "
        "(benchmarks/typescript/bench.js) bundled by esbuild, in a page of headless Chromium "
        f"(tests/browser), on the same log; {run.warmup} warm-up passes, then {run.rounds} "
        "rounds interleaved, the best of each kept; the page's clock is performance.now(), "
        "cross-origin isolated (5 µs)",
    ]
    for label, exact, peer in _PAIRS:
        in_node = rows[exact].rate / rows[peer].rate
        here = rows[in_browser(exact)].rate / rows[in_browser(peer)].rate
        within = abs(here / in_node - 1) <= TOLERANCE
        verdict = "within 20%" if within else "NOT within 20%"
        lines.append(
            f"- {label}: {in_node:.2f} in Node, {here:.2f} in Chromium, "
            f"{here / in_node:.3f} of Node's ({verdict})"
        )
    return lines
