"""The portable wheel, as `nox -s release` builds it: abi3 and manylinux2014, so one file
installs on any current Linux and every CPython from 3.11. Installed here into a
CPython other than the one that built it, with the native core loading and answering.

Runs in `nox -s release`, which builds the wheel and names it in $JAMJET_WHEEL."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WHEEL = os.environ.get("JAMJET_WHEEL")
pytestmark = pytest.mark.skipif(not WHEEL, reason="run by `nox -s release`, which builds the wheel")

CHECK = """
import sys, jamjet_schema
assert jamjet_schema.native_available(), "the native core did not load"
line = open(sys.argv[1], encoding="utf-8").readline().rstrip("\\n")
event = jamjet_schema.Event.model_validate_json(line)
assert event.model_dump_json() == line, "not serde's bytes"
print(sys.version_info[:2])
"""


def other_python() -> str:
    """A CPython 3.11 or later that is not the one running (pyenv's, or uv's)."""
    mine = Path(sys.executable).resolve()
    found = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.1[2-9]*/bin/python3")))
    found += [p for v in ("3.13", "3.12") if (p := _uv_find(v))]
    for candidate in found:
        if Path(candidate).resolve() != mine:
            return candidate
    pytest.fail("no CPython 3.12 or later on this machine to install the wheel into")


def _uv_find(version: str) -> str | None:
    uv = shutil.which("uv")
    if uv is None:
        return None
    done = subprocess.run([uv, "python", "find", version], capture_output=True, text=True)
    return done.stdout.strip() or None if done.returncode == 0 else None


def test_the_wheel_is_abi3_and_manylinux2014() -> None:
    assert WHEEL is not None
    name = Path(WHEEL).name
    assert "-cp311-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl" in name, name
    shown = subprocess.run(["auditwheel", "show", WHEEL], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    said = " ".join(shown.stdout.split())
    assert 'consistent with the following platform tag: "manylinux_2_17_x86_64"' in said, said
    members = zipfile.ZipFile(WHEEL).namelist()
    assert "_jamjet_schema_native.abi3.so" in members


def test_it_installs_and_runs_in_another_cpython(tmp_path: Path) -> None:
    assert WHEEL is not None
    python = other_python()
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / "bin"
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", WHEEL], check=True)
    log = REPO / "examples" / "events.jsonl"
    done = subprocess.run(
        [str(bin_dir / "python"), "-c", CHECK, str(log)],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() != f"({sys.version_info[0]}, {sys.version_info[1]})"
    validated = subprocess.run(
        [str(bin_dir / "jamjet-schema"), "validate", str(log)], capture_output=True, text=True
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
