"""`jamjet-schema diff` where a user has it: the installed package alone carries it.

A pure-Python wheel (no native core: nothing of the diff needs it) is installed in a
fresh virtual environment, with nothing but its declared dependencies, and the
command is run there from a folder outside the checkout, on copies of the released
schemas. What it reports is what the diff of this checkout computes on the same
files, and `--help`/`-h` work like any other subcommand's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jamjet_schema.diff.bump import parse_version
from jamjet_schema.diff.compare import compare
from jamjet_schema.diff.render import max_severity
from jamjet_schema.wiremodel import load_model
from tests.conftest import REPO

UV = shutil.which("uv")


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if UV is None:
        pytest.skip("needs uv to build and install the wheel")
    out = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "JAMJET_SCHEMA_BUILD_NATIVE": "0"}
    build = [UV, "build", "-q", "--wheel", "--out-dir", str(out), str(REPO)]
    subprocess.run(build, check=True, capture_output=True, env=env, timeout=600)
    (wheel,) = out.glob("*.whl")
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([UV, "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    install = [UV, "pip", "install", "-q", "--python", str(venv / "bin/python"), str(wheel)]
    subprocess.run(install, check=True, capture_output=True, timeout=600)
    return venv


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The first and the latest release, copied out of the checkout."""
    releases = sorted((REPO / "schema/history").glob("*.json"), key=lambda p: parse_version(p.stem))
    where = tmp_path_factory.mktemp("schemas")
    old, new = where / "old.json", where / "new.json"
    shutil.copy(releases[0], old)
    shutil.copy(REPO / "schema/event.schema.json", new)
    return old, new


def _run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(venv / "bin/jamjet-schema"), *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


def test_the_environment_has_only_the_package_and_its_dependencies(venv: Path) -> None:
    probe = (
        "import importlib.util as u; "
        "print([m for m in ('codegen', 'jsonschema') if u.find_spec(m) is not None])"
    )
    done = subprocess.run(
        [str(venv / "bin/python"), "-c", probe],
        cwd=venv, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_diff_help_from_the_installed_package(venv: Path, tmp_path: Path, flag: str) -> None:
    done = _run(venv, tmp_path, "diff", flag)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: jamjet-schema diff")
    assert "--fail-on" in done.stdout and "--check-bump" in done.stdout


def test_diff_from_the_installed_package_reports_what_the_model_gives(
    venv: Path, schemas: tuple[Path, Path]
) -> None:
    old, new = schemas
    changes = compare(load_model(old), load_model(new))
    assert changes, "the releases differ"
    done = _run(venv, old.parent, "diff", old.name, new.name, "--format", "json")
    assert done.returncode == 0, done.stderr  # the changes so far are additive (minor)
    report = json.loads(done.stdout)
    assert report["severity"] == max_severity(changes).label
    assert [(c["kind"], c["where"]) for c in report["changes"]] == [
        (c.kind, c.where) for c in changes
    ]
    table = _run(venv, old.parent, "diff", old.name, new.name, "--fail-on", "minor")
    assert table.returncode == 1 and f"{len(changes)} change(s)" in table.stdout


def test_diff_by_version_from_the_installed_package(
    venv: Path, schemas: tuple[Path, Path], tmp_path: Path
) -> None:
    """The releases ship in the wheel: version numbers name them from any folder."""
    old, new = schemas
    by_version = _run(venv, tmp_path, "diff", "1.0.0", "current", "--format", "json")
    by_file = _run(venv, old.parent, "diff", old.name, new.name, "--format", "json")
    assert by_version.returncode == by_file.returncode == 0, by_version.stderr
    assert json.loads(by_version.stdout) == json.loads(by_file.stdout)


def test_diff_of_a_file_that_is_not_there_is_one_line_and_exit_2(
    venv: Path, schemas: tuple[Path, Path]
) -> None:
    old, _ = schemas
    done = _run(venv, old.parent, "diff", old.name, "missing.json")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"jamjet-schema diff: {old.parent / 'missing.json'}: No such file or directory"
    ]


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_diff_help_in_the_checkout(flag: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jamjet_schema.cli", "diff", flag],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: jamjet-schema diff")
