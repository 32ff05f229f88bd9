"""Runs the stages in order: load -> build the model -> every emitter -> files on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from codegen.build_model import build_model
from codegen.emit import (
    arrow,
    fixture_schema,
    generated_readme,
    java,
    native,
    python,
    python_constants,
    rust,
    typescript,
    writer_schema,
)
from codegen.emit.java import peer as java_peer
from codegen.load import load_schema
from codegen.model import WireModel

REPO = Path(__file__).resolve().parents[1]
SCHEMA = Path("schema/event.schema.json")

Emitter = Callable[[WireModel], dict[str, str]]
EMITTERS: list[Emitter] = [
    rust.emit,
    native.emit,
    writer_schema.emit,
    python.emit,
    typescript.emit,
    python_constants.emit,
    fixture_schema.emit,  # conformance/fixture.schema.json: the corpus format's enums
    java.emit,
    java_peer.emit,  # the Java benchmark's plain-Jackson peer (tests/java/bench)
    arrow.emit,  # the columnar layout (generated/arrow, jamjet_schema.columnar)
]


def load_model(schema: Path = SCHEMA, repo: Path = REPO) -> WireModel:
    return build_model(load_schema(repo / schema), schema.as_posix())


def render(model: WireModel) -> dict[str, str]:
    """Every generated file, by path relative to the repository root."""
    files: dict[str, str] = {}
    for emitter in EMITTERS:
        files.update(emitter(model))
    files[generated_readme.PATH] = generated_readme.readme(model, files)
    return files


def stale(files: dict[str, str], repo: Path = REPO) -> list[str]:
    """The generated files whose text on disk differs from what the model gives."""
    return [
        rel
        for rel, text in sorted(files.items())
        if not (repo / rel).exists() or (repo / rel).read_text(encoding="utf-8") != text
    ]


def write(files: dict[str, str], repo: Path = REPO) -> list[str]:
    """Writes the files that changed; returns their paths."""
    changed = []
    for rel, text in sorted(files.items()):
        path = repo / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        changed.append(rel)
    return changed
