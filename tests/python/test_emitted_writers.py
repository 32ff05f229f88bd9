"""The writers and key counters codegen emits (generated writers.py and key_counts.py).

They are the code the runtime once compiled per class at run time with exec. Here:
every generated class has both; each emitted writer, called directly (write_canonical's
fallback would hide one that raises), writes what the ClassPlan's reference writer
writes; each emitted counter counts what models.fast's counter for other classes counts;
the layout of a class whose first field may be left out (no class of the schema has one)
is checked on a class of its own; the files are laid out as ruff formats them; and no
module of the package compiles code at run time.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import _jamjet_schema_generated.key_counts as key_counts
import _jamjet_schema_generated.models as generated
import _jamjet_schema_generated.plans as plans
import _jamjet_schema_generated.writers as writers
import pytest
from pydantic import Field

from benchmarks.loggen import LogGenerator
from codegen.corpus.cases import all_cases
from codegen.emit import python, python_writers
from codegen.emit.python import PlanField
from codegen.model import WireModel
from jamjet_schema import Event, NodeCompleted, ProvenanceMetadata
from jamjet_schema.models import WireStruct
from jamjet_schema.models import fast as fast_module
from jamjet_schema.models import plan as plan_module
from jamjet_schema.models.types import U32, Str, Value

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "jamjet_schema"


@pytest.fixture(scope="module")
def models(model: WireModel) -> list[WireStruct]:
    """Every model of the corpus's valid Event documents and of generated log lines, with
    every model nested in them."""
    texts = [c.input for c in all_cases(model) if c.type_name == "Event"]
    texts += list(LogGenerator(model, seed=5).events(300))
    out: list[WireStruct] = []
    for text in texts:
        event = Event.exact_read(text).model  # None: serde refuses the text
        if event is not None:
            out += _nested(event)
    assert len(out) > 500
    return out


def _nested(value: Any) -> Iterator[WireStruct]:
    if isinstance(value, WireStruct):
        yield value
        for name in type(value).model_fields:
            yield from _nested(value.__dict__[name])
    elif isinstance(value, list):
        for item in value:
            yield from _nested(item)


def test_every_generated_class_has_an_emitted_writer_and_key_count() -> None:
    for name in plans.CLASSES:
        cls = getattr(generated, name)
        assert writers.WRITERS[cls].__name__ == python_writers.writer_name(name)
        assert key_counts.COUNTERS[cls].__name__ == python_writers.counter_name(name)
    assert len(writers.WRITERS) == len(key_counts.COUNTERS) == len(plans.CLASSES)


def test_no_module_of_the_package_compiles_code_at_run_time() -> None:
    """No exec, eval or compile (the builtins; re.compile is an attribute) in src/."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name) and node.id in ("exec", "eval", "compile"):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.id}")
    assert found == []


def test_emitted_writers_write_what_the_reference_writes(models: list[WireStruct]) -> None:
    written: set[type] = set()
    for model in models:
        cls = type(model)
        assert writers.WRITERS[cls](model) == plan_module.plan_of(cls).write(model)
        written.add(cls)
    assert len(written) > 40


def test_emitted_key_counts_are_the_runtime_s(models: list[WireStruct]) -> None:
    fast_module._describe(Event)  # loads the emitted table, for the nested models
    for model in models:
        cls = type(model)
        emitted: list[Any] = []
        made: list[Any] = []
        assert key_counts.COUNTERS[cls](model, emitted) == fast_module._counter(cls)(model, made)
        assert len(emitted) == len(made)
        assert all(a is b for a, b in zip(emitted, made, strict=True))


def test_write_canonical_runs_the_emitted_writers(models: list[WireStruct]) -> None:
    for model in models[:50]:
        assert plan_module.write_canonical(model) == writers.WRITERS[type(model)](model)
        assert plan_module._WRITERS[type(model)] is writers.WRITERS[type(model)]


LEADING_RULES: list[PlanField] = [
    ("first", ("option", "string"), "none", "skip_if_none"),
    ("second", "u32", "reject", "always"),
    ("third", ("vec", "json"), "default", "skip_if_empty"),
    ("fourth", ("option", ("struct", "ProvenanceMetadata")), "none", "skip_if_none"),
]


class _Leading(WireStruct):
    # A class outside the generated package states its wire rules itself; its first
    # field may be left out, so the writer joins the parts with commas.
    __wire_plan__ = ("struct _Leading with 4 elements", tuple(LEADING_RULES))
    first: Str | None = None
    second: U32
    third: list[Value] = Field(default_factory=list)
    fourth: ProvenanceMetadata | None = None


class _OwnProvenance(ProvenanceMetadata):
    # A user's subclass: no emitted writer; nested, it is written by its reference writer.
    __wire_plan__ = plans.CLASSES["ProvenanceMetadata"]


LEADING = [
    _Leading(second=1),
    _Leading(first="a", second=2, third=[{"b": 1, "a": [1e-7, 0.5]}]),
    _Leading(first="\u2028", second=3, third=[None, "x"], fourth=ProvenanceMetadata()),
    _Leading(second=4, fourth=_OwnProvenance(model_id="m", evidence_refs=["r"])),
]


def test_a_leading_skipped_field_is_written_as_the_reference_writes(tmp_path: Path) -> None:
    """The emitter's writer of _Leading, imported from a module written as codegen writes
    writers.py, writes what the reference writer writes."""
    source = "\n".join(
        [
            "from typing import Any",
            "",
            "from _jamjet_schema_generated.writers import WRITERS",
            "from jamjet_schema.models.writing import write_model, write_string, write_value",
            "",
            *python_writers.writer_function("_Leading", LEADING_RULES),
            "",
        ]
    )
    assert "parts = [" in source
    path = tmp_path / "leading_writer.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("leading_writer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for model in LEADING:
        assert module.write__Leading(model) == plan_module.plan_of(_Leading).write(model)


def test_classes_without_an_emitted_writer_are_written_by_their_reference_writer() -> None:
    for model in LEADING:
        assert plan_module.write_canonical(model) == plan_module.plan_of(_Leading).write(model)
    assert plan_module._WRITERS[_Leading] == plan_module.plan_of(_Leading).write
    node = NodeCompleted(
        node_id="n", output=1, state_patch=None, duration_ms=3, provenance=_OwnProvenance()
    )
    expected = plan_module.plan_of(NodeCompleted).write(node)
    assert writers.WRITERS[NodeCompleted](node) == expected == plan_module.write_canonical(node)
    assert '"provenance":{"model_id":null,' in expected


def test_a_class_without_emitted_key_counts_keeps_its_fast_path() -> None:
    reader = fast_module.reader_of(_Leading, _Leading._wire_core_schema)
    assert reader is not None
    for model in LEADING:
        text = plan_module.write_canonical(model)
        assert reader.read(text) == _Leading.model_validate(model.model_dump())
    assert reader.read('{"second":1,"second":2}') is None  # a repeated member: the exact path


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff is not installed")
def test_the_emitted_modules_are_laid_out_as_ruff_formats_them() -> None:
    """generated/ is left out of the lint session; these files are written to pass it."""
    names = ("writers.py", "key_counts.py")
    files = [str(REPO / python.ROOT / name) for name in names]
    files += [str(p) for p in (REPO / "tests" / "emitters").glob(f"*/expected/{python.ROOT}/*")]
    files = [f for f in files if f.endswith(names)]
    assert len(files) >= 6
    for command in (["format", "--check"], ["check"]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--no-cache", *files],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
