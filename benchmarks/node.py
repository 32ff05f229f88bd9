"""The TypeScript package beside JSON.parse and a plain zod 4 schema, in one Node process.

The harness is benchmarks/typescript: bench.js times the contenders (no Node API, so
a browser page can run it too), run.js is its Node entry. It checks that zod accepts
every line and that the package writes each one back unchanged, warms the JIT up,
then times interleaved rounds and keeps each contender's best, as benchmarks/timing.py
does in this process. The zod schema is generated from the wire model
(benchmarks/zod_model.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from benchmarks.timing import Row
from codegen.pipeline import REPO

HARNESS = REPO / "benchmarks/typescript"
PACKAGE = REPO / "generated/typescript/dist/index.js"
# the package's build (its pinned compiler), then the harness's locked dependencies
BUILD = [
    ["npm", "ci", "--prefix", "tests/typescript", "--no-audit", "--no-fund"],
    ["npm", "run", "build", "--prefix", "tests/typescript", "--silent"],
    ["npm", "ci", "--prefix", "benchmarks/typescript", "--no-audit", "--no-fund"],
]

JSON_PARSE = "TypeScript: JSON.parse"
JSON_ROUND_TRIP = "TypeScript: JSON.parse + JSON.stringify"
ZOD_PARSE = "TypeScript: JSON.parse + zod 4 discriminated union (plain peer)"
ZOD_ROUND_TRIP = "TypeScript: JSON.parse + zod 4 + JSON.stringify (plain peer)"
EXACT_PARSE = "TypeScript: parseEvent (exact)"
EXACT_ROUND_TRIP = "TypeScript: serializeEvent(parseEvent(x)) (exact)"

# the harness's key per row, the row, its peer and its note
_ROWS = (
    ("json_parse", JSON_PARSE, None, "no validation: the floor"),
    ("json_round_trip", JSON_ROUND_TRIP, None, "not serde's bytes"),
    ("zod_parse", ZOD_PARSE, None, "lax: `1.0` is an integer"),
    ("zod_round_trip", ZOD_ROUND_TRIP, None, "not serde's bytes"),
    ("exact_parse", EXACT_PARSE, ZOD_PARSE, "serde's verdict"),
    ("exact_round_trip", EXACT_ROUND_TRIP, ZOD_ROUND_TRIP, "serde_json's bytes"),
)


@dataclass(frozen=True)
class NodeRun:
    rows: list[Row]
    node: str
    zod: str
    warmup: int
    rounds: int
    plain_identical: int  # lines JSON.parse + JSON.stringify wrote back unchanged


def node_run(log: Path, events: int, rounds: int, warmup: int) -> NodeRun:
    """Runs the harness on `log` (of `events` lines); raises if it fails or miscounts."""
    if shutil.which("node") is None:
        raise SystemExit("node is not on PATH: the TypeScript benchmark needs Node.js 20")
    missing = [p for p in (PACKAGE, HARNESS / "node_modules/zod") if not p.exists()]
    if missing:
        steps = " && ".join(" ".join(step) for step in BUILD)
        raise SystemExit(f"{missing[0]} is missing: build it with `{steps}`")
    command = ["node", str(HARNESS / "run.js"), str(log), "--rounds", str(rounds)]
    done = subprocess.run(
        [*command, "--warmup", str(warmup)], capture_output=True, text=True, cwd=REPO
    )
    if done.returncode != 0:
        raise RuntimeError(f"the TypeScript benchmark exited {done.returncode}: {done.stderr}")
    out = json.loads(done.stdout)
    counts = (out["events"], out["exactIdentical"], out["zodAccepted"])
    if counts != (events, events, events):
        raise AssertionError(f"the TypeScript benchmark read {out['events']} lines of {events}")
    rows = [Row(name, events, out["seconds"][key], note, peer) for key, name, peer, note in _ROWS]
    return NodeRun(rows, out["node"], out["zod"], warmup, rounds, out["plainIdentical"])


def section(run: NodeRun) -> list[str]:
    """The lines under the report's TypeScript table: what the numbers stand on."""
    events = run.rows[0].events
    return [
        f"- Node.js {run.node}, zod {run.zod}; one process (`node benchmarks/typescript/run.js`), "
        f"{run.warmup} warm-up passes of each over the whole log, then {run.rounds} rounds "
        "interleaved, the best of each kept; the zod schema is generated from the wire model "
        "(benchmarks/zod_model.py)",
        f"- lines written back byte for byte: exact {events:,} of {events:,}, JSON.parse + "
        f"JSON.stringify {run.plain_identical:,} of {events:,} (it writes `1.0` as `1`); zod "
        f"accepted {events:,} of {events:,}",
    ]
