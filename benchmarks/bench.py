"""`nox -s bench`: throughput of jamjet-schema beside its peers, measured in the same run.

In one process: the models (native core and pure-Python path) against plain Pydantic
v2, msgspec, json.loads, python-jsonschema and the Rust reference. As whole
processes: `jamjet-schema validate` on one core and two against a process that
json.loads the same lines, with peak memory on the log and on one 4x longer. In one
JVM: the Java package against plain Jackson databinding of the same records. Then
import and startup times, and issue 11's targets as ratios of this run's rows; last,
the runtime's SQLite store against the same events as JSON Lines (benchmarks/store.py).
Then the columnar export against DuckDB and pyarrow (benchmarks/columnar.py).
Nothing is asserted about time. `--quick` runs a small log (CI).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks import browser, columnar, java, nested, node, report
from benchmarks import conformance_formats as cf
from benchmarks import inprocess as ip
from benchmarks import processes as pr
from benchmarks import store as bs
from benchmarks.loggen import LogGenerator, with_bad_lines
from benchmarks.timing import Row, Rows
from codegen.pipeline import load_model


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    events = 4_400 if args.quick else args.events
    rounds = args.rounds or (2 if args.quick else 5)
    process_rounds = args.rounds or (1 if args.quick else 3)
    model = load_model()
    generator = LogGenerator(model, realistic=True)  # payloads as an agent runtime's
    lines = list(generator.events(events))
    ip.check_paths(lines)
    with tempfile.TemporaryDirectory() as tmp:
        log, longer, damaged = _write_logs(Path(tmp), lines)
        in_process = [*ip.model_rows(model, lines, rounds), ip.rust_row(log.path)]
        in_process += nested.nested_rows(model, lines, rounds)
        in_process += ip.jsonschema_rows(lines[: max(events // 50, 440)])
        whole = pr.validate_rows(log, longer, damaged, process_rounds)
        jvm = java.java_run(log.path, events, rounds, 2 if args.quick else 3)
        ts = node.node_run(log.path, events, rounds, 2 if args.quick else 3)
        web = browser.browser_run(log.path, ts, rounds, 2 if args.quick else 3)
        store = bs.store_rows(bs.write_stores(Path(tmp), lines), process_rounds)
    dispatch = ip.dispatch_rows(generator, 440 if args.quick else 4_000, rounds)
    startup = pr.startup_seconds(2 if args.quick else 5)
    regenerate = pr.regenerate_seconds(1 if args.quick else 3)
    ci = cf.rows(1 if args.quick else 3)
    parquet = columnar.report(events, 1 if args.quick else 2)
    log_bytes = sum(len(line.encode()) + 1 for line in lines)
    text = "\n".join(
        [
            *report.header(events, log_bytes, rounds, process_rounds),
            *_body(in_process, whole, jvm, ts, dispatch, startup, regenerate),
            *browser.section(ts, web),
            *_store(store),
            *_conformance(ci),
            "",
            "## Columnar export (issue 25, benchmarks/columnar.py)",
            "",
            parquet,
        ]
    )
    print(text)
    if args.output:
        args.output.write_text(_document(text), encoding="utf-8")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="a small log, few rounds (CI)")
    parser.add_argument(
        "--rounds",
        type=int,
        help="rounds per contender (default: 5 in process, 3 for processes; quick: 2 and 1)",
    )
    parser.add_argument("--output", type=Path, help="also write the results (markdown) here")
    return parser


def _write_logs(tmp: Path, lines: list[str]) -> tuple[pr.Log, pr.Log, pr.Log]:
    """The log, the same lines four times over, and the log with every tenth line
    broken as migrations and corrupted stores break them (loggen.damaged)."""
    text = "".join(line + "\n" for line in lines)
    log, longer = pr.Log(tmp / "events.jsonl", len(lines)), pr.Log(tmp / "x4.jsonl", 4 * len(lines))
    damaged = pr.Log(tmp / "damaged.jsonl", len(lines), bad=len(lines) // 10)
    log.path.write_text(text, encoding="utf-8")
    longer.path.write_text(text * 4, encoding="utf-8")
    bad_lines = with_bad_lines(lines, 10)
    damaged.path.write_text("".join(line + "\n" for line in bad_lines), encoding="utf-8")
    return log, longer, damaged


def _body(
    in_process: list[Row],
    whole: list[Row],
    jvm: java.JavaRun,
    ts: node.NodeRun,
    dispatch: list[Row],
    startup: dict[str, float],
    regenerate: float,
) -> list[str]:
    rows = Rows()
    rows.add(*in_process, *whole, *jvm.rows, *ts.rows, *dispatch)
    first, last = dispatch
    return [
        "",
        "## In one process",
        "",
        *report.table(in_process, rows),
        "",
        "## Whole processes (startup included)",
        "",
        *report.table(whole, rows, memory=True),
        "",
        "## Java (one JVM, the JIT warmed up)",
        "",
        *report.table(jvm.rows, rows),
        "",
        *java.section(jvm),
        "",
        "## TypeScript (one Node process, the JIT warmed up)",
        "",
        *report.table(ts.rows, rows),
        "",
        *node.section(ts),
        "",
        "## Dispatch",
        "",
        *report.table(dispatch, rows),
        "",
        f"- parse time of the last variant over the first: {last.seconds / first.seconds:.2f}",
        "",
        "## Startup",
        "",
        *_startup(startup, regenerate, rows),
        "",
        "## Targets (issue 11)",
        "",
        *(t.line() for t in report.targets(rows)),
        "",
        "## Targets (issue 21, on the realistic log)",
        "",
        *(t.line() for t in report.issue21_targets(rows)),
        "",
        "## Targets (issue 23, TypeScript)",
        "",
        *(t.line() for t in report.issue23_targets(rows)),
    ]


def _store(rows: list[Row]) -> list[str]:
    everything = Rows()
    everything.add(*rows)
    return [
        "",
        "## The runtime's event store (issue 13)",
        "",
        *report.table(rows, everything, memory=True),
        "",
        *(t.line() for t in bs.targets(everything)),
    ]


def _conformance(rows: list[Row]) -> list[str]:
    everything = Rows()
    everything.add(*rows)
    return [
        "",
        "## The conformance run's CI outputs (issue 24)",
        "",
        *report.table(rows, everything),
        "",
        *(t.line() for t in cf.targets(everything)),
    ]


def _startup(startup: dict[str, float], regenerate: float, rows: Rows) -> list[str]:
    out = [
        f"- {pr.IMPORT}: {startup[pr.IMPORT] * 1000:.0f} ms (net of the interpreter's startup)",
        f"- {pr.IMPORT_MODELS}: {startup[pr.IMPORT_MODELS] * 1000:.0f} ms (net)",
        f"- {pr.CLI_STARTUP}: {startup[pr.CLI_STARTUP] * 1000:.0f} ms (whole process)",
        f"- {pr.INTERPRETER}: {startup[pr.INTERPRETER] * 1000:.0f} ms",
        f"- python -m codegen (the emitters of nox -s regenerate, no cargo): {regenerate:.2f} s",
    ]
    return [*out, *_net_of_startup(startup, rows)]


def _net_of_startup(startup: dict[str, float], rows: Rows) -> list[str]:
    """The CLI's rates without its startup (and json.loads' without the interpreter's):
    where the whole-process ratios lose; only a guide, the difference is noisy."""
    json_net = _net(rows[pr.JSON_PROCESS], startup[pr.INTERPRETER])
    one = _net(rows[pr.CLI_ONE], startup[pr.CLI_STARTUP])
    two = _net(rows[pr.CLI_TWO], startup[pr.CLI_STARTUP])
    if not (json_net and one and two):
        return ["- net of startup: not measured (the log is too short beside the startup)"]
    return [
        f"- net of startup, {pr.CLI_ONE}: {one:,.0f} events/s, {one / json_net:.2f} x "
        f"json.loads net of the interpreter's startup ({json_net:,.0f} events/s)",
        f"- net of startup, {pr.CLI_TWO}: {two:,.0f} events/s, {two / one:.2f} x --jobs 1",
    ]


def _net(row: Row, startup: float) -> float | None:
    """The rate without the startup; None when the rest is too short to tell (< 1/4)."""
    seconds = row.seconds - startup
    return row.events / seconds if seconds >= row.seconds / 4 else None


def _document(text: str) -> str:
    return (
        "# Benchmarks\n\n"
        "Measured by `nox -s bench` (`python -m benchmarks.bench --output docs/benchmarks.md`).\n"
        "Every number is from one run on one machine; compare ratios, not absolute rates.\n"
        "CI runs `--quick` and asserts nothing about time.\n\n"
        f"{text}\n"
    )


if __name__ == "__main__":
    sys.exit(main())
