"""Measurements of whole processes: the validator CLI against `json.loads` in a process
of its own, on one core and on two, its peak memory, and startup times.

Every child is timed from spawn to exit (interpreter startup included, for the CLI
and for its peer alike) and reaped with os.wait4 for its peak RSS, by a launcher.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchmarks.timing import Measured, Row, Trial, interleaved
from codegen.pipeline import REPO

JSON_PROCESS = "json.loads each line, whole process (python -c)"
CLI_ONE = "jamjet-schema validate --jobs 1, one core"
CLI_TWO = "jamjet-schema validate --jobs 2, two cores"
CLI_LONG = "jamjet-schema validate --jobs 1, one core, log 4x longer"
CLI_PURE = "jamjet-schema validate --jobs 1, one core, pure Python"
CLI_BAD = "jamjet-schema validate --jobs 1, one core, a tenth of the lines bad"

IMPORT = "import jamjet_schema"
IMPORT_MODELS = "from jamjet_schema import Event (the models built)"
CLI_STARTUP = "CLI startup: jamjet-schema --version"
INTERPRETER = "interpreter startup: python -c pass"

# The peer of the CLI: the same lines read and json.loads-ed, nothing else.
JSON_LINES = """\
import json, sys
count = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        json.loads(line)
        count += 1
print(count)
"""

# Runs argv[2:] and writes its wall time (spawn to exit) and peak RSS (KiB) to argv[1].
LAUNCHER = """\
import os, sys, time
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
with open(sys.argv[1], "w") as out:
    out.write(f"{seconds!r} {rss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


@dataclass(frozen=True)
class Log:
    path: Path
    events: int
    bad: int = 0  # lines serde refuses


def installed_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a measured child: bytecode cached, as for an installed package
    (a machine with PYTHONDONTWRITEBYTECODE would otherwise compile every module on
    every start; the rounds after the first find the cache)."""
    child = dict(os.environ if env is None else env)
    child.pop("PYTHONDONTWRITEBYTECODE", None)
    return child


def run_child(
    command: list[str], env: dict[str, str] | None = None, refusals: bool = False
) -> tuple[Measured, str]:
    """Wall time and peak RSS of `command`, and its standard output; raises if it fails.

    The command runs under a small launcher (LAUNCHER): a child forked from this big
    process would count this process's resident set as its own peak.
    """
    env = installed_env(env)
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result"
        launch = [sys.executable, "-S", "-c", LAUNCHER, str(result), *command]
        done = subprocess.run(launch, capture_output=True, env=env, cwd=REPO)
        if done.returncode not in ((0, 1) if refusals else (0,)):  # 1: lines refused
            raise RuntimeError(f"{command} exited {done.returncode}: {done.stderr.decode()}")
        seconds, rss = result.read_text().split()
    return Measured(float(seconds), int(rss)), done.stdout.decode()


def pinned(cores: list[int], command: list[str]) -> tuple[list[str], str]:
    """`command` pinned to `cores` with taskset when possible, and a note saying how."""
    affinity = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
    if shutil.which("taskset") and set(cores) <= affinity:
        spec = ",".join(map(str, cores))
        return ["taskset", "-c", spec, *command], f"taskset -c {spec}"
    return command, "not pinned (no taskset, or not those cores)"


def cli() -> list[str]:
    """The installed `jamjet-schema` script beside this interpreter, else `python -m`."""
    script = Path(sys.executable).with_name("jamjet-schema")
    return [str(script)] if script.exists() else [sys.executable, "-m", "jamjet_schema.cli"]


def validate_rows(log: Log, longer: Log, damaged: Log, rounds: int) -> list[Row]:
    """The CLI on one core and on two, on a longer log, on the pure path, on the log
    with bad lines; and its peer."""
    pure = {**os.environ, "JAMJET_SCHEMA_NATIVE": "0"}
    jobs: list[tuple[str, list[int], list[str], Log, dict[str, str] | None, str | None]] = [
        (JSON_PROCESS, [0], [sys.executable, "-c", JSON_LINES], log, None, None),
        (CLI_ONE, [0], _validate(1), log, None, JSON_PROCESS),
        (CLI_TWO, [0, 1], _validate(2), log, None, CLI_ONE),
        (CLI_LONG, [0], _validate(1), longer, None, CLI_ONE),
        (CLI_PURE, [0], _validate(1), log, pure, CLI_ONE),
        (CLI_BAD, [0], _validate(1), damaged, None, CLI_ONE),
    ]
    trials, notes = [], {}
    for name, cores, command, target, env, _ in jobs:
        full, notes[name] = pinned(cores, [*command, str(target.path)])
        check = _count_check if name == JSON_PROCESS else partial(_summary_check, bad=target.bad)
        measure = _measure(full, env, partial(check, events=target.events), target.bad > 0)
        trials.append(Trial(name, measure))
    best = interleaved(trials, rounds)
    return [
        Row(name, target.events, best[name].seconds, notes[name], peer, best[name].rss_kb)
        for name, _, _, target, _, peer in jobs
    ]


def _validate(jobs: int) -> list[str]:
    return [*cli(), "validate", "--format", "json", "--jobs", str(jobs)]


def _measure(
    command: list[str],
    env: dict[str, str] | None,
    check: Callable[[str], None],
    refusals: bool = False,
) -> Callable[[], Measured]:
    def measure() -> Measured:
        got, out = run_child(command, env, refusals)
        check(out)
        return got

    return measure


def _summary_check(out: str, events: int, bad: int = 0) -> None:
    """The validator saw every event and refused exactly the bad ones."""
    summary = json.loads(out.strip().splitlines()[-1])["summary"]
    if (summary["records"], summary["errors"]) != (events, bad):
        raise AssertionError(f"validate reported {summary}, expected {events} records, {bad} bad")


def _count_check(out: str, events: int) -> None:
    if int(out) != events:
        raise AssertionError(f"json.loads process read {out.strip()} lines, expected {events}")


def startup_seconds(rounds: int) -> dict[str, float]:
    """Import and startup times, each the best of `rounds` interleaved runs; the import
    times are net of the interpreter's own startup, the CLI's is the whole process."""
    commands = {
        INTERPRETER: [sys.executable, "-c", "pass"],
        IMPORT: [sys.executable, "-c", "import jamjet_schema"],
        IMPORT_MODELS: [sys.executable, "-c", "from jamjet_schema import Event"],
        CLI_STARTUP: [*cli(), "--version"],
    }
    trials = [Trial(n, _measure(c, None, _ignore)) for n, c in commands.items()]
    best = {name: got.seconds for name, got in interleaved(trials, rounds).items()}
    for name in (IMPORT, IMPORT_MODELS):
        best[name] -= best[INTERPRETER]
    return best


def _ignore(out: str) -> None:
    del out


def regenerate_seconds(rounds: int) -> float:
    command = [sys.executable, "-m", "codegen"]
    return min(run_child(command)[0].seconds for _ in range(rounds))
