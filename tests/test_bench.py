"""The benchmark runs end to end in its short mode; it asserts nothing about time."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_bench_quick_mode_reports_every_measurement(rust_built: None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "--quick"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in (
        "msgspec decode+encode",
        "jamjet_schema canonical round trip",
        "python-jsonschema",
        "Rust reference",
        "jamjet-schema validate",
        "dispatch",
        "import jamjet_schema",
    ):
        assert name in done.stdout, name
