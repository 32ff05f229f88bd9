"""The native core against the pure-Python path it stands beside.

The core's verdicts and bytes are serde's (the generated crate); the pure-Python path
was proven against serde by the differential suites. Here both must give the same
verdict, the same model (values, types, `model_fields_set`, Value dicts in document
order) and the same bytes on every corpus document, generated log lines and many
mutations of them; and the batch check of JSON Lines must agree with the per-record
check line by line.
"""

from __future__ import annotations

import os
import random
import uuid
from typing import Any

import pytest

from benchmarks.loggen import LogGenerator
from codegen.model import WireModel
from jamjet_schema import Event, Timestamp, native_available
from jamjet_schema import native as native_module
from jamjet_schema.logs.check import check
from jamjet_schema.logs.records import make_record
from jamjet_schema.models import plan as plan_module

from .conftest import TALLY
from .test_fast_path import CLASSES, documents, exact, mutate, same

requires_native = pytest.mark.skipif(not native_available(), reason="the native core is not in use")


def test_the_core_is_in_use_unless_turned_off() -> None:
    # CI builds the extension: a missing one must not pass as the pure-Python run.
    assert native_available() is (os.environ.get(native_module.ENV, "1") != "0")


@requires_native
def test_core_reading_is_exact_reading(documents: list[tuple[str, str]]) -> None:
    rng = random.Random(23)
    texts = list(documents)
    for type_name, text in documents:
        if not isinstance(exact(CLASSES[type_name], text), str):
            texts += [(type_name, mutate(text, rng)) for _ in range(4)]
    accepted = 0
    for type_name, text in texts:
        cls = CLASSES[type_name]
        want = exact(cls, text)
        read = native_module.READERS[cls]
        assert read is not None
        got = read(text)
        if isinstance(want, str):
            assert got is None, f"the core accepted {text!r}; the exact path: {want}"
            continue
        accepted += 1
        assert got is not None, f"the core refused {text!r}"
        assert same(got, want), text
        assert native_module.CORE.write(got) == plan_module.write_canonical(want), text
    TALLY["native core"] = f"{len(texts)} texts, {accepted} valid, all read alike"
    assert accepted > len(documents) // 2


@requires_native
def test_core_writing_is_the_python_writers(documents: list[tuple[str, str]]) -> None:
    written = 0
    for type_name, text in documents:
        model = exact(CLASSES[type_name], text)
        if isinstance(model, str):
            continue
        for part in _models_in(model):
            reference = plan_module.plan_of(type(part)).write(part)
            assert native_module.CORE.write(part) == reference, text
            written += 1
    assert written > 1000


def _models_in(model: Any) -> list[Any]:
    """The model and the models it holds (a variant, a ProvenanceMetadata)."""
    found = [model]
    for value in model.__dict__.values():
        if hasattr(value, "model_fields_set"):
            found += _models_in(value)
    return found


@requires_native
def test_what_the_core_does_not_hold_is_left_to_the_python_writer() -> None:
    event = Event.model_validate_json(next(LogGenerator(_model(), seed=2).events(1)))
    assert native_module.CORE.write(event.model_copy(update={"sequence": 2**70})) is None
    assert native_module.CORE.write(event.model_copy(update={"id": str(event.id)})) is None
    kind = event.kind.model_copy(update={"type": "x"})  # the class decides the tag
    assert native_module.CORE.write(kind) == plan_module.plan_of(type(kind)).write(event.kind)
    assert native_module.CORE.write(object()) is None
    deep: list[Any] = []
    for _ in range(5000):  # no validation: deeper than any Value serde reads
        deep = [deep]
    held = event.kind.model_copy(update={"initial_input": deep, "final_state": deep})
    assert native_module.CORE.write(held) is None  # not a stack overflow


@requires_native
def test_built_instances_are_whole_models() -> None:
    line = next(LogGenerator(_model(), seed=4).events(1))
    event = Event.model_validate_json(line)
    assert type(event.id) is uuid.UUID and type(event.created_at) is Timestamp
    assert event == Event.model_validate(event.model_dump())
    assert event.model_copy(deep=True) == event
    event.sequence = 7  # validate_assignment still runs on a model the core built
    assert event.model_dump_json().count('"sequence":7') == 1


# -- JSON Lines in batches ---------------------------------------------------------------------


def _lines(documents: list[tuple[str, str]]) -> list[str]:
    rng = random.Random(7)
    events = [text for type_name, text in documents if type_name == "Event" and "\n" not in text]
    lines = events + [mutate(text, rng).replace("\n", " ") for text in events]
    lines += ["", "   ", "\t\r", "\x0b", "{}\r", "[1,2]\r\r", "null"]
    rng.shuffle(lines)
    return lines


@requires_native
@pytest.mark.parametrize("canonical", [False, True])
def test_batch_check_is_the_per_record_check(
    documents: list[tuple[str, str]], canonical: bool
) -> None:
    lines = [line.encode(errors="surrogatepass") for line in _lines(documents)]  # some not UTF-8
    data = b"\n".join(lines) + b"\n"
    counts, problems, ends = native_module.CORE.check_lines(data, 0, len(data), canonical)
    assert ends == data.count(b"\n")
    flagged = {index: (start, end, what) for index, start, end, what, _ in problems}
    want_counts = dict.fromkeys(native_module.CORE.VARIANTS, 0)
    for index, raw in enumerate(lines):
        if not raw.strip():
            assert index not in flagged
            continue
        text = raw.rstrip(b"\r")
        verdict = check(make_record("-", index + 1, text), canonical=canonical)
        bad = not verdict.ok or (canonical and not verdict.is_canonical)
        if not bad:  # the core counts the clean lines; the caller checks the others again
            want_counts[verdict.variant or "?"] += 1
        assert (index in flagged) is bad, raw
        if bad:
            start, end, what = flagged[index]
            assert data[start:end] == text and what == (1 if not verdict.ok else 2)
    assert counts == list(want_counts.values())


@requires_native
def test_canonical_lines_are_the_canonical_texts(documents: list[tuple[str, str]]) -> None:
    lines = [line.encode(errors="surrogatepass") for line in _lines(documents)]
    data = b"\n".join(lines) + b"\n"
    out, _counts, problems, _ = native_module.CORE.canonical_lines(data, 0, len(data))
    invalid = {index for index, _, _, what, _ in problems if what == 1}
    want = []
    for index, raw in enumerate(lines):
        verdict = check(make_record("-", index + 1, raw.rstrip(b"\r")), canonical=True)
        assert (verdict.canonical is None) is (index in invalid or not raw.strip()), raw
        if verdict.canonical is not None:
            want.append(verdict.canonical)
    assert out.decode().split("\n")[:-1] == want  # not splitlines(): U+2028 is no newline here


def _model() -> WireModel:
    from codegen.pipeline import load_model

    return load_model()


__all__ = ["documents"]  # the fixture, shared with test_fast_path
