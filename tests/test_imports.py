"""Every module imports on its own, and the CLI starts without building the models.

Each import runs in a fresh interpreter, so an import cycle that the order of a test
session would hide (module B already loaded when A needs it) shows up. The modules are
found by walking the package directories: a new one is checked without being listed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from jamjet_schema.native import ENV

REPO = Path(__file__).resolve().parents[1]
PACKAGES = [
    REPO / "src" / "jamjet_schema",
    REPO / "generated" / "python" / "_jamjet_schema_generated",
    REPO / "codegen",
    REPO / "benchmarks",
]


def modules() -> list[str]:
    """Every module of the packages, by walking their directories (no import needed)."""
    found = []
    for package in PACKAGES:
        for path in sorted(package.rglob("*.py")):
            parts = path.relative_to(package.parent).with_suffix("").parts
            if parts[-1] == "__main__":
                continue  # importing it would run the program
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found.append(".".join(parts))
    return found


def python(code: str, native: bool = True) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name != ENV}
    env[ENV] = "1" if native else "0"
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_walk_finds_the_packages_and_their_modules() -> None:
    found = modules()
    assert len(found) == len(set(found))
    expected = {"jamjet_schema", "jamjet_schema.cli", "jamjet_schema.logs.scan"}
    expected |= {"jamjet_schema.wire.jsontext", "jamjet_schema.conformance.runner"}
    expected |= {"_jamjet_schema_generated", "_jamjet_schema_generated.models"}
    expected |= {"codegen.pipeline", "codegen.emit.typescript.decode", "benchmarks.bench"}
    assert expected <= set(found)
    assert len(found) > 40


@pytest.mark.parametrize("native", [True, False], ids=["native", "pure"])
def test_every_module_imports_alone_in_a_fresh_interpreter(native: bool) -> None:
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        done = dict(
            zip(
                modules(), pool.map(lambda m: python(f"import {m}", native), modules()), strict=True
            )
        )
    failed = {
        name: run.stderr.strip().splitlines()[-1:] for name, run in done.items() if run.returncode
    }
    assert not failed, failed


LOADED = (
    "import json, sys, {module};"
    "print(json.dumps(sorted(name for name in sys.modules"
    " if name.partition('.')[0] in ('pydantic', 'pydantic_core')"
    " or name == '_jamjet_schema_generated.models')))"
)


@pytest.mark.parametrize("native", [True, False], ids=["native", "pure"])
@pytest.mark.parametrize("module", ["jamjet_schema", "jamjet_schema.cli"])
def test_importing_the_package_or_the_cli_loads_neither_pydantic_nor_the_models(
    module: str, native: bool
) -> None:
    done = python(LOADED.format(module=module), native)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def models_loaded_by(args: list[str]) -> list[str]:
    """The modules of pydantic and the models that `jamjet-schema ARGS` imports (native)."""
    env = {name: value for name, value in os.environ.items() if name != ENV}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "jamjet_schema.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    names = [line.rpartition("|")[2].strip() for line in done.stderr.splitlines()]
    return [n for n in names if n.startswith("pydantic") or n == "_jamjet_schema_generated.models"]


@pytest.mark.skipif(
    importlib.util.find_spec("_jamjet_schema_native") is None, reason="the native core is not built"
)
@pytest.mark.parametrize(
    "command", [["validate"], ["validate", "--canonical"], ["canonicalize", "-o", os.devnull]]
)
def test_a_clean_log_is_checked_without_building_the_models(
    command: list[str], tmp_path: Path
) -> None:
    event = json.loads((REPO / "examples/events.jsonl").read_text().splitlines()[0])
    short = tmp_path / "short.jsonl"  # an Event in sequence form, one element short
    short.write_text(json.dumps(list(event.values())[:-1]) + "\n")
    assert models_loaded_by([*command, "examples/events.jsonl"]) == []
    # nor are they for bad lines the core locates the refusal of (tests/python/
    # test_refusals.py); the probe sees them when they are needed: a line the core
    # leaves to the models' exact path (a struct in sequence form)
    assert models_loaded_by([*command, "examples/bad-events.jsonl"]) == []
    assert "_jamjet_schema_generated.models" in models_loaded_by([*command, str(short)])


GENERATED_OR_PYDANTIC = (
    "import json, sys, {module};"
    "print(json.dumps(sorted(name for name in sys.modules"
    " if name.partition('.')[0] in ('pydantic', 'pydantic_core', '_jamjet_schema_generated'))))"
)


def codegen_modules() -> list[str]:
    return [m for m in modules() if m.partition(".")[0] == "codegen"]


def test_the_code_generator_imports_neither_the_generated_code_nor_pydantic() -> None:
    """Layering: the generator builds on the wire model (jamjet_schema.wiremodel) and the
    wire layer only, so it runs whatever state generated/ is in."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        runs = pool.map(lambda m: python(GENERATED_OR_PYDANTIC.format(module=m)), codegen_modules())
        done = dict(zip(codegen_modules(), runs, strict=True))
    failed = {
        name: run.stderr.strip().splitlines()[-1:] for name, run in done.items() if run.returncode
    }
    assert not failed, failed
    loaded = {name: json.loads(run.stdout) for name, run in done.items()}
    assert {name: found for name, found in loaded.items() if found} == {}
    assert len(loaded) > 20
