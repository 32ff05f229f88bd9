"""The benchmark: its quick mode end to end, and the parts its numbers rest on (the
pure-path switch, the launcher's peak RSS, the interleaved rounds, the targets'
verdicts). Nothing here asserts anything about time."""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys
from collections.abc import Iterator
from importlib import metadata

import pytest

from benchmarks import inprocess as ip
from benchmarks import java, node, report, zod_model
from benchmarks import processes as pr
from benchmarks.loggen import LogGenerator
from benchmarks.timing import Measured, Row, Rows, Trial, interleaved
from codegen.pipeline import load_model
from jamjet_schema import Event, native_available
from tests.conftest import REPO

QUICK_EVENTS = 4_400


@pytest.fixture(scope="module")
def java_built() -> None:
    """The Java harness (tests/java/bench) and the package it measures; Maven makes this
    quick when nothing changed."""
    subprocess.run(java.BUILD, cwd=REPO, check=True, capture_output=True)


@pytest.fixture(scope="module")
def node_built() -> None:
    """The TypeScript harness's locked dependencies (benchmarks/typescript), and the
    package it measures when it is not built yet (`npm test` in tests/typescript builds it)."""
    build, harness = node.BUILD[:2], node.BUILD[2:]
    for step in [*(build if not node.PACKAGE.exists() else []), *harness]:
        subprocess.run(step, cwd=REPO, check=True, capture_output=True)


@pytest.fixture(scope="module")
def quick(
    rust_built: None,
    java_built: None,
    node_built: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[str, str]:
    """The quick run's standard output and the markdown it wrote (to a temp dir)."""
    output = tmp_path_factory.mktemp("bench") / "benchmarks.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "--quick", "--output", str(output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout, output.read_text(encoding="utf-8")


def table_rows(text: str) -> dict[str, list[str]]:
    """measurement -> its cells, over every results table of the report (the tables
    headed `| measurement |`; the columnar section's table has columns of its own)."""
    rows: dict[str, list[str]] = {}
    in_results = False
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| "):
            in_results = False
        elif cells[0] == "measurement":
            in_results = True
        elif in_results and not cells[0].startswith("---"):
            rows[cells[0]] = cells
    return rows


def test_quick_mode_measures_every_contender_beside_its_peer(quick: tuple[str, str]) -> None:
    stdout, document = quick
    assert stdout.strip() in document
    rows = table_rows(stdout)
    expected = [ip.JSON_LOADS, ip.MSGSPEC_DECODE, ip.MSGSPEC_ROUND_TRIP, ip.PYDANTIC_PARSE]
    expected += [ip.PYDANTIC_ROUND_TRIP, ip.PURE_PARSE, ip.PURE_ROUND_TRIP, ip.RUST]
    expected += [pr.JSON_PROCESS, pr.CLI_ONE, pr.CLI_TWO, pr.CLI_LONG, pr.CLI_PURE]
    expected += [java.EXACT_PARSE, java.EXACT_ROUND_TRIP, java.PLAIN_PARSE, java.PLAIN_ROUND_TRIP]
    expected += [node.JSON_PARSE, node.JSON_ROUND_TRIP, node.ZOD_PARSE, node.ZOD_ROUND_TRIP]
    expected += [node.EXACT_PARSE, node.EXACT_ROUND_TRIP]
    if native_available():
        expected += [ip.NATIVE_PARSE, ip.NATIVE_ROUND_TRIP]
    for name in expected:
        events, rate = rows[name][1:3]
        assert float(rate.replace(",", "")) > 0, name
        assert events == f"{4 * QUICK_EVENTS if name == pr.CLI_LONG else QUICK_EVENTS:,}"
    assert sum(name.startswith("python-jsonschema") for name in rows) == 2
    assert sum(cells[-1] == ip.DISPATCH for cells in rows.values()) == 2
    for name, cells in rows.items():  # every named peer is a row of the same run
        assert cells[4] == "" or cells[4] in rows, name
    assert rows[ip.NATIVE_PARSE if native_available() else ip.PURE_PARSE][4] == ip.PYDANTIC_PARSE
    assert rows[pr.CLI_ONE][4] == pr.JSON_PROCESS and rows[pr.CLI_TWO][4] == pr.CLI_ONE


def test_quick_mode_sets_the_java_package_beside_plain_jackson(quick: tuple[str, str]) -> None:
    stdout, _ = quick
    rows = table_rows(stdout)
    assert rows[java.EXACT_PARSE][4] == java.PLAIN_PARSE
    assert rows[java.EXACT_ROUND_TRIP][4] == java.PLAIN_ROUND_TRIP
    section = stdout.split("## Java", 1)[1].split("\n## ", 1)[0]
    ratios = re.search(r"exact / plain, parse: (\d+\.\d\d); parse \+ write: (\d+\.\d\d)", section)
    assert ratios, section
    assert ratios.groups() == (rows[java.EXACT_PARSE][3], rows[java.EXACT_ROUND_TRIP][3])
    assert f"exact {QUICK_EVENTS:,} of {QUICK_EVENTS:,}" in section  # the exact path's bytes
    assert "jackson-databind 2." in section and "warm-up" in section


@pytest.mark.parametrize(
    ("second", "says"),
    [
        ("{0} ", "the exact path changed line 2: wrote {"),  # not serde_json's bytes
        ("{{}}", "the exact path failed on line 2: missing field `id`"),
    ],
)
def test_java_harness_refuses_a_log_it_cannot_round_trip(
    java_built: None, tmp_path: pathlib.Path, canonical_line: str, second: str, says: str
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text(f"{canonical_line}\n{second.format(canonical_line)}\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match=re.escape(says)):
        java.java_run(log, 2, rounds=1, warmup=0)


def test_quick_mode_header_names_the_machine_and_versions(quick: tuple[str, str]) -> None:
    stdout, _ = quick
    header = stdout.split("## ", 1)[0]
    assert f"Log: {QUICK_EVENTS:,} events" in header and "bytes per event" in header
    assert re.search(r"\d+ cores \(.+\)", header)
    for package in ("pydantic", "pydantic-core", "msgspec"):
        assert f"{package} {metadata.version(package)}" in header
    for crate in ("serde_json", "chrono", "uuid"):
        assert re.search(rf"{crate} \d+\.\d+\.\d+", header), crate
    assert ("native core in use" in header) == native_available()


def test_quick_mode_states_every_target_with_ratio_and_verdict(quick: tuple[str, str]) -> None:
    stdout, _ = quick
    section = stdout.split("## Targets (issue 11)", 1)[1].split("\n## ", 1)[0]
    targets = section.strip().splitlines()
    ids = [line.split(".", 1)[0] for line in targets]
    assert ids == ["- 1a", "- 1b", "- 1c", "- 2a", "- 2b", "- 3a", "- 3b", "- 3c"]
    for line in targets:
        assert re.search(r": \d+\.\d{3} \((met|NOT met)\)", line) or "not measured" in line
    issue21 = stdout.split("## Targets (issue 21", 1)[1].split("\n## ", 1)[0]
    targets21 = [line for line in issue21.splitlines() if line.startswith("- 21")]
    assert [line.split(".", 1)[0] for line in targets21] == ["- 21a", "- 21b", "- 21c", "- 21d"]
    for line in targets21:
        assert re.search(r": \d+\.\d{3} \((met|NOT met)\)", line) or "not measured" in line
    store = stdout.split("## The runtime's event store (issue 13)", 1)[1].split("\n## ", 1)[0]
    store_targets = [line for line in store.splitlines() if line.startswith("- 13")]
    assert [line.split(".", 1)[0] for line in store_targets] == ["- 13a", "- 13a'", "- 13b"]
    for line in store_targets:
        assert re.search(r": \d+\.\d{3} \((met|NOT met)\)", line), line
    for name in (pr.IMPORT, pr.CLI_STARTUP, "net of startup"):
        assert name in stdout
    ci = stdout.split("## The conformance run's CI outputs (issue 24)", 1)[1].split("\n## ", 1)[0]
    ci_targets = [line for line in ci.splitlines() if line.startswith("- 24")]
    assert len(ci_targets) == 2
    for line in ci_targets:
        assert re.search(r": \d+\.\d{3} \((met|NOT met)\)", line), line


def test_quick_mode_sets_the_typescript_package_beside_zod(quick: tuple[str, str]) -> None:
    stdout, _ = quick
    rows = table_rows(stdout)
    assert rows[node.EXACT_PARSE][4] == node.ZOD_PARSE
    assert rows[node.EXACT_ROUND_TRIP][4] == node.ZOD_ROUND_TRIP
    section = stdout.split("## TypeScript", 1)[1].split("\n## ", 1)[0]
    assert f"exact {QUICK_EVENTS:,} of {QUICK_EVENTS:,}" in section
    assert f"zod accepted {QUICK_EVENTS:,} of {QUICK_EVENTS:,}" in section
    assert "zod 4." in section and "warm-up" in section
    issue23 = stdout.split("## Targets (issue 23", 1)[1].split("\n## ", 1)[0]
    targets = [line for line in issue23.splitlines() if line.startswith("- 23")]
    assert [line.split(".", 1)[0] for line in targets] == ["- 23a", "- 23b"]
    for line, row in zip(targets, (node.EXACT_PARSE, node.EXACT_ROUND_TRIP), strict=True):
        assert re.search(r": \d+\.\d{3} \((met|NOT met)\)", line), line
        # the same ratio: 3 decimals in the target, 2 in the table (each rounded once)
        assert abs(float(line.split(": ")[1].split(" ")[0]) - float(rows[row][3])) <= 0.0051


def test_typescript_contenders_read_and_write_what_they_claim(
    node_built: None, tmp_path: pathlib.Path
) -> None:
    """On a realistic log with every variant: zod accepts every line, the package writes
    each back byte for byte, JSON.parse + JSON.stringify does not (it writes 1.0 as 1)."""
    lines = list(LogGenerator(load_model(), realistic=True).events(88))
    log = tmp_path / "events.jsonl"
    log.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    run = node.node_run(log, len(lines), rounds=1, warmup=0)
    assert [row.name for row in run.rows][-2:] == [node.EXACT_PARSE, node.EXACT_ROUND_TRIP]
    assert all(row.seconds > 0 for row in run.rows)
    assert 0 < run.plain_identical < len(lines)
    assert run.zod.startswith("4.") and run.node.startswith("v")


@pytest.mark.parametrize(
    ("second", "says"),
    [
        ("{0} ", "the exact path changed line 2: wrote {"),  # not serde_json's bytes
        ('{{"sequence":0,{1}', "the exact path failed on line 2: duplicate field `sequence`"),
        ('{{"attempt":"1"}}', "zod refused line 2"),  # zod validates, it is no pass-through
    ],
)
def test_typescript_harness_refuses_a_log_it_cannot_round_trip(
    node_built: None, tmp_path: pathlib.Path, canonical_line: str, second: str, says: str
) -> None:
    log = tmp_path / "events.jsonl"
    bad = second.format(canonical_line, canonical_line[1:])
    log.write_text(f"{canonical_line}\n{bad}\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match=re.escape(says)):
        node.node_run(log, 2, rounds=1, warmup=0)


def test_zod_schema_is_current() -> None:
    """benchmarks/typescript/event-schema.js is what benchmarks/zod_model.py writes from
    the wire model (`python -m benchmarks.zod_model`)."""
    assert zod_model.PATH.read_text(encoding="utf-8") == zod_model.source(load_model())


@pytest.fixture()
def canonical_line() -> str:
    return next(line for line in (REPO / "examples/events.jsonl").read_text().splitlines())


def test_pure_path_switches_the_core_off_and_back(canonical_line: str) -> None:
    before = native_available()
    with ip.pure_path():
        assert not native_available()
        assert ip.round_trip(canonical_line) == canonical_line
    assert native_available() == before
    assert ip.round_trip(canonical_line) == canonical_line
    assert isinstance(Event.model_validate_json(canonical_line), Event)


def test_child_peak_rss_is_its_own_not_the_parents() -> None:
    ballast = b"x" * (200 << 20)  # this process now holds more than 200 MiB
    small, out = pr.run_child([sys.executable, "-c", "print('hi')"])
    big, _ = pr.run_child([sys.executable, "-c", "b = b'x' * (100 << 20)"])
    del ballast
    assert out == "hi\n"
    assert 0 < small.rss_kb < 100 << 10 <= big.rss_kb < 200 << 10
    with pytest.raises(RuntimeError, match="exited 3"):
        pr.run_child([sys.executable, "-c", "raise SystemExit(3)"])


def test_interleaved_keeps_each_best_round_and_rotates_the_order() -> None:
    order: list[str] = []

    def trial(name: str, seconds: list[float]) -> Trial:
        values: Iterator[float] = iter(seconds)

        def measure() -> Measured:
            order.append(name)
            value = next(values)
            return Measured(value, int(value * 10))

        return Trial(name, measure)

    best = interleaved([trial("a", [3.0, 1.0, 2.0]), trial("b", [0.5, 0.7, 0.6])], rounds=3)
    assert best == {"a": Measured(1.0, 30), "b": Measured(0.5, 7)}
    assert order == ["a", "b", "b", "a", "a", "b"]


def rows_for(rates: dict[str, float]) -> Rows:
    rows = Rows()
    rows.add(*(Row(name, int(rate), 1.0, rss_kb=1000) for name, rate in rates.items()))
    return rows


def test_targets_are_ratios_of_rows_with_verdicts() -> None:
    rates = {pr.JSON_PROCESS: 100.0, pr.CLI_ONE: 250.0, pr.CLI_TWO: 400.0, pr.CLI_LONG: 250.0}
    rates |= {ip.PYDANTIC_PARSE: 100.0, ip.NATIVE_PARSE: 69.0, pr.CLI_PURE: 26_970.0}
    rates |= {ip.PYDANTIC_ROUND_TRIP: 100.0, ip.NATIVE_ROUND_TRIP: 130.0}
    rates |= {ip.PURE_PARSE: 57_297.0 * 2, ip.PURE_ROUND_TRIP: 21_000.0}
    lines = {t.line().split(".")[0][2:]: t.line() for t in report.targets(rows_for(rates))}
    assert ": 2.500 (met)" in lines["1a"]
    assert ": 1.600 (NOT met)" in lines["1b"]
    assert ": 1.000 (met)" in lines["1c"]
    assert ": 0.690 (NOT met)" in lines["2a"]
    assert ": 1.300 (met)" in lines["2b"]
    assert ": 2.000 (met)" in lines["3a"] and "native/pure" in lines["3a"]
    assert ": 0.990 (NOT met)" in lines["3b"]
    assert ": 1.000 (met)" in lines["3c"]


def test_without_the_native_core_its_targets_are_not_met() -> None:
    rates = {name: 100.0 for name in (pr.JSON_PROCESS, pr.CLI_ONE, pr.CLI_TWO, pr.CLI_LONG)}
    rates |= {name: 100.0 for name in (pr.CLI_PURE, ip.PURE_PARSE, ip.PURE_ROUND_TRIP)}
    lines = [t.line() for t in report.targets(rows_for(rates))]
    assert [line for line in lines if "not measured" in line and "(NOT met)" in line] == lines[3:5]


def test_issue23_targets_are_ratios_of_the_typescript_rows() -> None:
    rates = {node.ZOD_PARSE: 200.0, node.EXACT_PARSE: 170.0}
    rates |= {node.ZOD_ROUND_TRIP: 150.0, node.EXACT_ROUND_TRIP: 90.0}
    lines = [t.line() for t in report.issue23_targets(rows_for(rates))]
    assert lines[0].startswith("- 23a. parseEvent >= 0.8 x JSON.parse + zod 4: 0.850 (met)")
    assert ": 0.600 (NOT met); 90 vs 150 events/s" in lines[1]
