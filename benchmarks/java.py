"""The Java package beside plain Jackson databinding of the same records, in one JVM.

The harness is tests/java/bench (built by BUILD, or by `nox -s bench` with the reactor):
it reads the same log as every other contender, checks that the exact path writes each
line back unchanged, warms the JIT up with whole passes, then times interleaved rounds
and keeps each contender's best, as benchmarks/timing.py does in this process.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from benchmarks.timing import Row
from codegen.pipeline import REPO

JAR = REPO / "tests/java/bench/target/jamjet-bench-java.jar"
# the harness and the package it measures, from the reactor (Maven fetches what it needs)
BUILD = ["mvn", "-B", "-q", "-f", "tests/java", "package", "-DskipTests", "-pl", "bench", "-am"]

EXACT_PARSE = "Java: JamjetJson.parseEvent (exact)"
EXACT_ROUND_TRIP = "Java: JamjetJson.parseEvent + writeEvent (exact)"
PLAIN_PARSE = "Java: Jackson readValue (plain databinding peer)"
PLAIN_ROUND_TRIP = "Java: Jackson readValue + writeValueAsString (plain databinding peer)"

# the harness's key per row, the row, its peer and its note
_ROWS = (
    ("plain_parse", PLAIN_PARSE, None, "SNAKE_CASE, NON_NULL, @JsonTypeInfo; lax"),
    ("plain_round_trip", PLAIN_ROUND_TRIP, None, "not serde's bytes"),
    ("exact_parse", EXACT_PARSE, PLAIN_PARSE, "serde's verdict"),
    ("exact_round_trip", EXACT_ROUND_TRIP, PLAIN_ROUND_TRIP, "serde_json's bytes"),
)


@dataclass(frozen=True)
class JavaRun:
    rows: list[Row]
    jvm: str
    jackson: str
    warmup: int
    rounds: int
    plain_identical: int  # lines the peer wrote back unchanged


def java_run(log: Path, events: int, rounds: int, warmup: int) -> JavaRun:
    """Runs the harness on `log` (of `events` lines); raises if it fails or miscounts."""
    if shutil.which("java") is None:
        raise SystemExit("java is not on PATH: the Java benchmark needs a JDK 17")
    if not JAR.exists():
        raise SystemExit(f"{JAR} is missing: build it with `{' '.join(BUILD)}`")
    command = ["java", "-jar", str(JAR), str(log), "--rounds", str(rounds)]
    done = subprocess.run(
        [*command, "--warmup", str(warmup)], capture_output=True, text=True, cwd=REPO
    )
    if done.returncode != 0:
        raise RuntimeError(f"the Java benchmark exited {done.returncode}: {done.stderr}")
    out = json.loads(done.stdout)
    if (out["events"], out["exact_identical"]) != (events, events):
        raise AssertionError(f"the Java benchmark read {out['events']} lines of {events}: {out}")
    rows = [Row(name, events, out["seconds"][key], note, peer) for key, name, peer, note in _ROWS]
    return JavaRun(rows, out["java"], out["jackson"], warmup, rounds, out["plain_identical"])


def section(run: JavaRun) -> list[str]:
    """The lines under the report's Java table: the ratios, and what the numbers stand on."""
    rate = {row.name: row.rate for row in run.rows}
    events = run.rows[0].events
    return [
        f"- exact / plain, parse: {rate[EXACT_PARSE] / rate[PLAIN_PARSE]:.2f}; "
        f"parse + write: {rate[EXACT_ROUND_TRIP] / rate[PLAIN_ROUND_TRIP]:.2f}",
        f"- {run.jvm}, jackson-databind {run.jackson}; one JVM (`java -jar "
        f"{JAR.relative_to(REPO)}`), {run.warmup} warm-up passes of each over the whole log, "
        f"then {run.rounds} rounds interleaved, the best of each kept",
        f"- lines written back byte for byte: exact {events:,} of {events:,}, "
        f"plain {run.plain_identical:,} of {events:,} (the peer is not serde-exact: "
        "benchmarks/java.py, tests/java/bench)",
    ]
