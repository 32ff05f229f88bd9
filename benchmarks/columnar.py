"""The columnar export beside DuckDB and pyarrow on the same log (issue 25).

`python -m benchmarks.columnar [--events N]` times, one thread each, on one realistic
log (benchmarks.loggen):
- `jamjet-schema export LOG --format parquet -j 1`: serde's verdict on every line, then
  the layout's Parquet (zstd);
- DuckDB's `COPY (FROM read_json(LOG)) TO ... (FORMAT parquet, COMPRESSION zstd)`
  with `threads = 1`: no verdict, its own inferred layout;
- `pyarrow.json.read_json` (use_threads=False) then `parquet.write_table`;
and compares sizes (the Parquet files against the JSON Lines log, plain and zstd) and
the export's peak memory on the log and on a log four times as long. The exports run
as processes, timed whole (start-up included) and measured for peak RSS.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.loggen import LogGenerator
from benchmarks.processes import installed_env
from codegen.pipeline import load_model

MB = 1_000_000
TARGETS = (
    "export >= 1.0x DuckDB's JSON-to-Parquet rate on one thread, every line checked",
    "Parquet <= 0.3x the JSON Lines log",
    "peak memory flat on a 4x log",
)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float  # peak resident memory of the process that ran it
    failed: str = ""  # the last line of the error of a contender that cannot do it


def measured(code: str, *args: str) -> Run:
    """Runs `python -c code args` in a fresh process and reads its time and peak RSS.
    Bytecode is cached, as for an installed package (processes.installed_env)."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "if subprocess.run(sys.argv[1:]).returncode:\n"
        "    sys.exit(1)\n"
        "took = time.perf_counter() - start\n"
        "print(took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        env=installed_env(),
    )
    if done.returncode != 0:
        return Run(0.0, 0.0, (done.stderr.strip().splitlines() or ["failed"])[-1])
    seconds, peak_kb = done.stdout.split()
    return Run(float(seconds), int(peak_kb) / 1000)


EXPORT = (
    "import sys\n"
    "from jamjet_schema.cli import main\n"
    "sys.exit(main(['export', sys.argv[1], '--format', 'parquet', '-j', '1', '-o', sys.argv[2]]))\n"
)
DUCKDB = (
    "import sys, duckdb\n"
    "db = duckdb.connect()\n"
    "db.execute('SET threads = 1')\n"
    "db.execute(f\"COPY (FROM read_json('{sys.argv[1]}', format = 'newline_delimited'))"
    " TO '{sys.argv[2]}' (FORMAT parquet, COMPRESSION zstd)\")\n"
)
PYARROW = (
    "import sys\n"
    "import pyarrow as pa, pyarrow.json as pj, pyarrow.parquet as pq\n"
    "pa.set_cpu_count(1)\n"
    "table = pj.read_json(sys.argv[1], read_options=pj.ReadOptions(use_threads=False))\n"
    "pq.write_table(table, sys.argv[2], compression='zstd')\n"
)


def write_log(path: Path, events: int, seed: int = 3) -> None:
    lines = LogGenerator(load_model(), seed=seed, realistic=True).events(events)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in lines:
            out.write(line + "\n")


def zstd_size(path: Path) -> int | None:
    try:
        import zstandard
    except ImportError:
        return None
    return len(zstandard.ZstdCompressor(level=3).compress(path.read_bytes()))


def best(run: Callable[[], Run], repeat: int) -> Run:
    """The fastest of `repeat` runs, after one untimed (which caches the bytecode)."""
    run()
    runs = [run() for _ in range(repeat)]
    return min(runs, key=lambda r: (bool(r.failed), r.seconds))


def report(events: int, repeat: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        log, big = tmp / "log.jsonl", tmp / "big.jsonl"
        write_log(log, events)
        with open(big, "wb") as out:
            for _ in range(4):
                out.write(log.read_bytes())
        size = log.stat().st_size
        outputs = {name: tmp / f"{name}.parquet" for name in ("export", "duckdb", "pyarrow")}
        runs = {
            "export": best(lambda: measured(EXPORT, str(log), str(outputs["export"])), repeat),
            "duckdb": best(lambda: measured(DUCKDB, str(log), str(outputs["duckdb"])), repeat),
            "pyarrow": best(lambda: measured(PYARROW, str(log), str(outputs["pyarrow"])), repeat),
        }
        big_run = measured(EXPORT, str(big), str(tmp / "big.parquet"))
        sizes = {name: path.stat().st_size for name, path in outputs.items() if path.exists()}
        return _table(events, size, zstd_size(log), runs, big_run, sizes)


def _table(
    events: int,
    size: int,
    zstd: int | None,
    runs: dict[str, Run],
    big: Run,
    sizes: dict[str, int],
) -> str:
    names = {
        "export": "`jamjet-schema export --format parquet -j 1` (serde's verdict on every line)",
        "duckdb": "DuckDB `read_json` -> `COPY TO parquet`, `threads = 1` (no verdict)",
        "pyarrow": "`pyarrow.json.read_json` -> `write_table`, one thread (no verdict)",
    }
    rows = "".join(
        f"| {names[name]} | fails: {run.failed} | | | | |\n"
        if run.failed
        else f"| {names[name]} | {size / MB / run.seconds:.1f} | {events / run.seconds:,.0f} | "
        f"{run.seconds:.2f} | {run.peak_mb:.0f} | {sizes[name] / MB:.2f} ({sizes[name] / size:.3f}x) |\n"
        for name, run in runs.items()
    )
    ratio = runs["duckdb"].seconds / runs["export"].seconds
    parquet_ratio = sizes["export"] / size
    growth = big.peak_mb / runs["export"].peak_mb
    zstd_note = (
        f"; zstd (level 3) of the log: {zstd / MB:.2f} MB ({zstd / size:.3f}x)" if zstd else ""
    )
    verdicts = [
        f"export rate / DuckDB's: {ratio:.2f}x ({'met' if ratio >= 1.0 else 'NOT met'})",
        f"Parquet / JSON Lines: {parquet_ratio:.3f}x ({'met' if parquet_ratio <= 0.3 else 'NOT met'})",
        f"peak memory, 4x log / 1x log: {big.peak_mb:.0f} / {runs['export'].peak_mb:.0f} MB = "
        f"{growth:.2f}x ({'flat: met' if growth < 1.25 else 'NOT flat'})",
    ]
    return (
        f"Log: {events:,} realistic events, {size / MB:.1f} MB of JSON Lines{zstd_note}. "
        "Whole processes, start-up included (bytecode cached, as installed), best of the runs.\n\n"
        "| contender | MB/s | events/s | s | peak MB | Parquet MB (of the log) |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        f"{rows}\n" + "".join(f"- {line}\n" for line in verdicts)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.columnar", description=__doc__)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    print(report(args.events, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
