"""The npm package a TypeScript user installs: `npm pack` works from a clean checkout
of generated/typescript (nothing installed there, nor in tests/typescript), the
tarball carries the build, the README and the LICENSE, installs in a fresh project
and works there; the README's examples compile (tsc strict) and run against it.
`npm install` in the generated folder writes no lockfile, and none of this changes
what `git status` shows."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from codegen.emit import typescript
from codegen.model import WireModel
from tests.conftest import REPO

PACKAGE = "generated/typescript"
NPM_QUIET = ["--no-audit", "--no-fund", "--prefer-offline"]


def npm(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run(["npm", *args], cwd=cwd)


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(command)} in {cwd}:\n{done.stdout}\n{done.stderr}"
    return done


def git_status() -> str:
    command = ["git", "status", "--porcelain", "--untracked-files=all", "--", PACKAGE]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module", autouse=True)
def git_status_unchanged() -> Iterator[None]:
    """Whatever these tests do, the working tree looks the same to git afterwards."""
    before = git_status()
    yield
    assert git_status() == before


@pytest.fixture(scope="module")
def checkout(model: WireModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh clone's generated/typescript and tests/typescript: what codegen emits and
    the pinned toolchain's manifest and lockfile, with nothing installed anywhere."""
    root = tmp_path_factory.mktemp("checkout")
    for rel, text in typescript.emit(model).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    toolchain = root / "tests" / "typescript"
    toolchain.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(REPO / "tests" / "typescript" / name, toolchain / name)
    return root


@pytest.fixture(scope="module")
def tarball(checkout: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    package = checkout / PACKAGE
    assert not (package / "node_modules").exists()
    assert not (checkout / "tests" / "typescript" / "node_modules").exists()
    out = tmp_path_factory.mktemp("packed")
    npm("pack", "--pack-destination", str(out), cwd=package)
    (packed,) = out.glob("*.tgz")
    return packed


def packed_names(tarball: Path) -> set[str]:
    with tarfile.open(tarball) as archive:
        return {name.removeprefix("package/") for name in archive.getnames()}


def test_npm_pack_works_from_a_clean_checkout(tarball: Path, model: WireModel) -> None:
    assert tarball.name == f"jamjet-schema-{model.version}.tgz"
    names = packed_names(tarball)
    assert {"package.json", "README.md", "dist/index.js", "dist/index.d.ts"} <= names
    assert {"dist/runtime/index.js", "dist/runtime/index.d.ts", "src/index.ts"} <= names
    assert not any(
        n.startswith(("node_modules/", "scripts/", ".npmrc", ".gitignore")) for n in names
    )
    # the pack installed no lockfile, left none in the generated folder
    assert not (tarball.parent / "package-lock.json").exists()


def test_the_tarball_carries_the_license(tarball: Path) -> None:
    if not (REPO / "LICENSE").is_file():
        pytest.skip("the repository has no LICENSE yet: the package carries one once it does")
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/LICENSE")
        assert member is not None
        text = member.read().decode("utf-8")
    assert (REPO / "LICENSE").read_text(encoding="utf-8") in text


@pytest.fixture(scope="module")
def project(tarball: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh ESM project outside the checkout with the tarball installed."""
    root = tmp_path_factory.mktemp("project")
    manifest = {"name": "trial", "version": "0.0.0", "private": True, "type": "module"}
    (root / "package.json").write_text(json.dumps(manifest), encoding="utf-8")
    npm("install", *NPM_QUIET, str(tarball), cwd=root)
    return root


def test_the_tarball_installs_and_works_in_a_fresh_project(project: Path) -> None:
    installed = project / "node_modules" / "@jamjet" / "schema"
    assert (installed / "dist" / "index.js").is_file()
    assert (installed / "LICENSE").is_file() == (REPO / "LICENSE").is_file()
    line = (
        '{"id":"67e55044-10b1-426f-9247-bb680e5fe0c8",'
        '"execution_id":"67e55044-10b1-426f-9247-bb680e5fe0c8","sequence":9223372036854775807,'
        '"kind":{"type":"node_completed","node_id":"n","output":{"b":1.0,"a":[1,2]},'
        '"state_patch":{},"duration_ms":3},"created_at":"2020-01-01T00:00:00.000000001+00:00"}'
    )
    script = (
        'import { parseEvent, serializeEvent, newEvent, SCHEMA_VERSION } from "@jamjet/schema";\n'
        f"const event = parseEvent({json.dumps(line)});\n"
        "console.log(serializeEvent(event));\n"
        "console.log(typeof event.sequence, SCHEMA_VERSION);\n"
        "console.log(serializeEvent(newEvent(event.execution_id, 1n, event.kind)));\n"
    )
    (project / "check.mjs").write_text(script, encoding="utf-8")
    out = run(["node", "check.mjs"], cwd=project).stdout.splitlines()
    assert out[0] == line.replace('{"b":1.0,"a":[1,2]}', '{"a":[1,2],"b":1.0}').replace(
        "00.000000001+00:00", "00.000000001Z"
    )
    assert (
        out[1] == f"bigint {json.loads((REPO / PACKAGE / 'package.json').read_text())['version']}"
    )
    assert re.search(r'"sequence":1,.*"created_at":"[^"]+Z"}$', out[2])


def write_strict_tsconfig(project: Path, toolchain: Path, sources: str, **more: bool) -> None:
    """A user's project's tsconfig.json, as strict as ours: `sources`/*.ts -> out/, with
    the types of `toolchain` (a node_modules holding typescript and @types/node)."""
    options: dict[str, object] = {
        "target": "ES2022",
        "module": "NodeNext",
        "moduleResolution": "NodeNext",
        "lib": ["ES2022"],
        "types": ["node"],
        "typeRoots": [str(toolchain / "@types")],
        "strict": True,
        "noUncheckedIndexedAccess": True,
        "exactOptionalPropertyTypes": True,
        **more,
        "rootDir": sources,
        "outDir": "out",
    }
    config = {"compilerOptions": options, "include": [f"{sources}/*.ts"]}
    (project / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")


def readme_examples() -> list[str]:
    text = (REPO / PACKAGE / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```ts\n(.*?)^```$", text, flags=re.S | re.M)


def test_the_readme_examples_compile_and_run_against_the_tarball(
    project: Path, checkout: Path
) -> None:
    examples = readme_examples()
    assert len(examples) >= 4
    sources = project / "examples"
    sources.mkdir()
    for i, code in enumerate(examples):
        (sources / f"example{i}.ts").write_text(code, encoding="utf-8")
    toolchain = checkout / "tests" / "typescript" / "node_modules"  # installed by the pack
    write_strict_tsconfig(project, toolchain, "examples")
    run(["node", str(toolchain / "typescript" / "bin" / "tsc"), "-p", "tsconfig.json"], project)
    for i in range(len(examples)):
        run(["node", f"out/example{i}.js"], cwd=project)


def test_npm_install_in_the_generated_folder_writes_no_lockfile(
    model: WireModel, tmp_path: Path
) -> None:
    files = typescript.emit(model)
    for name in ("package.json", ".npmrc"):
        (tmp_path / name).write_text(files[f"{PACKAGE}/{name}"], encoding="utf-8")
    npm("install", *NPM_QUIET, cwd=tmp_path)
    assert (tmp_path / "node_modules" / "typescript").is_dir()
    assert not (tmp_path / "package-lock.json").exists()
    # and npm reads that setting in the generated folder of this checkout too
    assert npm("config", "get", "package-lock", cwd=REPO / PACKAGE).stdout.strip() == "false"


def test_tarballs_npm_pack_leaves_in_the_generated_folder_are_ignored(model: WireModel) -> None:
    name = f"{PACKAGE}/jamjet-schema-{model.version}.tgz"
    assert subprocess.run(["git", "check-ignore", "-q", name], cwd=REPO).returncode == 0
