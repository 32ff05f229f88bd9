"""examples/typed_usage.py type-checks under mypy --strict and runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "typed_usage.py"


def _env() -> dict[str, str]:
    paths = [str(REPO / "src"), str(REPO / "generated" / "python")]
    return {
        **os.environ,
        "MYPYPATH": os.pathsep.join(paths),
        "PYTHONPATH": os.pathsep.join([*paths, os.environ.get("PYTHONPATH", "")]),
    }


def test_example_passes_mypy_strict(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path),
            str(EXAMPLE),
        ],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_example_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLE)],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert "node search failed: timeout (will retry)" in result.stdout
    assert "refused: missing field `execution_id`" in result.stdout
    assert '"kind":{"type":"node_completed","node_id":"summarise"' in result.stdout
