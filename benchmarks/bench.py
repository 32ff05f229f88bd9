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
from functools import partial
from pathlib import Path

import jsonschema

from benchmarks.generic_validators import oneof_schema, validator_for
from benchmarks.loggen import LogGenerator
from benchmarks.msgspec_model import MsgspecModel
from codegen.model import TaggedUnion, Variant
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
        (
            "jamjet_schema canonical round trip",
            lambda s: Event.model_validate_json(s).model_dump_json(),
            "parse + validate + canonical dump",
        ),
    ]
    return [
        Row(name, len(lines), best_of(repeats, partial(_each, f, lines)), note)
        for name, f, note in jobs
    ]


def _each(f: Callable[[str], object], lines: Sequence[str]) -> None:
    for line in lines:
        f(line)


def jsonschema_rows(lines: list[str]) -> list[Row]:
    sample = [json.loads(line) for line in lines]
    schema = json.loads((REPO / "schema/event.schema.json").read_text())
    rows = []
    for name, variant in (
        ("if/then on the tag (canonical)", schema),
        ("oneOf over every variant (usual shape)", oneof_schema(schema)),
    ):
        seconds = best_of(1, partial(_validate_all, validator_for(variant), sample))
        rows.append(Row(f"python-jsonschema, {name}", len(sample), seconds, "generic validator"))
    return rows


def _validate_all(validator: jsonschema.Draft202012Validator, documents: list[object]) -> None:
    for document in documents:
        validator.validate(document)


def rust_row(log: Path) -> Row:
    binary = REPO / "target/release/jamjet-bench"
    out = json.loads(
        subprocess.run([str(binary), str(log)], capture_output=True, text=True, check=True).stdout
    )
    return Row(
        "Rust reference (serde)",
        out["events"],
        out["seconds"],
        "parse + canonical write, in process",
    )


def cli_row(log: Path, events: int) -> Row:
    command = [sys.executable, "-m", "jamjet_schema.cli", "validate", str(log)]
    if os.path.exists("/usr/bin/taskset"):
        command = ["taskset", "-c", "0", *command]  # one core, as the target says
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return Row(
        "jamjet-schema validate (CLI, one core)",
        events,
        time.perf_counter() - start,
        "whole process, startup included",
    )


def dispatch_rows(generator: LogGenerator, count: int, repeats: int) -> list[Row]:
    """Parse time of two variants of the same shape, far apart in declaration order.

    With discriminated dispatch the tag picks the class at once, so the later
    variant costs no more than the earlier one; trying classes in turn would make
    it cost up to 44 times more.
    """
    union = generator.model.of_kind(TaggedUnion)[0]
    first, last = _same_shape_pair(generator, union)
    rows = []
    for variant in (first, last):
        lines = list(generator.events(count, variant))
        seconds = best_of(repeats, partial(_each, Event.model_validate_json, lines))
        index = union.variants.index(variant) + 1
        rows.append(
            Row(
                f"parse, only variant #{index} of {len(union.variants)} ({variant.wire_name})",
                count,
                seconds,
                "dispatch",
            )
        )
    return rows


def _same_shape_pair(generator: LogGenerator, union: TaggedUnion) -> tuple[Variant, Variant]:
    """The two variants with identical field types that stand furthest apart."""
    groups: dict[tuple[object, ...], list[Variant]] = {}
    for variant in union.variants:
        shape = tuple(generator.model.resolve(f.type) for f in variant.fields)
        groups.setdefault(shape, []).append(variant)
    pairs = [(g[0], g[-1]) for g in groups.values() if len(g) > 1]
    return max(pairs, key=lambda p: union.variants.index(p[1]) - union.variants.index(p[0]))


def import_seconds(repeats: int = 5) -> float:
    def run(code: str) -> float:
        return best_of(repeats, lambda: _run([sys.executable, "-c", code]))

    return run("import jamjet_schema") - run("pass")


def regenerate_seconds() -> float:
    return best_of(3, lambda: _run([sys.executable, "-m", "codegen"]))


def _run(command: list[str]) -> None:
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)


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
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"


def render(rows: list[Row], extra: dict[str, str], events: int, log_bytes: int) -> str:
    baseline = next(r for r in rows if r.name == "msgspec decode+encode").rate
    lines = [
        "| measurement | events | events/s | ratio to msgspec decode+encode | note |",
        "| --- | ---: | ---: | ---: | --- |",
        *(
            f"| {r.name} | {r.events:,} | {r.rate:,.0f} | {r.rate / baseline:.3f} | {r.note} |"
            for r in rows
        ),
    ]
    facts = [f"- {key}: {value}" for key, value in extra.items()]
    facts += ["", "Targets (issue 8):", *targets(rows)]
    head = f"Log: {events:,} events, {log_bytes / 1e6:.1f} MB, every variant in turn, payloads of about 200 bytes."
    return "\n".join([head, "", *lines, "", *facts])


def targets(rows: list[Row]) -> list[str]:
    """The issue's targets, each with the measured value and whether it is met."""
    rate = {r.name: r.rate for r in rows}
    round_trip = rate["jamjet_schema canonical round trip"]
    generic = max(v for k, v in rate.items() if k.startswith("python-jsonschema"))
    checks = [
        (
            "canonical round trip >= 0.5 x msgspec decode+encode",
            round_trip / rate["msgspec decode+encode"],
            0.5,
        ),
        ("canonical round trip >= 10 x python-jsonschema", round_trip / generic, 10.0),
        (
            "validator CLI >= 50,000 events/s on one core",
            rate["jamjet-schema validate (CLI, one core)"],
            50_000.0,
        ),
    ]
    return [
        f"- {name}: {value:,.2f} ({'met' if value >= goal else 'NOT met'})"
        for name, value, goal in checks
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="a small log and one repeat (CI)")
    parser.add_argument("--output", type=Path, help="also write the results (markdown) here")
    args = parser.parse_args(argv)
    events = 4_400 if args.quick else args.events
    repeats = 1 if args.quick else 3
    generator = LogGenerator(load_model())
    lines = list(generator.events(events))
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "events.jsonl"
        log.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        rows = python_rows(lines, repeats)
        rows += jsonschema_rows(lines[: max(events // 50, 440)])
        rows += [rust_row(log), cli_row(log, events)]
    rows += dispatch_rows(generator, 440 if args.quick else 4_000, repeats)
    first, last = rows[-2].seconds, rows[-1].seconds
    extra = {
        "dispatch: parse time of the last variant over the first": f"{last / first:.2f}",
        "import jamjet_schema": f"{import_seconds() * 1000:.0f} ms",
        "python -m codegen (the emitters of nox -s regenerate, no install, no cargo)": f"{regenerate_seconds():.2f} s",
        "machine": machine(),
    }
    report = render(rows, extra, events, sum(len(line) + 1 for line in lines))
    print(report)
    if args.output:
        args.output.write_text(_document(report), encoding="utf-8")
    return 0


def _document(report: str) -> str:
    return (
        "# Benchmarks\n\n"
        "Measured by `nox -s bench` (`python -m benchmarks.bench --output docs/benchmarks.md`).\n"
        "Every number is from one run on one machine; compare ratios, not absolute rates.\n"
        "CI runs `--quick` and asserts nothing about time.\n\n"
        f"{report}\n"
    )


if __name__ == "__main__":
    sys.exit(main())
