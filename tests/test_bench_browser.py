"""The browser rows of `nox -s bench` (benchmarks/browser.py): the TypeScript harness run in
headless Chromium on a small log beside the same harness in Node, and the report's ratios."""

from __future__ import annotations

import pathlib
import subprocess

import pytest

from benchmarks import browser, node
from benchmarks.loggen import LogGenerator
from benchmarks.timing import Row
from codegen.pipeline import load_model
from tests.conftest import REPO


@pytest.fixture(scope="module")
def browser_built() -> None:
    """The package (when not built yet), the harness's dependencies, then tests/browser."""
    if browser.chromium() is None:
        pytest.skip("no Chromium here (apt-get install chromium); CI installs it")
    build, harness = node.BUILD[:2], node.BUILD[2:]
    for step in [*(build if not node.PACKAGE.exists() else []), *harness, *browser.BUILD]:
        subprocess.run(step, cwd=REPO, check=True, capture_output=True)


def test_the_harness_runs_in_chromium_beside_node(
    browser_built: None, tmp_path: pathlib.Path
) -> None:
    lines = list(LogGenerator(load_model(), realistic=True).events(300))
    log = tmp_path / "log.jsonl"
    log.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    in_node = node.node_run(log, len(lines), rounds=1, warmup=0)
    run = browser.browser_run(log, in_node, rounds=1, warmup=0)
    assert isinstance(run, browser.BrowserRun), run
    assert run.browser.startswith(("Chrome/", "HeadlessChrome/")) and run.zod.startswith("4.")
    assert [r.name for r in run.rows] == [browser.in_browser(r.name) for r in in_node.rows]
    assert all(r.events == len(lines) and r.seconds > 0 for r in run.rows)
    assert run.rows[-1].peer == browser.in_browser(node.ZOD_ROUND_TRIP)
    text = "\n".join(browser.section(in_node, run))
    assert "| Chromium: parseEvent (exact) | 300 |" in text
    assert text.count(" in Node, ") == 2 and text.count("within 20%") == 2


def test_a_page_that_cannot_take_the_log_fails_the_run(
    browser_built: None, tmp_path: pathlib.Path
) -> None:
    line = next(LogGenerator(load_model(), realistic=True).events(1))
    log = tmp_path / "log.jsonl"
    log.write_text(line + "\n" + line.replace('"sequence":0', '"sequence":"0"') + "\n")
    in_node = node.NodeRun([Row(name, 2, 1.0) for name in browser._KEYS], "v20", "4", 0, 1, 2)
    with pytest.raises(RuntimeError, match="line 2"):
        browser.browser_run(log, in_node, rounds=1, warmup=0)


def _rows(prefix: str, exact: float, zod: float) -> list[Row]:
    """Rows whose exact rows run at `exact` and `zod` times their zod peer's rate."""
    name = browser.in_browser if prefix == "Chromium" else (lambda n: n)
    out = []
    for row, peer, rate in (
        (node.ZOD_PARSE, None, 100.0),
        (node.ZOD_ROUND_TRIP, None, 100.0),
        (node.EXACT_PARSE, node.ZOD_PARSE, 100.0 * exact),
        (node.EXACT_ROUND_TRIP, node.ZOD_ROUND_TRIP, 100.0 * zod),
    ):
        out.append(Row(name(row), 1000, 1000 / rate, "", name(peer) if peer else None))
    return out


def test_the_browser_ratios_are_set_beside_nodes_with_a_verdict() -> None:
    in_node = node.NodeRun(_rows("Node", 0.5, 0.4), "v20", "4", 0, 1, 0)
    web = browser.BrowserRun(_rows("Chromium", 0.45, 0.3), "Chrome/1", "4", 0, 1)
    lines = browser.section(in_node, web)
    assert lines[-2] == (
        "- parseEvent / JSON.parse + zod 4: 0.50 in Node, 0.45 in Chromium, 0.900 of Node's "
        "(within 20%)"
    )
    assert lines[-1].endswith("0.40 in Node, 0.30 in Chromium, 0.750 of Node's (NOT within 20%)")


def test_without_chromium_the_section_says_why() -> None:
    in_node = node.NodeRun(_rows("Node", 0.5, 0.4), "v20", "4", 0, 1, 0)
    lines = browser.section(in_node, "no Chromium here")
    assert lines[-1] == "- not measured: no Chromium here"
