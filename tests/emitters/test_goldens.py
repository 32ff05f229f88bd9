"""Each emitter's output for the small schemas under tests/emitters/ is its golden, and
the goldens compile: `cargo check` of the crate and of the native core's half, `tsc` of
the package, an import of the Python package and `javac` of the Java module, the last two
reading and writing back the case's documents. `python -m tests.emitters.regen` rewrites
the goldens (see README.md here)."""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.emit import java
from codegen.emit.java.project import JACKSON_VERSION
from codegen.emit.typescript.constants import constants_ts
from codegen.emit.typescript.package import runtime_files
from tests.emitters.goldens import HERE, JAVA_RUNTIME, REPO, Case, cases

CASES = cases()
TSC = REPO / "tests" / "typescript" / "node_modules" / ".bin" / "tsc"
# its own target dir: a crate outside the workspace has other profiles, and a kept
# dir makes every run after the first a matter of seconds
CARGO_TARGET = REPO / "target" / "emitter-goldens"
MAVEN_REPOSITORY = Path.home() / ".m2" / "repository"
# what the Java module compiles against: jackson-core, and jackson-databind for the
# optional JamjetModule (`mvn -f tests/java verify`, run before pytest, has fetched both)
JACKSON = [
    f"com.fasterxml.jackson.core:jackson-{name}:{JACKSON_VERSION}" for name in ("core", "databind")
]


def test_the_cases_are_found() -> None:
    assert {"small", "shapes"} <= {case.name for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_emitters_make_the_goldens(case: Case) -> None:
    made, recorded = case.outputs(), case.recorded()
    assert sorted(made) == sorted(recorded), "run `python -m tests.emitters.regen`"
    for rel, text in made.items():
        if text != recorded[rel]:
            diff = difflib.unified_diff(
                recorded[rel].splitlines(), text.splitlines(), "golden", "emitted", lineterm=""
            )
            pytest.fail(
                f"{case.name}/{rel} differs (`python -m tests.emitters.regen`):\n"
                + "\n".join(list(diff)[:40])
            )


def _copy(case: Case, root: str, into: Path) -> Path:
    shutil.copytree(case.expected / root, into)
    return into


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Runs `command`, which must succeed; its stderr."""
    return _run(command, cwd, env).stderr


def run_out(command: list[str], cwd: Path) -> str:
    """Runs `command`, which must succeed; its stdout."""
    return _run(command, cwd, None).stdout


def _run(
    command: list[str], cwd: Path, env: dict[str, str] | None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=env, timeout=900, check=False
    )
    assert done.returncode == 0, f"{' '.join(command)} in {cwd}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_rust_golden_compiles(case: Case, tmp_path: Path) -> None:
    crate = _copy(case, "generated/rust", tmp_path / "crate")
    # the workspace's lockfile: the same crate versions, found offline
    shutil.copy(REPO / "Cargo.lock", crate / "Cargo.lock")
    env = {**os.environ, "CARGO_TARGET_DIR": str(CARGO_TARGET)}
    run(["cargo", "check", "--offline", "--quiet", "--all-targets"], crate, env)


def _native_workspace(case: Case, root: Path) -> Path:
    """native/ as the repository lays it out, around the case's golden crate and wire.rs:
    native/src/lib.rs includes ../../generated/native/wire.rs, native/Cargo.toml takes
    ../generated/rust and the workspace's dependencies."""
    _copy(case, "generated/rust", root / "generated" / "rust")
    _copy(case, "generated/native", root / "generated" / "native")
    shutil.copytree(REPO / "native" / "src", root / "native" / "src")
    shutil.copy(REPO / "native" / "Cargo.toml", root / "native" / "Cargo.toml")
    shutil.copy(REPO / "Cargo.lock", root / "Cargo.lock")
    manifest = (REPO / "Cargo.toml").read_text(encoding="utf-8")
    dependencies = re.search(r"^\[workspace\.dependencies\]\n(?:[^\[].*\n|\n)*", manifest, re.M)
    assert dependencies, "Cargo.toml has no [workspace.dependencies]"
    (root / "Cargo.toml").write_text(
        '[workspace]\nresolver = "2"\nmembers = ["generated/rust", "native"]\n\n'
        + dependencies.group(0),
        encoding="utf-8",
    )
    return root


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_native_golden_compiles(case: Case, tmp_path: Path) -> None:
    """The case's wire.rs builds, without a warning, with native/src against the case's
    crate (pyo3's build needs an interpreter: this one)."""
    workspace = _native_workspace(case, tmp_path / "workspace")
    env = {**os.environ, "CARGO_TARGET_DIR": str(CARGO_TARGET), "PYO3_PYTHON": sys.executable}
    check = ["cargo", "check", "--offline", "--quiet", "-p", "jamjet-schema-native"]
    stderr = run(check, workspace, env)
    assert "warning" not in stderr, stderr  # the crate builds with -D warnings in lint


@pytest.mark.skipif(not TSC.exists(), reason="npm ci --prefix tests/typescript has not run")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_typescript_golden_compiles_and_round_trips(case: Case, tmp_path: Path) -> None:
    """tsc builds the golden package, which reads and writes back its case's canonical
    documents byte for byte, its fast paths (src/read.ts, src/write.ts) agreeing with the
    exact path."""
    package = _copy(case, "generated/typescript", tmp_path / "package")
    model = case.model()
    runtime = {
        **runtime_files(model),
        "generated/typescript/src/runtime/constants.ts": constants_ts(model),
    }
    for rel, text in runtime.items():
        path = package / Path(rel).relative_to("generated/typescript")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    run([str(TSC), "-p", "tsconfig.json"], package)
    documents = (case.folder / "documents.json").read_text(encoding="utf-8")
    script = package / "read-and-write.mjs"
    script.write_text(TS_READ_AND_WRITE, encoding="utf-8")
    out = run_out(["node", str(script), documents], package)
    counts = json.loads(out)
    assert counts["documents"] == sum(len(t) for t in json.loads(documents).values())
    assert counts["fast"] > 0, "the fast path took none of the documents"


# Each canonical document through parse*/serialize* (the fast paths where they take it)
# and through the exact path (decode* of parseJson, the generic writers), which must
# agree on the value and give the document back byte for byte.
TS_READ_AND_WRITE = """
import assert from "node:assert/strict";
import * as pkg from "./dist/index.js";
import * as read from "./dist/read.js";
import { API_FORM, fastRead, parseJson } from "./dist/runtime/index.js";
const counts = { documents: 0, fast: 0 };
for (const [name, texts] of Object.entries(JSON.parse(process.argv[2]))) {
  for (const text of texts) {
    const exact = pkg[`decode${name}`](parseJson(text, { defer: true }));
    const fast = fastRead(text, read[`read${name}`]);
    if (fast !== undefined) {
      counts.fast++;
      assert.deepEqual(fast, exact);
      assert.equal(pkg[`serialize${name}Api`](fast), pkg[`serialize${name}Api`](exact));
    }
    assert.equal(pkg[`serialize${name}`](exact), text);
    assert.equal(pkg[`serialize${name}`](pkg[`parse${name}`](text)), text);
    counts.documents++;
  }
}
console.log(JSON.stringify(counts));
"""


READ_AND_WRITE = """
import json, sys
import _jamjet_schema_generated as generated
assert generated.SCHEMA_VERSION == sys.argv[1], generated.SCHEMA_VERSION
for name, texts in json.loads(sys.argv[2]).items():
    model = getattr(generated, name)
    for text in texts:
        written = model.model_validate_json(text).model_dump_json()
        assert written == text, (name, written, text)
        print(name, written)
"""


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_python_golden_imports_and_round_trips(case: Case, tmp_path: Path) -> None:
    """The golden package imports and writes back its case's canonical documents
    (documents.json) byte for byte, on the pure-Python path (the native core is the
    real schema's)."""
    _copy(case, "generated/python", tmp_path / "python")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "python"), "JAMJET_SCHEMA_NATIVE": "0"}
    documents = (case.folder / "documents.json").read_text(encoding="utf-8")
    argv = [sys.executable, "-c", READ_AND_WRITE, case.model().version, documents]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == sum(len(t) for t in json.loads(documents).values())


def _maven_jar(coordinates: str) -> Path:
    """The jar of group:artifact:version in the local Maven repository, fetched there by
    `mvn dependency:get` when missing."""
    group, artifact, version = coordinates.split(":")
    jar = MAVEN_REPOSITORY.joinpath(*group.split("."), artifact, version)
    jar = jar / f"{artifact}-{version}.jar"
    if not jar.exists():
        if shutil.which("mvn") is None:
            pytest.skip(f"{jar} is missing and Maven is not installed")
        run(["mvn", "-B", "-q", "dependency:get", f"-Dartifact={coordinates}"], REPO)
    assert jar.exists(), f"mvn dependency:get did not fetch {jar}"
    return jar


def _java_sources(case: Case, root: Path) -> list[Path]:
    """The golden module's sources, the runtime it is emitted with, and the round trip."""
    sources = _copy(case, "generated/java/src", root / "src")
    runtime = {rel: text for rel, text in java.emit(case.model()).items() if JAVA_RUNTIME in rel}
    for rel, text in runtime.items():
        path = sources / Path(rel).relative_to("generated/java/src")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copy(HERE / "java" / "ReadAndWrite.java", sources / "ReadAndWrite.java")
    return sorted(sources.rglob("*.java"))


@pytest.mark.skipif(shutil.which("javac") is None, reason="no JDK")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_java_golden_compiles_and_round_trips(case: Case, tmp_path: Path) -> None:
    """javac -Xlint:all -Werror of the module (as its pom compiles it), then JamjetJson
    writes back the case's canonical documents (documents.json) byte for byte, as the
    Python golden does."""
    classpath = os.pathsep.join(str(_maven_jar(c)) for c in JACKSON)
    classes = tmp_path / "classes"
    sources = [str(path) for path in _java_sources(case, tmp_path)]
    javac = ["javac", "--release", "17", "-Xlint:all", "-Werror", "-encoding", "UTF-8"]
    run([*javac, "-cp", classpath, "-d", str(classes), *sources], tmp_path)
    expected = [
        f"{name}\t{text}"
        for name, texts in json.loads((case.folder / "documents.json").read_text("utf-8")).items()
        for text in texts
    ]
    assert all("\n" not in line for line in expected), "a document spans lines"
    documents = tmp_path / "documents.tsv"
    documents.write_text("".join(line + "\n" for line in expected), encoding="utf-8")
    java_cp = os.pathsep.join([str(classes), classpath])
    argv = ["java", "-cp", java_cp, "ReadAndWrite", str(documents)]
    done = subprocess.run(argv, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout.decode("utf-8").splitlines() == expected
