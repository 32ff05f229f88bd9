"""Every count of variants written in the docs is the model's.

A count is "<N> variants" anywhere in a Markdown file of the repository (hand-written
or generated). It is checked against the release the passage is about: the one a
`schema X.Y.Z` on the same line names, else the one of the `## X.Y.Z` section it
stands in (schema/CHANGELOG.md), else the current schema. Where a doc can be written
from the model it is (the required tier's README by the corpus recorder, the crate's
README by the Rust emitter); this test catches the hand-written rest on drift.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from codegen.history import archive_path
from codegen.model import TaggedUnion, WireModel
from codegen.pipeline import load_model
from tests.conftest import REPO

SKIP_DIRS = {".git", "node_modules", "target", ".nox", ".venv", "dist", "__pycache__"}
COUNT = re.compile(r"\b(\d+)\s+variants\b")
ON_LINE = re.compile(r"\bschema (\d+\.\d+\.\d+)\b")
SECTION = re.compile(r"^#+ (\d+\.\d+\.\d+)\b", re.M)
GOLDENS = re.compile(r"tests/emitters/[^/]+/expected/")  # generated from other, small schemas


def markdown_files() -> list[Path]:
    return sorted(
        p
        for p in REPO.rglob("*.md")
        if not SKIP_DIRS & set(p.relative_to(REPO).parts)
        and "{{" not in str(p)
        and not GOLDENS.match(p.relative_to(REPO).as_posix())
    )


@cache
def variants_in(version: str | None) -> int:
    model: WireModel = (
        load_model()
        if version is None
        else load_model(archive_path(version, REPO).relative_to(REPO))
    )
    (union,) = model.of_kind(TaggedUnion)
    return len(union.variants)


def counts(path: Path) -> list[tuple[int, int, str | None]]:
    """(line number, count, the release it is about) for every count in `path`."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in COUNT.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        named = ON_LINE.findall(text[start : match.start()])
        sections = SECTION.findall(text[: match.start()])
        version = named[-1] if named else (sections[-1] if sections else None)
        found.append((text.count("\n", 0, match.start()) + 1, int(match.group(1)), version))
    return found


COUNTED = {p: c for p in markdown_files() if (c := counts(p))}


def test_the_counts_are_found_where_the_docs_have_them() -> None:
    names = {p.relative_to(REPO).as_posix() for p in COUNTED}
    assert {
        "schema/README.md",
        "schema/CHANGELOG.md",
        "conformance/fixtures/required/README.md",
    } <= names
    assert (REPO / "README.md") in markdown_files()  # read, though it holds no count today


@pytest.mark.parametrize(
    "path", sorted(COUNTED), ids=[p.relative_to(REPO).as_posix() for p in sorted(COUNTED)]
)
def test_every_count_of_variants_is_the_models(path: Path) -> None:
    wrong = [
        f"{path.relative_to(REPO)}:{line}: {count} variants, but schema "
        f"{version or 'today'} has {variants_in(version)}"
        for line, count, version in COUNTED[path]
        if count != variants_in(version)
    ]
    assert not wrong, "\n".join(wrong)
