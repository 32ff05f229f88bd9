"""The wheel a user installs: it carries the generated models, the corpus and the
types marker, and works in a fresh virtual environment with nothing from this tree."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    uv = shutil.which("uv")
    command = (
        [uv, "build", "--wheel", "--out-dir", str(out)]
        if uv
        else [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), "."]
    )
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    (built,) = out.glob("*.whl")
    return built


def test_wheel_carries_models_corpus_and_types(wheel: Path) -> None:
    version = json.loads((REPO / "schema/event.schema.json").read_text())["x-jamjet-version"]
    assert wheel.name.startswith(f"jamjet_schema-{version}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "jamjet_schema/py.typed" in names
    assert "_jamjet_schema_generated/models.py" in names
    corpus = {n for n in names if n.startswith("jamjet_schema/corpus/") and n.endswith(".json")}
    shipped = {p for p in (REPO / "conformance/fixtures").rglob("*.json")}
    assert len(corpus) == len(shipped) > 50
    assert not any(n.startswith(("codegen/", "tests/", "benchmarks/")) for n in names)


def test_wheel_works_in_a_fresh_environment(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    uv = shutil.which("uv")
    if uv:
        subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(venv)], check=True)
        subprocess.run(
            [uv, "pip", "install", "-q", "--python", str(venv / "bin/python"), str(wheel)],
            check=True,
        )
    else:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin/python"), "-m", "pip", "install", "-q", str(wheel)], check=True
        )
    line = (REPO / "examples/events.jsonl").read_text().splitlines()[0]
    script = "import sys, jamjet_schema as j; e = j.Event.model_validate_json(sys.argv[1]); print(e.model_dump_json())"
    done = subprocess.run(
        [str(venv / "bin/python"), "-c", script, line],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == line
    coverage = subprocess.run(
        [str(venv / "bin/jamjet-schema"), "conformance", "--coverage"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert coverage.returncode == 0, coverage.stdout + coverage.stderr
