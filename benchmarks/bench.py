"""`nox -s bench`: throughput of the Python implementation against baselines measured in
the same run (msgspec, json.loads, python-jsonschema, the Rust reference).

Everything is reported as events per second and as a ratio to msgspec's typed
decode+encode; nothing is asserted about time. `--quick` runs a small log for CI.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generic_validators import dispatching_schema, validator_for
from benchmarks.loggen import LogGenerator
from benchmarks.msgspec_model import MsgspecModel
from codegen.model import TaggedUnion
from codegen.pipeline import REPO, load_model
from jamjet_schema import Event


@dataclass(frozen=True)
class Row:
    name: str
    events: int
    seconds: float
    note: str = ""

    @property
    def rate(self) -> float:
        return self.events / self.seconds


def best_of(repeats: int, work: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def python_rows(lines: list[str], repeats: int) -> list[Row]:
    msgspec = MsgspecModel(load_model())
    jobs: list[tuple[str, Callable[[str], object], str]] = [
        ("json.loads alone", json.loads, "no validation: the floor"),
        ("msgspec decode", msgspec.decode, "typed tagged union, not serde-exact"),
        ("msgspec decode+encode", msgspec.round_trip, "the baseline for ratios"),
        ("jamjet_schema parse", Event.model_validate_json, "serde's verdict"),
        ("jamjet_schema canonical round trip", lambda s: Event.model_validate_json(s).model_dump_json(), "parse + validate + canonical dump"),
    ]
    return [Row(name, len(lines), best_of(repeats, lambda f=f: _each(f, lines)), note) for name, f, note in jobs]


def _each(f: Callable[[str], object], lines: Sequence[str]) -> None:
    for line in lines:
        f(line)


def jsonschema_rows(lines: list[str]) -> list[Row]:
    sample = [json.loads(line) for line in lines]
    schema = json.loads((REPO / "schema/event.schema.json").read_text())
    rows = []
    for name, variant in (("oneOf (the canonical schema)", schema), ("if/then on the tag", dispatching_schema(schema))):
        validator = validator_for(variant)
        seconds = best_of(1, lambda v=validator: [v.validate(doc) for doc in sample])
        rows.append(Row(f"python-jsonschema, {name}", len(sample), seconds, "generic validator"))
    return rows


def rust_row(log: Path) -> Row:
    binary = REPO / "target/release/jamjet-bench"
    out = json.loads(subprocess.run([str(binary), str(log)], capture_output=True, text=True, check=True).stdout)
    return Row("Rust reference (serde)", out["events"], out["seconds"], "parse + canonical write, in process")


def cli_row(log: Path, events: int) -> Row:
    command = [sys.executable, "-m", "jamjet_schema.cli", "validate", str(log)]
    if os.path.exists("/usr/bin/taskset"):
        command = ["taskset", "-c", "0", *command]  # one core, as the target says
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return Row("jamjet-schema validate (CLI, one core)", events, time.perf_counter() - start, "whole process, startup included")


def dispatch_rows(generator: LogGenerator, count: int, repeats: int) -> list[Row]:
    """Parse time per variant position: discriminated dispatch keeps it flat."""
    union = generator.model.of_kind(TaggedUnion)[0]
    rows = []
    for index in (0, len(union.variants) // 2, len(union.variants) - 1):
        variant = union.variants[index]
        lines = list(generator.events(count, variant))
        seconds = best_of(repeats, lambda ls=lines: _each(Event.model_validate_json, ls))
        rows.append(Row(f"parse, only variant #{index + 1} ({variant.wire_name})", count, seconds, "dispatch"))
    return rows


def import_seconds(repeats: int = 5) -> float:
    def run(code: str) -> float:
        return best_of(repeats, lambda: subprocess.run([sys.executable, "-c", code], check=True))

    return run("import jamjet_schema") - run("pass")


def regenerate_seconds() -> float:
    def run() -> None:
        subprocess.run([sys.executable, "-m", "codegen"], cwd=REPO, check=True, capture_output=True)

    return best_of(3, run)
