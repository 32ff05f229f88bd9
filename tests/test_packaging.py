"""The packages a user installs: `python -m build` makes the sdist and, from it, the
wheel; the wheel carries the generated models, the native core, the corpus, the
schema and the types markers, and works in a fresh virtual environment outside the
checkout, on the native path and on the pure-Python one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

FIXTURES = {
    p.relative_to(REPO / "conformance/fixtures")
    for p in (REPO / "conformance/fixtures").rglob("*.json")
}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    installer = ["--installer", "uv"] if shutil.which("uv") else []
    command = [sys.executable, "-m", "build", *installer, "--outdir", str(out), str(REPO)]
    subprocess.run(command, check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (built,) = dist.glob("*.whl")
    return built


def test_sdist_carries_what_the_wheel_is_built_from(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {
        "Cargo.lock",
        "native/Cargo.toml",
        "hatch_build.py",
        "schema/event.schema.json",
    } <= names
    assert {f"conformance/fixtures/{p}" for p in FIXTURES} <= names
    assert not any(n.startswith(("tests/", "benchmarks/", "node_modules")) for n in names)


def test_sdist_and_wheel_carry_the_license(dist: Path, wheel: Path) -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License\n                           Version 2.0, January 2004" in text
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        top = archive.getnames()[0].split("/", 1)[0]
        member = archive.extractfile(f"{top}/LICENSE")
        assert member is not None and member.read().decode() == text
        info = archive.extractfile(f"{top}/PKG-INFO")
        assert info is not None and "License-Expression: Apache-2.0" in info.read().decode()
    with zipfile.ZipFile(wheel) as archive:
        (license_file,) = [
            n for n in archive.namelist() if n.endswith(".dist-info/licenses/LICENSE")
        ]
        assert archive.read(license_file).decode() == text
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        lines = archive.read(metadata).decode().splitlines()
    assert {"License-Expression: Apache-2.0", "License-File: LICENSE"} <= set(lines)


def test_wheel_carries_the_stubs_that_name_the_classes_jamjet_schema(wheel: Path) -> None:
    # mypy names a class by the module declaring it: the classes are declared in
    # jamjet_schema's stub, which the private module's stub re-exports
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"jamjet_schema/__init__.pyi", "_jamjet_schema_generated/models.pyi"} <= names


def test_wheel_carries_models_core_corpus_and_types(wheel: Path) -> None:
    version = json.loads((REPO / "schema/event.schema.json").read_text())["x-jamjet-version"]
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    # the limited API of CPython 3.11: one wheel for every CPython from 3.11 on
    assert wheel.name == f"jamjet_schema-{version}-cp311-abi3-{platform}.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"jamjet_schema/py.typed", "_jamjet_schema_generated/models.py"} <= names
    assert {"jamjet_schema/event.schema.json", "_jamjet_schema_native.pyi"} <= names
    assert "_jamjet_schema_native.abi3.so" in names
    corpus = {
        n.removeprefix("jamjet_schema/corpus/")
        for n in names
        if n.startswith("jamjet_schema/corpus/") and n.endswith(".json")
    }
    assert corpus == {str(p) for p in FIXTURES} and len(corpus) > 50
    history = {n.removeprefix("jamjet_schema/history/") for n in names if "/history/" in n}
    assert history == {p.name for p in (REPO / "schema/history").glob("*.json")}, history
    assert not any(n.startswith(("codegen/", "tests/", "benchmarks/")) for n in names)


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv")
    uv = shutil.which("uv")
    if uv:
        subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(venv)], check=True)
        install = [uv, "pip", "install", "-q", "--python", str(venv / "bin/python"), str(wheel)]
    else:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        install = [str(venv / "bin/python"), "-m", "pip", "install", "-q", str(wheel)]
    subprocess.run(install, check=True)
    return venv


def _run(venv: Path, cwd: Path, native: bool, *command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JAMJET_SCHEMA_NATIVE": "1" if native else "0"}
    env.pop("JAMJET_SCHEMA_CORPUS", None)
    return subprocess.run(
        [str(venv / "bin" / command[0]), *command[1:]],
        cwd=cwd, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("native", [True, False], ids=["native", "pure-python"])
def test_wheel_works_in_a_fresh_environment(venv: Path, tmp_path: Path, native: bool) -> None:
    lines = (REPO / "examples/events.jsonl").read_text().splitlines()
    script = (
        "import sys, jamjet_schema as j; e = j.Event.model_validate_json(sys.argv[1]); "
        "print(j.native_available(), e.model_dump_json())"
    )
    done = _run(venv, tmp_path, native, "python", "-c", script, lines[0])
    assert done.stdout.split(" ", 1) == [str(native), lines[0] + "\n"], done.stderr
    log = tmp_path / "events.jsonl"
    log.write_text("\n".join(lines * 50) + "\n")
    checked = _run(venv, tmp_path, native, "jamjet-schema", "validate", "--jobs", "2", str(log))
    assert (
        checked.returncode == 0
        and f"{len(lines) * 50} records: {len(lines) * 50} valid" in checked.stdout
    )
    testee = f"{venv / 'bin/python'} -m jamjet_schema.cli testee"
    corpus = _run(venv, tmp_path, native, "jamjet-schema", "conformance", "--testee", testee)
    assert corpus.returncode == 0 and "PASS" in corpus.stdout, corpus.stdout + corpus.stderr
    coverage = _run(venv, tmp_path, native, "jamjet-schema", "conformance", "--coverage")
    assert coverage.returncode == 0, coverage.stdout + coverage.stderr
    # the releases check-store reads come with the wheel: the same answer as the checkout's
    store = tmp_path / "runtime.db"
    store.write_bytes((REPO / "examples/runtime.db").read_bytes())
    ask = ["jamjet-schema", "check-store", str(store), "--reader", "1.0.0"]
    installed = _run(venv, tmp_path, native, *ask)
    here = subprocess.run(ask, capture_output=True, text=True, cwd=tmp_path)
    assert (installed.returncode, installed.stdout) == (here.returncode, here.stdout) != (0, "")
